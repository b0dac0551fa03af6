//! Property tests: the loader never panics, the sanitizer is safe and idempotent, and task
//! grading never panics and reports lines that exist.

use proptest::prelude::*;
use termcourse::core::load::{LoadOptions, load_with_warnings};
use termcourse::core::sanitize::{command_output, sanitize};
use termcourse::core::source::MemorySource;
use termcourse::core::task::{CheckStatus, FileState, TaskFiles, grade_files, logical_lines};

/// Lines of the fixture courses, to build inputs that get past the TOML parser.
const FIXTURES: &[&str] = &[
    include_str!("fixtures/basic/course.toml"),
    include_str!("fixtures/basic/nodes/base-images.toml"),
    include_str!("fixtures/quizzes/course.toml"),
    include_str!("fixtures/graph/course.toml"),
    include_str!("fixtures/structure/course.toml"),
    include_str!("fixtures/tasks/course.toml"),
    include_str!("fixtures/task-mistakes/course.toml"),
];

fn fixture_lines() -> Vec<String> {
    FIXTURES
        .iter()
        .flat_map(|f| f.lines())
        .map(str::to_owned)
        .collect()
}

/// TOML-ish documents: fixture lines in random order, some of them mutated.
fn tomlish() -> impl Strategy<Value = String> {
    let lines = fixture_lines();
    let line =
        (prop::sample::select(lines), any::<u8>(), any::<char>()).prop_map(|(line, at, c)| {
            if at % 4 == 0 && !line.is_empty() {
                let mut chars: Vec<char> = line.chars().collect();
                let i = usize::from(at) % chars.len();
                chars[i] = c;
                chars.into_iter().collect()
            } else {
                line
            }
        });
    prop::collection::vec(line, 0..60).prop_map(|lines| lines.join("\n"))
}

/// A fixture with a few lines deleted, duplicated or changed: mostly valid TOML, so the
/// semantic checks run too.
fn near_valid(fixture: &'static str) -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0..3_u8, any::<char>());
    prop::collection::vec(edit, 1..4).prop_map(move |edits| {
        let mut lines: Vec<String> = fixture.lines().map(str::to_owned).collect();
        for (at, op, c) in edits {
            if lines.is_empty() {
                break;
            }
            let i = at.index(lines.len());
            match op {
                0 => {
                    lines.remove(i);
                }
                1 => lines.insert(i, lines[i].clone()),
                _ => {
                    let line = &mut lines[i];
                    let cut = line
                        .char_indices()
                        .map(|(b, _)| b)
                        .nth(line.chars().count() / 2);
                    line.insert(cut.unwrap_or(0), c);
                }
            }
        }
        lines.join("\n")
    })
}

fn load_files(course: String, node: String) {
    let source = MemorySource {
        root: String::new(),
        files: vec![
            ("course.toml".to_owned(), course),
            ("nodes/base-images.toml".to_owned(), node),
        ],
    };
    let known = |lang: &str| lang.len().is_multiple_of(2);
    let (course, report) = load_with_warnings(
        &source,
        &LoadOptions {
            known_language: &known,
            unseen: &termcourse::view::fit::unseen,
        },
    );
    assert_eq!(course.is_none(), report.has_errors());
    let _ = report.render(true);
    let _ = report.render(false);
}

