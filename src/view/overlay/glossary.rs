//! The glossary popup: a filter line, the matching terms, and the selected term's definition
//! (markdown laid out once by the screen's cache, see [`OverlayView::text`]).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{
    Cx, OverlayView, TextRequest, draw_frame, frame, frame_inner, item_at, popup_rect,
    scroll_offset, select_or_open,
};
use crate::app::msg::Msg;
use crate::app::overlay::GlossaryState;
use crate::core::course::GlossaryEntry;
use crate::view::panel::{selectable, truncate};
use crate::view::theme::Theme;

/// The glossary overlay's drawing.
pub struct Glossary<'a> {
    pub entries: &'a [GlossaryEntry],
    /// What the learner typed.
    pub filter: &'a str,
    /// Indices of the entries matching the filter (`app::overlay::glossary::matches`).
    pub matches: &'a [usize],
    /// Index into `matches`.
    pub selected: usize,
    /// The selected definition, laid out for [`GlossaryLayout::definition`]'s width.
    pub definition: &'a [Line<'static>],
    pub theme: &'a Theme,
    pub ascii: bool,
}

/// Popup size limits.
const MAX_W: u16 = 100;
const MAX_H: u16 = 30;

/// Where the glossary popup's parts go.
#[derive(Debug, Clone, Copy)]
pub struct GlossaryLayout {
    pub popup: Rect,
    pub inner: Rect,
    pub input: Rect,
    pub list: Rect,
    pub definition: Rect,
}

impl GlossaryLayout {
    /// The popup drawn over `area` with `matches` matching terms.
    pub fn new(area: Rect, matches: usize) -> Self {
        let popup = popup_rect(area, MAX_W, MAX_H);
        let inner = frame_inner(popup);
        let [input, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        let [list, definition] = if body.width >= 60 {
            Layout::horizontal([Constraint::Percentage(35), Constraint::Min(0)])
                .spacing(2)
                .areas(body)
        } else {
            let list_h = u16::try_from(matches)
                .unwrap_or(u16::MAX)
                .min(body.height / 2)
                .max(1);
            Layout::vertical([Constraint::Length(list_h), Constraint::Min(0)])
                .spacing(1)
                .areas(body)
        };
        Self {
            popup,
            inner,
            input,
            list,
            definition,
        }
    }
}

/// The heading shown above a definition: the term and its tag, and a blank line.
pub fn definition_heading(entry: &GlossaryEntry, theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(vec![
            Span::styled(entry.term.clone(), theme.heading(2)),
            Span::styled(format!("  {}", entry.tag), theme.dim),
        ]),
        Line::default(),
    ]
}

impl OverlayView for GlossaryState {
    type Layout = GlossaryLayout;

    fn layout(&self, _cx: Cx<'_>, area: Rect) -> GlossaryLayout {
        GlossaryLayout::new(area, self.matches.len())
    }

    fn draw(&self, cx: Cx<'_>, layout: &GlossaryLayout, text: &[Line<'static>], buf: &mut Buffer) {
        Glossary {
            entries: &cx.model.course().glossary,
            filter: &self.filter,
            matches: &self.matches,
            selected: self.selected,
            definition: text,
            theme: cx.theme,
            ascii: cx.ascii,
        }
        .draw(layout, buf);
    }

    fn hit(&self, _cx: Cx<'_>, layout: &GlossaryLayout, at: Position) -> Option<Msg> {
        let hit = item_at(layout.list, self.matches.len(), self.selected, 1, at)?;
        Some(select_or_open(hit, self.selected, false))
    }

    fn text<'m>(&self, cx: Cx<'m>, layout: &GlossaryLayout) -> Option<TextRequest<'m>> {
        let entry = self.selected_entry()?;
        let e = cx.model.course().glossary.get(entry)?;
        Some(TextRequest {
            entry,
            width: layout.definition.width,
            heading: definition_heading(e, cx.theme),
            markdown: &e.definition,
        })
    }
}

impl Widget for Glossary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(&GlossaryLayout::new(area, self.matches.len()), buf);
    }
}

