//! Screens drawn over the step ("overlays"): the Deployment Matrix, the glossary, the FAQ, key
//! help, search, the course-complete screen, the review's summary, the first-run orientation
//! and the error panel of `play --watch`. Each is a module of its own here (its state and what
//! keys do to it, behind [`OverlayState`]) and one in `view::overlay` (its layout, drawing and
//! hit-testing).
//!
//! # Adding an overlay
//! 1. Write `app/overlay/<name>.rs`: a state type implementing [`OverlayState`].
//! 2. Register it in this file: a variant of [`OverlayKind`] and of [`Overlay`], its name,
//!    and an arm of `with_overlay!` (the compiler lists every match to extend).
//! 3. Write `view/overlay/<name>.rs`: `impl OverlayView for` the state (and `mod <name>;`
//!    in `view/overlay.rs`).
//!
//! Keys that open it, if any, are rows of the keymap (`Action::Show(kind)`); an overlay can
//! also be opened by `update` itself (`model.overlay = Some(kind.open(model))`).

pub mod errors;
pub mod faq;
pub mod finish;
pub mod glossary;
pub mod help;
pub mod matrix;
pub mod orientation;
pub mod review;
pub mod search;
pub mod trust;

use std::fmt;
use std::str::FromStr;

use super::effect::Effect;
use super::msg::Msg;
use super::{Extent, Model};

pub use self::errors::ErrorsState;
pub use self::faq::FaqState;
pub use self::finish::FinishState;
pub use self::glossary::GlossaryState;
pub use self::help::HelpState;
pub use self::matrix::MatrixState;
pub use self::orientation::OrientationState;
pub use self::review::ReviewState;
pub use self::search::SearchState;
pub use self::trust::TrustState;

/// Which overlay: the one name shared by the app (keys, modes), the headless renderer
/// (`Scene::overlay`) and the command line (`render --screen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OverlayKind {
    Matrix,
    Glossary,
    Faq,
    Help,
    Search,
    /// Why the course being watched (`play --watch`) does not load.
    Errors,
    /// The course-complete screen.
    Finish,
    /// The summary of a review session.
    Review,
    /// The first-run orientation.
    Orientation,
    /// The trust prompt, before a course's first command runs.
    Trust,
}

impl OverlayKind {
    pub const ALL: [Self; 10] = [
        Self::Matrix,
        Self::Glossary,
        Self::Faq,
        Self::Help,
        Self::Search,
        Self::Errors,
        Self::Finish,
        Self::Review,
        Self::Orientation,
        Self::Trust,
    ];

    /// Its name on the command line and in snapshot file names.
    pub fn name(self) -> &'static str {
        match self {
            Self::Matrix => "matrix",
            Self::Glossary => "glossary",
            Self::Faq => "faq",
            Self::Help => "help",
            Self::Search => "search",
            Self::Errors => "errors",
            Self::Finish => "finish",
            Self::Review => "review",
            Self::Orientation => "orientation",
            Self::Trust => "trust",
        }
    }

    /// Whether printable keys type into it (a filter or a query) rather than act.
    pub fn takes_text(self) -> bool {
        matches!(self, Self::Glossary | Self::Search)
    }

    /// Whether it shows something before anything is typed into it: the screens `render
    /// --screen` offers and `snapshot` covers (a search shows nothing until it has a query).
    /// The error panel shows only while watching a course that does not load.
    pub fn shows_alone(self) -> bool {
        matches!(self, Self::Matrix | Self::Glossary | Self::Faq | Self::Help)
    }

    /// Whether `render --screen` can draw it: the screens that show alone, and the finish
    /// and orientation screens, which an author may want to see (the finish screen with no
    /// results yet, so the course's closing note can be checked).
    pub fn renderable(self) -> bool {
        self.shows_alone() || matches!(self, Self::Finish | Self::Orientation)
    }

    /// The overlay as it opens over `model`.
    pub fn open(self, model: &Model) -> Overlay {
        match self {
            Self::Matrix => Overlay::Matrix(MatrixState::open(model)),
            Self::Glossary => Overlay::Glossary(GlossaryState::open(model)),
            Self::Faq => Overlay::Faq(FaqState::open(model)),
            Self::Help => Overlay::Help(HelpState::open(model)),
            Self::Search => Overlay::Search(SearchState::open(model)),
            Self::Errors => Overlay::Errors(ErrorsState::open(model)),
            Self::Finish => Overlay::Finish(FinishState::open(model)),
            Self::Review => Overlay::Review(ReviewState::open(model)),
            Self::Orientation => Overlay::Orientation(OrientationState::open(model)),
            Self::Trust => Overlay::Trust(TrustState::open(model)),
        }
    }
}

impl fmt::Display for OverlayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not an overlay's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no screen named `{0}`")]
pub struct UnknownOverlay(pub String);

impl FromStr for OverlayKind {
    type Err = UnknownOverlay;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| UnknownOverlay(name.to_owned()))
    }
}

/// The open overlay and its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Matrix(MatrixState),
    Glossary(GlossaryState),
    Faq(FaqState),
    Help(HelpState),
    Search(SearchState),
    Errors(ErrorsState),
    Finish(FinishState),
    Review(ReviewState),
    Orientation(OrientationState),
    Trust(TrustState),
}

impl Overlay {
    /// What shows when this overlay is closed: nothing, except under the first-run
    /// orientation, which covers what the start opened.
    pub fn underneath(self) -> Option<Overlay> {
        match self {
            Self::Orientation(orientation) => orientation.dismiss(),
            _ => None,
        }
    }

