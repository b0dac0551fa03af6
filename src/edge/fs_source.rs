//! Course files on disk: a [`CourseSource`] for a course directory, and the convenience the
//! command line uses to load a course from a path.
//!
//! Besides the loader's own lexical check (no absolute paths, no `..`), every file is resolved
//! through symlinks and must still lie inside the course directory. Files are opened without
//! blocking and must be regular files (a FIFO or a device named like a node file is refused,
//! not waited on), and no more than [`MAX_FILE_BYTES`] is read from any of them.

use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::core::course::Course;
use crate::core::diagnostic::Report;
use crate::core::load::{COURSE_FILE, LoadOptions, load};
use crate::core::source::{CourseSource, MAX_FILE_BYTES, SourceError};
use crate::edge::safe_fs::{Follow, ReadError, read_limited};

/// Why a path does not name a course.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("`{0}` does not exist")]
    NotFound(PathBuf),
    #[error("`{0}` is neither a course directory nor its `course.toml`")]
    NotACourse(PathBuf),
    #[error("cannot open `{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// A course directory on disk.
#[derive(Debug, Clone)]
pub struct FsSource {
    /// The directory as the user named it, for display.
    shown: PathBuf,
    /// The same directory with symlinks resolved, for containment checks.
    root: PathBuf,
}

impl FsSource {
    /// Opens the course at `path`: a course directory, or the `course.toml` in one.
    pub fn new(path: &Path) -> Result<Self, OpenError> {
        let meta = fs::metadata(path).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => OpenError::NotFound(path.to_owned()),
            _ => OpenError::Io {
                path: path.to_owned(),
                source,
            },
        })?;
        let shown = if meta.is_dir() {
            path.to_owned()
        } else if path.file_name().is_some_and(|n| n == COURSE_FILE) {
            path.parent()
                .map_or_else(|| PathBuf::from("."), Path::to_owned)
        } else {
            return Err(OpenError::NotACourse(path.to_owned()));
        };
        let shown = if shown.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            shown
        };
        let root = fs::canonicalize(&shown).map_err(|source| OpenError::Io {
            path: shown.clone(),
            source,
        })?;
        // Whether it can be read (and is a regular file) is the loader's to report.
        if fs::symlink_metadata(root.join(COURSE_FILE)).is_err() {
            return Err(OpenError::NotACourse(path.to_owned()));
        }
        Ok(Self { shown, root })
    }
}

impl CourseSource for FsSource {
    fn display_path(&self, rel: &str) -> String {
        if self.shown == Path::new(".") {
            rel.to_owned()
        } else {
            self.shown.join(rel).display().to_string()
        }
    }

    fn read(&self, rel: &str) -> Result<Cow<'static, str>, SourceError> {
        let path = self.root.join(rel);
        let resolved = fs::canonicalize(&path).map_err(|err| source_error(err.into()))?;
        if !resolved.starts_with(&self.root) {
            return Err(SourceError::LinkOutside(resolved.display().to_string()));
        }
        // The resolved path has no symlink left; one appearing now is refused, not followed.
        let bytes = read_limited(&resolved, MAX_FILE_BYTES, Follow::Never).map_err(source_error)?;
        String::from_utf8(bytes)
            .map(Cow::Owned)
            .map_err(|_| SourceError::NotUtf8)
    }

    fn toml_files(&self) -> Vec<String> {
        let mut found = Vec::new();
        let mut budget = MAX_LISTED;
        list_toml(&self.root, "", 0, &mut budget, &mut found);
        found.sort();
        found
    }
}

/// At most this many directory entries are looked at when listing a course's `.toml` files,
/// and directories are entered at most [`MAX_LIST_DEPTH`] deep: a course is small, and a huge
/// tree under it (a virtualenv, a checkout) must not slow `check` down.
const MAX_LISTED: usize = 10_000;
const MAX_LIST_DEPTH: usize = 6;

/// Adds the `.toml` files below `dir` (relative paths, with `prefix`) to `found`. Symlinks are
/// not followed, hidden entries and build or dependency folders are skipped.
fn list_toml(dir: &Path, prefix: &str, depth: usize, budget: &mut usize, found: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if name.starts_with('.') || matches!(name.as_str(), "target" | "node_modules") {
            continue;
        }
        // `file_type` does not follow a symlink.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let rel = format!("{prefix}{name}");
        if kind.is_dir() && depth < MAX_LIST_DEPTH {
            list_toml(&entry.path(), &format!("{rel}/"), depth + 1, budget, found);
        } else if kind.is_file()
            && Path::new(&name)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            found.push(rel);
        }
    }
}

fn source_error(err: ReadError) -> SourceError {
    match err {
        ReadError::NotFound => SourceError::NotFound,
        ReadError::NotRegular(kind) => SourceError::NotRegular(kind),
        ReadError::TooLarge { limit } => SourceError::TooLarge { limit },
        ReadError::Symlink => SourceError::Io("it changed into a symlink while being read".into()),
        ReadError::Io(err) => SourceError::Io(err.to_string()),
    }
}

/// Loads the course at `path` (a directory or its `course.toml`) with default options.
/// A path that is not a course becomes a one-diagnostic report.
pub fn load_course_path(path: &Path) -> Result<Course, Report> {
    load_course_path_with(path, &LoadOptions::default())
}

/// [`load_course_path`] with explicit options.
pub fn load_course_path_with(path: &Path, opts: &LoadOptions) -> Result<Course, Report> {
    let source = FsSource::new(path).map_err(|err| open_error_report(path, &err))?;
    load(&source, opts)
}

/// A report holding the one error of a path that could not be opened as a course.
pub fn open_error_report(path: &Path, err: &OpenError) -> Report {
    let mut report = Report::default();
    report
        .diagnostics
        .push(crate::core::diagnostic::Diagnostic::new(
            crate::core::diagnostic::Severity::Error,
            path.display().to_string(),
            err.to_string(),
        ));
    report
}
