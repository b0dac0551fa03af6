//! Where everything goes: one function from the terminal area (and which panes the step has) to
//! rectangles, used for drawing, measuring and mouse hit-testing, so they never disagree.
//!
//! Side by side (from [`SIDE_BY_SIDE_WIDTH`] columns), the split adapts to the node (the widths
//! come from every step of the node with a bash pane, `view::split`, so it stays put from step
//! to step): the bash pane gets the width its widest command or output line needs (terminal
//! output is not prose and keeps its shape), but never less than its usual share (45 %; 55 %
//! beside a task, whose checklist has long lines) and never so much that the narration is left
//! fewer than [`MIN_NARRATION_WIDTH`] columns or two fifths of the width, or too few for its own
//! widest code line (which, like the pane's, would have to scroll) when that fits its usual
//! share. A line too wide for the most the pane can get scrolls sideways whatever the split, so
//! it takes no room: the pane gets the width of its widest line that can be shown whole.
//! Narrower terminals stack the panes. A task takes the quiz's place (below the bash pane, if
//! any), with more of the height when stacked. A zoomed pane takes the whole space between
//! header and footer.

use ratatui::layout::{Constraint, Layout, Position, Rect};

use crate::app::Focus;

/// Below this size the player shows a message instead of the course.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, narration and the activity panes sit side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// Side by side, the narration keeps at least this many columns (borders included).
pub const MIN_NARRATION_WIDTH: u16 = 40;
/// The smallest terminal courses are written for: `check` warns about content that could not
/// be seen at this size, whatever the learner does (see `view::fit`).
pub const MIN_SUPPORTED: (u16, u16) = (80, 24);

/// What the step needs room for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "one per pane the step may have"
)]
pub struct Wants {
    pub bash: bool,
    pub quiz: bool,
    /// A hands-on task (in the quiz's place: a step has a quiz or a task, never both).
    pub task: bool,
    /// A notice line above the footer.
    pub notice: bool,
    /// The widths the bash pane needs to show each of its lines unclipped, borders included,
    /// ascending and without repeats (see `bash_pane::wanted_widths`).
    pub bash_widths: Vec<u16>,
    /// Columns the narration needs to show its widest code line whole, borders included.
    pub narration_width: u16,
    /// The pane shown alone on the whole body.
    pub zoom: Option<Focus>,
    /// For a step whose activity is a quiz alone: the content rows (without frames) its
    /// narration and its quiz want. Such a step is stacked full width (see `stack_quiz`).
    pub quiz_rows: Option<(u16, u16)>,
}

/// The rectangles of one frame. A pane the step lacks, or that a zoomed pane hides, is `None`
/// (the narration: empty).
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

