//! The task pane with focus (edit, check, reset, hints), and the edge's news about tasks
//! (files read, commands run, the editor back, the trust decision), whatever has the focus.
//!
//! A task passes when every check that is not skipped passes; the first time it does on a
//! visit, the pass is recorded (outside practice), the node completes if that was all it
//! needed, and progress is saved, exactly as a right quiz answer does.

use std::fmt::Write as _;

use super::super::Model;
use super::super::effect::Effect;
use super::super::msg::{Action, Msg};
use super::super::overlay::OverlayKind;
use super::super::task::{Edited, RunReport, Success, TaskJob, TaskKey, TaskMsg, Trust};
use super::{common, nav};
use crate::core::course::{RunCheck, Task};
use crate::core::task::{CheckStatus, SkipReason};

pub(super) fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // A pending reset takes the next key: `y` resets, anything else keeps the file.
    if let Some(path) = model.task.as_mut().and_then(|t| t.confirm_reset.take()) {
        if msg == Msg::Act(Action::Yes) {
            return reset(model, &path);
        }
        model.notice = Some(format!("Not reset: `{path}` stays as it is."));
        return Vec::new();
    }
    match msg {
        Msg::Act(Action::Edit) => edit(model),
        Msg::Act(Action::RunChecks) => run_checks(model),
        Msg::Act(Action::Reset) => ask_reset(model),
        Msg::Act(Action::Hint) => {
            hint(model);
            Vec::new()
        }
        msg => common(model, &msg),
    }
}

/// The current step's task and its key, if it has one.
fn current(model: &Model) -> Option<(TaskKey, std::sync::Arc<crate::core::course::Course>)> {
    let node = model.node_ref()?;
    let step = model.step_ref()?;
    step.task.as_ref()?;
    let key = TaskKey {
        node: node.id.clone(),
        step: step.id.clone(),
    };
    Some((key, model.course_handle()))
}

fn task_of(model: &Model, course: &std::sync::Arc<crate::core::course::Course>) -> Option<Task> {
    course
        .step_at(model.node, model.step)
        .and_then(|s| s.task.clone())
}

/// What showing the current step's task needs from the edge: its starters written, its
/// files read. Nothing when the step has no task.
pub(crate) fn prepare(model: &Model) -> Option<Effect> {
    let (key, course) = current(model)?;
    let task = Box::new(task_of(model, &course)?);
    Some(Effect::Task(TaskJob::Prepare { key, task }))
}

/// Reading the current task's files again.
fn read(model: &Model) -> Option<Effect> {
    let (key, course) = current(model)?;
    let task = Box::new(task_of(model, &course)?);
    Some(Effect::Task(TaskJob::Read { key, task }))
}

/// Leaving the step: a running batch is stopped (its results would be for a task no longer
/// on screen).
pub(crate) fn leave(model: &Model) -> Option<Effect> {
    model
        .task
        .as_ref()
        .and_then(|t| t.batch)
        .map(|_| Effect::Task(TaskJob::Cancel))
}

fn edit(model: &mut Model) -> Vec<Effect> {
    let (Some(task), Some(pane)) = (model.task_ref(), model.task.as_ref()) else {
        return Vec::new();
    };
    if model.task_env.workspace.is_none() {
        model.notice = Some(no_workspace(model));
        return Vec::new();
    }
    vec![Effect::Edit(pane.state.file_to_edit(task).to_owned())]
}

fn no_workspace(model: &Model) -> String {
    let why = model
        .task_env
        .problem
        .as_deref()
        .unwrap_or("the course has no workspace");
    format!("No workspace: {why}")
}

/// `Enter`: the files are read again and every command check that may run is run.
fn run_checks(model: &mut Model) -> Vec<Effect> {
    let Some(task) = model.task_ref().cloned() else {
        return Vec::new();
    };
    let mut effects: Vec<Effect> = read(model).into_iter().collect();
    let trust = model.task_env.trust;
    let Some(pane) = model.task.as_mut() else {
        return effects;
    };
    if pane.batch.is_some() {
        model.notice = Some("The command checks are still running.".to_owned());
        return effects;
    }
    if pane.runnable(&task).is_empty() {
        return effects;
    }
    match trust {
        Trust::Granted => effects.extend(start_batch(model, &task)),
        Trust::Undecided => {
            pane.run_after_trust = true;
            model.overlay = Some(OverlayKind::Trust.open(model));
        }
        Trust::Loading => {
            // Asked again once the whole course (and so its trust) is known.
            pane.run_after_trust = true;
            model.notice = Some("The course is still loading; its commands run next.".to_owned());
        }
        // Their checks are skipped, so nothing is runnable.
        Trust::Denied | Trust::Disabled => {}
    }
    effects
}

