//! The Deployment Matrix: the course's nodes laid out by prerequisite depth, with connectors
//! from each node to what it requires, every node's state readable without colour, and a detail
//! panel for the selected node (what a locked node still needs).
//!
//! Wide areas get one column per depth ([`graph`]); when the columns would be too narrow or too
//! tall the nodes become an indented list that scrolls to keep the selection visible.

mod detail;
mod graph;
mod nodes;
mod rows;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::MatrixShape;
use crate::core::course::Course;
use crate::core::progress::Progress;
use crate::core::unlock::NodeState;
use crate::view::panel::{panel, selectable, truncate};
use crate::view::theme::Theme;

/// The matrix screen, drawn from plain data.
pub struct Matrix<'a> {
    pub course: &'a Course,
    /// The learner's progress, for what is left in a node; `None` says nothing about it.
    pub progress: Option<&'a Progress>,
    /// One per node, in course order.
    pub states: &'a [NodeState],
    pub selected: usize,
    /// The node the learner is working on, marked `▶` (beside its state's symbol).
    pub current: Option<usize>,
    /// Questions due in the review today, shown with the key that starts it.
    pub review_due: usize,
    pub theme: &'a Theme,
    /// Use ASCII symbols and borders instead of Unicode ones.
    pub ascii: bool,
}

/// A node's symbol: what state it is in, or `▶` for the current node (a label shows both, see
/// [`label_symbol`]). Unicode symbols are one cell wide; ASCII ones are three.
pub fn node_symbol(state: &NodeState, current: bool, ascii: bool) -> &'static str {
    match (current, state, ascii) {
        (true, _, false) => "▶",
        (true, _, true) => "[>]",
        (_, NodeState::Complete, false) => "✔",
        (_, NodeState::Complete, true) => "[x]",
        (_, NodeState::InProgress, false) => "◐",
        (_, NodeState::InProgress, true) => "[~]",
        (_, NodeState::Available, false) => "○",
        (_, NodeState::Available, true) => "[ ]",
        (_, NodeState::Locked { .. }, false) => "■",
        (_, NodeState::Locked { .. }, true) => "[#]",
    }
}

/// The symbols in front of a node's title: its state's, after `▶` when it is the current
/// node, so that being here never hides being complete.
pub fn label_symbol(state: &NodeState, current: bool, ascii: bool) -> String {
    let symbol = node_symbol(state, false, ascii);
    match (current, ascii) {
        (true, false) => format!("▶{symbol}"),
        (true, true) => format!(">{symbol}"),
        (false, _) => symbol.to_owned(),
    }
}

/// A state in words.
pub fn state_label(state: &NodeState) -> &'static str {
    match state {
        NodeState::Locked { .. } => "locked",
        NodeState::Available => "available",
        NodeState::InProgress => "in progress",
        NodeState::Complete => "complete",
    }
}

/// The style a node is drawn in.
pub fn node_style(theme: &Theme, state: &NodeState, current: bool) -> Style {
    if current {
        return theme.node_current;
    }
    match state {
        NodeState::Locked { .. } => theme.node_locked,
        NodeState::Available => theme.node_available,
        NodeState::InProgress => theme.node_in_progress,
        NodeState::Complete => theme.node_complete,
    }
}

impl Widget for Matrix<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl Widget for &Matrix<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let info = &self.course.matrix;
        let title = if info.title.is_empty() {
            "Deployment Matrix"
        } else {
            info.title.as_str()
        };
        let title = format!(" {title} ");
        let mut block = panel(title.clone(), self.theme, true, self.ascii);
        if self.tagline_on_border(area) {
            let tagline = format!(" {} ", self.course.tagline.trim());
            block = block.title_top(Line::styled(tagline, self.theme.dim).right_aligned());
        }
        if !info.motto.is_empty() {
            block = block.title_bottom(Line::styled(format!(" {} ", info.motto), self.theme.dim));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() || self.course.nodes.is_empty() {
            return;
        }
        let [graph_area, legend_area, detail_area] = sections(inner);
        let (tagline_area, graph_area) = self.split_tagline(area, graph_area);
        if let Some(tagline_area) = tagline_area {
            Paragraph::new(self.course.tagline.trim())
                .style(self.theme.dim)
                .centered()
                .wrap(Wrap { trim: true })
                .render(tagline_area, buf);
        }
        self.render_nodes(graph_area, buf);
        self.render_legend(legend_area, buf);
        self.render_detail(detail_area, buf);
    }
}

