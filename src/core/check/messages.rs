//! Every message `termcourse check` can give, as templates: `{…}` stands for text taken from
//! the course (a key, an id, a path, a number).
//!
//! This list is what `docs/course-format.md` prints under "Every diagnostic" (a test compares
//! them), and in debug builds every diagnostic the checker makes must match one of these
//! templates (`Checker::push` asserts it, and the test suite, the fuzz run included, makes
//! thousands), so a new message cannot be added without its line here and in the docs.

use std::fmt::Write as _;

use crate::core::diagnostic::Severity;

/// One message: how bad, its template, and the group the docs list it under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub severity: Severity,
    pub template: &'static str,
    pub group: &'static str,
}

const fn e(group: &'static str, template: &'static str) -> Message {
    Message {
        severity: Severity::Error,
        template,
        group,
    }
}

const fn w(group: &'static str, template: &'static str) -> Message {
    Message {
        severity: Severity::Warning,
        template,
        group,
    }
}

const FILES: &str = "Files";
const TOML: &str = "TOML";
const COURSE: &str = "The course file";
const GRAPH: &str = "Ids and `requires`";
const STEPS: &str = "Steps and the bash pane";
const MARKDOWN: &str = "Markdown";
const FIT: &str = "What a learner cannot see (at 80x24)";
const QUIZZES: &str = "Quizzes";
const TASKS: &str = "Tasks";

/// Every message, grouped as the docs list them.
pub const ALL: &[Message] = &[
    // Files.
    e(FILES, "`{…}` does not exist"),
    e(
        FILES,
        "`{…}` is neither a course directory nor its `course.toml`",
    ),
    e(FILES, "cannot open `{…}`: {…}"),
    e(FILES, "cannot read `{…}`: file not found"),
    e(FILES, "cannot read `{…}`: {…}"),
    e(FILES, "node file `{…}` is outside the course directory"),
    e(
        FILES,
        "node file `{…}` is a symlink to `{…}`, outside the course directory",
    ),
    e(FILES, "`{…}` is outside the course directory"),
    e(
        FILES,
        "`{…}` is a symlink to `{…}`, outside the course directory",
    ),
    e(FILES, "node file `{…}` is listed twice"),
    e(FILES, "node file path `{…}` uses `\\`"),
    w(FILES, "`{…}` is not part of the course"),
    e(FILES, "empty markdown file path"),
    e(FILES, "markdown file path `{…}` uses `\\`"),
    e(FILES, "markdown file path `{…}` is absolute"),
    e(FILES, "markdown file `{…}` is outside the course directory"),
    w(FILES, "`{…}` is empty"),
    e(FILES, "`{…}` is empty"),
    // TOML.
    e(TOML, "TOML syntax: {…}"),
    e(
        TOML,
        "TOML syntax: keys nested too deeply (at most {…} parts)",
    ),
    e(TOML, "TOML: {…}"),
    e(TOML, "multi-line string is never closed"),
    e(TOML, "multi-line string may not be closed where you meant"),
    e(TOML, "unknown key `{…}`"),
    e(TOML, "unknown value `{…}`"),
    e(TOML, "wrong type: expected {…}, found {…}"),
    e(TOML, "integer `{…}` is out of range"),
    e(TOML, "in a node file write `{…}`, not `{…}`"),
    e(TOML, "`{…}` belongs to a step: write `{…}`"),
    e(TOML, "in course.toml write `{…}`, not `{…}`"),
    e(
        TOML,
        "a node file holds one node: write its keys at the top, without `[[node]]`",
    ),
    // The course file.
    e(COURSE, "the course has no `format`"),
    e(COURSE, "unknown course format {…}"),
    e(
        COURSE,
        "this course uses format {…}, but this termcourse reads format {…} at most",
    ),
    e(COURSE, "the course has no nodes"),
    e(COURSE, "{…} has no `{…}`"),
    e(COURSE, "{…} has an empty `{…}`"),
    e(COURSE, "{…} has both `{…}` and `{…}_file`"),
    w(COURSE, "empty ticker tag"),
    e(COURSE, "glossary term `{…}` is defined twice"),
    // Ids and requires.
    e(GRAPH, "invalid {…} id `{…}`"),
    e(GRAPH, "{…} id is too long: {…} characters, at most {…}"),
    e(GRAPH, "two nodes have the id `{…}`"),
    e(GRAPH, "{…} has two steps with id `{…}`"),
    e(
        GRAPH,
        "node `{…}` requires `{…}`, which is not a node of this course",
    ),
    w(GRAPH, "`{…}` is required twice"),
    e(GRAPH, "node `{…}` requires itself"),
    e(GRAPH, "`requires` cycle: {…}"),
    // Steps and the bash pane.
    e(STEPS, "{…} has no steps"),
    e(STEPS, "{…} has nothing to show"),
    e(STEPS, "{…} has both a quiz and a task"),
    w(STEPS, "`{…}` has no effect without `type_along = true`"),
    e(STEPS, "`accept` is empty"),
    e(STEPS, "no `accept` pattern matches the entry's own `cmd`"),
    w(STEPS, "`accept` also accepts `{…}`, {…}"),
    // Markdown.
    w(MARKDOWN, "no syntax highlighting for code language `{…}`"),
    w(MARKDOWN, "code fence is never closed"),
    w(MARKDOWN, "raw HTML is shown as text; use markdown"),
    w(MARKDOWN, "terminals show no images"),
    // What cannot be seen however the learner scrolls or zooms (`view::fit`).
    w(
        FIT,
        "{…} cannot be seen in full at {…}: {…} needed, {…} available even zoomed",
    ),
    // Quizzes.
    e(QUIZZES, "quiz has no `kind`"),
    e(QUIZZES, "`{…}` is only used by {…} quizzes"),
    e(QUIZZES, "a `{…}` quiz needs at least 2 choices, found {…}"),
    e(QUIZZES, "duplicate choice `{…}`"),
    e(QUIZZES, "no choice of this `{…}` quiz is correct"),
    e(
        QUIZZES,
        "a `single` quiz must have exactly one correct choice, found {…}",
    ),
    e(QUIZZES, "`text` quiz has no `answers`"),
    e(
        QUIZZES,
        "no pattern in `answers` accepts the quiz's own `sample`",
    ),
    e(QUIZZES, "`order` quiz has no `items`"),
    e(QUIZZES, "an `order` quiz needs at least 2 items, found {…}"),
    e(QUIZZES, "empty `order` item"),
    e(QUIZZES, "duplicate item `{…}`"),
    e(QUIZZES, "invalid regex: {…}"),
    e(
        QUIZZES,
        "regex too large: it would compile to {…}, over the {…} one pattern may use",
    ),
    e(
        QUIZZES,
        "the course's regexes need more than the {…} they may use together",
    ),
    w(
        QUIZZES,
        "the right choice is the longest in {…} of {…} `single` quizzes",
    ),
    w(
        QUIZZES,
        "the right choice is the {…} one in {…} of {…} `single` quizzes",
    ),
    // Tasks.
    e(TASKS, "task has no files"),
    e(TASKS, "task has no checks"),
    e(TASKS, "task has only `run` checks"),
    e(TASKS, "task file has no `path`"),
    e(TASKS, "the task lists `{…}` twice"),
    e(
        TASKS,
        "`{…}` is a file of this task, so it cannot also be a directory",
    ),
    e(TASKS, "task file path `{…}` {…}"),
    e(TASKS, "the {…} of `{…}` has a control character (U+{…})"),
    w(
        TASKS,
        "`{…}` is also a file of another task, with a different starter",
    ),
    e(TASKS, "check has no kind"),
    e(
        TASKS,
        "a check has exactly one kind; this one has `{…}` and `{…}`",
    ),
    e(TASKS, "a `{…}` check needs a `file`"),
    e(
        TASKS,
        "`file` names `{…}`, which is not a file of this task",
    ),
    e(
        TASKS,
        "an `order` check needs at least 2 patterns, found {…}",
    ),
    e(TASKS, "`exists` can only be `true`"),
    e(TASKS, "`{…}` is only used by `run` checks"),
    e(TASKS, "`logical` is only used by file checks"),
    w(TASKS, "`logical` has no effect on an `exists` check"),
    e(TASKS, "`exit` {…} is not an exit status"),
    e(TASKS, "`timeout` of {…} seconds is out of range"),
    e(TASKS, "`{…}` is empty"),
    e(TASKS, "`{…}` has a control character (U+{…})"),
    e(TASKS, "`needs` names `{…}`, which is not a program name"),
    e(
        TASKS,
        "the task is already solved: every file check passes on the starters",
    ),
    e(TASKS, "this check fails on the solution of `{…}`"),
];

