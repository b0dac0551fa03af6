//! `termcourse progress show|reset|path|export` end to end, each run with its own data
//! directory, including what `show` does with damaged and future-format progress files.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use termcourse::core::course::{NodeId, StepId};
use termcourse::core::progress::Progress;
use termcourse::edge::store::{DATA_DIR_ENV, Store};

const COURSE: &str = "tests/fixtures/basic";
const COURSE_ID: &str = "basic-dockerfiles";

fn progress_cmd(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_termcourse"))
        .arg("progress")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env(DATA_DIR_ENV, data)
        .stdin(Stdio::null())
        .output()
        .expect("run termcourse")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn progress_file(data: &Path) -> PathBuf {
    data.join("progress").join(format!("{COURSE_ID}.toml"))
}

/// Base Images complete (its quiz passed), Layer Caching started.
fn save_some_progress(data: &Path) {
    let mut p = Progress::new(COURSE_ID);
    let base = NodeId::from("base-images");
    p.mark_seen(&base, &StepId::from("intro"));
    p.mark_seen(&base, &StepId::from("pick-one"));
    p.record_attempt(&base, &StepId::from("pick-one"), Some("2".into()));
    p.record_attempt(&base, &StepId::from("pick-one"), None);
    p.nodes.entry("base-images".into()).or_default().complete = true;
    p.mark_seen(
        &NodeId::from("layer-cache"),
        &StepId::from("why-order-matters"),
    );
    p.set_position(
        &NodeId::from("layer-cache"),
        &StepId::from("why-order-matters"),
    );
    Store::open(data, COURSE_ID).save(&p).expect("save");
}

#[test]
fn show_without_progress_lists_the_matrix() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = progress_cmd(data.path(), &["show", COURSE]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.starts_with("Dockerfile Basics (basic-dockerfiles)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("(nothing saved yet)"), "{stdout}");
    assert!(stdout.contains("[ ] Base Images"), "{stdout}");
    assert!(stdout.contains("locked: needs Base Images"), "{stdout}");
    assert!(stdout.contains("0/4 nodes complete, 0 in progress, 1 available, 3 locked"));
    assert!(
        support::file_names(data.path()).is_empty(),
        "show created files"
    );
}

#[test]
fn show_reflects_saved_progress() {
    let data = tempfile::tempdir().expect("temp dir");
    save_some_progress(data.path());
    let out = progress_cmd(data.path(), &["show", COURSE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let stdout = text(&out.stdout).replace(&data.path().display().to_string(), "<data>");
    let expected = "\
Dockerfile Basics (basic-dockerfiles)
progress file: <data>/progress/basic-dockerfiles.toml

  [x] Base Images               complete     2/2 steps  1/1 quizzes
  [>]   Layer Caching           in progress  1/3 steps  0/2 quizzes
  [ ]   The .dockerignore File  available    0/1 steps  0/1 quizzes
  [-]     Multi-stage Builds    locked: needs Layer Caching

1/4 nodes complete, 1 in progress, 1 available, 1 locked
resume at: Layer Caching › Why order matters
";
    assert_eq!(stdout, expected);
}

#[test]
fn path_prints_the_file_under_the_data_dir_and_creates_nothing() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = progress_cmd(data.path(), &["path", COURSE]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        format!("{}\n", progress_file(data.path()).display())
    );
    assert!(support::file_names(data.path()).is_empty());
}

#[test]
fn export_is_json_with_states_and_the_raw_progress() {
    let data = tempfile::tempdir().expect("temp dir");
    save_some_progress(data.path());
    let out = progress_cmd(data.path(), &["export", COURSE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["course"]["id"], COURSE_ID);
    assert_eq!(json["summary"]["complete"], 1);
    assert_eq!(json["summary"]["total"], 4);
    let states: Vec<&str> = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["state"].as_str())
        .collect();
    assert_eq!(states, ["complete", "in_progress", "available", "locked"]);
    assert_eq!(
        json["nodes"][3]["missing"],
        serde_json::json!(["layer-cache"])
    );
    let quiz = &json["progress"]["nodes"]["base-images"]["quizzes"]["pick-one"];
    assert_eq!(quiz["attempts"], 2);
    assert_eq!(quiz["wrong_answers"], serde_json::json!(["2"]));
}

#[test]
fn reset_asks_first_and_refuses_without_a_terminal() {
    let data = tempfile::tempdir().expect("temp dir");
    save_some_progress(data.path());
    let before = fs::read(progress_file(data.path())).expect("read");
    let out = progress_cmd(data.path(), &["reset", COURSE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--yes"), "{}", text(&out.stderr));
    assert_eq!(
        fs::read(progress_file(data.path())).expect("still there"),
        before
    );
}

#[test]
fn reset_with_yes_keeps_the_old_file_aside() {
    let data = tempfile::tempdir().expect("temp dir");
    save_some_progress(data.path());
    let before = fs::read(progress_file(data.path())).expect("read");
    let out = progress_cmd(data.path(), &["reset", "--yes", COURSE]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("reset"), "{}", text(&out.stdout));
    assert!(!progress_file(data.path()).exists());
    let names = support::file_names(&data.path().join("progress"));
    let kept = names
        .iter()
        .find(|n| n.contains(".toml.reset-"))
        .expect("kept");
    assert_eq!(
        fs::read(data.path().join("progress").join(kept)).expect("read"),
        before
    );
    let show = text(&progress_cmd(data.path(), &["show", COURSE]).stdout);
    assert!(show.contains("0/4 nodes complete"), "{show}");
}

#[test]
fn a_course_that_does_not_load_is_reported() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = progress_cmd(data.path(), &["show", "tests/fixtures/no-such-course"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no-such-course"),
        "{}",
        text(&out.stderr)
    );
}

/// The corruption matrix: `show` starts, says what happened, and the bad file is still on disk.
#[test]
fn show_survives_damaged_and_future_progress_files() {
    let says = |name: &str| match name {
        "zero bytes" => "unusable and was kept as basic-dockerfiles.toml.corrupt-",
        "half a file" => "Progress starts fresh: the saved file was unusable",
        "garbage" => "(not UTF-8 text).",
        "zero-filled" => "(not valid TOML: ",
        _ => "newer termcourse (format 9)",
    };
    for (name, bytes) in support::damaged_progress_files(COURSE_ID) {
        let says = says(name);
        let data = tempfile::tempdir().expect("temp dir");
        let file = progress_file(data.path());
        fs::create_dir_all(file.parent().expect("dir")).expect("mkdir");
        fs::write(&file, &bytes).expect("write the bad file");

        let out = progress_cmd(data.path(), &["show", COURSE]);
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("note: "), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        let future = name == "future version";
        // A damaged file is set aside and the matrix shown fresh; a future one cannot be read.
        assert_eq!(out.status.success(), !future, "{name}: {stderr}");
        if !future {
            assert!(text(&out.stdout).contains("0/4 nodes complete"), "{name}");
        }
        let kept = if future {
            file.clone()
        } else {
            let names = support::file_names(file.parent().expect("dir"));
            let aside = names.iter().find(|n| n.contains(".toml.corrupt-"));
            file.with_file_name(aside.unwrap_or_else(|| panic!("{name}: not kept: {names:?}")))
        };
        assert_eq!(fs::read(&kept).expect("bad file on disk"), bytes, "{name}");
    }
}

#[test]
fn the_built_in_course_is_the_default() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = progress_cmd(data.path(), &["path"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected = data.path().join("progress").join("dockerfiles-for-ml.toml");
    assert_eq!(text(&out.stdout), format!("{}\n", expected.display()));
    let show = progress_cmd(data.path(), &["show"]);
    assert!(show.status.success(), "{}", text(&show.stderr));
    assert!(text(&show.stdout).starts_with("Creating Dockerfiles for ML Models"));
}
