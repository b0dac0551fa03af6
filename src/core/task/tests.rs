use std::time::Duration;

use super::*;
use crate::core::course::{RunCheck, TaskFile};

fn pattern(src: &str) -> Pattern {
    Pattern::compile(src, false).expect("test pattern")
}

fn check(file: &str, kind: CheckKind, logical: bool) -> Check {
    Check {
        file: Some(file.to_owned()),
        kind,
        logical,
        message: format!("fix {file}"),
        hint: None,
    }
}

fn run_check(command: &str) -> Check {
    Check {
        file: None,
        kind: CheckKind::Run(RunCheck {
            command: command.to_owned(),
            needs: Vec::new(),
            ready: Vec::new(),
            exit: 0,
            output: None,
            timeout: Duration::from_secs(30),
        }),
        logical: false,
        message: "build it".to_owned(),
        hint: None,
    }
}

fn task(checks: Vec<Check>) -> Task {
    Task {
        goal: "Write a Dockerfile".to_owned(),
        files: ["Dockerfile", ".dockerignore"]
            .into_iter()
            .map(|p| TaskFile {
                path: p.to_owned(),
                starter: None,
                solution: None,
            })
            .collect(),
        checks,
    }
}

fn files(dockerfile: Option<&str>) -> TaskFiles {
    let mut files = TaskFiles::new();
    if let Some(text) = dockerfile {
        files.insert("Dockerfile".to_owned(), FileState::Text(text.to_owned()));
    }
    files
}

fn grade_one(check: Check, text: &str) -> CheckStatus {
    let task = task(vec![check]);
    grade_files(&task, &files(Some(text)))
        .pop()
        .flatten()
        .expect("a file check")
}

const GOOD: &str = "\
# syntax=docker/dockerfile:1
FROM python:3.13-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir \\
    -r requirements.txt
