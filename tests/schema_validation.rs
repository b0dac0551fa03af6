//! The JSON Schema agrees with `termcourse check`, tried with a real validator: every course
//! that `check` accepts (the fixtures, the built-in course, the scaffold of `termcourse new`)
//! is valid against it, file by file; and a handful of broken courses are rejected by both.
//!
//! The validator is the `jsonschema` crate (a dev-dependency only): an editor checks courses
//! with a validator like it, not with termcourse, so the schema must hold up in one.

use std::path::Path;

use serde_json::Value;
use termcourse::core::load::{LoadOptions, load_with_warnings};
use termcourse::core::raw::{SchemaFor, json_schema};
use termcourse::core::source::{CourseSource, MemorySource};
use termcourse::edge::fs_source::FsSource;

fn validator(which: SchemaFor) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&json_schema(which)).expect("the schema is JSON");
    jsonschema::draft7::new(&schema).expect("the schema is a valid draft-07 schema")
}

/// A TOML file as the JSON a validator sees.
fn as_json(text: &str) -> Value {
    let table: toml::Table = text.parse().expect("TOML");
    serde_json::to_value(table).expect("TOML as JSON")
}

/// The schema's complaints about one file (empty when it is valid).
fn problems(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let json = as_json(text);
    validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every file of the course in `source`: `course.toml` and the node files it lists.
fn course_files(source: &dyn CourseSource) -> Vec<(String, String, SchemaFor)> {
    let course = source
        .read("course.toml")
        .expect("course.toml")
        .into_owned();
    let nodes: Vec<String> = as_json(&course)["nodes"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let mut files = vec![("course.toml".to_owned(), course, SchemaFor::Course)];
    for rel in nodes {
        let text = source.read(&rel).expect("node file").into_owned();
        files.push((rel, text, SchemaFor::NodeFile));
    }
    files
}

/// Checks that every file of a course `check` accepts is valid against the schema.
fn assert_valid(name: &str, source: &dyn CourseSource) {
    let (course, report) = load_with_warnings(source, &LoadOptions::default());
    assert!(course.is_some(), "{name}: {}", report.render(false));
    let (course_schema, node_schema) =
        (validator(SchemaFor::Course), validator(SchemaFor::NodeFile));
    for (rel, text, which) in course_files(source) {
        let validator = match which {
            SchemaFor::Course => &course_schema,
            SchemaFor::NodeFile => &node_schema,
        };
        let found = problems(validator, &text);
        assert!(found.is_empty(), "{name}/{rel}: {found:#?}");
    }
}

#[test]
fn every_course_check_accepts_is_valid_against_the_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut valid = 0;
    for entry in std::fs::read_dir(root.join("tests/fixtures")).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(source) = FsSource::new(&path) else {
            continue;
        };
        if load_with_warnings(&source, &LoadOptions::default())
            .0
            .is_some()
        {
            assert_valid(&path.display().to_string(), &source);
            valid += 1;
        }
    }
    assert!(valid >= 5, "only {valid} fixtures load");
    let builtin = FsSource::new(&root.join("lessons/dockerfiles-for-ml")).expect("built-in");
    assert_valid("the built-in course", &builtin);
    let scaffold = MemorySource {
        root: "new".into(),
        files: termcourse::edge::scaffold::files("new", "New"),
    };
    assert_valid("termcourse new", &scaffold);
}

/// Broken courses, each one mistake in a small valid course: `(what, course.toml)`.
fn broken() -> Vec<(&'static str, String)> {
    let course = |head: &str, node: &str, step: &str| {
        format!(
            "format = 1\nid = \"c\"\ntitle = \"C\"\n{head}\n[[node]]\nid = \"n\"\ntitle = \"N\"\n{node}\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\n{step}\n"
        )
    };
    let ok = course("", "", "body = \"b\"");
    let single =
        |choices: &str| format!("[node.step.quiz]\nkind = \"single\"\nquestion = \"Q\"\n{choices}");
    let choice = "[[node.step.quiz.choice]]\ntext = \"a\"\ncorrect = true\n";
    let other = "[[node.step.quiz.choice]]\ntext = \"b\"\n";
    vec![
        ("no title", ok.replace("title = \"C\"\n", "")),
        (
            "a blank title",
            ok.replace("title = \"C\"", "title = \"  \""),
        ),
        (
            "an id with a space",
            ok.replace("id = \"n\"", "id = \"no de\""),
        ),
        (
            "an id too long",
            ok.replace("id = \"s\"", &format!("id = \"{}\"", "s".repeat(65))),
        ),
        ("format 2", ok.replace("format = 1", "format = 2")),
        ("a node without steps", {
            let text = course("", "", "body = \"b\"");
            let cut = text.find("[[node.step]]").unwrap_or(text.len());
            text[..cut].to_owned()
        }),
        ("a step with nothing to show", course("", "", "")),
        (
            "a step with body and body_file",
            course("", "", "body = \"b\"\nbody_file = \"b.md\""),
        ),
        (
            "a single quiz with one choice",
            course("", "", &single(choice)),
        ),
        (
            "a text quiz without a sample",
            course(
                "",
                "",
                "[node.step.quiz]\nkind = \"text\"\nquestion = \"Q\"\nanswers = [\"x\"]",
            ),
        ),
        (
            "an order quiz with one item",
            course(
                "",
                "",
                "[node.step.quiz]\nkind = \"order\"\nquestion = \"Q\"\nitems = [\"x\"]",
            ),
        ),
        (
            "items in a single quiz",
            course(
                "",
                "",
                &format!("{}items = [\"x\", \"y\"]\n{choice}{other}", single("")),
            ),
        ),
        (
            "a quiz without a question",
            course(
                "",
                "",
                &single(&format!("{choice}{other}")).replace("question = \"Q\"\n", ""),
            ),
        ),
        (
            "a glossary entry without a definition",
            course("[[glossary]]\nterm = \"T\"", "", "body = \"b\""),
        ),
        (
            "an unknown key",
            ok.replace("title = \"S\"", "titel = \"S\""),
        ),
        (
            "a requirement that is not an id",
            course("", "requires = [\"not an id\"]", "body = \"b\""),
        ),
    ]
}

#[test]
fn broken_courses_are_rejected_by_the_schema_and_by_check() {
    let schema = validator(SchemaFor::Course);
    let base = broken();
    assert!(base.len() >= 10);
    for (what, text) in base {
        let found = problems(&schema, &text);
        assert!(!found.is_empty(), "the schema accepts {what}:\n{text}");
        let source = MemorySource {
            root: String::new(),
            files: vec![("course.toml".into(), text.clone())],
        };
        let (course, _) = load_with_warnings(&source, &LoadOptions::default());
        assert!(course.is_none(), "check accepts {what}:\n{text}");
    }
}

#[test]
fn the_schemas_have_ids() {
    for which in [SchemaFor::Course, SchemaFor::NodeFile] {
        let schema: Value = serde_json::from_str(&json_schema(which)).expect("JSON");
        let id = schema["$id"].as_str().expect("an $id");
        assert!(id.starts_with("urn:termcourse:schema:"), "{id}");
    }
}
