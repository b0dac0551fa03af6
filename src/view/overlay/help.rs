//! The key help popup: `(keys, description, section)` rows from the keymap, grouped by section
//! in order of first appearance, scrolled by the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Cx, OverlayView, draw_frame, draw_more_below, frame, frame_inner, popup_rect};
use crate::app::Extent;
use crate::app::keymap::help_rows;
use crate::app::overlay::HelpState;
use crate::view::panel::truncate;
use crate::view::theme::Theme;

/// The help overlay's drawing.
pub struct Help<'a> {
    /// `(keys, description, section)`, e.g. `("j / ↓", "next step", "Navigation")`.
    pub rows: &'a [(String, String, String)],
    /// Lines scrolled past; clamped when drawn.
    pub scroll: u16,
    pub theme: &'a Theme,
    pub ascii: bool,
}

/// Where the help popup goes, and its text laid out for it.
pub struct HelpLayout {
    pub popup: Rect,
    pub inner: Rect,
    pub lines: Vec<Line<'static>>,
}

/// Widest the popup gets.
const MAX_W: u16 = 72;

impl Help<'_> {
    /// The popup over `area`: as tall as its text, where the screen allows.
    pub fn layout(&self, area: Rect) -> HelpLayout {
        let height = u16::try_from(self.lines(usize::MAX / 4).len()).unwrap_or(u16::MAX);
        let popup = popup_rect(area, MAX_W, height.saturating_add(2));
        let inner = frame_inner(popup);
        HelpLayout {
            popup,
            inner,
            lines: self.lines(usize::from(inner.width)),
        }
    }

    pub fn draw(&self, layout: &HelpLayout, buf: &mut Buffer) {
        draw_frame(
            layout.popup,
            frame("Keys", None, self.theme, self.ascii),
            buf,
        );
        let inner = layout.inner;
        if inner.is_empty() {
            return;
        }
        let rows = usize::from(inner.height);
        let max_scroll = layout.lines.len().saturating_sub(rows);
        let scroll = usize::from(self.scroll).min(max_scroll);
        let visible: Vec<Line> = layout
            .lines
            .iter()
            .skip(scroll)
            .take(rows)
            .cloned()
            .collect();
        Paragraph::new(visible).render(inner, buf);
        if scroll < max_scroll {
            draw_more_below(layout.popup, inner, self.theme, self.ascii, buf);
        }
    }

    /// All lines of the help text for `width` columns, sections in order of first appearance.
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let mut sections: Vec<&str> = Vec::new();
        for (_, _, section) in self.rows {
            if !sections.contains(&section.as_str()) {
                sections.push(section);
            }
        }
        let keys_w = self
            .rows
            .iter()
            .map(|(k, _, _)| k.width())
            .max()
            .unwrap_or(0)
            .min(width / 2);
        let mut lines = Vec::new();
        for section in sections {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(section.to_owned(), theme.heading(3)));
            for (keys, desc, _) in self.rows.iter().filter(|r| r.2 == section) {
                let keys = truncate(keys, keys_w);
                let pad = " ".repeat(keys_w.saturating_sub(keys.width()) + 2);
                let desc = truncate(desc, width.saturating_sub(keys_w + 4));
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, theme.footer_key),
                    Span::raw(pad),
                    Span::styled(desc, theme.footer_desc),
                ]));
            }
        }
        lines
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(&self.layout(area), buf);
    }
}

impl OverlayView for HelpState {
    type Layout = HelpLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> HelpLayout {
        self.widget(cx, &help_rows()).layout(area)
    }

    fn draw(&self, cx: Cx<'_>, layout: &HelpLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        self.widget(cx, &[]).draw(layout, buf);
    }

    fn extent(&self, _cx: Cx<'_>, layout: &HelpLayout, _text: &[Line<'static>]) -> Extent {
        Extent {
            content: u16::try_from(layout.lines.len()).unwrap_or(u16::MAX),
            view: layout.inner.height,
        }
    }
}

impl HelpState {
    fn widget<'a>(&self, cx: Cx<'a>, rows: &'a [(String, String, String)]) -> Help<'a> {
        Help {
            rows,
            scroll: self.scroll,
            theme: cx.theme,
            ascii: cx.ascii,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::test_util::{buffer_text, draw};

    fn rows() -> Vec<(String, String, String)> {
        [
            ("j / ↓", "next", "Navigation"),
            ("k / ↑", "previous", "Navigation"),
            ("m", "open the Deployment Matrix", "Screens"),
            (
                "Enter",
                "run the next command in the bash pane",
                "Bash pane",
            ),
            ("g", "glossary", "Screens"),
        ]
        .iter()
        .map(|(k, d, s)| ((*k).to_owned(), (*d).to_owned(), (*s).to_owned()))
        .collect()
    }

    fn screen(w: u16, h: u16, scroll: u16) -> String {
        let theme = Theme::no_color();
        let rows = rows();
        buffer_text(&draw(
            Help {
                rows: &rows,
                scroll,
                theme: &theme,
                ascii: false,
            },
            w,
            h,
        ))
    }

    #[test]
    fn snapshot_groups_rows_by_section() {
        let text = screen(80, 24, 0);
        let nav = text.find("Navigation").unwrap_or(usize::MAX);
        let glossary = text.find("glossary").unwrap_or(0);
        let matrix = text.find("Deployment Matrix").unwrap_or(0);
        assert!(nav < matrix && matrix < glossary, "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn scrolls_and_survives_tiny_sizes() {
        assert!(!screen(40, 6, 100).contains("Navigation"));
        for w in 0..6 {
            for h in 0..6 {
                let _ = screen(w, h, 3);
            }
        }
    }
}
