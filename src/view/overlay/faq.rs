//! The FAQ popup: the questions, and the selected question's answer (markdown laid out once by
//! the screen's cache, see [`OverlayView::text`]) scrolled by the state.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{
    Cx, OverlayView, TextRequest, draw_frame, draw_more_below, frame, frame_inner, item_at,
    popup_rect, scroll_offset, select_or_open,
};
use crate::app::Extent;
use crate::app::msg::Msg;
use crate::app::overlay::FaqState;
use crate::core::course::FaqEntry;
use crate::view::markdown::wrap_spans;
use crate::view::panel::{selectable, truncate};
use crate::view::theme::Theme;

/// The FAQ overlay's drawing.
pub struct Faq<'a> {
    pub entries: &'a [FaqEntry],
    pub selected: usize,
    /// The selected answer, laid out for [`FaqLayout::answer`]'s width.
    pub answer: &'a [Line<'static>],
    /// Lines of the answer scrolled past; clamped to the answer's length when drawn.
    pub scroll: u16,
    pub theme: &'a Theme,
    pub ascii: bool,
}

/// Popup size limits.
const MAX_W: u16 = 90;
const MAX_H: u16 = 30;

/// Where the FAQ popup's parts go.
#[derive(Debug, Clone, Copy)]
pub struct FaqLayout {
    pub popup: Rect,
    pub inner: Rect,
    pub list: Rect,
    pub answer: Rect,
}

impl FaqLayout {
    /// The popup drawn over `area` for `len` questions.
    pub fn new(area: Rect, len: usize) -> Self {
        let popup = popup_rect(area, MAX_W, MAX_H);
        let inner = frame_inner(popup);
        let list_h = u16::try_from(len)
            .unwrap_or(u16::MAX)
            .min(inner.height / 3)
            .max(1);
        let [list, answer] = Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)])
            .spacing(1)
            .areas(inner);
        Self {
            popup,
            inner,
            list,
            answer,
        }
    }
}

/// The heading shown above an answer: its question, wrapped to `width` (never cut).
pub fn answer_heading(entry: &FaqEntry, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    wrap_spans(
        &[Span::styled(entry.question.clone(), theme.heading(2))],
        width,
    )
}

impl OverlayView for FaqState {
    type Layout = FaqLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> FaqLayout {
        FaqLayout::new(area, cx.model.course().faq.len())
    }

    fn draw(&self, cx: Cx<'_>, layout: &FaqLayout, text: &[Line<'static>], buf: &mut Buffer) {
        Faq {
            entries: &cx.model.course().faq,
            selected: self.selected,
            answer: text,
            scroll: self.scroll,
            theme: cx.theme,
            ascii: cx.ascii,
        }
        .draw(layout, buf);
    }

    fn hit(&self, cx: Cx<'_>, layout: &FaqLayout, at: Position) -> Option<Msg> {
        let len = cx.model.course().faq.len();
        let hit = item_at(layout.list, len, self.selected, 1, at)?;
        Some(select_or_open(hit, self.selected, false))
    }

    fn extent(&self, _cx: Cx<'_>, layout: &FaqLayout, text: &[Line<'static>]) -> Extent {
        Extent {
            content: u16::try_from(text.len()).unwrap_or(u16::MAX),
            view: layout.answer.height,
        }
    }

    fn text<'m>(&self, cx: Cx<'m>, layout: &FaqLayout) -> Option<TextRequest<'m>> {
        let faq = &cx.model.course().faq;
        let entry = self.selected.min(faq.len().checked_sub(1)?);
        Some(TextRequest {
            entry,
            width: layout.answer.width,
            heading: answer_heading(&faq[entry], cx.theme, layout.answer.width),
            markdown: &faq[entry].answer,
        })
    }
}

impl Widget for Faq<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(&FaqLayout::new(area, self.entries.len()), buf);
    }
}

impl Faq<'_> {
    pub fn draw(&self, layout: &FaqLayout, buf: &mut Buffer) {
        let theme = self.theme;
        draw_frame(layout.popup, frame("FAQ", None, theme, self.ascii), buf);
        if layout.inner.is_empty() {
            return;
        }
        if self.entries.is_empty() {
            Paragraph::new(Line::styled("This course has no FAQ.", theme.dim))
                .render(layout.inner, buf);
            return;
        }
        let selected = self.selected.min(self.entries.len() - 1);
        self.render_questions(selected, layout.list, buf);
        self.render_answer(layout, buf);
    }

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

    /// The answer, and on the popup's bottom border (never over the answer's text) a marker
    /// when more of it is below.
    fn render_answer(&self, layout: &FaqLayout, buf: &mut Buffer) {
        let area = layout.answer;
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
            draw_more_below(layout.popup, area, theme, self.ascii, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::course::FaqEntry;
    use crate::view::colours::Colours;
    use crate::view::markdown;
    use crate::view::test_util::{buffer_text, draw, sample_course};

    fn screen(entries: &[FaqEntry], selected: usize, scroll: u16, w: u16, h: u16) -> String {
        let theme = Theme::no_color();
        let width = FaqLayout::new(Rect::new(0, 0, w, h), entries.len())
            .answer
            .width;
        let answer = entries
            .get(selected.min(entries.len().saturating_sub(1)))
            .map_or_else(Vec::new, |e| {
                let mut lines = answer_heading(e, &theme, width.max(1));
                let md =
                    markdown::to_lines(&e.answer, width.max(1), &theme, &mut Colours::inline());
                lines.extend(md);
                lines
            });
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
    fn a_long_question_is_wrapped_and_more_never_covers_the_answer() {
        let question = "Why does my image rebuild every dependency layer whenever I change a \
                        single line of my training code?";
        let answer = (1..=40)
            .map(|i| format!("Word{i} of the answer."))
            .collect::<Vec<_>>()
            .join("\n\n");
        let entries = [FaqEntry {
            question: question.to_owned(),
            answer,
        }];
        let text = screen(&entries, 0, 0, 60, 20);
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for word in question.split_whitespace() {
            assert!(flat.contains(word), "{word} missing:\n{text}");
        }
        let rows: Vec<&str> = text.lines().collect();
        let marker = rows
            .iter()
            .position(|r| r.contains("more ↓"))
            .expect("more marker");
        assert!(
            rows[marker].contains('╰'),
            "the marker sits on the bottom border:\n{text}"
        );
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
