//! A course's workspace: the directory where the learner writes a task's files.
//!
//! Where it is: `--workspace DIR`, else `$TERMCOURSE_WORKSPACE`, else
//! `<data dir>/workspaces/<course id>/` ([`Workspace::resolve`]). What termcourse does there:
//! - writes a task's starters, only for files that do not exist ([`Workspace::write_starters`]);
//! - resets a file to its starter after moving the current one to `<name>.bak-<unix seconds>`
//!   ([`Workspace::reset_to_starter`]);
//! - reads the task's files for grading ([`Workspace::read_files`]), at most
//!   [`MAX_TASK_FILE_BYTES`] each.
//!
//! It never overwrites or deletes a file, never follows a symbolic link below the workspace
//! directory and never opens a FIFO or device (see `edge::nofollow`).

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::core::course::{Task, TaskFile};
use crate::core::task::{FileState, TaskFiles};
use crate::edge::nofollow::{self, Dir, ReadError};
use crate::edge::store::{StoreError, file_name};

/// Overrides where the workspace is (for every course).
pub const WORKSPACE_ENV: &str = "TERMCOURSE_WORKSPACE";

/// Task files larger than this are not read: a learner's Dockerfile is a few KiB.
pub const MAX_TASK_FILE_BYTES: u64 = 1024 * 1024;

/// Where a workspace's location came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--workspace DIR`.
    Flag,
    /// `$TERMCOURSE_WORKSPACE`.
    Env,
    /// `<data dir>/workspaces/<course id>/`.
    DataDir,
}

#[derive(Debug, Error)]
pub enum WorkspaceError {
    #[error("no workspace directory: {0} (or pass --workspace DIR)")]
    NoDataDir(#[source] StoreError),
    #[error("{} is not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error("{}: {why}", path.display())]
    Unusable { path: PathBuf, why: String },
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("`{0}` has no starter to reset to")]
    NoStarter(String),
}

/// A course's workspace. Cheap to clone; every operation opens the directory afresh, so it
/// may be created, removed or replaced while the player runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
    origin: Origin,
    /// For [`Origin::DataDir`]: the data directory and the path below it, created without
    /// following symbolic links (the data directory may have been tampered with).
    below_data_dir: Option<(PathBuf, Vec<String>)>,
}

/// What [`Workspace::write_starters`] did, per task path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Starters {
    /// Starters written now.
    pub written: Vec<String>,
    /// Paths where something already was (the learner's file), left alone.
    pub kept: Vec<String>,
    /// Paths that could not be written, with why (a sentence completing the path).
    pub failed: Vec<(String, String)>,
}

impl Workspace {
    /// Where the workspace of `course_id` is: `flag`, else `env` (when set and not empty), else
    /// below the data directory. Relative paths are taken from the current directory. Touches
    /// nothing on disk.
    pub fn resolve(
        flag: Option<&Path>,
        env: Option<&OsStr>,
        data_dir: impl FnOnce() -> Result<PathBuf, StoreError>,
        course_id: &str,
    ) -> Result<Workspace, WorkspaceError> {
        let chosen = flag.map(|p| (p.to_owned(), Origin::Flag)).or_else(|| {
            env.filter(|e| !e.is_empty())
                .map(|e| (e.into(), Origin::Env))
        });
        if let Some((path, origin)) = chosen {
            let root = std::path::absolute(&path).unwrap_or(path);
            return Ok(Workspace {
                root,
                origin,
                below_data_dir: None,
            });
        }
        let data = data_dir().map_err(WorkspaceError::NoDataDir)?;
        let parts = vec!["workspaces".to_owned(), file_name::stem(course_id)];
        Ok(Workspace {
            root: parts.iter().fold(data.clone(), |p, part| p.join(part)),
            origin: Origin::DataDir,
            below_data_dir: Some((data, parts)),
        })
    }

    /// A workspace at `root` exactly (tests, tools).
    pub fn at(root: PathBuf) -> Workspace {
        Workspace {
            root,
            origin: Origin::Flag,
            below_data_dir: None,
        }
    }

    /// The workspace directory, for display and for the editor.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The full path of a task file (a validated task path).
    pub fn file_path(&self, rel: &str) -> PathBuf {
        rel.split('/')
            .fold(self.root.clone(), |p, part| p.join(part))
    }

    /// Creates the workspace directory if needed and opens it.
    pub fn ensure(&self) -> Result<Dir, WorkspaceError> {
        let Some((data, parts)) = &self.below_data_dir else {
            std::fs::create_dir_all(&self.root).map_err(|e| io_error("create", &self.root, e))?;
            return self.open();
        };
        std::fs::create_dir_all(data).map_err(|e| io_error("create", data, e))?;
        let base = Dir::open(data).map_err(|e| io_error("open", data, e))?;
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        base.subdir(&parts, true).map_err(|e| self.unusable(&e))
    }

