//! The course-complete screen: the learner's results, what to do next and the course's closing
//! note, scrolled within what the view measured. `R` starts a review from here.

use super::{OverlayKind, OverlayState, Reply, scroll_text};
use crate::app::msg::{Action, Msg};
use crate::app::{Extent, Model};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FinishState {
    /// Rows scrolled past; bounded by `Metrics::overlay`.
    pub scroll: u16,
}

impl OverlayState for FinishState {
    const KIND: OverlayKind = OverlayKind::Finish;

    fn open(_model: &Model) -> Self {
        Self::default()
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        match msg {
            Msg::Act(Action::StartReview) => {
                return match crate::app::update::review::start(model) {
                    Some(next) => Reply::Replace(next),
                    None => Reply::Close(Vec::new()),
                };
            }
            Msg::Act(Action::Submit | Action::Open) => return Reply::Close(Vec::new()),
            _ => {}
        }
        scroll_text(&mut self.scroll, model, &msg);
        Reply::Stay
    }

    fn clamp(&mut self, measured: Extent) {
        self.scroll = self.scroll.min(measured.max_scroll());
    }
}
