//! File access below a directory that never follows a symbolic link and never opens a FIFO or
//! a device by accident: for the learner's workspace, where termcourse writes starters and
//! reads files that anything else may have put there, and for the trust store.
//!
//! On Unix every path below the directory is walked one component at a time with `openat`
//! and `O_NOFOLLOW` (a symlink anywhere is refused, not resolved), files are opened
//! `O_NONBLOCK` and checked with `fstat` before reading, and new files are created with
//! `O_CREAT | O_EXCL`, which never replaces anything. Elsewhere the same checks are made with
//! `symlink_metadata` first, which is the best the standard library offers.

use std::fmt;
use std::io;
use std::path::Path;

#[cfg(unix)]
#[path = "nofollow/unix.rs"]
mod imp;

#[cfg(not(unix))]
#[path = "nofollow/portable.rs"]
mod imp;

pub use imp::Dir;

/// Why a file below a directory could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// The file, or a directory on the way to it, is a symbolic link.
    Symlink,
    /// Something other than a regular file (a directory, a FIFO, a device, a socket); the
    /// text completes a sentence that starts with the file's name: "is a directory".
    NotRegular(&'static str),
    TooLarge {
        limit: u64,
    },
    NotUtf8,
    Io(io::Error),
}

impl fmt::Display for ReadError {
    /// Completes a sentence that starts with the file's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound => f.write_str("does not exist"),
            Self::Symlink => {
                f.write_str("is (or is inside) a symbolic link, which termcourse does not follow")
            }
            Self::NotRegular(what) => f.write_str(what),
            Self::TooLarge { limit } if limit % (1024 * 1024) == 0 => {
                write!(f, "is over {} MiB", limit / (1024 * 1024))
            }
            Self::TooLarge { limit } => write!(f, "is over {} KiB", limit / 1024),
            Self::NotUtf8 => f.write_str("is not UTF-8 text"),
            Self::Io(err) => write!(f, "cannot be read: {err}"),
        }
    }
}

/// Reads the regular file at `path` as UTF-8 text of at most `limit` bytes, without following
/// a symbolic link at its last component (the directories above it are trusted).
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(ReadError::NotFound)?;
    let dir = match Dir::open(dir) {
        Ok(dir) => dir,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(ReadError::NotFound),
        Err(e) => return Err(ReadError::Io(e)),
    };
    dir.read_text(name, limit)
}

/// Splits a workspace-relative path (`/`-separated, already validated) into its directories
/// and its file name.
pub fn split(rel: &str) -> (Vec<&str>, &str) {
    let mut parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    let name = parts.pop().unwrap_or_default();
    (parts, name)
}

fn bytes_to_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

#[cfg(test)]
mod tests;
