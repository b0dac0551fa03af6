//! The Deployment Matrix as an overlay: the [`Matrix`] widget over the body, with the node
//! states computed once per use and shared by drawing and hit-testing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::{Cx, OverlayView, select_or_open};
use crate::app::msg::Msg;
use crate::app::overlay::MatrixState;
use crate::core::unlock::NodeState;
use crate::view::matrix::Matrix;

/// The matrix fills the body; the widget lays out its graph, legend and detail inside.
pub struct MatrixLayout {
    pub area: Rect,
    pub states: Vec<NodeState>,
}

impl MatrixState {
    fn widget<'a>(&self, cx: Cx<'a>, states: &'a [NodeState]) -> Matrix<'a> {
        Matrix {
            course: cx.model.course(),
            states,
            selected: self.selected,
            current: Some(cx.model.node),
            theme: cx.theme,
            ascii: cx.ascii,
        }
    }
}

impl OverlayView for MatrixState {
    type Layout = MatrixLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> MatrixLayout {
        MatrixLayout {
            area,
            states: cx.model.node_states(),
        }
    }

    fn draw(&self, cx: Cx<'_>, layout: &MatrixLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        Clear.render(layout.area, buf);
        self.widget(cx, &layout.states).render(layout.area, buf);
    }

    fn hit(&self, cx: Cx<'_>, layout: &MatrixLayout, at: Position) -> Option<Msg> {
        let hit = self
            .widget(cx, &layout.states)
            .node_at(layout.area, at.x, at.y)?;
        Some(select_or_open(hit, self.selected, true))
    }
}
