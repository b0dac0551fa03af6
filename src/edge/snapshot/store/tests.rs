use std::fs;

use super::*;

fn shot(path: &str, text: &str) -> Shot {
    Shot {
        path: path.to_owned(),
        text: text.to_owned(),
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = Scan::of(dir)
        .map(|scan| scan.entries.into_keys().collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Compares `shots` with `dir` and updates it, as `snapshot --update` does.
fn run_update(dir: &Path, shots: &[Shot], force: bool) -> Result<Updated, DirError> {
    let existing = read_snapshots(dir)?;
    let comparison = compare(shots, &existing.snapshots);
    update(dir, shots, &comparison, &existing, force)
}

#[test]
fn compare_sorts_out_changed_added_and_missing() {
    let existing = BTreeMap::from([
        ("a/same@1x1.txt".to_owned(), "same\n".to_owned()),
        ("a/edit@1x1.txt".to_owned(), "old\n".to_owned()),
        ("gone@1x1.txt".to_owned(), "x\n".to_owned()),
    ]);
    let shots = [
        shot("new@1x1.txt", "n\n"),
        shot("a/same@1x1.txt", "same\n"),
        shot("a/edit@1x1.txt", "new\n"),
    ];
    let comparison = compare(&shots, &existing);
    assert_eq!(comparison.total, 3);
    assert_eq!(
        comparison.changed,
        vec![Changed {
            path: "a/edit@1x1.txt".into(),
            old: "old\n".into(),
            new: "new\n".into()
        }]
    );
    assert_eq!(comparison.added, vec!["new@1x1.txt".to_owned()]);
    assert_eq!(comparison.missing, vec!["gone@1x1.txt".to_owned()]);
    assert!(!comparison.is_clean());
    assert!(compare(&shots[1..2], &existing).missing.len() == 2);
}

#[test]
fn updates_make_the_directory_match_and_delete_only_what_they_wrote() -> Result<(), DirError> {
    let tmp = tempfile::tempdir().map_err(|e| DirError::io("create", Path::new("tmp"), e))?;
    let dir = tmp.path().join("snaps");
    let first = [
        shot("keep@1x1.txt", "v1\n"),
        shot("old/deep/stale@1x1.txt", "stale\n"),
    ];
    assert_eq!(run_update(&dir, &first, false)?, Updated::default());
    fs::write(dir.join("README.md"), "not a snapshot\n").expect("write");
    let second = [
        shot("keep@1x1.txt", "v2\n"),
        shot("n/s@80x24.txt", "hello\n"),
    ];
    let updated = run_update(&dir, &second, false)?;
    assert_eq!(updated.removed, ["old/deep/stale@1x1.txt"]);
    assert!(updated.left_alone.is_empty());

    let after = read_snapshots(&dir)?;
    assert!(compare(&second, &after.snapshots).is_clean());
    assert_eq!(
        after.manifest,
        Some(["keep@1x1.txt".to_owned(), "n/s@80x24.txt".to_owned()].into())
    );
    assert_eq!(
        fs::read_to_string(dir.join("n/s@80x24.txt")).expect("read"),
        "hello\n"
    );
    assert!(!dir.join("old").exists(), "empty directories are pruned");
    assert!(dir.join("README.md").exists(), "a README is left alone");
    let leftovers: Vec<String> = names_in(&dir)
        .into_iter()
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    Ok(())
}

#[test]
fn a_directory_of_other_files_is_refused_and_never_deleted_from() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    // What `--out .` or `--out ~` would find: anything but snapshots.
    fs::create_dir_all(dir.join("src")).expect("mkdir");
    fs::write(dir.join("src/main.rs"), "fn main() {}\n").expect("write");
    fs::write(dir.join("notes.txt"), "mine\n").expect("write");
    fs::write(dir.join("old@80x24.txt"), "an older snapshot\n").expect("write");
    let shots = [shot("matrix@80x24.txt", "m\n")];

    let err = run_update(dir, &shots, false).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("holds 3 files not written by termcourse")
            && message.contains("`notes.txt`")
            && message.contains("--force"),
        "{message}"
    );
    assert!(!dir.join("matrix@80x24.txt").exists(), "nothing written");

    // Forced: the snapshot is written, and nothing of theirs is deleted, not even a file
    // named like a snapshot that is no longer rendered.
    let updated = run_update(dir, &shots, true).expect("forced");
    assert_eq!(updated.left_alone, ["old@80x24.txt"]);
    assert!(updated.removed.is_empty());
    for kept in ["src/main.rs", "notes.txt", "old@80x24.txt"] {
        assert!(dir.join(kept).exists(), "{kept} was deleted");
    }
    assert!(dir.join("matrix@80x24.txt").exists());
}

#[test]
fn a_manifest_cannot_point_outside_the_directory() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("snaps");
    fs::create_dir_all(&dir).expect("mkdir");
    let victim = tmp.path().join("victim@80x24.txt");
    fs::write(&victim, "precious\n").expect("write");
    fs::write(
        dir.join(MANIFEST),
        "../victim@80x24.txt\n/abs@80x24.txt\nlisted@80x24.txt\n",
    )
    .expect("write");
    fs::write(dir.join("listed@80x24.txt"), "ours\n").expect("write");
    let updated = run_update(&dir, &[shot("new@80x24.txt", "n\n")], false).expect("updates");
    assert_eq!(updated.removed, ["listed@80x24.txt"]);
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious\n");
}

