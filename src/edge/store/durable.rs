//! Filesystem operations that never leave a half-written or silently replaced file: atomic,
//! durable replacement, and moving or copying a file aside under a name nothing else uses.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Temporary files older than this were left by a process killed mid-save and are removed.
const STALE_TEMP_AGE: Duration = Duration::from_secs(10 * 60);

/// Replaces `path` with `contents` so that, after a crash at any moment, the file holds either
/// the old or the new contents in full: write a temporary file in the same directory, fsync it,
/// rename it over `path`, then fsync the directory so the rename itself is on disk.
pub fn replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    let (dir, name) = split(path)?;
    let prefix = temp_prefix(name);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Removes temporary files a killed save left next to `path`. Only call it while holding the
/// lock, so no live save's temporary file can be taken; the age check guards saves made
/// without the lock.
pub fn remove_stale_temps(path: &Path) {
    let Ok((dir, name)) = split(path) else {
        return;
    };
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let is_ours = file_name.starts_with(&prefix) && file_name.ends_with(".tmp");
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok());
        if is_ours && age.is_some_and(|a| a > STALE_TEMP_AGE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves `path` to `<name>.<tag>-<now>` (adding `-1`, `-2`… if taken) and returns the new path.
/// An existing file is never overwritten.
pub fn move_aside(path: &Path, tag: &str, now: u64) -> io::Result<PathBuf> {
    let target = claim_sibling(path, tag, now, |target| match fs::hard_link(path, target) {
        Ok(()) => fs::remove_file(path),
        Err(e) if matches!(e.kind(), ErrorKind::AlreadyExists | ErrorKind::NotFound) => Err(e),
        // No hard links on this filesystem: rename instead, once sure the name is free.
        Err(_) if target.exists() => Err(ErrorKind::AlreadyExists.into()),
        Err(_) => fs::rename(path, target),
    })?;
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(target)
}

/// Writes a copy of `contents` to `<name>.<tag>-<now>` (or a free variant) and returns its path.
pub fn copy_aside(path: &Path, contents: &[u8], tag: &str, now: u64) -> io::Result<PathBuf> {
    claim_sibling(path, tag, now, |target| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(target)?;
        file.write_all(contents)?;
        file.sync_all()
    })
}

/// Calls `create` with `<name>.<tag>-<now>[-n]` until it succeeds or fails with something other
/// than "already exists".
fn claim_sibling(
    path: &Path,
    tag: &str,
    now: u64,
    create: impl Fn(&Path) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let (_, name) = split(path)?;
    for n in 0..1000_u32 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let target = path.with_file_name(format!("{name}.{tag}-{now}{suffix}"));
        match create(&target) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        ErrorKind::AlreadyExists,
        format!("too many {name}.{tag}-{now} files"),
    ))
}

fn split(path: &Path) -> io::Result<(&Path, &str)> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "not a file path"))?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Ok((dir, name))
}

fn temp_prefix(name: &str) -> String {
    format!(".{name}.")
}

/// Makes a rename or creation in `dir` durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Windows cannot open a directory as a file; its rename (`MoveFileEx`) is flushed with the
/// file's metadata instead.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_writes_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.toml");
        replace(&path, b"one").expect("first write");
        replace(&path, b"two").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn moving_aside_never_overwrites() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.toml");
        let mut moved = Vec::new();
        for content in ["first", "second", "third"] {
            fs::write(&path, content).expect("write");
            moved.push(move_aside(&path, "corrupt", 7).expect("moved"));
            assert!(!path.exists());
        }
        let names: Vec<String> = moved
            .iter()
            .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
            .collect();
        assert_eq!(
            names,
            [
                "p.toml.corrupt-7",
                "p.toml.corrupt-7-1",
                "p.toml.corrupt-7-2"
            ]
        );
        assert_eq!(fs::read_to_string(&moved[0]).expect("read"), "first");
        assert_eq!(fs::read_to_string(&moved[2]).expect("read"), "third");
        assert_eq!(
            move_aside(&path, "corrupt", 7).map_err(|e| e.kind()),
            Err(ErrorKind::NotFound)
        );
    }

    #[test]
    fn copies_aside_keep_the_original() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.toml");
        fs::write(&path, "old").expect("write");
        let copy = copy_aside(&path, b"old", "format0", 3).expect("copied");
        let again = copy_aside(&path, b"old", "format0", 3).expect("copied");
        assert_ne!(copy, again);
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(fs::read_to_string(&copy).expect("read"), "old");
    }
}