impl Glossary<'_> {
    pub fn draw(&self, layout: &GlossaryLayout, buf: &mut Buffer) {
        let theme = self.theme;
        let count = format!(" {}/{} ", self.matches.len(), self.entries.len());
        let block = frame(
            "Glossary",
            Some(Line::styled(count, theme.dim)),
            theme,
            self.ascii,
        );
        draw_frame(layout.popup, block, buf);
        if layout.inner.is_empty() {
            return;
        }
        self.render_input(layout.input, buf);
        let selected = self.selected.min(self.matches.len().saturating_sub(1));
        self.render_list(self.matches, selected, layout.list, buf);
        let shown = self
            .matches
            .get(selected)
            .and_then(|&i| self.entries.get(i));
        match shown {
            Some(_) => Paragraph::new(self.definition.to_vec()).render(layout.definition, buf),
            None => Paragraph::new(Line::styled("No term matches the filter.", theme.dim))
                .render(layout.definition, buf),
        }
    }

    fn render_input(&self, area: Rect, buf: &mut Buffer) {
        let prompt = if self.ascii { "> " } else { "/ " };
        let line = Line::from(vec![
            Span::styled(prompt, self.theme.prompt),
            Span::styled(self.filter.to_owned(), self.theme.input),
            Span::styled("_", self.theme.dim),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
    }

    fn render_list(&self, matches: &[usize], selected: usize, area: Rect, buf: &mut Buffer) {
        let rows = usize::from(area.height);
        let offset = scroll_offset(selected, matches.len(), rows);
        let width = usize::from(area.width);
        for (row, (k, &i)) in matches
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .enumerate()
        {
            let entry = &self.entries[i];
            let tag = format!(" {}", entry.tag);
            let term = truncate(
                &entry.term,
                width.saturating_sub(tag.width().min(width / 2)),
            );
            let tag = truncate(&tag, width.saturating_sub(term.width()));
            let pad = " ".repeat(width.saturating_sub(term.width() + tag.width()));
            let is_sel = k == selected;
            let line = Line::from(vec![
                Span::styled(term, selectable(self.theme.strong, is_sel, self.theme)),
                Span::styled(pad, selectable(self.theme.text, is_sel, self.theme)),
                Span::styled(tag, selectable(self.theme.dim, is_sel, self.theme)),
            ]);
            let y = area.y + u16::try_from(row).unwrap_or(0);
            buf.set_line(area.x, y, &line, area.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay::glossary::matches;
    use crate::view::colours::Colours;
    use crate::view::markdown;
    use crate::view::test_util::{buffer_text, draw, sample_course};

    fn screen(filter: &str, selected: usize, width: u16, height: u16) -> String {
        let course = sample_course();
        let theme = Theme::no_color();
        let matches = matches(&course.glossary, filter);
        let area = Rect::new(0, 0, width, height);
        let w = GlossaryLayout::new(area, matches.len()).definition.width;
        let definition = matches
            .get(selected.min(matches.len().saturating_sub(1)))
            .map_or_else(Vec::new, |&i| {
                let e = &course.glossary[i];
                let mut lines = definition_heading(e, &theme);
                let md = &mut Colours::inline();
                lines.extend(markdown::to_lines(&e.definition, w.max(1), &theme, md));
                lines
            });
        let g = Glossary {
            entries: &course.glossary,
            filter,
            matches: &matches,
            selected,
            definition: &definition,
            theme: &theme,
            ascii: false,
        };
        buffer_text(&draw(g, width, height))
    }

    #[test]
    fn snapshot_wide_and_narrow() {
        insta::assert_snapshot!("glossary_80x24", screen("", 1, 80, 24));
        insta::assert_snapshot!("glossary_40x20_filtered", screen("layer", 1, 40, 20));
    }

    #[test]
    fn empty_result_says_so_and_tiny_sizes_do_not_panic() {
        assert!(screen("zzz", 0, 80, 24).contains("No term matches"));
        for w in 0..6 {
            for h in 0..6 {
                let _ = screen("a", 3, w, h);
            }
        }
    }
}
