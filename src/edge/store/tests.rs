use std::fs;

use super::*;
use crate::core::course::{NodeId, StepId};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn some_progress(course: &str) -> Progress {
    let mut p = Progress::new(course);
    let node = NodeId::from("intro");
    p.set_position(&node, &StepId::from("two"));
    p.mark_seen(&node, &StepId::from("one"));
    p.record_attempt(&node, &StepId::from("quiz"), Some("wrong".into()));
    p.record_attempt(&node, &StepId::from("quiz"), None);
    p.nodes.entry("intro".into()).or_default().complete = true;
    p
}

#[test]
fn a_missing_file_is_fresh_progress_and_nothing_is_created() {
    let dir = temp();
    let store = Store::open(dir.path(), "course");
    let loaded = store.load();
    assert_eq!(
        loaded,
        Loaded {
            progress: Progress::new("course"),
            notice: None,
            read_only: false
        }
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn save_then_load_round_trips_and_stamps_times() {
    let dir = temp();
    let store = Store::open(dir.path(), "course");
    let saved = store.save(&some_progress("course")).expect("saves");
    assert!(saved.started_at.is_some() && saved.updated_at.is_some());
    assert!(saved.nodes["intro"].completed_at.is_some());
    assert!(saved.nodes["intro"].quizzes["quiz"].passed_at.is_some());
    assert_eq!(
        store.path(),
        dir.path().join("progress").join("course.toml")
    );

    let loaded = Store::open(dir.path(), "course").load();
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.progress, saved);
    assert_eq!(
        files_in(&dir.path().join("progress")),
        ["course.toml", "course.toml.lock"]
    );
}

#[test]
fn saves_merge_with_what_another_player_saved() {
    let dir = temp();
    let (one, two) = (Store::open(dir.path(), "c"), Store::open(dir.path(), "c"));
    let mut a = one.load().progress;
    let mut b = two.load().progress;
    a.nodes.entry("from-a".into()).or_default().complete = true;
    b.nodes.entry("from-b".into()).or_default().complete = true;
    one.save(&a).expect("saves");
    let merged = two.save(&b).expect("saves");
    assert!(merged.nodes["from-a"].complete && merged.nodes["from-b"].complete);
    assert_eq!(one.load().progress, merged);
}

#[test]
fn corrupt_files_are_moved_aside_with_a_notice() {
    let whole = codec::encode(&some_progress("c")).expect("encodes");
    let cases: [(&str, Vec<u8>); 6] = [
        ("empty", Vec::new()),
        ("half", whole.as_bytes()[..whole.len() / 2].to_vec()),
        ("garbage", b"\x89PNG\r\n\x1a\n garbage {{{".to_vec()),
        ("zeros", vec![0; 4096]),
        (
            "wrong shape",
            b"format = 1\ncourse = [1, 2]\n# end of termcourse progress\n".to_vec(),
        ),
        ("bad format", b"format = -3\n".to_vec()),
    ];
    for (name, bytes) in cases {
        let dir = temp();
        let store = Store::open(dir.path(), "c");
        fs::create_dir_all(dir.path().join("progress")).expect("mkdir");
        fs::write(store.path(), &bytes).expect("write");

        let loaded = store.load();
        assert!(!loaded.read_only, "{name}");
        assert_eq!(loaded.progress.nodes.len(), 0, "{name}");
        let notice = loaded.notice.unwrap_or_default();
        assert!(
            notice.starts_with("Progress starts fresh")
                && notice.contains("kept as c.toml.corrupt-"),
            "{name}: {notice}"
        );
        let aside: Vec<String> = files_in(&dir.path().join("progress"))
            .into_iter()
            .filter(|n| n.starts_with("c.toml.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{name}");
        let kept = fs::read(dir.path().join("progress").join(&aside[0])).expect("read");
        assert_eq!(kept, bytes, "{name}: the bad file is kept byte for byte");
        // The session saves normally afterwards.
        store
            .save(&some_progress("c"))
            .expect("saves after recovery");
    }
}

#[test]
fn a_newer_format_is_left_untouched_and_not_saved_over() {
    let dir = temp();
    let store = Store::open(dir.path(), "c");
    fs::create_dir_all(dir.path().join("progress")).expect("mkdir");
    let future = "format = 7\ncourse = \"c\"\n[fancy]\nthing = 1\n";
    fs::write(store.path(), future).expect("write");

    let loaded = store.load();
    assert!(loaded.read_only);
    assert!(
        loaded
            .notice
            .unwrap_or_default()
            .contains("newer termcourse (format 7)")
    );
    assert!(matches!(
        store.save(&some_progress("c")),
        Err(StoreError::ReadOnly)
    ));
    // A store that never loaded also refuses, because the save re-reads the file.
    let other = Store::open(dir.path(), "c");
    assert!(matches!(
        other.save(&some_progress("c")),
        Err(StoreError::NewerFormat { format: 7, .. })
    ));
    assert_eq!(fs::read_to_string(store.path()).expect("read"), future);
}

#[test]
fn format_zero_is_migrated_on_load_and_the_original_kept() {
    let dir = temp();
    let store = Store::open(dir.path(), "c");
    fs::create_dir_all(dir.path().join("progress")).expect("mkdir");
    let old = "course = \"c\"\ncompleted = [\"intro\"]\npassed = [\"intro/quiz\"]\n";
    fs::write(store.path(), old).expect("write");

    let loaded = store.load();
    assert!(!loaded.read_only);
    let notice = loaded.notice.unwrap_or_default();
    assert!(notice.contains("upgraded from format 0 to 2"), "{notice}");
    assert!(loaded.progress.is_complete(&NodeId::from("intro")));
    let names = files_in(&dir.path().join("progress"));
    let copy = names.iter().find(|n| n.starts_with("c.toml.format0-"));
    let copy = copy.expect("original copied aside");
    assert_eq!(
        fs::read_to_string(dir.path().join("progress").join(copy)).expect("read"),
        old
    );
    // The file itself is now in the current format.
    let again = Store::open(dir.path(), "c").load();
    assert_eq!((again.notice, again.progress), (None, loaded.progress));
}

#[test]
fn another_course_file_is_not_overwritten() {
    let dir = temp();
    Store::open(dir.path(), "c")
        .save(&Progress::new("c"))
        .expect("saves");
    let path = dir.path().join("progress").join("c.toml");
    let text = fs::read_to_string(&path)
        .expect("read")
        .replace("\"c\"", "\"other\"");
    fs::write(&path, &text).expect("write");

    let loaded = Store::open(dir.path(), "c").load();
    assert!(loaded.read_only);
    assert!(loaded.notice.unwrap_or_default().contains("\"other\""));
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn an_unreadable_path_is_read_only_not_a_crash() {
    let dir = temp();
    let store = Store::open(dir.path(), "c");
    fs::create_dir_all(store.path()).expect("a directory where the file should be");
    let loaded = store.load();
    assert!(loaded.read_only);
    assert!(loaded.notice.unwrap_or_default().contains("could not read"));
}

#[test]
fn a_lock_held_elsewhere_is_reported_and_only_an_explicit_save_bypasses_it() {
    let dir = temp();
    let store = Store::open(dir.path(), "c").with_lock_timeout(Duration::from_millis(100));
    store
        .save(&Progress::new("c"))
        .expect("first save creates the lock file");
    let held = fs::File::open(dir.path().join("progress").join("c.toml.lock")).expect("open");
    held.lock().expect("lock");
    let started = std::time::Instant::now();
    let busy = store.save(&some_progress("c"));
    assert!(matches!(busy, Err(StoreError::LockBusy { .. })), "{busy:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        !Store::open(dir.path(), "c")
            .load()
            .progress
            .is_complete(&NodeId::from("intro")),
        "nothing written while the lock was busy"
    );
    store
        .save_without_lock(&some_progress("c"))
        .expect("saves without the lock when asked to");
    assert!(
        Store::open(dir.path(), "c")
            .load()
            .progress
            .is_complete(&NodeId::from("intro"))
    );
}

#[test]
fn reset_moves_the_file_aside() {
    let dir = temp();
    let store = Store::open(dir.path(), "c");
    assert_eq!(store.reset().expect("nothing to reset"), None);
    store.save(&some_progress("c")).expect("saves");
    let moved = store.reset().expect("resets").expect("moved");
    assert!(moved.to_string_lossy().contains("c.toml.reset-"));
    assert!(moved.exists());
    assert_eq!(store.load().progress, Progress::new("c"));
}

#[test]
fn a_learner_gets_one_seed_that_survives_saves() {
    let dir = temp();
    let store = Store::open(dir.path(), "course");
    let mut progress = store.load().progress;
    assert!(ensure_seed(&mut progress));
    let seed = progress.seed.expect("a seed");
    assert!(seed < 1 << 53);
    assert!(!ensure_seed(&mut progress), "kept");
    store.save(&progress).expect("saves");
    let mut again = store.load().progress;
    assert!(!ensure_seed(&mut again));
    assert_eq!(again.seed, Some(seed));
    // Another player that made its own seed before the first save does not replace it.
    let mut other = Progress::new("course");
    ensure_seed(&mut other);
    assert_eq!(store.save(&other).expect("saves").seed, Some(seed));
    let seeds: std::collections::HashSet<u64> = (0..20).map(|_| fresh_seed()).collect();
    assert!(seeds.len() > 15, "seeds differ between learners");
}

#[test]
fn format_one_is_migrated_on_load_with_nothing_lost() {
    let dir = temp();
    let store = Store::open(dir.path(), "c");
    fs::create_dir_all(dir.path().join("progress")).expect("mkdir");
    let old = "format = 1\ncourse = \"c\"\nstarted_at = 5\n[position]\nnode = \"intro\"\nstep = \"two\"\n\
               [nodes.intro]\ncomplete = true\n[nodes.intro.quizzes.q]\nattempts = 2\npassed = true\n\
               wrong_answers = [\"1\"]\n# end of termcourse progress\n";
    fs::write(store.path(), old).expect("write");
    let loaded = store.load();
    let notice = loaded.notice.unwrap_or_default();
    assert!(notice.contains("upgraded from format 1 to 2"), "{notice}");
    let quiz = &loaded.progress.nodes["intro"].quizzes["q"];
    assert_eq!((quiz.attempts, quiz.wrong_answers.len()), (2, 1));
    assert!(!quiz.passed_first_try());
    assert_eq!(loaded.progress.started_at, Some(5));
    assert_eq!(
        loaded.progress.position.as_ref().map(|p| p.step.as_str()),
        Some("two")
    );
    let names = files_in(&dir.path().join("progress"));
    let copy = names.iter().find(|n| n.starts_with("c.toml.format1-"));
    let copy = copy.expect("original copied aside");
    assert_eq!(
        fs::read_to_string(dir.path().join("progress").join(copy)).expect("read"),
        old
    );
    let text = fs::read_to_string(store.path()).expect("read");
    assert!(text.contains("format = 2\n"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_progress_file_is_replaced_not_followed() {
    let dir = temp();
    let outside = temp();
    let target = outside.path().join("elsewhere.toml");
    let original = codec::encode(&some_progress("c")).expect("encodes");
    fs::write(&target, &original).expect("write");
    let store = Store::open(dir.path(), "c");
    fs::create_dir_all(dir.path().join("progress")).expect("mkdir");
    std::os::unix::fs::symlink(&target, store.path()).expect("symlink");

    let loaded = store.load();
    assert!(loaded.progress.is_complete(&NodeId::from("intro")));
    store.save(&loaded.progress).expect("saves");
    assert!(
        !fs::symlink_metadata(store.path())
            .expect("the file")
            .file_type()
            .is_symlink(),
        "the link itself was replaced by the save"
    );
    assert_eq!(fs::read_to_string(&target).expect("read"), original);
}

type Make<'a> = &'a dyn Fn(&Path);

/// A file that must not be read as progress (a FIFO, a device, something huge) is set aside
/// like a corrupt one, at once, and the session saves normally.
#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_files_are_set_aside_without_blocking_or_reading_them() {
    let fifo = |path: &Path| {
        let made = std::process::Command::new("mkfifo").arg(path).status();
        assert!(made.expect("mkfifo").success());
    };
    let zero = |path: &Path| std::os::unix::fs::symlink("/dev/zero", path).expect("symlink");
    let huge = |path: &Path| {
        let file = fs::File::create(path).expect("create");
        file.set_len(MAX_PROGRESS_BYTES + 1).expect("grow");
    };
    let cases: [(&str, Make, &str); 3] = [
        ("a FIFO", &fifo, "it is a FIFO, not a regular file"),
        ("/dev/zero", &zero, "it is a character device"),
        ("huge", &huge, "over the 16777216-byte limit"),
    ];
    for (name, make, why) in cases {
        let dir = temp();
        let store = Store::open(dir.path(), "c");
        fs::create_dir_all(dir.path().join("progress")).expect("mkdir");
        make(store.path());
        // On a thread, so that a load blocked in `open` fails the test instead of hanging it.
        let (done, result) = std::sync::mpsc::channel();
        let path = dir.path().to_owned();
        std::thread::spawn(move || {
            let _ = done.send(Store::open(&path, "c").load());
        });
        let loaded = result
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("{name}: loading did not finish in 10 s"));
        assert!(!loaded.read_only, "{name}");
        let notice = loaded.notice.unwrap_or_default();
        assert!(
            notice.contains(why) && notice.contains("kept as c.toml.corrupt-"),
            "{name}: {notice}"
        );
        store.save(&some_progress("c")).expect("saves afterwards");
        assert!(fs::metadata(store.path()).expect("saved").len() < 10_000);
    }
}
