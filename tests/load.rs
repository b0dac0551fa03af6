//! Loading valid fixture courses into the domain model.

use std::path::Path;

use termcourse::core::course::QuizKind;
use termcourse::edge::fs_source::load_course_path;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn basic_fixture_loads() {
    let course = match load_course_path(&fixture("basic")) {
        Ok(course) => course,
        Err(report) => panic!("{}", report.render(false)),
    };
    assert_eq!(course.id.as_str(), "basic-dockerfiles");
    let ids: Vec<&str> = course.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["base-images", "layer-cache", "dockerignore", "multi-stage"]
    );
    assert_eq!(course.glossary.len(), 3);
    assert_eq!(course.faq.len(), 2);
    assert_eq!(
        course.ticker,
        ["MLOPS", "DOCKERFILES", "BASE IMAGES", "LAYERS"]
    );
    let kinds: Vec<&str> = course
        .nodes
        .iter()
        .flat_map(|n| &n.steps)
        .filter_map(|s| s.quiz.as_ref())
        .map(|q| q.kind.name())
        .collect();
    assert_eq!(kinds, ["single", "order", "text", "multi"]);
    let layer = &course.nodes[1];
    assert_eq!(layer.requires[0].as_str(), "base-images");
    let bash = &layer.steps[0].bash;
    assert_eq!(bash.len(), 3);
    let type_along = bash[2]
        .type_along
        .as_ref()
        .expect("third entry is a type-along");
    assert!(type_along.accept[0].is_match("docker   images model-server "));
    assert!(!type_along.accept[0].is_match("docker images"));
    let Some(QuizKind::Text { answers, .. }) = layer.steps[2].quiz.as_ref().map(|q| &q.kind) else {
        panic!("flag-quiz is a text quiz");
    };
    assert!(
        answers.iter().any(|p| p.is_match("--NO-CACHE-DIR")),
        "case-insensitive by default"
    );
}

#[test]
fn lesson_text_is_sanitized_once_loaded() {
    let course = match load_course_path(&fixture("hostile-text")) {
        Ok(course) => course,
        Err(report) => panic!("{}", report.render(false)),
    };
    let node = &course.nodes[0];
    let step = &node.steps[0];
    let entry = &step.bash[0];
    let texts = [
        course.title.as_str(),
        course.tagline.as_str(),
        course.ticker[0].as_str(),
        node.title.as_str(),
        step.body.as_deref().unwrap_or_default(),
        entry.cmd.as_str(),
        entry.out.as_str(),
    ];
    for text in texts {
        assert!(
            text.chars().all(|c| c == '\n' || !c.is_control()),
            "control character left in {text:?}"
        );
    }
    assert_eq!(course.title, "Clear ␛[2J screen");
    assert_eq!(course.tagline, "Title ␛]0;pwned␇ and bidi <U+202E>evil");
    assert_eq!(course.ticker[0], "TAB BED");
    assert_eq!(node.title, "Node <U+009B>31m");
    assert_eq!(step.body.as_deref(), Some("Line one\nLine two ␛P+q␛\\"));
    assert_eq!(entry.out, "␛[31mred␛[0m");
}

#[test]
fn memory_and_disk_sources_load_the_same_course() {
    let dir = fixture("basic");
    let read = |rel: &str| std::fs::read_to_string(dir.join(rel)).expect("fixture file");
    let source = termcourse::core::source::MemorySource {
        root: "basic".to_owned(),
        files: ["course.toml", "nodes/base-images.toml"]
            .iter()
            .map(|rel| ((*rel).to_owned(), read(rel)))
            .collect(),
    };
    let from_memory =
        termcourse::core::load::load(&source, &termcourse::core::load::LoadOptions::default())
            .map_err(|r| r.render(false))
            .expect("loads from memory");
    let from_disk = load_course_path(&dir)
        .map_err(|r| r.render(false))
        .expect("loads from disk");
    assert_eq!(format!("{from_memory:?}"), format!("{from_disk:?}"));
}

