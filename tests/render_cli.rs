//! `termcourse render` and `termcourse snapshot` through the real binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Runs the binary with `args`, its data directory pointed at `data` and a hostile environment
/// (colour forced off, odd terminal settings) that must change nothing.
fn termcourse(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .args(args)
        .env("TERMCOURSE_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .env("COLUMNS", "7")
        .env("LINES", "3")
        .output()
        .expect("run termcourse")
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

fn copy_dir(from: &Path, to: &Path) {
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

/// Whether every ESC in `text` starts an SGR sequence (`ESC [ digits/; m`), and no other
/// control character but `\n` (C0, DEL or C1) appears.
fn only_sgr(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' {
            let after = &rest[1..];
            let params = after
                .strip_prefix('[')
                .ok_or_else(|| format!("non-CSI escape before {:?}", head(after)))?;
            let end = params
                .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                .ok_or("unterminated CSI")?;
            if !params[end..].starts_with('m') {
                return Err(format!("non-SGR CSI before {:?}", head(after)));
            }
            rest = &params[end + 1..];
            continue;
        }
        if c != '\n' && c.is_control() {
            return Err(format!("control {c:?} before {:?}", head(rest)));
        }
        rest = &rest[c.len_utf8()..];
    }
    Ok(())
}

fn head(text: &str) -> String {
    text.chars().take(20).collect()
}

#[test]
fn render_of_a_fixture_step_matches_its_snapshot() {
    let data = TempDir::new().expect("temp dir");
    let out = termcourse(
        data.path(),
        &["render", &fixture("render"), "--step", "welcome"],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("render_welcome_100x30", stdout(&out));
}

#[test]
fn render_is_deterministic_in_both_formats() {
    let data = TempDir::new().expect("temp dir");
    for format in ["plain", "ansi"] {
        let args = [
            "render",
            &fixture("render"),
            "--step",
            "in-order",
            "--answer",
            "3,1,2,4",
            "--size",
            "80x24",
            "--format",
            format,
        ];
        let first = termcourse(data.path(), &args);
        let second = termcourse(data.path(), &args);
        assert_eq!(code(&first), Some(0), "{}", stderr(&first));
        assert!(!first.stdout.is_empty());
        assert_eq!(first.stdout, second.stdout, "{format} differs between runs");
        let text = stdout(&first);
        assert_eq!(text.lines().count(), 24, "one line per row");
        assert!(text.lines().all(|l| !l.ends_with(' ')), "trailing spaces");
    }
}

#[test]
fn escape_sequences_in_lessons_never_reach_the_output() {
    let data = TempDir::new().expect("temp dir");
    let course = fixture("escapes");
    let mut runs: Vec<Vec<&str>> = vec![
        vec!["--step", "sequences"],
        vec!["--step", "quiz"],
        vec!["--step", "quiz", "--answer", "2"],
        vec!["--screen", "matrix"],
        vec!["--screen", "glossary"],
        vec!["--screen", "faq"],
    ];
    for run in &mut runs {
        for format in ["plain", "ansi"] {
            let mut args = vec!["render", course.as_str(), "--format", format];
            args.extend(run.iter());
            let out = termcourse(data.path(), &args);
            assert_eq!(code(&out), Some(0), "{args:?}: {}", stderr(&out));
            let text = stdout(&out);
            if format == "plain" {
                assert!(
                    !out.stdout.contains(&0x1b),
                    "ESC in plain output of {args:?}"
                );
                assert!(
                    !text.contains('\u{9b}'),
                    "C1 CSI in plain output of {args:?}"
                );
            }
            assert_eq!(only_sgr(&text), Ok(()), "{args:?}:\n{text}");
            assert!(!text.contains('\u{202e}'), "bidi override in {args:?}");
        }
    }
    let plain = stdout(&termcourse(
        data.path(),
        &["render", &course, "--step", "sequences", "--size", "120x40"],
    ));
    assert!(
        plain.contains("52;c;SGVsbG8="),
        "the OSC 52 text stays visible:\n{plain}"
    );
}

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
fn bad_flags_are_usage_errors() {
    let data = TempDir::new().expect("temp dir");
    let course = fixture("render");
    for (args, message) in [
        (vec!["--step", "welcome", "--size", "80by24"], "not a size"),
        (vec!["--step", "welcome", "--size", "0x24"], "between 1 and"),
        (vec!["--step", "nope"], "no step `nope`"),
        (
            vec!["--step", "pick-one", "--answer", "7"],
            "one choice number from 1 to 2",
        ),
        (vec!["--step", "welcome", "--answer", "1"], "has no quiz"),
        (
            vec!["--step", "welcome", "--bash", "9"],
            "has 2 bash entries",
        ),
        (
            vec!["--screen", "matrix", "--step", "welcome"],
            "cannot be used with",
        ),
        (vec![], "--step"),
    ] {
        let mut all = vec!["render", course.as_str()];
        all.extend(args.iter());
        let out = termcourse(data.path(), &all);
        assert_eq!(code(&out), Some(2), "{all:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{all:?}: {}", stderr(&out));
    }
}

#[test]
fn screens_and_states_render() {
    let data = TempDir::new().expect("temp dir");
    let course = fixture("render");
    let matrix = termcourse(data.path(), &["render", &course, "--screen", "matrix"]);
    assert_eq!(code(&matrix), Some(0), "{}", stderr(&matrix));
    assert!(stdout(&matrix).contains("Basics"), "{}", stdout(&matrix));
    let partial = termcourse(
        data.path(),
        &["render", &course, "--step", "welcome", "--bash", "1"],
    );
    let full = termcourse(data.path(), &["render", &course, "--step", "welcome"]);
    assert_eq!(code(&partial), Some(0), "{}", stderr(&partial));
    assert!(!stdout(&partial).contains("docker images demo"));
    assert!(stdout(&full).contains("docker images demo"));
}
