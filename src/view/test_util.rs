//! Helpers shared by the view tests: buffers as plain text for snapshots.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The buffer's symbols row by row, trailing spaces trimmed; the cells hidden behind a wide
/// character are skipped so the text reads as it looks.
pub fn buffer_text(buf: &Buffer) -> String {
    let width = usize::from(buf.area.width).max(1);
    let mut rows = Vec::new();
    for row in buf.content.chunks(width) {
        let mut text = String::new();
        let mut skip = 0;
        for cell in row {
            if skip == 0 {
                text.push_str(cell.symbol());
            }
            skip = skip
                .max(unicode_width::UnicodeWidthStr::width(cell.symbol()))
                .saturating_sub(1);
        }
        rows.push(text.trim_end().to_owned());
    }
    rows.join("\n")
}

#[allow(dead_code)] // used by the widget tests
/// `widget` drawn into a fresh `width` × `height` buffer.
pub fn draw(widget: impl Widget, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    widget.render(area, &mut buf);
    buf
}
