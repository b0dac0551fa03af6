//! The frame every pane is drawn in, and the geometry of its inside, shared by drawing and
//! measuring so both agree on how many rows fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};

use crate::view::panel::bordered;
use crate::view::theme::Theme;

/// A bordered pane titled `title` (its spans styled by the caller); a focused pane's border
/// stands out.
pub fn block<'a>(title: Line<'a>, theme: &Theme, focused: bool, ascii: bool) -> Block<'a> {
    bordered(theme, focused, ascii)
        .padding(Padding::horizontal(1))
        .title(title)
}

/// Draws `lines` top-down into `area`, each clipped to its width. Cheaper than a `Paragraph`
/// (no restyling of the whole area, no reflow), which matters on the redraw path.
pub fn put_lines<'a>(lines: impl IntoIterator<Item = &'a Line<'a>>, area: Rect, buf: &mut Buffer) {
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        buf.set_line(area.x, y, line, area.width);
    }
}

/// The inside of a pane drawn in `area` by [`block`].
pub fn inner(area: Rect) -> Rect {
    Block::bordered()
        .padding(Padding::horizontal(1))
        .inner(area)
}
