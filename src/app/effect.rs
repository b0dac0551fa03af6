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
}
