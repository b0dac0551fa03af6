//! Moving between steps and nodes, and recording it in the progress value.

use super::super::Model;
use super::super::effect::Effect;
use super::super::overlay::{FinishState, MatrixState, Overlay};
use crate::app::msg::SaveOutcome;
use crate::core::progress::{Progress, merge};
use crate::core::results::is_course_complete;
use crate::core::unlock::newly_unlocked;

/// Records the start position (seen, and completion for a node without quizzes). The runtime
/// calls it once before the first frame.
pub fn start(model: &mut Model) -> Vec<Effect> {
    record_arrival(model)
}

/// Plays `course` from now on, at the same step when it still exists, and records where that
/// is.
pub(super) fn reload(
    model: &mut Model,
    course: std::sync::Arc<crate::core::course::Course>,
) -> Vec<Effect> {
    model.replace_course(course);
    record_arrival(model)
}

/// Goes to `(node, step)`; `finished` shows every bash entry at once (going back, jumping).
pub(crate) fn go_to(model: &mut Model, node: usize, step: usize, finished: bool) -> Vec<Effect> {
    // A notice is about the moment it was given; moving on retires it. Going anywhere by
    // hand (the matrix, search) leaves a review session.
    model.notice = None;
    let left = super::task::leave(model);
    model.review = None;
    model.enter_step(node, step);
    if let (true, Some(s)) = (finished, model.step_ref()) {
        model.bash = crate::app::bash::BashPane::finished(s.bash.len());
    } else {
        model.open_waiting_prompt();
    }
    let mut effects: Vec<Effect> = left.into_iter().collect();
    effects.extend(record_arrival(model));
    effects
}

/// The next step, or at the end of a node the matrix with the next open node selected. When
/// the course has just been completed, the finish screen instead. Leaving a quiz that is not
/// answered says it was skipped.
pub(super) fn next_step(model: &mut Model) -> Vec<Effect> {
    if model.finish_due {
        model.finish_due = false;
        model.overlay = Some(Overlay::Finish(FinishState::default()));
        return Vec::new();
    }
    let skipped = skipped_quiz(model);
    let steps = model.node_ref().map_or(0, |n| n.steps.len());
    if model.step + 1 < steps {
        let effects = go_to(model, model.node, model.step + 1, false);
        if skipped.is_some() {
            model.notice = skipped;
        }
        return effects;
    }
    if skipped.is_some() {
        model.notice = skipped;
    }
    let states = model.node_states();
    let next = (model.node + 1..states.len())
        .chain(0..model.node)
        .find(|i| states[*i].is_open() && states[*i] != crate::core::unlock::NodeState::Complete)
        .unwrap_or(model.node);
    model.overlay = Some(Overlay::Matrix(MatrixState::at(next)));
    Vec::new()
}

/// What to say when the learner moves on from a quiz they have not answered right.
fn skipped_quiz(model: &Model) -> Option<String> {
    let step = model.step_ref()?;
    step.quiz.as_ref()?;
    if model.quiz.passed || model.quiz.is_right() {
        return None;
    }
    Some(format!(
        "Skipped the quiz of step {}: answer it later (the matrix lists what is left).",
        model.step + 1
    ))
}

pub(super) fn prev_step(model: &mut Model) -> Vec<Effect> {
    if model.step == 0 {
        return Vec::new();
    }
    go_to(model, model.node, model.step - 1, true)
}

fn record_arrival(model: &mut Model) -> Vec<Effect> {
    let course = model.course_handle();
    let (Some(node), Some(step)) = (
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
    ) else {
        return Vec::new();
    };
    let arrival = model.progress.arrive(node, &step.id, model.practice);
    if arrival.completed {
        announce_completion(model);
        if model.finish_due {
            model.finish_due = false;
            model.overlay = Some(Overlay::Finish(FinishState::default()));
        }
    }
    let mut effects = vec![save(model)];
    // A task's starters are written when it is first shown, and its files checked.
    effects.extend(super::task::prepare(model));
    effects
}

/// Sets the notice for the node that was just completed, naming what it unlocked; returns the
/// unlocked node ids.
pub(super) fn announce_completion(model: &mut Model) -> Vec<crate::core::course::NodeId> {
    let Some(node) = model.node_ref() else {
        return Vec::new();
    };
    let unlocked = newly_unlocked(&model.course, &model.progress, &node.id);
    let names: Vec<&str> = unlocked.iter().map(|n| n.title.as_str()).collect();
    model.notice = Some(if names.is_empty() {
        format!("✓ {} complete", node.title)
    } else {
        format!("✓ {} complete · unlocked: {}", node.title, names.join(", "))
    });
    let unlocked = unlocked.iter().map(|n| n.id.clone()).collect();
    if is_course_complete(model.course(), &model.progress) {
        model.finish_due = true;
        model.notice = Some("✓ Course complete! Enter or →: your results".to_owned());
    }
    unlocked
}

pub(super) fn save(model: &Model) -> Effect {
    Effect::SaveProgress(model.progress.clone())
}

/// Reacts to a save: adopts what is on disk, and tells the learner when saving has trouble
/// (and when the trouble is over).
pub(super) fn saved(model: &mut Model, outcome: SaveOutcome) {
    let problem = match outcome {
        SaveOutcome::Saved { progress, notice } => {
            adopt_saved(model, &progress);
            if model.notice.is_some() && model.notice == model.save_problem {
                model.notice = None;
            }
            model.save_problem = None;
            if notice.is_some() {
                model.notice = notice;
            }
            return;
        }
        SaveOutcome::Busy => {
            "Progress not saved yet: another termcourse is saving it; trying again.".to_owned()
        }
        SaveOutcome::Failed(why) => format!("Progress not saved: {why}"),
    };
    model.notice = Some(problem.clone());
    model.save_problem = Some(problem);
}

/// Takes in the store's merged progress (which may hold another player's completions). It is
/// merged into the model's rather than replacing it: saves are asynchronous, so the model may
/// already hold newer records than the save it hears about. The position stays this player's.
fn adopt_saved(model: &mut Model, saved: &Progress) {
    let position = model.progress.position.take();
    model.progress = merge(saved, &model.progress);
    model.progress.position = position;
    if let (Some(node), Some(step)) = (model.node_ref(), model.step_ref())
        && model.progress.quiz_passed(&node.id, &step.id)
    {
        model.quiz.passed = true;
    }
}
