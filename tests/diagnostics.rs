//! Diagnostics that name the real mistake (issue 13): one test per mistake an author makes,
//! each checking the message, where it points, and that nothing else is said about it.

use termcourse::core::diagnostic::{Diagnostic, Report, Severity};
use termcourse::core::load::{LoadOptions, load_with_warnings};
use termcourse::core::source::MemorySource;

const HEAD: &str = "format = 1\nid = \"c\"\ntitle = \"C\"\n";
const STEP: &str = "[[step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n";

fn check(files: &[(&str, &str)]) -> Report {
    let source = MemorySource {
        root: String::new(),
        files: files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect(),
    };
    load_with_warnings(&source, &LoadOptions::default()).1
}

/// A course of one node file, `nodes/a.toml`, holding `node`.
fn with_node(node: &str) -> Report {
    let course = format!("{HEAD}nodes = [\"nodes/a.toml\"]\n");
    check(&[("course.toml", &course), ("nodes/a.toml", node)])
}

fn only(report: &Report) -> &Diagnostic {
    assert_eq!(
        report.diagnostics.len(),
        1,
        "expected one diagnostic:\n{}",
        report.render(false)
    );
    &report.diagnostics[0]
}

fn at(d: &Diagnostic) -> String {
    let l = d.location.as_ref().expect("a location");
    format!("{}:{}:{}", d.file, l.line, l.col)
}

#[test]
fn an_unclosed_code_fence_is_a_warning_at_the_fence() {
    let node = format!(
        "id = \"a\"\ntitle = \"A\"\n{}body = \"\"\"\nText.\n\n```bash\nls\n\"\"\"\n",
        &STEP[..STEP.len() - "body = \"b\"\n".len()]
    );
    let report = with_node(&node);
    let d = only(&report);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.message, "code fence is never closed");
    assert_eq!(at(d), "nodes/a.toml:9:1");
    assert_eq!(
        d.label.as_deref(),
        Some("this fence is never closed; everything after it is shown as code")
    );
}

#[test]
fn a_multi_line_string_closed_early_is_named_where_it_starts() {
    let node = "id = \"a\"\ntitle = \"A\"\n\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"\"\"\nHello\n\"\"\n\n[[step]]\nid = \"t\"\ntitle = \"T\"\nbody = \"\"\"\nmore\n\"\"\"\n";
    let report = with_node(node);
    let first = &report.diagnostics[0];
    assert_eq!(
        first.message,
        "multi-line string may not be closed where you meant"
    );
    assert_eq!(at(first), "nodes/a.toml:7:8");
    let notes = first.notes.join("\n");
    assert!(notes.contains("swallows `[[step]]` on line 11"), "{notes}");
    assert!(notes.contains("line 9 has `\"\"`"), "{notes}");
}

#[test]
fn a_multi_line_string_never_closed_is_named_where_it_starts() {
    let node =
        "id = \"a\"\ntitle = \"A\"\n\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody = '''\nHello\n";
    let report = with_node(node);
    let first = &report.diagnostics[0];
    assert_eq!(first.message, "multi-line string is never closed");
    assert_eq!(at(first), "nodes/a.toml:7:8");
    assert!(first.notes.join("").contains("end it with `'''`"));
}

#[test]
fn course_file_spellings_in_a_node_file_get_the_node_file_spelling() {
    let node = "id = \"a\"\ntitle = \"A\"\n\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n\n[node.step.quiz]\nkind = \"text\"\n\n[[node.step]]\nid = \"t\"\ntitle = \"T\"\nbody = \"b\"\n";
    let report = with_node(node);
    let d = only(&report);
    assert_eq!(
        d.message,
        "in a node file write `[[step]]`, not `[[node.step]]`"
    );
    assert_eq!(at(d), "nodes/a.toml:4:3");

    let quiz = format!("id = \"a\"\ntitle = \"A\"\n{STEP}\n[quiz]\nkind = \"text\"\n");
    let report = with_node(&quiz);
    assert_eq!(
        only(&report).message,
        "`[quiz]` belongs to a step: write `[step.quiz]`"
    );

    let inline = "id = \"a\"\ntitle = \"A\"\n\n[node.step.quiz]\nkind = \"text\"\n";
    let report = with_node(&format!("{inline}{STEP}"));
    assert!(
        report.diagnostics[0]
            .message
            .contains("write `[step.quiz]`, not `[node.step.quiz]`"),
        "{}",
        report.render(false)
    );
}

#[test]
fn a_node_file_step_in_course_toml_gets_the_course_spelling() {
    let course = format!(
        "{HEAD}\n[[node]]\nid = \"n\"\ntitle = \"N\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n\n{STEP}"
    );
    let report = check(&[("course.toml", &course)]);
    let d = only(&report);
    assert_eq!(
        d.message,
        "in course.toml write `[[node.step]]`, not `[[step]]`"
    );
}

