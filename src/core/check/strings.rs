//! Multi-line strings that end somewhere else than the author meant: `"""` closed as `""`, or
//! never closed. The TOML parser then reports whatever breaks later in the file (a key with no
//! value on some line far below); this finds the string that started the trouble, so the
//! first diagnostic names it.
//!
//! Only run on a file with syntax errors. The scan follows TOML's rules for strings and
//! comments closely enough to find where each string starts and ends.

use std::ops::Range;

use super::{Checker, FileCx};

/// A multi-line string that likely caused a file's syntax errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Suspect {
    /// The opening quotes.
    pub open: Range<usize>,
    /// The three quote characters that open (and should close) it.
    pub quotes: &'static str,
    pub end: End,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum End {
    /// No closing quotes: it runs to the end of the file.
    Never,
    /// It closes at `close`, after swallowing what looks like TOML (a table header) at
    /// `swallowed`; `early` is a line that holds only two quotes, the likely intended end.
    Late {
        close: usize,
        swallowed: Range<usize>,
        early: Option<Range<usize>>,
    },
}

/// The suspicious multi-line strings of `text`, in order.
pub(super) fn suspects(text: &str) -> Vec<Suspect> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => i = line_end(bytes, i),
            q @ (b'"' | b'\'') if bytes[i..].starts_with(&[q, q, q]) => {
                let quotes = if q == b'"' { "\"\"\"" } else { "'''" };
                let body = i + 3;
                let Some((content_end, after)) = close_multi(bytes, body, q) else {
                    found.push(Suspect {
                        open: i..body,
                        quotes,
                        end: End::Never,
                    });
                    return found;
                };
                if let Some(end) = late(text, body..content_end, q) {
                    found.push(Suspect {
                        open: i..body,
                        quotes,
                        end,
                    });
                }
                i = after;
            }
            q @ (b'"' | b'\'') => i = close_single(bytes, i + 1, q),
            _ => i += 1,
        }
    }
    found
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// Where a one-line string opened before `from` ends (after its closing quote, or at the end
/// of the line when it is not closed).
fn close_single(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while i < bytes.len() && bytes[i] != b'\n' {
        if quote == b'"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == quote {
            return i + 1;
        }
        i += 1;
    }
    i
}

/// The end of a multi-line string's content and the offset after its closing quotes (up to
/// two quotes right before the closing three belong to the content).
fn close_multi(bytes: &[u8], mut i: usize, quote: u8) -> Option<(usize, usize)> {
    while i < bytes.len() {
        if quote == b'"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(&[quote, quote, quote]) {
            let run = bytes[i..]
                .iter()
                .take_while(|b| **b == quote)
                .count()
                .min(5);
            return Some((i + run - 3, i + run));
        }
        i += 1;
    }
    None
}

/// Whether the content `range` of a closed multi-line string swallowed TOML: a line that is a
/// table header.
fn late(text: &str, range: Range<usize>, quote: u8) -> Option<End> {
    let content = text.get(range.clone())?;
    let mut swallowed = None;
    let mut early = None;
    let mut at = range.start;
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        let span = at + lead..at + lead + trimmed.len();
        let two = if quote == b'"' { "\"\"" } else { "''" };
        if early.is_none() && swallowed.is_none() && trimmed == two {
            early = Some(span.clone());
        }
        if swallowed.is_none() && is_table_header(trimmed) {
            swallowed = Some(span);
        }
        at += line.len();
    }
    Some(End::Late {
        close: range.end,
        swallowed: swallowed?,
        early,
    })
}

/// `[name]` or `[[name.part]]`: a TOML table header (not a markdown link, which has text
/// after the brackets or spaces inside).
fn is_table_header(line: &str) -> bool {
    let line = line.split('#').next().unwrap_or_default().trim_end();
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    inner.is_some_and(|name| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && name.chars().any(|c| c.is_ascii_alphabetic())
    })
}

/// Reports the strings that likely caused `file`'s syntax errors (which start at
/// `first_error`): one error each, at the opening quotes.
pub(super) fn report(cx: &mut Checker<'_>, file: &FileCx, first_error: usize) {
    for suspect in suspects(&file.text) {
        if suspect.open.start > first_error {
            break;
        }
        let quotes = suspect.quotes;
        match &suspect.end {
            End::Never => {
                cx.error(
                    file,
                    suspect.open.clone(),
                    "multi-line string is never closed",
                )
                .with_label("this string starts here and runs to the end of the file")
                .with_note(format!("help: end it with `{quotes}`"));
            }
            End::Late {
                close,
                swallowed,
                early,
            } => {
                let end = file.locate(*close..*close).line;
                let header = file.text.get(swallowed.clone()).unwrap_or_default();
                let header_line = file.locate(swallowed.clone()).line;
                let d = cx
                    .error(
                        file,
                        suspect.open.clone(),
                        "multi-line string may not be closed where you meant",
                    )
                    .with_label(format!("this string starts here and runs to line {end}"))
                    .with_note(format!(
                        "note: it swallows `{header}` on line {header_line}, which is read as text"
                    ));
                if let Some(early) = early {
                    let line = file.locate(early.clone()).line;
                    let two = &quotes[..2];
                    d.with_note(format!(
                        "help: line {line} has `{two}`: a multi-line string ends with three quotes, `{quotes}`"
                    ));
                } else {
                    d.with_note(format!(
                        "help: end it with `{quotes}` before line {header_line}"
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_closed_with_two_quotes_is_found_with_what_it_swallowed() {
        let text =
            "a = \"\"\"\nhello\n\"\"\n\n[[node.step]]\nid = \"t\"\nb = \"\"\"\nmore\n\"\"\"\n";
        let found = suspects(text);
        assert_eq!(
            found.len(),
            2,
            "the rest of the file is a string that never ends: {found:?}"
        );
        assert_eq!(found[1].end, End::Never);
        let End::Late {
            swallowed, early, ..
        } = &found[0].end
        else {
            panic!("{found:?}");
        };
        assert_eq!(&text[swallowed.clone()], "[[node.step]]");
        assert_eq!(&text[early.clone().expect("early")], "\"\"");
        assert_eq!(found[0].open, 4..7);
    }

    #[test]
    fn a_string_never_closed_is_found() {
        let found = suspects("a = 'x'\nb = '''\nno end\n");
        assert_eq!(found[0].end, End::Never);
        assert_eq!(found[0].quotes, "'''");
    }

    #[test]
    fn ordinary_strings_and_comments_are_not_suspects() {
        let text = "# a \"\"\" in a comment\na = \"say \\\"\\\"\\\"\"\nb = \"\"\"\n[a link](x) and\n[ref]: x\n\"\"\"\nc = '''\n\"\"\"\n'''\n";
        assert_eq!(suspects(text), []);
    }

    #[test]
    fn table_headers_are_told_from_markdown() {
        assert!(is_table_header("[[node.step]]"));
        assert!(is_table_header("[step.quiz] # the quiz"));
        assert!(!is_table_header("[a link](x)"));
        assert!(!is_table_header("[1]"));
        assert!(!is_table_header("[see this]"));
    }
}