#[test]
fn a_missing_directory_holds_no_snapshots_and_a_file_is_not_a_directory() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let missing = read_snapshots(&tmp.path().join("nope")).expect("reads");
    assert!(missing.snapshots.is_empty() && missing.manifest.is_none());
    let file = tmp.path().join("file");
    fs::write(&file, "").expect("write");
    let err = read_snapshots(&file).expect_err("a file");
    assert!(
        err.to_string()
            .contains("is a regular file, not a directory"),
        "{err}"
    );
}

#[cfg(unix)]
mod links {
    use std::os::unix::fs::symlink;

    use super::*;

    #[test]
    fn a_symlink_in_the_directory_is_replaced_never_written_through() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("snaps");
        let target = tmp.path().join("bashrc");
        fs::write(&target, "precious\n").expect("write");
        let shots = [shot("n/s@80x24.txt", "first line chosen by the course\n")];
        run_update(&dir, &shots, false).expect("first update");
        // Someone replaces our snapshot with a link to a file of the user's.
        fs::remove_file(dir.join("n/s@80x24.txt")).expect("remove");
        symlink(&target, dir.join("n/s@80x24.txt")).expect("symlink");

        let changed = [shot("n/s@80x24.txt", "changed\n")];
        let err = run_update(&dir, &changed, false).expect_err("a link is not ours");
        assert!(err.to_string().contains("(a symlink)"), "{err}");
        run_update(&dir, &changed, true).expect("forced");
        assert_eq!(fs::read_to_string(&target).expect("read"), "precious\n");
        let entry = fs::symlink_metadata(dir.join("n/s@80x24.txt")).expect("entry");
        assert!(entry.is_file(), "the link itself was replaced by a file");
    }

    #[test]
    fn a_symlinked_directory_is_an_error_naming_it() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("snaps");
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(&dir).expect("mkdir");
        fs::create_dir_all(&elsewhere).expect("mkdir");
        symlink(&elsewhere, dir.join("n")).expect("symlink");
        let shots = [shot("n/s@80x24.txt", "x\n")];
        for force in [false, true] {
            let err = run_update(&dir, &shots, force).expect_err("refused");
            let message = err.to_string();
            if force {
                assert!(
                    message.contains("/snaps/n` is a symlink: snapshot never"),
                    "{message}"
                );
            }
        }
        assert!(
            names_in(&elsewhere).is_empty(),
            "nothing written through the link"
        );

        // The directory itself may not be a link either.
        let linked = tmp.path().join("linked");
        symlink(&elsewhere, &linked).expect("symlink");
        let err = run_update(&linked, &shots, true).expect_err("refused");
        assert!(err.to_string().contains("linked` is a symlink"), "{err}");
        assert!(names_in(&elsewhere).is_empty());
    }

    #[test]
    fn a_listed_file_that_became_a_link_is_not_deleted_or_followed() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("snaps");
        let target = tmp.path().join("target@80x24.txt");
        fs::write(&target, "precious\n").expect("write");
        run_update(&dir, &[shot("a@80x24.txt", "a\n")], false).expect("first");
        fs::remove_file(dir.join("a@80x24.txt")).expect("remove");
        symlink(&target, dir.join("a@80x24.txt")).expect("symlink");
        let updated = run_update(&dir, &[shot("b@80x24.txt", "b\n")], true).expect("forced");
        assert!(updated.removed.is_empty(), "{updated:?}");
        assert!(fs::symlink_metadata(dir.join("a@80x24.txt")).is_ok());
        assert_eq!(fs::read_to_string(&target).expect("read"), "precious\n");
    }

    #[test]
    fn fifos_in_the_directory_are_never_opened() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("snaps");
        fs::create_dir_all(&dir).expect("mkdir");
        let fifo = dir.join("a@80x24.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.expect("mkfifo").success());
        let existing = read_snapshots(&dir).expect("reads without blocking");
        assert!(existing.snapshots.is_empty());
        let err = run_update(&dir, &[shot("a@80x24.txt", "a\n")], false).expect_err("foreign");
        assert!(err.to_string().contains("(a FIFO)"), "{err}");
    }
}