/// Printable text as courses contain it: ASCII, accents, CJK, emoji (with joiners).
fn printable() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::char::range(' ', '~'),
            prop::char::range('À', 'ÿ'),
            prop::char::range('\u{4e00}', '\u{9fff}'),
            prop::char::range('\u{1f300}', '\u{1f6ff}'),
            Just('\u{200d}'),
            Just('\n'),
        ],
        0..80,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn loader_never_panics_on_arbitrary_text(course in any::<String>(), node in any::<String>()) {
        load_files(course, node);
    }

    #[test]
    fn loader_never_panics_on_tomlish_documents(course in tomlish(), node in tomlish()) {
        load_files(course, node);
    }

    #[test]
    fn loader_never_panics_on_near_valid_courses(
        course in near_valid(FIXTURES[0]),
        node in near_valid(FIXTURES[1]),
    ) {
        load_files(course, node);
    }

    #[test]
    fn sanitize_is_idempotent(text in any::<String>()) {
        let once = sanitize(&text).into_owned();
        prop_assert_eq!(sanitize(&once), once.as_str());
    }

    #[test]
    fn sanitize_lets_no_control_character_through(text in any::<String>()) {
        let clean = sanitize(&text);
        prop_assert!(clean.chars().all(|c| c == '\n' || !c.is_control()));
        let bidi = clean.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
        prop_assert!(!bidi, "bidi control left in {:?}", clean);
    }

    #[test]
    fn sanitize_leaves_printable_text_unchanged(text in printable()) {
        prop_assert_eq!(sanitize(&text), text.as_str());
    }

    #[test]
    fn command_output_is_always_inert(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let shown = command_output(&bytes);
        prop_assert!(shown.chars().all(|c| c == '\n' || !c.is_control()), "{:?}", shown);
    }

    #[test]
    fn logical_lines_never_panic_and_point_at_real_lines(text in dockerfileish()) {
        let logical = logical_lines(&text);
        let lines = text.split('\n').count();
        for offset in 0..=logical.text.len() {
            let line = logical.line_of(offset);
            prop_assert!((1..=lines).contains(&line), "{line} of {lines}");
        }
    }

    #[test]
    fn grading_never_panics_and_failures_name_real_lines(text in dockerfileish()) {
        let task = tasks_fixture_task();
        let mut files = TaskFiles::new();
        files.insert("Dockerfile".to_owned(), FileState::Text(text.clone()));
        files.insert(".dockerignore".to_owned(), FileState::Text(text.clone()));
        let lines = text.split('\n').count();
        for status in grade_files(&task, &files).into_iter().flatten() {
            if let CheckStatus::Failing { detail: Some(detail) } = status
                && let Some(n) = detail.strip_prefix("found on line ")
            {
                let n: usize = n.parse().map_err(|_| TestCaseError::fail(detail.clone()))?;
                prop_assert!((1..=lines).contains(&n));
            }
        }
    }
}

/// Dockerfile-like text: instructions, comments, continuations (`\\` and a backtick), blank
/// lines, CRs, a BOM and arbitrary characters.
fn dockerfileish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("FROM python:3.13-slim".to_owned()),
        Just("# escape=`".to_owned()),
        Just("# a comment".to_owned()),
        Just("RUN pip install \\".to_owned()),
        Just("  --no-cache-dir -r requirements.txt".to_owned()),
        Just("USER root".to_owned()),
        Just("COPY . .".to_owned()),
        Just("`".to_owned()),
        Just("\\\\".to_owned()),
        Just(String::new()),
        Just("\r".to_owned()),
        Just("\u{feff}".to_owned()),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|pieces| pieces.join("\n"))
}

/// The task of `tests/fixtures/tasks`: every kind of check, some on logical lines.
fn tasks_fixture_task() -> termcourse::core::course::Task {
    let source = MemorySource {
        root: "t".to_owned(),
        files: vec![("course.toml".to_owned(), FIXTURES[5].to_owned())],
    };
    let (course, _) = load_with_warnings(&source, &LoadOptions::default());
    course
        .and_then(|c| {
            c.nodes
                .into_iter()
                .flat_map(|n| n.steps)
                .find_map(|s| s.task)
        })
        .expect("the tasks fixture has a task")
}

/// Shell-ish lines: words, options, quotes, operators and redirections in random order.
fn shellish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "docker",
        "run",
        "build",
        "-t",
        "--rm",
        "-it",
        "--gpus",
        "all",
        "--gpus=all",
        "img",
        ".",
        "'a b'",
        "\"c\"",
        "|",
        "&&",
        ";",
        "\n",
        ">",
        "2>&1",
        "out",
        "<<EOF",
        "EOF",
        "\\\n",
        "$(x)",
        "'",
        "\"",
        "--",
        "-",
        "A=1",
        "time",
        "curl",
        "-sf",
        "x",
    ]);
    prop::collection::vec(token, 0..14).prop_map(|t| t.join(" "))
}

proptest! {
    #[test]
    fn judging_a_command_never_panics_and_says_only_plain_text(
        cmd in prop_oneof![shellish(), any::<String>()],
        line in prop_oneof![shellish(), any::<String>()],
    ) {
        let verdict = termcourse::core::command::judge(&cmd, &line);
        let message = verdict.message().unwrap_or_default();
        prop_assert!(!message.chars().any(char::is_control), "{:?}", message);
    }

    #[test]
    fn every_command_is_the_same_as_itself(cmd in prop_oneof![shellish(), any::<String>()]) {
        prop_assume!(!cmd.trim().is_empty());
        prop_assert!(termcourse::core::command::equivalent(&cmd, &cmd));
        // Only before: a space after a trailing `\` would be an escaped space, another word.
        let spaced = format!("  {cmd}");
        prop_assert!(termcourse::core::command::equivalent(&cmd, &spaced));
    }
}