    /// The overlay is closing, or giving way to another the learner asked for: what it said
    /// in the notice about itself goes with it.
    pub fn leave(&self, model: &mut Model) {
        if let Self::Matrix(matrix) = self {
            matrix.leave(model);
        }
    }
}

/// Evaluates `$body` with `$state` bound to the open overlay's state, whatever its type: the
/// one dispatch over overlays, used here for [`OverlayState`] and by the view for its
/// `OverlayView`, so adding an overlay extends one list.
macro_rules! with_overlay {
    ($overlay:expr, $state:ident => $body:expr) => {
        match $overlay {
            $crate::app::overlay::Overlay::Matrix($state) => $body,
            $crate::app::overlay::Overlay::Glossary($state) => $body,
            $crate::app::overlay::Overlay::Faq($state) => $body,
            $crate::app::overlay::Overlay::Help($state) => $body,
            $crate::app::overlay::Overlay::Search($state) => $body,
            $crate::app::overlay::Overlay::Errors($state) => $body,
            $crate::app::overlay::Overlay::Finish($state) => $body,
            $crate::app::overlay::Overlay::Review($state) => $body,
            $crate::app::overlay::Overlay::Orientation($state) => $body,
            $crate::app::overlay::Overlay::Trust($state) => $body,
        }
    };
}
pub(crate) use with_overlay;

/// What an overlay wants after a message.
#[derive(Debug, PartialEq, Eq)]
pub enum Reply {
    /// Stay open.
    Stay,
    /// Close, and have the outside world do these (moving to a step saves progress).
    Close(Vec<Effect>),
    /// Give way to another overlay.
    Replace(Overlay),
}

/// An overlay's state and what messages do to it.
pub trait OverlayState: Sized {
    const KIND: OverlayKind;

    /// The state when it opens over `model`.
    fn open(model: &Model) -> Self;

    /// Reacts to a user intent. The overlay is out of `model.overlay` during the call, so it
    /// may change the rest of the model (move to a step, set a notice). `Back`, quitting and
    /// the keys of other overlays are handled before it is asked.
    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply;

    /// Keeps scroll offsets within what the view measured (`Metrics::overlay`).
    fn clamp(&mut self, _measured: Extent) {}

    /// Fits the state to a course that replaced the one it was opened on (see
    /// `Model::replace_course`): selections within bounds, derived lists found again.
    fn refit(&mut self, _model: &Model) {}
}

impl Overlay {
    pub fn kind(&self) -> OverlayKind {
        fn kind_of<S: OverlayState>(_: &S) -> OverlayKind {
            S::KIND
        }
        with_overlay!(self, state => kind_of(state))
    }

    pub(crate) fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        with_overlay!(self, state => state.update(model, msg))
    }

    pub(crate) fn clamp(&mut self, measured: Extent) {
        with_overlay!(self, state => state.clamp(measured));
    }

    pub(crate) fn refit(&mut self, model: &Model) {
        with_overlay!(self, state => state.refit(model));
    }
}

/// Moves a list selection by `delta` within `len` entries.
pub(crate) fn step_selection(selected: &mut usize, delta: isize, len: usize) {
    *selected = selected
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1));
}

/// Scrolls text by `delta` rows within `max`.
pub(crate) fn step_scroll(scroll: &mut u16, delta: isize, max: u16) {
    let moved = i64::from(*scroll) + i64::try_from(delta).unwrap_or(0);
    *scroll = u16::try_from(moved.clamp(0, i64::from(max))).unwrap_or(max);
}

/// Scrolls a text overlay (help, results, error panel, trust prompt) by a scrolling message:
/// a row for the arrows and `j`/`k`, a page for PgUp/PgDn, three rows a wheel turn. Returns
/// whether `msg` was one; bounded by what the view measured.
pub(crate) fn scroll_text(scroll: &mut u16, model: &Model, msg: &Msg) -> bool {
    use super::msg::Action;
    let delta = match msg {
        Msg::Act(Action::CursorUp | Action::ScrollUp) => -1,
        Msg::Act(Action::CursorDown | Action::ScrollDown) => 1,
        Msg::Act(Action::PageUp) => -page(model),
        Msg::Act(Action::PageDown) => page(model),
        Msg::Scroll { down: true, .. } => 3,
        Msg::Scroll { down: false, .. } => -3,
        _ => return false,
    };
    step_scroll(scroll, delta, model.metrics.overlay.max_scroll());
    true
}

/// Rows a page key moves: the measured view less one row of context.
pub(crate) fn page(model: &Model) -> isize {
    isize::try_from(model.metrics.overlay.view.saturating_sub(1).max(1)).unwrap_or(1)
}

/// Longest filter or query kept.
pub(crate) const MAX_QUERY: usize = 80;

/// Applies a text-editing message to a filter or query; returns whether it was one (and the
/// text may have changed).
pub(crate) fn edit_query(query: &mut String, msg: &Msg) -> bool {
    use super::msg::Action;
    match msg {
        Msg::Input(c) => {
            if query.chars().count() < MAX_QUERY {
                query.push(*c);
            }
        }
        Msg::Paste(text) => super::update::append_pasted(query, text, MAX_QUERY),
        Msg::Act(Action::DeleteChar) => {
            query.pop();
        }
        Msg::Act(Action::ClearInput) => query.clear(),
        _ => return false,
    }
    true
}
