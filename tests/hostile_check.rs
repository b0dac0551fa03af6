//! `termcourse check` on courses made to be expensive: thousands of mistakes, patterns that
//! compile to gigabytes. Each must finish quickly (the limits here are generous hang detectors
//! for a debug build; the figures are in the benchmarks and the report) with every problem
//! counted and a readable amount of output.

mod cli_common;

use std::fmt::Write as _;
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

/// `n` nodes with the same id (and no steps): two mistakes each.
fn duplicate_ids(n: usize) -> String {
    let mut text = HEAD.to_owned();
    for _ in 0..n {
        text.push_str("[[node]]\nid=\"d\"\ntitle=\"t\"\n");
    }
    text
}

/// 40,000 duplicate ids: 20 s before the line index (every diagnostic scanned the file from
/// its start), with 17 MB of output. Now quick, with ten of each kind printed.
#[test]
fn many_mistakes_are_located_quickly_and_printed_ten_of_a_kind() {
    let dir = course(&duplicate_ids(40_000));
    let out = check(&dir, &[]);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(1));
    assert!(text.len() < 20_000, "{} bytes of output", text.len());
    let duplicates = text
        .lines()
        .filter(|l| l.contains("error: two nodes have the id `d`"))
        .count();
    assert_eq!(duplicates, 10, "{text}");
    assert!(
        text.contains("... and 39,989 more errors like this")
            && text.contains("... and 39,990 more errors like this"),
        "{text}"
    );
    assert!(text.ends_with("79999 errors, 0 warnings\n"), "{text}");

    // JSON lists as many, counts the rest per kind, and totals them all.
    let out = check(&dir, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["errors"], 79_999);
    let course = &json["courses"][0];
    let listed = course["diagnostics"].as_array().map_or(0, Vec::len);
    let omitted: u64 = course["omitted"]
        .as_array()
        .map(|kinds| kinds.iter().filter_map(|k| k["count"].as_u64()).sum())
        .unwrap_or_default();
    assert_eq!(listed, 20);
    assert_eq!(listed as u64 + omitted, 79_999);
}

/// 10,000 unknown `requires`, each a near miss of a real id: 74 s of did-you-mean before.
#[test]
fn did_you_mean_work_is_bounded() {
    let mut text = HEAD.to_owned();
    for i in 0..10_000 {
        let _ = write!(
            text,
            "[[node]]\nid=\"node-{i:05}\"\ntitle=\"t\"\nrequires=[\"node-{i:05}x\"]\n\
             [[node.step]]\nid=\"s\"\ntitle=\"S\"\nbody=\"b\"\n"
        );
    }
    let dir = course(&text);
    let out = check(&dir, &["--max-per-kind", "3"]);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(1));
    assert!(
        text.contains(
            "node `node-00000` requires `node-00000x`, which is not a node of this course"
        ) && text.contains("help: did you mean `node-00000`?"),
        "{text}"
    );
    assert!(
        text.contains("... and 9,997 more errors like this"),
        "{text}"
    );
    assert!(text.ends_with("10000 errors, 0 warnings\n"), "{text}");
}

/// A `requires` cycle through 20,000 nodes: found without searching the path at every step,
/// and named by its ends.
#[test]
fn a_long_requires_cycle_is_named_briefly() {
    let n = 20_000;
    let mut text = HEAD.to_owned();
    for i in 0..n {
        let _ = write!(
            text,
            "[[node]]\nid=\"n{i}\"\ntitle=\"t\"\nrequires=[\"n{}\"]\n\
             [[node.step]]\nid=\"s\"\ntitle=\"S\"\nbody=\"b\"\n",
            (i + 1) % n
        );
    }
    let dir = course(&text);
    let out = check(&dir, &[]);
    let text = stdout(&out);
    assert_eq!(code(&out), Some(1));
    let cycle = text
        .lines()
        .find(|l| l.contains("`requires` cycle"))
        .unwrap_or_default();
    let head: String = cycle.chars().take(300).collect();
    assert!(
        cycle.contains("(19989 more)") && cycle.len() < 300,
        "{} bytes: {head}…",
        cycle.len()
    );
}

/// Raw HTML made to be expensive: a 900 KB body of unclosed `<a ` (each would scan to the end
/// of the text for a `>`), 30,000 inline tags and as many images, and nested reveal blocks.
/// Every finding is counted, the output stays capped, and it is quick.
#[test]
fn raw_html_and_images_by_the_thousand_stay_quick() {
    let unclosed = "<div>\n".to_owned() + &"<a ".repeat(300_000);
    let mut inline = String::new();
    for i in 0..30_000 {
        let _ = writeln!(inline, "<kbd>{i}</kbd> ![i{i}](x.png)");
    }
    let nested = "<details><summary>x</summary>\n\n".repeat(50) + &"</details>\n".repeat(50);
    let text = format!(
        "{HEAD}[[node]]\nid = \"n\"\ntitle = \"N\"\n[[node.step]]\nid = \"a\"\ntitle = \"A\"\nbody = '''\n{unclosed}\n'''\n\
         [[node.step]]\nid = \"b\"\ntitle = \"B\"\nbody = '''\n{inline}'''\n\
         [[node.step]]\nid = \"c\"\ntitle = \"C\"\nbody = '''\n{nested}'''\n"
    );
    let dir = course(&text);
    let out = check(&dir, &[]);
    let shown = stdout(&out);
    assert_eq!(code(&out), Some(0), "{shown}");
    let tail: String = shown.lines().rev().take(3).collect::<Vec<_>>().join("\n");
    assert!(shown.ends_with("0 errors, 60001 warnings\n"), "{tail}");
    assert!(
        shown.contains("... and 29,990 more warnings like this"),
        "capped"
    );
}
