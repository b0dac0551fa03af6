//! Loading valid fixture courses into the domain model.

use std::path::Path;

use termcourse::core::course::QuizKind;
use termcourse::fs_source::load_course_path;

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
