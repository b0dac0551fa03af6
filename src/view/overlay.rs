//! Centred popup overlays drawn over the screen: the glossary, the FAQ, the key help and search
//! results, plus the "terminal too small" notice. Each takes plain data and the caller's
//! selection and scroll; none keeps state of its own.

mod faq;
mod glossary;
mod help;
mod search;
mod too_small;

pub use faq::{Faq, answer_area, answer_lines};
pub use glossary::{Glossary, definition_area, definition_lines, filter_glossary};

/// The list row under (`col`, `row`) of the glossary (`matches` terms), FAQ (`len`
/// questions) or search (`len` hits) popup drawn in `area`: what a click there selects.
pub mod rows {
    use ratatui::layout::Rect;

    use super::{faq, glossary, item_at, popup_inner};

    pub fn glossary(area: Rect, matches: usize, selected: usize, at: (u16, u16)) -> Option<usize> {
        item_at(glossary::list_area(area, matches), matches, selected, 1, at)
    }

    pub fn faq(area: Rect, len: usize, selected: usize, at: (u16, u16)) -> Option<usize> {
        item_at(faq::list_area(area, len), len, selected, 1, at)
    }

    pub fn search(area: Rect, len: usize, selected: usize, at: (u16, u16)) -> Option<usize> {
        let inner = popup_inner(area, 100, 30);
        let list = Rect {
            y: inner.y.saturating_add(2),
            height: inner.height.saturating_sub(2),
            ..inner
        };
        item_at(list, len, selected, 2, at)
    }
}
pub use help::Help;
pub use search::SearchResults;
pub use too_small::TooSmall;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Widget};

use crate::view::panel::{centered, panel};
use crate::view::theme::Theme;

/// Clears a popup of at most `max_w` × `max_h` cells (leaving a margin round it when the
/// screen allows), draws its frame and returns the area inside.
fn popup(area: Rect, max_w: u16, max_h: u16, block: Block<'_>, buf: &mut Buffer) -> Rect {
    let rect = popup_rect(area, max_w, max_h);
    Clear.render(rect, buf);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Where a popup of at most `max_w` × `max_h` cells goes in `area`.
fn popup_rect(area: Rect, max_w: u16, max_h: u16) -> Rect {
    let w = max_w.min(area.width.saturating_sub(4).max(area.width.min(20)));
    let h = max_h.min(area.height.saturating_sub(2).max(area.height.min(6)));
    centered(area, w, h)
}

/// The inside of a [`frame`]d popup of at most `max_w` × `max_h` cells, without drawing it:
/// the geometry the runtime-owned cache lays markdown out for.
fn popup_inner(area: Rect, max_w: u16, max_h: u16) -> Rect {
    Block::bordered()
        .padding(Padding::horizontal(1))
        .inner(popup_rect(area, max_w, max_h))
}

/// A popup frame titled `title` with `footer` on its bottom border.
fn frame<'a>(title: &str, footer: Option<Line<'a>>, theme: &Theme, ascii: bool) -> Block<'a> {
    let block = panel(format!(" {title} "), theme, true, ascii).padding(Padding::horizontal(1));
    match footer {
        Some(line) => block.title_bottom(line),
        None => block,
    }
}

/// The item drawn at `row` of a list in `area` showing `len` items `per` rows each, scrolled
/// (by [`scroll_offset`]) to keep `selected` visible; `None` off the list.
fn item_at(
    area: Rect,
    len: usize,
    selected: usize,
    per: u16,
    (col, row): (u16, u16),
) -> Option<usize> {
    if per == 0 || !area.contains(ratatui::layout::Position::new(col, row)) {
        return None;
    }
    let shown = usize::from(area.height / per);
    let selected = selected.min(len.saturating_sub(1));
    let i = scroll_offset(selected, len, shown) + usize::from((row - area.y) / per);
    (i < len && usize::from((row - area.y) / per) < shown).then_some(i)
}

/// First row to show so that row `selected` of `len` is visible in `height` rows, keeping it
/// roughly centred once the list scrolls.
fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_offset_keeps_the_selection_visible() {
        assert_eq!(scroll_offset(0, 100, 10), 0);
        assert_eq!(scroll_offset(50, 100, 10), 45);
        assert_eq!(scroll_offset(99, 100, 10), 90);
        assert_eq!(scroll_offset(3, 5, 10), 0);
        assert_eq!(scroll_offset(3, 5, 0), 0);
    }

    #[test]
    fn popup_stays_inside_any_area() {
        for (w, h) in [(0, 0), (1, 1), (5, 3), (80, 24), (200, 60)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            let inner = popup(area, 70, 20, Block::bordered(), &mut buf);
            assert!(area.contains(inner.as_position()) || inner.is_empty());
            assert!(inner.right() <= area.right() && inner.bottom() <= area.bottom());
        }
    }
}
