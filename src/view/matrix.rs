//! The Deployment Matrix: the course's nodes laid out by prerequisite depth, with connectors
//! from each node to what it requires, every node's state readable without colour, and a detail
//! panel for the selected node (what a locked node still needs).
//!
//! Wide areas get one column per depth ([`graph`]); when the columns would be too narrow or too
//! tall the nodes become an indented list that scrolls to keep the selection visible.

mod graph;
mod nodes;
mod rows;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::core::course::Course;
use crate::core::unlock::NodeState;
use crate::view::panel::{panel, selectable, truncate};
use crate::view::theme::Theme;

/// The matrix screen, drawn from plain data.
pub struct Matrix<'a> {
    pub course: &'a Course,
    /// One per node, in course order.
    pub states: &'a [NodeState],
    pub selected: usize,
    /// The node the learner is working on, marked `▶`.
    pub current: Option<usize>,
    pub theme: &'a Theme,
    /// Use ASCII symbols and borders instead of Unicode ones.
    pub ascii: bool,
}

/// A node's symbol: what state it is in, or `▶` for the current node. Unicode symbols are one
/// cell wide; ASCII ones are three.
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
        let tagline = format!(" {} ", self.course.tagline.trim());
        let mut block = panel(title.clone(), self.theme, true, self.ascii);
        // The tagline rides on the top border, right-aligned, only when it fits beside the title.
        let room = usize::from(area.width).saturating_sub(title.width() + 6);
        if !self.course.tagline.trim().is_empty() && tagline.width() <= room {
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
        self.node_in_graph(sections(inner)[0], col, row)
    }

    fn state(&self, i: usize) -> &NodeState {
        self.states.get(i).unwrap_or(&NodeState::Available)
    }

    /// Symbol and title of node `i`, fitted to `width` cells.
    fn label(&self, i: usize, width: usize) -> Line<'static> {
        let state = self.state(i);
        let current = self.current == Some(i);
        let symbol = node_symbol(state, current, self.ascii);
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
        buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    }

    fn render_detail(&self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 {
            return;
        }
        let rule = if self.ascii { "-" } else { "─" };
        buf.set_stringn(
            area.x,
            area.y,
            rule.repeat(usize::from(area.width)),
            usize::from(area.width),
            self.theme.border,
        );
        let body = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        Paragraph::new(self.detail_lines())
            .wrap(Wrap { trim: true })
            .render(body, buf);
    }

    fn detail_lines(&self) -> Vec<Line<'static>> {
        let Some(node) = self.course.nodes.get(self.selected) else {
            return Vec::new();
        };
        let theme = self.theme;
        let state = self.state(self.selected);
        let current = self.current == Some(self.selected);
        let steps = node.steps.len();
        let mut head = vec![
            Span::styled(
                format!("{} ", node_symbol(state, current, self.ascii)),
                node_style(theme, state, current),
            ),
            Span::styled(node.title.clone(), theme.strong),
            Span::styled(
                format!("  {}", state_label(state)),
                node_style(theme, state, false),
            ),
        ];
        if current {
            head.push(Span::styled(" · you are here", theme.node_current));
        }
        let quiz = if node.has_quiz() { " · quiz" } else { "" };
        let plural = if steps == 1 { "" } else { "s" };
        head.push(Span::styled(
            format!("  ({steps} step{plural}{quiz})"),
            theme.dim,
        ));
        let mut lines = vec![Line::from(head)];
        if let NodeState::Locked { missing } = state {
            let names: Vec<&str> = missing
                .iter()
                .map(|id| {
                    self.course
                        .node(id)
                        .map_or(id.as_str(), |n| n.title.as_str())
                })
                .collect();
            lines.push(Line::styled(
                format!("needs: {}", names.join(", ")),
                theme.warning,
            ));
        }
        lines.push(Line::styled(node.summary.clone(), theme.text));
        lines
    }
}

#[cfg(test)]
mod tests;
