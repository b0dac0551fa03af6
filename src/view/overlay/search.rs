//! The search popup: the query and a list of hits, each a location label and a snippet with
//! every occurrence of the query highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{
    Cx, OverlayView, draw_frame, frame, frame_inner, item_at, popup_rect, scroll_offset,
    select_or_open,
};
use crate::app::msg::Msg;
use crate::app::overlay::SearchState;
use crate::core::course::Course;
use crate::view::panel::{selectable, truncate};
use crate::view::theme::Theme;

/// Popup size limits.
const MAX_W: u16 = 100;
const MAX_H: u16 = 30;

/// Rows each hit takes: its location, then its snippet.
const ROWS_PER_HIT: u16 = 2;

/// Where the search popup's parts go.
#[derive(Debug, Clone, Copy)]
pub struct SearchLayout {
    pub popup: Rect,
    pub inner: Rect,
    /// The hits, below the query and a blank row.
    pub list: Rect,
}

impl SearchLayout {
    pub fn new(area: Rect) -> Self {
        let popup = popup_rect(area, MAX_W, MAX_H);
        let inner = frame_inner(popup);
        let list = Rect {
            y: inner.y.saturating_add(2),
            height: inner.height.saturating_sub(2),
            ..inner
        };
        Self { popup, inner, list }
    }
}

impl OverlayView for SearchState {
    type Layout = SearchLayout;

    fn layout(&self, _cx: Cx<'_>, area: Rect) -> SearchLayout {
        SearchLayout::new(area)
    }

    fn draw(&self, cx: Cx<'_>, layout: &SearchLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        let hits = rows(cx.model.course(), self);
        SearchResults {
            query: &self.query,
            hits: &hits,
            selected: self.selected,
            theme: cx.theme,
            ascii: cx.ascii,
        }
        .draw(layout, buf);
    }

    fn hit(&self, _cx: Cx<'_>, layout: &SearchLayout, at: Position) -> Option<Msg> {
        let hit = item_at(
            layout.list,
            self.hits.len(),
            self.selected,
            ROWS_PER_HIT,
            at,
        )?;
        Some(select_or_open(hit, self.selected, true))
    }
}

/// `(where, excerpt)` for each hit: `Node › k. Step`.
fn rows(course: &Course, state: &SearchState) -> Vec<(String, String)> {
    state
        .hits
        .iter()
        .filter_map(|hit| {
            let node = course.nodes.get(hit.node)?;
            let step = node.steps.get(hit.step)?;
            Some((
                format!("{} › {}. {}", node.title, hit.step + 1, step.title),
                hit.excerpt.clone(),
            ))
        })
        .collect()
}

/// The search overlay's drawing.
pub struct SearchResults<'a> {
    pub query: &'a str,
    /// `(location label, snippet)`, e.g. `("Layer caching › 2. Order matters", "…copy requirements first…")`.
    pub hits: &'a [(String, String)],
    pub selected: usize,
    pub theme: &'a Theme,
    pub ascii: bool,
}

impl Widget for SearchResults<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(&SearchLayout::new(area), buf);
    }
}

impl SearchResults<'_> {
    pub fn draw(&self, layout: &SearchLayout, buf: &mut Buffer) {
        let theme = self.theme;
        let count = match self.hits.len() {
            1 => " 1 hit ".to_owned(),
            n => format!(" {n} hits "),
        };
        let block = frame(
            "Search",
            Some(Line::styled(count, theme.dim)),
            theme,
            self.ascii,
        );
        draw_frame(layout.popup, block, buf);
        let inner = layout.inner;
        if inner.is_empty() {
            return;
        }
        let prompt = if self.ascii { "> " } else { "/ " };
        let input = Line::from(vec![
            Span::styled(prompt, theme.prompt),
            Span::styled(self.query.to_owned(), theme.input),
            Span::styled("_", theme.dim),
        ]);
        buf.set_line(inner.x, inner.y, &input, inner.width);
        let list = layout.list;
        if self.hits.is_empty() && !self.query.trim().is_empty() {
            let msg = Line::styled("No matches.", theme.dim);
            buf.set_line(
                list.x,
                list.y.min(inner.bottom().saturating_sub(1)),
                &msg,
                list.width,
            );
            return;
        }
        self.render_hits(list, buf);
    }

    /// Each hit takes [`ROWS_PER_HIT`] rows: its location, then its snippet.
    fn render_hits(&self, area: Rect, buf: &mut Buffer) {
        let per_page = usize::from(area.height / ROWS_PER_HIT);
        let selected = self.selected.min(self.hits.len().saturating_sub(1));
        let offset = scroll_offset(selected, self.hits.len(), per_page);
        let width = usize::from(area.width);
        for (row, (i, (location, snippet))) in self
            .hits
            .iter()
            .enumerate()
            .skip(offset)
            .take(per_page)
            .enumerate()
        {
            let on = i == selected;
            let y = area.y + u16::try_from(row).unwrap_or(0) * ROWS_PER_HIT;
            let label = Line::styled(
                truncate(location, width),
                selectable(self.theme.strong, on, self.theme),
            );
            buf.set_line(area.x, y, &label, area.width);
            let spans = highlight_matches(snippet, self.query, width.saturating_sub(2), self.theme);
            let mut line = vec![Span::raw("  ")];
            line.extend(spans);
            buf.set_line(area.x, y + 1, &Line::from(line), area.width);
        }
    }
}

