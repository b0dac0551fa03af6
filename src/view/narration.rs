//! The narration pane: step title, `SYS_MSG` box and markdown body, from the prepared cache,
//! scrolled vertically (and code horizontally) by the model's offsets.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{Focus, Model};
use crate::view::markdown::{Document, visible_lines};
use crate::view::pane;
use crate::view::theme::Theme;

pub fn render(
    model: &Model,
    doc: &Document,
    theme: &Theme,
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let focused = model.focus == Focus::Narration && model.overlay.is_none();
    let inner = pane::inner(area);
    let top = usize::from(model.scroll.narration);
    let rows = usize::from(inner.height);
    let more_below = doc.lines.len() > top + rows;
    let title = Line::from(vec![
        Span::styled(" narration ", theme.title),
        Span::styled(scroll_hint(top, more_below, ascii), theme.dim),
    ]);
    pane::block(title, theme, focused, ascii).render(area, buf);
    let window = Document {
        lines: doc.lines.iter().skip(top).take(rows).cloned().collect(),
    };
    let lines = visible_lines(&window, model.scroll.code_x, inner.width, theme);
    pane::put_lines(&lines, inner, buf);
}

/// `↑`/`↓` markers telling that there is more above or below.
pub fn scroll_hint(top: usize, more_below: bool, ascii: bool) -> &'static str {
    match (top > 0, more_below, ascii) {
        (true, true, false) => "↑↓ ",
        (true, false, false) => "↑ ",
        (false, true, false) => "↓ ",
        (true, true, true) => "^v ",
        (true, false, true) => "^ ",
        (false, true, true) => "v ",
        (false, false, _) => "",
    }
}
