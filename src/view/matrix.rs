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

use crate::app::MatrixShape;
use crate::core::course::Course;
use crate::core::progress::Progress;
use crate::core::results::{Left, left_in_node};
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
        } else if let Some(left) = self.left_line(self.selected) {
            lines.push(left);
        }
        lines.push(Line::styled(node.summary.clone(), theme.text));
        let edges = self.links_line(self.selected);
        if !edges.spans.is_empty() {
            lines.push(edges);
        }
        lines
    }
}

impl Matrix<'_> {
    /// What is left to do in node `i`, when it is started and not complete: its quizzes and
    /// tasks not passed yet, by step title.
    fn left_line(&self, i: usize) -> Option<Line<'static>> {
        let (node, progress) = (self.course.nodes.get(i)?, self.progress?);
        if !matches!(self.state(i), NodeState::InProgress) {
            return None;
        }
        let left = left_in_node(node, progress);
        if left.is_empty() {
            return None;
        }
        // By step number: quiz steps are often all titled alike ("System Verification").
        let number = |step: &crate::core::course::Step| {
            node.steps
                .iter()
                .position(|s| s.id == step.id)
                .map_or(0, |i| i + 1)
        };
        let list = |(one, many): (&str, &str), steps: Vec<usize>| match steps.as_slice() {
            [] => None,
            [n] => Some(format!("{one} at step {n}")),
            all => Some(format!(
                "{} {many} at steps {}",
                all.len(),
                all.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        let of = |pick: fn(&Left) -> bool| {
            left.iter()
                .filter(|l| pick(l))
                .map(|l| number(l.step()))
                .collect::<Vec<_>>()
        };
        let names: Vec<String> = [
            list(("a quiz", "quizzes"), of(|l| matches!(l, Left::Quiz(_)))),
            list(("a task", "tasks"), of(|l| matches!(l, Left::Task(_)))),
            of(|l| matches!(l, Left::Read(_)))
                .first()
                .map(|n| format!("read on to step {n}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        Some(Line::styled(
            format!("left: {}", names.join("; ")),
            self.theme.node_in_progress,
        ))
    }

    /// What node `i` needs and what it unlocks, by title: the edges of the selected node in
    /// words (its connectors are highlighted in the graph).
    fn links_line(&self, i: usize) -> Line<'static> {
        let Some(node) = self.course.nodes.get(i) else {
            return Line::default();
        };
        let title = |id: &crate::core::course::NodeId| {
            self.course
                .node(id)
                .map_or_else(|| id.to_string(), |n| n.title.clone())
        };
        // A locked node's missing prerequisites are listed as "needs:" already.
        let locked = matches!(self.state(i), NodeState::Locked { .. });
        let requires: Vec<String> = if locked {
            Vec::new()
        } else {
            node.requires.iter().map(title).collect()
        };
        let unlocks: Vec<String> = self
            .course
            .nodes
            .iter()
            .filter(|n| n.requires.contains(&node.id))
            .map(|n| n.title.clone())
            .collect();
        let mut spans = Vec::new();
        if !requires.is_empty() {
            spans.push(Span::styled("after: ", self.theme.dim));
            spans.push(Span::styled(requires.join(", "), self.theme.text));
        }
        if !unlocks.is_empty() {
            if !spans.is_empty() {
                spans.push(Span::styled("  ·  ", self.theme.dim));
            }
            spans.push(Span::styled("unlocks: ", self.theme.dim));
            spans.push(Span::styled(unlocks.join(", "), self.theme.text));
        }
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests;