#[test]
fn node_files_may_not_escape_through_symlinks() {
    let outside = tempfile::tempdir().expect("tempdir");
    let course = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("secret.toml"), "id = \"secret\"\n").expect("write");
    std::fs::write(
        course.path().join("course.toml"),
        "format = 1\nid = \"c\"\ntitle = \"C\"\nnodes = [\"link.toml\"]\n",
    )
    .expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.toml"),
        course.path().join("link.toml"),
    )
    .expect("symlink");
    let report = load_course_path(course.path()).expect_err("link leaves the course");
    let rendered = report.render(false);
    assert!(
        rendered.contains("is a symlink to `")
            && rendered.contains("`, outside the course directory"),
        "{rendered}"
    );
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    use termcourse::core::source::{MAX_FILE_BYTES, MemorySource};
    let limit = usize::try_from(MAX_FILE_BYTES).expect("fits");
    let source = MemorySource {
        root: String::new(),
        files: vec![("course.toml".to_owned(), "#".repeat(limit + 1))],
    };
    let report =
        termcourse::core::load::load(&source, &termcourse::core::load::LoadOptions::default())
            .expect_err("too large");
    assert!(report.render(false).contains("over the 4194304-byte limit"));

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("course.toml"),
        "format = 1\nid = \"c\"\ntitle = \"C\"\nnodes = [\"big.toml\"]\n",
    )
    .expect("write");
    let big = std::fs::File::create(dir.path().join("big.toml")).expect("create");
    big.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    let rendered = load_course_path(dir.path())
        .expect_err("too large")
        .render(false);
    assert!(
        rendered.contains("course.toml:4:10: error: cannot read"),
        "{rendered}"
    );
    assert!(
        rendered.contains("over the 4194304-byte limit"),
        "{rendered}"
    );
}

/// The course file of a one-step course followed by `extra` (a `[finish]` table).
fn with_finish(extra: &str) -> termcourse::core::source::MemorySource {
    let course = format!(
        "format = 1\nid = \"c\"\ntitle = \"C\"\n\
         [[node]]\nid = \"n\"\ntitle = \"N\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"Hi\"\n\
         {extra}"
    );
    termcourse::core::source::MemorySource {
        root: "c".to_owned(),
        files: vec![("course.toml".to_owned(), course)],
    }
}

#[test]
fn the_finish_table_is_optional_and_checked() {
    use termcourse::core::course::Finish;
    use termcourse::core::load::{LoadOptions, load, load_with_warnings};

    let opts = LoadOptions::default();
    let plain = load(&with_finish(""), &opts).map_err(|r| r.render(false));
    assert_eq!(plain.map(|c| c.finish), Ok(None));

    let written = "[finish]\ntitle = \"  Well done \"\nnote = \"\"\"\nNext: **ship it**.\n\"\"\"\n";
    let course = load(&with_finish(written), &opts).map_err(|r| r.render(false));
    assert_eq!(
        course.map(|c| c.finish),
        Ok(Some(Finish {
            title: Some("Well done".to_owned()),
            note: "Next: **ship it**.".to_owned(),
        }))
    );

    for (bad, want) in [
        ("[finish]\ntitle = \"x\"\n", "`[finish]` has no `note`"),
        (
            "[finish]\nnote = \"  \"\n",
            "`[finish]` has an empty `note`",
        ),
        (
            "[finish]\nnote = \"x\"\nnotes = \"y\"\n",
            "unknown key `notes`",
        ),
    ] {
        let (course, report) = load_with_warnings(&with_finish(bad), &opts);
        let rendered = report.render(false);
        assert!(
            course.is_none() && rendered.contains(want),
            "{bad}\n{rendered}"
        );
    }
    let odd = "[finish]\nnote = \"```klingon\\nx\\n```\"\n";
    let known = |lang: &str| lang != "klingon";
    let (course, report) = load_with_warnings(
        &with_finish(odd),
        &LoadOptions {
            known_language: &known,
            ..LoadOptions::default()
        },
    );
    assert!(course.is_some(), "a warning only");
    assert!(
        report.render(false).contains("klingon"),
        "{}",
        report.render(false)
    );
}
