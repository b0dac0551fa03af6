//! The one-line notices the player shows when the store had to do something unusual. The
//! player has one terminal line for them, so the news comes first and files are named without
//! their directory (`termcourse progress path` prints it).

use std::path::Path;

use crate::core::progress::PROGRESS_FORMAT;
use crate::edge::store::StoreError;

pub fn read_only(err: &StoreError) -> String {
    let why = match err {
        StoreError::NewerFormat { format, .. } => format!(
            "the file was written by a newer termcourse (format {format}) and is left untouched"
        ),
        StoreError::ForeignCourse { found, .. } => {
            format!("the file holds progress for course {found:?} and is left untouched")
        }
        other => other.to_string(),
    };
    plain(&format!("Not saving progress this session: {why}."))
}

pub fn migrated(from: u32, copy: &Path) -> String {
    plain(&format!(
        "Progress file upgraded from format {from} to {PROGRESS_FORMAT}; the original was kept as {}.",
        file_name(copy)
    ))
}

pub fn corrupt(err: &str, moved: &Path) -> String {
    plain(&format!(
        "Progress starts fresh: the saved file was unusable and was kept as {} ({err}).",
        file_name(moved)
    ))
}

pub fn corrupt_stuck(err: &str, path: &Path, why: &StoreError) -> String {
    plain(&format!(
        "Not saving progress this session: {} is unusable ({err}) and could not be set aside ({why}).",
        file_name(path)
    ))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Paths come from the environment and may hold anything; a notice must stay one inert line.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}
