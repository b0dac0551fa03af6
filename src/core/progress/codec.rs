//! The progress file's text: TOML with a `format` version, a closing line that proves the file
//! is whole, and migrations from older formats. Pure: bytes in, a value out.
//!
//! `docs/progress-format.md` describes every field; keep it in step with this module.

use serde::Deserialize;
use thiserror::Error;

use crate::core::progress::{PROGRESS_FORMAT, Position, Progress};

/// The last line of every file this build writes. A file of the current format without it was
/// cut short (a partial copy, a full disk, a crash of some other tool) and is not trusted.
pub const CLOSING_LINE: &str = "# end of termcourse progress";

const HEADER: &str = "\
# termcourse progress: the learner's record for one course.
# Format documented in docs/progress-format.md. Keep the last line: a file without it is
# treated as cut short and set aside.
";

/// What a progress file turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// The current format.
    Current(Progress),
    /// An older format, converted to the current one.
    Migrated { from: u32, progress: Progress },
    /// A format newer than this build understands; nothing else was read.
    Newer { format: u32 },
}

/// Why a progress file cannot be used: it is set aside, never overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("empty")]
    Empty,
    #[error("not UTF-8 text")]
    NotUtf8,
    #[error("not valid TOML: {0}")]
    Syntax(String),
    #[error("cut short, the closing line is missing")]
    Truncated,
    #[error("`format` is not a whole number from 0 up: {0}")]
    BadFormat(String),
    #[error("unexpected content: {0}")]
    Shape(String),
}

/// Reads a progress file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotUtf8)?;
    let table: toml::Table = toml::from_str(text).map_err(|e| syntax(&e))?;
    match format_of(&table)? {
        0 => Ok(Decoded::Migrated {
            from: 0,
            progress: migrate_v0(text)?,
        }),
        1 => Ok(Decoded::Migrated {
            from: 1,
            progress: migrate_v1(text)?,
        }),
        PROGRESS_FORMAT => Ok(Decoded::Current(whole(text)?)),
        format => Ok(Decoded::Newer { format }),
    }
}

/// The text of `progress` in the current format.
pub fn encode(progress: &Progress) -> Result<String, toml::ser::Error> {
    let mut current = progress.clone();
    current.format = PROGRESS_FORMAT;
    let body = toml::to_string(&current)?;
    Ok(format!("{HEADER}\n{body}\n{CLOSING_LINE}\n"))
}

/// The `format` key; files from before it existed (format 0) have none.
fn format_of(table: &toml::Table) -> Result<u32, DecodeError> {
    match table.get("format") {
        None => Ok(0),
        Some(toml::Value::Integer(n)) => {
            u32::try_from(*n).map_err(|_| DecodeError::BadFormat(n.to_string()))
        }
        Some(other) => Err(DecodeError::BadFormat(other.to_string())),
    }
}

/// Format 0, written by development builds before progress files had a version: a flat list of
/// completed node ids, passed quizzes as `node/step`, and the position as `node/step`.
///
/// ```toml
/// course = "dockerfiles-for-ml"
/// current = "base-images/slim-vs-full"
/// completed = ["intro"]
/// passed = ["intro/check"]
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressV0 {
    /// Absent or 0 (checked before); named so that `format = 0` is not an unknown field.
    #[serde(default, rename = "format")]
    _format: Option<u32>,
    course: String,
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    completed: Vec<String>,
    #[serde(default)]
    passed: Vec<String>,
}

fn migrate_v0(text: &str) -> Result<Progress, DecodeError> {
    let old: ProgressV0 = toml::from_str(text).map_err(|e| shape(&e))?;
    let mut progress = Progress::new(&old.course);
    if let Some(current) = &old.current {
        let (node, step) = split_node_step("current", current)?;
        progress.position = Some(Position {
            node: node.to_owned(),
            step: step.to_owned(),
        });
    }
    for node in old.completed {
        progress.nodes.entry(node).or_default().complete = true;
    }
    for entry in &old.passed {
        let (node, step) = split_node_step("passed", entry)?;
        let quiz = progress
            .nodes
            .entry(node.to_owned())
            .or_default()
            .quizzes
            .entry(step.to_owned())
            .or_default();
        quiz.passed = true;
        // Format 0 did not count attempts; passing took at least one.
        quiz.attempts = quiz.attempts.max(1);
    }
    Ok(progress)
}

/// A file of the current shape that must end with the closing line.
fn whole(text: &str) -> Result<Progress, DecodeError> {
    if !text.trim_end().ends_with(CLOSING_LINE) {
        return Err(DecodeError::Truncated);
    }
    toml::from_str(text).map_err(|e| shape(&e))
}

/// Format 1 is format 2 without the learner's seed, time spent, hints, reveals and review
/// history: every key it has means the same, and the new ones start empty.
fn migrate_v1(text: &str) -> Result<Progress, DecodeError> {
    let mut progress = whole(text)?;
    progress.format = PROGRESS_FORMAT;
    Ok(progress)
}

fn split_node_step<'a>(key: &str, value: &'a str) -> Result<(&'a str, &'a str), DecodeError> {
    value
        .split_once('/')
        .filter(|(node, step)| !node.is_empty() && !step.is_empty())
        .ok_or_else(|| DecodeError::Shape(format!("`{key}` entry {value:?} is not `node/step`")))
}

fn syntax(err: &toml::de::Error) -> DecodeError {
    DecodeError::Syntax(one_line(err.message()))
}

fn shape(err: &toml::de::Error) -> DecodeError {
    DecodeError::Shape(one_line(err.message()))
}

/// Notices are one short line of plain text; the parser's messages may be several lines and
/// quote the file's bytes, control characters included.
fn one_line(message: &str) -> String {
    const MAX_CHARS: usize = 100;
    let words: Vec<&str> = message.split_whitespace().collect();
    let plain: String = words
        .join(" ")
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    match plain.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &plain[..cut]),
        None => plain,
    }
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
