//! Helpers shared by the progress integration tests that run several processes.

#![allow(dead_code, reason = "each test file uses a different subset")]

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

/// xorshift64*: enough randomness for kill timings, reproducible from the printed seed.
pub struct Rng {
    seed: u64,
    state: u64,
}

impl Rng {
    pub fn from_clock() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos());
        let low_bits = u64::try_from(nanos & u128::from(u64::MAX)).unwrap_or(1);
        let seed = low_bits | 1;
        Self { seed, state: seed }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound.max(1)
    }
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
