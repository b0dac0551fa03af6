//! The edges: everything that touches the outside world, on top of `core`, `app` and `view`.
//!
//! - [`player`]: the model and its screen, and the one frame pipeline every caller uses.
//! - `terminal` and `runtime`: the terminal lifecycle and the one event loop.
//! - [`store`]: the progress file (data directory, lock, atomic durable writes), and
//!   `writer`, the thread that saves to it.
//! - `events`: what wakes the event loop; `highlighter`, the thread that colours code.
//! - [`fs_source`] and [`builtin`]: where course files come from (a directory, or the binary);
//!   `play_load`: a course loaded for the player's first screen first, the rest on a thread.
//! - [`headless`] and [`snapshot`]: the player's view drawn into a buffer, for `render`,
//!   `snapshot` and the tests.
//! - [`cli`]: the command line; with `main`, the only place that prints errors.
//!
//! Nothing in `core`, `app` or `view` may use this module.

pub mod builtin;
pub mod cli;
pub(crate) mod events;
pub mod fs_source;
pub mod headless;
pub(crate) mod highlighter;
pub(crate) mod play_load;
pub mod player;
pub(crate) mod runtime;
pub mod snapshot;
pub mod store;
pub(crate) mod terminal;
pub(crate) mod writer;
