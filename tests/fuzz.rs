//! Mutation fuzzing: the built-in course and the test fixtures, damaged at random (lines
//! deleted, duplicated or swapped, bytes flipped, TOML-special and control characters inserted,
//! files cut short), go through the loader and `check`, are drawn at random sizes and screens,
//! and are snapshotted; some cases run through the binary too. For every case:
//!
//! - nothing panics, and the case finishes within [`CASE_LIMIT`];
//! - the binary exits with 0, 1 or 2;
//! - no output (diagnostics, JSON, rendered screens, snapshot reports) carries a control
//!   character or escape sequence from the course: plain output has none but `\n`, coloured
//!   output only the SGR sequences termcourse writes itself;
//! - a snapshot directory just updated checks clean.
//!
//! `cargo test` runs [`DEFAULT_CASES`] cases from a seed taken from the clock (printed). Set
//! `TERMCOURSE_FUZZ_CASES=20000` for a long run and `TERMCOURSE_FUZZ_SEED=<seed>` to start from
//! a seed; a failing case prints its own seed, which replays it alone with
//! `TERMCOURSE_FUZZ_CASES=1`.

mod cli_common;
mod support;

use std::fmt::Write as _;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::sync::Arc;
use support::Rng;
use termcourse::core::course::{Course, QuizKind};
use termcourse::core::load::{LoadOptions, load_with_warnings};
use termcourse::core::quiz::Answer;
use termcourse::core::source::MemorySource;
use termcourse::view::text::{check_inert, to_ansi, to_plain};

use termcourse::app::overlay::OverlayKind;
use termcourse::edge::headless::{Scene, render_scene_measured};
use termcourse::edge::snapshot::answers::{right_answer, wrong_answer};
use termcourse::edge::snapshot::course::{RunOptions, snapshot_course};
use termcourse::edge::snapshot::{Mode, Size};

const DEFAULT_CASES: u64 = 500;
const CASES_ENV: &str = "TERMCOURSE_FUZZ_CASES";
const SEED_ENV: &str = "TERMCOURSE_FUZZ_SEED";
/// A hang detector, not a benchmark: a debug build does a case in well under a second.
const CASE_LIMIT: Duration = Duration::from_secs(30);
/// One case in this many also runs through the binary; one in `SNAPSHOT_EVERY` snapshots.
const BINARY_EVERY: u64 = 25;
const SNAPSHOT_EVERY: u64 = 10;

/// Inserted at random: TOML syntax, escapes that decode to control characters, raw control
/// and bidi characters, numbers out of range, deep nesting, a long run.
const SPECIALS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "=",
    ".",
    ",",
    "#",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\u{9b}31m",
    "\u{202e}",
    "\u{2066}",
    "\\u001b[31m",
    "\\u009b",
    "\\u202e",
    "99999999999999999999",
    "-1",
    "nan",
    "1979-05-27",
    "a.b.c",
    "\u{fffd}",
    "😀",
    "字",
    "\u{200d}",
    "```",
    "```zz\nx\n```",
    "[[node]]",
    "[[node.step]]",
    "id = \"x\"",
    "requires = [\"x\"]",
    "{{{{{{{{{{{{{{{{",
    "[[[[[[[[[[[[[[[[[[[[",
    "\\w{99}",
    "(",
    "accept = ['(']",
];

type Files = Vec<(String, Vec<u8>)>;

#[test]
fn mutated_courses_never_panic_hang_or_leak_control_characters() {
    let cases = std::env::var(CASES_ENV)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let base = support::seed_or_clock(std::env::var(SEED_ENV).ok().as_deref());
    eprintln!("fuzz: {cases} cases from seed {base} ({SEED_ENV}={base} replays them)");
    let corpus = corpus();
    let started = Instant::now();
    let mut loaded = 0;
    for i in 0..cases {
        let seed = base.wrapping_add(i);
        let case_started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| run_case(&corpus, seed, i)));
        let elapsed = case_started.elapsed();
        let replay = format!("replay: {SEED_ENV}={seed} {CASES_ENV}=1 cargo test --test fuzz");
        match outcome {
            Ok(true) => loaded += 1,
            Ok(false) => {}
            Err(panic) => {
                let why = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("a panic");
                panic!("fuzz case {i} (seed {seed}) failed: {why}\n{replay}")
            }
        }
        assert!(
            elapsed < CASE_LIMIT,
            "fuzz case {i} (seed {seed}) took {elapsed:?}; {replay}"
        );
    }
    eprintln!(
        "fuzz: {cases} cases ({loaded} still loaded as courses) in {:.1?}",
        started.elapsed()
    );
}

