//! The FAQ popup: the questions, and the selected question's answer (markdown laid out once by
//! the caller's cache, see [`answer_lines`]) scrolled by the caller.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{frame, popup, popup_inner, scroll_offset};
use crate::core::course::FaqEntry;
use crate::view::markdown;
use crate::view::panel::{selectable, truncate};
use crate::view::theme::Theme;

/// The FAQ overlay.
pub struct Faq<'a> {
    pub entries: &'a [FaqEntry],
    pub selected: usize,
    /// The selected answer as [`answer_lines`] lays it out for [`answer_area`]'s width.
    pub answer: &'a [Line<'static>],
    /// Lines of the answer scrolled past; clamped to the answer's length when drawn.
    pub scroll: u16,
    pub theme: &'a Theme,
    pub ascii: bool,
}

/// Popup size limits.
const MAX_W: u16 = 90;
const MAX_H: u16 = 30;

/// The question list and the answer area of the popup drawn in `area` for `len` questions.
fn split(inner: Rect, len: usize) -> [Rect; 2] {
    let list_h = u16::try_from(len)
        .unwrap_or(u16::MAX)
        .min(inner.height / 3)
        .max(1);
    Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)])
        .spacing(1)
        .areas(inner)
}

/// Where the answer goes when the popup is drawn in `area` with `len` questions.
pub fn answer_area(area: Rect, len: usize) -> Rect {
    split(popup_inner(area, MAX_W, MAX_H), len)[1]
}

/// Rows of the question list when the popup is drawn in `area` with `len` questions.
pub fn list_area(area: Rect, len: usize) -> Rect {
    split(popup_inner(area, MAX_W, MAX_H), len)[0]
}

/// The answer shown under the list: the question as a heading, then the answer's markdown
/// laid out `width` cells wide.
pub fn answer_lines(entry: &FaqEntry, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(entry.question.clone(), theme.heading(2))];
    lines.extend(markdown::to_lines(&entry.answer, width.max(1), theme));
    lines
}

impl Widget for Faq<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let block = frame("FAQ", None, theme, self.ascii);
        let inner = popup(area, MAX_W, MAX_H, block, buf);
        if inner.is_empty() {
            return;
        }
        if self.entries.is_empty() {
            Paragraph::new(Line::styled("This course has no FAQ.", theme.dim)).render(inner, buf);
            return;
        }
        let selected = self.selected.min(self.entries.len() - 1);
        let [list, answer] = split(inner, self.entries.len());
        self.render_questions(selected, list, buf);
        self.render_answer(answer, buf);
    }
}

impl Faq<'_> {
    fn render_questions(&self, selected: usize, area: Rect, buf: &mut Buffer) {
        let rows = usize::from(area.height);
        let offset = scroll_offset(selected, self.entries.len(), rows);
        let marker = |on: bool| match (on, self.ascii) {
            (true, false) => "▸ ",
            (true, true) => "> ",
            _ => "  ",
        };
        for (row, (i, entry)) in self
            .entries
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .enumerate()
        {
            let on = i == selected;
            let text = truncate(&entry.question, usize::from(area.width).saturating_sub(2));
            let line = Line::from(vec![
                Span::styled(marker(on), self.theme.list_marker),
                Span::styled(text, selectable(self.theme.text, on, self.theme)),
            ]);
            let y = area.y + u16::try_from(row).unwrap_or(0);
            buf.set_line(area.x, y, &line, area.width);
        }
    }

    fn render_answer(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = self.theme;
        let total = self.answer.len();
        let rows = usize::from(area.height);
        let max_scroll = total.saturating_sub(rows);
        let scroll = usize::from(self.scroll).min(max_scroll);
        let visible: Vec<Line> = self
            .answer
            .iter()
            .skip(scroll)
            .take(rows)
            .cloned()
            .collect();
        Paragraph::new(visible).render(area, buf);
        if scroll < max_scroll {
            let more = if self.ascii { " more v " } else { " more ↓ " };
            let x = area
                .right()
                .saturating_sub(u16::try_from(more.len()).unwrap_or(0));
            buf.set_stringn(
                x.max(area.x),
                area.bottom() - 1,
                more,
                usize::from(area.width),
                theme.dim,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::course::FaqEntry;
    use crate::view::test_util::{buffer_text, draw, sample_course};

    fn screen(entries: &[FaqEntry], selected: usize, scroll: u16, w: u16, h: u16) -> String {
        let theme = Theme::no_color();
        let width = answer_area(Rect::new(0, 0, w, h), entries.len()).width;
        let answer = entries
            .get(selected.min(entries.len().saturating_sub(1)))
            .map_or_else(Vec::new, |e| answer_lines(e, width, &theme));
        let faq = Faq {
            entries,
            selected,
            answer: &answer,
            scroll,
            theme: &theme,
            ascii: false,
        };
        buffer_text(&draw(faq, w, h))
    }

    #[test]
    fn snapshot_80x24() {
        insta::assert_snapshot!(screen(&sample_course().faq, 0, 0, 80, 24));
    }

    #[test]
    fn long_answers_scroll_and_show_more() {
        let answer = (1..=40)
            .map(|i| format!("Line {i}."))
            .collect::<Vec<_>>()
            .join("\n\n");
        let entries = [FaqEntry {
            question: "Long?".to_owned(),
            answer,
        }];
        let top = screen(&entries, 0, 0, 60, 20);
        assert!(top.contains("Line 1.") && top.contains("more ↓"), "{top}");
        let bottom = screen(&entries, 0, u16::MAX, 60, 20);
        assert!(
            bottom.contains("Line 40.") && !bottom.contains("Line 1."),
            "{bottom}"
        );
        assert!(!bottom.contains("more ↓"));
    }

    #[test]
    fn empty_and_tiny_do_not_panic() {
        assert!(screen(&[], 3, 0, 40, 10).contains("no FAQ"));
        for w in 0..6 {
            for h in 0..6 {
                let _ = screen(&sample_course().faq, 9, 9, w, h);
            }
        }
    }
}
