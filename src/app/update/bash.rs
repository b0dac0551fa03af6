//! The bash pane with focus: stepping through entries and typing along.
//!
//! A type-along's prompt opens as soon as the entry before it is shown (see
//! `Model::open_waiting_prompt`), so a learner who starts typing early types into it.

use super::super::Model;
use super::super::bash::LineCheck;
use super::super::effect::Effect;
use super::super::msg::{Action, Msg};
use super::{common, nav};
use crate::core::command::continues;
use crate::core::sanitize::sanitize;

/// Most characters the type-along input keeps (a pasted here-document fits); more is ignored.
const MAX_INPUT: usize = 8192;

pub(super) fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if model.typing {
        return typing(model, msg);
    }
    match msg {
        Msg::Act(Action::Next) => next(model),
        Msg::Act(Action::Hint) if model.bash.awaiting => hint(model),
        Msg::Act(Action::Focus) if model.bash.awaiting => {
            model.typing = true;
            Vec::new()
        }
        Msg::Act(Action::Focus) => {
            model.open_waiting_prompt();
            Vec::new()
        }
        Msg::Act(Action::SkipTypeAlong) => {
            model.bash.skip();
            model.open_waiting_prompt();
            Vec::new()
        }
        msg => common(model, &msg),
    }
}

/// Reveals the next entry, or moves on to the next step when all are shown. An entry waiting
/// for the learner's line is shown as scripted first.
fn next(model: &mut Model) -> Vec<Effect> {
    if model.bash.awaiting {
        model.bash.skip();
        model.open_waiting_prompt();
        return Vec::new();
    }
    let course = model.course_handle();
    let Some(step) = course.step_at(model.node, model.step) else {
        return Vec::new();
    };
    if !model.bash.reveal_next(&step.bash, model.animate) {
        return nav::next_step(model);
    }
    model.scroll.bash_back = 0;
    let done_before = match (model.node_ref(), model.bash.active()) {
        (Some(node), Some(i)) => model.progress.type_along_done(&node.id, &step.id, i),
        _ => false,
    };
    if model.bash.awaiting && done_before {
        model.bash.skip();
    }
    model.typing = model.bash.awaiting;
    if !model.typing {
        model.open_waiting_prompt();
    }
    Vec::new()
}

fn typing(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Input(c) if model.bash.input.chars().count() < MAX_INPUT => {
            model.bash.input.push(c);
            model.bash.edited();
        }
        Msg::Paste(text) => {
            append_pasted_lines(&mut model.bash.input, &text, MAX_INPUT);
            model.bash.edited();
        }
        Msg::Act(Action::DeleteChar) => {
            model.bash.input.pop();
            model.bash.edited();
        }
        Msg::Act(Action::ClearInput) => {
            model.bash.clear_line();
            model.bash.edited();
        }
        // Enter inside an unfinished here-document, after a trailing `\`, in an open quote or
        // after `|` / `&&` goes on to the next line, as in bash.
        Msg::Act(Action::Submit)
            if continues(&model.bash.input) && model.bash.input.chars().count() < MAX_INPUT =>
        {
            model.bash.input.push('\n');
        }
        Msg::Act(Action::Back) => model.typing = false,
        Msg::Act(Action::Hint) => return hint(model),
        // → with nothing typed shows the command as scripted, as it does with the prompt
        // closed; once something is typed it is ignored, so nothing typed is lost.
        Msg::Act(Action::Next) if model.bash.input.is_empty() => {
            model.typing = false;
            return next(model);
        }
        Msg::Act(Action::Next) => {}
        Msg::Act(Action::Submit) => return submit(model),
        msg => return common(model, &msg),
    }
    Vec::new()
}

/// The hint key at a waiting type-along: the answer once it is offered, else the hint.
/// Both are recorded (outside practice).
pub(super) fn hint(model: &mut Model) -> Vec<Effect> {
    let course = model.course_handle();
    let (Some(node), Some(step), Some(entry)) = (
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
        model.bash.active(),
    ) else {
        return Vec::new();
    };
    model.typing = model.bash.awaiting;
    let changed = if model.bash.fill_answer(&step.bash) {
        // The line changed: the verdict on the old one goes.
        model.bash.edited();
        !model.practice
            && model
                .progress
                .record_type_along_reveal(&node.id, &step.id, entry)
    } else {
        model.bash.hint_requested = true;
        !model.practice
            && model
                .progress
                .record_type_along_hint(&node.id, &step.id, entry)
    };
    if changed {
        vec![nav::save(model)]
    } else {
        Vec::new()
    }
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let course = model.course_handle();
    let (Some(node), Some(step)) = (
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
    ) else {
        return Vec::new();
    };
    if model.bash.submit(&step.bash) != LineCheck::Matched {
        return Vec::new();
    }
    model.typing = false;
    model.scroll.bash_back = 0;
    let entry = model.bash.active().unwrap_or(0);
    let changed = model.progress.mark_type_along(&node.id, &step.id, entry);
    model.open_waiting_prompt();
    if changed {
        vec![nav::save(model)]
    } else {
        Vec::new()
    }
}

/// Appends pasted `text` to `input` as a shell's bracketed paste does: every line, line
/// breaks normalised to `\n`, tabs expanded, other control characters dropped (pasted text is
/// never trusted to reach the terminal raw), and one trailing line break left out so the
/// learner still presses Enter. `input` stays within `max` characters.
pub(super) fn append_pasted_lines(input: &mut String, text: &str, max: usize) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.strip_suffix('\n').unwrap_or(&text);
    let kept: String = text
        .chars()
        .filter(|c| matches!(c, '\n' | '\t') || !c.is_control())
        .collect();
    let room = max.saturating_sub(input.chars().count());
    input.extend(sanitize(&kept).chars().take(room));
}
