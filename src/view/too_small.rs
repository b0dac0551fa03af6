//! The notice drawn instead of the screen when the terminal is smaller than the player needs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::view::theme::Theme;

/// "Terminal too small": the size needed against the current size (the area it is drawn in).
pub struct TooSmall<'a> {
    pub min_width: u16,
    pub min_height: u16,
    /// An extra line such as "press q to quit"; empty for none.
    pub hint: &'a str,
    pub theme: &'a Theme,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let theme = self.theme;
        let size_style = |ok: bool| if ok { theme.success } else { theme.error };
        let mut lines = vec![
            Line::styled("Terminal too small", theme.warning),
            Line::from(vec![
                Span::styled("need ", theme.dim),
                Span::styled(
                    format!("{}×{}", self.min_width, self.min_height),
                    theme.strong,
                ),
            ]),
            Line::from(vec![
                Span::styled("have ", theme.dim),
                Span::styled(
                    area.width.to_string(),
                    size_style(area.width >= self.min_width),
                ),
                Span::styled("×", theme.dim),
                Span::styled(
                    area.height.to_string(),
                    size_style(area.height >= self.min_height),
                ),
            ]),
        ];
        if !self.hint.is_empty() {
            lines.push(Line::styled(self.hint.to_owned(), theme.dim));
        }
        // Short terminals keep the most important lines: the title, then the sizes.
        let rows = usize::from(area.height).min(lines.len());
        lines.truncate(rows);
        let top = area.y + (area.height - u16::try_from(rows).unwrap_or(0)) / 2;
        let body = Rect {
            y: top,
            height: area.bottom() - top,
            ..area
        };
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(body, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::test_util::{buffer_text, draw};

    fn screen(w: u16, h: u16) -> String {
        let theme = Theme::no_color();
        let widget = TooSmall {
            min_width: 80,
            min_height: 24,
            hint: "press q to quit",
            theme: &theme,
        };
        buffer_text(&draw(widget, w, h))
    }

    #[test]
    fn says_what_is_needed_and_what_there_is() {
        let text = screen(60, 10);
        assert!(text.contains("Terminal too small"), "{text}");
        assert!(
            text.contains("need 80×24") && text.contains("have 60×10"),
            "{text}"
        );
        insta::assert_snapshot!(text);
    }

    #[test]
    fn tiny_sizes_do_not_panic() {
        for w in 0..=5 {
            for h in 0..=5 {
                let _ = screen(w, h);
            }
        }
        assert_eq!(screen(18, 1), "Terminal too small\n");
    }
}