COPY . .
USER app
CMD [\"uvicorn\", \"app:app\", \"--host\", \"0.0.0.0\"]
";

#[test]
#[allow(clippy::too_many_lines)] // one table of cases
fn each_kind_of_file_check() {
    let failing = |detail: Option<&str>| CheckStatus::Failing {
        detail: detail.map(str::to_owned),
    };
    let cases: Vec<(&str, CheckKind, bool, &str, CheckStatus)> = vec![
        (
            "matches",
            CheckKind::Matches(pattern(r"(?m)^FROM python:3\.1[3-9]")),
            false,
            GOOD,
            CheckStatus::Passed,
        ),
        (
            "matches fails",
            CheckKind::Matches(pattern(r"(?m)^HEALTHCHECK")),
            false,
            GOOD,
            failing(None),
        ),
        (
            "absent",
            CheckKind::Absent(pattern(r"(?m)^(ARG|ENV) .*(PASSWORD|TOKEN)")),
            false,
            GOOD,
            CheckStatus::Passed,
        ),
        (
            "absent fails with the line",
            CheckKind::Absent(pattern(r"(?m)^USER root")),
            false,
            "FROM x\n\nUSER root\n",
            failing(Some("found on line 3")),
        ),
        (
            "order",
            CheckKind::Order(vec![
                pattern(r"COPY requirements\.txt"),
                pattern(r"RUN pip install"),
                pattern(r"COPY \. \."),
            ]),
            false,
            GOOD,
            CheckStatus::Passed,
        ),
        (
            "order fails when the source comes first",
            CheckKind::Order(vec![pattern(r"COPY \. \."), pattern(r"RUN pip install")]),
            false,
            "FROM x\nRUN pip install -r r.txt\nCOPY . .\n",
            failing(Some("part 2 of 2 not found after part 1 (line 3)")),
        ),
        (
            "order fails on the first pattern",
            CheckKind::Order(vec![pattern("nope"), pattern("FROM")]),
            false,
            GOOD,
            failing(Some("part 1 of 2 not found")),
        ),
        (
            "order needs distinct matches",
            CheckKind::Order(vec![pattern("COPY"), pattern("COPY"), pattern("COPY")]),
            false,
            GOOD,
            failing(Some("part 3 of 3 not found after part 2 (line 7)")),
        ),
        (
            "order with empty matches still moves on",
            CheckKind::Order(vec![pattern("x*"), pattern("x*"), pattern("^$")]),
            false,
            "",
            failing(Some("part 2 of 3 not found after part 1 (line 1)")),
        ),
        ("exists", CheckKind::Exists, false, "x", CheckStatus::Passed),
        (
            "exists fails on blank",
            CheckKind::Exists,
            false,
            " \n\t\n",
            failing(Some("`Dockerfile` is empty")),
        ),
        (
            "logical joins continuations",
            CheckKind::Matches(pattern(
                r"(?m)^RUN pip install --no-cache-dir -r requirements\.txt$",
            )),
            true,
            GOOD,
            CheckStatus::Passed,
        ),
        (
            "without logical the continuation is not joined",
            CheckKind::Matches(pattern(
                r"(?m)^RUN pip install --no-cache-dir -r requirements\.txt$",
            )),
            false,
            GOOD,
            failing(None),
        ),
        (
            "logical drops comments",
            CheckKind::Absent(pattern(r"syntax")),
            true,
            GOOD,
            CheckStatus::Passed,
        ),
        (
            "logical reports the physical line",
            CheckKind::Absent(pattern(r"--no-cache-dir -r")),
            true,
            GOOD,
            failing(Some("found on line 5")),
        ),
    ];
    for (name, kind, logical, text, want) in cases {
        let got = grade_one(check("Dockerfile", kind, logical), text);
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_do_not_matter() {
    let text = "\u{feff}FROM python:3.13-slim\r\nRUN pip install \\\r\n  -r r.txt\r\n";
    let check_for =
        |src: &str, logical| check("Dockerfile", CheckKind::Matches(pattern(src)), logical);
    assert_eq!(
        grade_one(check_for(r"\AFROM python:3\.13-slim$", false), text),
        CheckStatus::Failing { detail: None },
        "`$` without (?m) is the end of the text"
    );
    assert_eq!(
        grade_one(check_for(r"(?m)\AFROM python:3\.13-slim$", false), text),
        CheckStatus::Passed
    );
    assert_eq!(
        grade_one(check_for(r"(?m)^RUN pip install -r r\.txt$", true), text),
        CheckStatus::Passed
    );
}

#[test]
fn missing_and_unreadable_files_fail_every_file_check() {
    let t = task(vec![
        check("Dockerfile", CheckKind::Absent(pattern("root")), false),
        check(".dockerignore", CheckKind::Exists, false),
        run_check("docker build ."),
    ]);
    let mut files = files(None);
    files.insert(
        ".dockerignore".to_owned(),
        FileState::Unreadable("is a symbolic link, which termcourse does not follow".to_owned()),
    );
    let graded = grade_files(&t, &files);
    assert_eq!(
        graded,
        [
            Some(CheckStatus::Failing {
                detail: Some("`Dockerfile` does not exist yet".to_owned())
            }),
            Some(CheckStatus::Failing {
                detail: Some(
                    "`.dockerignore` is a symbolic link, which termcourse does not follow"
                        .to_owned()
                )
            }),
            None,
        ]
    );
}

#[test]
fn a_task_passes_when_every_check_that_is_not_skipped_passes() {
    let t = task(vec![
        check("Dockerfile", CheckKind::Matches(pattern("FROM")), false),
        run_check("docker build --check ."),
        run_check("docker build ."),
    ]);
    let mut state = TaskState::new(&t);
    assert!(!state.is_passed());
    assert!(state.apply_files(&t, &files(Some("FROM x"))));
    assert!(!state.is_passed(), "commands not run yet");
    assert!(state.set(
        1,
        CheckStatus::Skipped(SkipReason::MissingPrograms(vec!["docker".to_owned()]))
    ));
    state.skip_commands(&t, &SkipReason::NotTrusted);
    assert_eq!(
        state.statuses()[1],
        CheckStatus::Skipped(SkipReason::MissingPrograms(vec!["docker".to_owned()])),
        "the more specific reason stays"
    );
    assert_eq!(
        state.statuses()[2],
        CheckStatus::Skipped(SkipReason::NotTrusted)
    );
    assert!(state.is_passed());
    assert_eq!(
        state.counts(),
        Counts {
            passed: 1,
            skipped: 2,
            ..Counts::default()
        }
    );
    assert!(!state.set(9, CheckStatus::Passed), "out of range");
}

#[test]
fn command_results_go_stale_when_the_files_change() {
    let t = task(vec![
        check("Dockerfile", CheckKind::Matches(pattern("FROM")), false),
        run_check("docker build ."),
    ]);
    let mut state = TaskState::new(&t);
    state.apply_files(&t, &files(Some("FROM x")));
    state.set(1, CheckStatus::Passed);
    assert!(state.is_passed());
    assert!(!state.apply_files(&t, &files(Some("FROM x"))), "same files");
    assert!(state.is_passed());
    assert!(state.apply_files(&t, &files(Some("FROM y"))));
    assert_eq!(state.statuses()[1], CheckStatus::Pending);
    assert!(!state.is_passed());
    state.set(1, CheckStatus::Running);
    state.apply_files(&t, &files(Some("FROM z")));
    assert_eq!(
        state.statuses()[1],
        CheckStatus::Running,
        "a running command stays"
    );
}

#[test]
fn the_file_to_edit_is_the_first_failing_one() {
    let t = task(vec![
        check("Dockerfile", CheckKind::Matches(pattern("FROM")), false),
        check(".dockerignore", CheckKind::Exists, false),
    ]);
    let mut state = TaskState::new(&t);
    assert_eq!(state.file_to_edit(&t), "Dockerfile", "nothing failing yet");
    state.apply_files(&t, &files(Some("FROM x")));
    assert_eq!(state.file_to_edit(&t), ".dockerignore");
}

#[test]
fn skip_reasons_read_as_phrases() {
    assert_eq!(
        SkipReason::MissingPrograms(vec!["docker".into(), "curl".into()]).describe(),
        "skipped: needs `docker`, `curl` (not on PATH)"
    );
    assert_eq!(
        SkipReason::NotTrusted.describe(),
        "not run (course not trusted)"
    );
}
