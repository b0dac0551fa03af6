//! `termcourse check` end to end: output snapshots per fixture, positions, exit codes, JSON.

use std::path::Path;
use std::process::{Command, Output};

use termcourse::core::load::{LoadOptions, load_with_warnings};
use termcourse::core::source::MemorySource;
use termcourse::edge::fs_source::FsSource;

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .arg("check")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("run termcourse")
}

/// Exit status and stdout, as one text to snapshot.
fn transcript(args: &[&str]) -> String {
    let out = check(args);
    format!(
        "exit: {}\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout)
    )
}

macro_rules! snapshot_fixture {
    ($test:ident, $fixture:literal) => {
        #[test]
        fn $test() {
            let path = concat!("tests/fixtures/", $fixture);
            insta::assert_snapshot!(transcript(&["--color", "never", path]));
        }
    };
}

snapshot_fixture!(snapshot_basic, "basic");
snapshot_fixture!(snapshot_five_mistakes, "five-mistakes");
snapshot_fixture!(snapshot_syntax_error, "syntax-error");
snapshot_fixture!(snapshot_graph, "graph");
snapshot_fixture!(snapshot_quizzes, "quizzes");
snapshot_fixture!(snapshot_structure, "structure");
snapshot_fixture!(snapshot_future_format, "future-format");
snapshot_fixture!(snapshot_warnings_only, "warnings-only");
snapshot_fixture!(snapshot_task_mistakes, "task-mistakes");
snapshot_fixture!(snapshot_tasks, "tasks");
snapshot_fixture!(snapshot_markup_and_fit, "markup");

fn positions(fixture: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let source = FsSource::new(&dir.join(fixture)).expect("fixture exists");
    let (course, report) = load_with_warnings(&source, &LoadOptions::default());
    assert!(course.is_none());
    let prefix = format!("{}/", dir.display());
    report
        .diagnostics
        .iter()
        .map(|d| d.position().replace(&prefix, ""))
        .collect()
}

#[test]
fn five_mistakes_in_two_files_are_all_reported_at_their_positions() {
    assert_eq!(
        positions("five-mistakes"),
        [
            "five-mistakes/course.toml:10:13",
            "five-mistakes/course.toml:18:6",
            "five-mistakes/course.toml:37:11",
            "five-mistakes/nodes/setup.toml:3:1",
            "five-mistakes/nodes/setup.toml:13:10",
        ]
    );
}

#[test]
fn a_syntax_error_in_one_file_does_not_hide_the_others() {
    assert_eq!(
        positions("syntax-error"),
        [
            "syntax-error/course.toml:9:1",
            "syntax-error/nodes/broken.toml:2:29",
            "syntax-error/nodes/fine.toml:3:23",
            "syntax-error/nodes/fine.toml:8:11",
        ]
    );
}

#[test]
fn every_task_mistake_is_reported_at_its_position() {
    let at = |line: u32| format!("task-mistakes/course.toml:{line}");
    let positions: Vec<String> = positions("task-mistakes")
        .into_iter()
        .map(|p| p.rsplit_once(':').map_or(p.clone(), |(l, _)| l.to_owned()))
        .collect();
    // Unknown kind, no kind, two kinds, `exists = false`, an order of one, a bad regex, no
    // `file`; `..`, absolute, backslash, file-and-directory, a control character, a path
    // listed twice, an unknown `file`; run-only keys elsewhere, a bad `needs`, `exit` and
    // `timeout` out of range, `logical` on `run`, a bad `output`; only commands; a check
    // failing on the solution; a task solved by its starters; a quiz and a task in a step;
    // a shared workspace file (warning).
    let want: Vec<String> = [
        20, 22, 28, 32, 36, 40, 43, 52, 54, 56, 60, 63, 65, 67, 81, 86, 87, 88, 89, 90, 96, 119,
        125, 143, 158,
    ]
    .into_iter()
    .map(at)
    .collect();
    assert_eq!(positions, want);
}

#[test]
fn exit_codes() {
    let code = |args: &[&str]| check(args).status.code();
    assert_eq!(code(&["tests/fixtures/basic"]), Some(0));
    assert_eq!(code(&["tests/fixtures/basic/course.toml"]), Some(0));
    assert_eq!(code(&["tests/fixtures/warnings-only"]), Some(0));
    assert_eq!(
        code(&["--deny-warnings", "tests/fixtures/warnings-only"]),
        Some(1)
    );
    assert_eq!(code(&["--deny-warnings", "tests/fixtures/basic"]), Some(0));
    assert_eq!(code(&["tests/fixtures/graph"]), Some(1));
    assert_eq!(code(&["--deny-warnings", "tests/fixtures/tasks"]), Some(0));
    assert_eq!(code(&["tests/fixtures/task-mistakes"]), Some(1));
    assert_eq!(
        code(&["tests/fixtures/basic", "tests/fixtures/graph"]),
        Some(1)
    );
    assert_eq!(code(&[]), Some(2), "no PATH");
    assert_eq!(code(&["--format", "xml", "tests/fixtures/basic"]), Some(2));
    assert_eq!(code(&["tests/fixtures/no-such-course"]), Some(2));
    assert_eq!(
        code(&["tests/fixtures"]),
        Some(2),
        "a directory without course.toml"
    );
}

