//! Box-drawn tables whose columns are fitted to the available width.
//!
//! Columns keep their natural width when everything fits; otherwise the space is shared out so
//! narrow columns stay whole and wide ones shrink, and cells that no longer fit end in `…`.

use pulldown_cmark::Alignment;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::wrap::LineBuf;
use crate::view::panel::fit_widths;
use crate::view::theme::Theme;

/// One cell: its inline spans, already styled.
pub(super) type Cell = Vec<Span<'static>>;

/// A table collected from the markdown events.
#[derive(Default)]
pub(super) struct Table {
    pub aligns: Vec<Alignment>,
    pub rows: Vec<Vec<Cell>>,
    /// How many of `rows` are the header.
    pub header_rows: usize,
}

impl Table {
    /// Columns the table takes with every cell whole, borders included.
    pub fn natural_width(&self) -> usize {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let cells: usize = (0..cols)
            .map(|c| {
                let cell_width = |r: &Vec<Cell>| r.get(c).map_or(0, |cell| spans_width(cell));
                self.rows.iter().map(cell_width).max().unwrap_or(0).max(1)
            })
            .sum();
        cells + 1 + 3 * cols
    }

    /// The table as lines at most `width` cells wide (when `width` leaves each column at least
    /// one cell).
    pub fn render(&self, width: usize, theme: &Theme) -> Vec<Line<'static>> {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if cols == 0 {
            return Vec::new();
        }
        let natural: Vec<usize> = (0..cols)
            .map(|c| {
                let cell_width = |r: &Vec<Cell>| r.get(c).map_or(0, |cell| spans_width(cell));
                self.rows.iter().map(cell_width).max().unwrap_or(0).max(1)
            })
            .collect();
        let widths = fit_widths(&natural, width.saturating_sub(1 + 3 * cols));
        let border = |l: &str, m: &str, r: &str| {
            let segs: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
            Line::from(Span::styled(
                format!("{l}{}{r}", segs.join(m)),
                theme.table_border,
            ))
        };
        let mut lines = vec![border("┌", "┬", "┐")];
        for (i, row) in self.rows.iter().enumerate() {
            if i == self.header_rows && i > 0 {
                lines.push(border("├", "┼", "┤"));
            }
            lines.push(self.row_line(row, &widths, i < self.header_rows, theme));
        }
        lines.push(border("└", "┴", "┘"));
        lines
    }

    fn row_line(
        &self,
        row: &[Cell],
        widths: &[usize],
        header: bool,
        theme: &Theme,
    ) -> Line<'static> {
        let mut line = LineBuf::default();
        line.push("│", theme.table_border);
        for (c, &w) in widths.iter().enumerate() {
            let cell = row.get(c).map_or(&[][..], Vec::as_slice);
            let fitted = truncate(cell, w, theme);
            let pad = w.saturating_sub(spans_width(&fitted));
            let (left, right) = match self.aligns.get(c) {
                Some(Alignment::Right) => (pad, 0),
                Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                _ => (0, pad),
            };
            line.push(&" ".repeat(left + 1), theme.text);
            for span in fitted {
                let style = if header {
                    span.style.patch(theme.table_header)
                } else {
                    span.style
                };
                line.push(&span.content, style);
            }
            line.push(&" ".repeat(right + 1), theme.text);
            line.push("│", theme.table_border);
        }
        Line::from(line.spans)
    }
}

fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| s.content.width()).sum()
}

/// `cell` cut to `width` cells, ending in `…` when something was cut.
fn truncate(cell: &[Span<'static>], width: usize, theme: &Theme) -> Vec<Span<'static>> {
    if spans_width(cell) <= width {
        return cell.to_vec();
    }
    let mut out = LineBuf::default();
    let budget = width.saturating_sub(1);
    'outer: for span in cell {
        for g in span.content.graphemes(true) {
            if out.width + g.width() > budget {
                break 'outer;
            }
            out.push(g, span.style);
        }
    }
    if width > 0 {
        out.push("…", theme.dim);
    }
    out.spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn sample() -> Table {
        let cell = |s: &str| vec![Span::raw(s.to_owned())];
        Table {
            aligns: vec![Alignment::None, Alignment::Right],
            rows: vec![
                vec![cell("Instruction"), cell("Layer")],
                vec![cell("RUN pip install --no-cache-dir torch"), cell("yes")],
            ],
            header_rows: 1,
        }
    }

    #[test]
    fn natural_widths_when_it_fits() {
        let lines = sample().render(80, &Theme::no_color());
        let texts: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(texts[1], "│ Instruction                          │ Layer │");
        assert_eq!(texts[3], "│ RUN pip install --no-cache-dir torch │   yes │");
        assert!(texts[2].starts_with("├") && texts[4].starts_with("└"));
    }

    #[test]
    fn shrinks_wide_columns_and_marks_cut_cells() {
        let lines = sample().render(30, &Theme::no_color());
        for line in &lines {
            assert!(line.width() <= 30, "{}", line_text(line));
        }
        let row = line_text(&lines[3]);
        assert!(row.contains("RUN pip install -…"), "{row}");
        assert!(row.ends_with("│   yes │"), "{row}");
    }
}
