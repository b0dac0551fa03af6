//! The snapshot directory: what is committed there, how it compares with a fresh rendering,
//! and bringing it up to date.
//!
//! A snapshot is a regular `.txt` file under the directory, named by a `/`-separated relative
//! path ending in `@WxH.txt`. The directory may have been prepared by someone else (it usually
//! comes with a cloned repository), so:
//! - nothing is ever read, written or deleted through a symlink (see `write`), and a symlinked
//!   directory on the way is an error that names it;
//! - an update deletes only files listed in the directory's manifest (`manifest`), which lists
//!   what earlier updates wrote, and only while they are still regular files;
//! - an update refuses a directory holding files termcourse did not write (anything but
//!   snapshots in the manifest, a README or `.gitkeep`) unless forced, and even then never
//!   deletes them.

mod manifest;
mod scan;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

pub use manifest::{MANIFEST, is_snapshot_name};
use scan::{Entry, Scan};
pub use scan::{MAX_ENTRIES, MAX_SNAPSHOT_BYTES};

use crate::core::sanitize::sanitize;
use crate::edge::safe_fs::ReadError;

/// One rendered screen, ready to be compared or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shot {
    /// Relative, `/`-separated, ending in `.txt`.
    pub path: String,
    pub text: String,
}

/// A snapshot whose committed text differs from the fresh rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub path: String,
    pub old: String,
    pub new: String,
}

/// The differences between a rendering and the snapshot directory, each list sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// How many snapshots the rendering produced.
    pub total: usize,
    pub changed: Vec<Changed>,
    /// Rendered but not in the directory.
    pub added: Vec<String>,
    /// In the directory but no longer rendered.
    pub missing: Vec<String>,
}

impl Comparison {
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.missing.is_empty()
    }
}

/// Why the snapshot directory cannot be read or updated. Paths are shown made inert.
#[derive(Debug, Error)]
pub enum DirError {
    #[error(
        "`{0}` is a symlink: snapshot never reads, writes or deletes through a symlinked directory (use a real directory)"
    )]
    SymlinkedDir(String),
    #[error("`{path}` is {kind}, not a directory")]
    NotADirectory { path: String, kind: &'static str },
    #[error(
        "`{dir}` holds {count} {files} not written by termcourse (not listed in its `.termcourse-snapshots` manifest): {list}; refusing to write there\n  \
         help: pass --force to write the snapshots anyway (files termcourse did not write are never deleted), or choose an empty directory{hint}"
    )]
    Foreign {
        dir: String,
        count: usize,
        files: &'static str,
        list: String,
        hint: &'static str,
    },
    #[error("`{0}` is a directory where a snapshot file goes")]
    DirInTheWay(String),
    #[error("`{0}` holds more than {MAX_ENTRIES} entries: it is not a snapshot directory")]
    TooManyEntries(String),
    #[error("two snapshots would be written to `{0}`")]
    Duplicate(String),
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: String,
        #[source]
        source: ReadError,
    },
    #[error("cannot {action} `{path}`: {source}")]
    Io {
        action: &'static str,
        path: String,
        #[source]
        source: io::Error,
    },
}

impl DirError {
    fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        Self::Io {
            action,
            path: shown(path),
            source,
        }
    }
}

/// What the snapshot directory holds now.
#[derive(Debug, Default)]
pub struct Existing {
    scan: Scan,
    /// The committed snapshots (regular files named like snapshots), by relative path.
    pub snapshots: BTreeMap<String, String>,
    /// The paths the manifest lists, if there is one.
    pub manifest: Option<BTreeSet<String>>,
}

/// Reads the snapshot directory (an empty [`Existing`] when it does not exist).
pub fn read_snapshots(dir: &Path) -> Result<Existing, DirError> {
    let scan = Scan::of(dir)?;
    Ok(Existing {
        snapshots: scan.snapshots(),
        manifest: scan.manifest_text().map(manifest::parse),
        scan,
    })
}

/// Compares `shots` with the committed snapshots `existing`.
pub fn compare(shots: &[Shot], existing: &BTreeMap<String, String>) -> Comparison {
    let mut comparison = Comparison {
        total: shots.len(),
        ..Comparison::default()
    };
    let mut rendered = BTreeSet::new();
    for shot in shots {
        rendered.insert(shot.path.as_str());
        match existing.get(&shot.path) {
            None => comparison.added.push(shot.path.clone()),
            Some(old) if *old != shot.text => comparison.changed.push(Changed {
                path: shot.path.clone(),
                old: old.clone(),
                new: shot.text.clone(),
            }),
            Some(_) => {}
        }
    }
    comparison.missing = existing
        .keys()
        .filter(|path| !rendered.contains(path.as_str()))
        .cloned()
        .collect();
    comparison.changed.sort_by(|a, b| a.path.cmp(&b.path));
    comparison.added.sort();
    comparison
}

/// What an update did besides writing: the files it deleted, and those it would have deleted
/// had termcourse written them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Updated {
    pub removed: Vec<String>,
    pub left_alone: Vec<String>,
}

