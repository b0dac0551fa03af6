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
    // Every screen at both sizes, and the welcome step's narration, which needs scrolling at
    // 80x24, on two more pages there.
    assert_eq!(
        total,
        2 * 17 + 2,
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

/// Runs `snapshot COURSE --out OUT --sizes 80x24 EXTRA…`.
fn snapshot_into(data: &Path, course: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "snapshot",
        course,
        "--out",
        out.to_str().expect("utf-8"),
        "--sizes",
        "80x24",
    ];
    args.extend(extra);
    termcourse(data, &args)
}

#[cfg(unix)]
#[test]
fn update_never_writes_through_a_symlink_planted_in_the_directory() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let snaps = work.path().join("snaps");
    let course = fixture("render");
    let first = snapshot_into(data.path(), &course, &snaps, &["--update"]);
    assert_eq!(code(&first), Some(0), "{}", stderr(&first));
    // A cloned repository can hold this: a snapshot replaced by a link to a file of the user's.
    let victim = work.path().join("bashrc");
    fs::write(&victim, "precious\n").expect("write");
    let planted = snaps.join("basics/welcome@80x24.txt");
    fs::remove_file(&planted).expect("remove");
    std::os::unix::fs::symlink(&victim, &planted).expect("symlink");

    let refused = snapshot_into(data.path(), &course, &snaps, &["--update"]);
    assert_eq!(code(&refused), Some(1));
    assert!(
        stderr(&refused).contains("basics/welcome@80x24.txt` (a symlink)"),
        "{}",
        stderr(&refused)
    );
    let forced = snapshot_into(data.path(), &course, &snaps, &["--update", "--force"]);
    assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious\n");
    assert!(fs::symlink_metadata(&planted).expect("entry").is_file());

    // A symlinked directory is refused, naming it, even when forced.
    fs::rename(snaps.join("quizzes"), work.path().join("real-quizzes")).expect("move");
    std::os::unix::fs::symlink(work.path().join("real-quizzes"), snaps.join("quizzes"))
        .expect("symlink");
    let linked = snapshot_into(data.path(), &course, &snaps, &["--update", "--force"]);
    assert_eq!(code(&linked), Some(1));
    assert!(
        stderr(&linked).contains("snaps/quizzes` is a symlink"),
        "{}",
        stderr(&linked)
    );
}

#[test]
fn update_refuses_a_directory_of_other_files_and_never_deletes_them() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let out = work.path().join("project");
    // `--out .` in a project: text files that are not snapshots, one named like one.
    fs::create_dir_all(out.join("docs")).expect("mkdir");
    fs::write(out.join("docs/notes.txt"), "mine\n").expect("write");
    fs::write(out.join("todo.txt"), "mine\n").expect("write");
    fs::write(out.join("old@80x24.txt"), "mine\n").expect("write");
    let course = fixture("render");

    let refused = snapshot_into(data.path(), &course, &out, &["--update"]);
    assert_eq!(code(&refused), Some(1));
    assert!(
        stderr(&refused).contains("holds 3 files not written by termcourse")
            && stderr(&refused).contains("--force"),
        "{}",
        stderr(&refused)
    );
    assert!(!out.join("matrix@80x24.txt").exists(), "nothing written");

    let forced = snapshot_into(data.path(), &course, &out, &["--update", "--force"]);
    assert_eq!(code(&forced), Some(0), "{}", stderr(&forced));
    for kept in ["docs/notes.txt", "todo.txt", "old@80x24.txt"] {
        assert!(out.join(kept).exists(), "{kept} was deleted");
    }
    let report = stdout(&forced);
    assert!(
        report.contains(
            "left alone (no longer rendered, but not written by termcourse): old@80x24.txt"
        ) && report.ends_with("0 removed, 1 left alone\n"),
        "{report}"
    );
    let check = snapshot_into(data.path(), &course, &out, &["--check", "--force"]);
    assert_eq!(code(&check), Some(2), "--force is for updates");
}

