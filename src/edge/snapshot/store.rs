//! The snapshot directory: what is committed there, how it compares with a fresh rendering,
//! and bringing it up to date.
//!
//! A snapshot is a `.txt` file under the directory, named by a `/`-separated relative path.
//! Other files (a README, `.gitkeep`) are left alone and never reported.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;
use std::{fs, path::PathBuf};

/// One rendered screen, ready to be compared or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shot {
    /// Relative, `/`-separated, ending in `.txt`.
    pub path: String,
    pub text: String,
}

/// A snapshot whose committed text differs from the fresh rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub path: String,
    pub old: String,
    pub new: String,
}

/// The differences between a rendering and the snapshot directory, each list sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// How many snapshots the rendering produced.
    pub total: usize,
    pub changed: Vec<Changed>,
    /// Rendered but not in the directory.
    pub added: Vec<String>,
    /// In the directory but no longer rendered.
    pub missing: Vec<String>,
}

impl Comparison {
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.missing.is_empty()
    }
}

/// Every snapshot under `dir` (none when it does not exist), keyed by relative path.
pub fn read_snapshots(dir: &Path) -> io::Result<BTreeMap<String, String>> {
    let mut found = BTreeMap::new();
    if dir.is_dir() {
        collect(dir, "", &mut found)?;
    } else if dir.exists() {
        return Err(io::Error::other(format!(
            "{} exists and is not a directory",
            dir.display()
        )));
    }
    Ok(found)
}

fn collect(dir: &Path, prefix: &str, found: &mut BTreeMap<String, String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect(&entry.path(), &format!("{rel}/"), found)?;
        } else if kind.is_file() && Path::new(&name).extension().is_some_and(|e| e == "txt") {
            let bytes = fs::read(entry.path())?;
            found.insert(rel, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Ok(())
}

/// Compares `shots` with the committed snapshots `existing`.
pub fn compare(shots: &[Shot], existing: &BTreeMap<String, String>) -> Comparison {
    let mut comparison = Comparison {
        total: shots.len(),
        ..Comparison::default()
    };
    let mut rendered = BTreeSet::new();
    for shot in shots {
        rendered.insert(shot.path.as_str());
        match existing.get(&shot.path) {
            None => comparison.added.push(shot.path.clone()),
            Some(old) if *old != shot.text => comparison.changed.push(Changed {
                path: shot.path.clone(),
                old: old.clone(),
                new: shot.text.clone(),
            }),
            Some(_) => {}
        }
    }
    comparison.missing = existing
        .keys()
        .filter(|path| !rendered.contains(path.as_str()))
        .cloned()
        .collect();
    comparison.changed.sort_by(|a, b| a.path.cmp(&b.path));
    comparison.added.sort();
    comparison
}

/// Makes `dir` hold exactly `shots`: writes changed and added files, removes missing ones and
/// any directory left empty by that. Unchanged files are not touched.
pub fn update(dir: &Path, shots: &[Shot], comparison: &Comparison) -> io::Result<()> {
    let to_write: BTreeSet<&str> = comparison
        .changed
        .iter()
        .map(|c| c.path.as_str())
        .chain(comparison.added.iter().map(String::as_str))
        .collect();
    for shot in shots.iter().filter(|s| to_write.contains(s.path.as_str())) {
        let path = file_path(dir, &shot.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &shot.text)?;
    }
    for rel in &comparison.missing {
        let path = file_path(dir, rel);
        fs::remove_file(&path)?;
        remove_empty_parents(dir, &path);
    }
    Ok(())
}

fn file_path(dir: &Path, rel: &str) -> PathBuf {
    rel.split('/')
        .fold(dir.to_path_buf(), |path, part| path.join(part))
}

/// Removes the now-empty directories between `file` and `dir` (never `dir` itself).
fn remove_empty_parents(dir: &Path, file: &Path) {
    let mut current = file.parent();
    while let Some(parent) = current {
        if parent == dir || !parent.starts_with(dir) || fs::remove_dir(parent).is_err() {
            break;
        }
        current = parent.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shot(path: &str, text: &str) -> Shot {
        Shot {
            path: path.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn compare_sorts_out_changed_added_and_missing() {
        let existing = BTreeMap::from([
            ("a/same.txt".to_owned(), "same\n".to_owned()),
            ("a/edit.txt".to_owned(), "old\n".to_owned()),
            ("gone.txt".to_owned(), "x\n".to_owned()),
        ]);
        let shots = [
            shot("new.txt", "n\n"),
            shot("a/same.txt", "same\n"),
            shot("a/edit.txt", "new\n"),
        ];
        let comparison = compare(&shots, &existing);
        assert_eq!(comparison.total, 3);
        assert_eq!(
            comparison.changed,
            vec![Changed {
                path: "a/edit.txt".into(),
                old: "old\n".into(),
                new: "new\n".into()
            }]
        );
        assert_eq!(comparison.added, vec!["new.txt".to_owned()]);
        assert_eq!(comparison.missing, vec!["gone.txt".to_owned()]);
        assert!(!comparison.is_clean());
        assert!(compare(&shots[1..2], &existing).missing.len() == 2);
    }

    #[test]
    fn update_makes_the_directory_match_and_a_second_compare_is_clean() -> io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let dir = tmp.path().join("snaps");
        fs::create_dir_all(dir.join("old/deep"))?;
        fs::write(dir.join("old/deep/stale.txt"), "stale\n")?;
        fs::write(dir.join("keep.txt"), "v1\n")?;
        fs::write(dir.join("README.md"), "not a snapshot\n")?;
        let shots = [shot("keep.txt", "v2\n"), shot("n/s@80x24.txt", "hello\n")];

        let before = compare(&shots, &read_snapshots(&dir)?);
        assert_eq!(before.missing, vec!["old/deep/stale.txt".to_owned()]);
        update(&dir, &shots, &before)?;

        let after = read_snapshots(&dir)?;
        assert!(compare(&shots, &after).is_clean());
        assert_eq!(fs::read_to_string(dir.join("n/s@80x24.txt"))?, "hello\n");
        assert!(!dir.join("old").exists(), "empty directories are pruned");
        assert!(
            dir.join("README.md").exists(),
            "non-snapshots are left alone"
        );
        Ok(())
    }

    #[test]
    fn a_missing_directory_holds_no_snapshots() -> io::Result<()> {
        let tmp = tempfile::tempdir()?;
        assert!(read_snapshots(&tmp.path().join("nope"))?.is_empty());
        let file = tmp.path().join("file");
        fs::write(&file, "")?;
        assert!(read_snapshots(&file).is_err());
        Ok(())
    }
}
