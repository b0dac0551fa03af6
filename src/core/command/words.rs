//! Splitting a command line into words the way a POSIX shell does, without expanding anything.
//!
//! Quotes (`'…'`, `"…"`, `$'…'`) group and are removed; a backslash escapes the next character;
//! backslash-newline joins lines. `$(…)`, `${…}` and backquotes are kept verbatim inside their
//! word. Control operators (`|`, `&&`, `;`, a newline, …) and redirections (`>`, `2>&1`, `<<EOF`)
//! are tokens of their own; a here-document's body is read up to its delimiter line. A `#` that
//! starts a word starts a comment. The splitter never fails: an unclosed quote ends at the end
//! of the text and is reported in [`Split::unclosed`].

use std::ops::Range;

/// One token of a command line, with the byte range of the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A word with its quotes removed. `quoted` when any part of it was quoted or escaped, so
    /// `'-d'` is still an option but `"NAME=x"` is not an assignment.
    Word { text: String, quoted: bool },
    /// `|`, `|&`, `||`, `&&`, `;`, `&`, `(`, `)`; an unquoted newline is `;`.
    Control(&'static str),
    /// A redirection operator with its file descriptor as written (`2>`, `>>`, `<<`, `&>`).
    Redirect(String),
    /// The body of a here-document, placed right after the delimiter word it belongs to.
    HereDoc(String),
}

/// A split line: its tokens, the quote left open at the end, if any, and whether the text
/// stops where a shell would ask for more (see [`Split::open_heredoc`],
/// [`Split::trailing_backslash`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Split {
    pub tokens: Vec<Token>,
    pub unclosed: Option<char>,
    /// A here-document whose delimiter line has not come yet (or whose body has not started).
    pub open_heredoc: bool,
    /// The text ends with an unquoted `\`: the line goes on.
    pub trailing_backslash: bool,
}

/// Splits `text` into tokens.
pub(crate) fn split(text: &str) -> Split {
    let mut lexer = Lexer {
        text,
        chars: text.char_indices().collect(),
        at: 0,
        out: Split::default(),
        pending_heredocs: Vec::new(),
    };
    lexer.run();
    if !lexer.pending_heredocs.is_empty() {
        lexer.out.open_heredoc = true;
    }
    lexer.out
}

struct Lexer<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
    /// Index into `chars`.
    at: usize,
    out: Split,
    /// Here-documents whose body starts after the next newline: (delimiter, strip tabs).
    pending_heredocs: Vec<(String, bool)>,
}

