//! The glossary popup: a filter line, the matching terms, and the selected term's definition
//! (markdown laid out once by the caller's cache, see [`definition_lines`]).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{frame, popup, popup_inner, scroll_offset};
use crate::core::course::GlossaryEntry;
use crate::view::markdown;
use crate::view::panel::{selectable, truncate};
use crate::view::theme::Theme;

/// The glossary overlay.
pub struct Glossary<'a> {
    pub entries: &'a [GlossaryEntry],
    /// What the learner typed; see [`filter_glossary`].
    pub filter: &'a str,
    /// Index into the filtered list.
    pub selected: usize,
    /// The selected definition as [`definition_lines`] lays it out for [`definition_area`].
    pub definition: &'a [Line<'static>],
    pub theme: &'a Theme,
    pub ascii: bool,
}

/// Indices of the entries matching `filter`: every whitespace-separated word of it occurs,
/// ignoring case, in the term, the tag or the definition. Entries whose term matches come
/// first, then those whose tag does, then the rest, each in course order.
pub fn filter_glossary(entries: &[GlossaryEntry], filter: &str) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut ranked: Vec<(u8, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let fields = [&e.term, &e.tag, &e.definition].map(|f| f.to_lowercase());
            let rank = |w: &String| fields.iter().position(|f| f.contains(w.as_str()));
            let ranks: Option<Vec<usize>> = words.iter().map(rank).collect();
            let best = ranks?.into_iter().max().unwrap_or(0);
            Some((u8::try_from(best).unwrap_or(u8::MAX), i))
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// Popup size limits.
const MAX_W: u16 = 100;
const MAX_H: u16 = 30;

/// The filter line, the term list and the definition area inside the popup's `inner` area,
/// for `matches` matching terms.
fn split(inner: Rect, matches: usize) -> [Rect; 3] {
    let [input, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
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
    [input, list, definition]
}

/// Where the definition goes when the popup is drawn in `area` with `matches` matching terms.
pub fn definition_area(area: Rect, matches: usize) -> Rect {
    split(popup_inner(area, MAX_W, MAX_H), matches)[2]
}

/// The term list's rows when the popup is drawn in `area` with `matches` matching terms.
pub fn list_area(area: Rect, matches: usize) -> Rect {
    split(popup_inner(area, MAX_W, MAX_H), matches)[1]
}

/// The definition shown beside the list: term and tag, then the markdown `width` cells wide.
pub fn definition_lines(entry: &GlossaryEntry, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(vec![
            Span::styled(entry.term.clone(), theme.heading(2)),
            Span::styled(format!("  {}", entry.tag), theme.dim),
        ]),
        Line::default(),
    ];
    lines.extend(markdown::to_lines(&entry.definition, width.max(1), theme));
    lines
}

impl Widget for Glossary<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let matches = filter_glossary(self.entries, self.filter);
        let count = format!(" {}/{} ", matches.len(), self.entries.len());
        let block = frame(
            "Glossary",
            Some(Line::styled(count, theme.dim)),
            theme,
            self.ascii,
        );
        let inner = popup(area, MAX_W, MAX_H, block, buf);
        if inner.is_empty() {
            return;
        }
        let [input, list, definition] = split(inner, matches.len());
        self.render_input(input, buf);
        let selected = self.selected.min(matches.len().saturating_sub(1));
        self.render_list(&matches, selected, list, buf);
        match matches.get(selected).and_then(|&i| self.entries.get(i)) {
            Some(_) => Paragraph::new(self.definition.to_vec()).render(definition, buf),
            None => Paragraph::new(Line::styled("No term matches the filter.", theme.dim))
                .render(definition, buf),
        }
    }
}

impl Glossary<'_> {
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
    use crate::view::test_util::{buffer_text, draw, sample_course};

    #[test]
    fn filter_matches_term_tag_and_definition_ranked() {
        let entries = sample_course().glossary;
        assert_eq!(filter_glossary(&entries, ""), vec![0, 1, 2]);
        assert_eq!(filter_glossary(&entries, "layer"), vec![0, 2]);
        assert_eq!(filter_glossary(&entries, "DOCKERFILE"), vec![1]);
        assert_eq!(filter_glossary(&entries, "cache reuses"), vec![2]);
        assert!(filter_glossary(&entries, "kubernetes").is_empty());
    }

    fn screen(filter: &str, selected: usize, width: u16, height: u16) -> String {
        let course = sample_course();
        let theme = Theme::no_color();
        let matches = filter_glossary(&course.glossary, filter);
        let area = Rect::new(0, 0, width, height);
        let w = definition_area(area, matches.len()).width;
        let definition = matches
            .get(selected.min(matches.len().saturating_sub(1)))
            .map_or_else(Vec::new, |&i| {
                definition_lines(&course.glossary[i], w, &theme)
            });
        let g = Glossary {
            entries: &course.glossary,
            filter,
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
