//! `termcourse snapshot` through the real binary: check, update, added and missing files,
//! overflow, usage errors.

mod cli_common;

use std::fs;
use std::path::{Path, PathBuf};

use cli_common::{code, copy_dir, fixture, stderr, stdout, termcourse};
use tempfile::TempDir;

#[test]
fn check_fails_after_a_one_word_change_and_passes_after_update() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let course = work.path().join("course");
    copy_dir(Path::new(&fixture("render")), &course);
    let snaps: PathBuf = work.path().join("snaps");
    let (course, snaps) = (
        course.to_str().expect("utf-8"),
        snaps.to_str().expect("utf-8"),
    );
    let snapshot = |mode: &str| {
        termcourse(
            data.path(),
            &[
                "snapshot",
                course,
                "--out",
                snaps,
                "--sizes",
                "80x24,100x30",
                mode,
            ],
        )
    };

    let first = snapshot("--update");
    assert_eq!(code(&first), Some(0), "{}", stderr(&first));
    let total = stdout(&first)
        .lines()
        .last()
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("summary line");
    assert_eq!(
        total,
        2 * 17,
        "every screen at both sizes: {}",
        stdout(&first)
    );
    assert!(Path::new(snaps).join("basics/welcome@80x24.txt").is_file());
    assert!(
        Path::new(snaps)
            .join("quizzes/in-order.quiz-wrong@100x30.txt")
            .is_file()
    );

    let clean = snapshot("--check");
    assert_eq!(code(&clean), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).ends_with(&format!(
        "{total} snapshots: 0 changed, 0 added, 0 missing\n"
    )));

    let toml = Path::new(course).join("course.toml");
    let text = fs::read_to_string(&toml).expect("read course");
    fs::write(
        &toml,
        text.replace("recipe for an image", "recipe for a container"),
    )
    .expect("edit course");
    let changed = snapshot("--check");
    assert_eq!(code(&changed), Some(1));
    let report = stdout(&changed);
    assert!(
        report.contains("changed: basics/welcome@80x24.txt"),
        "{report}"
    );
    assert!(
        report.contains("+++ rendered/basics/welcome@80x24.txt"),
        "{report}"
    );
    assert!(
        report.contains("+│ A Dockerfile is a recipe for a container."),
        "{report}"
    );
    assert!(
        report.contains("-│ A Dockerfile is a recipe for an image."),
        "{report}"
    );
    let changed_files = report
        .lines()
        .filter(|l| l.starts_with("changed: "))
        .count();
    assert!(changed_files >= 2, "{report}");
    let summary = format!("{total} snapshots: {changed_files} changed, 0 added, 0 missing\n");
    assert!(report.ends_with(&summary), "{report}");

    let update = snapshot("--update");
    assert_eq!(code(&update), Some(0));
    let after = snapshot("--check");
    assert_eq!(code(&after), Some(0), "{}", stdout(&after));
}

#[test]
fn check_lists_added_and_missing_files() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let snaps = work.path().join("snaps");
    fs::create_dir_all(snaps.join("old")).expect("create dir");
    fs::write(snaps.join("old/step@80x24.txt"), "stale\n").expect("write");
    let out = termcourse(
        data.path(),
        &[
            "snapshot",
            &fixture("render"),
            "--out",
            snaps.to_str().expect("utf-8"),
            "--sizes",
            "80x24",
            "--check",
        ],
    );
    assert_eq!(code(&out), Some(1));
    let report = stdout(&out);
    assert!(report.contains("missing: old/step@80x24.txt"), "{report}");
    assert!(
        report.contains("added (not in the snapshot directory): matrix@80x24.txt"),
        "{report}"
    );
    assert!(
        !snaps.join("matrix@80x24.txt").exists(),
        "--check writes nothing"
    );
}
#[test]
fn snapshot_usage_errors_and_unloadable_courses() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let out = work.path().join("snaps");
    let out = out.to_str().expect("utf-8");
    let course = fixture("render");
    for args in [
        vec![
            "snapshot",
            course.as_str(),
            "--out",
            out,
            "--check",
            "--update",
        ],
        vec![
            "snapshot",
            course.as_str(),
            "--out",
            out,
            "--sizes",
            "80x24,big",
        ],
        vec!["snapshot", course.as_str()],
    ] {
        let result = termcourse(data.path(), &args);
        assert_eq!(code(&result), Some(2), "{args:?}: {}", stderr(&result));
    }
    assert!(!Path::new(out).exists(), "nothing written on bad usage");
    let missing = fixture("no-such-course");
    for args in [
        vec!["render", missing.as_str(), "--step", "x"],
        vec!["snapshot", missing.as_str(), "--out", out],
    ] {
        let result = termcourse(data.path(), &args);
        assert_eq!(code(&result), Some(1), "{args:?}");
        assert!(
            stderr(&result).contains("does not exist"),
            "{}",
            stderr(&result)
        );
    }
}

#[test]
fn deny_overflow_turns_overflow_warnings_into_a_failure() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let out = work.path().join("snaps");
    let out = out.to_str().expect("utf-8");
    let course = fixture("render");
    let args = [
        "snapshot",
        course.as_str(),
        "--out",
        out,
        "--sizes",
        "40x12",
    ];
    let warned = termcourse(data.path(), &args);
    assert_eq!(code(&warned), Some(0), "{}", stderr(&warned));
    assert!(
        stderr(&warned).contains("warning: basics/welcome@40x12.txt: "),
        "{}",
        stderr(&warned)
    );
    let mut denied_args = args.to_vec();
    denied_args.extend(["--check", "--deny-overflow"]);
    let denied = termcourse(data.path(), &denied_args);
    assert_eq!(code(&denied), Some(1));
    assert!(
        stderr(&denied).contains("error: basics/welcome@40x12.txt: "),
        "{}",
        stderr(&denied)
    );
    assert!(
        stdout(&denied).ends_with("0 changed, 0 added, 0 missing\n"),
        "{}",
        stdout(&denied)
    );
}
