//! Raw course files → the validated [`Course`], reporting every problem found along the way.
//!
//! Nothing stops at the first problem: each part is checked and converted on its own, bad parts
//! are left out, and the caller gets either a course (when there were no errors) or the full
//! list of diagnostics. Submodules: `parse` (TOML and shape errors), `shape` (wording of serde's
//! errors), `structure` (course file keys, glossary, FAQ), `node` (nodes, steps, bash pane),
//! `accept` (type-along patterns that accept other commands), `quiz`, `task`, `graph` (ids and
//! `requires`), `markdown` (fenced code languages).

mod accept;
mod graph;
mod guess;
mod markdown;
pub(crate) mod md_file;
pub mod messages;
mod node;
mod parse;
mod quiz;
mod regex;
mod shape;
mod strings;
mod structure;
mod task;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

use crate::core::course::Course;
use crate::core::diagnostic::{
    Diagnostic, KEPT_PER_KIND, LineIndex, Location, Report, Severity, kind_of,
};
use crate::core::load::LoadOptions;
use crate::core::raw::{RawCourse, RawNode, Sp};
use crate::core::sanitize::sanitize_owned;

pub(crate) use parse::parse;
pub(crate) use shape::closest;

/// One course file being checked.
#[derive(Debug, Default)]
pub(crate) struct FileCx {
    /// Display path, as diagnostics name it.
    pub path: String,
    /// The path relative to the course directory (empty when not read from a course source):
    /// markdown files named in the file are relative to it.
    pub rel: String,
    /// Shared so that parsing can borrow it while diagnostics are added to the file.
    pub text: FileText,
    /// Entries removed after shape errors, as `(span start of their table, key)`.
    pub removed: HashSet<(usize, String)>,
    /// For a node file with syntax errors: its `id`, if it could still be read.
    pub salvaged_id: Option<String>,
    /// For a course file with syntax errors: its `nodes` list, if it could still be read.
    pub salvaged_node_files: Vec<(String, Range<usize>)>,
    /// Built on the first diagnostic in the file.
    index: OnceCell<LineIndex>,
}

/// A course file's text, cheap to clone: the embedded course's in place (loading the built-in
/// course copies none of its text), a file read from disk in an `Rc`.
#[derive(Debug, Clone)]
pub(crate) enum FileText {
    Static(&'static str),
    Shared(Rc<str>),
}

impl Default for FileText {
    fn default() -> Self {
        Self::Static("")
    }
}

impl std::ops::Deref for FileText {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Self::Static(text) => text,
            Self::Shared(text) => text,
        }
    }
}

impl FileCx {
    pub fn new(path: String, text: Cow<'static, str>) -> Self {
        let text = match text {
            Cow::Borrowed(text) => FileText::Static(text),
            Cow::Owned(text) => FileText::Shared(Rc::from(text)),
        };
        Self {
            path,
            text,
            ..Self::default()
        }
    }

    /// Where `span` is in the file.
    pub fn locate(&self, span: Range<usize>) -> Location {
        self.index
            .get_or_init(|| LineIndex::new(&self.text))
            .locate(&self.text, span)
    }

    /// Whether `key` of the table starting at `table_start` was removed after a shape error, or
    /// an unknown key that looks like a typo of it was (either way, it must not also be
    /// reported missing).
    pub fn was_removed(&self, table_start: usize, key: &str) -> bool {
        self.removed.iter().any(|(start, k)| {
            *start == table_start && (k == key || shape::closest(k, &[key]).is_some())
        })
    }
}

/// A node to check: where it was written, and its raw form if its file could be parsed.
pub(crate) struct NodeInput<'f> {
    pub file: &'f FileCx,
    pub raw: Option<&'f Sp<RawNode>>,
}

/// The course file to check, parsed or not.
pub(crate) struct CourseInput<'f> {
    pub file: &'f FileCx,
    pub raw: Option<&'f Sp<RawCourse>>,
}