#[test]
fn update_removes_only_the_snapshots_it_wrote_and_says_so() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let snaps = work.path().join("snaps");
    let course = fixture("render");
    let first = snapshot_into(
        data.path(),
        &course,
        &snaps,
        &["--update", "--sizes", "80x24,90x30"],
    );
    assert_eq!(code(&first), Some(0), "{}", stderr(&first));
    let second = snapshot_into(data.path(), &course, &snaps, &["--update"]);
    assert_eq!(code(&second), Some(0), "{}", stderr(&second));
    let report = stdout(&second);
    assert!(
        report.contains("removed (no longer rendered): basics/welcome@90x30.txt"),
        "{report}"
    );
    assert!(!snaps.join("basics/welcome@90x30.txt").exists());
    assert!(snaps.join(".termcourse-snapshots").is_file());
}

#[test]
fn ids_that_used_to_share_a_file_name_get_one_each() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let course = work.path().join("course");
    fs::create_dir_all(&course).expect("mkdir");
    let node = |id: &str| {
        format!(
            "[[node]]\nid = \"{id}\"\ntitle = \"Node {id}\"\n\
             [[node.step]]\nid = \"s\"\ntitle = \"Step of {id}\"\nbody = \"In {id}.\"\n"
        )
    };
    let text = format!(
        "format = 1\nid = \"c\"\ntitle = \"C\"\n{}{}",
        node("a.b"),
        node("a_b")
    );
    fs::write(course.join("course.toml"), text).expect("write");
    let course = course.to_str().expect("utf-8");
    let snaps = work.path().join("snaps");
    let update = snapshot_into(data.path(), course, &snaps, &["--update"]);
    assert_eq!(code(&update), Some(0), "{}", stderr(&update));
    assert!(
        stdout(&update).ends_with("6 snapshots: 0 updated, 6 added, 0 removed\n"),
        "{}",
        stdout(&update)
    );
    let written = read_dir_files(&snaps);
    assert_eq!(written.len(), 6, "{written:?}");
    let check = snapshot_into(data.path(), course, &snaps, &["--check"]);
    assert_eq!(code(&check), Some(0), "{}", stdout(&check));
}

/// Snapshot files under `dir`, recursively.
fn read_dir_files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("list").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(read_dir_files(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path.display().to_string());
        }
    }
    found
}

/// `--seed N` snapshots the choices as the learner with that seed sees them; without it they
/// keep the author's order, so the two differ and each checks clean against its own.
#[test]
fn a_seed_snapshots_a_learners_shuffle() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let course = fixture("render");
    let out = work.path().join("snaps");
    let seeded = ["--seed", "4"];
    let made = snapshot_into(data.path(), &course, &out, &seeded);
    assert_eq!(code(&made), Some(0), "{}", stderr(&made));
    let mut check = seeded.to_vec();
    check.push("--check");
    let same = snapshot_into(data.path(), &course, &out, &check);
    assert_eq!(code(&same), Some(0), "{}", stdout(&same));
    let plain = snapshot_into(data.path(), &course, &out, &["--check"]);
    assert_eq!(
        code(&plain),
        Some(1),
        "the author's order differs:\n{}",
        stdout(&plain)
    );
}

/// `termcourse snapshot … | head`: a reader that stops early is not an error to print, and
/// the status says the output was cut (141, as a shell reports a process ended by SIGPIPE).
#[test]
fn output_cut_short_by_its_reader_prints_no_error() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let snaps = work.path().join("snaps");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .env("TERMCOURSE_DATA_DIR", data.path())
        .args(["snapshot", &fixture("render"), "--out"])
        .arg(&snaps)
        .args(["--sizes", "80x24,100x30,120x40"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // The reader goes away before anything is written (rendering takes longer than this).
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(code(&out), Some(141), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no error for a closed pipe");
}
