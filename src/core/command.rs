//! Argument-aware comparison of a learner's command line with a scripted command: the default
//! judge of a type-along entry without `accept` (documented in `docs/course-format.md`, "How a
//! typed command is judged").
//!
//! Both lines are split into words as a shell does (`words`), grouped into commands joined by
//! operators (`shape`), and each command is read as a program, subcommands, arguments and
//! options (`analyze`, with the facts of `known`). Two lines are the same command when they run
//! the same programs and subcommands, joined by the same operators, with the same arguments in
//! the same order and the same options and values in any order (`--opt=v` is `--opt v`, `-sf`
//! is `-s -f`); see `compare` for where options may move. On a miss the differences are named
//! ("missing `--rm`", "unexpected `-d`").
//!
//! Pure and total: any text, however malformed, gets a verdict in time linear in its length
//! (bounded readings, long lines compared word for word).

use std::fmt;

use crate::core::sanitize::sanitize;

mod analyze;
mod compare;
mod known;
mod shape;
mod words;

pub(crate) use shape::line as parse_line;

/// Whether a learner's line was accepted, and if not, what differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    /// Never empty when the line was judged against a command; may be empty when only author
    /// patterns judged it (then there is nothing specific to say).
    Rejected(Vec<Difference>),
}

impl Verdict {
    pub fn is_accepted(&self) -> bool {
        matches!(self, Self::Accepted)
    }

    /// What to tell the learner about a rejected line: up to three differences joined by
    /// `, ` (and `…` when there are more), or `None` when accepted or nothing specific is known.
    pub fn message(&self) -> Option<String> {
        const SHOWN: usize = 3;
        let Self::Rejected(diffs) = self else {
            return None;
        };
        if diffs.is_empty() {
            return None;
        }
        let mut parts: Vec<String> = diffs.iter().take(SHOWN).map(ToString::to_string).collect();
        if diffs.len() > SHOWN {
            parts.push("…".to_owned());
        }
        Some(parts.join(", "))
    }
}

/// One way a learner's line differs from the scripted command. Words are as written (the
/// scripted spelling for what is expected, the learner's for what they typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// Something the command has that the line lacks: an option, argument or command.
    Missing(String),
    /// Something the line has that the command does not.
    Unexpected(String),
    /// A word, option (with its value) or operator written differently.
    Instead { expected: String, found: String },
    /// An option of a program termcourse does not know, written between other arguments than
    /// in the command; `before` is the argument it should come before (`None`: at the end).
    Misplaced {
        word: String,
        before: Option<String>,
    },
    /// A quote (or `$(`, `` ` ``) left open.
    Unclosed(char),
    /// Nothing was typed.
    Empty,
}

/// Longest word shown in a message, in characters.
const MAX_SHOWN: usize = 40;

/// A word for a one-line message: newlines (of here-documents, quoted arguments) as `⏎`, tabs as
/// spaces, other control characters made visible, and long words cut.
fn shown(word: &str) -> String {
    let flat: String = word
        .chars()
        .map(|c| match c {
            '\n' => '⏎',
            '\t' | '\r' => ' ',
            c => c,
        })
        .collect();
    let clean = sanitize(&flat);
    match clean.char_indices().nth(MAX_SHOWN) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean.into_owned(),
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing(word) => write!(f, "missing `{}`", shown(word)),
            Self::Unexpected(word) => write!(f, "unexpected `{}`", shown(word)),
            Self::Instead { expected, found } => {
                write!(f, "`{}` instead of `{}`", shown(expected), shown(found))
            }
            Self::Misplaced {
                word,
                before: Some(arg),
            } => write!(f, "`{}` goes before `{}`", shown(word), shown(arg)),
            Self::Misplaced { word, before: None } => {
                write!(f, "`{}` goes at the end", shown(word))
            }
            Self::Unclosed(quote) => write!(f, "unclosed `{quote}`"),
            Self::Empty => f.write_str("nothing typed"),
        }
    }
}

/// Judges the learner's `line` against the scripted command `cmd`.
pub fn judge(cmd: &str, line: &str) -> Verdict {
    if line.trim().is_empty() {
        return Verdict::Rejected(vec![Difference::Empty]);
    }
    let expected = parse_line(cmd);
    let found = parse_line(line);
    let mut diffs = compare::differences(cmd, &expected, line, &found);
    if let (Some(quote), None) = (found.unclosed, expected.unclosed) {
        diffs.insert(0, Difference::Unclosed(quote));
    }
    if diffs.is_empty() {
        Verdict::Accepted
    } else {
        Verdict::Rejected(diffs)
    }
}

/// Whether a shell given `text` and Enter would ask for more (bash's `> ` prompt) rather than
/// run it: a here-document still waiting for its delimiter line, a trailing `\`, a quote or
/// `$(` left open, or a line ending in `|`, `&&` or `||`.
pub fn continues(text: &str) -> bool {
    let split = words::split(text);
    if split.unclosed.is_some() || split.open_heredoc || split.trailing_backslash {
        return true;
    }
    let last = split
        .tokens
        .iter()
        .rev()
        .find(|t| text.get(t.span.clone()) != Some("\n"));
    matches!(
        last.map(|t| &t.kind),
        Some(words::TokenKind::Control("|" | "|&" | "&&" | "||"))
    )
}

/// Whether `line` is the same command as `cmd` (see [`judge`]).
pub fn equivalent(cmd: &str, line: &str) -> bool {
    judge(cmd, line).is_accepted()
}

#[cfg(test)]
mod tests;
