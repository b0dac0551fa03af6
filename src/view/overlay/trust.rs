//! The trust prompt's popup: what runs, where, and the question, with the list of commands
//! scrolled by the state when it is longer than the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, OverlayView, draw_frame, frame, frame_inner, popup_rect};
use crate::app::Extent;
use crate::app::overlay::TrustState;
use crate::view::task::wrap_plain;

/// Widest the popup gets.
const MAX_W: u16 = 76;

/// Where the popup goes, and its lines laid out for it.
pub struct TrustLayout {
    pub popup: Rect,
    pub inner: Rect,
    /// The scrolled part: explanation and commands.
    pub lines: Vec<Line<'static>>,
    /// The question, always shown below the scrolled part.
    pub question: Vec<Line<'static>>,
}

impl TrustLayout {
    /// Rows the scrolled part gets.
    fn list_rows(&self) -> u16 {
        self.inner
            .height
            .saturating_sub(u16::try_from(self.question.len()).unwrap_or(u16::MAX))
    }
}

fn lines(state: &TrustState, cx: Cx<'_>, width: u16) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let theme = cx.theme;
    let dir = cx
        .model
        .task_env
        .workspace
        .clone()
        .unwrap_or_else(|| "the course's workspace".to_owned());
    let n = state.commands.len();
    let intro = format!(
        "This course runs {} on your computer when you check a task, in {dir} (as you, with a clean environment):",
        if n == 1 {
            "this command".to_owned()
        } else {
            format!("these {n} commands")
        }
    );
    let mut lines = wrap_plain(&intro, width, theme.text, "");
    lines.push(Line::default());
    let digits = n.to_string().len();
    for (i, command) in state.commands.iter().enumerate() {
        for (j, text) in command.lines().enumerate() {
            let lead = if j == 0 {
                format!("{:>digits$}  ", i + 1)
            } else {
                " ".repeat(digits + 2)
            };
            let text = text.replace('\t', "    ");
            let room = width.saturating_sub(u16::try_from(lead.len()).unwrap_or(u16::MAX));
            for (k, mut line) in wrap_plain(&text, room, theme.command, "")
                .into_iter()
                .enumerate()
            {
                let lead = if k == 0 {
                    lead.clone()
                } else {
                    " ".repeat(lead.len())
                };
                line.spans.insert(0, Span::styled(lead, theme.dim));
                lines.push(line);
            }
        }
    }
    lines.push(Line::default());
    let mut question = wrap_plain(
        "Allow them? The answer is kept for this course until any command changes.",
        width,
        theme.warning,
        "",
    );
    question.push(Line::from(vec![
        Span::styled("y", theme.footer_key),
        Span::styled(" allow   ", theme.footer_desc),
        Span::styled("n", theme.footer_key),
        Span::styled(" deny   ", theme.footer_desc),
        Span::styled("Esc", theme.footer_key),
        Span::styled(" decide later", theme.footer_desc),
    ]));
    (lines, question)
}

impl OverlayView for TrustState {
    type Layout = TrustLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> TrustLayout {
        // Laid out once at the widest width to size the popup, then at the real one.
        let width = MAX_W.saturating_sub(4);
        let (l, q) = lines(self, cx, width);
        let height = u16::try_from(l.len() + q.len()).unwrap_or(u16::MAX);
        let popup = popup_rect(area, MAX_W, height.saturating_add(2));
        let inner = frame_inner(popup);
        let (lines, question) = lines(self, cx, inner.width);
        TrustLayout {
            popup,
            inner,
            lines,
            question,
        }
    }

    fn draw(&self, cx: Cx<'_>, layout: &TrustLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        draw_frame(
            layout.popup,
            frame("Run this course's commands?", None, cx.theme, cx.ascii),
            buf,
        );
        let inner = layout.inner;
        if inner.is_empty() {
            return;
        }
        let rows = layout.list_rows();
        let max = layout.lines.len().saturating_sub(usize::from(rows));
        let scroll = usize::from(self.scroll).min(max);
        let visible: Vec<Line> = layout
            .lines
            .iter()
            .skip(scroll)
            .take(usize::from(rows))
            .cloned()
            .collect();
        Paragraph::new(visible).render(
            Rect {
                height: rows,
                ..inner
            },
            buf,
        );
        let question = Rect {
            y: inner.y + rows,
            height: inner.height - rows,
            ..inner
        };
        Paragraph::new(layout.question.clone()).render(question, buf);
    }

    fn extent(&self, _cx: Cx<'_>, layout: &TrustLayout, _text: &[Line<'static>]) -> Extent {
        Extent {
            content: u16::try_from(layout.lines.len()).unwrap_or(u16::MAX),
            view: layout.list_rows(),
        }
    }
}
