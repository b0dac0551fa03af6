//! The fallback where `openat` is not available: the same checks with `symlink_metadata`
//! before each step. A symlink swapped in between a check and its use is not caught here.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Read as _, Write as _};
use std::path::{Path, PathBuf};

use super::{ReadError, bytes_to_text};

/// A directory; names below it are resolved without following symbolic links.
#[derive(Debug)]
pub struct Dir {
    path: PathBuf,
}

impl Dir {
    /// Opens `path` itself (symbolic links in it are followed: it is the caller's choice).
    pub fn open(path: &Path) -> io::Result<Dir> {
        if fs::metadata(path)?.is_dir() {
            Ok(Dir {
                path: path.to_owned(),
            })
        } else {
            Err(io::Error::new(ErrorKind::NotADirectory, "not a directory"))
        }
    }

    pub fn subdir(&self, parts: &[&str], create: bool) -> Result<Dir, ReadError> {
        let mut path = self.path.clone();
        for part in parts {
            path.push(part);
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => return Err(ReadError::Symlink),
                Ok(m) if m.is_dir() => {}
                Ok(_) => return Err(ReadError::NotRegular("is below a file, not a directory")),
                Err(e) if e.kind() == ErrorKind::NotFound && create => {
                    fs::create_dir(&path).map_err(ReadError::Io)?;
                }
                Err(e) if e.kind() == ErrorKind::NotFound => return Err(ReadError::NotFound),
                Err(e) => return Err(ReadError::Io(e)),
            }
        }
        Ok(Dir { path })
    }

    pub fn read_text(&self, name: &str, limit: u64) -> Result<String, ReadError> {
        let path = self.path.join(name);
        let meta = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == ErrorKind::NotFound => return Err(ReadError::NotFound),
            Err(e) => return Err(ReadError::Io(e)),
        };
        if meta.file_type().is_symlink() {
            return Err(ReadError::Symlink);
        }
        if meta.is_dir() {
            return Err(ReadError::NotRegular("is a directory"));
        }
        if !meta.is_file() {
            return Err(ReadError::NotRegular("is not a regular file"));
        }
        if meta.len() > limit {
            return Err(ReadError::TooLarge { limit });
        }
        let mut bytes = Vec::new();
        File::open(&path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(ReadError::Io)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge { limit });
        }
        bytes_to_text(bytes)
    }

    pub fn has(&self, name: &str) -> io::Result<bool> {
        match fs::symlink_metadata(self.path.join(name)) {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn create_new(&self, name: &str, contents: &[u8]) -> io::Result<bool> {
        let path = self.path.join(name);
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => return Ok(false),
            Err(e) => return Err(e),
        };
        if let Err(e) = file.write_all(contents).and_then(|()| file.sync_all()) {
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        Ok(true)
    }

    pub fn move_aside(&self, name: &str, tag: &str, now: u64) -> io::Result<String> {
        for n in 0..1000_u32 {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let target = format!("{name}.{tag}-{now}{suffix}");
            if !self.has(&target)? {
                fs::rename(self.path.join(name), self.path.join(&target))?;
                return Ok(target);
            }
        }
        Err(io::Error::new(
            ErrorKind::AlreadyExists,
            format!("too many {name}.{tag}-{now} files"),
        ))
    }
}
