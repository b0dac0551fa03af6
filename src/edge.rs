//! The edges: everything that touches the outside world, on top of `core`, `app` and `view`.
//!
//! - [`terminal`] and [`runtime`]: the terminal lifecycle and the one event loop.
//! - [`store`]: the progress file (data directory, lock, atomic durable writes).
//! - [`fs_source`] and [`builtin`]: where course files come from (a directory, or the binary).
//! - [`headless`] and [`snapshot`]: the player's view drawn into a buffer, for `render`,
//!   `snapshot` and the tests.
//! - [`safe_fs`]: opening files someone else prepared (no symlink followed by accident, no FIFO
//!   or device, never more than a limit read).
//! - [`cli`]: the command line; with `main`, the only place that prints errors.
//!
//! Nothing in `core`, `app` or `view` may use this module.

pub mod builtin;
pub mod cli;
pub mod fs_source;
pub mod headless;
pub mod runtime;
pub mod safe_fs;
pub mod snapshot;
pub mod store;
pub mod terminal;
