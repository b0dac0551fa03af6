//! The FAQ over the step: a selected question, and its answer scrolled within what the view
//! measured.

use super::{OverlayKind, OverlayState, Reply, page, step_scroll, step_selection};
use crate::app::msg::{Action, Msg};
use crate::app::{Extent, Model};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FaqState {
    pub selected: usize,
    /// Rows of the selected answer scrolled past; bounded by `Metrics::overlay`.
    pub scroll: u16,
}

impl OverlayState for FaqState {
    const KIND: OverlayKind = OverlayKind::Faq;

    fn open(_model: &Model) -> Self {
        Self::default()
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        let len = model.course().faq.len();
        let max = model.metrics.overlay.max_scroll();
        let mut reselected = true;
        match msg {
            Msg::Act(Action::CursorUp) => step_selection(&mut self.selected, -1, len),
            Msg::Act(Action::CursorDown) => step_selection(&mut self.selected, 1, len),
            Msg::Select(i) => self.selected = i.min(len.saturating_sub(1)),
            msg => {
                reselected = false;
                let delta = match msg {
                    Msg::Act(Action::ScrollUp) => -1,
                    Msg::Act(Action::ScrollDown) => 1,
                    Msg::Act(Action::PageUp) => -page(model),
                    Msg::Act(Action::PageDown) => page(model),
                    Msg::Scroll { down: true, .. } => 3,
                    Msg::Scroll { down: false, .. } => -3,
                    _ => 0,
                };
                step_scroll(&mut self.scroll, delta, max);
            }
        }
        if reselected {
            // A question (even the same one) starts at the top of its answer.
            self.scroll = 0;
        }
        Reply::Stay
    }

    fn clamp(&mut self, measured: Extent) {
        self.scroll = self.scroll.min(measured.max_scroll());
    }

    fn refit(&mut self, model: &Model) {
        self.selected = self
            .selected
            .min(model.course().faq.len().saturating_sub(1));
    }
}
