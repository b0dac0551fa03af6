//! The Unix implementation: `openat` with `O_NOFOLLOW`, one component at a time.

use std::fs::File;
use std::io::{self, Read as _, Write as _};
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;

use rustix::fs::{AtFlags, FileType, Mode, OFlags};
use rustix::io::Errno;

use super::{ReadError, bytes_to_text};

/// An open directory; names below it are resolved without following symbolic links.
#[derive(Debug)]
pub struct Dir {
    fd: OwnedFd,
}

const DIR_FLAGS: OFlags = OFlags::RDONLY
    .union(OFlags::DIRECTORY)
    .union(OFlags::CLOEXEC)
    .union(OFlags::NOCTTY);

impl Dir {
    /// Opens `path` itself (symbolic links in it are followed: it is the caller's choice).
    pub fn open(path: &Path) -> io::Result<Dir> {
        let fd = rustix::fs::open(path, DIR_FLAGS, Mode::empty())?;
        Ok(Dir { fd })
    }

    /// The directory below this one at `parts` (each a single name), created as needed when
    /// `create`. A component that is a symbolic link gives [`ReadError::Symlink`].
    pub fn subdir(&self, parts: &[&str], create: bool) -> Result<Dir, ReadError> {
        let mut current = self.fd.try_clone().map_err(ReadError::Io)?;
        for part in parts {
            let open = |fd: &OwnedFd| {
                rustix::fs::openat(fd, *part, DIR_FLAGS | OFlags::NOFOLLOW, Mode::empty())
            };
            let next = match open(&current) {
                Err(Errno::NOENT) if create => {
                    match rustix::fs::mkdirat(&current, *part, Mode::from_raw_mode(0o777)) {
                        Ok(()) | Err(Errno::EXIST) => open(&current),
                        Err(e) => Err(e),
                    }
                }
                other => other,
            };
            current = next.map_err(|e| classify(&current, part, e))?;
        }
        Ok(Dir { fd: current })
    }

    /// Reads the regular file `name` as UTF-8 text of at most `limit` bytes.
    pub fn read_text(&self, name: &str, limit: u64) -> Result<String, ReadError> {
        let flags =
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY;
        let fd = rustix::fs::openat(&self.fd, name, flags, Mode::empty())
            .map_err(|e| classify(&self.fd, name, e))?;
        let stat = rustix::fs::fstat(&fd).map_err(|e| ReadError::Io(e.into()))?;
        let kind = FileType::from_raw_mode(stat.st_mode);
        if kind != FileType::RegularFile {
            return Err(ReadError::NotRegular(kind_name(kind)));
        }
        if u64::try_from(stat.st_size).unwrap_or(u64::MAX) > limit {
            return Err(ReadError::TooLarge { limit });
        }
        let mut bytes = Vec::new();
        File::from(fd)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge { limit });
        }
        bytes_to_text(bytes)
    }

    /// Whether anything (a file, a directory, a symbolic link…) is at `name`.
    pub fn has(&self, name: &str) -> io::Result<bool> {
        match rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(_) => Ok(true),
            Err(Errno::NOENT) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Creates the file `name` with `contents`; never replaces anything. Returns false, having
    /// written nothing, when something is already at `name`.
    pub fn create_new(&self, name: &str, contents: &[u8]) -> io::Result<bool> {
        let flags = OFlags::WRONLY
            | OFlags::CREATE
            | OFlags::EXCL
            | OFlags::NOFOLLOW
            | OFlags::CLOEXEC
            | OFlags::NOCTTY;
        let fd = match rustix::fs::openat(&self.fd, name, flags, Mode::from_raw_mode(0o666)) {
            Ok(fd) => fd,
            Err(Errno::EXIST) => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        let mut file = File::from(fd);
        let written = file.write_all(contents).and_then(|()| file.sync_all());
        if let Err(e) = written {
            // Ours, and half-written: do not leave it for the learner to find.
            let _ = rustix::fs::unlinkat(&self.fd, name, AtFlags::empty());
            return Err(e);
        }
        Ok(true)
    }

    /// Moves `name` to `<name>.<tag>-<now>` (adding `-1`, `-2`… when taken) and returns the
    /// new name. Never replaces anything; a symbolic link is moved, not followed.
    pub fn move_aside(&self, name: &str, tag: &str, now: u64) -> io::Result<String> {
        for n in 0..1000_u32 {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let target = format!("{name}.{tag}-{now}{suffix}");
            match rustix::fs::linkat(&self.fd, name, &self.fd, &target, AtFlags::empty()) {
                Ok(()) => {
                    rustix::fs::unlinkat(&self.fd, name, AtFlags::empty())?;
                    return Ok(target);
                }
                Err(Errno::EXIST) => {}
                Err(Errno::NOENT) => return Err(Errno::NOENT.into()),
                // No hard links here (some filesystems; directories): rename once the name is
                // known to be free.
                Err(_) if self.has(&target)? => {}
                Err(_) => {
                    rustix::fs::renameat(&self.fd, name, &self.fd, &target)?;
                    return Ok(target);
                }
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("too many {name}.{tag}-{now} files"),
        ))
    }
}

/// Turns `ELOOP` (and the `ENOTDIR` a symlink to a non-directory gives under `O_DIRECTORY`)
/// into [`ReadError::Symlink`] when a symbolic link is indeed there.
fn classify(dir: &impl AsFd, name: &str, err: Errno) -> ReadError {
    let is_link = || {
        rustix::fs::statat(dir, name, AtFlags::SYMLINK_NOFOLLOW)
            .is_ok_and(|s| FileType::from_raw_mode(s.st_mode) == FileType::Symlink)
    };
    match err {
        Errno::NOENT => ReadError::NotFound,
        Errno::LOOP | Errno::MLINK | Errno::NOTDIR if is_link() => ReadError::Symlink,
        Errno::NOTDIR => ReadError::NotRegular("is below a file, not a directory"),
        Errno::ISDIR => ReadError::NotRegular("is a directory"),
        Errno::NXIO => ReadError::NotRegular("is a socket or a device"),
        other => ReadError::Io(other.into()),
    }
}

fn kind_name(kind: FileType) -> &'static str {
    match kind {
        FileType::Directory => "is a directory",
        FileType::Fifo => "is a named pipe (FIFO)",
        FileType::Socket => "is a socket",
        FileType::CharacterDevice | FileType::BlockDevice => "is a device",
        _ => "is not a regular file",
    }
}
