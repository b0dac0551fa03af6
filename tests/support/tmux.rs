//! The harness of the real-terminal tests (`tests/tmux.rs`, `tests/tmux_tasks.rs`,
//! `tests/watch_tmux.rs`): the player under test runs in a pane of a private tmux server, and the
//! tests type into it and read its screen as a learner would see it.
//!
//! It owns the generic mechanics, each test file keeping only what its own course needs:
//! - a server per test on its own socket (killed on drop), or a skip when tmux is missing, which
//!   fails the test instead when `TERMCOURSE_REQUIRE_TMUX` is set (see [`super::skip`]);
//! - the binary under test: `$TERMCOURSE_TEST_BIN` when set (`.ci/run` points it at the release
//!   build), else the one cargo built for this run, so a plain `cargo test` never tests a stale
//!   or missing release build;
//! - a temporary data directory for the player, so no test reads or writes the user's progress;
//! - sessions whose pane stays after the player exits, to read its last screen and exit status;
//! - keys, the screen (`capture-pane`) and tmux formats (`display-message`);
//! - waits that poll rather than sleep, time out after [`TIMEOUT`] and show the last screen;
//! - the checks that the player exited well and left the terminal as it found it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Generous: CI machines can be heavily loaded, and the tests poll rather than sleep.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A private tmux server and the player's data directory, for one test.
pub struct Server {
    socket: String,
    /// How often the waits capture the pane.
    poll: Duration,
    data_dir: tempfile::TempDir,
}

impl Server {
    /// A server named `{prefix}-{pid}-{test}`, so tests running in parallel never share one;
    /// `None` when tmux is not installed (and skipping is allowed).
    pub fn new(prefix: &str, test: &str) -> Option<Self> {
        if Command::new("tmux").arg("-V").output().is_err() {
            super::skip("tmux is not installed");
            return None;
        }
        Some(Self {
            socket: format!("{prefix}-{}-{test}", std::process::id()),
            // Often enough that the durations the tests measure are close.
            poll: Duration::from_millis(20),
            data_dir: tempfile::tempdir().expect("temp dir"),
        })
    }

    /// The same server, its waits capturing the pane every `poll`.
    pub fn polling_every(mut self, poll: Duration) -> Self {
        self.poll = poll;
        self
    }