    /// Opens the workspace directory, which must exist.
    fn open(&self) -> Result<Dir, WorkspaceError> {
        match &self.below_data_dir {
            Some((data, parts)) => {
                let base = Dir::open(data).map_err(|e| io_error("open", data, e))?;
                let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                base.subdir(&parts, false).map_err(|e| match e {
                    ReadError::NotFound => {
                        io_error("open", &self.root, io::ErrorKind::NotFound.into())
                    }
                    e => self.unusable(&e),
                })
            }
            None => Dir::open(&self.root).map_err(|e| match e.kind() {
                io::ErrorKind::NotADirectory => WorkspaceError::NotADirectory(self.root.clone()),
                _ => io_error("open", &self.root, e),
            }),
        }
    }

    /// Writes the starter of every file of `task` that has one and does not exist yet,
    /// creating the workspace and parent directories as needed. Never replaces anything.
    pub fn write_starters(&self, task: &Task) -> Result<Starters, WorkspaceError> {
        let root = self.ensure()?;
        let mut report = Starters::default();
        for file in &task.files {
            let Some(starter) = &file.starter else {
                continue;
            };
            let (dirs, name) = nofollow::split(&file.path);
            let written = root
                .subdir(&dirs, true)
                .map_err(|e| e.to_string())
                .and_then(|dir| {
                    dir.create_new(name, starter.as_bytes())
                        .map_err(|e| e.to_string())
                });
            match written {
                Ok(true) => report.written.push(file.path.clone()),
                Ok(false) => report.kept.push(file.path.clone()),
                Err(why) => report.failed.push((file.path.clone(), why)),
            }
        }
        Ok(report)
    }

    /// Puts the starter back into `file`: the current file (if any) is first moved to
    /// `<name>.bak-<now>` (or `…-1`, `…-2` when taken), whose workspace path is returned.
    pub fn reset_to_starter(
        &self,
        file: &TaskFile,
        now: u64,
    ) -> Result<Option<String>, WorkspaceError> {
        let starter = file
            .starter
            .as_ref()
            .ok_or_else(|| WorkspaceError::NoStarter(file.path.clone()))?;
        let (dirs, name) = nofollow::split(&file.path);
        let dir = self
            .ensure()?
            .subdir(&dirs, true)
            .map_err(|e| self.unusable_file(&file.path, &e))?;
        let path = self.file_path(&file.path);
        let backup = if dir.has(name).map_err(|e| io_error("look at", &path, e))? {
            let moved = dir
                .move_aside(name, "bak", now)
                .map_err(|e| io_error("move aside", &path, e))?;
            Some(join(&dirs, &moved))
        } else {
            None
        };
        match dir.create_new(name, starter.as_bytes()) {
            Ok(true) => Ok(backup),
            // Another program wrote the file between the move and now: theirs stays.
            Ok(false) => Err(WorkspaceError::Unusable {
                path,
                why: "was written again while resetting; nothing replaced".to_owned(),
            }),
            Err(e) => Err(io_error("write", &path, e)),
        }
    }

    /// Creates the directories a task file lives in (not the file), without following
    /// symbolic links, so an editor can save a file that does not exist yet.
    pub fn ensure_parent(&self, rel: &str) -> Result<(), WorkspaceError> {
        let (dirs, _) = nofollow::split(rel);
        self.ensure()?
            .subdir(&dirs, true)
            .map(drop)
            .map_err(|e| self.unusable_file(rel, &e))
    }

    /// What the workspace holds at a task path, as grading needs it.
    pub fn read_file(&self, rel: &str) -> FileState {
        let root = match self.open() {
            Ok(root) => root,
            Err(WorkspaceError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return FileState::Missing;
            }
            Err(e) => return FileState::Unreadable(format!("cannot be read: {e}")),
        };
        let (dirs, name) = nofollow::split(rel);
        let read = root
            .subdir(&dirs, false)
            .and_then(|dir| dir.read_text(name, MAX_TASK_FILE_BYTES));
        match read {
            Ok(text) => FileState::Text(text),
            Err(ReadError::NotFound) => FileState::Missing,
            Err(e) => FileState::Unreadable(e.to_string()),
        }
    }

    /// Every file of `task`, for [`crate::core::task::TaskState::apply_files`].
    pub fn read_files(&self, task: &Task) -> TaskFiles {
        task.files
            .iter()
            .map(|f| (f.path.clone(), self.read_file(&f.path)))
            .collect()
    }

    fn unusable(&self, err: &ReadError) -> WorkspaceError {
        WorkspaceError::Unusable {
            path: self.root.clone(),
            why: err.to_string(),
        }
    }

    fn unusable_file(&self, rel: &str, err: &ReadError) -> WorkspaceError {
        WorkspaceError::Unusable {
            path: self.file_path(rel),
            why: err.to_string(),
        }
    }
}

fn io_error(action: &'static str, path: &Path, source: io::Error) -> WorkspaceError {
    WorkspaceError::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

fn join(dirs: &[&str], name: &str) -> String {
    let mut parts = dirs.to_vec();
    parts.push(name);
    parts.join("/")
}

#[cfg(test)]
mod tests;
