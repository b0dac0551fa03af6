//! The error panel of `play --watch`: why the course as last saved does not load, one
//! diagnostic a line (`file:line:col: message`), scrolled within what the view measured. The
//! last course that loaded stays on screen behind it; the next save that loads closes it.

use super::{OverlayKind, OverlayState, Reply, scroll_text};
use crate::app::msg::Msg;
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
        scroll_text(&mut self.scroll, model, &msg);
        Reply::Stay
    }

    fn clamp(&mut self, measured: Extent) {
        self.scroll = self.scroll.min(measured.max_scroll());
    }
}