/// Collects diagnostics while checking one course.
// Independent switches of what a load checks, not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Checker<'o> {
    pub opts: &'o LoadOptions<'o>,
    pub report: Report,
    /// Some node could not be read at all, so a `requires` naming an unknown id may be right.
    pub nodes_incomplete: bool,
    /// Compile author patterns now and check that they accept their own `cmd` / `sample`.
    /// Off only for a course checked when the binary was built (the built-in one): its
    /// patterns are then only parsed, and compiled when first matched.
    pub compile_patterns: bool,
    /// Task file paths seen so far in the course → (their starter, where first declared), to
    /// warn about two tasks sharing a workspace file with different starters.
    pub task_files: HashMap<String, (Option<String>, String)>,
    /// The course's `single` quizzes so far, for the guessability lint (`guess`).
    pub single_choices: Vec<guess::SingleChoice>,
    /// What compiled patterns have used of the course's budget.
    pub(crate) regex_budget: regex::Budget,
    /// Diagnostics kept so far, by severity and kind.
    kept: HashMap<(Severity, String), usize>,
    /// Where the details of a diagnostic that is only counted go.
    scratch: Diagnostic,
    /// Warn about `.toml` files in the course directory that no `nodes` entry names (the full
    /// check only: it lists the directory).
    pub stray_files: bool,
    /// The course's markdown files (see `md_file`), read by the loader.
    pub md: md_file::MdFiles,
    /// Node and step ids reported invalid: a `requires` naming one is not reported again.
    pub invalid_ids: HashSet<String>,
    /// Diagnostics already reported, so the same message at the same place is given once.
    seen: HashSet<(String, usize, usize, String)>,
    /// Node files may have been cut to their header (see `load::load_outline`): a node
    /// without steps is not an error here; the full load that follows checks it.
    pub outline: bool,
}

impl<'o> Checker<'o> {
    pub fn new(opts: &'o LoadOptions<'o>) -> Self {
        Self {
            opts,
            report: Report::default(),
            nodes_incomplete: false,
            compile_patterns: true,
            task_files: HashMap::new(),
            single_choices: Vec::new(),
            regex_budget: regex::Budget::default(),
            kept: HashMap::new(),
            scratch: Diagnostic::new(Severity::Error, String::new(), String::new()),
            stray_files: false,
            md: md_file::MdFiles::new(),
            invalid_ids: HashSet::new(),
            seen: HashSet::new(),
            outline: false,
        }
    }

    pub fn error(
        &mut self,
        file: &FileCx,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Error, file, span, message.into())
    }

    pub fn warning(
        &mut self,
        file: &FileCx,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Warning, file, span, message.into())
    }

    /// An error about a file as a whole (it cannot be read).
    pub fn file_error(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        let message = message.into();
        known(Severity::Error, &message);
        self.report
            .diagnostics
            .push(Diagnostic::new(Severity::Error, path, message));
        self.last()
    }

    /// A warning about a file as a whole (it is not part of the course).
    pub fn file_warning(&mut self, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        let message = message.into();
        known(Severity::Warning, &message);
        self.report
            .diagnostics
            .push(Diagnostic::new(Severity::Warning, path, message));
        self.last()
    }

    fn push(
        &mut self,
        severity: Severity,
        file: &FileCx,
        span: Range<usize>,
        message: String,
    ) -> &mut Diagnostic {
        let kind = (severity, kind_of(&message));
        let kept = self.kept.get(&kind).copied().unwrap_or(0);
        if kept >= KEPT_PER_KIND {
            *self.report.unlisted.entry(kind).or_default() += 1;
            self.scratch = Diagnostic::new(severity, String::new(), String::new());
            return &mut self.scratch;
        }
        known(severity, &message);
        let location = file.locate(span);
        let key = (file.path.clone(), location.start, location.end, message);
        if self.seen.contains(&key) {
            // Two checks reached the same conclusion about the same text: say it once.
            self.scratch = Diagnostic::new(severity, String::new(), String::new());
            return &mut self.scratch;
        }
        let message = key.3.clone();
        self.seen.insert(key);
        self.kept.insert(kind, kept + 1);
        if !self.report.sources.contains_key(&file.path) {
            self.report
                .sources
                .insert(file.path.clone(), file.text.to_string());
        }
        let mut diagnostic = Diagnostic::new(severity, file.path.clone(), message);
        diagnostic.location = Some(location);
        self.report.diagnostics.push(diagnostic);
        self.last()
    }

    fn last(&mut self) -> &mut Diagnostic {
        let last = self.report.diagnostics.len() - 1;
        &mut self.report.diagnostics[last]
    }

    /// The sanitized, trimmed text of a required key; reports it missing (at `table`) or empty.
    pub fn required(
        &mut self,
        file: &FileCx,
        table: &Range<usize>,
        owner: &str,
        key: &str,
        value: Option<&Sp<String>>,
    ) -> Option<String> {
        let Some(value) = value else {
            if !file.was_removed(table.start, key) {
                self.error(file, head(file, table), format!("{owner} has no `{key}`"))
                    .with_label(format!("`{key}` is required here"));
            }
            return None;
        };
        let text = clean(value);
        if text.is_empty() {
            self.error(file, value.span(), format!("{owner} has an empty `{key}`"))
                .with_label("write some text here");
            return None;
        }
        Some(text)
    }
}

