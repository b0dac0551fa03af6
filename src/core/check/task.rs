//! Tasks: the goal, the files (paths that stay inside the workspace, starters and solutions
//! that are plain text), and the checklist (one kind per check, `file` naming a task file,
//! regexes, command limits), then the self-tests against the solutions and starters.

mod run;
mod selftest;

use std::collections::HashMap;
use std::ops::Range;

use super::markdown::check_markdown;
use super::quiz::compile_pattern;
use super::shape::closest;
use super::{Checker, FileCx, clean, head, position};
use crate::core::course::{Check, CheckKind, Task, TaskFile};
use crate::core::raw::{RawCheck, RawTask, RawTaskFile, Sp};

/// Longest task path accepted, in bytes; each component must also fit a file name (255).
const MAX_PATH_BYTES: usize = 1024;

/// The kind keys of a check, in the order they are documented.
const KINDS: [&str; 5] = ["matches", "absent", "order", "exists", "run"];

pub(super) fn task(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawTask>) -> Option<Task> {
    let span = raw.span();
    let goal = cx.required(file, &span, "task", "goal", raw.goal.as_ref());
    if let Some(goal) = &raw.goal {
        check_markdown(cx, file, goal);
    }
    if raw.file.is_empty() && !file.was_removed(span.start, "file") {
        cx.error(file, head(file, &span), "task has no files")
            .with_note(
                "help: add a `[[step.task.file]]` table with a `path` (and usually a `starter`)",
            );
    }
    let files = files(cx, file, &raw.file);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    if raw.check.is_empty() && !file.was_removed(span.start, "check") {
        cx.error(file, head(file, &span), "task has no checks")
            .with_note("help: add `[[step.task.check]]` tables, each with a `message` and one of `matches`, `absent`, `order`, `exists` or `run`");
    }
    let checks: Vec<Check> = raw
        .check
        .iter()
        .filter_map(|c| check(cx, file, c, &paths))
        .collect();
    let complete = checks.len() == raw.check.len() && files.len() == raw.file.len();
    if complete && !checks.is_empty() && !checks.iter().any(Check::is_file_check) {
        cx.error(file, head(file, &span), "task has only `run` checks")
            .with_label("needs at least one file check")
            .with_note("note: `run` checks are skipped where a program is missing or the course is not trusted, and a task must not pass by skipping everything")
            .with_note("help: add a `matches`, `absent`, `order` or `exists` check on the file the learner writes");
        return None;
    }
    let task = Task {
        goal: goal?,
        files,
        checks,
    };
    if complete && !task.checks.is_empty() {
        selftest::self_test(cx, file, raw, &task);
    }
    (complete && !task.files.is_empty() && !task.checks.is_empty()).then_some(task)
}

fn files(cx: &mut Checker<'_>, file: &FileCx, raw: &[Sp<RawTaskFile>]) -> Vec<TaskFile> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for entry in raw {
        let span = entry.span();
        let Some(value) = &entry.path else {
            if !file.was_removed(span.start, "path") {
                cx.error(file, head(file, &span), "task file has no `path`")
                    .with_label("`path` is required here");
            }
            continue;
        };
        let Some(path) = task_path(cx, file, value) else {
            continue;
        };
        if let Some(first) = seen.get(&path) {
            cx.error(file, value.span(), format!("the task lists `{path}` twice"))
                .with_label("listed again")
                .with_note(format!("note: first listed at {}", position(file, *first)));
            continue;
        }
        let contents = [("starter", &entry.starter), ("solution", &entry.solution)];
        if contents
            .iter()
            .any(|(key, text)| !plain_text(cx, file, &path, key, text.as_ref()))
        {
            continue;
        }
        seen.insert(path.clone(), value.span().start);
        shared_file(cx, file, &path, entry);
        out.push(TaskFile {
            path,
            starter: entry.starter.as_ref().map(|s| s.get().clone()),
            solution: entry.solution.as_ref().map(|s| s.get().clone()),
        });
    }
    for (i, a) in out.iter().enumerate() {
        if let Some(b) = out.iter().skip(i + 1).chain(&out[..i]).find(|b| {
            b.path
                .strip_prefix(a.path.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        }) {
            let at = seen.get(&b.path).copied().unwrap_or_default();
            let end = at + b.path.len();
            cx.error(
                file,
                at..end,
                format!(
                    "`{}` is a file of this task, so it cannot also be a directory",
                    a.path
                ),
            )
            .with_label(format!("inside `{}`", a.path));
        }
    }
    out
}

