//! Crash safety of the progress store: a process saving in a loop is killed with SIGKILL at
//! random moments, and the file it leaves must always be whole and hold a state it saved.
//!
//! The saving process is this very test binary, started again with [`SAVER_DIR_ENV`] set: the
//! test function then plays the child's part (saving until killed) instead of the parent's.
//! That keeps the child's code next to the assertions about it, with no extra binary or
//! product subcommand.
//!
//! The kill delays come from a seeded generator: the seed is printed, and
//! `TERMCOURSE_CRASH_SEED=<seed>` replays the same delays (the moments they land on still
//! depend on the machine).

#![cfg(unix)]

mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use support::{ChildGuard, Rng, respawn_self};
use termcourse::core::course::{NodeId, StepId};
use termcourse::core::progress::Progress;
use termcourse::edge::store::Store;

const SAVER_DIR_ENV: &str = "TERMCOURSE_TEST_SAVER_DIR";
/// Replays the kill delays of a printed seed.
const SEED_ENV: &str = "TERMCOURSE_CRASH_SEED";
const COURSE: &str = "crash-course";
const KILLS: usize = 200;
/// Kills land uniformly in this window after the child's first save.
const KILL_WINDOW_MICROS: u64 = 15_000;

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    if let Some(dir) = std::env::var_os(SAVER_DIR_ENV) {
        save_until_killed(Path::new(&dir));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Rng::from_env_or_clock(SEED_ENV);
    let seed = rng.seed();
    eprintln!("kill delays from seed {seed} (replay with {SEED_ENV}={seed})");
    let started = Instant::now();
    let mut last = 0;
    for round in 0..KILLS {
        let mut child = respawn_self("a_save_killed_at_any_moment_leaves_a_whole_file")
            .env(SAVER_DIR_ENV, dir.path())
            .stdout(Stdio::piped())
            .spawn()
            .map(ChildGuard)
            .expect("start the saving child");
        wait_until_ready(&mut child);
        std::thread::sleep(Duration::from_micros(rng.below(KILL_WINDOW_MICROS)));
        child.kill_now();

        let saved = steps_saved(dir.path())
            .unwrap_or_else(|why| panic!("round {round} (seed {seed}): {why}"));
        assert!(
            saved >= last,
            "round {round} (seed {seed}): went back from {last} to {saved}"
        );
        last = saved;
    }
    let names = support::file_names(&dir.path().join("progress"));
    assert!(
        !names.iter().any(|n| n.contains(".corrupt-")),
        "nothing was ever set aside: {names:?}"
    );
    assert!(
        last > KILLS,
        "the child saved only {last} times in {KILLS} runs"
    );
    // Each temporary file left behind is a kill that landed in the middle of writing one.
    let torn = names
        .iter()
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
        .count();
    eprintln!(
        "{KILLS} kills ({torn} mid-write), {last} saves, {:.1?} (seed {seed})",
        started.elapsed()
    );
}

/// The delays are a function of the seed, so a printed seed replays them.
#[test]
fn the_kill_delays_are_replayed_from_the_seed() {
    let delays = |seed| {
        let mut rng = Rng::from_seed(seed);
        (0..KILLS)
            .map(|_| rng.below(KILL_WINDOW_MICROS))
            .collect::<Vec<_>>()
    };
    assert_eq!(delays(42), delays(42));
    assert_ne!(delays(42), delays(43));
    assert_eq!(support::seed_or_clock(Some("0x2a")), 42);
    assert_eq!(support::seed_or_clock(Some(" 42 ")), 42);
    assert_ne!(support::seed_or_clock(None), 42);
}

/// The child's part: resume from the file and save one more seen step at a time, forever.
fn save_until_killed(dir: &Path) -> ! {
    let store = Store::open(dir, COURSE);
    let loaded = store.load();
    if loaded.notice.is_some() || loaded.read_only {
        // The parent sees the child die without announcing itself, and fails.
        std::process::abort();
    }
    let mut progress = loaded.progress;
    let node = NodeId::from("node");
    let mut announced = false;
    for i in progress.nodes.get("node").map_or(0, |n| n.seen.len()).. {
        let step = StepId::new(format!("s{i:07}"));
        progress.mark_seen(&node, &step);
        progress.set_position(&node, &step);
        match store.save(&progress) {
            Ok(saved) => progress = saved,
            Err(_) => std::process::abort(),
        }
        if !announced {
            announced = true;
            let mut out = std::io::stdout();
            let _ = writeln!(out, "ready");
            let _ = out.flush();
        }
    }
    unreachable!("the step counter does not run out before the parent kills us")
}

fn wait_until_ready(child: &mut ChildGuard) {
    let stdout = child.0.stdout.take().expect("piped stdout");
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line == "ready");
    assert!(ready, "the saving child exited before its first save");
}

/// How many steps the file records, after checking it holds exactly a state the child saved:
/// steps `s0..sN` seen with none missing, and the position on the last of them.
fn steps_saved(dir: &Path) -> Result<usize, String> {
    let loaded = Store::open(dir, COURSE).load();
    if let Some(notice) = loaded.notice {
        return Err(format!("the file was not whole: {notice}"));
    }
    let progress: Progress = loaded.progress;
    let seen: BTreeSet<String> = progress
        .nodes
        .get("node")
        .map(|n| n.seen.clone())
        .unwrap_or_default();
    let expected: BTreeSet<String> = (0..seen.len()).map(|i| format!("s{i:07}")).collect();
    if seen != expected {
        return Err(format!("seen steps are not a saved state: {seen:?}"));
    }
    let position = progress.position.map(|p| p.step);
    if position != seen.last().cloned() {
        return Err(format!(
            "position {position:?} does not match {:?}",
            seen.last()
        ));
    }
    Ok(seen.len())
}
