//! The matrix's layout for narrower areas: one row per prerequisite depth, nodes side by side,
//! connectors dropping from a requirement's symbol to a bus row just above the dependent.
//!
//! A connector spanning several depths leaves its requirement, runs along the first connector
//! row to a column that no label in between covers, drops there, and joins the dependent's bus.

use ratatui::layout::Rect;

use crate::core::course::Course;
use crate::core::unlock::levels;

/// Node positions in the rows layout.
pub(super) struct Rows {
    pub pos: Vec<(u16, u16)>,
    label_w: u16,
    depth: Vec<usize>,
    /// Cells from a label's start to the column its connectors attach at (its symbol).
    anchor: u16,
    area: Rect,
}

/// Lays the nodes out one depth per row, or `None` when the rows or labels do not fit.
/// `wants` is each label's natural width, `anchor` the offset of a label's symbol centre.
pub(super) fn layout(
    course: &Course,
    depths: &[usize],
    area: Rect,
    wants: &[u16],
    anchor: u16,
) -> Option<Rows> {
    let layers = depths.iter().max().map_or(0, |d| d + 1);
    let rows_needed = u16::try_from(layers * 2).ok()?.checked_sub(1)?;
    if rows_needed > area.height || wants.len() != depths.len() {
        return None;
    }
    let widest = u16::try_from(
        (0..layers)
            .map(|d| depths.iter().filter(|&&x| x == d).count())
            .max()?,
    )
    .ok()?;
    let slot_w =
        (area.width / widest).min(wants.iter().max().copied().unwrap_or(0).saturating_add(3));
    let label_w = slot_w.saturating_sub(2);
    if label_w < 10 {
        return None;
    }
    let y0 = area.y + (area.height - rows_needed) / 2;
    let mut pos = vec![(0, 0); depths.len()];
    for (d, nodes) in levels(course, depths).iter().enumerate() {
        let k = u16::try_from(nodes.len()).ok()?;
        let x0 = area.x + (area.width - k * slot_w) / 2 + 1;
        let y = y0 + u16::try_from(d * 2).ok()?;
        for (s, &i) in (0u16..).zip(nodes) {
            pos[i] = (x0 + s * slot_w, y);
        }
    }
    Some(Rows {
        pos,
        label_w,
        depth: depths.to_vec(),
        anchor,
        area,
    })
}

impl Rows {
    pub fn label_w(&self) -> u16 {
        self.label_w
    }

    /// Corner points of the connector from requirement `r` down to node `i`, or `None` when
    /// `r` is not on an earlier row.
    pub fn route(&self, r: usize, i: usize) -> Option<Vec<(u16, u16)>> {
        let (dr, di) = (self.depth[r], self.depth[i]);
        if dr >= di {
            return None;
        }
        let (xr, yr) = (self.pos[r].0 + self.anchor, self.pos[r].1);
        let (xi, yi) = (self.pos[i].0 + self.anchor, self.pos[i].1);
        let bus = yi - 1;
        if di == dr + 1 {
            return Some(vec![(xr, yr), (xr, bus), (xi, bus), (xi, yi)]);
        }
        let covered = |x: u16| {
            (0..self.pos.len()).any(|k| {
                self.depth[k] > dr
                    && self.depth[k] < di
                    && (self.pos[k].0..self.pos[k].0 + self.label_w).contains(&x)
            })
        };
        let drop = (self.area.x..self.area.right())
            .filter(|&x| !covered(x))
            .min_by_key(|&x| (x.abs_diff(xr), x))
            .unwrap_or(xr);
        let first = yr + 1;
        Some(vec![
            (xr, yr),
            (xr, first),
            (drop, first),
            (drop, bus),
            (xi, bus),
            (xi, yi),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::test_util::sample_course;

    fn course(depths: &[usize]) -> Course {
        let mut course = sample_course();
        course.nodes.truncate(depths.len());
        for node in &mut course.nodes {
            node.requires.clear();
        }
        course
    }

    #[test]
    fn one_row_per_depth_centred() {
        let rows = layout(
            &course(&[0, 1, 1, 2]),
            &[0, 1, 1, 2],
            Rect::new(0, 0, 40, 7),
            &[12; 4],
            0,
        );
        let rows = rows.map(|r| r.pos).unwrap_or_default();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].1, rows[2].1);
        assert_eq!(rows[3].1 - rows[0].1, 4);
        assert!(rows[1].0 < rows[2].0);
    }

    #[test]
    fn refuses_when_too_short_or_too_narrow() {
        let c = course(&[0; 8]);
        assert!(layout(&c, &[0, 1, 2], Rect::new(0, 0, 40, 4), &[12; 3], 0).is_none());
        assert!(layout(&c, &[0; 8], Rect::new(0, 0, 40, 10), &[12; 8], 0).is_none());
    }
}
