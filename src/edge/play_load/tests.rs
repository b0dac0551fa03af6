//! The player's first screen from an outline, and the full load that replaces it.

use std::fs;
use std::path::Path;

use super::*;
use crate::core::course::NodeId;
use crate::core::load::load;

/// A course of `n` node files, each requiring the one before; node 0's file has a multi-line
/// summary with a line that looks like a table header inside it.
fn course_dir(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let files: Vec<String> = (0..n).map(|i| format!("\"nodes/n{i}.toml\"")).collect();
    fs::create_dir_all(dir.path().join("nodes")).expect("nodes dir");
    fs::write(
        dir.path().join("course.toml"),
        format!(
            "format = 1\nid = \"lazy\"\ntitle = \"Lazy\"\nnodes = [{}]\n",
            files.join(", ")
        ),
    )
    .expect("course file");
    for i in 0..n {
        let requires = if i == 0 {
            String::new()
        } else {
            format!("requires = [\"n{}\"]\n", i - 1)
        };
        let summary = if i == 0 {
            "summary = \"\"\"\nTwo lines,\n[not a table]\n\"\"\"\n".to_owned()
        } else {
            format!("summary = \"Node {i}\"\n")
        };
        let text = format!(
            "id = \"n{i}\"\ntitle = \"Node {i}\"\n{summary}{requires}\n\
             [[step]]\nid = \"a\"\ntitle = \"A{i}\"\nbody = \"Body {i}\"\n\
             [[step]]\nid = \"b\"\ntitle = \"B{i}\"\nbody = \"More {i}\"\n"
        );
        fs::write(dir.path().join(format!("nodes/n{i}.toml")), text).expect("node file");
    }
    dir
}

type Refused = &'static str;

/// The first screen of the course in `dir`, lazily, starting from `progress`; also what
/// `prepare` was shown.
fn start(dir: &Path, progress: Progress) -> (Result<FirstScreen, NotStarted<Refused>>, Course) {
    let mut shown = None;
    let first = first_screen(Some(dir), true, None, |course: &Course| {
        shown = Some(course.clone());
        Ok::<_, Refused>((progress, Options::default()))
    });
    (first, shown.expect("prepare is called"))
}

#[test]
fn the_first_screen_loads_the_start_node_only_and_the_rest_replaces_it() {
    let dir = course_dir(5);
    let mut progress = Progress::new("lazy");
    progress.nodes.entry("n0".into()).or_default().complete = true;
    progress.nodes.entry("n1".into()).or_default().complete = true;
    let (first, outline) = start(dir.path(), progress);
    assert_eq!(outline.nodes.len(), 5);
    let steps: Vec<usize> = outline.nodes.iter().map(|n| n.steps.len()).collect();
    assert_eq!(
        steps,
        [2, 0, 0, 0, 0],
        "headers only, but node 0's header cannot be cut from it and is read whole"
    );
    assert_eq!(outline.nodes[0].summary, "Two lines,\n[not a table]");
    assert_eq!(outline.nodes[3].requires, [NodeId::new("n2")]);

    let first = first.expect("first screen");
    let model = first.model;
    assert_eq!(model.node, 2, "the first open node that is not complete");
    assert_eq!(model.step_ref().map(|s| s.title.as_str()), Some("A2"));
    let loaded: Vec<usize> = model
        .course()
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.steps.is_empty())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        loaded,
        [0, 2],
        "the start node has its steps, and node 0 was read whole"
    );

    let rest = first.rest.expect("the rest is still to load")().expect("loads in full");
    let full = load(
        &FsSource::new(dir.path()).expect("source"),
        &crate::core::load::LoadOptions::default(),
    )
    .expect("the full check");
    assert_eq!(
        rest, full,
        "the rest is the course as the full check loads it"
    );
}

#[test]
fn errors_in_the_rest_are_found_by_the_full_load_and_errors_up_front_as_before() {
    let dir = course_dir(3);
    fs::write(
        dir.path().join("nodes/n2.toml"),
        "id = \"n2\"\ntitle = \"Node 2\"\nsummary = \"s\"\n[[step]]\nid = \"a\"\n",
    )
    .expect("broken step");
    let (first, _) = start(dir.path(), Progress::new("lazy"));
    let first = first.expect("the start node is fine");
    let report = first.rest.expect("rest")().expect_err("the broken step is found");
    assert!(
        report.render(false).contains("nodes/n2.toml"),
        "{}",
        report.render(false)
    );

    // A broken start node, or header: loaded in full at once, and reported.
    let mut progress = Progress::new("lazy");
    progress.nodes.entry("n0".into()).or_default().complete = true;
    progress.nodes.entry("n1".into()).or_default().complete = true;
    let (first, _) = start(dir.path(), progress);
    let Err(NotStarted::Course(report)) = first else {
        panic!("the start node's errors are reported");
    };
    assert!(
        report.render(false).contains("has no `title`"),
        "{}",
        report.render(false)
    );
    fs::write(dir.path().join("nodes/n1.toml"), "id = \"n1\"\ntitle = 3\n").expect("broken header");
    let started = first_screen(
        Some(dir.path()),
        true,
        None,
        |_: &Course| -> Result<Start, Refused> { panic!("not started on a broken course") },
    );
    let Err(NotStarted::Course(report)) = started else {
        panic!("a broken header is reported at once");
    };
    assert!(report.render(false).contains("nodes/n1.toml"));
}

#[test]
fn a_refusal_stops_before_the_model_is_built() {
    let dir = course_dir(2);
    let started = first_screen(
        Some(dir.path()),
        true,
        None,
        |course: &Course| -> Result<Start, Refused> {
            assert_eq!(course.nodes.len(), 2);
            Err("no terminal")
        },
    );
    assert!(matches!(started, Err(NotStarted::Refused("no terminal"))));
}

#[test]
fn a_start_node_asked_for_is_loaded_before_prepare_sees_the_course() {
    let dir = course_dir(4);
    let mut shown = None;
    let first = first_screen(Some(dir.path()), true, Some("n2"), |course: &Course| {
        shown = Some(course.clone());
        let options = Options {
            node: Some(NodeId::new("n2")),
            step: Some(crate::core::course::StepId::new("b")),
            // n2 is locked for a new learner; practice goes anywhere.
            practice: true,
            ..Options::default()
        };
        Ok::<_, Refused>((Progress::new("lazy"), options))
    });
    let shown = shown.expect("prepare is called");
    let steps: Vec<usize> = shown.nodes.iter().map(|n| n.steps.len()).collect();
    assert_eq!(
        steps[2], 2,
        "n2's steps are there for a --step check: {steps:?}"
    );
    assert_eq!(
        steps[3], 0,
        "and only n2's (node 0 is read whole): {steps:?}"
    );
    let first = first.expect("first screen");
    assert!(first.rest.is_some(), "the rest still loads on a thread");
    assert_eq!(first.model.step_ref().map(|s| s.id.as_str()), Some("b"));
}
