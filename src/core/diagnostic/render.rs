//! Rendering diagnostics rustc-style with annotate-snippets.
//!
//! Everything printed is made inert first: messages quote course text, and the source excerpt
//! is the file itself, so control characters are shown as visible placeholders (one character
//! each, so the underline stays aligned).
//!
//! Output stays readable and bounded whatever the course: at most `max_per_kind` diagnostics
//! of one kind are printed (the rest counted in one line, "and 9,990 more errors like this"),
//! and an excerpt shows at most a window of a long line.

use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Location, Report, Severity};
use crate::core::sanitize::sanitize;

/// Diagnostics of one kind printed before the rest are only counted.
pub const DEFAULT_MAX_PER_KIND: usize = 10;

/// Bytes of a line shown on either side of a span; longer lines are cut, marked with `…`.
const EXCERPT_CONTEXT: usize = 120;

impl Report {
    /// The diagnostics rustc-style (at most [`DEFAULT_MAX_PER_KIND`] of each kind), then the
    /// summary line, which counts them all. ANSI colours when `color`.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.render_diagnostics(color, DEFAULT_MAX_PER_KIND);
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// The diagnostics rustc-style, each followed by a blank line, at most `max_per_kind` of
    /// each kind (0: all), each kind cut short ending with a line saying how many more there
    /// are; no summary.
    pub fn render_diagnostics(&self, color: bool, max_per_kind: usize) -> String {
        let mut out = String::new();
        for shown in self.shown(max_per_kind) {
            out.push_str(&self.render_one(shown.diagnostic, color));
            out.push_str("\n\n");
            if shown.more > 0 {
                let what = match shown.diagnostic.severity {
                    Severity::Error if shown.more == 1 => "error",
                    Severity::Error => "errors",
                    Severity::Warning if shown.more == 1 => "warning",
                    Severity::Warning => "warnings",
                };
                let _ = write!(
                    out,
                    "... and {} more {what} like this\n\n",
                    thousands(shown.more)
                );
            }
        }
        out
    }

    /// One diagnostic: the `file:line:col: severity: message` line, the snippet, the notes.
    pub fn render_one(&self, d: &Diagnostic, color: bool) -> String {
        let (level, paint) = match d.severity {
            Severity::Error => (Level::ERROR, "\x1b[1;91m"),
            Severity::Warning => (Level::WARNING, "\x1b[1;33m"),
        };
        let header = if color {
            format!(
                "\x1b[1m{}:\x1b[0m {paint}{}\x1b[0m\x1b[1m: {}\x1b[0m",
                sanitize(&d.position()),
                d.severity,
                sanitize(&d.message)
            )
        } else {
            format!(
                "{}: {}: {}",
                sanitize(&d.position()),
                d.severity,
                sanitize(&d.message)
            )
        };
        let mut group = Group::with_level(level.clone());
        if let (Some(at), Some(text)) = (&d.location, self.sources.get(&d.file)) {
            let (excerpt, first_line, span) = excerpt(text, at);
            let mut annotation = AnnotationKind::Primary.span(span);
            if let Some(label) = &d.label {
                annotation = annotation.label(sanitize(label));
            }
            group = group.element(
                Snippet::source(excerpt)
                    .line_start(first_line)
                    .annotation(annotation),
            );
        }
        for note in &d.notes {
            group = group.element(note_message(note));
        }
        if group.is_empty() {
            return header;
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let body = renderer.render(&[group]);
        format!("{header}\n{}", body.trim_end_matches('\n'))
    }
}

/// `9990` → `9,990`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `help: x` and `note: x` notes get that level; anything else is a note.
fn note_message(note: &str) -> annotate_snippets::Message<'static> {
    if let Some(help) = note.strip_prefix("help: ") {
        Level::HELP.message(sanitize(help).into_owned())
    } else {
        let note = note.strip_prefix("note: ").unwrap_or(note);
        Level::NOTE.message(sanitize(note).into_owned())
    }
}