    /// The player's data directory (`TERMCOURSE_DATA_DIR`).
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// Marks the data directory as not a first run: the one-time orientation would take the
    /// first key.
    pub fn not_a_first_run(&self) {
        std::fs::write(
            self.data_dir().join(termcourse::edge::first_run::MARKER),
            "tests\n",
        )
        .expect("orientation marker");
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Starts `command` in a new session `name` (see [`new_session_args`]).
    pub fn new_session(&self, name: &str, size: (u16, u16), env: &[&str], command: &[&str]) {
        let args = new_session_args(name, size, env, command);
        let out = self.tmux(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Starts the player with `args` in a session `name` of `size`, with its data directory
    /// and `env` (`NAME=value`) set; the pane stays after it exits.
    pub fn start(&self, name: &str, size: (u16, u16), env: &[&str], args: &[&str]) {
        let bin = binary().to_string_lossy().into_owned();
        let data = format!("TERMCOURSE_DATA_DIR={}", self.data_dir().display());
        let mut vars = vec![data.as_str()];
        vars.extend(env);
        let mut command = vec![bin.as_str()];
        command.extend(args);
        self.new_session(name, size, &vars, &command);
        self.tmux(&["set-option", "-t", name, "remain-on-exit", "on"]);
    }

    pub fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend(keys);
        self.tmux(&args);
    }

    pub fn screen(&self, name: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", name]).stdout).into()
    }

    /// The tmux format `fmt` (`#{pane_dead}`…) of the pane, trimmed.
    pub fn format(&self, name: &str, fmt: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", name, fmt]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Polls the pane until `done` holds for its screen (`what` names it if it never does);
    /// returns that screen and how long it took.
    pub fn until(&self, name: &str, what: &str, done: impl Fn(&str) -> bool) -> (String, Duration) {
        let start = Instant::now();
        loop {
            let screen = self.screen(name);
            if done(&screen) {
                return (screen, start.elapsed());
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(self.poll);
        }
    }

    /// Polls the pane until every one of `needles` is on screen.
    pub fn wait_for(&self, name: &str, needles: &[&str]) -> (String, Duration) {
        self.until(name, &format!("{needles:?}"), |s| {
            needles.iter().all(|n| s.contains(n))
        })
    }

    /// Waits for `needles`, then until the screen stops changing (two captures 50 ms apart
    /// agree), so that a frame still being written is not read half-drawn.
    pub fn settled(&self, name: &str, needles: &[&str]) -> String {
        let (mut screen, _) = self.wait_for(name, needles);
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let next = self.screen(name);
            if next == screen || start.elapsed() > TIMEOUT {
                return next;
            }
            screen = next;
        }
    }

    /// Waits until the pane's alternate-screen flag is `on`.
    pub fn wait_alternate(&self, name: &str, on: bool) {
        let want = if on { "1" } else { "0" };
        let start = Instant::now();
        while self.format(name, "#{alternate_on}") != want {
            assert!(
                start.elapsed() < TIMEOUT,
                "the alternate screen never turned {want}:\n{}",
                self.screen(name)
            );
            std::thread::sleep(self.poll);
        }
    }

    /// Waits until the player has exited and returns how long that took, at most `limit`
    /// (polling every few milliseconds, so the figure is close).
    pub fn exit_time(&self, name: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        while self.format(name, "#{pane_dead}") != "1" {
            assert!(
                start.elapsed() < limit,
                "the player did not exit within {limit:?}:\n{}",
                self.screen(name)
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        start.elapsed()
    }

    /// Waits until the player has exited and checks that it exited successfully.
    ///
    /// tmux may mark a pane dead before it has collected the status, so both are awaited; but
    /// now and then (tmux 3.3a, on a loaded machine) it never reports the status of a pane it
    /// has marked dead. A dead pane with no status after a grace period is accepted when its
    /// screen shows no panic (the callers go on to check that the terminal was restored).
    pub fn assert_exited_ok(&self, name: &str) {
        let start = Instant::now();
        let mut dead_since: Option<Instant> = None;
        loop {
            let status = self.format(name, "#{pane_dead}:#{pane_dead_status}#{pane_dead_signal}");
            if let Some(code) = status.strip_prefix("1:") {
                if !code.is_empty() {
                    assert_eq!(code, "0", "the player exited with status {code}");
                    return;
                }
                let waited = dead_since.get_or_insert_with(Instant::now).elapsed();
                if waited > Duration::from_secs(3) {
                    let screen = self.screen(name);
                    assert!(
                        !screen.contains("panicked"),
                        "the player panicked:\n{screen}"
                    );
                    eprintln!("tmux reported no exit status for the dead pane; accepted");
                    return;
                }
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "player did not exit (pane state `{status}`):\n{}",
                self.screen(name)
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The terminal modes the player must leave: alternate screen and mouse reporting.
    pub fn assert_restored(&self, name: &str) {
        let modes = self.format(name, "#{alternate_on} #{mouse_any_flag} #{mouse_sgr_flag}");
        assert_eq!(
            modes, "0 0 0",
            "alternate screen, mouse, SGR mouse still on"
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// The player under test: `$TERMCOURSE_TEST_BIN`, else cargo's build of it.
pub fn binary() -> PathBuf {
    let bin = std::env::var_os("TERMCOURSE_TEST_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_termcourse")),
        PathBuf::from,
    );
    assert!(
        bin.exists(),
        "{} is missing: TERMCOURSE_TEST_BIN names a binary that was not built",
        bin.display()
    );
    bin
}

/// The arguments of `tmux new-session` for the real-terminal tests: a detached session `name`
/// of `size` (columns, rows) with a UTF-8 locale and a 256-colour `TERM`, the variables `env`
/// (`NAME=value`) set, running `command` in the package root (where cargo runs the tests, and
/// where the fixtures' relative paths lead, whatever directory the test binary was run from).
fn new_session_args(name: &str, size: (u16, u16), env: &[&str], command: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["new-session", "-d", "-s", name, "-x"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    args.extend([size.0.to_string(), "-y".to_owned(), size.1.to_string()]);
    for var in ["LANG=C.UTF-8", "TERM=xterm-256color"].iter().chain(env) {
        args.extend(["-e".to_owned(), (*var).to_owned()]);
    }
    args.extend(["-c".to_owned(), env!("CARGO_MANIFEST_DIR").to_owned()]);
    args.extend(command.iter().map(|s| (*s).to_owned()));
    args
}
