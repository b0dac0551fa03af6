use std::fs;
use std::time::{Duration, Instant};

use super::*;

fn dir() -> (tempfile::TempDir, Dir) {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = Dir::open(temp.path()).expect("open");
    (temp, dir)
}

#[test]
fn reads_regular_files_and_refuses_the_rest() {
    let (temp, dir) = dir();
    fs::write(temp.path().join("ok"), "FROM x\n").expect("write");
    fs::write(temp.path().join("big"), "x".repeat(2048)).expect("write");
    fs::write(temp.path().join("bin"), [0xff, 0xfe]).expect("write");
    fs::create_dir(temp.path().join("sub")).expect("mkdir");
    assert_eq!(dir.read_text("ok", 1024).ok().as_deref(), Some("FROM x\n"));
    let err = |name: &str| dir.read_text(name, 1024).err().map(|e| e.to_string());
    assert_eq!(err("missing").as_deref(), Some("does not exist"));
    assert_eq!(err("big").as_deref(), Some("is over 1 KiB"));
    assert_eq!(err("bin").as_deref(), Some("is not UTF-8 text"));
    assert_eq!(err("sub").as_deref(), Some("is a directory"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_never_followed() {
    let (temp, dir) = dir();
    let outside = tempfile::tempdir().expect("temp dir");
    fs::write(outside.path().join("secret"), "secret").expect("write");
    std::os::unix::fs::symlink(outside.path().join("secret"), temp.path().join("link"))
        .expect("symlink");
    std::os::unix::fs::symlink(outside.path(), temp.path().join("linked-dir")).expect("symlink");
    assert!(matches!(
        dir.read_text("link", 1024),
        Err(ReadError::Symlink)
    ));
    assert!(matches!(
        dir.subdir(&["linked-dir"], false),
        Err(ReadError::Symlink)
    ));
    assert!(matches!(
        dir.subdir(&["linked-dir"], true),
        Err(ReadError::Symlink)
    ));
    assert!(
        !dir.create_new("link", b"x").expect("no error"),
        "not replaced"
    );
    assert_eq!(
        fs::read_to_string(outside.path().join("secret")).expect("read"),
        "secret"
    );
    assert!(matches!(
        read_text(&temp.path().join("link"), 1024),
        Err(ReadError::Symlink)
    ));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let (temp, dir) = dir();
    let fifo = temp.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    let started = Instant::now();
    let err = dir.read_text("pipe", 1024).err().map(|e| e.to_string());
    assert_eq!(err.as_deref(), Some("is a named pipe (FIFO)"));
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[test]
fn new_files_never_replace_anything_and_subdirs_are_created() {
    let (temp, dir) = dir();
    let sub = dir.subdir(&["app", "src"], true).expect("created");
    assert!(sub.create_new("main.py", b"print(1)\n").expect("created"));
    assert!(!sub.create_new("main.py", b"print(2)\n").expect("kept"));
    let path = temp.path().join("app/src/main.py");
    assert_eq!(fs::read_to_string(path).expect("read"), "print(1)\n");
    assert!(matches!(
        dir.subdir(&["nope"], false),
        Err(ReadError::NotFound)
    ));
    fs::write(temp.path().join("file"), "x").expect("write");
    assert!(dir.subdir(&["file", "below"], true).is_err());
}

#[test]
fn moving_aside_picks_a_free_name() {
    let (temp, dir) = dir();
    for (n, content) in ["one", "two"].into_iter().enumerate() {
        fs::write(temp.path().join("Dockerfile"), content).expect("write");
        let moved = dir.move_aside("Dockerfile", "bak", 42).expect("moved");
        let want = if n == 0 {
            "Dockerfile.bak-42"
        } else {
            "Dockerfile.bak-42-1"
        };
        assert_eq!(moved, want);
        assert_eq!(
            fs::read_to_string(temp.path().join(&moved)).expect("read"),
            content
        );
        assert!(!dir.has("Dockerfile").expect("stat"));
    }
    assert!(
        dir.move_aside("Dockerfile", "bak", 42).is_err(),
        "nothing to move"
    );
}

#[test]
fn split_separates_directories_from_the_name() {
    assert_eq!(split("app/src/main.py"), (vec!["app", "src"], "main.py"));
    assert_eq!(split("Dockerfile"), (Vec::new(), "Dockerfile"));
}
