//! Self-tests, like rustlings' `dev check`: a task's file checks are graded against the
//! author's `solution`s, which must pass every check on them, and against the `starter`s, which
//! must fail at least one (a task that is already solved, or can never be solved, is an error).
//! Command checks are never run here.

use super::super::{Checker, FileCx, head};
use crate::core::course::{Check, Task, TaskFile};
use crate::core::raw::{RawTask, Sp};
use crate::core::task::{CheckStatus, FileState, TaskFiles, grade_files};

pub(super) fn self_test(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawTask>, task: &Task) {
    // A course checked when the binary was built (the built-in one) passed these already.
    if !cx.compile_patterns {
        return;
    }
    if task.files.iter().any(|f| f.solution.is_some()) {
        on_solutions(cx, file, raw, task);
    }
    let starters = files(task, |f| f.starter.as_deref());
    let graded = grade_files(task, &starters);
    let solved = graded
        .iter()
        .flatten()
        .all(|s| matches!(s, CheckStatus::Passed));
    if solved {
        cx.error(
            file,
            head(file, &raw.span()),
            "the task is already solved: every file check passes on the starters",
        )
        .with_label("nothing left for the learner to do")
        .with_note("help: leave something out of a `starter`, or add a check the starters fail");
    }
}

/// Every file check on a file with a solution must pass on the solutions.
fn on_solutions(cx: &mut Checker<'_>, file: &FileCx, raw: &Sp<RawTask>, task: &Task) {
    let solutions = files(task, |f| f.solution.as_deref().or(f.starter.as_deref()));
    let graded = grade_files(task, &solutions);
    for ((check, status), raw_check) in task.checks.iter().zip(graded).zip(&raw.check) {
        let Some(path) = check.file.as_deref().filter(|_| check.is_file_check()) else {
            continue;
        };
        let has_solution = task.file(path).is_some_and(|f| f.solution.is_some());
        let Some(CheckStatus::Failing { detail }) = status.filter(|_| has_solution) else {
            continue;
        };
        let at = kind_span(raw_check, check).unwrap_or_else(|| head(file, &raw_check.span()));
        let d = cx
            .error(
                file,
                at,
                format!("this check fails on the solution of `{path}`"),
            )
            .with_label(detail.unwrap_or_else(|| "does not pass".to_owned()));
        d.with_note(
            "help: fix the check or the `solution`: as written, a learner could never pass it",
        );
    }
}

/// Path → the text `pick` chooses for each task file (missing when it gives none).
fn files(task: &Task, pick: impl Fn(&TaskFile) -> Option<&str>) -> TaskFiles {
    task.files
        .iter()
        .map(|f| {
            let state = pick(f).map_or(FileState::Missing, |t| FileState::Text(t.to_owned()));
            (f.path.clone(), state)
        })
        .collect()
}

fn kind_span(
    raw: &Sp<crate::core::raw::RawCheck>,
    check: &Check,
) -> Option<std::ops::Range<usize>> {
    match check.kind.name() {
        "matches" => raw.matches.as_ref().map(Sp::span),
        "absent" => raw.absent.as_ref().map(Sp::span),
        "order" => raw.order.as_ref().map(Sp::span),
        "exists" => raw.exists.as_ref().map(Sp::span),
        _ => None,
    }
}
