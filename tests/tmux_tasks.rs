//! Hands-on tasks in a real terminal: the player in tmux, a course with a task written to a
//! temporary directory, its workspace and data directory temporary too.
//!
//! - `e` hands the terminal to `$EDITOR` (here a script that writes the solution): the player
//!   leaves the alternate screen while it runs, comes back, and re-checks; `Enter` asks to trust
//!   the course, `y` runs its command check, every check turns ✓ and the node completes.
//! - A file written by another program (a plain write, then an atomic rename as many editors
//!   save) is re-checked with no key pressed.
//! - While a command check runs, keys are answered at once and `q` quits (the command's
//!   process group is killed).
//!
//! Like tests/tmux.rs, on the shared harness (`tests/support/tmux.rs`): `$TERMCOURSE_TEST_BIN` or
//! cargo's binary; skipped without tmux unless `TERMCOURSE_REQUIRE_TMUX` is set, which turns a
//! skip into a failure.

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

mod support;
use support::tmux::{Server, TIMEOUT};

const COURSE: &str = r#"
format = 1
id = "tmux-tasks"
title = "Tmux Tasks"

[[node]]
id = "write"
title = "Write It"

[[node.step]]
id = "files"
title = "Write the Files"
body = "Write the files; every save is checked."
[node.step.task]
goal = "Write `Dockerfile` and `.dockerignore`."

[[node.step.task.file]]
path = "Dockerfile"
starter = "FROM python:latest\n"
solution = "FROM python:3.13-slim\nUSER 10001\n"

[[node.step.task.file]]
path = ".dockerignore"
solution = ".git\n"

[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^FROM python:3\.1[3-9]-slim'
message = "Start FROM a slim image"

[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^USER [1-9]'
message = "Run as a non-root USER"

[[node.step.task.check]]
file = ".dockerignore"
matches = '(?m)^\.git$'
message = "Keep .git out"

[[node.step.task.check]]
file = "Dockerfile"
run = "RUN_COMMAND"
needs = "grep"
message = "The build check passes"

[[node]]
id = "next"
title = "Next Node"
requires = ["write"]

[[node.step]]
id = "after"
title = "After"
# The player loads nodes other than the first while the learner reads: this command is one
# of the course's all the same.
body = "A second task."
[node.step.task]
goal = "Write `y` into `later.txt`."
[[node.step.task.file]]
path = "later.txt"
starter = "x\n"
[[node.step.task.check]]
file = "later.txt"
matches = 'y'
message = "Write y"
[[node.step.task.check]]
run = "echo later"
message = "Echo works"
"#;

/// Writes the solution of the file it is given, then waits a moment (so the test sees the
/// player's terminal handed over).
const EDITOR: &str = r#"#!/bin/sh
case "$1" in
  */Dockerfile) printf 'FROM python:3.13-slim\nUSER 10001\n' > "$1" ;;
  */.dockerignore) printf '.git\n' > "$1" ;;
esac
sleep 1
"#;

/// The shared harness's server (its pane `p`) and the course, editor and workspace around it.
struct Setup {
    server: Server,
    dir: tempfile::TempDir,
}

impl Deref for Setup {
    type Target = Server;

    fn deref(&self) -> &Server {
        &self.server
    }
}

impl Setup {
    /// A course whose command check runs `command`, an editor script, a workspace and a data
    /// directory; `None` when tmux is missing (and skipping is allowed).
    fn new(test: &str, command: &str) -> Option<Setup> {
        let server = Server::new("termcourse-tasks", test)?;
        let dir = tempfile::tempdir().expect("temp dir");
        let course = dir.path().join("course");
        std::fs::create_dir(&course).expect("mkdir");
        std::fs::write(
            course.join("course.toml"),
            COURSE.replace("RUN_COMMAND", command),
        )
        .expect("write the course");
        let editor = dir.path().join("editor.sh");
        std::fs::write(&editor, EDITOR).expect("write the editor");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755))
                .expect("chmod");
        }
        server.not_a_first_run();
        Some(Setup { server, dir })
    }

    fn workspace(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    /// Starts the player on the course in a 120x40 pane `p` that stays after it exits.
    fn start(&self) {
        let env = |k: &str, v: &Path| format!("{k}={}", v.display());
        let ws = env("TERMCOURSE_WORKSPACE", &self.workspace());
        let editor = env("EDITOR", &self.dir.path().join("editor.sh"));
        let course = self.dir.path().join("course");
        let course = course.to_string_lossy();
        self.server.start(
            "p",
            (120, 40),
            &[&ws, &editor, "VISUAL="],
            &["play", &course, "--no-anim"],
        );
    }

    /// Quits with `q`; returns how long the player took to exit, then checks the terminal.
    fn quit_and_check_restored(&self) -> Duration {
        let since = Instant::now();
        self.keys("p", &["q"]);
        self.exit_time("p", TIMEOUT);
        let took = since.elapsed();
        self.assert_restored("p");
        took
    }
}

/// The checklist line of `message`, as the pane shows it.
fn line_of<'s>(screen: &'s str, message: &str) -> Option<&'s str> {
    screen.lines().find(|l| l.contains(message))
}

fn shows(screen: &str, symbol: &str, message: &str) -> bool {
    line_of(screen, message).is_some_and(|l| l.contains(&format!("{symbol} {message}")))
}

