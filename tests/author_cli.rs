//! The author's commands through the real binary (issue 13): `new`, what `check` says about
//! warnings and newer formats, `render` in a learner's state (new or from a progress file),
//! `render --step` suggestions, and `snapshot` of screens over a neutral background and of
//! narration that needs scrolling.

mod cli_common;

use std::path::{Path, PathBuf};

use cli_common::{code, copy_dir, fixture, stderr, stdout, termcourse};
use tempfile::TempDir;
use termcourse::core::course::Course;
use termcourse::core::progress::{Progress, codec};
use termcourse::edge::fs_source::load_course_path;

/// A new course from `termcourse new`, in `dir`.
fn new_course(data: &Path, dir: &Path) -> PathBuf {
    let course = dir.join("course");
    let out = termcourse(
        data,
        &["new", course.to_str().expect("utf-8"), "--id", "fresh"],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    course
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8")
}

#[test]
fn new_writes_a_course_that_checks_clean_renders_and_snapshots() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let course = new_course(data.path(), work.path());
    let out = stdout(&termcourse(data.path(), &["new", "--help"]));
    assert!(out.contains("--title"), "{out}");
    let checked = termcourse(data.path(), &["check", "--deny-warnings", s(&course)]);
    assert_eq!(code(&checked), Some(0), "{}", stdout(&checked));
    assert!(stdout(&checked).contains("2 nodes, 6 steps, 2 quizzes, 2 tasks"));
    for file in ["README.md", "course.schema.json", "node.schema.json"] {
        assert!(course.join(file).is_file(), "{file}");
    }
    let readme = std::fs::read_to_string(course.join("README.md")).expect("readme");
    for command in ["termcourse check", "play --watch", "termcourse snapshot"] {
        assert!(readme.contains(command), "{command}");
    }
    let rendered = termcourse(data.path(), &["render", s(&course), "--step", "welcome"]);
    assert_eq!(code(&rendered), Some(0), "{}", stderr(&rendered));
    assert!(stdout(&rendered).contains("This text comes from"));
    let snaps = work.path().join("snaps");
    let snapped = termcourse(
        data.path(),
        &[
            "snapshot",
            s(&course),
            "--out",
            s(&snaps),
            "--deny-overflow",
        ],
    );
    assert_eq!(code(&snapped), Some(0), "{}", stderr(&snapped));
}

#[test]
fn new_refuses_a_directory_that_is_not_empty() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    std::fs::write(work.path().join("notes.txt"), "mine").expect("write");
    let out = termcourse(data.path(), &["new", s(work.path())]);
    assert_eq!(code(&out), Some(2));
    assert!(stderr(&out).contains("is not empty"), "{}", stderr(&out));
    let bad = termcourse(
        data.path(),
        &["new", s(&work.path().join("x")), "--id", "no spaces"],
    );
    assert_eq!(code(&bad), Some(2));
    assert!(stderr(&bad).contains("invalid course id"));
}

#[test]
fn deny_warnings_says_why_it_failed_and_json_is_not_ok() {
    let data = TempDir::new().expect("temp dir");
    let course = fixture("warnings-only");
    let human = termcourse(data.path(), &["check", "--deny-warnings", &course]);
    assert_eq!(code(&human), Some(1));
    let last = stdout(&human).lines().last().unwrap_or_default().to_owned();
    assert!(
        last.starts_with("0 errors,") && last.ends_with(": failed because of --deny-warnings"),
        "{last}"
    );
    let allowed = termcourse(data.path(), &["check", &course]);
    assert_eq!(code(&allowed), Some(0));
    assert!(!stdout(&allowed).contains("--deny-warnings"));
    for (args, ok) in [
        (
            vec!["check", "--format", "json", "--deny-warnings", &course],
            false,
        ),
        (vec!["check", "--format", "json", &course], true),
    ] {
        let out = termcourse(data.path(), &args);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        assert_eq!(json["ok"], ok, "{args:?}");
        assert_eq!(json["courses"][0]["ok"], ok, "{args:?}");
        assert_eq!(
            code(&out) == Some(0),
            ok,
            "ok is false exactly when the exit status is not 0"
        );
    }
}