/// Lays out a frame of `area` for a step that wants `wants`.
pub fn layout(area: Rect, wants: &Wants) -> Areas {
    let [header, body, notice_row, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(wants.notice)),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut areas = Areas {
        header,
        body,
        notice: wants.notice.then_some(notice_row),
        footer,
        ..Areas::default()
    };
    match wants.zoom {
        Some(Focus::Bash) if wants.bash => {
            areas.bash = Some(body);
            return areas;
        }
        Some(Focus::Quiz) if wants.quiz => {
            areas.quiz = Some(body);
            return areas;
        }
        Some(Focus::Task) if wants.task => {
            areas.task = Some(body);
            return areas;
        }
        Some(Focus::Narration) => {
            areas.narration = body;
            return areas;
        }
        _ => {}
    }
    if !wants.bash && !wants.quiz && !wants.task {
        areas.narration = body;
        return areas;
    }
    if let (true, false, false, Some((narration, quiz))) =
        (wants.quiz, wants.bash, wants.task, wants.quiz_rows)
    {
        stack_quiz(&mut areas, narration, quiz);
        return areas;
    }
    let side = area.width >= SIDE_BY_SIDE_WIDTH;
    let [narration, activity] = if side {
        // A task's checklist has long lines and many: it usually gets 55 %, other panes 45 %.
        let share = if wants.task { 45 } else { 55 };
        let usual = body.width - body.width * share / 100;
        // The narration keeps its code whole (up to its usual share) and 40 columns at least.
        let narration_least = wants.narration_width.clamp(
            MIN_NARRATION_WIDTH,
            (body.width - usual).max(MIN_NARRATION_WIDTH),
        );
        // And the narration keeps two fifths: one wide line in a node must not squeeze the
        // prose of all its steps into a column.
        let most = body
            .width
            .saturating_sub(narration_least)
            .min((body.width * 3 / 5).max(usual));
        // The widest line that can be shown whole; wider ones scroll sideways in any case, so
        // they take no room from the narration.
        let want = if wants.bash {
            wants
                .bash_widths
                .iter()
                .copied()
                .take_while(|w| *w <= most)
                .last()
                .unwrap_or(0)
        } else {
            0
        };
        let activity = want.clamp(usual, most.max(usual));
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(activity)]).areas(body)
    } else if wants.task {
        // Stacked, the task follows the step's short text and takes most of the height.
        Layout::vertical([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body)
    };
    areas.narration = narration;
    if wants.task {
        if wants.bash {
            let [bash, task] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                    .areas(activity);
            areas.bash = Some(bash);
            areas.task = Some(task);
        } else {
            areas.task = Some(activity);
        }
        return areas;
    }
    match (wants.bash, wants.quiz) {
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

/// Lays out a step whose activity is a quiz alone: the narration above, the quiz below, both
/// the full width (the question and choices get the wide pane, not a column beside a narration
/// that is short or empty on such steps). The quiz gets the rows its content needs, the
/// narration the rest; when both do not fit, the narration shrinks to
/// [`QUIZ_STEP_NARRATION_MIN`] rows and scrolls. `narration_rows` and `quiz_rows` are the
/// content rows each wants, without its frame.
fn stack_quiz(areas: &mut Areas, narration_rows: u16, quiz_rows: u16) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz_step(area: Rect, notice: bool, narration_rows: u16, quiz_rows: u16) -> Areas {
        layout(
            area,
            &Wants {
                quiz: true,
                notice,
                quiz_rows: Some((narration_rows, quiz_rows)),
                ..Wants::default()
            },
        )
    }

    fn bash(width: u16) -> Wants {
        Wants {
            bash: true,
            bash_widths: vec![width],
            ..Wants::default()
        }
    }

    #[test]
    fn wide_terminals_put_panes_side_by_side_and_narrow_ones_stack_them() {
        let wide = layout(Rect::new(0, 0, 120, 40), &bash(0));
        let pane = wide.bash.expect("bash");
        assert_eq!(wide.narration.y, pane.y);
        assert!(pane.x >= wide.narration.right());
        let narrow = layout(Rect::new(0, 0, 80, 24), &bash(0));
        let pane = narrow.bash.expect("bash");
        assert_eq!(narrow.narration.x, pane.x);
        assert!(pane.y >= narrow.narration.bottom());
        assert_eq!(narrow.pane_at(1, pane.y + 1), Some(Focus::Bash));
        assert_eq!(narrow.pane_at(1, 1), Some(Focus::Narration));
    }

    #[test]
    fn the_bash_pane_gets_the_width_its_lines_need_within_bounds() {
        let area = Rect::new(0, 0, 120, 40);
        let usual = layout(area, &bash(20)).bash.expect("bash").width;
        assert_eq!(usual, 54, "never less than the usual 45 %");
        assert_eq!(layout(area, &bash(70)).bash.expect("bash").width, 70);
        let widest = layout(area, &bash(72));
        assert_eq!(widest.bash.expect("bash").width, 72);
        assert_eq!(widest.narration.width, 48, "the narration keeps two fifths");
        assert_eq!(
            layout(area, &bash(80)).bash.expect("bash").width,
            54,
            "wider than the most it can get: it scrolls, and takes no room"
        );
        let at_100 = layout(Rect::new(0, 0, 100, 30), &bash(90));
        assert!(at_100.narration.width >= MIN_NARRATION_WIDTH);
        let table = Wants {
            bash_widths: vec![20, 66, 89, 500],
            ..bash(0)
        };
        assert_eq!(
            layout(area, &table).bash.expect("bash").width,
            66,
            "lines that scroll anyway take no room from the narration"
        );
        assert_eq!(layout(area, &bash(500)).bash.expect("bash").width, 54);
        let stacked = layout(Rect::new(0, 0, 80, 24), &table);
        assert_eq!(stacked.bash.expect("bash").width, 80, "stacked: full width");
        let quiz_only = Wants {
            quiz: true,
            bash_widths: vec![70],
            ..Wants::default()
        };
        assert_eq!(layout(area, &quiz_only).quiz.expect("quiz").width, 54);
    }

    #[test]
    fn the_narration_keeps_its_code_whole_within_its_usual_share() {
        let area = Rect::new(0, 0, 100, 30);
        let code = |narration_width| Wants {
            narration_width,
            ..bash(200)
        };
        let code = |narration_width| Wants {
            bash_widths: vec![50, 55, 60],
            ..code(narration_width)
        };
        let split = |w| {
            let a = layout(area, &code(w));
            (a.narration.width, a.bash.expect("bash").width)
        };
        assert_eq!(split(0), (40, 60), "no code: at least 40 columns");
        assert_eq!(split(50), (50, 50));
        assert_eq!(split(90), (55, 45), "never more than its usual share");
    }

    #[test]
    fn a_zoomed_pane_takes_the_whole_body() {
        let area = Rect::new(0, 0, 120, 40);
        let wants = Wants {
            quiz: true,
            zoom: Some(Focus::Bash),
            ..bash(70)
        };
        let zoomed = layout(area, &wants.clone());
        assert_eq!(zoomed.bash, Some(zoomed.body));
        assert_eq!(zoomed.quiz, None);
        assert!(zoomed.narration.is_empty());
        assert_eq!(zoomed.pane_at(3, 3), Some(Focus::Bash));
        let narration = layout(
            area,
            &Wants {
                zoom: Some(Focus::Narration),
                ..wants.clone()
            },
        );
        assert_eq!(narration.narration, narration.body);
        assert_eq!((narration.bash, narration.quiz), (None, None));
        let missing = layout(
            area,
            &Wants {
                zoom: Some(Focus::Quiz),
                quiz: false,
                ..wants
            },
        );
        assert!(
            missing.bash.is_some(),
            "zooming a pane the step lacks changes nothing"
        );
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
        let task = Wants {
            task: true,
            ..Wants::default()
        };
        let narrow = layout(Rect::new(0, 0, 80, 24), &task);
        let pane = narrow.task.expect("task");
        assert!(narrow.quiz.is_none());
        assert!(pane.height > narrow.narration.height);
        assert_eq!(narrow.pane_at(1, pane.y + 1), Some(Focus::Task));
        let with_bash = Wants {
            notice: true,
            ..bash_and(&task, 20)
        };
        let wide = layout(Rect::new(0, 0, 120, 40), &with_bash);
        let (bash, pane) = (wide.bash.expect("bash"), wide.task.expect("task"));
        assert!(bash.bottom() <= pane.y && bash.x == pane.x);
        assert!(pane.x >= wide.narration.right());
        assert_eq!(pane.width, 66, "the task's usual share is 55 %");
        let wide_output = layout(Rect::new(0, 0, 120, 40), &bash_and(&with_bash, 71));
        assert_eq!(
            wide_output.task.expect("task").width,
            71,
            "output widens it"
        );
        let zoomed = layout(
            Rect::new(0, 0, 120, 40),
            &Wants {
                zoom: Some(Focus::Task),
                ..with_bash
            },
        );
        assert_eq!(zoomed.task, Some(zoomed.body));
        assert_eq!(zoomed.bash, None);
    }

    fn bash_and(wants: &Wants, width: u16) -> Wants {
        Wants {
            bash: true,
            bash_widths: vec![width],
            ..wants.clone()
        }
    }

    #[test]
    fn every_size_lays_out_inside_the_area() {
        for w in 0..130 {
            for h in 0..50 {
                let area = Rect::new(0, 0, w, h);
                for (bash_width, task) in [(0, false), (60, false), (400, false), (60, true)] {
                    let wants = Wants {
                        bash: true,
                        quiz: !task,
                        notice: true,
                        bash_widths: vec![bash_width],
                        narration_width: 60,
                        zoom: None,
                        task,
                        quiz_rows: None,
                    };
                    let a = layout(area, &wants);
                    let panes = [a.bash, a.quiz, a.task].into_iter().flatten();
                    for r in [a.header, a.narration, a.body, a.footer]
                        .into_iter()
                        .chain(panes)
                    {
                        assert!(area.union(r) == area || r.is_empty(), "{w}x{h} {r:?}");
                    }
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
