//! `termcourse check` on courses made to be expensive: thousands of mistakes, patterns that
//! compile to gigabytes. Each must finish quickly (the limits here are generous hang detectors
//! for a debug build; the figures are in the benchmarks and the report) with every problem
//! counted and a readable amount of output.

mod cli_common;

use std::fs;
use std::time::Duration;

use cli_common::{code, stdout, termcourse_within};
use tempfile::TempDir;

/// A debug build on a loaded CI machine does each of these in well under this.
const LIMIT: Duration = Duration::from_secs(30);

const HEAD: &str = "format = 1\nid = \"h\"\ntitle = \"H\"\n";

/// A course directory holding `course.toml` with `text`.
fn course(text: &str) -> TempDir {
    let dir = TempDir::new().expect("temp dir");
    fs::write(dir.path().join("course.toml"), text).expect("write");
    dir
}

fn check(dir: &TempDir, extra: &[&str]) -> std::process::Output {
    let data = TempDir::new().expect("temp dir");
    let mut args = vec!["check", dir.path().to_str().expect("utf-8")];
    args.extend(extra);
    termcourse_within(data.path(), &args, LIMIT)
}

fn text_quiz(answers: &[String]) -> String {
    let answers: Vec<String> = answers.iter().map(|a| format!("'{a}'")).collect();
    format!(
        "{HEAD}[[node]]\nid = \"n\"\ntitle = \"N\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\n\
         [node.step.quiz]\nkind = \"text\"\nquestion = \"q\"\nsample = \"x\"\nanswers = [{}]\n",
        answers.join(",")
    )
}

/// 8 KB, 500 patterns of `\w{200}xN`: 64 s and 5.8 GB before the budget.
#[test]
fn patterns_too_large_to_compile_are_reported_at_their_position() {
    let answers: Vec<String> = (0..500).map(|i| format!(r"\w{{200}}x{i}")).collect();
    let dir = course(&text_quiz(&answers));
    let out = check(&dir, &[]);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(1), "{text}");
    assert!(
        text.contains("course.toml:14:12: error: regex too large: it would compile to 10.4 MiB, over the 2.0 MiB one pattern may use"),
        "{text}"
    );
    assert!(text.ends_with("500 errors, 0 warnings\n"), "{text}");
}

/// Patterns that fit one by one but not together: the one that crosses the course's budget is
/// reported, at its position, and the rest are not compiled.
#[test]
fn the_course_wide_regex_budget_is_reported_at_the_pattern_that_crosses_it() {
    let answers: Vec<String> = (0..40).map(|i| format!(r"\w{{20}}x{i}")).collect();
    let dir = course(&text_quiz(&answers));
    let out = check(&dir, &[]);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(1), "{text}");
    let errors: Vec<&str> = text.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{text}");
    assert!(
        errors[0].contains("course.toml:14:")
            && errors[0].contains(
                "error: the course's regexes need more than the 16.0 MiB they may use together"
            ),
        "{text}"
    );
}
