//! The Deployment Matrix as an overlay: the [`Matrix`] widget over the body, with the node
//! states computed once per use and shared by drawing and hit-testing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::{Cx, OverlayView, select_or_open};
use crate::app::MatrixShape;
use crate::app::msg::Msg;
use crate::app::overlay::MatrixState;
use crate::core::review::due_count;
use crate::core::unlock::NodeState;
use crate::view::matrix::Matrix;

/// The matrix fills the body; the widget lays out its graph, legend and detail inside.
pub struct MatrixLayout {
    pub area: Rect,
    pub states: Vec<NodeState>,
    /// Questions due in the review today.
    pub review_due: usize,
}

impl MatrixState {
    fn widget<'a>(&self, cx: Cx<'a>, layout: &'a MatrixLayout) -> Matrix<'a> {
        Matrix {
            course: cx.model.course(),
            progress: Some(&cx.model.progress),
            states: &layout.states,
            selected: self.selected,
            current: Some(cx.model.node),
            review_due: layout.review_due,
            theme: cx.theme,
            ascii: cx.ascii,
        }
    }

    /// How the matrix is drawn over the body `area`.
    pub fn shape(&self, cx: Cx<'_>, area: Rect) -> MatrixShape {
        let layout = self.layout(cx, area);
        self.widget(cx, &layout).shape(area)
    }
}

impl OverlayView for MatrixState {
    type Layout = MatrixLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> MatrixLayout {
        let model = cx.model;
        MatrixLayout {
            area,
            states: model.node_states(),
            review_due: due_count(model.course(), &model.progress, model.today),
        }
    }

    fn draw(&self, cx: Cx<'_>, layout: &MatrixLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        Clear.render(layout.area, buf);
        self.widget(cx, layout).render(layout.area, buf);
    }

    fn hit(&self, cx: Cx<'_>, layout: &MatrixLayout, at: Position) -> Option<Msg> {
        let hit = self.widget(cx, layout).node_at(layout.area, at.x, at.y)?;
        Some(select_or_open(hit, self.selected, true))
    }
}
