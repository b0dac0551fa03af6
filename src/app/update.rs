//! `update(&mut Model, Msg) -> Vec<Effect>`: every state change of the player, without I/O.
//!
//! Dispatch is by what the message is (outside event or user intent) and then by mode: an open
//! overlay takes user intents first (its own module under `app::overlay`), else the focused
//! pane does (`bash`, `quiz`), else the step-level handler here. Moving between steps and
//! recording progress is in `nav`.

mod bash;
pub(crate) mod nav;
mod quiz;
pub(crate) mod review;
pub(crate) mod task;
mod watch;

pub use nav::start;

use super::effect::Effect;
use super::msg::{Action, Msg};
use super::overlay::Reply;
use super::{Focus, Follow, Model, Rows, TICKS_PER_TICKER_CHAR};

/// Applies `msg` to `model` and returns what the runtime must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick(ticks) => {
            tick(model, ticks);
            Vec::new()
        }
        Msg::Resize(w, h) => {
            model.size = (w, h);
            Vec::new()
        }
        Msg::Measured(metrics) => {
            model.metrics = metrics;
            clamp_scroll(model);
            follow(model);
            Vec::new()
        }
        Msg::Saved(outcome) => {
            nav::saved(model, outcome);
            Vec::new()
        }
        Msg::CourseLoaded(course) => nav::reload(model, course.0),
        Msg::CourseEdited(course) => watch::edited(model, course.0),
        Msg::CourseBroken(problems) => {
            watch::broken(model, problems);
            Vec::new()
        }
        Msg::Task(news) => task::on_msg(model, news),
        Msg::Act(Action::Quit) => vec![Effect::Quit],
        Msg::Act(Action::Suspend) => vec![Effect::Suspend],
        // Any key completes the typing animation, and does nothing else; but when the next
        // entry waits for the learner's line, its prompt opens and what was typed goes in.
        msg if model.bash.is_typing() && model.overlay.is_none() => {
            model.bash.finish_typing();
            let opened = model.open_waiting_prompt();
            match msg {
                Msg::Input(_) | Msg::Paste(_) if opened => step_update(model, msg),
                _ => Vec::new(),
            }
        }
        msg if model.overlay.is_some() => overlay_update(model, msg),
        msg => step_update(model, msg),
    }
}

/// Advances what moves by `ticks` ticks: the typed command, and the ticker one character
/// every [`TICKS_PER_TICKER_CHAR`] ticks.
fn tick(model: &mut Model, ticks: u32) {
    let course = model.course_handle();
    if let Some(step) = course.step_at(model.node, model.step) {
        // Each tick types a few characters; the loop ends with the command.
        let typing = model.bash.is_typing();
        for _ in 0..ticks {
            if !model.bash.is_typing() {
                break;
            }
            model.bash.tick(&step.bash);
        }
        if typing && !model.bash.is_typing() {
            model.open_waiting_prompt();
        }
    }
    if let Some(pane) = model.task.as_mut().filter(|t| t.is_running()) {
        pane.spinner = pane.spinner.wrapping_add(ticks);
    }
    let t = &mut model.ticker;
    if t.remaining > 0 {
        t.phase = t.phase.saturating_add(ticks);
        while t.phase >= TICKS_PER_TICKER_CHAR && t.remaining > 0 {
            t.phase -= TICKS_PER_TICKER_CHAR;
            t.remaining -= 1;
            t.offset = t.offset.wrapping_add(1);
        }
        if t.remaining == 0 {
            t.phase = 0;
        }
    }
}

fn step_update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::FocusPane(pane) => {
            set_focus(model, pane);
            Vec::new()
        }
        Msg::Scroll { pane, down } => {
            scroll(model, pane, if down { 3 } else { -3 });
            if pane == Focus::Quiz {
                model.scroll.follow = None;
            }
            Vec::new()
        }
        Msg::Act(Action::Show(kind)) => {
            model.overlay = Some(kind.open(model));
            Vec::new()
        }
        _ => match model.focus {
            Focus::Bash => bash::update(model, msg),
            Focus::Quiz => quiz::update(model, msg),
            Focus::Task => task::update(model, msg),
            Focus::Narration => common(model, &msg),
        },
    }
}

/// A user intent while an overlay is open: `Back` closes it, an overlay's key switches to
/// that overlay (its own key closes it), anything else is the overlay's.
fn overlay_update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let Some(mut overlay) = model.overlay.take() else {
        return Vec::new();
    };
    match msg {
        Msg::Act(Action::Back) => {
            overlay.leave(model);
            model.overlay = overlay.underneath();
            Vec::new()
        }
        Msg::Act(Action::Show(kind)) if kind == overlay.kind() => {
            overlay.leave(model);
            Vec::new()
        }
        Msg::Act(Action::Show(kind)) => {
            overlay.leave(model);
            model.overlay = Some(kind.open(model));
            Vec::new()
        }
        msg => match overlay.update(model, msg) {
            Reply::Stay => {
                model.overlay = Some(overlay);
                Vec::new()
            }
            Reply::Close(effects) => effects,
            Reply::Replace(next) => {
                model.overlay = Some(next);
                Vec::new()
            }
        },
    }
}