/// Makes `dir` hold `shots`: writes changed and added files, deletes the missing ones the
/// manifest lists (and directories left empty by that), and rewrites the manifest. Unchanged
/// files are not touched. Refuses a directory holding files termcourse did not write unless
/// `force`.
pub fn update(
    dir: &Path,
    shots: &[Shot],
    comparison: &Comparison,
    existing: &Existing,
    force: bool,
) -> Result<Updated, DirError> {
    let listed = existing.manifest.clone().unwrap_or_default();
    let foreign = foreign_entries(existing, &listed);
    if !foreign.is_empty() && !force {
        return Err(foreign_error(dir, existing, &foreign));
    }
    let mut paths = BTreeSet::new();
    for shot in shots {
        if !paths.insert(shot.path.as_str()) {
            return Err(DirError::Duplicate(sanitize(&shot.path).into_owned()));
        }
        check_way(dir, &existing.scan, &shot.path)?;
    }
    std::fs::create_dir_all(dir).map_err(|err| DirError::io("create", dir, err))?;
    // Claim every file about to be written before writing it, so that an update cut short
    // never leaves a file of ours that the next update would take for someone else's.
    let final_list: BTreeSet<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let claimed: BTreeSet<String> = listed
        .iter()
        .filter(|p| existing.snapshots.contains_key(*p))
        .cloned()
        .chain(final_list.iter().cloned())
        .collect();
    write::write_file(dir, MANIFEST, &manifest::render(&claimed))?;
    let to_write: BTreeSet<&str> = comparison
        .changed
        .iter()
        .map(|c| c.path.as_str())
        .chain(comparison.added.iter().map(String::as_str))
        .collect();
    for shot in shots.iter().filter(|s| to_write.contains(s.path.as_str())) {
        write::write_file(dir, &shot.path, &shot.text)?;
    }
    let mut updated = Updated::default();
    for rel in &comparison.missing {
        if listed.contains(rel) && write::remove_file(dir, rel)? {
            updated.removed.push(rel.clone());
        } else {
            updated.left_alone.push(rel.clone());
        }
    }
    if claimed != final_list {
        write::write_file(dir, MANIFEST, &manifest::render(&final_list))?;
    }
    Ok(updated)
}

/// Entries termcourse did not write: anything but directories, tolerated files, the manifest
/// and the snapshots it lists. With their kind, for the error.
fn foreign_entries(existing: &Existing, listed: &BTreeSet<String>) -> Vec<(String, &'static str)> {
    existing
        .scan
        .entries
        .iter()
        .filter_map(|(rel, entry)| match entry {
            Entry::Snapshot(_) if !listed.contains(rel) => Some((rel.clone(), "a snapshot")),
            Entry::Other { kind } => Some((rel.clone(), *kind)),
            _ => None,
        })
        .collect()
}

fn foreign_error(dir: &Path, existing: &Existing, foreign: &[(String, &'static str)]) -> DirError {
    const SHOWN: usize = 5;
    let mut list: Vec<String> = foreign
        .iter()
        .take(SHOWN)
        .map(|(rel, kind)| match *kind {
            "a regular file" | "a snapshot" => format!("`{}`", sanitize(rel)),
            kind => format!("`{}` ({kind})", sanitize(rel)),
        })
        .collect();
    if foreign.len() > SHOWN {
        list.push(format!("and {} more", foreign.len() - SHOWN));
    }
    let legacy = existing.manifest.is_none() && !existing.snapshots.is_empty();
    DirError::Foreign {
        dir: shown(dir),
        count: foreign.len(),
        files: if foreign.len() == 1 { "file" } else { "files" },
        list: list.join(", "),
        hint: if legacy {
            "; snapshots written by a termcourse older than the manifest need --force once"
        } else {
            ""
        },
    }
}

/// Refuses to write `rel` when something on its way is not a real directory (a symlink above
/// all), or when a directory stands where the file goes.
fn check_way(dir: &Path, scan: &Scan, rel: &str) -> Result<(), DirError> {
    let mut prefix = String::new();
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        let last = i + 1 == parts.len();
        match scan.get(&prefix) {
            Some(Entry::Dir) if last => {
                return Err(DirError::DirInTheWay(shown(&join(dir, &prefix))));
            }
            Some(Entry::Other { kind: "a symlink" }) if !last => {
                return Err(DirError::SymlinkedDir(shown(&join(dir, &prefix))));
            }
            Some(Entry::Dir) | None => {}
            Some(Entry::Other { kind }) if !last => {
                return Err(DirError::NotADirectory {
                    path: shown(&join(dir, &prefix)),
                    kind,
                });
            }
            Some(_) if !last => {
                return Err(DirError::NotADirectory {
                    path: shown(&join(dir, &prefix)),
                    kind: "a file",
                });
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// `dir` joined with the `/`-separated relative path `rel`.
fn join(dir: &Path, rel: &str) -> PathBuf {
    rel.split('/')
        .fold(dir.to_path_buf(), |path, part| path.join(part))
}

/// A path as shown in messages: control characters made visible.
fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests;
