//! The finish line, the review and the first-run orientation (issue 12), driven by keys.

use super::*;
use crate::app::overlay::{FinishState, ReviewState};
use crate::core::progress::{Day, ReviewOutcome};

fn node_step(m: &Model) -> (NodeId, StepId) {
    (
        m.node_ref().expect("node").id.clone(),
        m.step_ref().expect("step").id.clone(),
    )
}

/// A model where node a and b are complete but for b's last quiz.
fn nearly_done(course: &Arc<Course>) -> Model {
    let mut progress = Progress::new("test");
    progress.nodes.entry("a".into()).or_default().complete = true;
    progress.nodes.entry("c".into()).or_default().complete = true;
    for step in ["multi", "text"] {
        progress.record_attempt(&NodeId::new("b"), &StepId::new(step), None);
    }
    Model::new(
        Arc::clone(course),
        progress,
        &Options {
            node: Some(NodeId::new("b")),
            step: Some(StepId::new("order")),
            ..Options::default()
        },
    )
}

#[test]
fn completing_the_course_opens_the_finish_screen_when_the_learner_moves_on() {
    let course = course();
    let mut m = nearly_done(&course);
    let correct = crate::core::quiz::correct_answer(m.quiz_ref().expect("quiz"));
    m.quiz.enter(&correct);
    press(&mut m, Key::Enter);
    let feedback = m.quiz.feedback.clone().expect("feedback");
    assert!(feedback.completed && feedback.finished);
    assert!(m.overlay.is_none(), "the verdict is read first");
    press(&mut m, Key::Enter);
    assert_eq!(m.overlay, Some(Overlay::Finish(FinishState::default())));
    press(&mut m, Key::Esc);
    assert_eq!(m.overlay, None);
}

fn with_misses(course: &Arc<Course>) -> Model {
    let mut progress = Progress::new("test");
    progress.nodes.entry("a".into()).or_default().complete = true;
    progress.record_attempt(&NodeId::new("a"), &StepId::new("check"), Some("1".into()));
    progress.record_attempt(&NodeId::new("a"), &StepId::new("check"), None);
    progress.record_attempt(&NodeId::new("b"), &StepId::new("multi"), Some("2".into()));
    progress.record_attempt(&NodeId::new("b"), &StepId::new("multi"), Some("1".into()));
    progress.record_reveal(&NodeId::new("b"), &StepId::new("text"));
    Model::new(
        Arc::clone(course),
        progress,
        &Options {
            node: Some(NodeId::new("a")),
            step: Some(StepId::new("intro")),
            today: Day(20_000),
            entropy: 42,
            ..Options::default()
        },
    )
}

#[test]
fn r_on_the_matrix_reviews_the_missed_questions_most_missed_first() {
    let course = course();
    let mut m = with_misses(&course);
    drop(super::super::start(&mut m));
    press(&mut m, Key::Char('m'));
    let effects = press(&mut m, Key::Char('R'));
    assert!(effects.is_empty());
    let review = m.review.clone().expect("a review session");
    assert_eq!(review.items.len(), 3, "missed, missed and revealed");
    assert_eq!(review.items[0], (1, 0), "the most missed first");
    assert_eq!((m.node, m.step), (1, 0));
    assert!(m.overlay.is_none() && !m.quiz.passed, "asked afresh");
    assert_eq!(
        m.progress.position.as_ref().map(|p| p.step.as_str()),
        Some("intro")
    );
    // Answer the first right: recorded as a review answer for today.
    let right = crate::core::quiz::correct_answer(m.quiz_ref().expect("quiz"));
    m.quiz.enter(&right);
    let effects = press(&mut m, Key::Enter);
    assert_eq!(saves(&effects), 1);
    let record = &m.progress.nodes["b"].quizzes["multi"];
    assert_eq!(
        record.review.last().map(|e| (e.day, e.outcome)),
        Some((Day(20_000), ReviewOutcome::Correct))
    );
    // Enter moves to the next question; a wrong answer then counts as a miss, once.
    press(&mut m, Key::Enter);
    assert_eq!(m.review.as_ref().map(|r| r.at), Some(1));
    press(&mut m, Key::Char('1'));
    press(&mut m, Key::Enter);
    press(&mut m, Key::Enter);
    let (node, step) = node_step(&m);
    let events = &m.progress.nodes[node.as_str()].quizzes[step.as_str()].review;
    assert_eq!(events.len(), 1, "one answer per question per session");
    // Esc ends the session: back where the learner was, with a summary.
    press(&mut m, Key::Esc);
    assert!(m.review.is_none());
    assert_eq!((m.node, m.step), (0, 0));
    let Some(Overlay::Review(ReviewState {
        tally: Some(tally), ..
    })) = &m.overlay
    else {
        panic!("a summary: {:?}", m.overlay);
    };
    assert_eq!((tally.right, tally.missed, tally.skipped), (1, 1, 1));
}

