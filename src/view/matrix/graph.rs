//! Placing matrix nodes in columns by prerequisite depth and drawing the connectors.
//!
//! Within a column, nodes are ordered by the mean row of their requirements (course order breaks
//! ties), which keeps most connectors short and uncrossed. A connector leaves a requirement's
//! label, runs to a vertical "bus" in the gap before the dependent's column, and enters the
//! dependent's label from the left. Each cell records which directions lines leave it in, so
//! crossing and merging lines become the right junction glyph (`┬`, `├`, `┼`, …).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::course::Course;
use crate::core::unlock::levels;
use crate::view::panel::fit_widths;

/// Fewest and most empty cells between columns; connectors run there.
const GAP_MIN: u16 = 4;
const GAP_MAX: u16 = 8;
/// Narrowest label worth a column layout: a symbol, a space and a few letters.
const MIN_LABEL: u16 = 10;
const MAX_LABEL: u16 = 30;

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// Where each node's label starts, and the column geometry.
pub(super) struct Grid {
    pub pos: Vec<(u16, u16)>,
    gap: u16,
    col: Vec<usize>,
    col_x: Vec<u16>,
    col_w: Vec<u16>,
    area: Rect,
    /// Whether some labels had to be cut to fit.
    pub truncated: bool,
}

/// Lays the nodes out in `area`, node `i`'s label wanting `wants[i]` cells, or `None` when
/// columns would be too narrow or too tall.
pub(super) fn layout(course: &Course, depths: &[usize], area: Rect, wants: &[u16]) -> Option<Grid> {
    let n_cols = depths.iter().max().map_or(0, |d| d + 1);
    if n_cols == 0 || depths.len() != course.nodes.len() || wants.len() != depths.len() {
        return None;
    }
    let columns = levels(course, depths);
    let tallest = u16::try_from(columns.iter().map(Vec::len).max().unwrap_or(0)).ok()?;
    let natural: Vec<usize> = columns
        .iter()
        .map(|c| {
            c.iter()
                .map(|&i| usize::from(wants[i].min(MAX_LABEL)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let gaps = (n_cols - 1) * usize::from(GAP_MIN);
    let widths = fit_widths(&natural, usize::from(area.width).saturating_sub(gaps));
    let too_narrow = widths
        .iter()
        .zip(&natural)
        .any(|(&w, &n)| w < n.min(usize::from(MIN_LABEL)));
    if too_narrow || tallest > area.height {
        return None;
    }
    let col_w: Vec<u16> = widths
        .iter()
        .map(|&w| u16::try_from(w).unwrap_or(MAX_LABEL))
        .collect();
    let used: u16 = col_w.iter().sum();
    let cols = u16::try_from(n_cols).ok()?;
    let gap = match cols {
        1 => GAP_MIN,
        _ => (area.width.saturating_sub(used) / (cols - 1)).clamp(GAP_MIN, GAP_MAX),
    };
    let stride = if tallest.saturating_mul(2) <= area.height.saturating_add(1) {
        2
    } else {
        1
    };
    let x0 = area.x + area.width.saturating_sub(used + (cols - 1) * gap) / 2;
    let y0 = area.y + area.height.saturating_sub((tallest - 1) * stride + 1) / 2;
    let col_x: Vec<u16> = col_w
        .iter()
        .scan(x0, |x, &w| {
            let here = *x;
            *x += w + gap;
            Some(here)
        })
        .collect();
    let mut grid = Grid {
        pos: vec![(0, 0); depths.len()],
        gap,
        col: vec![0; depths.len()],
        col_x,
        truncated: widths != natural,
        col_w,
        area,
    };
    for (c, nodes) in columns.iter().enumerate() {
        let k = u16::try_from(nodes.len()).ok()?;
        let top = y0 + (tallest - k) * stride / 2;
        for (slot, &i) in (0u16..).zip(nodes) {
            grid.pos[i] = (grid.col_x[c], top + slot * stride);
            grid.col[i] = c;
        }
    }
    Some(grid)
}

impl Grid {
    /// The label width of node `i`'s column.
    pub fn label_w(&self, i: usize) -> u16 {
        self.col_w[self.col[i]]
    }

    /// The connector from requirement `r` (its label text ending before `from_x`) to node `i`,
    /// as corner points, or `None` when `r` is not in an earlier column. A connector that would
    /// run through a node of a column in between detours along a free row.
    pub fn route(&self, r: usize, i: usize, from_x: u16) -> Option<Vec<(u16, u16)>> {
        let (cr, ci) = (self.col[r], self.col[i]);
        if cr >= ci {
            return None;
        }
        let ((xi, yi), yr) = (self.pos[i], self.pos[r].1);
        let bus = xi.saturating_sub(2);
        let to = (xi.saturating_sub(1), yi);
        let blocked = |y: u16| {
            (0..self.pos.len()).any(|k| self.col[k] > cr && self.col[k] < ci && self.pos[k].1 == y)
        };
        if ci == cr + 1 || !blocked(yr) {
            return Some(vec![(from_x, yr), (bus, yr), (bus, yi), to]);
        }
        let crowded = |y: u16| {
            (0..self.pos.len()).any(|k| (cr..=ci).contains(&self.col[k]) && self.pos[k].1 == y)
        };
        let free = (0..self.area.height)
            .map(|d| (yr.abs_diff(self.area.y + d), self.area.y + d))
            .filter(|&(_, y)| !crowded(y))
            .min()
            .map(|(_, y)| y);
        let Some(mid) = free else {
            return Some(vec![(from_x, yr), (bus, yr), (bus, yi), to]);
        };
        // A lane of its own when the gap has room, so the detour does not merge into the bus.
        let bus1 = self.col_x[cr + 1].saturating_sub(if self.gap >= 5 { 3 } else { 2 });
        Some(vec![
            (from_x, yr),
            (bus1, yr),
            (bus1, mid),
            (bus, mid),
            (bus, yi),
            to,
        ])
    }
}

/// Connector cells: for each cell, the directions its line segments leave in, and whether a
/// highlighted line passes through it.
pub(super) struct Wires {
    area: Rect,
    cells: Vec<u8>,
    hot: Vec<bool>,
}

impl Wires {
    pub fn new(area: Rect) -> Self {
        let n = usize::from(area.width) * usize::from(area.height);
        Self {
            area,
            cells: vec![0; n],
            hot: vec![false; n],
        }
    }

    /// Adds a line through `points`, each consecutive pair sharing a row or a column;
    /// `hot` lines are drawn highlighted.
    pub fn path(&mut self, points: &[(u16, u16)], hot: bool) {
        for pair in points.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            if y0 == y1 {
                self.horizontal(y0, x0, x1, hot);
            } else if x0 == x1 {
                self.vertical(x0, y0, y1, hot);
            }
        }
    }

    fn horizontal(&mut self, y: u16, x0: u16, x1: u16, hot: bool) {
        let (a, b) = (x0.min(x1), x0.max(x1));
        for x in a..=b {
            let bits = if x > a { LEFT } else { 0 } | if x < b { RIGHT } else { 0 };
            self.add(x, y, if a == b { 0 } else { bits }, hot);
        }
    }

    fn vertical(&mut self, x: u16, y0: u16, y1: u16, hot: bool) {
        let (a, b) = (y0.min(y1), y0.max(y1));
        if a == b {
            return;
        }
        for y in a..=b {
            self.add(
                x,
                y,
                if y > a { UP } else { 0 } | if y < b { DOWN } else { 0 },
                hot,
            );
        }
    }

    fn add(&mut self, x: u16, y: u16, bits: u8, hot: bool) {
        let r = self.area;
        if x >= r.x && x < r.right() && y >= r.y && y < r.bottom() {
            let i = usize::from(y - r.y) * usize::from(r.width) + usize::from(x - r.x);
            self.cells[i] |= bits;
            self.hot[i] |= hot && bits != 0;
        }
    }

    /// Draws the lines in `style`, the highlighted ones in `hot_style`.
    pub fn draw(&self, buf: &mut Buffer, style: Style, hot_style: Style, ascii: bool) {
        let width = usize::from(self.area.width).max(1);
        for (i, &bits) in self.cells.iter().enumerate().filter(|(_, b)| **b != 0) {
            let (Ok(dx), Ok(dy)) = (u16::try_from(i % width), u16::try_from(i / width)) else {
                continue;
            };
            let style = if self.hot[i] { hot_style } else { style };
            if let Some(cell) = buf.cell_mut((self.area.x + dx, self.area.y + dy)) {
                cell.set_symbol(glyph(bits, ascii)).set_style(style);
            }
        }
    }
}

fn glyph(bits: u8, ascii: bool) -> &'static str {
    let horizontal = bits & (LEFT | RIGHT) != 0;
    let vertical = bits & (UP | DOWN) != 0;
    if ascii {
        return match (horizontal, vertical) {
            (true, true) => "+",
            (false, true) => "|",
            _ => "-",
        };
    }
    match bits {
        b if b == DOWN | RIGHT => "┌",
        b if b == DOWN | LEFT => "┐",
        b if b == UP | RIGHT => "└",
        b if b == UP | LEFT => "┘",
        b if b == UP | DOWN | RIGHT => "├",
        b if b == UP | DOWN | LEFT => "┤",
        b if b == DOWN | LEFT | RIGHT => "┬",
        b if b == UP | LEFT | RIGHT => "┴",
        b if b == UP | DOWN | LEFT | RIGHT => "┼",
        _ if vertical => "│",
        _ => "─",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::test_util::buffer_text;

    #[test]
    fn wires_merge_into_junctions() {
        let area = Rect::new(0, 0, 7, 3);
        let mut wires = Wires::new(area);
        wires.path(&[(0, 0), (3, 0), (3, 2), (6, 2)], true);
        wires.path(&[(0, 0), (3, 0), (3, 0), (6, 0)], false);
        let mut buf = Buffer::empty(area);
        let hot = Style::new().bold();
        wires.draw(&mut buf, Style::new(), hot, false);
        assert_eq!(buffer_text(&buf), "───┬───\n   │\n   └───\n");
        assert_eq!(
            buf[(3, 1)].style().add_modifier,
            hot.add_modifier,
            "highlighted"
        );
        assert_ne!(
            buf[(5, 0)].style().add_modifier,
            hot.add_modifier,
            "not highlighted"
        );
        let mut ascii = Buffer::empty(area);
        wires.draw(&mut ascii, Style::new(), hot, true);
        assert_eq!(buffer_text(&ascii), "---+---\n   |\n   +---\n");
    }
}
