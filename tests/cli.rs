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

#[test]
fn help_lists_every_command_and_the_environment() {
    let out = termcourse(&["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for command in [
        "play",
        "check",
        "schema",
        "progress",
        "render",
        "snapshot",
        "completions",
    ] {
        assert!(
            text.contains(command),
            "--help does not mention `{command}`:\n{text}"
        );
    }
    assert!(text.contains("TERMCOURSE_DATA_DIR"));
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
