use std::time::Duration;

use crate::core::course::{Course, Task};
use crate::core::load::{LoadOptions, load, load_prechecked};
use crate::core::source::MemorySource;

const FIXTURE: &str = include_str!("../../../../tests/fixtures/tasks/course.toml");

fn source(text: &str) -> MemorySource {
    MemorySource {
        root: "t".to_owned(),
        files: vec![("course.toml".to_owned(), text.to_owned())],
    }
}

fn the_task(course: &Course) -> &Task {
    course
        .nodes
        .iter()
        .flat_map(|n| &n.steps)
        .find_map(|s| s.task.as_ref())
        .expect("a task")
}

#[test]
fn a_valid_task_loads_with_every_key_converted() {
    let course = load(&source(FIXTURE), &LoadOptions::default());
    let course = course.map_err(|r| r.render(false)).expect("loads");
    let task = the_task(&course);
    assert!(
        task.goal
            .starts_with("Write a `Dockerfile` for the iris API:")
    );
    let paths: Vec<&str> = task.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["Dockerfile", ".dockerignore"]);
    let starter = task.files[0].starter.as_deref().expect("starter");
    assert_eq!(starter.lines().next(), Some("FROM python:latest"));
    assert!(task.files[1].starter.is_none());
    let kinds: Vec<&str> = task.checks.iter().map(|c| c.kind.name()).collect();
    assert_eq!(
        kinds,
        [
            "matches", "order", "matches", "absent", "matches", "exists", "run", "run"
        ]
    );
    assert!(task.checks[1].logical && !task.checks[0].logical);
    assert_eq!(
        task.checks[0].hint.as_deref(),
        Some("python:3.13-slim is small and pinned to a minor version")
    );
    let runs: Vec<_> = task.commands().collect();
    assert_eq!(runs.len(), 2);
    let (index, build_check) = runs[0];
    assert_eq!(index, 6);
    assert_eq!(build_check.command, "docker build --check .");
    assert_eq!(build_check.needs, ["docker"]);
    assert_eq!(build_check.timeout, Duration::from_secs(120));
    assert_eq!(build_check.exit, 0);
    assert_eq!(task.checks[6].file.as_deref(), Some("Dockerfile"));
    let (_, build) = runs[1];
    assert_eq!(build.needs, ["docker"], "a list works like a string");
    assert!(
        build
            .output
            .as_ref()
            .is_some_and(|p| p.is_match("naming to docker.io/library/iris-api"))
    );
    assert_eq!(task.checks[7].file, None);
    assert!(course.nodes[1].is_graded() && !course.nodes[0].is_graded());
}

/// A one-step course whose task has `files` and `checks` (TOML tables, inline form).
fn course_with(files: &str, checks: &str) -> String {
    format!(
        "format = 1\nid = \"c\"\ntitle = \"C\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n\
         [[node.step]]\nid = \"s\"\ntitle = \"S\"\n[node.step.task]\ngoal = \"Do it\"\n\
         {files}\n{checks}\n"
    )
}

fn errors(text: &str) -> String {
    match load(&source(text), &LoadOptions::default()) {
        Ok(_) => String::new(),
        Err(report) => report.render(false),
    }
}

#[test]
fn starters_are_kept_verbatim_and_paths_normalized() {
    let text = course_with(
        "[[node.step.task.file]]\npath = \"./app//Makefile\"\nstarter = \"all:\\n\\techo hi\\r\\n\"",
        "[[node.step.task.check]]\nfile = \"app/Makefile\"\nmatches = 'test'\nmessage = \"Add a test target\"",
    );
    let course = load(&source(&text), &LoadOptions::default());
    let course = course.map_err(|r| r.render(false)).expect("loads");
    let task = the_task(&course);
    assert_eq!(task.files[0].path, "app/Makefile");
    assert_eq!(
        task.files[0].starter.as_deref(),
        Some("all:\n\techo hi\r\n"),
        "tabs and CRs are file content, not display text"
    );
    assert_eq!(task.checks[0].file.as_deref(), Some("app/Makefile"));
}

