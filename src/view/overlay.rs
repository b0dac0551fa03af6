//! Overlays as the view draws them: one module per overlay implementing [`OverlayView`] for
//! the overlay's state (`app::overlay`), plus the popup chrome they share.
//!
//! Each overlay has one [`OverlayView::layout`], and drawing, measuring and mouse hit-testing
//! all start from it, so they cannot disagree. The screen reaches the open overlay through
//! [`draw`], [`hit`], [`extent`] and [`text`], which dispatch with `app::overlay::with_overlay!`.
//! Markdown an overlay shows (a glossary definition, an FAQ answer) is laid out by the screen's
//! cache from the overlay's [`TextRequest`], once per entry and width, not per frame.

mod errors;
mod faq;
pub mod finish;
mod glossary;
mod help;
mod matrix;
mod orientation;
mod review;
mod search;
mod trust;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Padding, Widget};

use crate::app::msg::Msg;
use crate::app::overlay::{Overlay, with_overlay};
use crate::app::{Extent, MatrixShape, Model};
use crate::view::panel::{centered, panel};
use crate::view::theme::Theme;

/// What every overlay's drawing needs besides its state.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
    pub ascii: bool,
}

/// Markdown an overlay shows, for the screen's cache to lay out: `heading` then `markdown`,
/// `width` columns wide. `entry` names what is shown (an index into the course's glossary or
/// FAQ), so the cache knows when it changed.
pub struct TextRequest<'a> {
    pub entry: usize,
    pub width: u16,
    pub heading: Vec<Line<'static>>,
    pub markdown: &'a str,
}

/// An overlay as the view sees it.
pub trait OverlayView {
    /// Where everything goes: computed once per use from the body area (below the header),
    /// and the only geometry drawing, measuring and hit-testing use.
    type Layout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> Self::Layout;

    /// Draws the overlay; `text` is the cached layout of its [`OverlayView::text`], if any.
    fn draw(&self, cx: Cx<'_>, layout: &Self::Layout, text: &[Line<'static>], buf: &mut Buffer);

    /// What a click at `at` means.
    fn hit(&self, _cx: Cx<'_>, _layout: &Self::Layout, _at: Position) -> Option<Msg> {
        None
    }

    /// Its scrollable text against the rows that show it (`Metrics::overlay`).
    fn extent(&self, _cx: Cx<'_>, _layout: &Self::Layout, _text: &[Line<'static>]) -> Extent {
        Extent::default()
    }

    /// The markdown it shows, if any.
    fn text<'m>(&self, _cx: Cx<'m>, _layout: &Self::Layout) -> Option<TextRequest<'m>> {
        None
    }
}

/// Draws `overlay` over the body `area`.
pub fn draw(overlay: &Overlay, cx: Cx<'_>, area: Rect, text: &[Line<'static>], buf: &mut Buffer) {
    with_overlay!(overlay, state => {
        let layout = state.layout(cx, area);
        state.draw(cx, &layout, text, buf);
    });
}

/// What a click at `at` on `overlay`, drawn over the body `area`, means.
pub fn hit(overlay: &Overlay, cx: Cx<'_>, area: Rect, at: Position) -> Option<Msg> {
    with_overlay!(overlay, state => {
        let layout = state.layout(cx, area);
        state.hit(cx, &layout, at)
    })
}

/// `overlay`'s scrollable text against its rows, drawn over the body `area`.
pub fn extent(overlay: &Overlay, cx: Cx<'_>, area: Rect, text: &[Line<'static>]) -> Extent {
    with_overlay!(overlay, state => {
        let layout = state.layout(cx, area);
        state.extent(cx, &layout, text)
    })
}

/// The markdown `overlay` shows when drawn over the body `area`, if any.
pub fn text<'m>(overlay: &Overlay, cx: Cx<'m>, area: Rect) -> Option<TextRequest<'m>> {
    with_overlay!(overlay, state => {
        let layout = state.layout(cx, area);
        state.text(cx, &layout)
    })
}

