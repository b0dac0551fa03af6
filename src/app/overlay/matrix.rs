//! The Deployment Matrix over the step: a selected node, moved with arrows that follow the
//! drawing (levels left to right or top to bottom, as the view measured), and opened (unless it
//! is locked, which the notice explains). `R` starts a review from here.

use super::{Overlay, OverlayKind, OverlayState, Reply, page, step_selection};
use crate::app::msg::{Action, Msg};
use crate::app::update::nav;
use crate::app::{MatrixShape, Model};
use crate::core::unlock::{depths, levels};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixState {
    /// The selected node, by course index.
    pub selected: usize,
    /// The notice says a node picked here is locked: it is about this matrix, and leaves
    /// with it.
    pub said_locked: bool,
}

impl MatrixState {
    /// The matrix with node `selected` selected.
    pub fn at(selected: usize) -> Self {
        Self {
            selected,
            said_locked: false,
        }
    }

    /// The matrix on node `locked`, opened because it is locked (the notice says what it
    /// needs).
    pub fn refusing(locked: usize) -> Self {
        Self {
            selected: locked,
            said_locked: true,
        }
    }

    /// The matrix is closing: a locked notice given here goes too.
    pub fn leave(&self, model: &mut Model) {
        if self.said_locked {
            model.notice = None;
        }
    }
}

impl OverlayState for MatrixState {
    const KIND: OverlayKind = OverlayKind::Matrix;

    fn open(model: &Model) -> Self {
        Self::at(model.node)
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        let len = model.course().nodes.len();
        let shape = model.metrics.matrix;
        match msg {
            Msg::Act(Action::CursorUp) => match shape {
                MatrixShape::Columns => self.within(model, false),
                MatrixShape::Rows => self.level(model, false),
                MatrixShape::List => step_selection(&mut self.selected, -1, len),
            },
            Msg::Act(Action::CursorDown) => match shape {
                MatrixShape::Columns => self.within(model, true),
                MatrixShape::Rows => self.level(model, true),
                MatrixShape::List => step_selection(&mut self.selected, 1, len),
            },
            Msg::Act(Action::PageUp) => step_selection(&mut self.selected, -page(model), len),
            Msg::Act(Action::PageDown) => step_selection(&mut self.selected, page(model), len),
            Msg::Scroll { down, .. } => {
                step_selection(&mut self.selected, if down { 1 } else { -1 }, len);
            }
            Msg::Select(i) => self.selected = i.min(len.saturating_sub(1)),
            Msg::Act(Action::MatrixLeft) => match shape {
                MatrixShape::Rows => self.within(model, false),
                MatrixShape::Columns | MatrixShape::List => self.level(model, false),
            },
            Msg::Act(Action::MatrixRight) => match shape {
                MatrixShape::Rows => self.within(model, true),
                MatrixShape::Columns | MatrixShape::List => self.level(model, true),
            },
            Msg::Act(Action::Open) => return open_node(model, self.selected),
            Msg::Act(Action::StartReview) => {
                return match crate::app::update::review::start(model) {
                    Some(summary) => Reply::Replace(summary),
                    None => Reply::Close(Vec::new()),
                };
            }
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
    /// Moves the selection to the next node drawn within its level (down a column, or right
    /// along a row).
    fn within(&mut self, model: &Model, forward: bool) {
        let depth = depths(model.course());
        let levels = levels(model.course(), &depth);
        let Some(level) = depth.get(self.selected).and_then(|d| levels.get(*d)) else {
            return;
        };
        let Some(slot) = level.iter().position(|i| *i == self.selected) else {
            return;
        };
        let next = if forward {
            level.get(slot + 1)
        } else {
            slot.checked_sub(1).and_then(|s| level.get(s))
        };
        if let Some(&next) = next {
            self.selected = next;
        }
    }

    /// Moves the selection to the node drawn nearest to it one level up or down: the view
    /// centres each level, so slot `s` of a level of `k` nodes sits at `(widest - k) / 2 + s`.
    fn level(&mut self, model: &Model, deeper: bool) {
        let depth = depths(model.course());
        let levels = levels(model.course(), &depth);
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
        let (Some(from), Some(to)) = (levels.get(here), levels.get(target)) else {
            return;
        };
        let widest = levels.iter().map(Vec::len).max().unwrap_or(0);
        // Doubled, so the centring offset stays whole.
        let place = |len: usize, slot: usize| widest - len + 2 * slot;
        let slot = from.iter().position(|i| *i == self.selected).unwrap_or(0);
        let at = place(from.len(), slot);
        if let Some(best) = (0..to.len()).min_by_key(|s| place(to.len(), *s).abs_diff(at)) {
            self.selected = to[best];
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
        return Reply::Replace(Overlay::Matrix(MatrixState::refusing(i)));
    }
    if i == model.node {
        Reply::Close(Vec::new())
    } else {
        Reply::Close(nav::go_to(model, i, 0, false))
    }
}