/// Characters that end an unquoted word.
fn is_meta(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '|' | '&' | ';' | '(' | ')' | '<' | '>'
    )
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).map(|(_, c)| *c)
    }

    fn offset(&self) -> usize {
        self.chars.get(self.at).map_or(self.text.len(), |(i, _)| *i)
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        let span = start..self.offset();
        self.out.tokens.push(Token { kind, span });
    }

    fn run(&mut self) {
        while let Some(c) = self.peek(0) {
            let start = self.offset();
            match c {
                ' ' | '\t' | '\r' => self.at += 1,
                '\\' if self.peek(1) == Some('\n') => self.at += 2,
                '\n' => {
                    self.at += 1;
                    // A here-document's body belongs to the command before the newline.
                    let newline = start..self.offset();
                    self.read_heredoc_bodies();
                    self.out.tokens.push(Token {
                        kind: TokenKind::Control(";"),
                        span: newline,
                    });
                }
                '#' => self.skip_comment(),
                '|' | '&' | ';' | '(' | ')' => self.control(c, start),
                '<' | '>' => self.redirect(String::new(), start),
                _ => self.word(start),
            }
        }
    }

    fn skip_comment(&mut self) {
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.at += 1;
        }
    }

    fn control(&mut self, c: char, start: usize) {
        let two = self.peek(1);
        let (op, len) = match (c, two) {
            ('|', Some('|')) => ("||", 2),
            ('|', Some('&')) => ("|&", 2),
            ('&', Some('&')) => ("&&", 2),
            ('&', Some('>')) => return self.redirect(String::new(), start),
            ('|', _) => ("|", 1),
            ('&', _) => ("&", 1),
            (';', _) => (";", 1),
            ('(', _) => ("(", 1),
            _ => (")", 1),
        };
        self.at += len;
        self.push(TokenKind::Control(op), start);
    }

    /// A redirection operator; `fd` holds the digits written right before it.
    fn redirect(&mut self, fd: String, start: usize) {
        let mut op = fd;
        while let Some(c) = self.peek(0) {
            let fits = match c {
                '<' | '>' => op.chars().filter(|c| matches!(c, '<' | '>')).count() < 3,
                '&' => op.is_empty() || op.ends_with('<') || op.ends_with('>'),
                '-' => op.ends_with("<<"),
                '|' => op.ends_with('>') && !op.ends_with(">>"),
                _ => false,
            };
            if !fits {
                break;
            }
            op.push(c);
            self.at += 1;
        }
        let heredoc = (op.ends_with("<<") || op.ends_with("<<-")) && !op.contains("<<<");
        let strip_tabs = op.ends_with('-');
        self.push(TokenKind::Redirect(op), start);
        if heredoc {
            while matches!(self.peek(0), Some(' ' | '\t')) {
                self.at += 1;
            }
            let word_start = self.offset();
            self.word(word_start);
            if let Some(Token {
                kind: TokenKind::Word { text, .. },
                ..
            }) = self.out.tokens.last()
            {
                self.pending_heredocs.push((text.clone(), strip_tabs));
            }
        }
    }

    fn read_heredoc_bodies(&mut self) {
        for (delimiter, strip_tabs) in std::mem::take(&mut self.pending_heredocs) {
            let start = self.offset();
            let mut body = String::new();
            loop {
                let line_start = self.at;
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.at += 1;
                }
                let from = self
                    .chars
                    .get(line_start)
                    .map_or(self.text.len(), |(i, _)| *i);
                let line = &self.text[from..self.offset()];
                let ended = self.peek(0).is_none();
                self.at += usize::from(!ended);
                let line = if strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    line
                };
                if line == delimiter {
                    break;
                }
                if ended && line.is_empty() {
                    self.out.open_heredoc = true;
                    break;
                }
                body.push_str(line);
                body.push('\n');
                if ended {
                    self.out.open_heredoc = true;
                    break;
                }
            }
            self.push(TokenKind::HereDoc(body), start);
        }
    }

    fn word(&mut self, start: usize) {
        let mut text = String::new();
        let mut quoted = false;
        while let Some(c) = self.peek(0) {
            match c {
                '\\' => {
                    quoted = true;
                    match self.peek(1) {
                        Some('\n') => self.at += 2,
                        Some(next) => {
                            text.push(next);
                            self.at += 2;
                        }
                        None => {
                            text.push('\\');
                            self.at += 1;
                            self.out.trailing_backslash = true;
                        }
                    }
                }
                '\'' => {
                    quoted = true;
                    self.at += 1;
                    self.single_quoted(&mut text);
                }
                '"' => {
                    quoted = true;
                    self.at += 1;
                    self.double_quoted(&mut text);
                }
                '$' if self.peek(1) == Some('\'') => {
                    quoted = true;
                    self.at += 2;
                    self.single_quoted(&mut text);
                }
                '$' if matches!(self.peek(1), Some('(' | '{')) => self.verbatim_group(&mut text),
                '`' => self.verbatim_backquote(&mut text),
                '<' | '>'
                    if !text.is_empty() && !quoted && text.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    // `2>`: the digits are the redirection's file descriptor, not a word.
                    return self.redirect(text, start);
                }
                c if is_meta(c) => break,
                c => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        self.push(TokenKind::Word { text, quoted }, start);
    }

    fn single_quoted(&mut self, text: &mut String) {
        while let Some(c) = self.peek(0) {
            self.at += 1;
            if c == '\'' {
                return;
            }
            text.push(c);
        }
        self.out.unclosed = Some('\'');
    }

    fn double_quoted(&mut self, text: &mut String) {
        while let Some(c) = self.peek(0) {
            self.at += 1;
            match c {
                '"' => return,
                '\\' => match self.peek(0) {
                    Some('\n') => self.at += 1,
                    Some(next @ ('$' | '`' | '"' | '\\')) => {
                        text.push(next);
                        self.at += 1;
                    }
                    _ => text.push('\\'),
                },
                c => text.push(c),
            }
        }
        self.out.unclosed = Some('"');
    }

    /// `$(…)` or `${…}`, nested, kept as written.
    fn verbatim_group(&mut self, text: &mut String) {
        let open = self.peek(1).unwrap_or('(');
        let close = if open == '(' { ')' } else { '}' };
        text.push('$');
        text.push(open);
        self.at += 2;
        let mut depth = 1usize;
        while let Some(c) = self.peek(0) {
            self.at += 1;
            text.push(c);
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
        }
        self.out.unclosed = Some(open);
    }

    fn verbatim_backquote(&mut self, text: &mut String) {
        text.push('`');
        self.at += 1;
        while let Some(c) = self.peek(0) {
            self.at += 1;
            text.push(c);
            if c == '`' {
                return;
            }
        }
        self.out.unclosed = Some('`');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        split(text)
            .tokens
            .into_iter()
            .map(|t| match t.kind {
                TokenKind::Word { text, .. } => text,
                TokenKind::Control(op) => format!("<{op}>"),
                TokenKind::Redirect(op) => format!("[{op}]"),
                TokenKind::HereDoc(body) => format!("{{{body}}}"),
            })
            .collect()
    }

    #[test]
    fn quotes_group_and_disappear() {
        assert_eq!(
            words(r#"docker ps --format '{{.Names}}  x' "a b"c\ d"#),
            ["docker", "ps", "--format", "{{.Names}}  x", "a bc d"]
        );
        assert_eq!(words(r#"echo "a\"b\$c\n""#), ["echo", r#"a"b$c\n"#]);
        assert_eq!(words("echo $'it''s'"), ["echo", "its"]);
    }

    #[test]
    fn operators_and_redirections_are_tokens() {
        assert_eq!(
            words("sleep 60; docker ps|wc -l && echo ok 2>&1 >out"),
            [
                "sleep", "60", "<;>", "docker", "ps", "<|>", "wc", "-l", "<&&>", "echo", "ok",
                "[2>&]", "1", "[>]", "out"
            ]
        );
        assert_eq!(words("a &>log"), ["a", "[&>]", "log"]);
        assert_eq!(words("a 2>>err"), ["a", "[2>>]", "err"]);
    }

    #[test]
    fn substitutions_stay_whole() {
        assert_eq!(
            words("echo $(date +%s | cut -c1) ${HOME} `id -u`"),
            ["echo", "$(date +%s | cut -c1)", "${HOME}", "`id -u`"]
        );
    }

    #[test]
    fn continuations_comments_and_newlines() {
        assert_eq!(
            words("docker run \\\n  --rm img # a comment\nls"),
            ["docker", "run", "--rm", "img", "<;>", "ls"]
        );
        assert_eq!(words("a#b"), ["a#b"]);
    }

    #[test]
    fn heredocs_read_their_body() {
        assert_eq!(
            words("cat <<EOF > f\nline 1\n  line 2\nEOF\nls"),
            [
                "cat",
                "[<<]",
                "EOF",
                "[>]",
                "f",
                "{line 1\n  line 2\n}",
                "<;>",
                "ls"
            ]
        );
        assert_eq!(
            words("cat <<-'END'\n\tx\n\tEND\n"),
            ["cat", "[<<-]", "END", "{x\n}", "<;>"]
        );
        assert_eq!(words("cat <<<word"), ["cat", "[<<<]", "word"]);
    }

    #[test]
    fn unclosed_quotes_are_reported_not_fatal() {
        let s = split("echo 'abc");
        assert_eq!(s.unclosed, Some('\''));
        assert_eq!(s.tokens.len(), 2);
        assert_eq!(split("echo \"x").unclosed, Some('"'));
        assert_eq!(split("echo $(x").unclosed, Some('('));
        assert_eq!(split("echo ok").unclosed, None);
    }

    #[test]
    fn spans_cover_the_source() {
        let text = "docker  run --rm";
        let spans: Vec<&str> = split(text)
            .tokens
            .iter()
            .map(|t| &text[t.span.clone()])
            .collect();
        assert_eq!(spans, ["docker", "run", "--rm"]);
    }
}
