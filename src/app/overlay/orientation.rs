//! The first-run orientation: one screen on how to play (step, type along, answer, open the
//! matrix), shown once over the first step. Any key dismisses it (the keymap maps every key to
//! `Back` here, so nothing else happens on that key press), uncovering what the start asked
//! for, if anything: the matrix on a locked `--node`, or a review's summary.

use super::{Overlay, OverlayKind, OverlayState, Reply};
use crate::app::Model;
use crate::app::msg::Msg;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrientationState {
    /// The overlay the start opened, shown once the orientation is dismissed: a first run
    /// must not swallow what `--node` or `termcourse review` asked for.
    pub then: Option<Box<Overlay>>,
}

impl OrientationState {
    /// The orientation over `underneath`, which comes back when it is dismissed.
    pub fn over(underneath: Option<Overlay>) -> Self {
        Self {
            then: underneath.map(Box::new),
        }
    }

    /// What shows once the orientation is dismissed.
    pub fn dismiss(self) -> Option<Overlay> {
        self.then.map(|overlay| *overlay)
    }
}

impl OverlayState for OrientationState {
    const KIND: OverlayKind = OverlayKind::Orientation;

    fn open(_model: &Model) -> Self {
        Self::default()
    }

    fn update(&mut self, _model: &mut Model, _msg: Msg) -> Reply {
        match self.then.take() {
            Some(next) => Reply::Replace(*next),
            None => Reply::Close(Vec::new()),
        }
    }
}
