//! The learner's experience (issue 12): no dead ends, letters that are text, one hint key,
//! honest shuffles, practice that leaves the resume point, skips that say so, a finish line,
//! the review and the orientation. Each test drives the keys a learner presses.

use super::*;
use crate::app::{Follow, MatrixShape};
use crate::core::quiz::MISSES_BEFORE_REVEAL;

/// A model at step `step` of node b, which node a (complete) has unlocked.
fn in_b(course: &Arc<Course>, step: &str) -> Model {
    let mut progress = Progress::new("test");
    progress.nodes.entry("a".into()).or_default().complete = true;
    Model::new(
        Arc::clone(course),
        progress,
        &Options {
            node: Some(NodeId::new("b")),
            step: Some(StepId::new(step)),
            ..Options::default()
        },
    )
}

fn node_step(m: &Model) -> (NodeId, StepId) {
    (
        m.node_ref().expect("node").id.clone(),
        m.step_ref().expect("step").id.clone(),
    )
}

#[test]
fn a_text_quiz_offers_its_sample_after_three_misses_and_records_the_reveal() {
    let course = course();
    let mut m = in_b(&course, "text");
    assert_eq!(m.key_mode(), KeyMode::QuizText);
    for _ in 0..MISSES_BEFORE_REVEAL {
        press(&mut m, Key::Ctrl('u'));
        type_text(&mut m, "fat");
        press(&mut m, Key::Enter);
    }
    // Hints first, then the answer.
    press(&mut m, Key::F(2));
    press(&mut m, Key::F(2));
    assert_eq!(m.quiz.hints_shown, 2);
    assert!(m.quiz.answer_offered(m.quiz_ref().expect("quiz")));
    let effects = press(&mut m, Key::F(2));
    assert_eq!(saves(&effects), 1, "the reveal is saved");
    assert_eq!(m.quiz.text, "slim", "the sample is filled in");
    assert_eq!(m.key_mode(), KeyMode::QuizText, "Enter submits it");
    press(&mut m, Key::Enter);
    assert!(m.quiz.is_right(), "revealing lets the learner pass");
    let (node, step) = node_step(&m);
    let record = &m.progress.nodes[node.as_str()].quizzes[step.as_str()];
    assert!(record.revealed && record.passed && !record.passed_first_try());
    assert_eq!(record.hints, 2, "hints are recorded");
}

#[test]
fn multi_and_order_quizzes_can_be_revealed_too() {
    let course = course();
    for step in ["multi", "order"] {
        let mut m = model_at(&course, "b", step, true);
        if step == "multi" {
            press(&mut m, Key::Char('2'));
        }
        for _ in 0..MISSES_BEFORE_REVEAL {
            press(&mut m, Key::Enter);
        }
        press(&mut m, Key::Char('i'));
        press(&mut m, Key::Char('i'));
        press(&mut m, Key::Char('i'));
        assert!(m.quiz.revealed, "{step}");
        press(&mut m, Key::Enter);
        assert!(m.quiz.is_right(), "{step}");
    }
}

#[test]
fn letters_go_to_the_prompt_that_opens_after_the_entry_before_it() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    assert_eq!(m.key_mode(), KeyMode::Bash);
    press(&mut m, Key::Right);
    // The first entry types itself; the learner starts typing before it is done.
    assert!(m.bash.is_typing());
    assert_eq!(m.key_mode(), KeyMode::TypeAlong, "a prompt is coming");
    type_text(&mut m, "docker run app");
    assert!(m.overlay.is_none(), "m did not open the matrix");
    assert_eq!(m.bash.input, "docker run app", "no letter eaten");
    let effects = press(&mut m, Key::Enter);
    assert_eq!(saves(&effects), 1);
    assert!(!m.bash.awaiting);
    // After the animation, a prompt opens at once too.
    let mut m = model_at(&course, "a", "shell", false);
    press(&mut m, Key::Right);
    update(&mut m, Msg::Tick(100));
    assert!(m.bash.awaiting && m.typing);
    press(&mut m, Key::Char('q'));
    assert_eq!(m.bash.input, "q", "q is a letter, not quit");
}

