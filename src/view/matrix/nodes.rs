//! Drawing the nodes and their connectors: columns by depth when they fit, else rows by depth,
//! else an indented list that scrolls to keep the selection visible.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Matrix, graph, rows};
use crate::app::MatrixShape;
use crate::core::unlock::depths;

/// Where the nodes went, in whichever layout fitted.
enum Placement {
    Columns(graph::Grid),
    Rows(rows::Rows),
}

impl Placement {
    fn pos(&self, i: usize) -> (u16, u16) {
        match self {
            Self::Columns(g) => g.pos[i],
            Self::Rows(r) => r.pos[i],
        }
    }

    fn label_w(&self, i: usize) -> u16 {
        match self {
            Self::Columns(g) => g.label_w(i),
            Self::Rows(r) => r.label_w(),
        }
    }

    /// The connector from `r` to `i`; `r_label_w` is the drawn width of `r`'s label.
    fn route(&self, r: usize, i: usize, r_label_w: u16) -> Option<Vec<(u16, u16)>> {
        match self {
            Self::Columns(g) => g.route(r, i, g.pos[r].0 + r_label_w + 1),
            Self::Rows(rows) => rows.route(r, i),
        }
    }
}

impl Matrix<'_> {
    pub(super) fn render_nodes(&self, area: Rect, buf: &mut Buffer) {
        let depths = depths(self.course);
        match self.placement(&depths, area) {
            Some(p) => self.render_placed(&p, area, buf),
            None => self.render_list(&depths, area, buf),
        }
    }

    /// The node drawn at (`col`, `row`) of the node area `area`, as `render_nodes` places them.
    pub(super) fn node_in_graph(&self, area: Rect, col: u16, row: u16) -> Option<usize> {
        if !area.contains(ratatui::layout::Position::new(col, row)) {
            return None;
        }
        let depths = depths(self.course);
        if let Some(p) = self.placement(&depths, area) {
            (0..self.course.nodes.len()).find(|&i| {
                let (x, y) = p.pos(i);
                y == row && (x..x.saturating_add(p.label_w(i))).contains(&col)
            })
        } else {
            let i = self.list_offset(area) + usize::from(row - area.y);
            (i < self.course.nodes.len()).then_some(i)
        }
    }

    /// How the nodes are drawn in the node area `area`.
    pub(super) fn shape_in(&self, area: Rect) -> MatrixShape {
        match self.placement(&depths(self.course), area) {
            Some(Placement::Columns(_)) => MatrixShape::Columns,
            Some(Placement::Rows(_)) => MatrixShape::Rows,
            None => MatrixShape::List,
        }
    }

    /// First node shown by the list layout: enough scrolled that the selection is visible.
    fn list_offset(&self, area: Rect) -> usize {
        (self.selected + 1).saturating_sub(usize::from(area.height))
    }

    fn placement(&self, depths: &[usize], area: Rect) -> Option<Placement> {
        let wants: Vec<u16> = (0..self.course.nodes.len())
            .map(|i| u16::try_from(self.label(i, usize::MAX).width()).unwrap_or(u16::MAX))
            .collect();
        // The middle of a three-cell ASCII symbol; a Unicode symbol is one cell.
        let anchor = u16::from(self.ascii);
        let widest = wants.iter().max().copied().unwrap_or(0);
        let columns = graph::layout(self.course, depths, area, &wants);
        let rows = rows::layout(self.course, depths, area, &wants, anchor);
        // Prefer whichever layout shows whole titles, columns first.
        match (columns, rows) {
            (Some(c), _) if !c.truncated => Some(Placement::Columns(c)),
            (_, Some(r)) if r.label_w() >= widest => Some(Placement::Rows(r)),
            (Some(c), _) => Some(Placement::Columns(c)),
            (None, r) => r.map(Placement::Rows),
        }
    }

    fn render_placed(&self, placed: &Placement, area: Rect, buf: &mut Buffer) {
        let labels: Vec<Line> = (0..self.course.nodes.len())
            .map(|i| self.label(i, usize::from(placed.label_w(i))))
            .collect();
        let mut wires = graph::Wires::new(area);
        for (i, node) in self.course.nodes.iter().enumerate() {
            for r in node
                .requires
                .iter()
                .filter_map(|r| self.course.node_index(r))
            {
                let r_w = u16::try_from(labels[r].width()).unwrap_or(0);
                if let Some(points) = placed.route(r, i, r_w) {
                    // The selected node's own connectors (to what it needs and to what it
                    // unlocks) stand out, so each of its pairs can be followed.
                    wires.path(&points, r == self.selected || i == self.selected);
                }
            }
        }
        wires.draw(
            buf,
            self.theme.connector,
            self.theme.border_focused,
            self.ascii,
        );
        for (i, label) in labels.iter().enumerate() {
            let (x, y) = placed.pos(i);
            buf.set_line(x, y, label, placed.label_w(i));
        }
    }

    fn render_list(&self, depths: &[usize], area: Rect, buf: &mut Buffer) {
        let rows = usize::from(area.height);
        let offset = self.list_offset(area);
        for (row, i) in (offset..self.course.nodes.len()).take(rows).enumerate() {
            let depth = depths.get(i).copied().unwrap_or(0).min(6);
            let indent = match depth {
                0 => String::new(),
                d => format!(
                    "{}{} ",
                    "  ".repeat(d - 1),
                    if self.ascii { "`-" } else { "└" }
                ),
            };
            let width = usize::from(area.width).saturating_sub(indent.width());
            let mut line = self.label(i, width);
            line.spans
                .insert(0, Span::styled(indent, self.theme.connector));
            let y = area.y + u16::try_from(row).unwrap_or(0);
            buf.set_line(area.x, y, &line, area.width);
        }
    }
}