#[test]
fn a_question_leaves_the_review_after_right_answers_on_two_days() {
    let course = course();
    let mut m = with_misses(&course);
    for day in [20_000, 20_001] {
        m.today = Day(day);
        crate::app::update::review::start(&mut m);
        while let Some(review) = m.review.clone() {
            let right = crate::core::quiz::correct_answer(m.quiz_ref().expect("quiz"));
            m.quiz.enter(&right);
            press(&mut m, Key::Enter);
            press(&mut m, Key::Enter);
            if review.at + 1 == review.items.len() {
                break;
            }
        }
    }
    m.today = Day(20_002);
    press(&mut m, Key::Esc);
    let overlay = crate::app::update::review::start(&mut m);
    assert!(
        matches!(
            overlay,
            Some(Overlay::Review(ReviewState {
                tally: None,
                due: 0,
                ..
            }))
        ),
        "nothing left to review: {overlay:?}"
    );
}

#[test]
fn the_orientation_is_dismissed_by_any_key_and_only_that() {
    let course = course();
    let mut m = Model::new(
        Arc::clone(&course),
        Progress::new("test"),
        &Options {
            orientation: true,
            ..Options::default()
        },
    );
    assert_eq!(m.key_mode(), KeyMode::Overlay(OverlayKind::Orientation));
    press(&mut m, Key::Char('q'));
    assert_eq!(m.overlay, None, "q closed it rather than quitting");
    assert_eq!(m.step, 0);
}

#[test]
fn the_orientation_uncovers_the_matrix_a_locked_start_opened() {
    let course = course();
    let mut m = Model::new(
        Arc::clone(&course),
        Progress::new("test"),
        &Options {
            node: Some(NodeId::new("b")),
            orientation: true,
            ..Options::default()
        },
    );
    assert_eq!(m.key_mode(), KeyMode::Overlay(OverlayKind::Orientation));
    press(&mut m, Key::Char('x'));
    assert_eq!(
        m.overlay.as_ref().map(Overlay::kind),
        Some(OverlayKind::Matrix),
        "the matrix on the locked node, as --node promises"
    );
    assert!(m.notice.as_deref().is_some_and(|n| n.contains("is locked")));
    press(&mut m, Key::Esc);
    assert_eq!(m.overlay, None);
}

#[test]
fn a_review_returns_to_the_bash_pane_as_the_learner_left_it() {
    let course = course();
    let mut m = with_misses(&course);
    drop(super::super::start(&mut m));
    press(&mut m, Key::Right);
    assert_eq!((m.node, m.step), (0, 1), "the step with two bash entries");
    let before = m.bash.revealed;
    assert!(before < 2, "not every entry is shown yet");
    press(&mut m, Key::Char('m'));
    press(&mut m, Key::Char('R'));
    assert!(m.review.is_some());
    press(&mut m, Key::Esc);
    assert_eq!((m.node, m.step), (0, 1));
    assert_eq!(m.bash.revealed, before, "the review revealed nothing");
}