/// The graph, legend and detail areas inside the matrix frame's `inner` area.
fn sections(inner: Rect) -> [Rect; 3] {
    let detail_h = match inner.height {
        h if h >= 14 => 6,
        h if h >= 8 => 4,
        _ => 0,
    };
    let legend_h = u16::from(inner.height >= 10);
    Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(legend_h),
        Constraint::Length(detail_h),
    ])
    .areas(inner)
}

impl Matrix<'_> {
    /// The node whose label is drawn at (`col`, `row`) when the matrix is drawn in `area`.
    pub fn node_at(&self, area: Rect, col: u16, row: u16) -> Option<usize> {
        let inner = ratatui::widgets::Block::bordered().inner(area);
        if inner.is_empty() || self.course.nodes.is_empty() {
            return None;
        }
        let (_, graph) = self.split_tagline(area, sections(inner)[0]);
        self.node_in_graph(graph, col, row)
    }

    /// Whether the tagline fits on the frame's top border beside the title.
    fn tagline_on_border(&self, area: Rect) -> bool {
        let tagline = self.course.tagline.trim();
        let title = if self.course.matrix.title.is_empty() {
            "Deployment Matrix"
        } else {
            self.course.matrix.title.as_str()
        };
        let room = usize::from(area.width).saturating_sub(title.width() + 2 + 6);
        !tagline.is_empty() && tagline.width() + 2 <= room
    }

    /// A long tagline that does not fit on the border gets the graph area's top rows, when the
    /// graph has rows to spare; shared by drawing and hit-testing so clicks stay aligned.
    fn split_tagline(&self, frame: Rect, graph: Rect) -> (Option<Rect>, Rect) {
        const TAGLINE_ROWS: u16 = 3;
        if self.tagline_on_border(frame)
            || self.course.tagline.trim().is_empty()
            || graph.height < 16
        {
            return (None, graph);
        }
        let [tagline, _, rest] = Layout::vertical([
            Constraint::Length(TAGLINE_ROWS - 1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(graph);
        (Some(tagline), rest)
    }

    fn state(&self, i: usize) -> &NodeState {
        self.states.get(i).unwrap_or(&NodeState::Available)
    }

    /// Symbol and title of node `i`, fitted to `width` cells.
    fn label(&self, i: usize, width: usize) -> Line<'static> {
        let state = self.state(i);
        let current = self.current == Some(i);
        let symbol = label_symbol(state, current, self.ascii);
        let title = truncate(
            &self.course.nodes[i].title,
            width.saturating_sub(symbol.width() + 1),
        );
        let style = selectable(
            node_style(self.theme, state, current),
            i == self.selected,
            self.theme,
        );
        Line::from(vec![Span::styled(format!("{symbol} {title}"), style)])
    }

    fn render_legend(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let entries = [
            (NodeState::Complete, false),
            (NodeState::Available, true),
            (NodeState::InProgress, false),
            (NodeState::Available, false),
            (
                NodeState::Locked {
                    missing: Vec::new(),
                },
                false,
            ),
        ];
        let mut spans = Vec::new();
        for (state, current) in &entries {
            let label = if *current {
                "current"
            } else {
                state_label(state)
            };
            let style = node_style(self.theme, state, *current);
            spans.push(Span::styled(
                node_symbol(state, *current, self.ascii),
                style,
            ));
            spans.push(Span::styled(format!(" {label}   "), self.theme.dim));
        }
        if self.review_due > 0 {
            let s = if self.review_due == 1 { "" } else { "s" };
            spans.push(Span::styled("R", self.theme.footer_key));
            spans.push(Span::styled(
                format!(" review: {} question{s} due", self.review_due),
                self.theme.warning,
            ));
        }
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }

    /// How the nodes are drawn in the matrix drawn at `area`: what the arrow keys follow.
    pub fn shape(&self, area: Rect) -> MatrixShape {
        let inner = ratatui::widgets::Block::bordered().inner(area);
        if inner.is_empty() || self.course.nodes.is_empty() {
            return MatrixShape::List;
        }
        let (_, graph) = self.split_tagline(area, sections(inner)[0]);
        self.shape_in(graph)
    }
}

#[cfg(test)]
mod tests;
