//! An advisory lock that serialises "re-read, merge, write" between players on one course.
//!
//! It lives in a separate `<name>.lock` file, because the progress file itself is replaced by
//! a rename on every save and a lock on the old inode would protect nothing. The lock file is
//! never deleted: deleting it would let two processes lock two different files.
//!
//! It is opened without following a symlink and without blocking, and only a regular file is
//! used: a symlink planted in its place could otherwise make every save create (or open) a
//! file anywhere, and a FIFO could hang the save.

use std::fs::{File, TryLockError};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

/// How long a save waits for another player's save before reporting the lock busy.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(2);

const RETRY_EVERY: Duration = Duration::from_millis(5);

/// The lock, if a save got it; dropping it releases the lock.
///
/// Not holding it means either that locking is unsupported here (some network filesystems) or
/// failed, and then a save goes ahead without it rather than never save: the write is still
/// atomic, but a save racing it may replace the file without this save's newest records (until
/// this player saves again, which merges them back in); or that another process held it past
/// the timeout ([`Lock::timed_out`]), which the store reports instead of writing.
#[derive(Debug)]
pub struct Lock {
    file: Option<File>,
    timed_out: bool,
}

impl Lock {
    pub fn is_held(&self) -> bool {
        self.file.is_some()
    }

    /// Another process held the lock for the whole wait.
    pub fn timed_out(&self) -> bool {
        self.timed_out
    }
}

/// Takes the lock at `path`, waiting at most `timeout`. Never blocks longer than that and never
/// fails: a lock that cannot be had is a [`Lock`] that is not held.
pub fn acquire(path: &Path, timeout: Duration) -> Lock {
    let Ok(file) = crate::edge::safe_fs::open_or_create_regular(path) else {
        return Lock {
            file: None,
            timed_out: false,
        };
    };
    let deadline = Instant::now() + timeout;
    loop {
        match file.try_lock() {
            Ok(()) => {
                return Lock {
                    file: Some(file),
                    timed_out: false,
                };
            }
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                thread::sleep(RETRY_EVERY.min(deadline.saturating_duration_since(Instant::now())));
            }
            Err(TryLockError::WouldBlock) => {
                return Lock {
                    file: None,
                    timed_out: true,
                };
            }
            // Unsupported, or another error.
            Err(TryLockError::Error(_)) => {
                return Lock {
                    file: None,
                    timed_out: false,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_times_out_instead_of_hanging() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.toml.lock");
        let first = acquire(&path, Duration::ZERO);
        assert!(first.is_held());
        let started = Instant::now();
        let second = acquire(&path, Duration::from_millis(50));
        assert!(!second.is_held() && second.timed_out());
        assert!(started.elapsed() < Duration::from_secs(2));
        drop(first);
        assert!(acquire(&path, Duration::ZERO).is_held());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_or_special_lock_file_is_not_used_and_nothing_is_created_through_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outside = tempfile::tempdir().expect("temp dir");
        let target = outside.path().join("created-through-the-link");
        let path = dir.path().join("p.toml.lock");
        std::os::unix::fs::symlink(&target, &path).expect("symlink");
        assert!(!acquire(&path, Duration::ZERO).is_held());
        assert!(!target.exists(), "the lock followed the symlink");

        let fifo = dir.path().join("q.toml.lock");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.expect("mkfifo").success());
        let started = Instant::now();
        assert!(!acquire(&fifo, Duration::ZERO).is_held());
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn an_impossible_lock_path_is_not_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing-dir").join("p.lock");
        let lock = acquire(&path, Duration::ZERO);
        assert!(!lock.is_held() && !lock.timed_out());
    }
}