/// The normalized path, or `None` after reporting why it is not a safe workspace path.
fn task_path(cx: &mut Checker<'_>, file: &FileCx, value: &Sp<String>) -> Option<String> {
    let raw = value.get();
    let parts: Vec<&str> = raw
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let problem = if parts.is_empty() {
        Some("is empty")
    } else if raw.starts_with('/') {
        Some("is absolute")
    } else if raw.contains('\\') {
        Some("has a backslash")
    } else if parts.contains(&"..") {
        Some("leaves the workspace (`..`)")
    } else if raw.contains(':') {
        Some("has a `:` (a drive letter or stream name on Windows)")
    } else if raw.chars().any(|c| c.is_control() || is_bidi(c)) {
        Some("has a control character")
    } else if raw.len() > MAX_PATH_BYTES || parts.iter().any(|p| p.len() > 255) {
        Some("is too long")
    } else {
        None
    };
    if let Some(problem) = problem {
        let shown = crate::core::sanitize::sanitize(raw);
        cx.error(
            file,
            value.span(),
            format!("task file path `{shown}` {problem}"),
        )
        .with_label("not a path inside the workspace")
        .with_note("help: write paths relative to the workspace with `/`, like `Dockerfile` or `app/main.py`");
        return None;
    }
    Some(parts.join("/"))
}

/// Whether a starter or solution is plain text (it is written to disk as it is); reports it
/// otherwise.
fn plain_text(
    cx: &mut Checker<'_>,
    file: &FileCx,
    path: &str,
    key: &str,
    value: Option<&Sp<String>>,
) -> bool {
    let Some(value) = value else { return true };
    let Some(bad) = value
        .chars()
        .find(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_bidi(*c))
    else {
        return true;
    };
    cx.error(
        file,
        value.span(),
        format!(
            "the {key} of `{path}` has a control character (U+{:04X})",
            u32::from(bad)
        ),
    )
    .with_label("written to the learner's file as it is")
    .with_note("help: files may hold tabs and line breaks, but no other control characters or bidi overrides");
    false
}

/// Warns when another task of the course already declared `path` with a different starter:
/// the workspace is shared, so only the first starter written would ever be seen.
fn shared_file(cx: &mut Checker<'_>, file: &FileCx, path: &str, entry: &RawTaskFile) {
    let starter = entry.starter.as_ref().map(|s| s.get().clone());
    let at = entry.path.as_ref().map(Sp::span).unwrap_or_default();
    let here = position(file, at.start);
    let Some((first_starter, first_at)) = cx.task_files.get(path).cloned() else {
        cx.task_files.insert(path.to_owned(), (starter, here));
        return;
    };
    if first_starter != starter && first_at != here {
        cx.warning(
            file,
            at,
            format!("`{path}` is also a file of another task, with a different starter"),
        )
        .with_label("same workspace file")
        .with_note(format!("note: first declared at {first_at}"))
        .with_note(format!("note: a course has one workspace, so this starter is only written if the learner has no `{path}` yet"))
        .with_note("help: give each task its own path (a folder per task, say), unless it continues the same file");
    }
}

fn check(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawCheck>, paths: &[&str]) -> Option<Check> {
    let span = raw.span();
    let message = cx.required(file, &span, "check", "message", raw.message.as_ref());
    let present = kind_spans(raw);
    let Some((kind_name, kind_span)) = present.first().cloned() else {
        let mangled = file.removed.iter().any(|(start, _)| *start == span.start);
        if !mangled {
            cx.error(file, head(file, &span), "check has no kind")
                .with_label("add one of `matches`, `absent`, `order`, `exists` or `run`")
                .with_note("help: for example `matches = '(?m)^FROM '`, `exists = true` or `run = \"make test\"`");
        }
        return None;
    };
    if let Some((second, second_span)) = present.get(1) {
        cx.error(
            file,
            second_span.clone(),
            format!("a check has exactly one kind; this one has `{kind_name}` and `{second}`"),
        )
        .with_label("a second kind")
        .with_note("help: split it into two checks, each with its own `message`");
        return None;
    }
    let is_run = kind_name == "run";
    run::misplaced_keys(cx, file, raw, kind_name);
    let target = check_file(cx, file, raw, paths, kind_name, &kind_span);
    let kind = match kind_name {
        "matches" | "absent" => {
            let value = raw.matches.as_ref().or(raw.absent.as_ref())?;
            let pattern = compile_pattern(cx, file, value, true)?;
            if kind_name == "matches" {
                CheckKind::Matches(pattern)
            } else {
                CheckKind::Absent(pattern)
            }
        }
        "order" => order(cx, file, raw.order.as_ref()?)?,
        "exists" => exists(cx, file, raw.exists.as_ref()?)?,
        _ => CheckKind::Run(run::run_check(cx, file, raw)?),
    };
    let target = match target {
        Target::File(path) => Some(path),
        Target::Unnamed if is_run => None,
        Target::Unnamed | Target::Invalid => return None,
    };
    Some(Check {
        file: target,
        kind,
        logical: raw.logical.as_ref().is_some_and(|l| **l),
        message: message?,
        hint: raw.hint.as_ref().map(clean).filter(|h| !h.is_empty()),
    })
}