/// Runs one case; returns whether the mutated course still loaded.
fn run_case(corpus: &[(String, Files)], seed: u64, index: u64) -> bool {
    let mut rng = Rng::from_seed(seed);
    let (name, original) = &corpus[rng.index(corpus.len())];
    let mut files = original.clone();
    // Some cases only change values, so that most of them still load and get drawn.
    let gentle = rng.one_in(2);
    let edits = 1 + rng.index(4);
    for _ in 0..edits {
        // The course file more often: it holds most of what is checked.
        let at = if rng.one_in(2) {
            0
        } else {
            rng.index(files.len())
        };
        let op = if gentle {
            GENTLE
        } else {
            rng.below(GENTLE + 1)
        };
        mutate(&mut rng, &mut files[at].1, op);
    }
    let course = in_process(&mut rng, name, &files);
    if index.is_multiple_of(BINARY_EVERY) {
        through_the_binary(&mut rng, &files, course.as_deref());
    }
    course.is_some()
}

/// The built-in course and every fixture, as `(name, files)`, `course.toml` first.
fn corpus() -> Vec<(String, Files)> {
    let builtin = termcourse::edge::builtin::source();
    let mut corpus = vec![(
        "built-in".to_owned(),
        first_course_file(
            builtin
                .files
                .into_iter()
                .map(|(path, text)| (path, text.into_bytes()))
                .collect(),
        ),
    )];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&fixtures)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("course.toml").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files = Vec::new();
        collect(&dir, "", &mut files);
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        corpus.push((name.unwrap_or_default(), first_course_file(files)));
    }
    corpus
}

fn collect(dir: &Path, prefix: &str, files: &mut Files) {
    for entry in fs::read_dir(dir).expect("fixture dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            collect(&path, &format!("{prefix}{name}/"), files);
        } else {
            files.push((format!("{prefix}{name}"), fs::read(&path).expect("fixture")));
        }
    }
}

fn first_course_file(mut files: Files) -> Files {
    files.sort_by_key(|(path, _)| (path != "course.toml", path.clone()));
    files
}

/// The edit that adds to a string value (and keeps the file's shape).
const GENTLE: u64 = 7;

/// Edit number `op` of `bytes`, at a random place.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, op: u64) {
    let mut lines: Vec<Vec<u8>> = bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    match op {
        0 if !lines.is_empty() => {
            lines.remove(rng.index(lines.len()));
        }
        1 if !lines.is_empty() => {
            let i = rng.index(lines.len());
            let copies = 1 + rng.index(3);
            for _ in 0..copies {
                lines.insert(i, lines[i].clone());
            }
        }
        2 if lines.len() > 1 => {
            let (a, b) = (rng.index(lines.len()), rng.index(lines.len()));
            lines.swap(a, b);
        }
        3 if !bytes.is_empty() => {
            let i = rng.index(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
            return;
        }
        4 => {
            let i = rng.index(bytes.len() + 1);
            let special = SPECIALS[rng.index(SPECIALS.len())].as_bytes();
            bytes.splice(i..i, special.iter().copied());
            return;
        }
        5 => {
            bytes.truncate(rng.index(bytes.len() + 1));
            return;
        }
        6 => {
            // Into a key, which messages quote as written ("unknown key `…`").
            let keyed: Vec<usize> = (0..lines.len())
                .filter(|i| lines[*i].windows(3).any(|w| w == b" = "))
                .collect();
            if keyed.is_empty() {
                return;
            }
            let line = &mut lines[keyed[rng.index(keyed.len())]];
            let Some(eq) = line.windows(3).position(|w| w == b" = ") else {
                return;
            };
            let special = SPECIALS[rng.index(SPECIALS.len())];
            if rng.one_in(2) {
                // The whole key, quoted: any text makes a valid (unknown) key.
                let quoted = format!("\"{}{}\"", toml_escaped(special), rng.below(10));
                let indent = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
                line.splice(indent..eq, quoted.bytes());
            } else {
                let inside = rng.index(eq + 1);
                line.splice(inside..inside, special.bytes());
            }
        }
        _ => {
            // Specials added to a string value, escaped as TOML would need: the file still
            // parses, and what the escapes decode to reaches the checks and the screen.
            let strings: Vec<usize> = (0..lines.len())
                .filter(|i| {
                    let line = &lines[*i];
                    let key = String::from_utf8_lossy(line);
                    let key = key.trim_start();
                    // Ids and kinds must stay valid for the course to load and be drawn.
                    let structural = ["id ", "kind ", "requires ", "nodes ", "cmd "]
                        .iter()
                        .any(|k| key.starts_with(k));
                    line.windows(3).any(|w| w == b"= \"")
                        && !line.windows(5).any(|w| w == b"= \"\"\"")
                        && !structural
                })
                .collect();
            if strings.is_empty() {
                return;
            }
            let line = &mut lines[strings[rng.index(strings.len())]];
            let Some(quote) = line.windows(3).position(|w| w == b"= \"") else {
                return;
            };
            let special = SPECIALS[rng.index(SPECIALS.len())];
            let escaped = toml_escaped(special);
            let at = quote + 3;
            line.splice(at..at, escaped.bytes());
        }
    }
    *bytes = lines.concat();
}

