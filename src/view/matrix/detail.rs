//! The matrix's detail panel: the selected node's state, what it needs or what is left in it,
//! its summary, and the nodes it comes after and unlocks (its edges in words).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Matrix, node_style, node_symbol, state_label};
use crate::core::results::{Left, left_in_node};
use crate::core::unlock::NodeState;

impl Matrix<'_> {
    pub(super) fn render_detail(&self, area: Rect, buf: &mut Buffer) {
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
        let task = if node.has_task() { " · task" } else { "" };
        let plural = if steps == 1 { "" } else { "s" };
        head.push(Span::styled(
            format!("  ({steps} step{plural}{quiz}{task})"),
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
