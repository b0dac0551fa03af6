//! The Deployment Matrix over the step: a selected node, moved through in course order or by
//! prerequisite depth, and opened (unless it is locked, which the notice explains).

use super::{OverlayKind, OverlayState, Reply, page, step_selection};
use crate::app::Model;
use crate::app::msg::{Action, Msg};
use crate::app::update::nav;
use crate::core::unlock::depths;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixState {
    /// The selected node, by course index.
    pub selected: usize,
}

impl MatrixState {
    /// The matrix with node `selected` selected.
    pub fn at(selected: usize) -> Self {
        Self { selected }
    }
}

impl OverlayState for MatrixState {
    const KIND: OverlayKind = OverlayKind::Matrix;

    fn open(model: &Model) -> Self {
        Self::at(model.node)
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        let len = model.course().nodes.len();
        match msg {
            Msg::Act(Action::CursorUp) => step_selection(&mut self.selected, -1, len),
            Msg::Act(Action::CursorDown) => step_selection(&mut self.selected, 1, len),
            Msg::Act(Action::PageUp) => step_selection(&mut self.selected, -page(model), len),
            Msg::Act(Action::PageDown) => step_selection(&mut self.selected, page(model), len),
            Msg::Scroll { down, .. } => {
                step_selection(&mut self.selected, if down { 1 } else { -1 }, len);
            }
            Msg::Select(i) => self.selected = i.min(len.saturating_sub(1)),
            Msg::Act(Action::MatrixLeft) => self.level(model, false),
            Msg::Act(Action::MatrixRight) => self.level(model, true),
            Msg::Act(Action::Open) => return open_node(model, self.selected),
            _ => {}
        }
        Reply::Stay
    }

    fn refit(&mut self, model: &Model) {
        self.selected = self
            .selected
            .min(model.course().nodes.len().saturating_sub(1));
    }
}

impl MatrixState {
    /// Moves the selection to the nearest node (in course order) one depth up or down.
    fn level(&mut self, model: &Model, deeper: bool) {
        let depth = depths(model.course());
        let Some(&here) = depth.get(self.selected) else {
            return;
        };
        let target = if deeper {
            here + 1
        } else if here == 0 {
            return;
        } else {
            here - 1
        };
        let from = self.selected;
        if let Some(best) = (0..depth.len())
            .filter(|i| depth[*i] == target)
            .min_by_key(|i| i.abs_diff(from))
        {
            self.selected = best;
        }
    }
}

/// Opens node `i`: at the current step when it is the current node, else at its first step. A
/// locked node stays closed and the notice says what it needs.
fn open_node(model: &mut Model, i: usize) -> Reply {
    if i >= model.course().nodes.len() {
        return Reply::Stay;
    }
    if let Some(notice) = model.locked_notice(i) {
        model.notice = Some(notice);
        return Reply::Stay;
    }
    if i == model.node {
        Reply::Close(Vec::new())
    } else {
        Reply::Close(nav::go_to(model, i, 0, false))
    }
}
