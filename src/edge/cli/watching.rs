//! What `check --watch` and `play --watch` share on the command line: waiting for the next
//! save of a course, and starting the screen afresh for each run.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use crate::edge::reload::{SaveWatch, watch_saves};

/// The saves of one or more courses, as they happen.
pub struct Saves {
    seen: Receiver<Option<String>>,
    _watchers: Vec<SaveWatch>,
}

impl Saves {
    /// Starts watching the courses at `paths` (directories, or their `course.toml`); the
    /// watches are in place when this returns. `Err` says why one could not be set up.
    pub fn watch(paths: &[PathBuf]) -> Result<Self, String> {
        let (tx, seen) = mpsc::channel();
        let watchers = paths
            .iter()
            .map(|path| {
                let tx = tx.clone();
                watch_saves(path, move |trouble| {
                    let _ = tx.send(trouble);
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self {
            seen,
            _watchers: watchers,
        })
    }

    /// Blocks until the next save (taking any that came with it). `Err` says why saves cannot
    /// be seen.
    pub fn next(&self) -> Result<(), String> {
        let first = self
            .seen
            .recv()
            .map_err(|_| "the watcher stopped".to_owned())?;
        let trouble = self.seen.try_iter().fold(first, Option::or);
        trouble.map_or(Ok(()), Err)
    }
}

/// Clears the terminal (and its scrollback) before a new run, like `cargo watch -c`; nothing
/// when stdout is not a terminal, so a log keeps every run.
pub fn clear_screen() {
    let mut out = std::io::stdout().lock();
    if out.is_terminal() {
        let _ = out.write_all(b"\x1b[H\x1b[2J\x1b[3J");
        let _ = out.flush();
    }
}