/// `snippet` fitted to `width` cells around the first match of `query` (ignoring case), with
/// every match styled as a search match and `…` where text was cut.
fn highlight_matches(
    snippet: &str,
    query: &str,
    width: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let graphemes: Vec<&str> = snippet.graphemes(true).collect();
    let lower: Vec<String> = graphemes.iter().map(|g| g.to_lowercase()).collect();
    let needle: Vec<String> = query
        .trim()
        .graphemes(true)
        .map(str::to_lowercase)
        .collect();
    let mut hit = vec![false; graphemes.len()];
    if !needle.is_empty() {
        for start in 0..graphemes.len().saturating_sub(needle.len() - 1) {
            if lower[start..start + needle.len()] == needle[..] {
                hit[start..start + needle.len()]
                    .iter_mut()
                    .for_each(|h| *h = true);
            }
        }
    }
    let first = hit.iter().position(|&h| h).unwrap_or(0);
    let start = if snippet.width() <= width {
        0
    } else {
        first.saturating_sub(width / 4)
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", theme.dim));
        used += 1;
    }
    for (k, g) in graphemes.iter().enumerate().skip(start) {
        let w = g.width();
        if used + w + usize::from(k + 1 < graphemes.len()) > width {
            spans.push(Span::styled("…", theme.dim));
            break;
        }
        used += w;
        let style = if hit[k] {
            theme.search_match
        } else {
            theme.text
        };
        push(&mut spans, g, style);
    }
    spans
}

fn push(spans: &mut Vec<Span<'static>>, text: &str, style: Style) {
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => spans.push(Span::styled(text.to_owned(), style)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::test_util::{buffer_text, draw};

    fn text(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn matches_are_highlighted_ignoring_case() {
        let theme = Theme::dark();
        let spans = highlight_matches(
            "Copy requirements first, then COPY code",
            "copy",
            80,
            &theme,
        );
        let hits: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == theme.search_match)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(hits, ["Copy", "COPY"]);
    }

    #[test]
    fn long_snippets_are_cut_around_the_first_match() {
        let theme = Theme::no_color();
        let snippet = format!("{} needle {}", "a".repeat(100), "b".repeat(100));
        let out = text(&highlight_matches(&snippet, "needle", 30, &theme));
        assert!(
            out.starts_with('…') && out.ends_with('…') && out.contains("needle"),
            "{out}"
        );
        assert!(out.width() <= 30, "{out}");
    }

    fn hits() -> Vec<(String, String)> {
        vec![
            (
                "Layer caching › Order matters".to_owned(),
                "Copy requirements.txt before the code so the cache survives.".to_owned(),
            ),
            (
                "Glossary › Build cache".to_owned(),
                "Reuses layers whose inputs did not change.".to_owned(),
            ),
        ]
    }

    fn screen(query: &str, hits: &[(String, String)], w: u16, h: u16) -> String {
        let theme = Theme::no_color();
        buffer_text(&draw(
            SearchResults {
                query,
                hits,
                selected: 1,
                theme: &theme,
                ascii: false,
            },
            w,
            h,
        ))
    }

    #[test]
    fn snapshot_80x24() {
        insta::assert_snapshot!(screen("cache", &hits(), 80, 24));
    }

    #[test]
    fn no_matches_and_tiny_sizes() {
        assert!(screen("zzz", &[], 80, 24).contains("No matches."));
        for w in 0..6 {
            for h in 0..6 {
                let _ = screen("c", &hits(), w, h);
            }
        }
    }
}
