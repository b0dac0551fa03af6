//! The quiz pane with focus: choosing, typing, ordering, submitting, hints.

use super::super::Model;
use super::super::effect::Effect;
use super::super::msg::{Action, Msg};
use super::super::quiz::Feedback;
use super::{append_pasted, common, nav};
use crate::core::course::QuizKind;
use crate::core::quiz::{Grade, describe, grade};

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
    let q = &mut model.quiz;
    match msg {
        Msg::Act(Action::CursorUp) => q.move_cursor(quiz, false),
        Msg::Act(Action::CursorDown) => q.move_cursor(quiz, true),
        Msg::Act(Action::Hint) => q.hints_shown = (q.hints_shown + 1).min(quiz.hints.len()),
        Msg::Act(Action::Submit) => return submit(model),
        Msg::Act(Action::Back) => model.typing = false,
        _ if locked => return common(model, &msg),
        Msg::Pick(i) | Msg::Select(i) => {
            q.pick(quiz, i);
            q.clear_wrong_feedback();
        }
        Msg::Act(Action::Toggle) => {
            q.pick(quiz, q.cursor);
            q.clear_wrong_feedback();
        }
        Msg::Act(Action::MoveItemUp | Action::MoveItemDown) => {
            q.move_item(msg == Msg::Act(Action::MoveItemUp));
            q.clear_wrong_feedback();
        }
        Msg::Input(c) if model.typing && q.text.len() < MAX_TEXT => {
            q.text.push(c);
            q.clear_wrong_feedback();
        }
        Msg::Paste(text) if model.typing => {
            append_pasted(&mut q.text, &text, MAX_TEXT);
            q.clear_wrong_feedback();
        }
        Msg::Act(Action::DeleteChar) if model.typing => {
            q.text.pop();
            q.clear_wrong_feedback();
        }
        Msg::Act(Action::ClearInput) if model.typing => q.text.clear(),
        msg => return common(model, &msg),
    }
    Vec::new()
}

/// Grades the entered answer. A right answer is recorded (outside practice) and may complete
/// the node; Enter on an already right answer moves on.
fn submit(model: &mut Model) -> Vec<Effect> {
    let Some(quiz) = model.quiz_ref() else {
        return Vec::new();
    };
    if model.quiz.is_right() {
        return nav::next_step(model);
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
    let mut feedback = Feedback {
        answer,
        grade: verdict,
        completed: false,
        unlocked: Vec::new(),
    };
    let mut effects = Vec::new();
    if verdict == Grade::Correct {
        model.typing = false;
        model.quiz.passed = true;
    }
    if !model.practice {
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
