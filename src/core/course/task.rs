//! The validated form of a hands-on task (`[step.task]`): the files the learner works on and
//! the checks that grade them. Grading itself is in `core::task`.

use std::time::Duration;

use super::Pattern;

/// A step's hands-on task: the learner writes or fixes real files in the course's workspace,
/// and the checks say what is still wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// Markdown: what to build. Shown at the top of the task pane.
    pub goal: String,
    /// Never empty; paths are unique within the task.
    pub files: Vec<TaskFile>,
    /// Never empty; in the author's order, which is the checklist's order.
    pub checks: Vec<Check>,
}

impl Task {
    pub fn file(&self, path: &str) -> Option<&TaskFile> {
        self.files.iter().find(|f| f.path == path)
    }

    /// Whether any check runs a command.
    pub fn has_commands(&self) -> bool {
        self.checks.iter().any(|c| c.run().is_some())
    }

    /// The command checks with their index in `checks`.
    pub fn commands(&self) -> impl Iterator<Item = (usize, &RunCheck)> {
        self.checks
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.run().map(|r| (i, r)))
    }
}

/// One file of a task, relative to the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFile {
    /// Relative, `/`-separated, normalized (no `.` or empty components), never `..`, absolute
    /// or with a backslash; only printable characters.
    pub path: String,
    /// Written to the workspace when the file does not exist yet. Verbatim (not sanitized: it
    /// is file content), but free of control characters other than tab, CR and LF.
    pub starter: Option<String>,
    /// The author's answer, used by `termcourse check` (self-tests) and `render --answer`.
    /// Verbatim, like `starter`.
    pub solution: Option<String>,
}

/// One item of the task's checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// One of the task's file paths. Always present for file checks; for a command check, the
    /// file the editor key opens while it fails.
    pub file: Option<String>,
    pub kind: CheckKind,
    /// Match against logical lines (see `core::task::logical_lines`); file checks only.
    pub logical: bool,
    /// What to fix, shown while the check fails.
    pub message: String,
    /// Shown on request.
    pub hint: Option<String>,
}

impl Check {
    pub fn run(&self) -> Option<&RunCheck> {
        match &self.kind {
            CheckKind::Run(run) => Some(run),
            _ => None,
        }
    }

    pub fn is_file_check(&self) -> bool {
        !matches!(self.kind, CheckKind::Run(_))
    }
}

/// What a check tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckKind {
    /// The regex matches the file.
    Matches(Pattern),
    /// The regex does not match the file.
    Absent(Pattern),
    /// Each regex matches, each after the end of the previous one's match (at least two).
    Order(Vec<Pattern>),
    /// The file exists and has something other than whitespace in it.
    Exists,
    /// A command, run with `sh -c` in the workspace, only in a trusted course.
    Run(RunCheck),
}

impl CheckKind {
    /// The key that chose this kind, as written in a course.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Matches(_) => "matches",
            Self::Absent(_) => "absent",
            Self::Order(_) => "order",
            Self::Exists => "exists",
            Self::Run(_) => "run",
        }
    }
}

/// A command check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunCheck {
    /// The script given to `sh -c`, exactly as it runs (trimmed; no control characters other
    /// than tab and newline, no bidi overrides, so it displays as it runs).
    pub command: String,
    /// Programs that must be on `PATH`; when one is missing the check is skipped.
    pub needs: Vec<String>,
    /// Scripts run first, like `command` but not shown in the bash pane: when one does not
    /// exit 0, the check is skipped with the last line it printed (the machine cannot check,
    /// say no Docker daemon runs). Trusted with the commands.
    pub ready: Vec<String>,
    /// The expected exit status (0–255).
    pub exit: i32,
    /// Must match the command's output (stdout and stderr interleaved, as displayed).
    pub output: Option<Pattern>,
    /// The whole process group is killed after this long (1 s to 600 s).
    pub timeout: Duration,
}

/// The default `timeout` of a command check, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// The largest `timeout` a command check may ask for, in seconds.
pub const MAX_TIMEOUT_SECS: u64 = 600;
