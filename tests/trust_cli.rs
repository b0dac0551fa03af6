//! `termcourse trust` end to end, each run with its own data directory: the commands are
//! shown, `--yes` records the decision the player reads, `--revoke` forgets it, and without a
//! terminal nothing is decided.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use termcourse::edge::fs_source::load_course_path;
use termcourse::edge::store::DATA_DIR_ENV;
use termcourse::edge::trust::{Permission, TrustStore, permission};

const COURSE: &str = "tests/fixtures/tasks";

fn trust(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .arg("trust")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env(DATA_DIR_ENV, data)
        .stdin(Stdio::null())
        .output()
        .expect("run termcourse")
}

fn granted(data: &Path) -> bool {
    let course = load_course_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join(COURSE))
        .map_err(|r| r.render(false))
        .expect("fixture loads");
    let store = TrustStore::open(data);
    matches!(
        permission(&course, false, false, Some(&store)),
        Permission::Granted(_)
    )
}

#[test]
fn yes_trusts_and_revoke_forgets() {
    let data = tempfile::tempdir().expect("temp dir");
    assert!(!granted(data.path()));
    let out = trust(data.path(), &["--yes", COURSE]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("  1. docker build --check .\n  2. docker build -t iris-api .\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Trusted: Tasks may run these commands."),
        "{stdout}"
    );
    assert!(granted(data.path()), "the player sees the decision");

    let again = trust(data.path(), &["--yes", COURSE]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("You already trust these commands."));

    let out = trust(data.path(), &["--revoke", COURSE]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("termcourse will ask again"));
    assert!(!granted(data.path()));
    let out = trust(data.path(), &["--revoke", COURSE]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("No trust decision was stored"));
}

#[test]
fn without_a_terminal_nothing_is_decided() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = trust(data.path(), &[COURSE]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pass --yes"), "{stderr}");
    assert!(!data.path().join("trust").exists());
}

#[test]
fn courses_without_commands_and_broken_courses() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = trust(data.path(), &["tests/fixtures/basic"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("runs no commands"));
    let out = trust(data.path(), &["tests/fixtures/task-mistakes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error:"));
    let out = trust(data.path(), &["--yes", "--revoke", COURSE]);
    assert_eq!(out.status.code(), Some(2), "contradictory flags");
}
