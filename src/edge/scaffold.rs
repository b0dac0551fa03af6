//! `termcourse new`: a small, complete course to start from, written into an empty directory.
//!
//! The files are templates embedded in the binary (`assets/scaffold/`), with the course's id
//! and title filled in, plus the JSON Schemas the `#:schema` lines point at. The scaffold
//! passes `termcourse check --deny-warnings` and plays (a test keeps it so). Files are created,
//! never replaced: a directory that is not empty is refused before anything is written.

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::core::raw::{SchemaFor, json_schema};

/// Longest id, as `termcourse check` accepts it.
const MAX_ID_CHARS: usize = 64;

/// The templates: path in the new course, text with `{{ID}}`, `{{TITLE}}` (TOML strings) and
/// `{{TITLE_TEXT}}` (plain) to fill in.
const TEMPLATES: [(&str, &str); 5] = [
    (
        "course.toml",
        include_str!("../../assets/scaffold/course.toml"),
    ),
    (
        "nodes/first-steps.toml",
        include_str!("../../assets/scaffold/nodes/first-steps.toml"),
    ),
    (
        "nodes/first-steps/welcome.md",
        include_str!("../../assets/scaffold/nodes/first-steps/welcome.md"),
    ),
    (
        "nodes/next-steps.toml",
        include_str!("../../assets/scaffold/nodes/next-steps.toml"),
    ),
    ("README.md", include_str!("../../assets/scaffold/README.md")),
];

#[derive(Debug, Error)]
pub enum ScaffoldError {
    #[error("`{0}` is not empty; `termcourse new` only writes into a new or empty directory")]
    NotEmpty(PathBuf),
    #[error("`{0}` exists and is not a directory")]
    NotADirectory(PathBuf),
    #[error(
        "invalid course id `{0}`: use letters, digits, `-`, `_` and `.`, at most {MAX_ID_CHARS}"
    )]
    BadId(String),
    #[error("the title is empty")]
    EmptyTitle,
    #[error("the title holds a control character")]
    ControlInTitle,
    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The files of a new course with `id` and `title`: relative path and text.
pub fn files(id: &str, title: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = TEMPLATES
        .iter()
        .map(|(path, text)| {
            let text = text
                .replace("{{ID}}", &toml_string(id))
                .replace("{{TITLE}}", &toml_string(title))
                .replace("{{TITLE_TEXT}}", title);
            ((*path).to_owned(), text)
        })
        .collect();
    files.push((
        "course.schema.json".to_owned(),
        json_schema(SchemaFor::Course),
    ));
    files.push((
        "node.schema.json".to_owned(),
        json_schema(SchemaFor::NodeFile),
    ));
    files
}

/// A TOML basic string holding `text` (which has no control characters).
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The id a directory name suggests: lowercase letters and digits, words joined by `-`.
pub fn id_from_name(name: &str) -> String {
    let id = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let id: String = id.chars().take(MAX_ID_CHARS).collect();
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "my-course".to_owned()
    } else {
        id.to_owned()
    }
}

/// The title a directory name suggests: its words, the first capitalised.
pub fn title_from_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty() && !w.chars().any(char::is_control))
        .collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "My course".to_owned(),
    }
}

/// Checks an id as `termcourse check` would.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Writes a new course into `dir` (created if needed; refused unless empty). Returns the
/// files written, relative to `dir`.
pub fn create(dir: &Path, id: &str, title: &str) -> Result<Vec<String>, ScaffoldError> {
    if !valid_id(id) {
        return Err(ScaffoldError::BadId(
            crate::core::sanitize::sanitize(id).into_owned(),
        ));
    }
    let title = title.trim();
    if title.is_empty() {
        return Err(ScaffoldError::EmptyTitle);
    }
    if title.chars().any(char::is_control) {
        return Err(ScaffoldError::ControlInTitle);
    }
    prepare(dir)?;
    let mut written = Vec::new();
    for (rel, text) in files(id, title) {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|source| ScaffoldError::Io {
                action: "create",
                path: parent.to_owned(),
                source,
            })?;
        }
        // `create_new`: never replaces anything, not even a file that appeared meanwhile.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|source| ScaffoldError::Io {
                action: "create",
                path: path.clone(),
                source,
            })?;
        file.write_all(text.as_bytes())
            .map_err(|source| ScaffoldError::Io {
                action: "write",
                path: path.clone(),
                source,
            })?;
        written.push(rel);
    }
    Ok(written)
}

/// Creates `dir`, or checks that it is an empty directory.
fn prepare(dir: &Path) -> Result<(), ScaffoldError> {
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = fs::read_dir(dir).map_err(|source| ScaffoldError::Io {
                action: "read",
                path: dir.to_owned(),
                source,
            })?;
            if entries.next().is_some() {
                return Err(ScaffoldError::NotEmpty(dir.to_owned()));
            }
            Ok(())
        }
        Ok(_) => Err(ScaffoldError::NotADirectory(dir.to_owned())),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|source| ScaffoldError::Io {
                action: "create",
                path: dir.to_owned(),
                source,
            })
        }
        Err(source) => Err(ScaffoldError::Io {
            action: "read",
            path: dir.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests;
