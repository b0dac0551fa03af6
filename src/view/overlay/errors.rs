//! The error panel of `play --watch`: one entry per problem (`file:line:col: message`, its
//! continuation lines indented where it is wider than the popup, so no message is cut), the
//! position in the error colour, scrolled by the state. The title says how many there are; the
//! bottom border, what to do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, OverlayView, draw_frame, frame, frame_inner, popup_rect};
use crate::app::Extent;
use crate::app::overlay::ErrorsState;
use unicode_width::UnicodeWidthChar;

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
        // As wide as it gets, then as tall as its text wrapped at that width.
        let widest = frame_inner(popup_rect(area, MAX_W, u16::MAX));
        let rows = lines(cx, usize::from(widest.width)).len();
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

/// The panel's text at `width` columns: each problem from the start of a line (wrapped, its
/// further lines indented), then what to do.
fn lines(cx: Cx<'_>, width: usize) -> Vec<Line<'static>> {
    let theme = cx.theme;
    let mut lines: Vec<Line<'static>> = Vec::new();
    for problem in &cx.model.problems {
        let mut rows = wrap(problem, width).into_iter();
        let Some(first) = rows.next() else {
            continue;
        };
        // `path:line:col: error: message`: the position stands out.
        lines.push(match first.find(": ") {
            Some(at) => Line::from(vec![
                Span::styled(first[..at].to_owned(), theme.error),
                Span::styled(first[at..].to_owned(), theme.text),
            ]),
            None => Line::styled(first, theme.text),
        });
        lines.extend(rows.map(|row| Line::styled(row, theme.text)));
    }
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

/// Indent of a problem's further lines.
const INDENT: &str = "    ";

/// `text` in rows of at most `width` columns, broken after a space where one is near the end
/// (else anywhere), the rows after the first indented by [`INDENT`].
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut rest = text.trim_end();
    loop {
        let lead = if rows.is_empty() { "" } else { INDENT };
        // Too narrow for the indent: no indent rather than no room.
        let lead = if lead.len() + 1 > width { "" } else { lead };
        let room = width - lead.len();
        let (mut cut, mut used, mut space) = (rest.len(), 0, None);
        for (i, c) in rest.char_indices() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                cut = i;
                break;
            }
            used += w;
            if c == ' ' {
                space = Some(i);
            }
        }
        if cut == rest.len() {
            rows.push(format!("{lead}{rest}"));
            return rows;
        }
        // Break at the last space when it leaves the row at least half full.
        if let Some(at) = space.filter(|&at| at * 2 >= cut) {
            cut = at + 1;
        }
        // At least one character per row, so the loop always ends.
        if cut == 0 {
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        rows.push(format!("{lead}{}", rest[..cut].trim_end()));
        // The spaces at a break are the break.
        rest = rest[cut..].trim_start_matches(' ');
    }
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
    fn a_long_problem_wraps_instead_of_being_cut() {
        let long = "nodes/first-steps.toml:38:3: error: in course.toml write `[[node.step]]`, \
                    not `[[step]]` (a step belongs to a node)";
        let rows = super::wrap(long, 40);
        assert!(rows.len() > 1, "{rows:?}");
        assert!(rows.iter().all(|r| r.chars().count() <= 40), "{rows:?}");
        assert!(rows[1..].iter().all(|r| r.starts_with(super::INDENT)));
        let joined: Vec<&str> = rows.iter().map(|r| r.trim()).collect();
        assert_eq!(joined.join(" "), long);
        // On screen, at 60 columns: the end of the message is there.
        let mut model = Model::new(course(), Progress::new("t"), &Options::default());
        model.watching = true;
        let _ = update(&mut model, Msg::CourseBroken(vec![long.to_owned()]));
        let mut screen = Screen::new(Theme::no_color(), false);
        let text = buffer_text(&frame(&mut screen, &mut model, Rect::new(0, 0, 60, 24)));
        assert!(text.contains("belongs to a node)"), "{text}");
        // Nothing is lost however narrow, and every row has something.
        for width in 1..12 {
            let rows = super::wrap("abc def ghijklmnop", width);
            assert!(
                rows.iter().all(|r| !r.trim().is_empty()),
                "{width}: {rows:?}"
            );
            let text: String = rows.concat().split_whitespace().collect();
            assert_eq!(text, "abcdefghijklmnop", "{width}");
        }
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