/// The lines covering `at` (made inert), their first line number, and `at` relative to them.
/// A long line is cut to [`EXCERPT_CONTEXT`] bytes on either side of the span (and a long span
/// to its start), marked `…` where cut, so one excerpt never copies a whole huge line.
fn excerpt(text: &str, at: &Location) -> (String, usize, Range<usize>) {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let window_start = floor(at.start.saturating_sub(EXCERPT_CONTEXT));
    let begin = text[window_start..at.start]
        .rfind('\n')
        .map_or(window_start, |i| window_start + i + 1);
    // A span over many lines or bytes is shown from its start only.
    let long = at.end - at.start > 4 * EXCERPT_CONTEXT || at.end_line - at.line > 8;
    let span_end = if long {
        let cut = floor((at.start + EXCERPT_CONTEXT).min(text.len()));
        text[at.start..cut].find('\n').map_or(cut, |i| at.start + i)
    } else {
        at.end
    };
    let window_end = floor((span_end + EXCERPT_CONTEXT).min(text.len()));
    let end = text[span_end..window_end]
        .find('\n')
        .map_or(window_end, |i| span_end + i);
    let mut out = String::with_capacity(end - begin + 8);
    if begin > 0 && text.as_bytes()[begin - 1] != b'\n' {
        out.push('…');
    }
    let (mut start, mut stop) = (None, None);
    for (i, c) in text[begin..end].char_indices() {
        if begin + i == at.start {
            start = Some(out.len());
        }
        if begin + i == span_end {
            stop = Some(out.len());
        }
        out.push(inert_char(c));
    }
    let start = start.unwrap_or(out.len());
    let stop = stop.unwrap_or(out.len()).max(start);
    if end < text.len() && text.as_bytes()[end] != b'\n' {
        out.push('…');
    }
    (out, at.line, start..stop)
}

/// One visible character for each control or bidi character; others unchanged.
fn inert_char(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_inert_and_keep_the_span_aligned() {
        let text = "a = 1\ntitle = \"\u{1b}[2J\u{202e}x\" # \u{9b}\nz = 2\n";
        let start = text.find('x').unwrap_or_default();
        let at = Location::new(text, start..start + 1);
        let (line, number, span) = excerpt(text, &at);
        assert_eq!(number, 2);
        assert_eq!(line, "title = \"␛[2J\u{fffd}x\" # \u{fffd}");
        assert_eq!(&line[span], "x");
        assert!(!line.chars().any(char::is_control));
    }

    #[test]
    fn excerpts_of_huge_lines_and_spans_are_windows() {
        let text = format!("{}X{}\nnext\n", "a".repeat(100_000), "b".repeat(100_000));
        let start = 100_000;
        let (line, _, span) = excerpt(&text, &Location::new(&text, start..start + 1));
        assert!(line.len() < 4 * EXCERPT_CONTEXT, "{} bytes", line.len());
        assert!(line.starts_with('…') && line.ends_with('…'));
        assert_eq!(&line[span], "X");
        // A span over the whole file shows its start.
        let (line, _, span) = excerpt(&text, &Location::new(&text, 0..text.len()));
        assert!(line.len() < 4 * EXCERPT_CONTEXT && !line.starts_with('…'));
        assert_eq!(span.start, 0);
    }

    #[test]
    fn rendered_reports_carry_no_control_characters() {
        let text = "id = \"\u{1b}]0;x\u{7}\"\n";
        let mut report = Report::default();
        report
            .sources
            .insert("f\u{1b}.toml".to_owned(), text.to_owned());
        let mut d = Diagnostic::new(Severity::Error, "f\u{1b}.toml", "bad `\u{1b}[2J`");
        d.location = Some(Location::new(text, 5..15));
        d.with_label("\u{9b}label").with_note("help: \u{1b}c");
        report.diagnostics.push(d);
        let plain = report.render(false);
        assert!(
            plain.chars().all(|c| c == '\n' || !c.is_control()),
            "{plain:?}"
        );
        let coloured = report.render(true).replace("\u{1b}[", "");
        assert!(
            !coloured.contains('\u{1b}'),
            "only our own SGR codes: {coloured:?}"
        );
    }
}