/// The list as `docs/course-format.md` prints it: a heading per group, a line per message.
pub fn markdown() -> String {
    let mut out = String::new();
    let mut group = "";
    for m in ALL {
        if m.group != group {
            if !group.is_empty() {
                out.push('\n');
            }
            group = m.group;
            let _ = write!(out, "**{group}**\n\n");
        }
        let _ = writeln!(out, "- {}: {}", m.severity, m.template);
    }
    out
}

/// What stands for a value in a template.
pub const HOLE: &str = "{…}";

/// Whether `message` is what `template` says, any text standing for each [`HOLE`].
pub fn matches(template: &str, message: &str) -> bool {
    let mut pieces = template.split(HOLE);
    let Some(first) = pieces.next() else {
        return false;
    };
    let Some(mut rest) = message.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        return rest.is_empty();
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// Whether `message` of `severity` is in [`ALL`].
pub fn is_known(severity: Severity, message: &str) -> bool {
    ALL.iter()
        .any(|m| m.severity == severity && matches(m.template, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_messages_with_any_values() {
        assert!(matches("unknown key `{…}`", "unknown key `titel`"));
        assert!(matches(
            "node `{…}` requires `{…}`, which is not a node of this course",
            "node `b` requires `a`, which is not a node of this course"
        ));
        assert!(matches("empty ticker tag", "empty ticker tag"));
        assert!(!matches("empty ticker tag", "empty ticker tag!"));
        assert!(!matches("unknown key `{…}`", "unknown value `x`"));
        assert!(matches("{…} has no steps", "node `x` has no steps"));
        assert!(is_known(Severity::Warning, "code fence is never closed"));
        assert!(!is_known(Severity::Error, "code fence is never closed"));
    }

    #[test]
    fn no_two_templates_are_the_same() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(!ALL[i + 1..].contains(a), "{} is listed twice", a.template);
        }
    }
}
