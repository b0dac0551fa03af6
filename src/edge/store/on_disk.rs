//! Reading the progress file and classifying what is there.
//!
//! The file is opened without blocking and must be a regular file of at most
//! [`MAX_PROGRESS_BYTES`]: a FIFO, a device (say, a symlink to `/dev/zero`) or a huge file is
//! unusable like a corrupt one, and is set aside the same way rather than waited on or read to
//! the end. A symlink to a regular file is read (the next save replaces the link itself, never
//! its target).

use std::path::Path;

use crate::core::progress::Progress;
use crate::core::progress::codec::{self, Decoded};
use crate::edge::safe_fs::{Follow, ReadError, read_limited};
use crate::edge::store::{MAX_PROGRESS_BYTES, StoreError, io_error};

/// A file's contents as far as the store is concerned.
pub enum OnDisk {
    Missing,
    Current(Progress),
    /// An older format, already converted; `bytes` is the original, to keep a copy of.
    Older {
        from: u32,
        progress: Progress,
        bytes: Vec<u8>,
    },
    Newer(u32),
    /// Not a progress file this build can use (why, in words): set it aside.
    Corrupt(String),
}

/// Reads `path`. Only a file that cannot be read at all is an error.
pub fn read(path: &Path) -> Result<OnDisk, StoreError> {
    let bytes = match read_limited(path, MAX_PROGRESS_BYTES, Follow::Symlinks) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => return Ok(OnDisk::Missing),
        // A directory may hold anything: leave it where it is, and do not save.
        Err(ReadError::NotRegular("a directory")) => {
            let err = std::io::Error::other("it is a directory");
            return Err(io_error("read", path, err));
        }
        Err(err @ (ReadError::NotRegular(_) | ReadError::TooLarge { .. })) => {
            return Ok(OnDisk::Corrupt(err.to_string()));
        }
        Err(ReadError::Io(err)) => return Err(io_error("read", path, err)),
        Err(err @ ReadError::Symlink) => {
            return Err(io_error(
                "read",
                path,
                std::io::Error::other(err.to_string()),
            ));
        }
    };
    Ok(match codec::decode(&bytes) {
        Ok(Decoded::Current(progress)) => OnDisk::Current(progress),
        Ok(Decoded::Migrated { from, progress }) => OnDisk::Older {
            from,
            progress,
            bytes,
        },
        Ok(Decoded::Newer { format }) => OnDisk::Newer(format),
        Err(err) => OnDisk::Corrupt(err.to_string()),
    })
}