#[test]
fn the_editor_writes_the_solution_and_every_check_turns_green() {
    let Some(t) = Setup::new("editor", "grep -q slim Dockerfile") else {
        return;
    };
    t.start();
    t.until("p", "the starter to be checked", |s| {
        shows(s, "✗", "Start FROM a slim image")
    });
    assert_eq!(
        std::fs::read_to_string(t.workspace().join("Dockerfile")).expect("starter written"),
        "FROM python:latest\n"
    );
    // `e`: the terminal goes to the editor (no alternate screen while it runs) and comes back.
    t.keys("p", &["e"]);
    t.wait_alternate("p", false);
    t.wait_alternate("p", true);
    t.until("p", "the Dockerfile checks to pass", |s| {
        shows(s, "✓", "Start FROM a slim image") && shows(s, "✓", "Run as a non-root USER")
    });
    // The next `e` opens the first failing check's file: `.dockerignore`.
    t.keys("p", &["e"]);
    t.wait_alternate("p", false);
    t.wait_alternate("p", true);
    t.until("p", "`.git` to be ignored", |s| {
        shows(s, "✓", "Keep .git out")
    });
    assert_eq!(
        std::fs::read_to_string(t.workspace().join(".dockerignore")).expect("written"),
        ".git\n"
    );
    // Enter runs the command check: first the trust prompt, `y`, then the command.
    // The prompt lists every command of the course (the other node's too), and the decision is
    // stored under the digest of them all, not of the part loaded first.
    t.keys("p", &["Enter"]);
    t.wait_for(
        "p",
        &[
            "Run this course's commands?",
            "these 2 commands",
            "grep -q slim Dockerfile",
            "echo later",
        ],
    );
    t.keys("p", &["y"]);
    let (screen, _) = t.wait_for(
        "p",
        &["Task complete", "Node complete", "unlocked: Next Node"],
    );
    for message in [
        "Start FROM a slim image",
        "Run as a non-root USER",
        "Keep .git out",
        "The build check passes",
    ] {
        assert!(shows(&screen, "✓", message), "{message}:\n{screen}");
    }
    assert!(screen.contains("$ grep -q slim Dockerfile"), "{screen}");
    t.quit_and_check_restored();
    let stored = std::fs::read_to_string(t.data_dir().join("trust/tmux-tasks.toml"))
        .expect("the trust decision is stored");
    let course = termcourse::edge::fs_source::load_course_path(&t.dir.path().join("course"))
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    let digest = termcourse::core::trust::course_digest(&course);
    assert!(
        stored.contains(digest.as_str()) && stored.contains("decision = \"allow\""),
        "stored under the whole course's digest {}:\n{stored}",
        digest.as_str()
    );
}

#[test]
fn a_file_written_by_another_program_is_checked_without_a_key() {
    let Some(t) = Setup::new("watch", "true") else {
        return;
    };
    t.start();
    t.until("p", "the starter to be checked", |s| {
        shows(s, "✗", "Start FROM a slim image")
    });
    // A plain write by another process.
    let status = Command::new("sh")
        .args(["-c", "printf 'FROM python:3.13-slim\\n' > Dockerfile"])
        .current_dir(t.workspace())
        .status()
        .expect("sh");
    assert!(status.success());
    let (_, took) = t.until("p", "the new FROM to be checked", |s| {
        shows(s, "✓", "Start FROM a slim image")
    });
    eprintln!("re-checked {took:?} after the write");
    // An atomic save: a temporary file renamed over the original, as vim or VS Code do.
    let ws = t.workspace();
    std::fs::write(
        ws.join(".Dockerfile.tmp"),
        "FROM python:3.13-slim\nUSER 10001\n",
    )
    .expect("write");
    std::fs::rename(ws.join(".Dockerfile.tmp"), ws.join("Dockerfile")).expect("rename");
    let (_, took) = t.until("p", "the renamed file to be checked", |s| {
        shows(s, "✓", "Run as a non-root USER")
    });
    eprintln!("re-checked {took:?} after the rename");
    // A file that did not exist before.
    std::fs::write(ws.join(".dockerignore"), ".git\n").expect("write");
    t.until("p", "the new file to be checked", |s| {
        shows(s, "✓", "Keep .git out")
    });
    t.quit_and_check_restored();
}

#[test]
fn keys_are_answered_while_a_command_check_runs() {
    // An odd duration names the command's process among the machine's others.
    let Some(t) = Setup::new("busy", "sleep 20.4321") else {
        return;
    };
    t.start();
    t.until("p", "the starter to be checked", |s| {
        shows(s, "✗", "Start FROM a slim image")
    });
    t.keys("p", &["Enter"]);
    t.wait_for("p", &["Run this course's commands?"]);
    t.keys("p", &["y"]);
    t.wait_for("p", &["$ sleep 20.4321", "running"]);
    // Help opens and closes, the focus moves, all while `sleep 20` runs.
    let since = Instant::now();
    t.keys("p", &["?"]);
    let (_, help) = t.wait_for("p", &["Keys", "page the narration down"]);
    t.keys("p", &["Escape"]);
    t.until("p", "help to close", |s| {
        !s.contains("page the narration down")
    });
    t.keys("p", &["Tab"]);
    let (screen, _) = t.wait_for("p", &["running"]);
    assert!(
        since.elapsed() < Duration::from_secs(10),
        "keys waited for the command"
    );
    assert!(
        screen.contains("$ sleep 20.4321"),
        "still running:\n{screen}"
    );
    assert!(sleeping(), "the command is running");
    eprintln!("help opened {help:?} after its key, with a command running");
    // Quitting does not wait for the command, and its process group goes with the player.
    let took = t.quit_and_check_restored();
    assert!(took < Duration::from_secs(5), "quit took {took:?}");
    eprintln!("quit in {took:?} with a command running");
    let since = Instant::now();
    while sleeping() {
        assert!(
            since.elapsed() < Duration::from_secs(5),
            "the command outlived the player"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether the busy test's `sleep 20.4321` runs.
fn sleeping() -> bool {
    Command::new("pgrep")
        .args(["-f", "sleep 20[.]4321"])
        .output()
        .is_ok_and(|out| out.status.success())
}
