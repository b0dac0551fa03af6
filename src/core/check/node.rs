//! One node and its steps and bash pane: required keys, step ids, type-along patterns; quizzes
//! and tasks are checked in their own modules.

use std::collections::HashMap;
use std::ops::Range;

use super::graph::check_id;
use super::markdown::check_markdown;
use super::quiz::{compile_pattern, quiz};
use super::task::task;
use super::{Checker, FileCx, clean, clean_block, head, optional_block, position};
use crate::core::course::{BashEntry, Node, NodeId, Pattern, Step, StepId, TypeAlong};
use crate::core::load::UnseenPlace;
use crate::core::raw::{RawBashEntry, RawNode, RawStep, Sp};

/// A node checked on its own, before its `requires` are resolved against the course.
pub(super) struct Pending<'f> {
    pub node: Node,
    pub file: &'f FileCx,
    pub id_span: Range<usize>,
    /// As written, with spans.
    pub requires: Vec<(String, Range<usize>)>,
}

/// Checks one node. `None` when it has no usable id (its problems are still reported).
pub(super) fn node<'f>(
    cx: &mut Checker<'_>,
    file: &'f FileCx,
    raw: &Sp<RawNode>,
) -> Option<Pending<'f>> {
    let span = raw.span();
    let id = cx.required(file, &span, "node", "id", raw.id.as_ref());
    let id = id.and_then(|_| check_id(cx, file, raw.id.as_ref()?, "node"));
    let owner = id
        .as_deref()
        .map_or_else(|| "node".to_owned(), |id| format!("node `{id}`"));
    let title = cx.required(file, &span, &owner, "title", raw.title.as_ref());
    if raw.step.is_empty() && !file.was_removed(span.start, "step") && !cx.outline {
        cx.error(file, head(file, &span), format!("{owner} has no steps"))
            .with_note("help: add at least one `[[step]]` table with an `id`, a `title` and something to show");
    }
    let steps = steps(cx, file, &owner, &raw.step);
    let requires = raw
        .requires
        .iter()
        .flat_map(|list| list.iter())
        .map(|r| (r.trim().to_owned(), r.span()))
        .collect();
    Some(Pending {
        node: Node {
            id: NodeId::new(id?),
            title: title.unwrap_or_default(),
            summary: raw.summary.as_ref().map(clean).unwrap_or_default(),
            requires: Vec::new(),
            steps,
        },
        file,
        id_span: raw.id.as_ref().map(Sp::span).unwrap_or_default(),
        requires,
    })
}

fn steps(cx: &mut Checker<'_>, file: &FileCx, owner: &str, raw: &[Sp<RawStep>]) -> Vec<Step> {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for raw_step in raw {
        let Some(step) = step(cx, file, owner, raw_step) else {
            continue;
        };
        let id_span = raw_step.id.as_ref().map(Sp::span).unwrap_or_default();
        if let Some(first) = first_seen.get(step.id.as_str()) {
            let first = position(file, *first);
            cx.error(
                file,
                id_span,
                format!("{owner} has two steps with id `{}`", step.id),
            )
            .with_label("duplicate step id")
            .with_note(format!("note: first used at {first}"))
            .with_note(
                "help: step ids key the learner's progress, so each must be unique within its node",
            );
            continue;
        }
        first_seen.insert(step.id.as_str().to_owned(), id_span.start);
        out.push(step);
    }
    out
}

fn step(cx: &mut Checker<'_>, file: &FileCx, owner: &str, raw: &Sp<RawStep>) -> Option<Step> {
    let span = raw.span();
    let id = cx.required(
        file,
        &span,
        &format!("a step of {owner}"),
        "id",
        raw.id.as_ref(),
    );
    let id = id.and_then(|_| check_id(cx, file, raw.id.as_ref()?, "step"));
    let step_owner = id
        .as_deref()
        .map_or_else(|| "step".to_owned(), |id| format!("step `{id}`"));
    let title = cx.required(file, &span, &step_owner, "title", raw.title.as_ref());
    for value in [&raw.sys_msg, &raw.body].into_iter().flatten() {
        check_markdown(cx, file, value);
    }
    let sys_msg = optional_block(raw.sys_msg.as_ref());
    let body = optional_block(raw.body.as_ref());
    let bash: Vec<BashEntry> = raw
        .bash
        .iter()
        .filter_map(|e| bash_entry(cx, file, e))
        .collect();
    let quiz = raw.quiz.as_ref().and_then(|q| quiz(cx, file, q));
    let task = raw.task.as_ref().and_then(|t| task(cx, file, t));
    if let (Some(_), Some(raw_task)) = (&raw.quiz, &raw.task) {
        cx.error(
            file,
            head(file, &raw_task.span()),
            format!("{step_owner} has both a quiz and a task"),
        )
        .with_label("a second exercise in one step")
        .with_note("help: put the task in a step of its own");
    }
    let empty = sys_msg.is_none()
        && body.is_none()
        && raw.bash.is_empty()
        && raw.quiz.is_none()
        && raw.task.is_none();
    if empty && !raw_was_mangled(file, &span) {
        cx.error(
            file,
            head(file, &span),
            format!("{step_owner} has nothing to show"),
        )
        .with_label("no `sys_msg`, `body`, `[[step.bash]]`, `[step.quiz]` or `[step.task]`")
        .with_note(
            "help: give the step some narration, a markdown body, a bash pane, a quiz or a task",
        );
    }
    let step = Step {
        id: StepId::new(id?),
        title: title.unwrap_or_default(),
        sys_msg,
        body,
        bash,
        quiz,
        task,
    };
    report_unseen(cx, file, raw, &step);
    Some(step)
}

