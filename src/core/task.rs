//! Grading hands-on tasks: pure functions from a [`Task`] and the contents of its files to the
//! status of each check, and the [`TaskState`] a player keeps for the task on screen.
//!
//! Reading files and running commands are the edge's business (`edge::workspace`,
//! `edge::runner`); they hand their results in as [`TaskFiles`] and [`CheckStatus`] values.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::core::course::{Check, CheckKind, Pattern, Task};

mod logical;

pub use logical::{Logical, logical_lines, physical_line};

/// What the workspace holds at one task path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// No file there (yet).
    Missing,
    Text(String),
    /// Something is there but cannot be checked; the text says why, completing a sentence
    /// that starts with the path ("is a symbolic link, which termcourse does not follow").
    Unreadable(String),
}

/// Task path → what the workspace holds there. A path missing from the map counts as
/// [`FileState::Missing`].
pub type TaskFiles = BTreeMap<String, FileState>;

/// One check as the learner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckStatus {
    /// Not graded yet: a file check before the files were first read, a command check before
    /// it was run (or after the files changed since it ran).
    Pending,
    /// A command check whose command is running.
    Running,
    Passed,
    /// Fails; the check's `message` says what to fix, `detail` (when there is one) what was
    /// found: "`Dockerfile` does not exist yet", "found on line 3", "exit status 1 (expected 0)".
    Failing {
        detail: Option<String>,
    },
    /// Not graded, and not blocking the task.
    Skipped(SkipReason),
}

/// Why a command check was not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Programs from `needs` that are not on `PATH`.
    MissingPrograms(Vec<String>),
    /// The learner has not trusted (or has denied) this course's commands.
    NotTrusted,
    /// Commands are off for this session (`--no-run`).
    Disabled,
    /// The command ran and exited with status 77, the conventional "skip" status (automake's,
    /// among others): it cannot check here (no Docker daemon, a Docker without `BuildKit`). The
    /// text is the last line it printed, sanitized. `Enter` runs it again.
    Unavailable(String),
}

impl SkipReason {
    /// A short phrase for the checklist: "skipped: needs `docker` (not on PATH)".
    pub fn describe(&self) -> String {
        match self {
            Self::MissingPrograms(programs) => {
                let names: Vec<String> = programs.iter().map(|p| format!("`{p}`")).collect();
                format!("skipped: needs {} (not on PATH)", names.join(", "))
            }
            Self::NotTrusted => "not run (course not trusted)".to_owned(),
            Self::Disabled => "not run (commands off: --no-run)".to_owned(),
            Self::Unavailable(why) => format!("skipped: {why}"),
        }
    }
}

/// How many checks are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failing: usize,
    pub skipped: usize,
    pub pending: usize,
    pub running: usize,
}

/// The live state of one task's checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskState {
    statuses: Vec<CheckStatus>,
    /// A hash of the files last graded, to tell when they changed.
    fingerprint: Option<u64>,
}

impl TaskState {
    /// Every check pending.
    pub fn new(task: &Task) -> Self {
        Self {
            statuses: vec![CheckStatus::Pending; task.checks.len()],
            fingerprint: None,
        }
    }

    /// One status per check, in the task's order.
    pub fn statuses(&self) -> &[CheckStatus] {
        &self.statuses
    }

    /// Grades every file check against `files`. When the files differ from the ones graded
    /// before, a finished command check goes back to pending: it ran on other files. Returns
    /// whether any status changed.
    pub fn apply_files(&mut self, task: &Task, files: &TaskFiles) -> bool {
        let fingerprint = fingerprint(files);
        let files_changed = self.fingerprint.is_some_and(|f| f != fingerprint);
        self.fingerprint = Some(fingerprint);
        let graded = grade_files(task, files);
        let mut changed = false;
        for (status, new) in self.statuses.iter_mut().zip(graded) {
            let new = match new {
                Some(new) => new,
                None if files_changed
                    && matches!(status, CheckStatus::Passed | CheckStatus::Failing { .. }) =>
                {
                    CheckStatus::Pending
                }
                None => continue,
            };
            if *status != new {
                *status = new;
                changed = true;
            }
        }
        changed
    }

    /// Sets the status of check `index` (a command's progress or result). Returns whether it
    /// changed; an index out of range changes nothing.
    pub fn set(&mut self, index: usize, status: CheckStatus) -> bool {
        match self.statuses.get_mut(index) {
            Some(old) if *old != status => {
                *old = status;
                true
            }
            _ => false,
        }
    }

    /// Marks every command check skipped for `reason` (the course is not trusted, commands
    /// are off), unless it is already skipped for a missing program.
    pub fn skip_commands(&mut self, task: &Task, reason: &SkipReason) {
        for (i, _) in task.commands() {
            match self.statuses.get_mut(i) {
                Some(CheckStatus::Skipped(SkipReason::MissingPrograms(_))) | None => {}
                Some(status) => *status = CheckStatus::Skipped(reason.clone()),
            }
        }
    }

