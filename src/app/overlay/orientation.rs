//! The first-run orientation: one screen on how to play (step, type along, answer, open the
//! matrix), shown once over the first step. Any key dismisses it (the keymap maps every key to
//! `Back` here, so nothing else happens on that key press).

use super::{OverlayKind, OverlayState, Reply};
use crate::app::Model;
use crate::app::msg::Msg;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrientationState;

impl OverlayState for OrientationState {
    const KIND: OverlayKind = OverlayKind::Orientation;

    fn open(_model: &Model) -> Self {
        Self
    }

    fn update(&mut self, _model: &mut Model, _msg: Msg) -> Reply {
        Reply::Close(Vec::new())
    }
}
