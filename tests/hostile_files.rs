//! Files that are not what they claim to be, through the real binary: a FIFO or a device where
//! a course or progress file should be, a `course.toml` that links out of its directory. Every
//! command must answer at once, with a message naming the file, instead of blocking in `open`
//! or reading forever.

#![cfg(unix)]

mod cli_common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use cli_common::{code, stderr, stdout, termcourse_within};
use tempfile::TempDir;

/// Far more than any of these commands needs; a command blocked in `open` never finishes.
const LIMIT: Duration = Duration::from_secs(20);

const COURSE: &str = "format = 1\nid = \"c\"\ntitle = \"C\"\nnodes = [\"nodes/a.toml\"]\n";

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

/// A course whose only node file is a FIFO.
fn course_with_fifo_node() -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    fs::write(dir.path().join("course.toml"), COURSE).expect("write");
    fs::create_dir(dir.path().join("nodes")).expect("mkdir");
    mkfifo(&dir.path().join("nodes/a.toml"));
    dir
}

#[test]
fn a_fifo_node_file_is_refused_by_check_render_and_snapshot() {
    let data = TempDir::new().expect("temp dir");
    let course = course_with_fifo_node();
    let path = course.path().to_str().expect("utf-8");
    let snaps = course.path().join("snaps");
    let snaps = snaps.to_str().expect("utf-8");
    for args in [
        vec!["check", path],
        vec!["render", path, "--step", "s"],
        vec!["snapshot", path, "--out", snaps],
    ] {
        let out = termcourse_within(data.path(), &args, LIMIT);
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert_eq!(code(&out), Some(1), "{args:?}:\n{text}");
        assert!(
            text.contains("course.toml:4:10: error: cannot read")
                && text.contains("it is a FIFO, not a regular file"),
            "{args:?}:\n{text}"
        );
    }
}

#[test]
fn a_fifo_course_file_is_refused() {
    let data = TempDir::new().expect("temp dir");
    let course = TempDir::new().expect("temp dir");
    mkfifo(&course.path().join("course.toml"));
    let path = course.path().to_str().expect("utf-8");
    let out = termcourse_within(data.path(), &["check", path], LIMIT);
    assert_eq!(code(&out), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("it is a FIFO, not a regular file"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_course_file_linking_out_of_its_directory_is_called_what_it_is() {
    let data = TempDir::new().expect("temp dir");
    let outside = TempDir::new().expect("temp dir");
    let course = TempDir::new().expect("temp dir");
    fs::write(outside.path().join("course.toml"), COURSE).expect("write");
    std::os::unix::fs::symlink(
        outside.path().join("course.toml"),
        course.path().join("course.toml"),
    )
    .expect("symlink");
    let path = course.path().to_str().expect("utf-8");
    let out = termcourse_within(data.path(), &["check", path], LIMIT);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(1), "{text}");
    assert!(
        text.contains("course.toml` is a symlink to `")
            && text.contains("`, outside the course directory"),
        "{text}"
    );
    assert!(!text.contains("node file"), "{text}");
}

/// The progress file of the built-in course, made a FIFO or a link to `/dev/zero`: `progress
/// show` sets it aside and shows fresh progress, at once and in little memory.
#[test]
fn progress_show_sets_aside_a_fifo_or_a_device() {
    for kind in ["fifo", "/dev/zero"] {
        let data = TempDir::new().expect("temp dir");
        let path = termcourse_within(data.path(), &["progress", "path"], LIMIT);
        let file = stdout(&path).trim().to_owned();
        let file = Path::new(&file);
        fs::create_dir_all(file.parent().expect("a directory")).expect("mkdir");
        if kind == "fifo" {
            mkfifo(file);
        } else {
            std::os::unix::fs::symlink(kind, file).expect("symlink");
        }
        let out = termcourse_within(data.path(), &["progress", "show"], LIMIT);
        assert_eq!(code(&out), Some(0), "{kind}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("Progress starts fresh") && stderr(&out).contains(".corrupt-"),
            "{kind}: {}",
            stderr(&out)
        );
        assert!(
            stdout(&out).contains("nothing saved yet") || stdout(&out).contains("progress file")
        );
    }
}
