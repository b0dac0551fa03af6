//! Writing and deleting under the snapshot directory without ever going through a symlink.
//!
//! A file is written as a temporary file in the directory that will hold it, then renamed over
//! its name: a rename replaces the directory entry itself, so a symlink planted there is
//! replaced, and its target is never opened. Every directory on the way is checked (and created)
//! one component at a time and must be a real directory, not a symlink to one.

use std::fs;
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};

use super::{DirError, join, shown};
use crate::edge::safe_fs::kind_name;

/// Writes `text` as `rel` under `dir`.
pub fn write_file(dir: &Path, rel: &str, text: &str) -> Result<(), DirError> {
    let parent = real_parent(dir, rel, true)?;
    let target = join(dir, rel);
    let mut temp = tempfile::Builder::new()
        .prefix(".termcourse-")
        .suffix(".tmp")
        .tempfile_in(&parent)
        .map_err(|err| DirError::io("create a file in", &parent, err))?;
    temp.write_all(text.as_bytes())
        .map_err(|err| DirError::io("write", temp.path(), err))?;
    temp.persist(&target)
        .map_err(|err| DirError::io("write", &target, err.error))?;
    Ok(())
}

/// Deletes `rel` under `dir` if it is a regular file reached through real directories only,
/// then removes the directories that leaves empty. Returns whether it was deleted.
pub fn remove_file(dir: &Path, rel: &str) -> Result<bool, DirError> {
    let Ok(parent) = real_parent(dir, rel, false) else {
        return Ok(false);
    };
    let target = join(dir, rel);
    match fs::symlink_metadata(&target) {
        Ok(meta) if meta.is_file() => {}
        _ => return Ok(false),
    }
    match fs::remove_file(&target) {
        Ok(()) => {}
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(false),
        Err(err) => return Err(DirError::io("delete", &target, err)),
    }
    remove_empty_dirs(dir, &parent);
    Ok(true)
}

/// The directory that holds `rel` under `dir`, each component checked to be a real directory
/// (and created when missing and `create`).
fn real_parent(dir: &Path, rel: &str, create: bool) -> Result<PathBuf, DirError> {
    let mut current = dir.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        current.push(part);
        let meta = match fs::symlink_metadata(&current) {
            Err(err) if err.kind() == ErrorKind::NotFound && create => {
                match fs::create_dir(&current) {
                    Ok(()) => {}
                    Err(err) if err.kind() == ErrorKind::AlreadyExists => {}
                    Err(err) => return Err(DirError::io("create", &current, err)),
                }
                fs::symlink_metadata(&current)
                    .map_err(|err| DirError::io("inspect", &current, err))?
            }
            Err(err) => return Err(DirError::io("inspect", &current, err)),
            Ok(meta) => meta,
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            return Err(DirError::SymlinkedDir(shown(&current)));
        }
        if !kind.is_dir() {
            return Err(DirError::NotADirectory {
                path: shown(&current),
                kind: kind_name(kind),
            });
        }
    }
    Ok(current)
}

/// Removes `from` and its parents up to (not including) `dir` while they are empty.
fn remove_empty_dirs(dir: &Path, from: &Path) {
    let mut current = Some(from);
    while let Some(path) = current {
        if path == dir || !path.starts_with(dir) || fs::remove_dir(path).is_err() {
            break;
        }
        current = path.parent();
    }
}
