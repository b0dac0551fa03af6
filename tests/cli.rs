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