#[test]
fn f2_is_the_hint_key_everywhere_and_i_where_nothing_is_typed() {
    let course = course();
    // Choice quiz: F2 and i.
    let mut m = model_at(&course, "a", "check", false);
    press(&mut m, Key::F(2));
    press(&mut m, Key::Char('i'));
    assert_eq!(m.quiz.hints_shown, 2);
    // From the narration pane, the quiz's hint.
    let mut m = model_at(&course, "a", "check", false);
    press(&mut m, Key::Tab);
    assert_eq!(m.key_mode(), KeyMode::Narration);
    press(&mut m, Key::F(2));
    assert_eq!(m.quiz.hints_shown, 1);
    // Typing a text answer: F2 gives a hint, i is typed.
    let mut m = in_b(&course, "text");
    press(&mut m, Key::Char('i'));
    assert_eq!((m.quiz.text.as_str(), m.quiz.hints_shown), ("i", 0));
    press(&mut m, Key::F(2));
    assert_eq!(m.quiz.hints_shown, 1);
    // A type-along: F2 while typing, i after Esc; both recorded.
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    press(&mut m, Key::Right);
    press(&mut m, Key::Esc);
    assert_eq!(m.key_mode(), KeyMode::Bash);
    let effects = press(&mut m, Key::Char('i'));
    assert!(m.bash.hint_visible() && saves(&effects) == 1);
    assert!(m.progress.nodes["a"].type_alongs_hinted.contains("shell#1"));
    // Every step mode shows it in the footer.
    for mode in [
        KeyMode::Narration,
        KeyMode::Bash,
        KeyMode::TypeAlong,
        KeyMode::Quiz,
        KeyMode::Order,
        KeyMode::Carrying,
        KeyMode::QuizText,
        KeyMode::QuizIdle,
    ] {
        let footer = crate::app::keymap::footer_items(mode);
        assert!(
            footer.iter().any(|(k, t)| k == "F2" && *t == "hint"),
            "{mode:?}: {footer:?}"
        );
    }
}

#[test]
fn the_quiz_pane_follows_the_cursor_and_the_verdict() {
    let course = course();
    let mut m = in_b(&course, "multi");
    press(&mut m, Key::Down);
    assert_eq!(m.scroll.follow, Some(Follow::Cursor));
    // The view measured the cursor's choice below the 4 visible rows.
    update(
        &mut m,
        Msg::Measured(Metrics {
            quiz: Extent {
                content: 20,
                view: 4,
            },
            quiz_target: Some(crate::app::Rows { start: 6, end: 7 }),
            ..Metrics::default()
        }),
    );
    assert_eq!(m.scroll.quiz, 3, "scrolled just enough to show it");
    press(&mut m, Key::Char(' '));
    press(&mut m, Key::Enter);
    assert_eq!(m.scroll.follow, Some(Follow::Verdict));
    update(
        &mut m,
        Msg::Measured(Metrics {
            quiz: Extent {
                content: 20,
                view: 4,
            },
            quiz_target: Some(crate::app::Rows { start: 12, end: 20 }),
            ..Metrics::default()
        }),
    );
    assert_eq!(m.scroll.quiz, 12, "the verdict's first row on top");
}

#[test]
fn practice_never_moves_the_resume_point() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", true);
    let effects = press(&mut m, Key::Right);
    let Some(Effect::SaveProgress(saved)) = effects.first() else {
        panic!("arriving saves: {effects:?}");
    };
    assert_eq!(
        saved.position, None,
        "practice leaves the stored position alone"
    );
    let mut stored = Progress::new("test");
    stored.set_position(&NodeId::new("b"), &StepId::new("text"));
    let merged = crate::core::progress::merge(&stored, saved);
    assert_eq!(merged.position, stored.position);
    assert!(merged.nodes["a"].seen.contains("shell"), "seen is kept");
}

