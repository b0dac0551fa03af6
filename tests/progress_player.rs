//! The corruption matrix in a real terminal: the player starts on a damaged or future-format
//! progress file, says what happened on screen, and the bad file is still on disk.
//!
//! Each case runs the built binary in its own tmux server (a private socket, no user config),
//! reads the screen with `capture-pane`, and quits. Without tmux the test says so and stops
//! (and fails when `TERMCOURSE_REQUIRE_TMUX` is set, as in CI).

#![cfg(unix)]

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread;
use std::time::{Duration, Instant};

const COURSE: &str = "tests/fixtures/basic";
const COURSE_ID: &str = "basic-dockerfiles";
const SCREEN_WAIT: Duration = Duration::from_secs(15);

/// A tmux server of our own, killed when dropped.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "player"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `text`, returning the last screen either way.
    fn wait_for(&self, text: &str) -> (bool, String) {
        let deadline = Instant::now() + SCREEN_WAIT;
        loop {
            let screen = self.screen();
            if screen.contains(text) || Instant::now() > deadline {
                return (screen.contains(text), screen);
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Quotes `arg` for the shell tmux runs the command with.
fn quoted(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', r"'\''"))
}

fn start_player(tmux: &Tmux, data: &Path) {
    let command = [
        "env".to_owned(),
        format!(
            "TERMCOURSE_DATA_DIR={}",
            quoted(&data.display().to_string())
        ),
        "TERMCOURSE_NO_ANIM=1".to_owned(),
        quoted(env!("CARGO_BIN_EXE_termcourse")),
        "play".to_owned(),
        quoted(COURSE),
    ]
    .join(" ");
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "player",
        "-x",
        "220",
        "-y",
        "50",
        "-c",
        env!("CARGO_MANIFEST_DIR"),
        &command,
    ]);
    assert!(
        out.status.success(),
        "tmux: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_player_starts_on_damaged_and_future_progress_files() {
    if !tmux_available() {
        support::skip("tmux is not installed: the real-terminal corruption matrix did not run");
        return;
    }
    let fresh = "Progress starts fresh: the saved file was unusable";
    let future = "Not saving progress this session: the file was written by a newer termcourse";
    for (name, bytes) in support::damaged_progress_files(COURSE_ID) {
        let says = if name == "future version" {
            future
        } else {
            fresh
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let file = data.join("progress").join(format!("{COURSE_ID}.toml"));
        fs::create_dir_all(file.parent().expect("dir")).expect("mkdir");
        fs::write(&file, &bytes).expect("write the bad file");

        let tmux = Tmux {
            socket: dir.path().join("tmux.sock"),
        };
        start_player(&tmux, &data);
        let (shown, screen) = tmux.wait_for(says);
        let _ = tmux.run(&["send-keys", "-t", "player", "q"]);
        assert!(
            shown,
            "{name}: the notice never appeared; screen:\n{screen}"
        );
        assert!(
            screen.contains("Base Images"),
            "{name}: the player did not start:\n{screen}"
        );

        let kept = if name == "future version" {
            file.clone()
        } else {
            let names = support::file_names(file.parent().expect("dir"));
            let aside = names.iter().find(|n| n.contains(".toml.corrupt-"));
            file.with_file_name(aside.unwrap_or_else(|| panic!("{name}: not kept: {names:?}")))
        };
        assert_eq!(fs::read(&kept).expect("bad file on disk"), bytes, "{name}");
    }
}
