//! The progress store: one file per course, `<data dir>/progress/<course id>.toml`.
//!
//! Guarantees, in order of importance:
//! - A save replaces the file atomically and durably (`durable::replace`), so a crash or
//!   `kill -9` at any moment leaves either the previous or the new progress, never a mix.
//! - A file this build cannot use is never overwritten: a corrupt one (or a FIFO, a device, a
//!   file over [`MAX_PROGRESS_BYTES`]) is moved aside to `<name>.corrupt-<unix seconds>`, one from a newer format is left alone and the session runs
//!   without saving, an older one is copied to `<name>.format<N>-<unix seconds>` and migrated.
//! - Two players on one course do not lose each other's records: each save takes an exclusive
//!   lock, re-reads the file, merges ([`crate::core::progress::merge`]) and writes. When another
//!   process holds the lock past the store's timeout, the save is not made and says so
//!   ([`StoreError::LockBusy`]); the caller retries (the player's save writer does) or, knowing
//!   the risk, saves without it ([`Store::save_without_lock`]). Where locking is unsupported
//!   (some network filesystems) saves go ahead without it (see `lock::Lock`).
//!
//! The format itself is in [`crate::core::progress::codec`] and `docs/progress-format.md`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use thiserror::Error;

use on_disk::OnDisk;

use crate::core::progress::codec;
use crate::core::progress::{Progress, merge};

pub(crate) mod durable;
pub(crate) mod file_name;
mod lock;
mod notice;
mod on_disk;

pub use lock::DEFAULT_TIMEOUT as DEFAULT_LOCK_TIMEOUT;

/// Progress files larger than this are not read (and are set aside like a corrupt file): a
/// learner's record of a large course is a few tens of kilobytes.
pub const MAX_PROGRESS_BYTES: u64 = 16 * 1024 * 1024;

/// Overrides the data directory; every test points it at a temporary directory.
pub const DATA_DIR_ENV: &str = "TERMCOURSE_DATA_DIR";

/// Where termcourse keeps its data: `$TERMCOURSE_DATA_DIR` if set and not empty, else the
/// platform's data directory (`~/.local/share` on Linux) followed by `termcourse`.
pub fn data_dir() -> Result<PathBuf, StoreError> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => dirs::data_dir()
            .map(|d| d.join("termcourse"))
            .ok_or(StoreError::NoDataDir),
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("no data directory found: set {DATA_DIR_ENV} or HOME")]
    NoDataDir,
    #[error("progress is not being saved this session (see the notice shown at start)")]
    ReadOnly,
    #[error("{} was written by a newer termcourse (format {format}); leaving it untouched", path.display())]
    NewerFormat { path: PathBuf, format: u32 },
    #[error("{} holds progress for course {found:?}, not {expected:?}; leaving it untouched", path.display())]
    ForeignCourse {
        path: PathBuf,
        found: String,
        expected: String,
    },
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("could not write progress as TOML: {0}")]
    Encode(#[from] toml::ser::Error),
    #[error("another termcourse is saving this course's progress (its lock was held for {} ms)", waited.as_millis())]
    LockBusy { waited: Duration },
}

/// What [`Store::load`] found, ready for the player.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub progress: Progress,
    /// One line for the learner when something unusual happened (file set aside, migrated,
    /// newer format, unreadable).
    pub notice: Option<String>,
    /// When true the session must not save; [`Store::save`] refuses from now on.
    pub read_only: bool,
}

/// What a save wrote, and what it had to move out of the way first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The merged progress now on disk; the player should continue from it.
    pub progress: Progress,
    /// One line for the learner when the save set a file aside.
    pub notice: Option<String>,
}

/// The progress file of one course.
#[derive(Debug)]
pub struct Store {
    course_id: String,
    path: PathBuf,
    lock_path: PathBuf,
    lock_timeout: Duration,
    read_only: AtomicBool,
}