/// In debug builds (the test suite), refuses a message that `messages::ALL` does not list: the
/// docs list every diagnostic from there.
fn known(severity: Severity, message: &str) {
    debug_assert!(
        messages::is_known(severity, message),
        "{severity} `{message}` is not in core::check::messages::ALL: add its template there \
         and to the list in docs/course-format.md (`UPDATE_DOCS=1 cargo test --test diagnostics` \
         rewrites the list)"
    );
}

/// Sanitized text, trimmed; for titles and other one-line values.
pub(crate) fn clean(value: &Sp<String>) -> String {
    sanitize_owned(value.trim().to_owned())
}

/// Sanitized multi-line text (markdown, output): trailing whitespace and leading blank lines
/// removed, indentation kept.
pub(crate) fn clean_block(value: &Sp<String>) -> String {
    let text = value.trim_end();
    let start = text
        .char_indices()
        .take_while(|(_, c)| c.is_whitespace())
        .filter(|(_, c)| *c == '\n')
        .last()
        .map_or(0, |(i, _)| i + 1);
    sanitize_owned(text[start..].to_owned())
}

/// Optional text: `None` when absent or blank.
pub(crate) fn optional_block(value: Option<&Sp<String>>) -> Option<String> {
    value.map(clean_block).filter(|t| !t.is_empty())
}

/// Where to point for a problem with a whole table: its first line (for a file's root table,
/// an empty span at the very start).
pub(crate) fn head(file: &FileCx, table: &Range<usize>) -> Range<usize> {
    if table.start == 0 && table.end >= file.text.trim_end().len() {
        return 0..0;
    }
    let rest = file.text.get(table.start..table.end).unwrap_or_default();
    let line_end = rest.find('\n').map_or(table.end, |i| table.start + i);
    table.start..line_end.max(table.start)
}

/// `path:line:col` of a byte offset in `file`, for notes that point elsewhere.
pub(crate) fn position(file: &FileCx, offset: usize) -> String {
    let at = file.locate(offset..offset);
    format!("{}:{}:{}", file.path, at.line, at.col)
}

/// Checks and converts a whole course. `None` when there were errors.
pub(crate) fn check(
    cx: &mut Checker<'_>,
    course_input: &CourseInput<'_>,
    nodes: &[NodeInput<'_>],
) -> Option<Course> {
    let course = structure::course(cx, course_input, nodes);
    guess::lint(cx, course_input.file);
    if cx.report.has_errors() { None } else { course }
}
