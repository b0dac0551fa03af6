//! The small value types the model is made of: how the player was started, focus,
//! key modes, scroll offsets and the layout measurements fed back by the view.

use crate::app::overlay::OverlayKind;
use crate::core::course::{NodeId, StepId};
use crate::core::progress::Day;

/// How the player was started.
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools)] // independent switches, one per start option
pub struct Options {
    /// Every node is open; quiz passes and completions are not recorded.
    pub practice: bool,
    /// Typing animation and ticker scrolling.
    pub animate: bool,
    /// Start at this node (else resume, else the first open node).
    pub node: Option<NodeId>,
    /// Start at this step (in `node`, else in the first node that has it).
    pub step: Option<StepId>,
    /// A one-line notice to show at start (e.g. from the progress store).
    pub notice: Option<String>,
    /// Today, for the review (the app has no clock; the edge passes the date in).
    pub today: Day,
    /// A random number for this session (the app has no randomness): review sessions draw
    /// their fresh order from it. Headless scenes pass 0.
    pub entropy: u64,
    /// Show the first-run orientation over the first step.
    pub orientation: bool,
    /// Start with a review session of the questions due (`termcourse review`).
    pub review: bool,
    /// Where the course's tasks are written and whether its commands may run.
    pub tasks: crate::app::task::TaskEnv,
}

/// Which pane keys and scrolling go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Narration,
    Bash,
    Quiz,
    /// The hands-on task's checklist.
    Task,
}

/// The context that decides what a key means; see `keymap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyMode {
    Narration,
    Bash,
    /// Typing a line into the bash pane (type-along).
    TypeAlong,
    /// A `single` or `multi` quiz not answered right yet.
    Quiz,
    /// An `order` quiz not answered right yet, no item picked up.
    Order,
    /// An `order` quiz with the item under the cursor picked up: the arrows move it.
    Carrying,
    /// Typing the answer of a `text` quiz.
    QuizText,
    /// A `text` quiz whose field does not have the keyboard (the learner pressed Esc).
    QuizIdle,
    /// A quiz answered right, its verdict on screen: Enter moves on.
    QuizDone,
    /// A hands-on task.
    Task,
    /// A task's `Ctrl-R`, waiting for `y` to confirm.
    TaskConfirm,
    /// An overlay is open (typing into it, for those that take text).
    Overlay(OverlayKind),
}

impl KeyMode {
    /// Modes where printable keys are typed text rather than commands.
    pub fn is_input(self) -> bool {
        match self {
            Self::TypeAlong | Self::QuizText => true,
            Self::Overlay(kind) => kind.takes_text(),
            Self::Narration
            | Self::Bash
            | Self::Quiz
            | Self::Order
            | Self::Carrying
            | Self::QuizIdle
            | Self::QuizDone
            | Self::Task
            | Self::TaskConfirm => false,
        }
    }
}

/// Content size against viewport size, in rows (or columns) of one scrollable area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extent {
    pub content: u16,
    pub view: u16,
}

impl Extent {
    pub fn max_scroll(self) -> u16 {
        self.content.saturating_sub(self.view)
    }
}

/// What the view measured for the current step at the current size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Metrics {
    pub narration: Extent,
    /// Widest code line against the narration width, for horizontal scrolling.
    pub code_cols: Extent,
    pub bash: Extent,
    /// The bash pane's widest transcript line against its width, for sideways scrolling.
    pub bash_cols: Extent,
    pub quiz: Extent,
    pub task: Extent,
    /// The open overlay's scrollable text (help, or the FAQ's selected answer).
    pub overlay: Extent,
    /// Where, in the quiz pane's content, the part the model asked to follow is
    /// ([`Scroll::follow`]): the row range to bring into view.
    pub quiz_target: Option<Rows>,
    /// How the open matrix is drawn, so the arrows can follow the drawing.
    pub matrix: MatrixShape,
}

/// A range of content rows, `start..end`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rows {
    pub start: u16,
    pub end: u16,
}

/// How the matrix lays its levels (prerequisite depths) out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MatrixShape {
    /// One column per level, left to right: ←/→ change level, ↑/↓ move within it.
    Columns,
    /// One row per level, top to bottom: ↑/↓ change level, ←/→ move within it.
    Rows,
    /// An indented list in course order: ↑/↓ move through it, ←/→ change level.
    #[default]
    List,
}

/// What the quiz pane keeps in view as it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// The choice (or item) under the cursor.
    Cursor,
    /// The verdict and what follows it, after an answer.
    Verdict,
    /// The newest hint or offer.
    Hints,
}

/// Scroll offsets; each is kept within the last [`Metrics`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub narration: u16,
    pub code_x: u16,
    /// Rows scrolled back from the bottom of the bash pane (0 follows the newest output).
    pub bash_back: u16,
    /// Columns the bash pane's transcript is scrolled sideways (its lines never wrap).
    pub bash_x: u16,
    pub quiz: u16,
    /// What the quiz pane follows, until the learner scrolls it by hand.
    pub follow: Option<Follow>,
    pub task: u16,
}

/// The header's ticker: how far it has scrolled (in characters), how many more characters it
/// will scroll before resting, and the ticks since it last moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ticker {
    pub offset: usize,
    pub remaining: usize,
    pub phase: u32,
}