#[test]
fn an_order_quiz_picks_up_moves_and_drops_with_space_and_the_arrows() {
    let course = course();
    let mut m = in_b(&course, "order");
    assert_eq!(m.key_mode(), KeyMode::Order);
    let footer = crate::app::keymap::footer_items(KeyMode::Order);
    assert!(footer.iter().any(|(k, t)| k == "Space" && *t == "pick up"));
    let first = m.quiz.order[0];
    press(&mut m, Key::Char(' '));
    assert_eq!(m.key_mode(), KeyMode::Carrying);
    let footer = crate::app::keymap::footer_items(KeyMode::Carrying);
    assert!(footer.iter().any(|(k, t)| k == "↓" && t.contains("move")));
    press(&mut m, Key::Down);
    press(&mut m, Key::Down);
    assert_eq!(m.quiz.order[2], first, "the item travelled with the arrows");
    assert_eq!(m.quiz.cursor, 2);
    press(&mut m, Key::Char(' '));
    assert_eq!(m.key_mode(), KeyMode::Order, "dropped");
    press(&mut m, Key::Down);
    assert_eq!(m.quiz.order[2], first, "now the arrows move the cursor");
}

#[test]
fn skipping_an_unanswered_quiz_says_so() {
    let course = course();
    let mut m = in_b(&course, "multi");
    press(&mut m, Key::Right);
    assert_eq!(m.step, 1);
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("Skipped") && n.contains("step 1")),
        "{:?}",
        m.notice
    );
    // Answered right, moving on says nothing of the kind.
    let mut m = model_at(&course, "a", "check", false);
    press(&mut m, Key::Char('2'));
    press(&mut m, Key::Enter);
    press(&mut m, Key::Left);
    press(&mut m, Key::Right);
    assert!(!m.notice.as_deref().unwrap_or("").contains("Skipped"));
}

#[test]
fn choices_are_shuffled_per_learner_and_stable() {
    let course = course();
    let shown = |seed: Option<u64>| {
        let mut progress = Progress::new("test");
        progress.seed = seed;
        let m = Model::new(
            Arc::clone(&course),
            progress,
            &Options {
                node: Some(NodeId::new("b")),
                step: Some(StepId::new("multi")),
                practice: true,
                ..Options::default()
            },
        );
        m.quiz.shown
    };
    assert_eq!(shown(None), vec![0, 1, 2], "no seed: the author's order");
    assert_eq!(shown(Some(5)), shown(Some(5)), "stable for a learner");
    assert!(
        (1..20).any(|seed| shown(Some(seed)) != vec![0, 1, 2]),
        "learners see different orders"
    );
}

#[test]
fn matrix_arrows_follow_the_drawing() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", true);
    press(&mut m, Key::Char('m'));
    let selected = |m: &Model| match &m.overlay {
        Some(Overlay::Matrix(s)) => s.selected,
        _ => usize::MAX,
    };
    // Levels drawn top to bottom: ↓ goes a level down, → along the level.
    m.metrics.matrix = MatrixShape::Rows;
    press(&mut m, Key::Down);
    assert_eq!(selected(&m), 1, "a → b, one level down");
    press(&mut m, Key::Right);
    assert_eq!(selected(&m), 1, "b is alone on its level");
    press(&mut m, Key::Down);
    assert_eq!(selected(&m), 2);
    press(&mut m, Key::Up);
    press(&mut m, Key::Up);
    assert_eq!(selected(&m), 0);
    // Levels drawn left to right: → goes a level deeper.
    m.metrics.matrix = MatrixShape::Columns;
    press(&mut m, Key::Right);
    assert_eq!(selected(&m), 1);
    press(&mut m, Key::Down);
    assert_eq!(selected(&m), 1, "alone in its column");
}

#[test]
fn the_page_keys_read_on_in_a_cut_off_narration_from_any_pane() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    update(
        &mut m,
        Msg::Measured(Metrics {
            narration: Extent {
                content: 30,
                view: 8,
            },
            ..Metrics::default()
        }),
    );
    assert_eq!(m.key_mode(), KeyMode::Bash, "the bash pane has the focus");
    press(&mut m, Key::PageDown);
    assert_eq!(m.scroll.narration, 7, "a page of the narration, less a row");
    // Also while typing at a prompt.
    press(&mut m, Key::Right);
    assert_eq!(m.key_mode(), KeyMode::TypeAlong);
    press(&mut m, Key::PageDown);
    assert_eq!(m.scroll.narration, 14);
    press(&mut m, Key::PageUp);
    assert_eq!(m.scroll.narration, 7);
}