impl Store {
    /// The store for `course_id` under `data_dir`. Touches nothing on disk.
    pub fn open(data_dir: &Path, course_id: &str) -> Store {
        let name = format!("{}.toml", file_name::stem(course_id));
        let path = data_dir.join("progress").join(&name);
        Store {
            course_id: course_id.to_owned(),
            lock_path: path.with_file_name(format!("{name}.lock")),
            path,
            lock_timeout: lock::DEFAULT_TIMEOUT,
            read_only: AtomicBool::new(false),
        }
    }

    /// How long a save waits for another player's save before giving up with
    /// [`StoreError::LockBusy`].
    #[must_use]
    pub fn with_lock_timeout(mut self, timeout: Duration) -> Store {
        self.lock_timeout = timeout;
        self
    }

    /// The progress file (which may not exist yet).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn course_id(&self) -> &str {
        &self.course_id
    }

    /// Reads the progress. Never fails: a missing file is fresh progress; a corrupt one is
    /// moved aside; an older format is migrated (the original copied aside); a newer format,
    /// another course's file or an unreadable file makes the session read-only. Each unusual
    /// case comes with a one-line notice.
    pub fn load(&self) -> Loaded {
        let loaded = self.load_checked();
        if loaded.read_only {
            self.read_only.store(true, Ordering::Relaxed);
        }
        loaded
    }

    fn load_checked(&self) -> Loaded {
        let fresh = || Progress::new(&self.course_id);
        let repaired = match on_disk::read(&self.path) {
            Ok(OnDisk::Missing) => return Self::loaded(fresh(), None),
            Ok(OnDisk::Current(progress)) => match self.check_course(progress) {
                Ok(progress) => return Self::loaded(progress, None),
                Err(err) => return self.read_only_loaded(&err),
            },
            Ok(OnDisk::Newer(format)) => {
                let path = self.path.clone();
                return self.read_only_loaded(&StoreError::NewerFormat { path, format });
            }
            Err(err) => return self.read_only_loaded(&err),
            // Rewrite under the lock: the save sets the old file aside first.
            Ok(OnDisk::Older { progress, .. }) => self.save_with_notice(&progress),
            Ok(OnDisk::Corrupt(decode_err)) => {
                return match self.save_with_notice(&fresh()) {
                    Ok(saved) => Self::loaded(saved.progress, saved.notice),
                    Err(err) => Loaded {
                        progress: fresh(),
                        notice: Some(notice::corrupt_stuck(&decode_err, &self.path, &err)),
                        read_only: true,
                    },
                };
            }
        };
        match repaired {
            Ok(saved) => Self::loaded(saved.progress, saved.notice),
            Err(err) => self.read_only_loaded(&err),
        }
    }

    fn loaded(progress: Progress, notice: Option<String>) -> Loaded {
        Loaded {
            progress,
            notice,
            read_only: false,
        }
    }

    fn read_only_loaded(&self, err: &StoreError) -> Loaded {
        Loaded {
            progress: Progress::new(&self.course_id),
            notice: Some(notice::read_only(err)),
            read_only: true,
        }
    }

    /// Saves `progress` merged with whatever is on disk and returns the merged value.
    pub fn save(&self, progress: &Progress) -> Result<Progress, StoreError> {
        self.save_with_notice(progress).map(|saved| saved.progress)
    }

    /// [`Store::save`], also reporting a file it had to set aside (corrupt, or an older format).
    pub fn save_with_notice(&self, progress: &Progress) -> Result<Saved, StoreError> {
        self.save_locked(progress, true)
    }

    /// Saves even when another process holds the lock past the timeout: for a player that is
    /// leaving and cannot wait. The write is atomic; a save racing it may miss this one's newest
    /// records (see `lock::Lock`).
    pub fn save_without_lock(&self, progress: &Progress) -> Result<Saved, StoreError> {
        self.save_locked(progress, false)
    }

    fn save_locked(&self, progress: &Progress, need_lock: bool) -> Result<Saved, StoreError> {
        if self.read_only.load(Ordering::Relaxed) {
            return Err(StoreError::ReadOnly);
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
        // Without the need to lock, the lock is still taken if it is free, but not waited for.
        let wait = if need_lock {
            self.lock_timeout
        } else {
            Duration::ZERO
        };
        let lock = lock::acquire(&self.lock_path, wait);
        if need_lock && lock.timed_out() {
            return Err(StoreError::LockBusy {
                waited: self.lock_timeout,
            });
        }
        let now = unix_now();
        let (stored, notice) = self.make_room(now)?;
        let mut merged = stored.map_or_else(|| progress.clone(), |s| merge(&s, progress));
        merged.course.clone_from(&self.course_id);
        merged.stamp(now);
        let text = codec::encode(&merged)?;
        durable::replace(&self.path, text.as_bytes())
            .map_err(|e| io_error("write", &self.path, e))?;
        if lock.is_held() {
            durable::remove_stale_temps(&self.path);
        }
        Ok(Saved {
            progress: merged,
            notice,
        })
    }

    /// What is on disk to merge with, after setting aside a file in the way (corrupt, or an
    /// older format, which is copied). Call it holding the lock.
    fn make_room(&self, now: u64) -> Result<(Option<Progress>, Option<String>), StoreError> {
        Ok(match on_disk::read(&self.path)? {
            OnDisk::Missing => (None, None),
            OnDisk::Current(stored) => (Some(self.check_course(stored)?), None),
            OnDisk::Older {
                from,
                progress: stored,
                bytes,
            } => {
                let stored = self.check_course(stored)?;
                let copy = durable::copy_aside(&self.path, &bytes, &format!("format{from}"), now)
                    .map_err(|e| io_error("keep a copy of", &self.path, e))?;
                (Some(stored), Some(notice::migrated(from, &copy)))
            }
            OnDisk::Newer(format) => {
                let path = self.path.clone();
                return Err(StoreError::NewerFormat { path, format });
            }
            OnDisk::Corrupt(err) => {
                let moved = durable::move_aside(&self.path, "corrupt", now)
                    .map_err(|e| io_error("move aside", &self.path, e))?;
                (None, Some(notice::corrupt(&err, &moved)))
            }
        })
    }

    /// Starts over: moves the progress file aside to `<name>.reset-<unix seconds>` (nothing is
    /// deleted) and returns where it went, or `None` when there was no file.
    pub fn reset(&self) -> Result<Option<PathBuf>, StoreError> {
        // The entry itself, not what a symlink there points to.
        if fs::symlink_metadata(&self.path).is_err() {
            return Ok(None);
        }
        let _lock = lock::acquire(&self.lock_path, self.lock_timeout);
        match durable::move_aside(&self.path, "reset", unix_now()) {
            Ok(moved) => Ok(Some(moved)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error("move aside", &self.path, e)),
        }
    }

    fn check_course(&self, progress: Progress) -> Result<Progress, StoreError> {
        if progress.course == self.course_id {
            Ok(progress)
        } else {
            Err(StoreError::ForeignCourse {
                path: self.path.clone(),
                found: progress.course,
                expected: self.course_id.clone(),
            })
        }
    }
}

fn io_error(action: &'static str, path: &Path, source: io::Error) -> StoreError {
    StoreError::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

/// Gives `progress` a learner seed (for `core::shuffle`) if it has none; returns whether it did.
/// Call it on the progress a player starts with: the seed is then saved with the first save,
/// and a seed already stored (by this player or another) wins when saves merge.
pub fn ensure_seed(progress: &mut Progress) -> bool {
    if progress.seed.is_some() {
        return false;
    }
    progress.seed = Some(fresh_seed());
    true
}

/// A random seed: std's hasher keys come from the operating system's random source, and each
/// `RandomState` differs. Masked to 53 bits so it is exact as a TOML integer and in JSON.
pub fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.finish() & ((1 << 53) - 1)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;
