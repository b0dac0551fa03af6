//! The header line: course title, the ticker, and where the learner is.

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
/// is on the right, the ticker in what room is left. When room is short the ticker goes
/// first, then the title is cut (with `…`), then the node's title, so that `step k/n` stays.
pub fn render(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let title = format!(" {} ", model.course().title);
    let (full, short) = position(model);
    let right = if full.width() + TITLE_MIN.min(title.width()) <= width {
        full
    } else if short.width() < width {
        short
    } else {
        String::new()
    };
    let left = clip(&title, width.saturating_sub(right.width()));
    let right_room = width.saturating_sub(left.width());
    let ticker_room = right_room.saturating_sub(right.width() + 2);
    let ticker = if ticker_room >= 8 {
        format!(
            " {} ",
            window(&model.ticker_text(), model.ticker.offset, ticker_room - 2)
        )
    } else {
        String::new()
    };
    let gap = width.saturating_sub(left.width() + ticker.width() + right.width());
    let position_style = if model.review.is_some() {
        theme.warning
    } else {
        theme.dim
    };
    let line = Line::from(vec![
        Span::styled(left, theme.title),
        Span::styled(ticker, theme.ticker),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, position_style),
    ]);
    line.render(area, buf);
}

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
        let course = crate::view::test_util::sample_course();
        let model = Model::new(
            Arc::new(course),
            Progress::new("c"),
            &Options {
                animate: true,
                ..Options::default()
            },
        );
        let area = Rect::new(0, 0, width, 1);
        let mut buf = Buffer::empty(area);
        render(&model, &Theme::no_color(), area, &mut buf);
        buffer_text(&buf)
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