    /// Whether every check that is not skipped passes.
    pub fn is_passed(&self) -> bool {
        !self.statuses.is_empty()
            && self
                .statuses
                .iter()
                .all(|s| matches!(s, CheckStatus::Passed | CheckStatus::Skipped(_)))
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for status in &self.statuses {
            match status {
                CheckStatus::Passed => counts.passed += 1,
                CheckStatus::Failing { .. } => counts.failing += 1,
                CheckStatus::Skipped(_) => counts.skipped += 1,
                CheckStatus::Pending => counts.pending += 1,
                CheckStatus::Running => counts.running += 1,
            }
        }
        counts
    }

    /// The file the editor key opens: that of the first failing check that names one, else
    /// the task's first file.
    pub fn file_to_edit<'t>(&self, task: &'t Task) -> &'t str {
        task.checks
            .iter()
            .zip(&self.statuses)
            .filter(|(_, s)| matches!(s, CheckStatus::Failing { .. }))
            .find_map(|(c, _)| c.file.as_deref())
            .or_else(|| task.files.first().map(|f| f.path.as_str()))
            .unwrap_or_default()
    }
}

/// The status of every file check of `task` against `files`, in order; `None` for command
/// checks. Each file's logical lines are computed once, however many checks use them.
pub fn grade_files(task: &Task, files: &TaskFiles) -> Vec<Option<CheckStatus>> {
    let mut logical: Vec<(&str, Logical)> = Vec::new();
    let mut out = Vec::with_capacity(task.checks.len());
    for check in &task.checks {
        let (Some(path), true) = (check.file.as_deref(), check.is_file_check()) else {
            out.push(None);
            continue;
        };
        let state = files.get(path).unwrap_or(&FileState::Missing);
        let normalized = match state {
            FileState::Text(text) => Some(normalize(text)),
            _ => None,
        };
        let status = match (state, normalized.as_deref()) {
            (_, Some(text)) if check.logical => {
                let i = logical
                    .iter()
                    .position(|(p, _)| *p == path)
                    .unwrap_or_else(|| {
                        logical.push((path, logical_lines(text)));
                        logical.len() - 1
                    });
                let lines = &logical[i].1;
                grade_text(check, &lines.text, &|offset| lines.line_of(offset))
            }
            (_, Some(text)) => grade_text(check, text, &|offset| physical_line(text, offset)),
            (FileState::Unreadable(why), _) => failing(format!("`{path}` {why}")),
            _ => failing(format!("`{path}` does not exist yet")),
        };
        out.push(Some(status));
    }
    out
}

/// Grades one file check against the text of its file (already turned into logical lines
/// when the check asks for them). `line_of` maps a byte offset of `text` to the line to
/// report.
pub fn grade_text(check: &Check, text: &str, line_of: &dyn Fn(usize) -> usize) -> CheckStatus {
    match &check.kind {
        CheckKind::Matches(pattern) => pass_if(pattern.is_match(text), None),
        CheckKind::Absent(pattern) => match pattern.find_at(text, 0) {
            Some(found) => failing(format!("found on line {}", line_of(found.start))),
            None => CheckStatus::Passed,
        },
        CheckKind::Order(patterns) => grade_order(patterns, text, line_of),
        CheckKind::Exists => pass_if(
            !text.trim().is_empty(),
            check.file.as_ref().map(|f| format!("`{f}` is empty")),
        ),
        CheckKind::Run(_) => CheckStatus::Pending,
    }
}

fn grade_order(patterns: &[Pattern], text: &str, line_of: &dyn Fn(usize) -> usize) -> CheckStatus {
    let mut from = 0;
    let mut previous_line = None;
    for (n, pattern) in patterns.iter().enumerate() {
        let Some(found) = pattern.find_at(text, from) else {
            // Learners read this under the check's message: no regex, just which part.
            let which = format!("part {} of {}", n + 1, patterns.len());
            let detail = match previous_line {
                Some(line) => format!("{which} not found after part {n} (line {line})"),
                None => format!("{which} not found"),
            };
            return failing(detail);
        };
        // An empty match must still move on, or every later pattern could match there.
        from = if found.is_empty() {
            next_char(text, found.end)
        } else {
            found.end
        };
        previous_line = Some(line_of(found.start));
    }
    CheckStatus::Passed
}

/// The text as checks see it: without a byte-order mark, with Windows line endings as `\n`,
/// so that `$` and `(?m)^` work whichever editor saved the file.
fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

fn next_char(text: &str, at: usize) -> usize {
    text[at.min(text.len())..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

fn pass_if(ok: bool, detail: Option<String>) -> CheckStatus {
    if ok {
        CheckStatus::Passed
    } else {
        CheckStatus::Failing { detail }
    }
}

fn failing(detail: String) -> CheckStatus {
    CheckStatus::Failing {
        detail: Some(detail),
    }
}

/// FNV-1a over the paths and contents, to notice that the files changed between gradings.
fn fingerprint(files: &TaskFiles) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    for (path, state) in files {
        feed(path.as_bytes());
        match state {
            FileState::Missing => feed(b"m"),
            FileState::Text(text) => {
                feed(b"t");
                feed(text.as_bytes());
            }
            FileState::Unreadable(why) => {
                feed(b"u");
                feed(why.as_bytes());
            }
        }
    }
    hash
}

#[cfg(test)]
mod tests;