/// How the matrix is drawn over the body `area`, when `overlay` is the matrix (the model moves
/// its selection by it); the default otherwise.
pub fn matrix_shape(overlay: &Overlay, cx: Cx<'_>, area: Rect) -> MatrixShape {
    match overlay {
        Overlay::Matrix(state) => state.shape(cx, area),
        _ => MatrixShape::default(),
    }
}

/// Where a popup of at most `max_w` × `max_h` cells goes in `area`, leaving a margin round it
/// when the screen allows.
fn popup_rect(area: Rect, max_w: u16, max_h: u16) -> Rect {
    let w = max_w.min(area.width.saturating_sub(4).max(area.width.min(20)));
    let h = max_h.min(area.height.saturating_sub(2).max(area.height.min(6)));
    centered(area, w, h)
}

/// The inside of a [`frame`]d popup drawn at `rect`, without drawing it.
fn frame_inner(rect: Rect) -> Rect {
    Block::bordered()
        .padding(Padding::horizontal(1))
        .inner(rect)
}

/// A popup frame titled `title` with `footer` on its bottom border.
fn frame<'a>(title: &str, footer: Option<Line<'a>>, theme: &Theme, ascii: bool) -> Block<'a> {
    let block = panel(format!(" {title} "), theme, true, ascii).padding(Padding::horizontal(1));
    match footer {
        Some(line) => block.title_bottom(line),
        None => block,
    }
}

/// Draws a popup frame at `rect` (clearing it first).
/// ` more ↓ ` on the bottom border of `popup`, at the right of `inner`, when text is cut off
/// below.
fn draw_more_below(popup: Rect, inner: Rect, theme: &Theme, ascii: bool, buf: &mut Buffer) {
    let more = if ascii { " more v " } else { " more ↓ " };
    let x = inner
        .right()
        .saturating_sub(u16::try_from(unicode_width::UnicodeWidthStr::width(more)).unwrap_or(0));
    buf.set_stringn(
        x.max(inner.x),
        popup.bottom().saturating_sub(1),
        more,
        usize::from(inner.width),
        theme.dim,
    );
}

fn draw_frame(rect: Rect, block: Block<'_>, buf: &mut Buffer) {
    Clear.render(rect, buf);
    block.render(rect, buf);
}

/// The item drawn at `at` of a list in `area` showing `len` items `per` rows each, scrolled
/// (by [`scroll_offset`]) to keep `selected` visible; `None` off the list.
fn item_at(area: Rect, len: usize, selected: usize, per: u16, at: Position) -> Option<usize> {
    if per == 0 || !area.contains(at) {
        return None;
    }
    let shown = usize::from(area.height / per);
    let selected = selected.min(len.saturating_sub(1));
    let i = scroll_offset(selected, len, shown) + usize::from((at.y - area.y) / per);
    (i < len && usize::from((at.y - area.y) / per) < shown).then_some(i)
}

/// First row to show so that row `selected` of `len` is visible in `height` rows, keeping it
/// roughly centred once the list scrolls.
fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

/// A click on a row: selects it, or, on the selected row of a list whose rows open (the
/// matrix, search), opens it like Enter.
fn select_or_open(hit: usize, selected: usize, opens: bool) -> Msg {
    if opens && hit == selected {
        Msg::Act(crate::app::msg::Action::Open)
    } else {
        Msg::Select(hit)
    }
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
            let rect = popup_rect(area, 70, 20);
            let mut buf = Buffer::empty(area);
            draw_frame(rect, Block::bordered(), &mut buf);
            let inner = frame_inner(rect);
            assert!(
                inner.is_empty()
                    || (area.contains(inner.as_position())
                        && inner.right() <= area.right()
                        && inner.bottom() <= area.bottom()),
                "{inner:?} in {area:?}"
            );
        }
    }
}