/// `text` as the inside of a TOML basic string.
fn toml_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Load, check, report, render and (sometimes) snapshot through the library.
fn in_process(rng: &mut Rng, name: &str, files: &Files) -> Option<Arc<Course>> {
    let source = MemorySource {
        root: name.to_owned(),
        files: files
            .iter()
            .map(|(path, bytes)| (path.clone(), String::from_utf8_lossy(bytes).into_owned()))
            .collect(),
    };
    let options = LoadOptions {
        known_language: &termcourse::view::highlight::has_syntax,
        unseen: &termcourse::view::fit::unseen,
    };
    let (course, report) = load_with_warnings(&source, &options);
    assert_eq!(
        course.is_none(),
        report.has_errors(),
        "a course exactly when no errors"
    );
    plain(&report.render(false), "diagnostics");
    coloured(&report.render(true), "coloured diagnostics");
    let json = serde_json::to_string(&report.diagnostics).expect("diagnostics serialize");
    plain(&json, "JSON diagnostics");
    let course = Arc::new(course?);
    for _ in 0..=rng.index(3) {
        let (scene, size) = random_scene(rng, &course);
        let Ok((buffer, _overflows)) =
            render_scene_measured(&course, &scene, size.width, size.height)
        else {
            continue;
        };
        assert_eq!(
            buffer.content.len(),
            usize::from(size.width) * usize::from(size.height)
        );
        plain(&to_plain(&buffer), "a rendered screen");
        coloured(&to_ansi(&buffer), "a rendered screen in colour");
    }
    if rng.one_in(SNAPSHOT_EVERY) {
        snapshot_round_trip(rng, &course);
    }
    Some(course)
}

/// A scene anywhere in the course, answered or not, over any screen, at any size.
fn random_scene(rng: &mut Rng, course: &Course) -> (Scene, Size) {
    let node = &course.nodes[rng.index(course.nodes.len())];
    let step = &node.steps[rng.index(node.steps.len())];
    let bash = if step.bash.is_empty() || rng.one_in(2) {
        None
    } else {
        Some(rng.index(step.bash.len() + 1))
    };
    let answer = step.quiz.as_ref().and_then(|quiz| match rng.below(4) {
        0 => right_answer(quiz),
        1 => wrong_answer(quiz),
        2 => Some(match &quiz.kind {
            QuizKind::Text { .. } => Answer::Text("\u{1b}[2J\u{9b}".to_owned()),
            _ => Answer::Choice(rng.index(9)),
        }),
        _ => None,
    });
    let overlay = [
        None,
        None,
        Some(OverlayKind::Matrix),
        Some(OverlayKind::Glossary),
        Some(OverlayKind::Faq),
        Some(OverlayKind::Help),
        Some(OverlayKind::Search),
        Some(OverlayKind::Finish),
        Some(OverlayKind::Review),
        Some(OverlayKind::Orientation),
        Some(OverlayKind::Trust),
    ][rng.index(11)];
    let width = 1 + u16::try_from(rng.below(300)).unwrap_or(0);
    let height = 1 + u16::try_from(rng.below(100)).unwrap_or(0);
    let scene = Scene {
        node: Some(node.id.clone()),
        step: Some(step.id.clone()),
        bash,
        answer,
        // A task scene hands the task its starters or its solutions.
        solved: step.task.is_some() && rng.one_in(2),
        overlay,
        no_color: rng.one_in(4),
        open: rng.one_in(2),
        seed: rng.one_in(2).then(|| rng.below(1 << 20)),
    };
    (scene, Size::new(width, height))
}

