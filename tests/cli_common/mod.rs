//! Helpers shared by the CLI tests: running the binary with a private data directory.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Runs the binary with `args` and its data directory pointed at `data`.
pub fn termcourse(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .args(args)
        .env("TERMCOURSE_DATA_DIR", data)
        .output()
        .expect("run termcourse")
}

/// Like [`termcourse`], in an environment that must change nothing: colour turned off the
/// usual way, odd terminal settings, another locale.
pub fn termcourse_in_odd_env(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .args(args)
        .env("TERMCOURSE_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .env("TERM", "dumb")
        .env("COLORTERM", "truecolor")
        .env("COLUMNS", "7")
        .env("LINES", "3")
        .env("LANG", "C")
        .env("TZ", "Pacific/Kiritimati")
        .output()
        .expect("run termcourse")
}

pub fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read fixture dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}