#[test]
fn a_node_file_no_entry_names_is_a_warning() {
    let course = format!("{HEAD}nodes = [\"nodes/a.toml\"]\n");
    let node = format!("id = \"a\"\ntitle = \"A\"\n{STEP}");
    let extra = format!("id = \"b\"\ntitle = \"B\"\n{STEP}");
    let report = check(&[
        ("course.toml", &course),
        ("nodes/a.toml", &node),
        ("nodes/b.toml", &extra),
        // Another tool's file in a task workspace is no concern of the course's.
        ("workspace/pyproject.toml", "[project]\nname = \"x\"\n"),
    ]);
    let d = only(&report);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.message, "`nodes/b.toml` is not part of the course");
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("add \"nodes/b.toml\" to `nodes`"))
    );
}

#[test]
fn a_backslash_in_a_node_path_says_paths_use_slashes() {
    let course = format!("{HEAD}nodes = [\"nodes\\\\a.toml\"]\n");
    let report = check(&[("course.toml", &course)]);
    let d = only(&report);
    assert_eq!(d.message, "node file path `nodes\\a.toml` uses `\\`");
    assert!(d.notes.join("").contains("write `nodes/a.toml`"));
    assert!(!report.render(false).contains("outside"));
}

#[test]
fn an_id_too_long_gives_the_limit_and_no_follow_ons() {
    let long = "a-very-long-node-id-that-goes-on-and-on-and-on-and-on-and-on-and-on-for-ever";
    let course = format!(
        "{HEAD}\n[[node]]\nid = \"{long}\"\ntitle = \"A\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n\n[[node]]\nid = \"b\"\ntitle = \"B\"\nrequires = [\"{long}\"]\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n"
    );
    let report = check(&[("course.toml", &course)]);
    let d = only(&report);
    assert_eq!(d.message, "node id is too long: 76 characters, at most 64");
}

#[test]
fn a_node_with_an_invalid_id_is_not_also_an_unknown_requirement() {
    let course = format!(
        "{HEAD}\n[[node]]\nid = \"bad id\"\ntitle = \"A\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n\n[[node]]\nid = \"b\"\ntitle = \"B\"\nrequires = [\"bad id\"]\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n"
    );
    let report = check(&[("course.toml", &course)]);
    assert_eq!(only(&report).message, "invalid node id `bad id`");
}

#[test]
fn a_self_requirement_is_one_error() {
    let course = format!(
        "{HEAD}\n[[node]]\nid = \"a\"\ntitle = \"A\"\nrequires = [\"a\"]\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n\n[[node]]\nid = \"b\"\ntitle = \"B\"\nrequires = [\"a\"]\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n"
    );
    let report = check(&[("course.toml", &course)]);
    let d = only(&report);
    assert_eq!(d.message, "node `a` requires itself");
    assert!(
        d.notes.iter().any(|n| n.contains("`b` depends on it")),
        "{:?}",
        d.notes
    );
}

#[test]
fn a_quoted_boolean_is_one_error() {
    let course = format!(
        "{HEAD}\n[[node]]\nid = \"a\"\ntitle = \"A\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\n[node.step.quiz]\nkind = \"single\"\nquestion = \"Q\"\n[[node.step.quiz.choice]]\ntext = \"x\"\ncorrect = \"true\"\n[[node.step.quiz.choice]]\ntext = \"y\"\n"
    );
    let report = check(&[("course.toml", &course)]);
    let d = only(&report);
    assert_eq!(d.message, "wrong type: expected a boolean, found a string");
    assert!(
        d.notes
            .contains(&"help: write `true` without quotes".to_owned())
    );
}

#[test]
fn no_diagnostic_is_given_twice() {
    // The same markdown file named by two steps: its unknown language is one warning.
    let course = format!("{HEAD}nodes = [\"nodes/a.toml\"]\n");
    let node = "id = \"a\"\ntitle = \"A\"\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody_file = \"x.md\"\n[[step]]\nid = \"t\"\ntitle = \"T\"\nbody_file = \"x.md\"\n";
    let source = MemorySource {
        root: String::new(),
        files: vec![
            ("course.toml".into(), course),
            ("nodes/a.toml".into(), node.into()),
            ("nodes/x.md".into(), "```pythn\nx\n```\n".into()),
        ],
    };
    let opts = LoadOptions {
        known_language: &|lang| lang != "pythn",
        ..LoadOptions::default()
    };
    let report = load_with_warnings(&source, &opts).1;
    let d = only(&report);
    assert_eq!(
        d.message,
        "no syntax highlighting for code language `pythn`"
    );
    assert_eq!(at(d), "nodes/x.md:1:4");
}

#[test]
fn every_diagnostic_is_unique_in_the_fixtures() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for entry in std::fs::read_dir(fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(source) = termcourse::edge::fs_source::FsSource::new(&path) else {
            continue;
        };
        let report = load_with_warnings(&source, &LoadOptions::default()).1;
        let mut seen = std::collections::HashSet::new();
        for d in &report.diagnostics {
            let key = (
                d.file.clone(),
                d.location.clone().map(|l| l.start),
                d.message.clone(),
            );
            assert!(
                seen.insert(key),
                "{} twice in {}",
                d.message,
                path.display()
            );
        }
    }
}