/// Starts the runnable command checks of `task` as a new batch.
fn start_batch(model: &mut Model, task: &Task) -> Option<Effect> {
    let pane = model.task.as_mut()?;
    let checks: Vec<(usize, RunCheck)> = pane
        .runnable(task)
        .into_iter()
        .map(|(i, run)| (i, run.clone()))
        .collect();
    if checks.is_empty() {
        return None;
    }
    model.batches = model.batches.wrapping_add(1);
    let batch = model.batches;
    pane.batch = Some(batch);
    for (i, _) in &checks {
        pane.state.set(*i, CheckStatus::Running);
    }
    model.scroll.bash_back = 0;
    Some(Effect::Task(TaskJob::Run { batch, checks }))
}

/// The learner's answer to the trust prompt: stored by the edge, applied to the checklist,
/// and, when allowed after `Enter`, the commands run.
pub(crate) fn decide(model: &mut Model, allow: bool) -> Vec<Effect> {
    let trust = if allow { Trust::Granted } else { Trust::Denied };
    model.task_env.trust = trust;
    let mut effects = vec![Effect::Task(TaskJob::Decide { allow })];
    let task = model.task_ref().cloned();
    if let (Some(task), Some(pane)) = (task, model.task.as_mut()) {
        pane.apply_trust(&task, trust);
        let run = std::mem::take(&mut pane.run_after_trust);
        if allow && run {
            effects.extend(start_batch(model, &task));
        }
    }
    model.notice = Some(if allow {
        "Commands allowed for this course, until any of them changes.".to_owned()
    } else {
        "Commands denied: their checks show as not run (`termcourse trust PATH` asks again)."
            .to_owned()
    });
    effects.extend(check_passed(model));
    effects
}

fn ask_reset(model: &mut Model) -> Vec<Effect> {
    let (Some(task), Some(pane)) = (model.task_ref(), model.task.as_ref()) else {
        return Vec::new();
    };
    let path = pane.state.file_to_edit(task).to_owned();
    let has_starter = task.file(&path).is_some_and(|f| f.starter.is_some());
    if model.task_env.workspace.is_none() {
        model.notice = Some(no_workspace(model));
    } else if has_starter {
        if let Some(pane) = model.task.as_mut() {
            pane.confirm_reset = Some(path);
            // The question is the pane's first line: scrolled past, only the footer's
            // `y reset n cancel` would show.
            model.scroll.task = 0;
            model.notice = None;
        }
    } else {
        model.notice = Some(format!("`{path}` has no starter to go back to."));
    }
    Vec::new()
}

fn reset(model: &mut Model, path: &str) -> Vec<Effect> {
    let Some((key, course)) = current(model) else {
        return Vec::new();
    };
    let Some(file) = task_of(model, &course).and_then(|t| t.file(path).cloned()) else {
        return Vec::new();
    };
    vec![Effect::Task(TaskJob::Reset { key, file })]
}

/// Reveals the hint of the first failing check whose hint is not shown yet.
fn hint(model: &mut Model) {
    let (Some(task), Some(pane)) = (model.task_ref(), model.task.as_ref()) else {
        return;
    };
    if let Some(i) = pane.next_hint(task) {
        if let Some(pane) = model.task.as_mut() {
            pane.hints.push(i);
        }
        return;
    }
    let failing: Vec<usize> = pane
        .state
        .statuses()
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, CheckStatus::Failing { .. }))
        .map(|(i, _)| i)
        .collect();
    let text = if failing.is_empty() {
        "Nothing is failing: no hint needed."
    } else if failing.iter().any(|i| task.checks[*i].hint.is_some()) {
        "Every failing check's hint is shown."
    } else {
        "No hints for the failing checks: their messages say what to fix."
    };
    model.notice = Some(text.to_owned());
}

/// How the notice that starters were written begins (a save retires it).
const STARTER_WRITTEN: &str = "Starter written: ";

