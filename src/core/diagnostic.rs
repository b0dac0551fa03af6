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

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::core::sanitize::sanitize;

mod render;

pub use render::{DEFAULT_MAX_PER_KIND, thousands};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    ///
    /// Scans `text` once: to locate many spans in one text, build a [`LineIndex`].
    pub fn new(text: &str, span: Range<usize>) -> Self {
        LineIndex::new(text).locate(text, span)
    }
}

/// Where a text's lines start, and how many characters come before every [`CHAR_STRIDE`]-th
/// byte: built once per file, it locates any span in time independent of the file's size, so
/// a file with 100,000 mistakes is not scanned 100,000 times.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    line_starts: Vec<usize>,
    /// `chars_before[k]`: characters in `text[..k * CHAR_STRIDE]`, counting bytes that do not
    /// continue a UTF-8 sequence (so a checkpoint may fall inside a character).
    chars_before: Vec<usize>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHAR_STRIDE: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr_all(bytes, b'\n').map(|i| i + 1));
        let mut chars_before = Vec::with_capacity(bytes.len() / CHAR_STRIDE + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(CHAR_STRIDE) {
            chars_before.push(chars);
            chars += chunk.iter().filter(|b| !is_continuation(**b)).count();
        }
        chars_before.push(chars);
        Self {
            line_starts,
            chars_before,
        }
    }

    /// The location of `span` in `text`, which must be the text the index was built from.
    pub fn locate(&self, text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let (line, col) = self.line_col(text, start);
        let (end_line, end_col) = self.line_col(text, end);
        Location {
            start,
            end,
            line,
            col,
            end_line,
            end_col,
        }
    }

    /// 1-based line and column (in characters) of the char boundary `offset`.
    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line.saturating_sub(1)];
        let col = self.chars_to(text, offset) - self.chars_to(text, line_start);
        (line, col + 1)
    }

    /// Characters in `text[..offset]`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHAR_STRIDE;
        let base = self.chars_before.get(k).copied().unwrap_or(0);
        let from = (k * CHAR_STRIDE).min(offset);
        base + text.as_bytes()[from..offset]
            .iter()
            .filter(|b| !is_continuation(**b))
            .count()
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

fn memchr_all(bytes: &[u8], needle: u8) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(move |(_, b)| **b == needle)
        .map(|(i, _)| i)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem in a course.
///
/// Serialized (for `check --format json`) with every text made inert like the human output
/// ([`sanitize`]): messages quote course text, and a tool printing one must not be driven by it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file's display path (see `CourseSource::display_path`).
    #[serde(serialize_with = "inert")]
    pub file: String,
    /// Where in `file`; `None` for problems with a file as a whole (e.g. it cannot be read).
    pub location: Option<Location>,
    #[serde(serialize_with = "inert")]
    pub message: String,
    /// A short text shown under the underlined span.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "inert_option"
    )]
    pub label: Option<String>,
    /// Extra lines: `help: …` or `note: …`, shown after the snippet.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "inert_all")]
    pub notes: Vec<String>,
}

fn inert<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&sanitize(text))
}

#[allow(clippy::ref_option)] // the signature serde's `serialize_with` calls
fn inert_option<S: serde::Serializer>(
    text: &Option<String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => serializer.serialize_some(&sanitize(text)),
        None => serializer.serialize_none(),
    }
}

