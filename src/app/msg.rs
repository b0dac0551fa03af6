//! Messages: every user intent and outside event the player reacts to.
//!
//! User intents without data are [`Action`]s, so the keymap can be a plain table of
//! `(mode, key) -> Action`; the few intents that carry data (a typed character, a picked choice,
//! a click) and the outside events (`Tick`, `Resize`, saved progress, measured layout) are the
//! other variants of [`Msg`].

use std::sync::Arc;

use crate::app::overlay::OverlayKind;
use crate::core::course::Course;
use crate::core::progress::Progress;

/// A user intent that carries no data; bound to keys in `keymap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Next bash entry when the bash pane has focus and entries remain, else next step.
    Next,
    /// Previous step.
    Prev,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    ScrollLeft,
    ScrollRight,
    /// Cycle focus between the panes present in this step.
    FocusNext,
    /// Start typing: focus the bash pane's input or the quiz's text field.
    Focus,
    /// Leave the current input or overlay.
    Back,
    Quit,
    Suspend,
    // Quiz.
    CursorUp,
    CursorDown,
    /// Select (single) or toggle (multi) the choice under the cursor.
    Toggle,
    Submit,
    Hint,
    MoveItemUp,
    MoveItemDown,
    // Text inputs.
    DeleteChar,
    ClearInput,
    /// Skip typing this type-along entry: reveal it as scripted.
    SkipTypeAlong,
    /// Open this overlay (or close it, when it is the one open).
    Show(OverlayKind),
    /// Open the selected matrix node or jump to the selected search hit.
    Open,
    MatrixLeft,
    MatrixRight,
    /// Show the focused pane on the whole screen, or all panes again.
    Zoom,
    /// Open the current step's reveal blocks (`<details>`), or close them.
    ToggleReveal,
    /// Start a review of the questions due (from the matrix or the finish screen).
    StartReview,
    // Tasks.
    /// Open the task's file in the learner's editor.
    Edit,
    /// Re-check the task now, running its command checks too.
    RunChecks,
    /// Put the task's file back to its starter (asks first).
    Reset,
    /// Answer yes (allow the course's commands; confirm a reset).
    Yes,
    /// Answer no (deny the course's commands; cancel a reset).
    No,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Act(Action),
    /// A character typed into the active input (or a quick filter).
    Input(char),
    /// Pasted text (bracketed paste); inserted into the active input, newlines dropped.
    Paste(String),
    /// Pick quiz choice `n` (0-based) with a number key.
    Pick(usize),
    /// Give a pane the focus (a mouse click on it; the view does the hit-testing).
    FocusPane(crate::app::Focus),
    /// Scroll a pane by a few rows (mouse wheel over it); `down` scrolls towards the end.
    Scroll {
        pane: crate::app::Focus,
        down: bool,
    },
    /// Select row `n` of the open overlay's list, or node `n` of the matrix (mouse).
    Select(usize),
    /// This many animation ticks ([`crate::app::TICK_MS`] each) have passed; sent by the
    /// runtime only when [`crate::app::Model::next_tick`] asked for it.
    Tick(u32),
    /// The terminal is now this size (columns, rows).
    Resize(u16, u16),
    /// How a save (asked for with `Effect::SaveProgress`) went.
    Saved(SaveOutcome),
    /// The view measured the current content against the current layout.
    Measured(crate::app::Metrics),
    /// Play this course from now on (a re-loaded course, e.g. by a file watcher); see
    /// [`crate::app::Model::replace_course`].
    CourseLoaded(SharedCourse),
    /// News about the hands-on task from the edge (files read, commands run, editor back).
    Task(crate::app::task::TaskMsg),
}

/// How a save went, as the save writer reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved. `progress` is what is now on disk: this player's progress merged with the file,
    /// which may hold work from another player open on the same course. `notice` says what the
    /// store had to set aside first, if anything.
    Saved {
        progress: Progress,
        notice: Option<String>,
    },
    /// Another termcourse holds the progress lock; the writer keeps trying.
    Busy,
    /// Not saved, for this reason (one line).
    Failed(String),
}

/// A loaded course as a message carries it: shared, and equal only to the same load.
#[derive(Debug, Clone)]
pub struct SharedCourse(pub Arc<Course>);

impl PartialEq for SharedCourse {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedCourse {}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Self::Act(action)
    }
}
