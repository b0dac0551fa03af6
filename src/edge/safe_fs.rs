//! Opening files that someone else may have prepared: a course, a snapshot folder, a data
//! directory.
//!
//! - Nothing blocks in `open`: files are opened with `O_NONBLOCK`, so a FIFO or a terminal device
//!   in place of a course or progress file cannot hang the process; anything that is not a
//!   regular file is then refused by its type (taken from the open file, not from the path).
//! - A symlink is followed only where the caller asks for it (`O_NOFOLLOW` otherwise).
//! - No more than a limit is ever read, whatever size the file claims (`/proc` files claim 0,
//!   a file can grow while it is read).
//!
//! On platforms without these flags, the type is checked on the path before opening instead.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

use thiserror::Error;

/// Why a file was not read.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("file not found")]
    NotFound,
    #[error("it is a symlink, and symlinks are not followed here")]
    Symlink,
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("file is over the {limit}-byte limit")]
    TooLarge { limit: u64 },
    #[error("{0}")]
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::NotFound {
            Self::NotFound
        } else {
            Self::Io(err)
        }
    }
}

/// Whether the last component of a path may be a symlink to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    Symlinks,
    Never,
}

/// Opens `path` for reading without blocking, and only if it is a regular file.
pub fn open_regular(path: &Path, follow: Follow) -> Result<File, ReadError> {
    precheck(path, follow)?;
    let mut options = OpenOptions::new();
    options.read(true);
    no_block(&mut options, follow);
    let file = options
        .open(path)
        .map_err(|err| open_error(path, follow, err))?;
    regular(file)
}

/// The bytes of the regular file at `path`, at most `limit` of them: a longer file is an error
/// even when its metadata says otherwise.
pub fn read_limited(path: &Path, limit: u64, follow: Follow) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path, follow)?;
    let claimed = file.metadata().map_or(0, |m| m.len());
    let capacity = usize::try_from(claimed.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opens (creating it if needed) the file at `path` for writing, never through a symlink and
/// never blocking; refuses anything but a regular file. For lock files, whose content is never
/// written.
pub fn open_or_create_regular(path: &Path) -> Result<File, ReadError> {
    precheck(path, Follow::Never).or_else(|err| match err {
        ReadError::NotFound => Ok(()),
        other => Err(other),
    })?;
    let mut options = OpenOptions::new();
    options.create(true).write(true).truncate(false);
    no_block(&mut options, Follow::Never);
    let file = options
        .open(path)
        .map_err(|err| open_error(path, Follow::Never, err))?;
    regular(file)
}

/// The open file, if it is a regular one (its type is taken from the file, not the path).
fn regular(file: File) -> Result<File, ReadError> {
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(ReadError::NotRegular(kind_name(kind)))
    }
}

/// What a failed open means: `O_NOFOLLOW` fails with `ELOOP` (`EMLINK` on some BSDs) on a
/// symlink, and a FIFO opened for writing with no reader fails with `ENXIO`; both are named
/// for what they are.
fn open_error(path: &Path, follow: Follow, err: io::Error) -> ReadError {
    match fs::symlink_metadata(path).map(|m| m.file_type()) {
        Ok(kind) if kind.is_symlink() && follow == Follow::Never => ReadError::Symlink,
        Ok(kind) if !kind.is_file() && !kind.is_symlink() => ReadError::NotRegular(kind_name(kind)),
        _ => ReadError::from(err),
    }
}

/// What a directory entry is, in words: `a FIFO`, `a directory`, `a symlink`…
pub fn kind_name(kind: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symlink"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// `O_NONBLOCK`, and `O_NOFOLLOW` unless following: their values differ between platforms and
/// architectures, so they come from rustix.
#[cfg(unix)]
fn no_block(options: &mut OpenOptions, follow: Follow) {
    use rustix::fs::OFlags;
    use std::os::unix::fs::OpenOptionsExt as _;
    let flags = match follow {
        Follow::Symlinks => OFlags::NONBLOCK,
        Follow::Never => OFlags::NONBLOCK | OFlags::NOFOLLOW,
    };
    // The flags are small positive values: the conversion never fails.
    options.custom_flags(i32::try_from(flags.bits()).unwrap_or_default());
}

#[cfg(not(unix))]
fn no_block(_options: &mut OpenOptions, _follow: Follow) {}

/// Where `open` itself cannot be told not to block or follow, the path is checked first.
#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // the same signature as the non-Unix check
fn precheck(_path: &Path, _follow: Follow) -> Result<(), ReadError> {
    Ok(())
}

#[cfg(not(unix))]
fn precheck(path: &Path, follow: Follow) -> Result<(), ReadError> {
    let meta = match follow {
        Follow::Never => fs::symlink_metadata(path)?,
        Follow::Symlinks => fs::metadata(path)?,
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        Err(ReadError::Symlink)
    } else if kind.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular(kind_name(kind)))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::process::Command;
    use std::time::{Duration, Instant};

    use super::*;

    fn mkfifo(path: &Path) {
        let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(made.success());
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("node.toml");
        mkfifo(&fifo);
        let started = Instant::now();
        for follow in [Follow::Symlinks, Follow::Never] {
            let err = read_limited(&fifo, 100, follow).expect_err("a FIFO");
            assert!(matches!(err, ReadError::NotRegular("a FIFO")), "{err}");
        }
        let lock = open_or_create_regular(&fifo).expect_err("a FIFO");
        assert!(matches!(lock, ReadError::NotRegular("a FIFO")), "{lock}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn symlinks_are_followed_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("target");
        fs::write(&target, "hello").expect("write");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert_eq!(
            read_limited(&link, 100, Follow::Symlinks).expect("followed"),
            b"hello"
        );
        let err = read_limited(&link, 100, Follow::Never).expect_err("not followed");
        assert!(matches!(err, ReadError::Symlink), "{err}");
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("symlink");
        let err = open_or_create_regular(&dangling).expect_err("not followed");
        assert!(matches!(err, ReadError::Symlink), "{err}");
        assert!(
            !dir.path().join("nowhere").exists(),
            "no file made through it"
        );
    }

    #[test]
    fn devices_are_refused_and_reads_stop_at_the_limit() {
        let err = read_limited(Path::new("/dev/zero"), 100, Follow::Symlinks).expect_err("device");
        assert!(
            matches!(err, ReadError::NotRegular("a character device")),
            "{err}"
        );
        // /proc files say they are empty; the limit holds anyway.
        let status = Path::new("/proc/self/status");
        if status.exists() {
            let claimed = fs::metadata(status).map_or(1, |m| m.len());
            assert_eq!(claimed, 0);
            let err = read_limited(status, 10, Follow::Symlinks).expect_err("too large");
            assert!(matches!(err, ReadError::TooLarge { limit: 10 }), "{err}");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("f");
        fs::write(&file, "0123456789").expect("write");
        assert_eq!(
            read_limited(&file, 10, Follow::Never).expect("fits").len(),
            10
        );
        assert!(read_limited(&file, 9, Follow::Never).is_err());
        assert!(matches!(
            read_limited(&dir.path().join("none"), 9, Follow::Never),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_limited(dir.path(), 9, Follow::Never),
            Err(ReadError::NotRegular("a directory"))
        ));
    }
}