/// Snapshots into a fresh directory, then checks it: it must be clean.
fn snapshot_round_trip(rng: &mut Rng, course: &Arc<Course>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("snaps");
    let size = Size::new(
        20 + u16::try_from(rng.below(100)).unwrap_or(0),
        5 + u16::try_from(rng.below(40)).unwrap_or(0),
    );
    let run = |mode| {
        let options = RunOptions {
            mode,
            deny_overflow: false,
            force: false,
            seed: None,
        };
        snapshot_course(course, &out, &[size], options)
    };
    let Ok(updated) = run(Mode::Update) else {
        return;
    };
    let mut report = Vec::new();
    updated.write_report(&mut report).expect("to memory");
    updated.write_overflows(&mut report).expect("to memory");
    plain(&String::from_utf8_lossy(&report), "a snapshot report");
    let checked = run(Mode::Check).expect("a directory just written reads back");
    assert!(
        checked.comparison.is_clean(),
        "an update then a check differs: {}",
        checked.summary()
    );
}

/// `check` (both formats), `render` and `snapshot` through the binary, in a time limit.
fn through_the_binary(rng: &mut Rng, files: &Files, course: Option<&Course>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("course");
    for (path, bytes) in files {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, bytes).expect("write");
    }
    let data = dir.path().join("data");
    let course_dir = root.to_str().expect("utf-8");
    let snaps = dir.path().join("snaps");
    let snaps = snaps.to_str().expect("utf-8");
    let limit = CASE_LIMIT;
    let mut runs: Vec<Vec<String>> = vec![
        vec![
            "check".into(),
            "--color".into(),
            "never".into(),
            course_dir.into(),
        ],
        vec![
            "check".into(),
            "--format".into(),
            "json".into(),
            course_dir.into(),
        ],
        vec![
            "snapshot".into(),
            course_dir.into(),
            "--out".into(),
            snaps.into(),
            "--sizes".into(),
            "50x16".into(),
        ],
    ];
    if let Some(course) = course {
        let (scene, size) = random_scene(rng, course);
        let step = scene.step.map(|s| s.to_string()).unwrap_or_default();
        let node = scene.node.map(|n| n.to_string()).unwrap_or_default();
        let format = if rng.one_in(2) { "ansi" } else { "plain" };
        runs.push(vec![
            "render".into(),
            course_dir.into(),
            "--node".into(),
            node,
            "--step".into(),
            step,
            "--size".into(),
            size.to_string(),
            "--format".into(),
            format.into(),
        ]);
    }
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = cli_common::termcourse_within(&data, &args, limit);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "termcourse {args:?} exited with {code:?}: {}",
            cli_common::stderr(&out)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if args.contains(&"ansi") {
            coloured(&stdout, "render --format ansi");
        } else {
            plain(&stdout, &format!("stdout of {args:?}"));
        }
        plain(&stderr, &format!("stderr of {args:?}"));
    }
}

/// Output meant to be plain: no control character but newlines (and no escape at all).
fn plain(text: &str, what: &str) {
    if let Some((at, c)) = text.char_indices().find(|(_, c)| {
        (c.is_control() && *c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }) {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        let context: String = text[from..].chars().take(80).collect();
        panic!("{what} carries {c:?} at byte {at}: {context:?}");
    }
}

/// Output with colours: only SGR sequences.
fn coloured(text: &str, what: &str) {
    if let Err(err) = check_inert(text) {
        let context: String = text[err.offset..].chars().take(60).collect();
        panic!("{what}: {} at byte {}: {context:?}", err.what, err.offset);
    }
}
