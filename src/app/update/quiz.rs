//! The quiz pane with focus: choosing, typing, ordering, submitting, hints and a revealed
//! answer. In a review session the same keys answer the review's question (see `review`).

use super::super::effect::Effect;
use super::super::msg::{Action, Msg};
use super::super::quiz::{Feedback, HintOutcome};
use super::super::{Follow, Model};
use super::{append_pasted, common, follow_quiz, nav, review};
use crate::core::course::{Quiz, QuizKind};
use crate::core::progress::ReviewOutcome;
use crate::core::quiz::{Grade, MISSES_BEFORE_REVEAL, describe, grade};

/// Longest typed answer kept.
const MAX_TEXT: usize = 256;

pub(super) fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let course = model.course_handle();
    let Some(quiz) = course
        .step_at(model.node, model.step)
        .and_then(|s| s.quiz.as_ref())
    else {
        return common(model, &msg);
    };
    let locked = model.quiz.is_right();
    match msg {
        Msg::Act(Action::CursorUp) => cursor(model, quiz, false),
        Msg::Act(Action::CursorDown) => cursor(model, quiz, true),
        Msg::Act(Action::Hint) => return hint(model, quiz),
        Msg::Act(Action::Submit) => return submit(model),
        Msg::Act(Action::Back) if model.typing => model.typing = false,
        Msg::Act(Action::Back) if model.quiz.carrying => model.quiz.carrying = false,
        _ if locked => return common(model, &msg),
        Msg::Pick(i) | Msg::Select(i) => {
            model.quiz.pick(quiz, i);
            model.quiz.carrying = false;
            model.quiz.clear_wrong_feedback();
            follow_quiz(model, Follow::Cursor);
        }
        Msg::Act(Action::Toggle) => {
            let q = &mut model.quiz;
            if matches!(quiz.kind, QuizKind::Order { .. }) {
                q.carrying = !q.carrying;
            } else {
                q.pick(quiz, q.cursor);
                q.clear_wrong_feedback();
            }
            follow_quiz(model, Follow::Cursor);
        }
        Msg::Act(Action::MoveItemUp | Action::MoveItemDown) => {
            model.quiz.move_item(msg == Msg::Act(Action::MoveItemUp));
            model.quiz.clear_wrong_feedback();
            follow_quiz(model, Follow::Cursor);
        }
        Msg::Input(c) if model.typing && model.quiz.text.chars().count() < MAX_TEXT => {
            model.quiz.text.push(c);
            model.quiz.clear_wrong_feedback();
        }
        Msg::Paste(text) if model.typing => {
            append_pasted(&mut model.quiz.text, &text, MAX_TEXT);
            model.quiz.clear_wrong_feedback();
        }
        Msg::Act(Action::DeleteChar) if model.typing => {
            model.quiz.text.pop();
            model.quiz.clear_wrong_feedback();
        }
        Msg::Act(Action::ClearInput) if model.typing => {
            model.quiz.text.clear();
            model.quiz.clear_wrong_feedback();
        }
        msg => return common(model, &msg),
    }
    Vec::new()
}

/// Moves the cursor; past the first or last choice the pane scrolls instead, so what is above
/// or below the choices (the question, the verdict, the explanation) can be read.
fn cursor(model: &mut Model, quiz: &Quiz, down: bool) {
    let rows = crate::app::quiz::QuizState::rows(quiz);
    let at_edge = rows == 0
        || model.quiz.is_right()
        || if down {
            model.quiz.cursor + 1 >= rows
        } else {
            model.quiz.cursor == 0
        };
    if at_edge {
        let m = model.metrics.quiz;
        let s = &mut model.scroll;
        s.quiz = if down {
            s.quiz.saturating_add(1).min(m.max_scroll())
        } else {
            s.quiz.saturating_sub(1)
        };
        s.follow = None;
        return;
    }
    model.quiz.move_cursor(quiz, down);
    follow_quiz(model, Follow::Cursor);
}