fn inert_all<S: serde::Serializer>(texts: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(texts.iter().map(|t| sanitize(t)))
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

    /// What kind of problem this is (see [`kind_of`]).
    pub fn kind(&self) -> String {
        kind_of(&self.message)
    }

    /// `file:line:col` (or just `file`).
    pub fn position(&self) -> String {
        match &self.location {
            Some(at) => format!("{}:{}:{}", self.file, at.line, at.col),
            None => self.file.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious way, for comparison.
    fn slow(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn serialized_diagnostics_carry_no_control_characters() {
        let mut d = Diagnostic::new(
            Severity::Error,
            "nodes/\u{1b}[2J.toml",
            "invalid node id `a\u{9b}31m\u{202e}b`",
        );
        d.with_label("\u{7}").with_note("help: \u{1b}]0;x");
        let json = serde_json::to_string(&d).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let texts = [
            &value["file"],
            &value["message"],
            &value["label"],
            &value["notes"][0],
        ];
        for text in texts {
            let text = text.as_str().unwrap_or("missing");
            assert!(!text.chars().any(char::is_control), "{text:?}");
            assert!(!text.contains('\u{202e}'), "{text:?}");
        }
        assert_eq!(value["message"], "invalid node id `a<U+009B>31m<U+202E>b`");
    }

    #[test]
    fn kinds_ignore_what_is_quoted_and_numbers() {
        let d = |m: &str| Diagnostic::new(Severity::Error, "f", m).kind();
        assert_eq!(
            d("two nodes have the id `a`"),
            d("two nodes have the id `b.c`")
        );
        assert_eq!(d("found 3 choices"), d("found 12 choices"));
        assert_ne!(d("unknown key `a`"), d("unknown value `a`"));
    }

    #[test]
    fn at_most_n_of_a_kind_are_shown_and_the_last_says_how_many_more() {
        let mut report = Report::default();
        for i in 0..25 {
            let message = if i % 5 == 0 {
                format!("unknown key `k{i}`")
            } else {
                format!("two nodes have the id `n{i}`")
            };
            report
                .diagnostics
                .push(Diagnostic::new(Severity::Error, "f", message));
        }
        let shown = report.shown(3);
        assert_eq!(shown.len(), 6);
        let more: Vec<usize> = shown.iter().map(|s| s.more).collect();
        assert_eq!(more, [0, 0, 0, 17, 0, 2]);
        assert_eq!(report.shown(0).len(), 25);
        assert_eq!(report.errors(), 25, "the counts keep every one");
        let text = report.render(false);
        assert!(text.contains("... and 10 more errors like this"), "{text}");
        assert!(text.ends_with("25 errors, 0 warnings\n"), "{text}");
        assert_eq!(thousands(39_990), "39,990");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn the_index_locates_like_a_scan_from_the_start() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(["a = 1\n", "é😀 = \"ü\"\n", "", "\n", "x"][i % 5]);
            if i % 700 == 0 {
                text.push_str(&"ß".repeat(1500));
            }
        }
        let index = LineIndex::new(&text);
        let mut offset = 0;
        while offset <= text.len() {
            if text.is_char_boundary(offset) {
                let at = index.locate(&text, offset..offset);
                assert_eq!((at.line, at.col), slow(&text, offset), "at {offset}");
            }
            offset += 7;
        }
        let at = index.locate(&text, text.len() + 10..text.len() + 20);
        assert_eq!((at.start, at.end), (text.len(), text.len()));
        assert_eq!(LineIndex::new("").locate("", 0..0).line, 1);
    }
}

/// What kind of problem a message describes: the message with what it quotes (`` `…` ``) and
/// its numbers left out, so ``two nodes have the id `a` `` and `` … `b` `` are one kind.
pub fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    let mut last_digit = false;
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
            if quoted {
                kind.push_str("`…`");
            }
        } else if !quoted {
            let digit = c.is_ascii_digit();
            if !(digit && last_digit) {
                kind.push(if digit { '0' } else { c });
            }
            last_digit = digit;
        }
    }
    kind
}

/// At most this many diagnostics of one kind are kept in a [`Report`]; the rest are only
/// counted (in [`Report::unlisted`]), so a file with a million mistakes costs no more memory
/// than one with a thousand of each kind.
pub const KEPT_PER_KIND: usize = 1000;

/// Every diagnostic of one load, with the texts of the files they point into.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// File display path → text, for rendering snippets.
    pub sources: BTreeMap<String, String>,
    /// Diagnostics found but not kept, beyond [`KEPT_PER_KIND`] of a kind: how many, by
    /// severity and kind (see [`kind_of`]).
    pub unlisted: BTreeMap<(Severity, String), usize>,
}

impl Report {
    pub fn errors(&self) -> usize {
        let listed = self.diagnostics.iter().filter(|d| d.is_error()).count();
        listed + self.unlisted_of(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        let listed = self.diagnostics.iter().filter(|d| !d.is_error()).count();
        listed + self.unlisted_of(Severity::Warning)
    }

    fn unlisted_of(&self, severity: Severity) -> usize {
        self.unlisted
            .iter()
            .filter(|((s, _), _)| *s == severity)
            .map(|(_, n)| n)
            .sum()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty() && self.unlisted.is_empty()
    }

    /// `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        summary(self.errors(), self.warnings())
    }

    /// The diagnostics to print when at most `max_per_kind` of each kind are (0: all kept):
    /// the last one printed of a kind says how many more of it there are (unlisted ones
    /// included).
    pub fn shown(&self, max_per_kind: usize) -> Vec<Shown<'_>> {
        let kinds: Vec<(Severity, String)> = self
            .diagnostics
            .iter()
            .map(|d| (d.severity, d.kind()))
            .collect();
        let mut totals: HashMap<&(Severity, String), usize> = HashMap::new();
        for kind in &kinds {
            *totals.entry(kind).or_default() += 1;
        }
        let mut printed: HashMap<&(Severity, String), usize> = HashMap::new();
        let mut shown = Vec::new();
        for (diagnostic, kind) in self.diagnostics.iter().zip(&kinds) {
            let total = totals.get(kind).copied().unwrap_or(0);
            let last = if max_per_kind == 0 {
                total
            } else {
                total.min(max_per_kind)
            };
            let count = printed.entry(kind).or_default();
            *count += 1;
            if *count <= last {
                let more = if *count == last {
                    total - last + self.unlisted.get(kind).copied().unwrap_or(0)
                } else {
                    0
                };
                shown.push(Shown { diagnostic, more });
            }
        }
        shown
    }
}

/// A diagnostic to print, and how many more of its kind are not printed (counted on the last
/// one printed of its kind).
#[derive(Debug, Clone, Copy)]
pub struct Shown<'r> {
    pub diagnostic: &'r Diagnostic,
    pub more: usize,
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
