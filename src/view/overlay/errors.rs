//! The error panel of `play --watch`: one line per problem (`file:line:col: message`, cut at
//! the popup's width), the position in the error colour, scrolled by the state. The title says
//! how many there are; the bottom border, what to do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, OverlayView, draw_frame, frame, frame_inner, popup_rect};
use crate::app::Extent;
use crate::app::overlay::ErrorsState;
use crate::view::panel::truncate;

/// Widest the panel gets: wide enough for a path and a message side by side.
const MAX_W: u16 = 110;

/// Where the panel goes.
pub struct ErrorsLayout {
    pub popup: Rect,
    pub inner: Rect,
}

impl OverlayView for ErrorsState {
    type Layout = ErrorsLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> ErrorsLayout {
        // The text, a blank line and the hint at its end.
        let rows = cx.model.problems.len().saturating_add(2);
        let height = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
        let popup = popup_rect(area, MAX_W, height);
        ErrorsLayout {
            popup,
            inner: frame_inner(popup),
        }
    }

    fn draw(&self, cx: Cx<'_>, layout: &ErrorsLayout, _text: &[Line<'static>], buf: &mut Buffer) {
        let theme = cx.theme;
        let count = cx.model.problems.len();
        let title = match count {
            0 => "No errors".to_owned(),
            1 => "The course does not load: 1 error".to_owned(),
            n => format!("The course does not load: {n} errors"),
        };
        let footer = Line::from(vec![
            Span::styled(" fix it and save · ", theme.footer_desc),
            Span::styled("Esc", theme.footer_key),
            Span::styled(" hide, ", theme.footer_desc),
            Span::styled("!", theme.footer_key),
            Span::styled(" show again ", theme.footer_desc),
        ]);
        draw_frame(
            layout.popup,
            frame(&title, Some(footer), theme, cx.ascii),
            buf,
        );
        let inner = layout.inner;
        if inner.is_empty() {
            return;
        }
        let lines = lines(cx, usize::from(inner.width));
        let rows = usize::from(inner.height);
        let scroll = usize::from(self.scroll).min(lines.len().saturating_sub(rows));
        let visible: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
        Paragraph::new(visible).render(inner, buf);
    }

    fn extent(&self, cx: Cx<'_>, layout: &ErrorsLayout, _text: &[Line<'static>]) -> Extent {
        Extent {
            content: u16::try_from(lines(cx, usize::from(layout.inner.width)).len())
                .unwrap_or(u16::MAX),
            view: layout.inner.height,
        }
    }
}

/// The panel's text at `width` columns: each problem on one line, then what to do.
fn lines(cx: Cx<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = cx.theme;
    let mut lines: Vec<Line<'static>> = cx
        .model
        .problems
        .iter()
        .map(|problem| {
            let text = truncate(problem, width);
            // `path:line:col: error: message`: the position stands out.
            match text.find(": ") {
                Some(at) => Line::from(vec![
                    Span::styled(text[..at].to_owned(), theme.error),
                    Span::styled(text[at..].to_owned(), theme.text),
                ]),
                None => Line::styled(text, theme.text),
            }
        })
        .collect();
    if lines.is_empty() {
        let what = if cx.model.watching {
            "The course as last saved loads."
        } else {
            "Errors show here while `termcourse play --watch` watches a course."
        };
        return vec![Line::styled(truncate(what, width), theme.text)];
    }
    lines.push(Line::default());
    let hint = "The last version that loaded stays on screen until a save fixes this.";
    lines.push(Line::styled(truncate(hint, width), theme.dim));
    lines
}

#[cfg(test)]
mod tests {
    use crate::app::msg::{Action, Msg};
    use crate::app::test_course::course;
    use crate::app::update::update;
    use crate::app::{Model, Options};
    use crate::core::progress::Progress;
    use crate::view::screen::Screen;
    use crate::view::test_util::buffer_text;
    use crate::view::theme::Theme;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    /// Draws the model as the player does: prepare, measure, feed the measurement back, draw.
    fn frame(screen: &mut Screen, model: &mut Model, area: Rect) -> Buffer {
        let _ = update(model, Msg::Resize(area.width, area.height));
        screen.prepare(model, area);
        let metrics = screen.measure(model, area);
        let _ = update(model, Msg::Measured(metrics));
        let mut buf = Buffer::empty(area);
        screen.draw_buffer(model, area, &mut buf);
        buf
    }

    fn screen(problems: usize, w: u16, h: u16, scroll_keys: usize) -> String {
        let mut model = Model::new(course(), Progress::new("t"), &Options::default());
        model.watching = true;
        let lines = (1..=problems)
            .map(|i| format!("nodes/a.toml:{i}:7: error: unknown key `titel` number {i}"))
            .collect();
        let _ = update(&mut model, Msg::CourseBroken(lines));
        let mut screen = Screen::new(Theme::no_color(), false);
        let area = Rect::new(0, 0, w, h);
        frame(&mut screen, &mut model, area);
        for _ in 0..scroll_keys {
            let _ = update(&mut model, Msg::Act(Action::ScrollDown));
        }
        buffer_text(&frame(&mut screen, &mut model, area))
    }

    #[test]
    fn lists_each_problem_on_a_line_and_scrolls() {
        let text = screen(3, 100, 30, 0);
        assert!(
            text.contains("The course does not load: 3 errors"),
            "{text}"
        );
        assert!(text.contains("nodes/a.toml:2:7: error: unknown key `titel` number 2"));
        let long = screen(40, 80, 24, 0);
        assert!(
            long.contains("number 1\n") || long.contains("number 1 "),
            "{long}"
        );
        assert!(!long.contains("number 40"));
        let scrolled = screen(40, 80, 24, 100);
        assert!(scrolled.contains("number 40"), "{scrolled}");
        assert!(!scrolled.contains(":1:7"));
    }

    #[test]
    fn survives_tiny_sizes() {
        for w in 0..30 {
            for h in 0..12 {
                let _ = screen(5, w, h, 3);
            }
        }
    }
}