#[test]
fn several_paths_are_checked_in_one_run() {
    let text = transcript(&[
        "--color",
        "never",
        "tests/fixtures/basic",
        "tests/fixtures/future-format",
    ]);
    assert!(text.contains("tests/fixtures/basic: \"Dockerfile Basics\": 4 nodes"));
    assert!(text.contains("future-format/course.toml:2:10: error:"));
    assert!(text.trim_end().ends_with("1 error, 0 warnings"));
}

#[test]
fn json_output_lists_every_diagnostic() {
    let out = check(&[
        "--format",
        "json",
        "tests/fixtures/five-mistakes",
        "tests/fixtures/basic",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 5);
    assert_eq!(json["warnings"], 0);
    let broken = &json["courses"][0];
    assert_eq!(broken["ok"], false);
    let first = &broken["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "tests/fixtures/five-mistakes/course.toml");
    assert_eq!(first["location"]["line"], 10);
    assert_eq!(first["location"]["col"], 13);
    assert_eq!(broken["diagnostics"].as_array().map(Vec::len), Some(5));
    let basic = &json["courses"][1];
    assert_eq!(basic["ok"], true);
    assert_eq!(basic["course"]["nodes"], 4);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = check(&["tests/fixtures/graph"]);
    assert!(!plain.stdout.contains(&0x1b), "stdout is a pipe: no colour");
    let coloured = check(&["--color", "always", "tests/fixtures/graph"]);
    assert!(coloured.stdout.contains(&0x1b));
}

#[test]
fn memory_sources_name_files_under_their_root() {
    let source = MemorySource {
        root: "lessons/x".to_owned(),
        files: vec![(
            "course.toml".to_owned(),
            "format = 1\nid = \"x\"\ntitel = 1\n".to_owned(),
        )],
    };
    let (course, report) = load_with_warnings(&source, &LoadOptions::default());
    assert!(course.is_none());
    let rendered = report.render(false);
    assert!(
        rendered.contains("lessons/x/course.toml:3:1: error: unknown key `titel`"),
        "{rendered}"
    );
    assert!(
        rendered.contains("lessons/x/course.toml:1:1: error: the course has no nodes"),
        "{rendered}"
    );
    assert!(rendered.ends_with("2 errors, 0 warnings\n"), "{rendered}");
}

#[test]
fn the_built_in_course_has_no_problems() {
    let out = check(&[
        "--deny-warnings",
        "--color",
        "never",
        "lessons/dockerfiles-for-ml",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.ends_with("0 errors, 0 warnings\n"), "{text}");
}

/// Runs `check ARGS… DIR` on a course made of `text`.
fn check_text(text: &str, args: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("course.toml"), text).expect("write");
    let mut all = args.to_vec();
    let path = dir.path().to_str().expect("utf-8").to_owned();
    all.push(&path);
    let out = check(&all);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

const NODE: &str = "[[node]]\nid = \"n\"\ntitle = \"N\"\n\
                    [[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n";

#[test]
fn json_messages_are_as_inert_as_the_human_ones() {
    // A requirement naming no node is quoted as written.
    let text = format!(
        "format = 1\nid = \"c\"\ntitle = \"T\"\n{}",
        NODE.replace(
            "title = \"N\"",
            "title = \"N\"\nrequires = [\"a\u{9b}31m\u{202e}b\"]"
        )
    );
    let (code, out) = check_text(&text, &["--format", "json"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        !out.contains('\u{9b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let message = json["courses"][0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(
        message,
        "node `n` requires `a<U+009B>31m<U+202E>b`, which is not a node of this course"
    );
}

#[test]
fn an_integer_too_large_is_out_of_range_not_of_the_wrong_type() {
    let text = format!("format = 99999999999999999999\nid = \"c\"\ntitle = \"T\"\n{NODE}");
    let (code, out) = check_text(&text, &["--color", "never"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("course.toml:1:10: error: integer `99999999999999999999` is out of range"),
        "{out}"
    );
    assert!(
        !out.contains("expected an integer, found an integer"),
        "{out}"
    );
}

#[test]
fn a_key_dotted_too_deep_is_reported_at_the_key() {
    let key = vec!["a"; 100].join(".");
    let text = format!("format = 1\nid = \"c\"\ntitle = \"T\"\n{key} = 1\n{NODE}");
    let (code, out) = check_text(&text, &["--color", "never"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("course.toml:4:1: error: TOML syntax: keys nested too deeply"),
        "{out}"
    );
}
