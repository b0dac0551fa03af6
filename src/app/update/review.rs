//! Playing a review session: the player goes to each due question's step and asks it in the
//! quiz pane (choices shuffled for the session), records the learner's first answer to it in
//! the review history, and at the end goes back to where the learner was and says how it went.
//!
//! Nothing here moves the resume point: review questions are visited, not arrived at.

use super::super::bash::BashPane;
use super::super::effect::Effect;
use super::super::overlay::{Overlay, ReviewState};
use super::super::review::Review;
use super::super::{Focus, Model};
use super::nav;
use crate::core::progress::ReviewOutcome;

/// Starts a review session of the questions due today. Returns the overlay to show instead
/// when nothing is due (a summary saying so), or `None` when the session started (the first
/// question is on screen, with no overlay).
pub(crate) fn start(model: &mut Model) -> Option<Overlay> {
    let shuffle = Review::shuffle_for(model.entropy, model.reviews_started);
    // A review started from within a review returns where the first one would have.
    let (here, bash) = model.review.as_ref().map_or_else(
        || ((model.node, model.step), model.bash.clone()),
        |r| (r.return_to, r.return_bash.clone()),
    );
    let Some(mut review) =
        Review::start(model.course(), &model.progress, model.today, shuffle, here)
    else {
        return Some(Overlay::Review(ReviewState::summary(model, None)));
    };
    review.return_bash = bash;
    model.reviews_started = model.reviews_started.wrapping_add(1);
    model.overlay = None;
    model.notice = None;
    model.review = Some(review);
    ask(model);
    None
}

/// Shows the session's current question.
fn ask(model: &mut Model) {
    if let Some((node, step)) = model.review.as_ref().and_then(Review::current) {
        model.enter_step(node, step);
        model.focus = super::super::Focus::Quiz;
        model.typing = model.wants_text();
    }
}

/// The next question, or the end of the session after the last one.
pub(super) fn next(model: &mut Model) -> Vec<Effect> {
    let Some(review) = model.review.as_mut() else {
        return Vec::new();
    };
    review.at += 1;
    if review.at >= review.items.len() {
        return end(model);
    }
    ask(model);
    Vec::new()
}

/// The previous question (its answer already given stays recorded).
pub(super) fn prev(model: &mut Model) -> Vec<Effect> {
    let Some(review) = model.review.as_mut() else {
        return Vec::new();
    };
    if review.at == 0 {
        return Vec::new();
    }
    review.at -= 1;
    ask(model);
    Vec::new()
}

/// Ends the session: back to where the learner was, with the session's summary over it.
pub(super) fn end(model: &mut Model) -> Vec<Effect> {
    let Some(review) = model.review.take() else {
        return Vec::new();
    };
    let (node, step) = review.return_to;
    let effects = nav::go_to(model, node, step, false);
    restore_bash(model, review.return_bash.clone());
    model.overlay = Some(Overlay::Review(ReviewState::summary(
        model,
        Some(review.tally()),
    )));
    effects
}

/// Puts back the bash pane of the step a review returns to, as the learner left it (any
/// typing animation finished): a review must not reveal commands the learner has not run.
fn restore_bash(model: &mut Model, mut bash: BashPane) {
    let entries = model.step_ref().map_or(0, |s| s.bash.len());
    if bash.revealed > entries {
        // The course was reloaded during the review with fewer entries here.
        bash = BashPane::finished(entries);
    }
    bash.typed = None;
    model.bash = bash;
    if model.focus == Focus::Bash {
        model.typing = model.bash.awaiting;
    }
}

/// Records `outcome` for the current question, unless an answer was already recorded for it
/// in this session (only the first counts). A right answer to a question never passed passes
/// it, which may complete its node. Returns whether the progress changed.
pub(super) fn record(model: &mut Model, outcome: ReviewOutcome) -> bool {
    let course = model.course_handle();
    let Some(review) = model.review.as_mut() else {
        return false;
    };
    let at = review.at;
    if review.outcomes.get(at).is_none_or(Option::is_some) {
        return false;
    }
    review.outcomes[at] = Some(outcome);
    let (Some(node), Some(step)) = (
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
    ) else {
        return false;
    };
    let today = model.today;
    if model
        .progress
        .record_review(&node.id, &step.id, outcome, today)
        && model.progress.complete_if_done(node)
    {
        nav::announce_completion(model);
    }
    true
}