/// The kind keys present in a check, with the spans of their values, in source order.
fn kind_spans(raw: &RawCheck) -> Vec<(&'static str, Range<usize>)> {
    let spans = [
        raw.matches.as_ref().map(Sp::span),
        raw.absent.as_ref().map(Sp::span),
        raw.order.as_ref().map(Sp::span),
        raw.exists.as_ref().map(Sp::span),
        raw.run.as_ref().map(Sp::span),
    ];
    let mut present: Vec<(&'static str, Range<usize>)> = KINDS
        .iter()
        .zip(spans)
        .filter_map(|(name, span)| Some((*name, span?)))
        .collect();
    present.sort_by_key(|(_, span)| span.start);
    present
}

/// What a check's `file` turned out to be.
enum Target {
    /// One of the task's paths (normalized).
    File(String),
    /// No `file`: fine for `run`, reported for a file check.
    Unnamed,
    /// Reported (or the task's files are invalid, which is reported elsewhere).
    Invalid,
}

/// Checks a check's `file` against the task's paths.
fn check_file(
    cx: &mut Checker<'_>,
    file: &FileCx,
    raw: &Sp<RawCheck>,
    paths: &[&str],
    kind: &str,
    kind_span: &Range<usize>,
) -> Target {
    let Some(value) = &raw.file else {
        if kind != "run" && !file.was_removed(raw.span().start, "file") {
            let d = cx
                .error(
                    file,
                    kind_span.clone(),
                    format!("a `{kind}` check needs a `file`"),
                )
                .with_label("which file does this check?");
            if let [only] = paths {
                d.with_note(format!("help: add `file = \"{only}\"`"));
            }
        }
        return Target::Unnamed;
    };
    let wanted: Vec<&str> = value
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let wanted = wanted.join("/");
    if paths.contains(&wanted.as_str()) {
        return Target::File(wanted);
    }
    if paths.is_empty() {
        // The task's files are missing or invalid, which is reported already.
        return Target::Invalid;
    }
    let shown = crate::core::sanitize::sanitize(value.get());
    let d = cx
        .error(
            file,
            value.span(),
            format!("`file` names `{shown}`, which is not a file of this task"),
        )
        .with_label("not in `[[step.task.file]]`");
    if let Some(best) = closest(&wanted, paths) {
        d.with_note(format!("help: did you mean `{best}`?"));
    }
    let listed: Vec<String> = paths.iter().map(|p| format!("`{p}`")).collect();
    d.with_note(format!("note: files of this task: {}", listed.join(", ")));
    Target::Invalid
}

fn order(cx: &mut Checker<'_>, file: &FileCx, list: &Sp<Vec<Sp<String>>>) -> Option<CheckKind> {
    if list.len() < 2 {
        cx.error(
            file,
            list.span(),
            format!(
                "an `order` check needs at least 2 patterns, found {}",
                list.len()
            ),
        )
        .with_label("nothing to put in order")
        .with_note("help: with one pattern, use `matches`");
        return None;
    }
    let patterns: Vec<_> = list
        .iter()
        .filter_map(|p| compile_pattern(cx, file, p, true))
        .collect();
    (patterns.len() == list.len()).then_some(CheckKind::Order(patterns))
}

fn exists(cx: &mut Checker<'_>, file: &FileCx, value: &Sp<bool>) -> Option<CheckKind> {
    if **value {
        return Some(CheckKind::Exists);
    }
    cx.error(file, value.span(), "`exists` can only be `true`")
        .with_label("a check cannot require that a file is missing")
        .with_note("help: write `exists = true`, or check the file's content with `absent`");
    None
}

pub(super) fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests;
