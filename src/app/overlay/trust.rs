//! The trust prompt: before the first command of a course runs, every distinct `run` command
//! of the course is shown and the learner allows (`y`) or denies (`n`) them; `Esc` decides
//! nothing (the prompt comes back with the next `Enter`). The decision is stored by the edge,
//! keyed by the course id and a hash of these commands.

use super::{OverlayKind, OverlayState, Reply, scroll_text};
use crate::app::msg::{Action, Msg};
use crate::app::update::task;
use crate::app::{Extent, Model};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustState {
    /// Every distinct command of the course, sorted as `core::trust` hashes them.
    pub commands: Vec<String>,
    /// Rows of the list scrolled past; bounded by `Metrics::overlay`.
    pub scroll: u16,
}

impl OverlayState for TrustState {
    const KIND: OverlayKind = OverlayKind::Trust;

    fn open(model: &Model) -> Self {
        Self {
            commands: crate::core::trust::commands(model.course())
                .into_iter()
                .map(str::to_owned)
                .collect(),
            scroll: 0,
        }
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        match msg {
            Msg::Act(Action::Yes) => return Reply::Close(task::decide(model, true)),
            Msg::Act(Action::No) => return Reply::Close(task::decide(model, false)),
            _ => {}
        }
        scroll_text(&mut self.scroll, model, &msg);
        Reply::Stay
    }

    fn clamp(&mut self, measured: Extent) {
        self.scroll = self.scroll.min(measured.max_scroll());
    }

    fn refit(&mut self, model: &Model) {
        *self = Self::open(model);
    }
}