#[test]
fn a_newer_format_says_how_to_get_a_newer_termcourse() {
    let data = TempDir::new().expect("temp dir");
    let out = termcourse(data.path(), &["check", &fixture("future-format")]);
    assert_eq!(code(&out), Some(1));
    let text = stdout(&out);
    assert!(text.contains("cargo install --path ."), "{text}");
    let readme = include_str!("../README.md");
    assert!(
        readme.contains("cargo install --path ."),
        "the help repeats what README.md says"
    );
}

#[test]
fn render_step_suggests_the_step_meant() {
    let data = TempDir::new().expect("temp dir");
    let out = termcourse(
        data.path(),
        &["render", &fixture("render"), "--step", "welcom"],
    );
    assert_eq!(code(&out), Some(2));
    assert_eq!(
        stderr(&out),
        "error: no step `welcom` in this course; did you mean `welcome`?\n"
    );
}

#[test]
fn render_shows_a_new_learner_by_default_and_a_saved_one_with_progress() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let basic = fixture("basic");
    let matrix = |extra: &[&str]| {
        let mut args = vec![
            "render",
            basic.as_str(),
            "--screen",
            "matrix",
            "--size",
            "120x40",
        ];
        args.extend(extra);
        let out = termcourse(data.path(), &args);
        assert_eq!(code(&out), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    // The legend shows each mark once; the nodes add theirs.
    let marks = |text: &str, mark: char| text.matches(mark).count();
    let fresh = matrix(&[]);
    assert!(marks(&fresh, '■') > 1, "locked nodes:\n{fresh}");
    assert!(
        fresh.contains("▶ Base Images  in progress · you are here"),
        "{fresh}"
    );
    assert_eq!(marks(&fresh, '✔'), 1, "{fresh}");

    let course = load_course_path(Path::new(&basic)).expect("fixture loads");
    let file = work.path().join("finished.toml");
    std::fs::write(&file, codec::encode(&finished(&course)).expect("encode")).expect("write");
    let done = matrix(&["--progress", s(&file)]);
    assert_eq!(marks(&done, '■'), 1, "nothing locked:\n{done}");
    assert!(marks(&done, '✔') > 1, "{done}");

    let mut other = Progress::new("another-course");
    other.stamp(1);
    std::fs::write(&file, codec::encode(&other).expect("encode")).expect("write");
    let refused = termcourse(
        data.path(),
        &[
            "render",
            &basic,
            "--screen",
            "matrix",
            "--progress",
            s(&file),
        ],
    );
    assert_eq!(code(&refused), Some(2));
    assert!(stderr(&refused).contains("not `"), "{}", stderr(&refused));
}

/// Progress in which every node of `course` is complete.
fn finished(course: &Course) -> Progress {
    let mut progress = Progress::new(course.id.as_str());
    for node in &course.nodes {
        for step in &node.steps {
            progress.mark_seen(&node.id, &step.id);
            if step.quiz.is_some() {
                progress.record_attempt(&node.id, &step.id, None);
            }
            if step.task.is_some() {
                progress.record_task_passed(&node.id, &step.id);
            }
        }
        progress.complete_if_done(node);
    }
    progress.stamp(1);
    progress
}

#[test]
fn bash_k_with_every_entry_is_the_default() {
    let data = TempDir::new().expect("temp dir");
    let course = fixture("render");
    let render = |extra: &[&str]| {
        let mut args = vec!["render", course.as_str(), "--step", "welcome"];
        args.extend(extra);
        stdout(&termcourse(data.path(), &args))
    };
    let loaded = load_course_path(Path::new(&course)).expect("fixture loads");
    let entries = loaded.nodes[0].steps[0].bash.len();
    assert!(entries > 1);
    assert_eq!(render(&["--bash", &entries.to_string()]), render(&[]));
    assert_ne!(render(&["--bash", "1"]), render(&[]));
}

/// Snapshots `course` into `out` at 80x24 (updating), and returns the summary line.
fn snapshot(data: &Path, course: &Path, out: &Path, mode: &str) -> (Option<i32>, String) {
    let result = termcourse(
        data,
        &[
            "snapshot",
            s(course),
            "--out",
            s(out),
            "--sizes",
            "80x24",
            mode,
        ],
    );
    (code(&result), stdout(&result))
}

#[test]
fn editing_one_step_changes_only_that_steps_snapshots() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let course = work.path().join("course");
    copy_dir(Path::new(&fixture("render")), &course);
    let out = work.path().join("snaps");
    let (status, _) = snapshot(data.path(), &course, &out, "--update");
    assert_eq!(status, Some(0));
    let file = course.join("course.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen(
            "A Dockerfile is a recipe for an image.",
            "A Dockerfile is a recipe.",
            1,
        ),
    )
    .expect("write");
    let (status, report) = snapshot(data.path(), &course, &out, "--check");
    assert_eq!(status, Some(1), "{report}");
    let changed: Vec<&str> = report
        .lines()
        .filter_map(|l| l.strip_prefix("changed: "))
        .collect();
    assert!(!changed.is_empty(), "{report}");
    assert!(
        changed.iter().all(|p| p.starts_with("basics/welcome")),
        "only the edited step's snapshots: {changed:?}"
    );
}