#[test]
fn every_path_escape_is_refused() {
    for bad in [
        "../x",
        "a/../../x",
        "/abs",
        "C:x",
        "a\\\\b",
        "",
        ".",
        "./",
        "a/\\u0007",
    ] {
        let text = course_with(
            &format!("[[node.step.task.file]]\npath = \"{bad}\""),
            "[[node.step.task.check]]\nexists = true\nfile = \"x\"\nmessage = \"m\"",
        );
        let report = errors(&text);
        assert!(report.contains("error: task file path"), "{bad}: {report}");
    }
}

#[test]
fn commands_must_display_as_they_run() {
    let files = "[[node.step.task.file]]\npath = \"x\"";
    let checks = |run: &str| {
        format!(
            "[[node.step.task.check]]\nfile = \"x\"\nexists = true\nmessage = \"m\"\n\
             [[node.step.task.check]]\nrun = \"{run}\"\nmessage = \"m\""
        )
    };
    for bad in ["echo \\u001b[2J", "echo \\u202Eevil", "   "] {
        let report = errors(&course_with(files, &checks(bad)));
        assert!(report.contains("`run`"), "{bad}: {report}");
    }
    assert_eq!(errors(&course_with(files, &checks("make\\n\\ttest"))), "");
}

#[test]
fn ready_probes_load_like_commands_and_belong_to_run_checks() {
    let files = "[[node.step.task.file]]\npath = \"x\"";
    let with = |ready: &str| {
        course_with(
            files,
            &format!(
                "[[node.step.task.check]]\nfile = \"x\"\nexists = true\nmessage = \"m\"\n\
                 [[node.step.task.check]]\nrun = \"make\"\nready = {ready}\nmessage = \"m\""
            ),
        )
    };
    let course = load(
        &source(&with("[\"docker info\", \"true\"]")),
        &LoadOptions::default(),
    );
    let course = course.map_err(|r| r.render(false)).expect("loads");
    let (_, run) = the_task(&course).commands().next().expect("a run check");
    assert_eq!(run.ready, ["docker info", "true"]);
    let one = load(&source(&with("\" true \"")), &LoadOptions::default());
    let one = one.map_err(|r| r.render(false)).expect("loads");
    assert_eq!(
        the_task(&one).commands().next().expect("run").1.ready,
        ["true"]
    );
    for (bad, says) in [
        ("\"  \"", "`ready` is empty"),
        ("\"echo \\u001b[2J\"", "`ready` has a control character"),
    ] {
        let report = errors(&with(bad));
        assert!(report.contains(says), "{bad}: {report}");
    }
    let second = errors(&with("[\"true\", \" \"]"));
    assert!(
        second.contains("probe 2 of 2: no command to run"),
        "{second}"
    );
    let misplaced = course_with(
        files,
        "[[node.step.task.check]]\nfile = \"x\"\nexists = true\nready = \"true\"\nmessage = \"m\"",
    );
    let report = errors(&misplaced);
    assert!(
        report.contains("`ready` is only used by `run` checks"),
        "{report}"
    );
}

#[test]
fn the_prechecked_load_skips_the_self_tests() {
    let text = course_with(
        "[[node.step.task.file]]\npath = \"x\"\nstarter = \"done\"",
        "[[node.step.task.check]]\nfile = \"x\"\nmatches = 'done'\nmessage = \"m\"",
    );
    assert!(errors(&text).contains("the task is already solved"));
    assert!(load_prechecked(&source(&text), &LoadOptions::default()).is_ok());
}

#[test]
fn self_tests_use_the_starter_of_a_file_without_a_solution() {
    let files = "[[node.step.task.file]]\npath = \"a\"\nstarter = \"keep\"\n\
                 [[node.step.task.file]]\npath = \"b\"\nstarter = \"old\"\nsolution = \"new\"";
    let checks = "[[node.step.task.check]]\nfile = \"a\"\nmatches = 'keep'\nmessage = \"m\"\n\
                  [[node.step.task.check]]\nfile = \"b\"\nmatches = 'new'\nmessage = \"m\"";
    assert_eq!(errors(&course_with(files, checks)), "");
}
