//! A split line grouped into simple commands joined by control operators, each with its words,
//! redirections and here-document bodies. No option is interpreted yet (see `analyze`).

use std::ops::Range;

use super::words::{Split, TokenKind, split};

/// A word of a simple command as written, quotes removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub text: String,
    pub quoted: bool,
    /// Byte range in the line.
    pub span: Range<usize>,
}

impl Word {
    /// Whether the word looks like an option (`-x`, `--name`, `-`-prefixed) rather than an
    /// argument. A lone `-` (standard input) and `--` (end of options) are not options.
    pub fn is_option(&self) -> bool {
        self.text.starts_with('-') && self.text != "-" && self.text != "--"
    }
}

/// One command of a pipeline or list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Simple {
    pub words: Vec<Word>,
    /// Redirections in order, normalised: `1>out`, `2>&1`, `0<in`; a here-document is `<<` and
    /// its body.
    pub redirects: Vec<String>,
    /// Byte range in the line, from the first to the last token.
    pub span: Range<usize>,
}

/// A whole line: commands and the operators between them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    pub parts: Vec<Part>,
    pub unclosed: Option<char>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Command(Simple),
    /// `|`, `&&`, `;` (a newline too), `&`, `(`, `)`, …
    Op(&'static str),
}

impl Line {
    pub fn commands(&self) -> impl Iterator<Item = &Simple> {
        self.parts.iter().filter_map(|p| match p {
            Part::Command(c) => Some(c),
            Part::Op(_) => None,
        })
    }
}

/// Parses `text` into commands.
pub(crate) fn line(text: &str) -> Line {
    let Split {
        tokens, unclosed, ..
    } = split(text);
    let mut parts: Vec<Part> = Vec::new();
    let mut current = Simple::default();
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        let span = token.span;
        let end = span.end;
        if current.words.is_empty() && current.redirects.is_empty() {
            current.span = span.clone();
        }
        match token.kind {
            TokenKind::Word { text, quoted } => current.words.push(Word { text, quoted, span }),
            TokenKind::Redirect(op) => {
                let target = match tokens.peek().map(|t| &t.kind) {
                    Some(TokenKind::Word { text, .. }) => {
                        let text = text.clone();
                        let target_end = tokens.next().map_or(end, |t| t.span.end);
                        current.span.end = target_end;
                        text
                    }
                    _ => String::new(),
                };
                current.redirects.push(redirect(&op, &target));
                continue;
            }
            TokenKind::HereDoc(body) => {
                // The body replaces the delimiter: only the text matters.
                if let Some(last) = current
                    .redirects
                    .iter_mut()
                    .rev()
                    .find(|r| r.starts_with("0<<") && !r.starts_with("0<<<"))
                {
                    *last = format!("0<<\n{body}");
                }
            }
            TokenKind::Control(op) => {
                finish(&mut parts, &mut current);
                push_op(&mut parts, op);
                continue;
            }
        }
        current.span.end = current.span.end.max(end);
    }
    finish(&mut parts, &mut current);
    while matches!(parts.last(), Some(Part::Op(";"))) {
        parts.pop();
    }
    for part in &mut parts {
        if let Part::Command(command) = part {
            order_redirects(&mut command.redirects);
        }
    }
    Line { parts, unclosed }
}

/// Redirections of different file descriptors may be written in any order, unless one of them
/// duplicates a descriptor (`2>&1`): then the order is what it means.
fn order_redirects(redirects: &mut [String]) {
    let duplicates = |r: &String| r.contains(">&") || r.contains("<&");
    if !redirects.iter().any(duplicates) {
        redirects.sort();
    }
}

fn finish(parts: &mut Vec<Part>, current: &mut Simple) {
    if !current.words.is_empty() || !current.redirects.is_empty() {
        parts.push(Part::Command(std::mem::take(current)));
    }
}

/// Adds an operator. A `;` (or newline) at the start or after another operator adds nothing:
/// a line may go on after `&&` or `|`. After `)` it separates as usual.
fn push_op(parts: &mut Vec<Part>, op: &'static str) {
    let after_op = match parts.last() {
        None => true,
        Some(Part::Op(last)) => *last != ")",
        Some(Part::Command(_)) => false,
    };
    if op == ";" && after_op {
        return;
    }
    parts.push(Part::Op(op));
}

/// `>` → `1>`, `<` → `0<`; here-documents and `&>` keep their form.
fn redirect(op: &str, target: &str) -> String {
    let op = op.trim_end_matches('-');
    let fd_given = op.starts_with(|c: char| c.is_ascii_digit()) || op.starts_with('&');
    let fd = match () {
        () if fd_given => "",
        () if op.starts_with('>') => "1",
        () => "0",
    };
    let op = if op.ends_with(">|") {
        op.trim_end_matches('|')
    } else {
        op
    };
    format!("{fd}{op}{target}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<String> {
        line(text)
            .parts
            .iter()
            .map(|p| match p {
                Part::Command(c) => {
                    let mut words: Vec<String> = c.words.iter().map(|w| w.text.clone()).collect();
                    words.extend(c.redirects.iter().map(|r| format!("[{r}]")));
                    words.join(" ")
                }
                Part::Op(op) => format!("<{op}>"),
            })
            .collect()
    }

    #[test]
    fn commands_and_operators() {
        assert_eq!(
            shape("sleep 60; docker ps | wc -l;\n"),
            ["sleep 60", "<;>", "docker ps", "<|>", "wc -l"]
        );
        assert_eq!(shape("a &&\nb"), ["a", "<&&>", "b"]);
        assert_eq!(shape("a\n\n;b"), ["a", "<;>", "b"]);
    }

    #[test]
    fn redirections_are_normalised() {
        assert_eq!(shape("a >out 2>&1"), ["a [1>out] [2>&1]"]);
        assert_eq!(shape("a > out"), ["a [1>out]"]);
        assert_eq!(shape("a 1> out <in"), ["a [0<in] [1>out]"], "any order");
        assert_eq!(shape("a >out 2>&1"), ["a [1>out] [2>&1]"], "written order");
        assert_eq!(shape("a &>log"), ["a [&>log]"]);
    }

    #[test]
    fn heredoc_bodies_replace_their_delimiter() {
        assert_eq!(shape("cat <<EOF >f\nhi\nEOF\n"), ["cat [0<<\nhi\n] [1>f]"]);
        assert_eq!(shape("cat <<'X' >f\nhi\nX"), shape("cat <<EOF >f\nhi\nEOF"));
    }

    #[test]
    fn command_spans_cover_their_words_and_redirections() {
        let text = "docker ps  >out | wc -l";
        let spans: Vec<&str> = line(text)
            .commands()
            .map(|c| &text[c.span.clone()])
            .collect();
        assert_eq!(spans, ["docker ps  >out", "wc -l"]);
    }
}
