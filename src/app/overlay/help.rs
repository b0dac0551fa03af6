//! Key help over the step: the keymap's rows, scrolled within what the view measured.

use super::{OverlayKind, OverlayState, Reply, scroll_text};
use crate::app::msg::Msg;
use crate::app::{Extent, Model};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    /// Rows of help text scrolled past; bounded by `Metrics::overlay`.
    pub scroll: u16,
}

impl OverlayState for HelpState {
    const KIND: OverlayKind = OverlayKind::Help;

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