/// News about tasks from the edge.
pub(crate) fn on_msg(model: &mut Model, news: TaskMsg) -> Vec<Effect> {
    let here = current(model).map(|(key, _)| key);
    let task = model.task_ref().cloned();
    match news {
        TaskMsg::Setup(env) => {
            model.task_env = env;
            let trust = model.task_env.trust;
            let mut effects = Vec::new();
            if let (Some(task), Some(pane)) = (&task, model.task.as_mut()) {
                pane.apply_trust(task, trust);
                // `Enter` was pressed while the course loaded.
                if pane.run_after_trust && trust != Trust::Loading {
                    pane.run_after_trust = trust == Trust::Undecided;
                    match trust {
                        Trust::Granted => effects.extend(start_batch(model, task)),
                        Trust::Undecided => {
                            model.overlay = Some(OverlayKind::Trust.open(model));
                        }
                        Trust::Loading | Trust::Denied | Trust::Disabled => {}
                    }
                }
            }
            effects.extend(check_passed(model));
            return effects;
        }
        TaskMsg::Prepared {
            key,
            written,
            failed,
            missing,
        } if here.as_ref() == Some(&key) => prepared(model, &written, &failed, missing),
        TaskMsg::Files { key, files } if here.as_ref() == Some(&key) => {
            if let (Some(task), Some(pane)) = (&task, model.task.as_mut()) {
                pane.apply_files(task, &files);
            }
            return check_passed(model);
        }
        TaskMsg::Changed => {
            // The learner saved: "Starter written" is behind them now. (Only that notice: a
            // reset's, saying where the old file went, must outlive the reset's own write.)
            if model
                .notice
                .as_deref()
                .is_some_and(|n| n.starts_with(STARTER_WRITTEN))
            {
                model.notice = None;
            }
            return read(model).into_iter().collect();
        }
        TaskMsg::WatchTrouble(why) => {
            model.notice = Some(format!(
                "Saves are not watched ({why}); press Enter on a task to check it."
            ));
        }
        TaskMsg::Run(report) => return ran(model, task.as_ref(), report),
        TaskMsg::Reset { key, path, result } if here.as_ref() == Some(&key) => {
            model.notice = Some(match result {
                Ok(Some(backup)) => {
                    // The backup sits next to the file: its name is enough (and fits a line).
                    let name = backup.rsplit('/').next().unwrap_or(&backup);
                    format!("Back to the starter; your version is `{name}`.")
                }
                Ok(None) => format!("`{path}` written from its starter."),
                Err(why) => format!("Could not reset `{path}`: {why}"),
            });
            return read(model).into_iter().collect();
        }
        TaskMsg::Edited(edited) => {
            match edited {
                Edited::Done => model.notice = None,
                Edited::Detached(editor) => {
                    model.notice = Some(format!(
                        "{editor} returned at once: the file is open there, and every save is checked."
                    ));
                }
                Edited::Failed(why) => model.notice = Some(why),
            }
            return read(model).into_iter().collect();
        }
        TaskMsg::NotStored(why) => {
            model.notice = Some(format!(
                "Your answer counts for this session but could not be stored: {why}"
            ));
        }
        // For a step no longer on screen.
        TaskMsg::Prepared { .. } | TaskMsg::Files { .. } | TaskMsg::Reset { .. } => {}
    }
    Vec::new()
}

fn prepared(
    model: &mut Model,
    written: &[String],
    failed: &[(String, String)],
    missing: Vec<(usize, Vec<String>)>,
) {
    if let Some(pane) = model.task.as_mut() {
        for (i, programs) in missing {
            pane.state.set(
                i,
                CheckStatus::Skipped(SkipReason::MissingPrograms(programs)),
            );
        }
    }
    if let Some((path, why)) = failed.first() {
        model.notice = Some(format!("Could not write the starter of `{path}`: {why}"));
    } else if !written.is_empty() {
        model.notice = Some(format!("{STARTER_WRITTEN}{}", list(written)));
    }
}

/// `a`, `a, b`, `a, b, c and 4 more`.
fn list(paths: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = paths
        .iter()
        .take(SHOWN)
        .map(|p| format!("`{p}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if paths.len() > SHOWN {
        let _ = write!(text, " and {} more", paths.len() - SHOWN);
    }
    text
}

/// A command check's progress. Reports of another batch (an earlier step's, or cancelled)
/// are dropped.
fn ran(model: &mut Model, task: Option<&Task>, report: RunReport) -> Vec<Effect> {
    let (Some(task), Some(pane)) = (task, model.task.as_mut()) else {
        return Vec::new();
    };
    match report {
        RunReport::Started { batch, check } if pane.batch == Some(batch) => {
            pane.state.set(check, CheckStatus::Running);
            let command = task.checks.get(check).and_then(|c| c.run());
            if let Some(run) = command {
                pane.log_started(check, &run.command);
            }
            model.scroll.bash_back = 0;
        }
        RunReport::Finished {
            batch,
            check,
            status,
            output,
        } if pane.batch == Some(batch) => {
            pane.state.set(check, status.clone());
            pane.log_finished(check, &status, output);
            model.scroll.bash_back = 0;
            return check_passed(model);
        }
        RunReport::Done { batch } if pane.batch == Some(batch) => {
            pane.batch = None;
            // Anything the batch did not get to (cancelled) is pending again.
            for (i, _) in task.commands() {
                if pane.state.statuses().get(i) == Some(&CheckStatus::Running) {
                    pane.state.set(i, CheckStatus::Pending);
                }
            }
            return check_passed(model);
        }
        RunReport::Started { .. } | RunReport::Finished { .. } | RunReport::Done { .. } => {}
    }
    Vec::new()
}

/// Records the task as passed the first time its checklist passes on this visit.
fn check_passed(model: &mut Model) -> Vec<Effect> {
    let passed_now = model
        .task
        .as_ref()
        .is_some_and(|t| t.success.is_none() && t.state.is_passed());
    if !passed_now {
        return Vec::new();
    }
    let mut success = Success::default();
    let mut effects = Vec::new();
    let course = model.course_handle();
    if let (false, Some(node), Some(step)) = (
        model.practice,
        course.nodes.get(model.node),
        course.step_at(model.node, model.step),
    ) {
        let recorded = model.progress.record_task_passed(&node.id, &step.id);
        if model.progress.complete_if_done(node) {
            success.completed = true;
            success.unlocked = nav::announce_completion(model);
        }
        if recorded || success.completed {
            effects.push(nav::save(model));
        }
    }
    if let Some(pane) = model.task.as_mut() {
        pane.success = Some(success);
    }
    effects
}
