//! The author's loop in a real terminal: `termcourse new`, then `play --watch` and
//! `check --watch` in tmux while the course's files are edited, broken and fixed, as an author
//! would in another window.
//!
//! Like `tests/tmux.rs`, on the shared harness (`tests/support/tmux.rs`): a private tmux server
//! per test, a temporary data directory, the binary from `$TERMCOURSE_TEST_BIN` or cargo's, and
//! a skip (a failure with `TERMCOURSE_REQUIRE_TMUX` set) when tmux is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

mod support;
use support::tmux::{Server, binary};

/// How soon a save must show (issue 13: on screen within 2 s; it takes ~0.1 s).
const SHOWN_WITHIN: Duration = Duration::from_secs(2);

/// The shared harness's server for `test`; the player runs in its pane `w`.
fn server(test: &str) -> Option<Server> {
    Server::new("termcourse-watch", test)
}

/// Runs termcourse with `args` in a 120x40 pane `w` that stays after it exits.
fn start(tmux: &Server, args: &[&str], env: &[&str]) {
    tmux.start("w", (120, 40), env, args);
}

/// A new course from `termcourse new`, in a temporary directory.
fn new_course() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = dir.path().join("my-course");
    let out = Command::new(binary())
        .arg("new")
        .arg(&course)
        .args(["--title", "Watched course"])
        .output()
        .expect("run termcourse new");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, course)
}

/// Writes `text` the way many editors save: a temporary file renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp-save");
    std::fs::write(&tmp, text).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} not in {}", path.display());
    save(path, &text.replacen(from, to, 1));
}

#[test]
fn play_watch_shows_each_save_at_its_step_and_keeps_the_last_good_course_while_broken() {
    let Some(tmux) = server("play") else {
        return;
    };
    let (_dir, course) = new_course();
    let log = tmux.data_dir().join("reload.log");
    let path = course.to_string_lossy().into_owned();
    let log_var = format!("TERMCOURSE_RELOAD_LOG={}", log.display());
    start(&tmux, &["play", "--watch", &path], &[&log_var]);
    tmux.wait_for(
        "w",
        &["Watched course", "watching", "Welcome to your course"],
    );

    // The step on screen, its prose in a markdown file.
    let welcome = course.join("nodes/first-steps/welcome.md");
    edit(
        &welcome,
        "# Welcome to your course",
        "# Welcome to the edited course",
    );
    let (_, took) = tmux.wait_for(
        "w",
        &["Welcome to the edited course", "First steps · step 1/3"],
    );
    assert!(took < SHOWN_WITHIN, "shown after {took:?}");
    eprintln!("the edit of the step on screen showed after {took:?}");

    // A step elsewhere, in a locked node: the player goes there.
    let next = course.join("nodes/next-steps.toml");
    edit(
        &next,
        "lists the files of a directory",
        "names every file of a directory",
    );
    let (screen, took) = tmux.wait_for(
        "w",
        &["names every file of a directory", "Next steps · step 1/3"],
    );
    assert!(took < SHOWN_WITHIN, "shown after {took:?}");
    eprintln!("the edit of another step showed, at that step, after {took:?}");
    assert!(
        screen.contains("Reloaded: \"Look around\" changed"),
        "{screen}"
    );

    // A save that breaks the TOML: the last good course stays, the errors say where.
    let first = course.join("nodes/first-steps.toml");
    let good = std::fs::read_to_string(&first).expect("read");
    let line = good
        .lines()
        .position(|l| l == "id = \"check-yourself\"")
        .expect("the quiz step")
        + 1;
    save(
        &first,
        &good.replacen("id = \"check-yourself\"", "id = \"check-yourself", 1),
    );
    let at = format!("first-steps.toml:{line}:");
    let (screen, _) = tmux.wait_for("w", &["The course does not load: 1 error", &at]);
    assert!(
        screen.contains("names every file of a directory"),
        "{screen}"
    );
    assert!(screen.contains("watching · Next steps"), "{screen}");

    // Esc hides the panel; `!` shows it again; a save that fixes it closes it for good.
    tmux.keys("w", &["Escape"]);
    let (screen, _) = tmux.until("w", "the panel hidden", |s| !s.contains("does not load:"));
    // The notice still says why nothing changes, and how to see it again.
    assert!(
        screen.contains("The course as saved does not load (1 error): ! shows why"),
        "{screen}"
    );
    tmux.keys("w", &["!"]);
    tmux.wait_for("w", &["The course does not load"]);
    save(&first, &good);
    let (screen, _) = tmux.until("w", "the course back", |s| {
        !s.contains("does not load") && s.contains("Reloaded")
    });
    assert!(screen.contains("Next steps · step 1/3"), "{screen}");

    // The course plays on, and nothing was saved as a learner's progress.
    tmux.keys("w", &["q"]);
    tmux.until("w", "the player to quit", |s| !s.contains("watching"));
    let progress = tmux.data_dir().join("progress");
    assert!(
        !progress.exists() || support::file_names(&progress).is_empty(),
        "watch mode wrote progress"
    );
    let log = std::fs::read_to_string(&log).expect("the reload log");
    assert!(log.lines().count() >= 4, "{log}");
}

#[test]
fn check_watch_checks_again_on_every_save_on_a_clear_screen() {
    let Some(tmux) = server("check") else {
        return;
    };
    let (_dir, course) = new_course();
    let path = course.to_string_lossy().into_owned();
    start(&tmux, &["check", "--watch", &path], &[]);
    tmux.wait_for("w", &["0 errors, 0 warnings", "[passed] watching"]);
    let first = course.join("nodes/first-steps.toml");
    edit(&first, "title = \"Welcome\"", "titel = \"Welcome\"");
    let (screen, _) = tmux.wait_for("w", &["unknown key `titel`", "[failed] watching"]);
    assert!(
        !screen.contains("0 errors"),
        "the screen was cleared:\n{screen}"
    );
    edit(&first, "titel = \"Welcome\"", "title = \"Welcome\"");
    let (screen, _) = tmux.wait_for("w", &["0 errors, 0 warnings", "[passed] watching"]);
    assert!(!screen.contains("titel"), "{screen}");
}

#[test]
fn play_watch_waits_for_a_course_that_does_not_load_yet() {
    let Some(tmux) = server("wait") else {
        return;
    };
    let (_dir, course) = new_course();
    let file = course.join("course.toml");
    edit(&file, "format = 1", "format = 1\nformat = 1");
    let path = course.to_string_lossy().into_owned();
    start(&tmux, &["play", "--watch", &path], &[]);
    tmux.wait_for("w", &["duplicate key", "starts once a save fixes it"]);
    edit(&file, "format = 1\nformat = 1", "format = 1");
    tmux.wait_for(
        "w",
        &["Watched course", "watching", "Welcome to your course"],
    );
    tmux.keys("w", &["q"]);
}
