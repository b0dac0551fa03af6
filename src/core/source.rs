//! Where a course's files come from: a directory on disk or the copy embedded in the binary.
//!
//! The loader reads every course file through [`CourseSource`], so validation never touches the
//! filesystem directly and the built-in course is checked by exactly the same code as a course on
//! disk.

use std::borrow::Cow;

use thiserror::Error;

/// Files larger than this are refused before parsing: no real course file comes close, and a
/// huge file is far more likely a mistake (or an attack) than a lesson.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Why a course file could not be read.
#[derive(Debug, Error)]
pub enum SourceError {
    #[error("file not found")]
    NotFound,
    #[error("the path leaves the course directory")]
    OutsideCourse,
    /// The path is inside the course directory, but it is a symlink whose target is not.
    #[error("it is a symlink to `{0}`, outside the course directory")]
    LinkOutside(String),
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("file is over the {limit}-byte limit")]
    TooLarge { limit: u64 },
    #[error("file is not valid UTF-8")]
    NotUtf8,
    #[error("{0}")]
    Io(String),
}

/// A read-only set of course files addressed by `/`-separated paths relative to the course root.
pub trait CourseSource {
    /// How to name `rel` in diagnostics, e.g. `lessons/intro/course.toml`.
    fn display_path(&self, rel: &str) -> String;

    /// The text of the file at `rel` (relative, `/`-separated, already checked not to escape
    /// the root by the caller); borrowed when it lives as long as the program (the embedded
    /// course), so that loading does not copy it.
    fn read(&self, rel: &str) -> Result<Cow<'static, str>, SourceError>;

    /// Every `.toml` file in the course, relative and `/`-separated, as far as the source can
    /// list them (used to warn about node files no `nodes` entry names). None by default.
    fn toml_files(&self) -> Vec<String> {
        Vec::new()
    }
}

/// An in-memory source: the embedded built-in course, and test fixtures.
#[derive(Debug, Clone, Default)]
pub struct MemorySource {
    /// Shown in diagnostics in front of each relative path.
    pub root: String,
    pub files: Vec<(String, String)>,
}

impl CourseSource for MemorySource {
    fn display_path(&self, rel: &str) -> String {
        if self.root.is_empty() {
            rel.to_owned()
        } else {
            format!("{}/{rel}", self.root.trim_end_matches('/'))
        }
    }

    fn read(&self, rel: &str) -> Result<Cow<'static, str>, SourceError> {
        self.files
            .iter()
            .find(|(path, _)| path == rel)
            .map(|(_, text)| Cow::Owned(text.clone()))
            .ok_or(SourceError::NotFound)
    }

    fn toml_files(&self) -> Vec<String> {
        self.files
            .iter()
            .map(|(path, _)| path.clone())
            .filter(|p| {
                std::path::Path::new(p)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            })
            .collect()
    }
}