/// The hint key: the next hint, or (after enough misses) the answer filled in; recorded
/// outside practice.
fn hint(model: &mut Model, quiz: &Quiz) -> Vec<Effect> {
    let outcome = model.quiz.hint(quiz);
    let course = model.course_handle();
    let (Some(node), Some(step)) = (
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
    ) else {
        return Vec::new();
    };
    let changed = match outcome {
        HintOutcome::Hint => {
            follow_quiz(model, Follow::Hints);
            let shown = model.quiz.hints_shown;
            !model.practice
                && model.review.is_none()
                && model.progress.record_hints(&node.id, &step.id, shown)
        }
        HintOutcome::Revealed => {
            follow_quiz(model, Follow::Hints);
            model.notice = Some(revealed_notice(quiz));
            model.typing = model.wants_text();
            if model.review.is_some() {
                review::record(model, ReviewOutcome::Revealed)
            } else {
                !model.practice && model.progress.record_reveal(&node.id, &step.id)
            }
        }
        HintOutcome::Nothing => {
            model.notice = Some(no_more_hints(model.quiz.misses, quiz));
            false
        }
    };
    if changed {
        vec![nav::save(model)]
    } else {
        Vec::new()
    }
}

fn revealed_notice(quiz: &Quiz) -> String {
    let what = match quiz.kind {
        QuizKind::Single { .. } | QuizKind::Multi { .. } => "The right answer is selected",
        QuizKind::Text { .. } => "The answer is filled in",
        QuizKind::Order { .. } => "The items are in the right order",
    };
    format!("{what}: press Enter to submit it.")
}

fn no_more_hints(misses: u32, quiz: &Quiz) -> String {
    let left = MISSES_BEFORE_REVEAL.saturating_sub(misses);
    let hints = if quiz.hints.is_empty() {
        "No hint for this one"
    } else {
        "No more hints"
    };
    match left {
        0 => format!("{hints}."),
        1 => format!("{hints}. After one more miss, F2 shows the answer."),
        n => format!("{hints}. After {n} more misses, F2 shows the answer."),
    }
}

/// Grades the entered answer. A right answer is recorded (outside practice) and may complete
/// the node; Enter on an already right answer moves on. In a review the answer goes into the
/// review history instead.
fn submit(model: &mut Model) -> Vec<Effect> {
    let Some(quiz) = model.quiz_ref() else {
        return Vec::new();
    };
    if model.quiz.is_right() {
        return if model.review.is_some() {
            review::next(model)
        } else {
            nav::next_step(model)
        };
    }
    if model.wants_text() && !model.typing {
        model.typing = true;
        return Vec::new();
    }
    let Some(answer) = model.quiz.answer(quiz) else {
        model.notice = Some(nothing_entered(&quiz.kind).to_owned());
        return Vec::new();
    };
    let verdict = grade(quiz, &answer);
    if verdict == Grade::Invalid {
        model.notice = Some(nothing_entered(&quiz.kind).to_owned());
        return Vec::new();
    }
    model.notice = None;
    model.quiz.carrying = false;
    let mut feedback = Feedback {
        answer,
        grade: verdict,
        completed: false,
        unlocked: Vec::new(),
        finished: false,
    };
    if verdict == Grade::Correct {
        model.typing = false;
        model.quiz.passed = true;
    } else {
        model.quiz.misses = model.quiz.misses.saturating_add(1);
    }
    follow_quiz(model, Follow::Verdict);
    let mut effects = Vec::new();
    if model.review.is_some() {
        let outcome = if verdict == Grade::Correct {
            ReviewOutcome::Correct
        } else {
            ReviewOutcome::Missed
        };
        if review::record(model, outcome) {
            effects.push(nav::save(model));
        }
    } else if !model.practice {
        record(model, &mut feedback);
        effects.push(nav::save(model));
    }
    model.quiz.feedback = Some(feedback);
    effects
}

fn record(model: &mut Model, feedback: &mut Feedback) {
    let course = model.course_handle();
    let (Some(node), Some(step)) = (
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
    ) else {
        return;
    };
    let wrong = (feedback.grade != Grade::Correct).then(|| describe(&feedback.answer));
    model.progress.record_attempt(&node.id, &step.id, wrong);
    if feedback.grade == Grade::Correct && model.progress.complete_if_done(node) {
        feedback.completed = true;
        feedback.unlocked = nav::announce_completion(model);
        feedback.finished = model.finish_due;
    }
}

fn nothing_entered(kind: &QuizKind) -> &'static str {
    match kind {
        QuizKind::Single { .. } => "Pick a choice first (number keys or Space).",
        QuizKind::Multi { .. } => "Select at least one choice first (number keys or Space).",
        QuizKind::Text { .. } => "Type an answer first.",
        QuizKind::Order { .. } => "Arrange the items first.",
    }
}
