//! termcourse: a course player for the terminal.
//!
//! # Layers
//! Each layer depends only on the layers above it in this list:
//! 1. [`core`]: the course model, loading and validation, quiz grading, the unlock graph and the
//!    progress value. Pure: no terminal, no clock, no direct file access.
//! 2. [`app`]: the Elm architecture: `Model`, `Msg`, `update` (no I/O), the keymap, and each
//!    overlay's state and keys.
//! 3. [`view`]: drawing a `Model` into a ratatui buffer, never mutating it.
//! 4. Edges: the player (model + screen, the one frame pipeline), the event loop and terminal
//!    lifecycle, the threads that highlight code, save progress and load courses, the progress
//!    store, the headless renderer and the command line, all under [`edge`].
//!
//! `tests/layering.rs` checks these rules on every test run.

pub mod app;
pub mod core;
pub mod edge;
pub mod view;
