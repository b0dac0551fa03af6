//! The header line: course title, the ticker, and where the learner is (and `watching` while
//! `play --watch` reloads the course on every save).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::view::theme::Theme;

/// Draws the header into `area` (one row); `with_position` adds where the learner is.
pub fn render(model: &Model, theme: &Theme, with_position: bool, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let title = format!(" {} ", model.course().title);
    let position = if with_position {
        position(model)
    } else {
        String::new()
    };
    let mut left = clip(&title, width);
    let right_room = width.saturating_sub(left.width());
    let watching = if model.watching && WATCHING.width() < right_room {
        WATCHING
    } else {
        ""
    };
    let right_room = right_room.saturating_sub(watching.width());
    let right = if position.width() < right_room {
        position
    } else {
        String::new()
    };
    let ticker_room = right_room.saturating_sub(right.width() + 2);
    let right_width = right.width() + watching.width();
    let ticker = if ticker_room >= 8 {
        format!(
            " {} ",
            window(&model.ticker_text(), model.ticker.offset, ticker_room - 2)
        )
    } else {
        String::new()
    };
    if left.is_empty() {
        left = clip(&model.course().title, width);
    }
    let gap = width.saturating_sub(left.width() + ticker.width() + right_width);
    let line = Line::from(vec![
        Span::styled(left, theme.title),
        Span::styled(ticker, theme.ticker),
        Span::raw(" ".repeat(gap)),
        Span::styled(watching, theme.warning),
        Span::styled(right, theme.dim),
    ]);
    line.render(area, buf);
}

/// What the header says while the course is watched for saves.
const WATCHING: &str = "watching · ";

/// `node title · step k/n `, or `step k/n ` alone when there is no node.
fn position(model: &Model) -> String {
    match model.node_ref() {
        Some(node) => format!(
            "{} · step {}/{} ",
            node.title,
            model.step + 1,
            node.steps.len()
        ),
        None => String::new(),
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

/// `text` cut to `width` cells.
fn clip(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}
