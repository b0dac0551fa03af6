//! What a snapshot directory holds, found without following a single symlink.
//!
//! Every entry is classified from its own directory entry (`lstat`): directories are entered,
//! symlinks never are (whatever they point to), and only regular files named like snapshots
//! are read, without blocking and up to [`MAX_SNAPSHOT_BYTES`].

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::DirError;
use super::manifest::{MANIFEST, is_snapshot_name};
use crate::edge::safe_fs::{Follow, kind_name, read_limited};

/// A snapshot of the largest screen (1000 x 1000 cells) is about 4 MB; anything larger was not
/// written by termcourse.
pub const MAX_SNAPSHOT_BYTES: u64 = 16 * 1024 * 1024;

/// More entries than this and the directory is not a snapshot directory (think `--out ~`).
pub const MAX_ENTRIES: usize = 100_000;

/// All the snapshots of a directory together: the built-in course's 252 take 1.3 MB.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// Files that may sit in a snapshot directory without termcourse having written them.
const TOLERATED: [&str; 6] = [
    "README",
    "README.md",
    "README.txt",
    ".gitkeep",
    ".gitignore",
    ".gitattributes",
];

/// One entry of the directory, by relative `/`-separated path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A regular file named like a snapshot, with its text.
    Snapshot(String),
    /// The manifest, with its text.
    Manifest(String),
    Dir,
    /// A README or `.gitkeep`: neither ours nor in the way.
    Tolerated,
    /// Anything else: another file, a symlink, a FIFO… (`kind` in words).
    Other {
        kind: &'static str,
    },
}

/// Every entry under the directory (none when it does not exist).
#[derive(Debug, Default)]
pub struct Scan {
    pub entries: BTreeMap<String, Entry>,
    /// Bytes of snapshot and manifest text read so far.
    read: u64,
}

impl Scan {
    /// Walks `dir`, which must be a real directory (or not exist).
    pub fn of(dir: &Path) -> Result<Scan, DirError> {
        let mut scan = Scan::default();
        match fs::symlink_metadata(dir) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(scan),
            Err(err) => return Err(DirError::io("inspect", dir, err)),
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(DirError::SymlinkedDir(super::shown(dir)));
            }
            Ok(meta) if !meta.is_dir() => {
                return Err(DirError::NotADirectory {
                    path: super::shown(dir),
                    kind: kind_name(meta.file_type()),
                });
            }
            Ok(_) => {}
        }
        scan.walk(dir, "")?;
        Ok(scan)
    }

    fn walk(&mut self, dir: &Path, prefix: &str) -> Result<(), DirError> {
        let entries = fs::read_dir(dir).map_err(|err| DirError::io("list", dir, err))?;
        for entry in entries {
            let entry = entry.map_err(|err| DirError::io("list", dir, err))?;
            if self.entries.len() >= MAX_ENTRIES {
                return Err(DirError::TooManyEntries(super::shown(dir)));
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!("{prefix}{name}");
            let path = entry.path();
            // `DirEntry::file_type` does not follow symlinks.
            let kind = entry
                .file_type()
                .map_err(|err| DirError::io("inspect", &path, err))?;
            let classified = if kind.is_dir() {
                self.entries.insert(rel.clone(), Entry::Dir);
                self.walk(&path, &format!("{rel}/"))?;
                continue;
            } else if !kind.is_file() {
                Entry::Other {
                    kind: kind_name(kind),
                }
            } else if prefix.is_empty() && name == MANIFEST {
                Entry::Manifest(self.read_text(&path)?)
            } else if is_snapshot_name(&rel) {
                Entry::Snapshot(self.read_text(&path)?)
            } else if prefix.is_empty() && TOLERATED.contains(&name.as_str()) {
                Entry::Tolerated
            } else {
                Entry::Other {
                    kind: "a regular file",
                }
            };
            self.entries.insert(rel, classified);
        }
        Ok(())
    }

    /// The committed snapshots, by relative path.
    pub fn snapshots(&self) -> BTreeMap<String, String> {
        self.entries
            .iter()
            .filter_map(|(rel, entry)| match entry {
                Entry::Snapshot(text) => Some((rel.clone(), text.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn manifest_text(&self) -> Option<&str> {
        match self.entries.get(MANIFEST) {
            Some(Entry::Manifest(text)) => Some(text),
            _ => None,
        }
    }

    pub fn get(&self, rel: &str) -> Option<&Entry> {
        self.entries.get(rel)
    }
}

impl Scan {
    /// The text of one file, counted against [`MAX_TOTAL_BYTES`].
    fn read_text(&mut self, path: &Path) -> Result<String, DirError> {
        let left = MAX_TOTAL_BYTES.saturating_sub(self.read);
        let limit = MAX_SNAPSHOT_BYTES.min(left);
        let bytes = read_limited(path, limit, Follow::Never).map_err(|source| DirError::Read {
            path: super::shown(path),
            source,
        })?;
        self.read += bytes.len() as u64;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}
