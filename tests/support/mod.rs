//! Helpers shared by the integration tests that run several processes; the tmux harness of
//! the real-terminal tests is in [`tmux`].

#![allow(dead_code, reason = "each test file uses a different subset")]

pub mod tmux;

use std::path::Path;
use std::process::{Child, Command};
use std::time::{SystemTime, UNIX_EPOCH};

/// A command that runs `test` of the current test binary on its own, printing its output, so
/// the test function can play a child process's part (chosen by an environment variable).
pub fn respawn_self(test: &str) -> Command {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut command = Command::new(exe);
    command.args([
        test,
        "--exact",
        "--nocapture",
        "--test-threads=1",
        "--quiet",
    ]);
    command
}

/// Kills and reaps the child when dropped, so a failing test leaves no process behind.
pub struct ChildGuard(pub Child);

impl ChildGuard {
    /// SIGKILL on Unix: the child gets no chance to finish what it was doing.
    pub fn kill_now(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            self.kill_now();
        }
    }
}

/// xorshift64*: enough randomness for kill timings and fuzz cases, reproducible from the
/// printed seed.
pub struct Rng {
    seed: u64,
    state: u64,
}

impl Rng {
    /// The generator for `seed`: the same seed gives the same numbers.
    pub fn from_seed(seed: u64) -> Self {
        // SplitMix64 of the seed, so that nearby seeds give unrelated sequences.
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Self {
            seed,
            state: (z ^ (z >> 31)) | 1,
        }
    }

    /// Seeded from the environment variable `var` when it holds a number (to replay a run),
    /// else from the clock.
    pub fn from_env_or_clock(var: &str) -> Self {
        Self::from_seed(seed_or_clock(std::env::var(var).ok().as_deref()))
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    /// An index in `0..len`.
    pub fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    /// True about once in `n` times.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    pub fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// The seed written in `value` (an environment variable's), or one from the clock.
pub fn seed_or_clock(value: Option<&str>) -> u64 {
    value.and_then(parse_seed).unwrap_or_else(clock_seed)
}

/// A seed written in decimal or as `0x…` hex.
pub fn parse_seed(text: &str) -> Option<u64> {
    let text = text.trim();
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// A seed from the clock, for runs that explore.
pub fn clock_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos());
    u64::try_from(nanos & u128::from(u64::MAX)).unwrap_or(1)
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
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

/// The corruption matrix: a name and the bytes of each damaged or future-format progress file
/// for `course_id` (0 bytes, half of a whole file, garbage, zero-filled, a future version).
pub fn damaged_progress_files(course_id: &str) -> [(&'static str, Vec<u8>); 5] {
    let mut whole = termcourse::core::progress::Progress::new(course_id);
    whole
        .nodes
        .entry("base-images".into())
        .or_default()
        .complete = true;
    let whole = termcourse::core::progress::codec::encode(&whole).expect("encodes");
    [
        ("zero bytes", Vec::new()),
        ("half a file", whole.as_bytes()[..whole.len() / 2].to_vec()),
        ("garbage", b"\x7fELF\x02\x01\x01 \xff\xfe garbage".to_vec()),
        ("zero-filled", vec![0; 512]),
        (
            "future version",
            format!("format = 9\ncourse = \"{course_id}\"\n").into_bytes(),
        ),
    ]
}

/// Set (to anything but `0`) by `.ci/run`: a test that cannot run here (no tmux, no `/proc`)
/// fails instead of skipping, so CI is never green without having driven a real terminal.
pub const REQUIRE_TMUX_ENV: &str = "TERMCOURSE_REQUIRE_TMUX";

/// Whether skipping is forbidden (see [`REQUIRE_TMUX_ENV`]).
pub fn skipping_forbidden() -> bool {
    std::env::var(REQUIRE_TMUX_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Says why a test does not run, or fails it when skipping is forbidden.
pub fn skip(why: &str) {
    assert!(
        !skipping_forbidden(),
        "{why}, and {REQUIRE_TMUX_ENV} is set: this run must drive a real terminal"
    );
    eprintln!("SKIPPED: {why}");
}
