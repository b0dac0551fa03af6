//! Rendering diagnostics rustc-style with annotate-snippets.
//!
//! Everything printed is made inert first: messages quote course text, and the source excerpt
//! is the file itself, so control characters are shown as visible placeholders (one character
//! each, so the underline stays aligned).

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Location, Report, Severity};
use crate::core::sanitize::sanitize;

impl Report {
    /// Every diagnostic rustc-style, then the summary line. ANSI colours when `color`.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.render_diagnostics(color);
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// Every diagnostic rustc-style, each followed by a blank line; no summary.
    pub fn render_diagnostics(&self, color: bool) -> String {
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&self.render_one(diagnostic, color));
            out.push_str("\n\n");
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

/// `help: x` and `note: x` notes get that level; anything else is a note.
fn note_message(note: &str) -> annotate_snippets::Message<'static> {
    if let Some(help) = note.strip_prefix("help: ") {
        Level::HELP.message(sanitize(help).into_owned())
    } else {
        let note = note.strip_prefix("note: ").unwrap_or(note);
        Level::NOTE.message(sanitize(note).into_owned())
    }
}

/// The whole lines covering `at` (made inert), their first line number, and `at` relative to
/// them.
fn excerpt(text: &str, at: &Location) -> (String, usize, Range<usize>) {
    let begin = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at.end..].find('\n').map_or(text.len(), |i| at.end + i);
    let mut out = String::with_capacity(end - begin);
    let (mut start, mut stop) = (None, None);
    for (i, c) in text[begin..end].char_indices() {
        if begin + i == at.start {
            start = Some(out.len());
        }
        if begin + i == at.end {
            stop = Some(out.len());
        }
        out.push(inert_char(c));
    }
    let start = start.unwrap_or(out.len());
    let stop = stop.unwrap_or(out.len()).max(start);
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
