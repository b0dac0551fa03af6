//! `play --watch`: a course saved by its author comes in while they play it.
//!
//! A course that loads replaces the one on screen, and the player shows the first step whose
//! content changed (in course order, compared by node and step id), so each edit is seen as
//! it is made; when no step changed (a glossary entry, say), the learner's place is kept. The
//! place in the step shown is kept where it can be: bash entries revealed and scroll offsets,
//! clamped to the new content. A course that does not load leaves the last one that did on
//! screen and opens the error panel, until a save that loads closes it.

use std::sync::Arc;

use super::super::bash::BashPane;
use super::super::effect::Effect;
use super::super::overlay::{Overlay, OverlayKind};
use super::super::{Focus, Model};
use super::nav::record_arrival;
use crate::core::course::Course;

/// The course as saved loads: play it, at the first step that changed.
pub(super) fn edited(model: &mut Model, course: Arc<Course>) -> Vec<Effect> {
    // Two saves seen in one batch are both compared with the course before either: the second
    // brings nothing new, and must not say "no step changed" over what the first showed.
    if *model.course() == *course && model.problems.is_empty() {
        return Vec::new();
    }
    let old = model.course_handle();
    let changed = first_changed(&old, &course);
    // A command check still running is stopped when its step is left or starts over.
    let left: Vec<Effect> = changed
        .and_then(|_| super::task::leave(model))
        .into_iter()
        .collect();
    let (scroll, bash, focus, typing) =
        (model.scroll, model.bash.clone(), model.focus, model.typing);
    model.problems.clear();
    if model
        .overlay
        .as_ref()
        .is_some_and(|o| o.kind() == OverlayKind::Errors)
    {
        model.overlay = None;
    }
    model.replace_course(course);
    let Some((node, step)) = changed else {
        model.notice = Some("Reloaded: no step changed".to_owned());
        return record_arrival(model);
    };
    // `replace_course` kept the step on screen by id.
    if (model.node, model.step) == (node, step) {
        // `replace_course` started the edited step over: put the learner back where they were.
        keep_place(model, bash, focus, typing);
        model.scroll = scroll;
    } else {
        model.enter_step(node, step);
        let entries = model.step_ref().map_or(0, |s| s.bash.len());
        model.bash = BashPane::finished(entries);
        // An overlay that was open would hide the step the author just edited.
        model.overlay = None;
    }
    let title = model
        .step_ref()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    model.notice = Some(format!("Reloaded: \"{title}\" changed"));
    [left, record_arrival(model)].concat()
}

/// Puts the bash pane of the step just started over back as it was: the entries shown, and a
/// type-along prompt still waiting (with what was typed) when that entry still is one; else
/// the entries shown, finished. The focus and the typing state come back with a waiting prompt.
fn keep_place(model: &mut Model, bash: BashPane, focus: Focus, typing: bool) {
    let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
    let waits = bash.awaiting
        && bash
            .active()
            .and_then(|i| entries.get(i))
            .is_some_and(|e| e.type_along.is_some());
    if waits {
        model.bash = BashPane {
            typed: None,
            ..bash
        };
        if focus == Focus::Bash {
            model.focus = focus;
            model.typing = typing;
        }
    } else {
        model.bash = BashPane::finished(bash.revealed.min(entries.len()));
    }
}

/// The course as saved does not load: keep the last one, show why.
pub(super) fn broken(model: &mut Model, problems: Vec<String>) {
    // The notice outlives the panel (Esc hides it), so the author still sees why nothing
    // changes on the next edits; an old "Reloaded" notice would say the opposite.
    let count = problems.len();
    let errors = if count == 1 { "error" } else { "errors" };
    model.notice = Some(format!(
        "The course as saved does not load ({count} {errors}): ! shows why"
    ));
    model.problems = problems;
    let open = model.overlay.as_ref().map(Overlay::kind);
    if open != Some(OverlayKind::Errors) {
        model.overlay = Some(OverlayKind::Errors.open(model));
    }
}

/// The first step of `new`, in course order, that `old` does not have as it is now (a new
/// step, or one whose content changed), by index.
pub(crate) fn first_changed(old: &Course, new: &Course) -> Option<(usize, usize)> {
    new.nodes.iter().enumerate().find_map(|(ni, node)| {
        let before = old.node(&node.id);
        node.steps.iter().enumerate().find_map(|(si, step)| {
            let same = before
                .and_then(|b| b.step_index(&step.id).map(|i| &b.steps[i]))
                .is_some_and(|s| s == step);
            (!same).then_some((ni, si))
        })
    })
}

#[cfg(test)]
mod tests;
