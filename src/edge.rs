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
//! - Hands-on tasks: [`workspace`] (where the learner's files are, starters, reset, reading),
//!   [`runner`] (command checks on a worker thread), [`watcher`] (saves re-check files),
//!   [`editor`] (which editor opens a file), [`trust`] (whether commands may run), all on top of
//!   [`nofollow`] (file access that never follows a symbolic link); [`task_session`] sets them
//!   up for one session from the command line.
//! - [`safe_fs`]: opening files someone else prepared (no symlink followed by accident, no FIFO
//!   or device, never more than a limit read).
//! - [`cli`]: the command line; with `main`, the only place that prints errors.
//!
//! Nothing in `core`, `app` or `view` may use this module.

pub mod builtin;
pub mod cli;
pub mod editor;
pub(crate) mod events;
pub mod first_run;
pub mod fs_source;
pub mod headless;
pub(crate) mod highlighter;
pub mod nofollow;
pub(crate) mod play_load;
pub mod player;
pub mod runner;
pub(crate) mod runtime;
pub mod safe_fs;
pub mod snapshot;
pub mod store;
pub mod task_session;
pub mod task_worker;
pub(crate) mod terminal;
pub mod trust;
pub mod watcher;
pub mod workspace;
pub(crate) mod writer;
