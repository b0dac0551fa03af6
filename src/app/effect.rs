//! Effects: what `update` asks the outside world to do. The runtime carries them out; tests
//! assert on them. `update` itself never performs I/O.

use crate::core::progress::Progress;

#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Effect {
    /// Persist this progress (the store merges it with the file; the outcome comes back as
    /// `Msg::Saved`). Several in a row may be saved as one: each holds the whole progress.
    SaveProgress(Progress),
    /// Leave the player; progress has already been saved by earlier effects.
    Quit,
    /// Give the terminal back and stop the process (`Ctrl-Z`); redraw fully on return.
    Suspend,
    /// Work on the workspace: write starters, read files, run command checks (answered by
    /// `Msg::Task`).
    Task(crate::app::task::TaskJob),
    /// Give the terminal to the learner's editor on this task path (relative to the
    /// workspace), wait for it, and redraw fully; answered by `TaskMsg::Edited`.
    Edit(String),
}
