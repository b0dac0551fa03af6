//! `termcourse render` through the real binary: snapshots, determinism, inert output, usage.

mod cli_common;

use cli_common::{code, fixture, stderr, stdout, termcourse, termcourse_in_odd_env};
use tempfile::TempDir;

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
        let odd = termcourse_in_odd_env(data.path(), &args);
        assert_eq!(code(&first), Some(0), "{}", stderr(&first));
        assert!(!first.stdout.is_empty());
        assert_eq!(first.stdout, second.stdout, "{format} differs between runs");
        assert_eq!(
            first.stdout, odd.stdout,
            "{format} depends on the environment"
        );
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
            if format == "ansi" {
                assert!(text.contains("\x1b[0;"), "ansi output is styled: {args:?}");
            }
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

/// Choices keep the author's order unless `--seed` asks for a learner's shuffle, and
/// `--answer` numbers them in the author's order either way (issue 12).
#[test]
fn render_keeps_the_authors_order_or_shuffles_with_a_seed() {
    let data = TempDir::new().expect("temp dir");
    let render = |extra: &[&str]| {
        let mut args = vec![
            "render",
            fixture_path(),
            "--step",
            "pick-many",
            "--size",
            "80x24",
        ];
        args.extend(extra);
        let out = termcourse(data.path(), &args);
        assert_eq!(code(&out), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let plain = render(&[]);
    let again = render(&["--seed", "12"]);
    assert_eq!(again, render(&["--seed", "12"]), "a seed gives one order");
    let orders: Vec<String> = (1..8)
        .map(|seed| render(&["--seed", &seed.to_string()]))
        .collect();
    assert!(
        orders.iter().any(|o| *o != plain),
        "some seed shuffles:\n{plain}"
    );
    let answered = render(&["--seed", "3", "--answer", "1"]);
    assert!(
        answered.contains("(•)") || answered.contains("[x]"),
        "{answered}"
    );
}

/// The finish screen can be drawn on its own, for an author checking their `[finish]` note.
#[test]
fn the_finish_screen_renders_alone() {
    let data = TempDir::new().expect("temp dir");
    let out = termcourse(
        data.path(),
        &[
            "render",
            fixture_path(),
            "--screen",
            "finish",
            "--size",
            "80x24",
        ],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Course complete"), "{}", stdout(&out));
}

fn fixture_path() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| fixture("render"))
}