/// Warns about what of `step` a learner could never see (measured by the caller's
/// `LoadOptions::unseen`), at the key it is written in.
fn report_unseen(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawStep>, step: &Step) {
    for unseen in (cx.opts.unseen)(step) {
        let span = match unseen.place {
            // The first line of a long text is enough to find it.
            UnseenPlace::SysMsg => raw.sys_msg.as_ref().map(|v| head(file, &v.span())),
            UnseenPlace::Body => raw.body.as_ref().map(|v| head(file, &v.span())),
            UnseenPlace::Quiz => raw.quiz.as_ref().map(|q| head(file, &q.span())),
            UnseenPlace::Bash(i) => raw.bash.get(i).map(|entry| {
                entry
                    .note
                    .as_ref()
                    .or(entry.hint.as_ref())
                    .map_or_else(|| head(file, &entry.span()), Sp::span)
            }),
        };
        let span = span.unwrap_or_else(|| head(file, &raw.span()));
        cx.warning(file, span, unseen.message)
            .with_label("cannot be seen")
            .with_note("note: a learner can scroll, scroll sideways and zoom (`z`); this still does not fit")
            .with_note("help: shorten it, or split it over more steps");
    }
}

/// Whether a content key of the step was dropped after a shape error (then "nothing to show"
/// would be misleading).
fn raw_was_mangled(file: &FileCx, span: &Range<usize>) -> bool {
    ["sys_msg", "body", "bash", "quiz", "task"]
        .iter()
        .any(|key| file.was_removed(span.start, key))
}

fn bash_entry(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawBashEntry>) -> Option<BashEntry> {
    let span = raw.span();
    let cmd = cx.required(file, &span, "bash entry", "cmd", raw.cmd.as_ref());
    let type_along = raw.type_along.as_ref().is_some_and(|t| **t);
    if !type_along {
        for (key, value) in [
            ("accept", raw.accept.as_ref().map(Sp::span)),
            ("hint", raw.hint.as_ref().map(Sp::span)),
        ] {
            if let Some(value) = value {
                cx.warning(
                    file,
                    value,
                    format!("`{key}` has no effect without `type_along = true`"),
                )
                .with_label("ignored");
            }
        }
    }
    let cmd = cmd?;
    let type_along = if type_along {
        Some(TypeAlong {
            accept: accept_patterns(cx, file, raw, &cmd)?,
            hint: raw.hint.as_ref().map(clean).filter(|h| !h.is_empty()),
        })
    } else {
        None
    };
    Some(BashEntry {
        out: raw.out.as_ref().map(clean_block).unwrap_or_default(),
        note: raw.note.as_ref().map(clean).filter(|n| !n.is_empty()),
        cmd,
        type_along,
    })
}

/// The author's `accept` patterns (each must compile, and one must accept `cmd` itself), or
/// the default: `cmd` compared argument by argument.
fn accept_patterns(
    cx: &mut Checker<'_>,
    file: &FileCx,
    raw: &RawBashEntry,
    cmd: &str,
) -> Option<Vec<Pattern>> {
    let Some(list) = &raw.accept else {
        return Some(vec![Pattern::command(cmd)]);
    };
    if list.is_empty() {
        cx.error(file, list.span(), "`accept` is empty")
            .with_label("no pattern could accept the learner's command")
            .with_note(
                "help: remove `accept` to accept `cmd` (options in any order), or add a regex",
            );
        return None;
    }
    let patterns: Vec<Pattern> = list
        .iter()
        .filter_map(|p| compile_pattern(cx, file, p, true))
        .collect();
    if patterns.len() < list.len() {
        return None;
    }
    if cx.compile_patterns && !patterns.iter().any(|p| p.is_match(cmd)) {
        cx.error(
            file,
            list.span(),
            "no `accept` pattern matches the entry's own `cmd`",
        )
        .with_label("none of these match")
        .with_note(format!("note: `cmd` is `{cmd}`"))
        .with_note("help: a learner typing the command exactly as shown would be told it is wrong");
        return None;
    }
    if cx.compile_patterns {
        super::accept::lint(cx, file, list, &patterns, cmd);
    }
    Some(patterns)
}
