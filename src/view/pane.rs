//! The frame every pane is drawn in, and the geometry of its inside, shared by drawing and
//! measuring so both agree on how many rows fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};

use crate::view::theme::Theme;

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A bordered pane titled `title`; a focused pane's border stands out.
pub fn block<'a>(title: Line<'a>, theme: &Theme, focused: bool, ascii: bool) -> Block<'a> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::bordered()
        .border_set(if ascii { ASCII_BORDER } else { border::ROUNDED })
        .border_style(style)
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
