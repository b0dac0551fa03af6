//! Reading the progress file and classifying what is there.

use std::fs;
use std::io;
use std::path::Path;

use crate::core::progress::Progress;
use crate::core::progress::codec::{self, DecodeError, Decoded};
use crate::edge::store::{StoreError, io_error};

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
    Corrupt(DecodeError),
}

/// Reads `path`. Only a file that cannot be read at all is an error.
pub fn read(path: &Path) -> Result<OnDisk, StoreError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
        Err(e) => return Err(io_error("read", path, e)),
    };
    Ok(match codec::decode(&bytes) {
        Ok(Decoded::Current(progress)) => OnDisk::Current(progress),
        Ok(Decoded::Migrated { from, progress }) => OnDisk::Older {
            from,
            progress,
            bytes,
        },
        Ok(Decoded::Newer { format }) => OnDisk::Newer(format),
        Err(err) => OnDisk::Corrupt(err),
    })
}
