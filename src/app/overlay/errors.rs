//! The error panel of `play --watch`: why the course as last saved does not load, one
//! diagnostic a line (`file:line:col: message`), scrolled within what the view measured. The
//! last course that loaded stays on screen behind it; the next save that loads closes it.

use super::{OverlayKind, OverlayState, Reply, page, step_scroll};
use crate::app::msg::{Action, Msg};
use crate::app::{Extent, Model};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorsState {
    /// Lines scrolled past; bounded by `Metrics::overlay`.
    pub scroll: u16,
}

impl OverlayState for ErrorsState {
    const KIND: OverlayKind = OverlayKind::Errors;

    fn open(_model: &Model) -> Self {
        Self::default()
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        let max = model.metrics.overlay.max_scroll();
        let delta = match msg {
            Msg::Act(Action::CursorUp | Action::ScrollUp) => -1,
            Msg::Act(Action::CursorDown | Action::ScrollDown) => 1,
            Msg::Act(Action::PageUp) => -page(model),
            Msg::Act(Action::PageDown) => page(model),
            Msg::Scroll { down: true, .. } => 3,
            Msg::Scroll { down: false, .. } => -3,
            _ => 0,
        };
        step_scroll(&mut self.scroll, delta, max);
        Reply::Stay
    }

    fn clamp(&mut self, measured: Extent) {
        self.scroll = self.scroll.min(measured.max_scroll());
    }
}
