//! The header line: course title, the ticker, and where the learner is (and `watching` while
//! `play --watch` reloads the course on every save).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::view::theme::Theme;

/// Cells the title keeps at least before the position gives up its node title.
const TITLE_MIN: usize = 12;

/// Draws the header into `area` (one row): the course title on the left, where the learner
/// is on the right (`with_position`; not over a neutral background), the ticker in what room
/// is left. When room is short the ticker goes first, then the title is cut (with `…`), then
/// the node's title, then `watching`, so that `step k/n` stays.
pub fn render(model: &Model, theme: &Theme, with_position: bool, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let title = format!(" {} ", model.course().title);
    let (full, short) = if with_position {
        position(model)
    } else {
        (String::new(), String::new())
    };
    let watching = if model.watching { WATCHING } else { "" };
    // The right side in the order it gives way: `watching` is kept longer than the node's
    // title, but not at the cost of where the learner is.
    let fits_full =
        |pos: &str| watching.width() + pos.width() + TITLE_MIN.min(title.width()) <= width;
    let (watch, right) = if fits_full(&full) {
        (watching, full)
    } else if watching.width() + short.width() < width {
        (watching, short)
    } else if short.width() < width {
        ("", short)
    } else {
        ("", String::new())
    };
    let right_width = watch.width() + right.width();
    let left = clip(&title, width.saturating_sub(right_width));
    let right_room = width.saturating_sub(left.width());
    let ticker_room = right_room.saturating_sub(right_width + 2);
    let ticker = if ticker_room >= 8 {
        format!(
            " {} ",
            window(&model.ticker_text(), model.ticker.offset, ticker_room - 2)
        )
    } else {
        String::new()
    };
    let gap = width.saturating_sub(left.width() + ticker.width() + right_width);
    let position_style = if model.review.is_some() {
        theme.warning
    } else {
        theme.dim
    };
    let line = Line::from(vec![
        Span::styled(left, theme.title),
        Span::styled(ticker, theme.ticker),
        Span::raw(" ".repeat(gap)),
        Span::styled(watch, theme.warning),
        Span::styled(right, position_style),
    ]);
    line.render(area, buf);
}

/// What the header says while the course is watched for saves.
const WATCHING: &str = "watching · ";

/// Where the learner is, in full (`node title · step k/n `) and short (`step k/n `); in a
/// review, which question of the session.
fn position(model: &Model) -> (String, String) {
    if let Some(review) = &model.review {
        let short = format!("review {}/{} ", review.at + 1, review.items.len());
        let node = model.node_ref().map_or("", |n| n.title.as_str());
        return (
            format!(
                "Review · {node} · question {}/{} ",
                review.at + 1,
                review.items.len()
            ),
            short,
        );
    }
    match model.node_ref() {
        Some(node) => {
            let step = format!("step {}/{} ", model.step + 1, node.steps.len());
            (format!("{} · {step}", node.title), step)
        }
        None => (String::new(), String::new()),
    }
}

/// `width` characters of the cyclic `text` starting at `offset`.
fn window(text: &str, offset: usize, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for i in 0.. {
        let c = chars[(offset + i) % chars.len()];
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width || i > width * 2 {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// `text` cut to `width` cells, ending in `… ` when something was cut.
fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    let room = width.saturating_sub(2);
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= 2 {
        out.push_str("… ");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::Options;
    use crate::core::progress::Progress;
    use crate::view::test_util::buffer_text;

    fn header(width: u16) -> String {
        header_of(width, false)
    }

    fn header_of(width: u16, watching: bool) -> String {
        let course = crate::view::test_util::sample_course();
        let mut model = Model::new(
            Arc::new(course),
            Progress::new("c"),
            &Options {
                animate: true,
                ..Options::default()
            },
        );
        model.watching = watching;
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        render(&model, &Theme::no_color(), true, area, &mut buf);
        buffer_text(&buf)
    }

    #[test]
    fn watching_is_said_while_room_allows_and_never_costs_the_step() {
        assert!(header_of(120, true).contains("watching · "));
        assert!(!header_of(120, false).contains("watching"));
        for width in [30, 44, 50, 60, 70, 120] {
            let line = header_of(width, true);
            assert!(line.contains("step 1/"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        assert!(
            header_of(44, true).contains("watching"),
            "{}",
            header_of(44, true)
        );
    }

    #[test]
    fn narrow_headers_drop_the_ticker_before_where_you_are() {
        let wide = header(120);
        assert!(wide.contains("step 1/"), "{wide}");
        for width in [44, 50, 60, 70] {
            let line = header(width);
            assert!(line.contains("step 1/"), "{width}: {line}");
            assert!(
                line.chars().count() <= usize::from(width),
                "{width}: {line}"
            );
        }
        let at_50 = header(50);
        assert!(!at_50.contains("docker"), "no ticker: {at_50}");
    }
}
