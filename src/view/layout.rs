//! Where everything goes: one function from the terminal area (and which panes the step has) to
//! rectangles, used both for drawing and for mouse hit-testing, so the two never disagree.

use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::app::Focus;

/// Below this size the player shows a message instead of the course.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, narration and the activity panes sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub narration: Rect,
    pub bash: Option<Rect>,
    pub quiz: Option<Rect>,
    /// The space between header and footer, where the matrix and overlays are drawn.
    pub body: Rect,
    pub notice: Option<Rect>,
    pub footer: Rect,
}

impl Areas {
    /// The pane under terminal cell (col, row), if any.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Focus> {
        let at = Position::new(col, row);
        if self.bash.is_some_and(|r| r.contains(at)) {
            Some(Focus::Bash)
        } else if self.quiz.is_some_and(|r| r.contains(at)) {
            Some(Focus::Quiz)
        } else if self.narration.contains(at) {
            Some(Focus::Narration)
        } else {
            None
        }
    }
}

/// Whether `area` is too small to play in.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Lays out a frame of `area` for a step with the given panes; `notice` reserves a line above
/// the footer.
pub fn layout(area: Rect, has_bash: bool, has_quiz: bool, notice: bool) -> Areas {
    let [header, body, notice_row, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(notice)),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut areas = Areas {
        header,
        body,
        notice: notice.then_some(notice_row),
        footer,
        ..Areas::default()
    };
    if !has_bash && !has_quiz {
        areas.narration = body;
        return areas;
    }
    let side = area.width >= SIDE_BY_SIDE_WIDTH;
    let [narration, activity] = if side {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body)
    };
    areas.narration = narration;
    match (has_bash, has_quiz) {
        (true, true) => {
            let [bash, quiz] =
                Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(activity);
            areas.bash = Some(bash);
            areas.quiz = Some(quiz);
        }
        (true, false) => areas.bash = Some(activity),
        _ => areas.quiz = Some(activity),
    }
    areas
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_put_panes_side_by_side_and_narrow_ones_stack_them() {
        let wide = layout(Rect::new(0, 0, 120, 40), true, false, false);
        let bash = wide.bash.expect("bash");
        assert_eq!(wide.narration.y, bash.y);
        assert!(bash.x >= wide.narration.right());
        let narrow = layout(Rect::new(0, 0, 80, 24), true, false, false);
        let bash = narrow.bash.expect("bash");
        assert_eq!(narrow.narration.x, bash.x);
        assert!(bash.y >= narrow.narration.bottom());
        assert_eq!(narrow.pane_at(1, bash.y + 1), Some(Focus::Bash));
        assert_eq!(narrow.pane_at(1, 1), Some(Focus::Narration));
    }

    #[test]
    fn every_size_lays_out_inside_the_area() {
        for w in 0..130 {
            for h in 0..50 {
                let area = Rect::new(0, 0, w, h);
                let a = layout(area, true, true, true);
                for r in [a.header, a.narration, a.body, a.footer] {
                    assert!(area.union(r) == area || r.is_empty(), "{w}x{h} {r:?}");
                }
            }
        }
    }
}
