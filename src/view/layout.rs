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
    /// The hands-on task's pane (a step has a quiz or a task, never both).
    pub task: Option<Rect>,
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
        } else if self.task.is_some_and(|r| r.contains(at)) {
            Some(Focus::Task)
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

/// Lays out a frame of `area` for a step with `panes`; `notice` reserves a line above the
/// footer. A task takes the quiz's place, with more of the height when the panes are stacked
/// (its checklist is longer than the step's text, which it follows).
pub fn for_panes(area: Rect, panes: &[Focus], notice: bool) -> Areas {
    let has_task = panes.contains(&Focus::Task);
    let has_bash = panes.contains(&Focus::Bash);
    let mut areas = layout(
        area,
        has_bash,
        has_task || panes.contains(&Focus::Quiz),
        notice,
    );
    if !has_task {
        return areas;
    }
    // The checklist's lines are long and many; the step's text beside (or above) it is short.
    let [narration, activity] = if area.width >= SIDE_BY_SIDE_WIDTH {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(areas.body)
    } else {
        Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(areas.body)
    };
    areas.narration = narration;
    areas.quiz = None;
    if has_bash {
        let [bash, task] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(activity);
        areas.bash = Some(bash);
        areas.task = Some(task);
    } else {
        areas.task = Some(activity);
    }
    areas
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

/// Fewest rows the narration keeps on a quiz step whose quiz needs the room: its frame and
/// one line (the step title), with `↓` saying there is more. When even that would leave the
/// quiz short (a right answer's explanation at 80x24), the narration folds to its title bar.
pub const QUIZ_STEP_NARRATION_MIN: u16 = 3;

/// Lays out a frame of `area` for a step whose activity is a quiz alone: the narration above,
/// the quiz below, both the full width (the question and choices get the wide pane, not a
/// column beside a narration that is short or empty on such steps). The quiz gets the rows its
/// content needs, the narration the rest; when both do not fit, the narration shrinks to
/// [`QUIZ_STEP_NARRATION_MIN`] rows and scrolls. `narration_rows` and `quiz_rows` are the
/// content rows each wants, without its frame.
pub fn quiz_step(area: Rect, notice: bool, narration_rows: u16, quiz_rows: u16) -> Areas {
    let mut areas = layout(area, false, false, notice);
    let body = areas.body;
    let frame = |rows: u16| rows.saturating_add(2);
    let narration_wants = frame(narration_rows);
    let quiz_wants = frame(quiz_rows);
    let room = body.height.saturating_sub(quiz_wants);
    let narration_h = if narration_wants <= room {
        narration_wants
    } else if room >= QUIZ_STEP_NARRATION_MIN {
        room
    } else if body.height.saturating_sub(QUIZ_STEP_NARRATION_MIN) >= quiz_wants {
        QUIZ_STEP_NARRATION_MIN
    } else {
        // The title bar alone (a frame's top row, saying `narration ↓`).
        1
    }
    .min(body.height);
    let [narration, quiz] =
        Layout::vertical([Constraint::Length(narration_h), Constraint::Fill(1)]).areas(body);
    areas.narration = narration;
    areas.quiz = Some(quiz);
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
    fn a_quiz_step_gives_the_quiz_the_full_width_and_the_rows_it_needs() {
        let area = Rect::new(0, 0, 120, 40);
        let roomy = quiz_step(area, false, 4, 10);
        let quiz = roomy.quiz.expect("quiz");
        assert_eq!(quiz.width, 120, "the wide pane");
        assert_eq!(
            roomy.narration.height, 6,
            "the narration as tall as its text"
        );
        assert_eq!(quiz.height, 38 - 6, "the quiz the rest");
        let tight = quiz_step(Rect::new(0, 0, 80, 24), true, 8, 16);
        assert_eq!(tight.narration.height, 3);
        assert_eq!(
            tight.quiz.map(|q| q.height),
            Some(18),
            "every row of the quiz"
        );
        let cramped = quiz_step(Rect::new(0, 0, 80, 24), true, 8, 18);
        assert_eq!(cramped.narration.height, 1, "folded to its title bar");
        assert_eq!(cramped.quiz.map(|q| q.height), Some(20));
        let hopeless = quiz_step(Rect::new(0, 0, 80, 24), true, 8, 40);
        assert_eq!(hopeless.narration.height, 1);
    }

    #[test]
    fn a_task_takes_the_quiz_place_and_more_height_when_stacked() {
        let panes = [Focus::Narration, Focus::Task];
        let narrow = for_panes(Rect::new(0, 0, 80, 24), &panes, false);
        let task = narrow.task.expect("task");
        assert!(narrow.quiz.is_none());
        assert!(task.height > narrow.narration.height);
        assert_eq!(narrow.pane_at(1, task.y + 1), Some(Focus::Task));
        let with_bash = [Focus::Narration, Focus::Bash, Focus::Task];
        let wide = for_panes(Rect::new(0, 0, 120, 40), &with_bash, true);
        let (bash, task) = (wide.bash.expect("bash"), wide.task.expect("task"));
        assert!(bash.bottom() <= task.y && bash.x == task.x);
        assert!(task.x >= wide.narration.right());
    }

    #[test]
    fn every_size_lays_out_inside_the_area() {
        for w in 0..130 {
            for h in 0..50 {
                let area = Rect::new(0, 0, w, h);
                let a = layout(area, true, true, true);
                let t = for_panes(area, &[Focus::Narration, Focus::Bash, Focus::Task], true);
                let task = [
                    t.narration,
                    t.bash.unwrap_or_default(),
                    t.task.unwrap_or_default(),
                ];
                for r in [a.header, a.narration, a.body, a.footer]
                    .into_iter()
                    .chain(task)
                {
                    assert!(area.union(r) == area || r.is_empty(), "{w}x{h} {r:?}");
                }
                let q = quiz_step(area, true, 10, 30);
                for r in [
                    q.header,
                    q.narration,
                    q.body,
                    q.footer,
                    q.quiz.unwrap_or_default(),
                ] {
                    assert!(area.union(r) == area || r.is_empty(), "{w}x{h} {r:?}");
                }
            }
        }
    }
}
