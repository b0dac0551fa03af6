//! The save writer against a real store in a temporary data directory, with the progress lock
//! held by "another process" (a second open file description) where a test needs it busy.

use std::fs;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::*;
use crate::core::course::{NodeId, StepId};

/// Progress that has seen steps `0..n` of node `intro`.
fn seen(n: usize) -> Progress {
    let mut p = Progress::new("c");
    let node = NodeId::from("intro");
    for i in 0..n {
        p.mark_seen(&node, &StepId::new(format!("s{i}")));
    }
    p.set_position(&node, &StepId::new(format!("s{}", n.saturating_sub(1))));
    p
}

fn seen_on_disk(dir: &std::path::Path) -> usize {
    let loaded = Store::open(dir, "c").load();
    loaded
        .progress
        .node(&NodeId::from("intro"))
        .map_or(0, |n| n.seen.len())
}

/// A writer on a fresh data directory; its reports arrive on the receiver.
fn writer() -> (tempfile::TempDir, SaveWriter, Receiver<SaveOutcome>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (tx, rx) = mpsc::channel();
    let writer = SaveWriter::spawn(Store::open(dir.path(), "c"), move |outcome| {
        let _ = tx.send(outcome);
    })
    .expect("writer thread");
    (dir, writer, rx)
}

/// Holds the store's lock, as another player saving would.
fn hold_lock(dir: &std::path::Path) -> fs::File {
    let progress = dir.join("progress");
    fs::create_dir_all(&progress).expect("progress dir");
    let lock = fs::File::create(progress.join("c.toml.lock")).expect("lock file");
    lock.lock().expect("lock");
    lock
}

fn next(rx: &Receiver<SaveOutcome>) -> SaveOutcome {
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the writer reports")
}

#[test]
fn saves_are_made_off_the_caller_and_reported() {
    let (dir, writer, rx) = writer();
    let started = Instant::now();
    writer.save(seen(1));
    assert!(
        started.elapsed() < Duration::from_millis(20),
        "save only queues"
    );
    match next(&rx) {
        SaveOutcome::Saved { progress, notice } => {
            assert_eq!(progress.course, "c");
            assert_eq!(notice, None);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(seen_on_disk(dir.path()), 1);
    assert_eq!(writer.finish(), Final::Saved);
}

#[test]
fn a_busy_lock_is_reported_once_a_burst_is_saved_once_and_the_retry_gets_through() {
    let (dir, writer, rx) = writer();
    let lock = hold_lock(dir.path());
    writer.save(seen(1));
    assert_eq!(next(&rx), SaveOutcome::Busy);
    // While the lock is busy, a burst of saves queues up; each holds the whole progress.
    for n in 2..=40 {
        writer.save(seen(n));
    }
    std::thread::sleep(RETRY_EVERY * 2);
    assert!(
        rx.try_recv().is_err(),
        "busy is reported once, nothing saved"
    );
    assert_eq!(
        seen_on_disk(dir.path()),
        0,
        "nothing written behind the lock"
    );
    drop(lock);
    match next(&rx) {
        SaveOutcome::Saved { progress, .. } => {
            assert_eq!(
                progress.node(&NodeId::from("intro")).map(|n| n.seen.len()),
                Some(40)
            );
        }
        other => panic!("{other:?}"),
    }
    std::thread::sleep(RETRY_EVERY);
    assert!(rx.try_recv().is_err(), "the burst was saved as one");
    assert_eq!(seen_on_disk(dir.path()), 40);
    assert_eq!(writer.finish(), Final::Saved);
}

#[test]
fn finishing_saves_what_is_pending_even_behind_a_held_lock_and_says_so_quickly() {
    let (dir, writer, rx) = writer();
    writer.save(seen(3));
    let started = Instant::now();
    assert_eq!(writer.finish(), Final::Saved, "the last save is not lost");
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(seen_on_disk(dir.path()), 3);
    assert!(matches!(next(&rx), SaveOutcome::Saved { .. }));

    let (dir, writer, _rx) = self::writer();
    let lock = hold_lock(dir.path());
    writer.save(seen(5));
    let started = Instant::now();
    let last = writer.finish();
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "quitting is not held up by the lock: {:?}",
        started.elapsed()
    );
    assert!(matches!(last, Final::SavedWithoutLock(_)), "{last:?}");
    drop(lock);
    assert_eq!(seen_on_disk(dir.path()), 5);
}

#[test]
fn a_read_only_store_reports_failure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path(), "c");
    fs::create_dir_all(store.path()).expect("a directory where the file should be");
    assert!(store.load().read_only);
    let (tx, rx) = mpsc::channel();
    let writer = SaveWriter::spawn(store, move |o| {
        let _ = tx.send(o);
    })
    .expect("writer thread");
    writer.save(seen(1));
    assert!(matches!(next(&rx), SaveOutcome::Failed(why) if why.contains("not being saved")));
    assert_eq!(writer.finish(), Final::Saved, "nothing left pending");
}
