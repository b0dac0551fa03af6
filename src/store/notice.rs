//! The one-line notices the player shows when the store had to do something unusual.

use std::path::Path;

use crate::core::progress::PROGRESS_FORMAT;
use crate::core::progress::codec::DecodeError;
use crate::store::StoreError;

pub fn read_only(err: &StoreError) -> String {
    plain(&format!("Progress is not saved this session: {err}."))
}

pub fn migrated(from: u32, copy: &Path) -> String {
    plain(&format!(
        "Progress file upgraded from format {from} to {PROGRESS_FORMAT}; the original is kept as {}.",
        copy.display()
    ))
}

pub fn corrupt(err: &DecodeError, moved: &Path) -> String {
    plain(&format!(
        "Progress file was unusable ({err}); it was moved to {} and progress starts fresh.",
        moved.display()
    ))
}

pub fn corrupt_stuck(err: &DecodeError, path: &Path, why: &StoreError) -> String {
    plain(&format!(
        "Progress file {} is unusable ({err}) and could not be set aside ({why}); progress is not saved this session.",
        path.display()
    ))
}

/// Paths come from the environment and may hold anything; a notice must stay one inert line.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}