#[test]
fn markdown_files_are_read_relative_to_the_toml_file_and_reported_in_their_own_lines() {
    let course = format!(
        "{HEAD}nodes = [\"nodes/a.toml\"]\n[[glossary]]\nterm = \"T\"\ndefinition_file = \"md/t.md\"\n"
    );
    let node = "id = \"a\"\ntitle = \"A\"\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody_file = \"steps/s.md\"\n[step.quiz]\nkind = \"text\"\nquestion_file = \"../md/q.md\"\nanswers = [\"x\"]\nsample = \"x\"\n";
    let source = MemorySource {
        root: "c".into(),
        files: vec![
            ("course.toml".into(), course),
            ("nodes/a.toml".into(), node.into()),
            (
                "nodes/steps/s.md".into(),
                "# S\n\nText\n\n```bash\nls\n".into(),
            ),
            ("md/q.md".into(), "What is **x**?".into()),
            ("md/t.md".into(), "A term.".into()),
        ],
    };
    let (course, report) = load_with_warnings(&source, &LoadOptions::default());
    let d = only(&report);
    assert_eq!(at(d), "c/nodes/steps/s.md:5:1");
    let course = course.expect("loads");
    let step = &course.nodes[0].steps[0];
    assert_eq!(step.body.as_deref(), Some("# S\n\nText\n\n```bash\nls"));
    assert_eq!(
        step.quiz.as_ref().map(|q| q.question.as_str()),
        Some("What is **x**?")
    );
    assert_eq!(course.glossary[0].definition, "A term.");
}

#[test]
fn a_markdown_file_and_inline_text_together_are_an_error() {
    let node = "id = \"a\"\ntitle = \"A\"\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"x\"\nbody_file = \"s.md\"\n";
    let course = format!("{HEAD}nodes = [\"nodes/a.toml\"]\n");
    let report = check(&[
        ("course.toml", &course),
        ("nodes/a.toml", node),
        ("nodes/s.md", "y"),
    ]);
    let d = only(&report);
    assert_eq!(d.message, "step `s` has both `body` and `body_file`");
    assert_eq!(at(d), "nodes/a.toml:7:13");
}

#[test]
fn markdown_paths_that_cannot_be_used_are_named() {
    let node = "id = \"a\"\ntitle = \"A\"\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody_file = \"../../x.md\"\n[[step]]\nid = \"t\"\ntitle = \"T\"\nbody_file = \"gone.md\"\n[[step]]\nid = \"u\"\ntitle = \"U\"\nbody_file = \"a\\\\b.md\"\n";
    let course = format!("{HEAD}nodes = [\"nodes/a.toml\"]\n");
    let report = check(&[("course.toml", &course), ("nodes/a.toml", node)]);
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "markdown file `../../x.md` is outside the course directory",
            "cannot read `gone.md`: file not found",
            "markdown file path `a\\b.md` uses `\\`",
        ],
        "{}",
        report.render(false)
    );
}

/// The list under "Every diagnostic" in docs/course-format.md is the one in the code. Refresh
/// it with `UPDATE_DOCS=1 cargo test --test diagnostics`.
#[test]
fn the_docs_list_every_diagnostic() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/course-format.md");
    let doc = std::fs::read_to_string(&path).expect("the format doc");
    let (start, end) = ("<!-- diagnostics:start -->\n", "<!-- diagnostics:end -->");
    let from = doc.find(start).expect("the start marker") + start.len();
    let to = doc.find(end).expect("the end marker");
    let listed = format!("\n{}\n", termcourse::core::messages::markdown());
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{listed}{}", &doc[..from], &doc[to..]);
        std::fs::write(&path, updated).expect("write the doc");
        return;
    }
    assert!(
        doc[from..to] == listed,
        "docs/course-format.md's list of diagnostics is stale: run \
         `UPDATE_DOCS=1 cargo test --test diagnostics` and commit it"
    );
}

#[test]
fn what_a_markdown_file_shows_that_cannot_be_seen_is_named_at_its_key() {
    // A table far wider than 80 columns, in a body kept in a file.
    let row = |c: &str| format!("| {} | {} |\n", c.repeat(60), c.repeat(60));
    let table = format!("{}| --- | --- |\n{}", row("a"), row("b"));
    let course = format!("{HEAD}nodes = [\"nodes/a.toml\"]\n");
    let node =
        "id = \"a\"\ntitle = \"A\"\n[[step]]\nid = \"s\"\ntitle = \"S\"\nbody_file = \"wide.md\"\n";
    let source = MemorySource {
        root: String::new(),
        files: vec![
            ("course.toml".into(), course),
            ("nodes/a.toml".into(), node.into()),
            ("nodes/wide.md".into(), table),
        ],
    };
    let opts = LoadOptions {
        unseen: &termcourse::view::fit::unseen,
        ..LoadOptions::default()
    };
    let report = load_with_warnings(&source, &opts).1;
    let d = only(&report);
    assert!(
        d.message
            .starts_with("a table in the body cannot be seen in full at 80x24"),
        "{}",
        d.message
    );
    // The key that names the file, not the step's header.
    assert_eq!(at(d), "nodes/a.toml:6:13");
}
