//! The review's summary popup: how the session went and what is left, or that nothing is due.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, OverlayView, draw_frame, frame, frame_inner, popup_rect};
use crate::app::overlay::ReviewState;
use crate::view::markdown::wrap_spans;
use crate::view::theme::Theme;

const MAX_W: u16 = 64;

/// Where the summary goes, and its lines.
pub struct ReviewLayout {
    pub popup: Rect,
    pub inner: Rect,
    pub lines: Vec<Line<'static>>,
}

impl OverlayView for ReviewState {
    type Layout = ReviewLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> ReviewLayout {
        let width = MAX_W.min(area.width.saturating_sub(4)).saturating_sub(4);
        let lines = self.lines(cx.theme, width);
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let popup = popup_rect(area, MAX_W, height.saturating_add(2));
        let inner = frame_inner(popup);
        ReviewLayout {
            popup,
            inner,
            lines: self.lines(cx.theme, inner.width),
        }
    }

    fn draw(&self, cx: Cx<'_>, layout: &ReviewLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        let footer = Line::styled(" Enter close ", cx.theme.dim).right_aligned();
        draw_frame(
            layout.popup,
            frame("Review", Some(footer), cx.theme, cx.ascii),
            buf,
        );
        Paragraph::new(layout.lines.clone()).render(layout.inner, buf);
    }
}

impl ReviewState {
    fn lines(&self, theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let mut say =
            |text: String, style| lines.extend(wrap_spans(&[Span::styled(text, style)], width));
        match self.tally {
            None if self.waiting > 0 => say(
                format!(
                    "Nothing to review today. {} question{} you missed come{} back on another day.",
                    self.waiting,
                    plural(self.waiting),
                    if self.waiting == 1 { "s" } else { "" }
                ),
                theme.text,
            ),
            None => say(
                "Nothing to review: questions you miss or have shown to you come back here, \
                 until you answer them right on two different days."
                    .to_owned(),
                theme.text,
            ),
            Some(t) => {
                let answered = t.right + t.missed + t.revealed;
                say(
                    format!("You answered {answered} question{}:", plural(answered)),
                    theme.strong,
                );
                say(format!("  ✓ {} right", t.right), theme.success);
                say(format!("  ✗ {} missed", t.missed), theme.error);
                if t.revealed > 0 {
                    say(format!("  {} shown", t.revealed), theme.warning);
                }
                if t.skipped > 0 {
                    say(format!("  {} skipped", t.skipped), theme.dim);
                }
                say(String::new(), theme.text);
                if self.due > 0 {
                    say(
                        format!(
                            "{} question{} still due: press R on the matrix to go on.",
                            self.due,
                            plural(self.due)
                        ),
                        theme.text,
                    );
                }
                if self.waiting > 0 {
                    say(
                        format!(
                            "{} come{} back on another day; a question leaves the review after \
                             right answers on two different days.",
                            self.waiting,
                            if self.waiting == 1 { "s" } else { "" }
                        ),
                        theme.dim,
                    );
                }
                if self.due == 0 && self.waiting == 0 {
                    say("Nothing left to review.".to_owned(), theme.success);
                }
            }
        }
        lines
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
