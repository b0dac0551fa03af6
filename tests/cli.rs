//! The top-level command line: help, version, usage errors and shell completions.

use std::process::{Command, Output};

fn termcourse(args: &[&str]) -> Output {
    let data = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .args(args)
        .env("TERMCOURSE_DATA_DIR", data.path())
        .output()
        .expect("run termcourse")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines of the `Commands:` section of `--help` (the epilogue also names some commands in
/// its examples, so the whole text proves nothing).
fn command_lines(help: &str) -> Vec<&str> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .collect()
}

#[test]
fn help_lists_every_command_and_the_environment() {
    let out = termcourse(&["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let commands = command_lines(&text);
    for command in [
        "play",
        "check",
        "schema",
        "progress",
        "render",
        "snapshot",
        "trust",
        "completions",
    ] {
        let listed = commands.iter().any(|line| {
            let mut words = line.split_whitespace();
            words.next() == Some(command) && words.next().is_some()
        });
        assert!(
            listed,
            "`{command}` is not listed, with a description, under Commands:\n{text}"
        );
        let sub = termcourse(&[command, "--help"]);
        assert!(sub.status.success(), "{command} --help failed");
        assert!(
            stdout(&sub).contains(&format!("Usage: termcourse {command}")),
            "{command} --help:\n{}",
            stdout(&sub)
        );
    }
    let environment = text
        .split_once("Environment:")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    assert!(environment.contains("TERMCOURSE_DATA_DIR"), "{text}");
    assert!(environment.contains("TERMCOURSE_WORKSPACE"), "{text}");
    assert!(text.contains("--no-run") && text.contains("--workspace <DIR>"));
}

#[test]
fn a_workspace_that_is_a_file_is_refused_before_the_player_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "").expect("write");
    let path = file.to_str().expect("utf-8 temp path");
    let course = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tasks");
    let out = termcourse(&["play", course, "--workspace", path, "--no-run"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot use the workspace") && stderr.contains("is not a directory"),
        "{stderr}"
    );
    // A usable one gets as far as needing a terminal.
    let fresh = dir.path().join("ws");
    let out = termcourse(&[
        "play",
        course,
        "--workspace",
        fresh.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(!fresh.exists(), "nothing is created until a task is shown");
}

#[test]
fn node_and_step_together_name_a_step_of_a_course_on_disk() {
    let course = concat!(env!("CARGO_MANIFEST_DIR"), "/lessons/dockerfiles-for-ml");
    let start = |node: &str, step: &str| {
        let out = termcourse(&["play", course, "--node", node, "--step", step]);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    // A step of that node gets as far as needing a terminal; one of another node does not.
    let ok = start("exec-vs-shell", "fix-the-cmd");
    assert!(ok.contains("needs a terminal"), "{ok}");
    let wrong = start("why-containers", "fix-the-cmd");
    assert!(
        wrong.contains("no step `fix-the-cmd` in node `why-containers`"),
        "{wrong}"
    );
}

#[test]
fn version_prints_the_package_version() {
    let out = termcourse(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("termcourse {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_with_a_message() {
    let out = termcourse(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("frobnicate"));
}

#[test]
fn completions_cover_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let out = termcourse(&["completions", shell]);
        assert!(out.status.success(), "completions {shell} failed");
        let script = stdout(&out);
        assert!(
            script.contains("snapshot") && script.contains("deny-warnings"),
            "{shell}:\n{script}"
        );
    }
}