#[test]
fn narration_that_needs_scrolling_is_snapshotted_in_pages_and_is_no_overflow() {
    let data = TempDir::new().expect("temp dir");
    let work = TempDir::new().expect("temp dir");
    let course = work.path().join("course");
    std::fs::create_dir_all(&course).expect("mkdir");
    let paragraphs: Vec<String> = (1..=30).map(|i| format!("Paragraph number {i}.")).collect();
    let text = format!(
        "format = 1\nid = \"long\"\ntitle = \"Long\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"\"\"\n{}\n\n| table | below the fold |\n| --- | --- |\n| a | b |\n\"\"\"\n",
        paragraphs.join("\n\n")
    );
    std::fs::write(course.join("course.toml"), text).expect("write");
    let out = work.path().join("snaps");
    let result = termcourse(
        data.path(),
        &[
            "snapshot",
            s(&course),
            "--out",
            s(&out),
            "--sizes",
            "80x24",
            "--deny-overflow",
        ],
    );
    assert_eq!(code(&result), Some(0), "{}", stderr(&result));
    assert!(
        !stderr(&result).contains("narration"),
        "{}",
        stderr(&result)
    );
    let mut pages: Vec<String> = std::fs::read_dir(out.join("n"))
        .expect("snapshots")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("s."))
        .collect();
    pages.sort();
    assert!(pages.len() >= 3, "{pages:?}");
    let last =
        std::fs::read_to_string(out.join("n").join(pages.last().expect("a page"))).expect("read");
    assert!(
        last.contains("below the fold"),
        "the table is covered:\n{last}"
    );
    assert!(last.contains("Paragraph number 30."), "{last}");
    let whole: String = pages
        .iter()
        .map(|p| std::fs::read_to_string(out.join("n").join(p)).expect("read"))
        .collect();
    let first = std::fs::read_to_string(out.join("n/s@80x24.txt")).expect("read");
    for i in 1..=30 {
        let needle = format!("Paragraph number {i}.");
        assert!(
            whole.contains(&needle) || first.contains(&needle),
            "{needle} is in no page"
        );
    }
    // `render --page N` shows what the snapshot of page N shows.
    let second = termcourse(
        data.path(),
        &[
            "render",
            s(&course),
            "--step",
            "s",
            "--size",
            "80x24",
            "--page",
            "2",
        ],
    );
    let stored = std::fs::read_to_string(out.join("n/s.page-2@80x24.txt")).expect("read");
    assert_eq!(stdout(&second), stored);
}
