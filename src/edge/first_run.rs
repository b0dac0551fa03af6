//! Whether this is termcourse's first run on this machine (for this data directory): the
//! first-run orientation shows once, and a marker file in the data directory says it was
//! shown. The marker is created without following a symlink and never overwrites anything.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::Path;

/// The marker's name in the data directory.
pub const MARKER: &str = "orientation-shown";

/// Whether the orientation should show now: true when the marker is missing, in which case it
/// is created (so the orientation never shows again, even if this session ends early). Any
/// entry already at the marker's path, whatever it is, counts as shown. When the marker cannot
/// be written (no data directory, read-only disk), the orientation shows; it may show again.
pub fn take_first_run(data_dir: &Path) -> bool {
    let marker = data_dir.join(MARKER);
    if std::fs::symlink_metadata(&marker).is_ok() {
        return false;
    }
    let _ = std::fs::create_dir_all(data_dir);
    // `create_new` fails on any existing entry, a dangling symlink included: nothing is
    // followed or replaced.
    if let Ok(mut file) = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&marker)
    {
        let _ = file.write_all(
            b"termcourse showed its first-run orientation; delete this file to see it again.\n",
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_once_and_never_through_a_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        assert!(take_first_run(&data), "first run");
        assert!(data.join(MARKER).is_file());
        assert!(!take_first_run(&data), "never again");

        let other = tempfile::tempdir().expect("temp dir");
        let target = other.path().join("target");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&target, other.path().join(MARKER)).expect("symlink");
            assert!(
                !take_first_run(other.path()),
                "a link there counts as shown"
            );
            assert!(!target.exists(), "nothing written through the link");
        }
    }
}