/// Intents that mean the same in every pane: stepping, scrolling, focus, hints, the review.
fn common(model: &mut Model, msg: &Msg) -> Vec<Effect> {
    // The page keys always page the narration: the text a learner reads while answering or
    // typing in another pane (the footer offers them when it has more below).
    let page = i32::from(model.metrics.narration.view.saturating_sub(1).max(1));
    let focus = model.focus;
    match msg {
        Msg::Act(Action::Next) if model.review.is_some() => return review::next(model),
        Msg::Act(Action::Prev) if model.review.is_some() => return review::prev(model),
        Msg::Act(Action::Back) if model.review.is_some() => return review::end(model),
        Msg::Act(Action::Next) => return nav::next_step(model),
        Msg::Act(Action::Prev) => return nav::prev_step(model),
        Msg::Act(Action::Hint) => return hint_anywhere(model),
        Msg::Act(Action::ScrollDown) => scroll(model, focus, 1),
        Msg::Act(Action::ScrollUp) => scroll(model, focus, -1),
        Msg::Act(Action::PageDown) => scroll(model, Focus::Narration, page),
        Msg::Act(Action::PageUp) => scroll(model, Focus::Narration, -page),
        Msg::Act(Action::ScrollRight) => scroll_sideways(model, 4),
        Msg::Act(Action::ScrollLeft) => scroll_sideways(model, -4),
        Msg::Act(Action::Zoom) => model.shown.zoom = !model.shown.zoom,
        Msg::Act(Action::ToggleReveal) => model.toggle_reveal(),
        Msg::Act(Action::FocusNext) => {
            let panes = model.panes();
            let at = panes.iter().position(|p| *p == focus).unwrap_or(0);
            set_focus(model, panes[(at + 1) % panes.len()]);
        }
        _ => {}
    }
    Vec::new()
}

/// The hint key where no exercise pane has the keyboard: the waiting type-along's hint, else
/// the quiz's (focusing the quiz).
fn hint_anywhere(model: &mut Model) -> Vec<Effect> {
    if model.bash.awaiting {
        set_focus(model, Focus::Bash);
        return bash::hint(model);
    }
    if model.quiz_ref().is_some() {
        set_focus(model, Focus::Quiz);
        return quiz::update(model, Msg::Act(Action::Hint));
    }
    Vec::new()
}

/// Focuses `pane` if this step has it; inputs take the keyboard when they are waiting (and
/// the next type-along's prompt opens, see `Model::open_waiting_prompt`).
pub(super) fn set_focus(model: &mut Model, pane: Focus) {
    if !model.panes().contains(&pane) {
        return;
    }
    let already = model.focus == pane;
    model.focus = pane;
    model.quiz.carrying &= pane == Focus::Quiz;
    model.typing = match pane {
        Focus::Bash => model.bash.awaiting,
        Focus::Quiz => model.wants_text(),
        Focus::Narration | Focus::Task => false,
    };
    if pane == Focus::Bash && !already {
        model.open_waiting_prompt();
    }
}

/// Keeps what the quiz pane follows in view (see [`Follow`]), by the rows the view measured
/// for it: its first row at least, and all of it when it fits.
fn follow(model: &mut Model) {
    let (Some(_), Some(Rows { start, end })) = (model.scroll.follow, model.metrics.quiz_target)
    else {
        return;
    };
    let view = model.metrics.quiz.view;
    let max = model.metrics.quiz.max_scroll();
    let top = model.scroll.quiz;
    let wanted = if start < top {
        start
    } else if end > top.saturating_add(view) {
        end.saturating_sub(view).min(start)
    } else {
        top
    };
    model.scroll.quiz = wanted.min(max);
}

/// Asks the quiz pane to keep `what` in view from the next measurement on.
pub(super) fn follow_quiz(model: &mut Model, what: Follow) {
    model.scroll.follow = Some(what);
}

/// Scrolls `pane` by `delta` rows (positive: towards the end), within the measured content.
fn scroll(model: &mut Model, pane: Focus, delta: i32) {
    let m = model.metrics;
    let s = &mut model.scroll;
    match pane {
        Focus::Narration => s.narration = offset(s.narration, delta, m.narration.max_scroll()),
        // The bash pane counts back from the bottom, so scrolling down moves towards 0.
        Focus::Bash => s.bash_back = offset(s.bash_back, -delta, m.bash.max_scroll()),
        Focus::Quiz => {
            s.quiz = offset(s.quiz, delta, m.quiz.max_scroll());
            s.follow = None;
        }
        Focus::Task => s.task = offset(s.task, delta, m.task.max_scroll()),
    }
}

/// Scrolls wide lines sideways: the bash pane's transcript when it has focus, else the
/// narration's code blocks.
fn scroll_sideways(model: &mut Model, delta: i32) {
    let m = model.metrics;
    let s = &mut model.scroll;
    if model.focus == Focus::Bash {
        s.bash_x = offset(s.bash_x, delta, m.bash_cols.max_scroll());
    } else {
        s.code_x = offset(s.code_x, delta, m.code_cols.max_scroll());
    }
}

fn offset(current: u16, delta: i32, max: u16) -> u16 {
    let moved = (i32::from(current) + delta).clamp(0, i32::from(max));
    u16::try_from(moved).unwrap_or(max)
}

/// Appends the first line of pasted `text` to `input`, without control characters (pasted text
/// is never trusted to reach the terminal raw), keeping `input` within `max` characters.
pub(crate) fn append_pasted(input: &mut String, text: &str, max: usize) {
    let room = max.saturating_sub(input.chars().count());
    let line = text.lines().next().unwrap_or_default();
    input.extend(line.chars().filter(|c| !c.is_control()).take(room));
}

fn clamp_scroll(model: &mut Model) {
    let m = model.metrics;
    let s = &mut model.scroll;
    s.narration = s.narration.min(m.narration.max_scroll());
    s.code_x = s.code_x.min(m.code_cols.max_scroll());
    s.bash_back = s.bash_back.min(m.bash.max_scroll());
    s.bash_x = s.bash_x.min(m.bash_cols.max_scroll());
    s.quiz = s.quiz.min(m.quiz.max_scroll());
    s.task = s.task.min(m.task.max_scroll());
    if let Some(overlay) = model.overlay.as_mut() {
        overlay.clamp(m.overlay);
    }
}

#[cfg(test)]
mod tests;
