//! The examples in `docs/course-format.md` stay valid: every TOML block parses, and the
//! complete examples load as courses.

use termcourse::core::load::{LoadOptions, load_with_warnings};
use termcourse::core::source::MemorySource;

const DOC: &str = include_str!("../docs/course-format.md");

/// The bodies of the fenced blocks tagged `toml` (three or more backticks), in order.
fn toml_blocks() -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in DOC.lines() {
        match &mut open {
            None => {
                let fence: String = line.chars().take_while(|c| *c == '`').collect();
                if fence.len() >= 3 && line[fence.len()..].trim() == "toml" {
                    open = Some((fence, String::new()));
                }
            }
            Some((fence, body)) if line.trim() == fence.as_str() => {
                blocks.push(std::mem::take(body));
                open = None;
            }
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    blocks
}

#[test]
fn every_toml_example_is_valid_toml() {
    let blocks = toml_blocks();
    assert!(blocks.len() > 15, "found only {} TOML blocks", blocks.len());
    for block in blocks {
        if let Err(err) = block.parse::<toml::Table>() {
            panic!("invalid TOML example:\n{block}\n{err}");
        }
    }
}

#[test]
fn complete_examples_load_as_courses() {
    let complete: Vec<String> = toml_blocks()
        .into_iter()
        .filter(|b| b.contains("format = 1") && b.contains("[[node.step]]"))
        .collect();
    assert!(!complete.is_empty());
    for block in complete {
        let source = MemorySource {
            root: "doc".to_owned(),
            files: vec![("course.toml".to_owned(), block.clone())],
        };
        let (course, report) = load_with_warnings(&source, &LoadOptions::default());
        assert!(
            course.is_some() && report.is_empty(),
            "{block}\n{}",
            report.render(false)
        );
    }
}

/// Wraps a fragment (a node, a step, a bash entry, a quiz, a task, glossary, FAQ or finish) into a
/// minimal course, or `None` for fragments that are not meant to stand alone.
fn as_course(block: &str) -> Option<Vec<(String, String)>> {
    const STEP: &str = "[[step]]\nid = \"s\"\ntitle = \"S\"\n";
    const NODE: &str = "id = \"n\"\ntitle = \"N\"\n";
    const COURSE: &str = "format = 1\nid = \"c\"\ntitle = \"C\"\n";
    let body = block
        .lines()
        // Other nodes of the example's course are not there to be required.
        .filter(|l| !l.starts_with("#:schema") && !l.starts_with("requires"))
        .collect::<Vec<_>>()
        .join("\n");
    let node_file = if body.contains("[[step]]") {
        let head = if body.starts_with("[[step]]") {
            NODE
        } else {
            ""
        };
        format!("{head}{body}\n")
    } else if body.starts_with("[step.quiz]")
        || body.starts_with("[step.task]")
        || body.starts_with("[[step.bash]]")
    {
        format!("{NODE}{STEP}{body}\n")
    } else if ["[[glossary]]", "[[faq]]", "[matrix]", "[finish]"]
        .iter()
        .any(|table| body.contains(table))
    {
        let course = format!("{COURSE}nodes = [\"n.toml\"]\n{body}\n");
        return Some(vec![
            ("course.toml".to_owned(), course),
            ("n.toml".to_owned(), format!("{NODE}{STEP}body = \"x\"\n")),
        ]);
    } else if body.contains("[[node]]") && !body.contains("format") {
        return Some(vec![(
            "course.toml".to_owned(),
            format!("{COURSE}{body}\n"),
        )]);
    } else {
        return None;
    };
    let course = format!("{COURSE}nodes = [\"n.toml\"]\n");
    Some(vec![
        ("course.toml".to_owned(), course),
        ("n.toml".to_owned(), node_file),
    ])
}

#[test]
fn fragments_are_valid_in_context() {
    let mut checked = 0;
    for block in toml_blocks() {
        let Some(mut files) = as_course(&block) else {
            continue;
        };
        // Markdown files an example names (`body_file = "…"`): the wrapping files sit at the
        // course root, so the paths are course paths.
        for line in block.lines() {
            if let Some((key, value)) = line.split_once(" = \"")
                && key.ends_with("_file")
            {
                let path = value.trim_end_matches('"').to_owned();
                files.push((path, "Some *markdown*.".to_owned()));
            }
        }
        let source = MemorySource {
            root: "doc".to_owned(),
            files,
        };
        let (course, report) = load_with_warnings(&source, &LoadOptions::default());
        assert!(
            course.is_some() && report.is_empty(),
            "{block}\n{}",
            report.render(false)
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fragments checked");
}
