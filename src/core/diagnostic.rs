//! Problems found in a course: what, where, how bad; rendered rustc-style or as JSON.
//!
//! A [`Diagnostic`] names a file by its display path and, when it has one, a byte span in that
//! file with the 1-based line and column (in characters) where it starts. A [`Report`] collects
//! every diagnostic of one load together with the text of the files they point into, so it can
//! render each one as
//!
//! ```text
//! course.toml:7:9: error: unknown key `titel`
//!   |
//! 7 | titel = "Dockerfiles"
//!   | ^^^^^ not a course key
//!   |
//!   = help: expected one of `format`, `id`, `title`, …
//! ```
//!
//! followed by a summary line such as `2 errors, 1 warning`.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::Serialize;

mod render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// A position in a file: byte span plus where it starts and ends, 1-based, columns in chars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub end_line: usize,
    pub end_col: usize,
}

impl Location {
    /// The location of `span` in `text`; the span is clamped to the text and to char boundaries.
    pub fn new(text: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let (line, col) = line_col(text, start);
        let (end_line, end_col) = line_col(text, end);
        Self {
            start,
            end,
            line,
            col,
            end_line,
            end_col,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// One problem in a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file's display path (see `CourseSource::display_path`).
    pub file: String,
    /// Where in `file`; `None` for problems with a file as a whole (e.g. it cannot be read).
    pub location: Option<Location>,
    pub message: String,
    /// A short text shown under the underlined span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Extra lines: `help: …` or `note: …`, shown after the snippet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity,
            file: file.into(),
            location: None,
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    /// Sets the text shown under the underlined span.
    pub fn with_label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a `help: …` or `note: …` line.
    pub fn with_note(&mut self, note: impl Into<String>) -> &mut Self {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` (or just `file`).
    pub fn position(&self) -> String {
        match &self.location {
            Some(at) => format!("{}:{}:{}", self.file, at.line, at.col),
            None => self.file.clone(),
        }
    }
}

/// Every diagnostic of one load, with the texts of the files they point into.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// File display path → text, for rendering snippets.
    pub sources: BTreeMap<String, String>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        summary(self.errors(), self.warnings())
    }
}

/// `N errors, M warnings`, with singulars where they apply.
pub fn summary(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}
