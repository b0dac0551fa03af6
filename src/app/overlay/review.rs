//! The review's summary: how a review session went (or that nothing is due), over the step the
//! learner returned to. Enter or Esc closes it.

use super::{OverlayKind, OverlayState, Reply};
use crate::app::Model;
use crate::app::msg::{Action, Msg};
use crate::app::review::Tally;
use crate::core::review::{ReviewStatus, questions};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewState {
    /// The session that ended, if one was played; `None`: nothing was due.
    pub tally: Option<Tally>,
    /// Questions still in the review, waiting for another day.
    pub waiting: usize,
    /// Questions still due (a session that ended early leaves some).
    pub due: usize,
    /// Questions that were ever in the review and have left it.
    pub cleared: usize,
}

impl ReviewState {
    /// The summary after a session that recorded `tally` (or, with `None`, the answer to a
    /// review asked for when nothing is due).
    pub fn summary(model: &Model, tally: Option<Tally>) -> Self {
        let mut state = Self {
            tally,
            ..Self::default()
        };
        for q in questions(model.course(), &model.progress, model.today) {
            match q.status {
                ReviewStatus::Waiting => state.waiting += 1,
                ReviewStatus::Due => state.due += 1,
                ReviewStatus::Cleared => state.cleared += 1,
                ReviewStatus::NotInReview => {}
            }
        }
        state
    }
}

impl OverlayState for ReviewState {
    const KIND: OverlayKind = OverlayKind::Review;

    fn open(model: &Model) -> Self {
        Self::summary(model, None)
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        match msg {
            Msg::Act(Action::Submit | Action::Open | Action::Next) => Reply::Close(Vec::new()),
            Msg::Act(Action::StartReview) if self.due > 0 => {
                match crate::app::update::review::start(model) {
                    Some(next) => Reply::Replace(next),
                    None => Reply::Close(Vec::new()),
                }
            }
            _ => Reply::Stay,
        }
    }
}
