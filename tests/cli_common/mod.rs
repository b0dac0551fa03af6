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

/// Like [`termcourse`], but fails the test (after killing the process) when it runs longer than
/// `limit`: for inputs that used to hang it. Output is drained while it runs.
pub fn termcourse_within(data: &Path, args: &[&str], limit: std::time::Duration) -> Output {
    use std::io::Read as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .args(args)
        .env("TERMCOURSE_DATA_DIR", data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run termcourse");
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for termcourse") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("termcourse {args:?} still ran after {limit:?}: killed");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}
