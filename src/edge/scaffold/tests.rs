use super::*;
use crate::core::load::{LoadOptions, load_with_warnings};
use crate::core::source::MemorySource;

#[test]
fn names_suggest_ids_and_titles() {
    assert_eq!(id_from_name("My Course"), "my-course");
    assert_eq!(id_from_name("docker_101"), "docker-101");
    assert_eq!(id_from_name("---"), "my-course");
    assert_eq!(id_from_name("Ünïcode"), "n-code");
    assert_eq!(title_from_name("docker-for-ml"), "Docker for ml");
    assert_eq!(title_from_name(""), "My course");
    assert!(valid_id(&id_from_name(&"x".repeat(200))));
}

#[test]
fn the_scaffold_is_a_course_without_warnings_whatever_the_title() {
    for title in ["Plain", "With \"quotes\" and \\ backslash", "Ünïcode ✓"] {
        let source = MemorySource {
            root: "new".into(),
            files: files("new-course", title),
        };
        let opts = LoadOptions {
            known_language: &crate::view::highlight::has_syntax,
            unseen: &crate::view::fit::unseen,
        };
        let (course, report) = load_with_warnings(&source, &opts);
        assert!(report.is_empty(), "{}", report.render(false));
        let course = course.expect("the scaffold loads");
        assert_eq!(course.title, title);
        assert_eq!(course.id.as_str(), "new-course");
        assert_eq!(course.nodes.len(), 2);
        assert_eq!(course.nodes[1].requires[0].as_str(), "first-steps");
        for node in &course.nodes {
            let steps = &node.steps;
            assert!(steps.iter().any(|s| s.quiz.is_some()), "{}", node.id);
            assert!(steps.iter().any(|s| s.task.is_some()), "{}", node.id);
            assert!(
                steps
                    .iter()
                    .flat_map(|s| &s.bash)
                    .any(|b| b.type_along.is_some()),
                "{}",
                node.id
            );
            assert!(steps.iter().any(|s| s.sys_msg.is_some()), "{}", node.id);
        }
        assert!(!course.glossary.is_empty() && !course.faq.is_empty());
        assert!(
            course.nodes[0].steps[0]
                .body
                .as_deref()
                .is_some_and(|b| b.contains("welcome.md"))
        );
    }
}

#[test]
fn refuses_a_directory_that_is_not_empty_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let err = create(dir.path(), "c", "C").expect_err("not empty");
    assert!(matches!(err, ScaffoldError::NotEmpty(_)), "{err}");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn writes_a_new_directory_and_refuses_bad_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let course = dir.path().join("a/b");
    let written = create(&course, "b", "B").expect("created");
    assert!(written.contains(&"nodes/first-steps/welcome.md".to_owned()));
    assert!(course.join("course.schema.json").is_file());
    let text = std::fs::read_to_string(course.join("course.toml")).expect("read");
    assert!(text.starts_with("#:schema ./course.schema.json\n"));
    assert!(matches!(
        create(&dir.path().join("c"), "bad id", "C"),
        Err(ScaffoldError::BadId(_))
    ));
    assert!(matches!(
        create(&dir.path().join("d"), "d", "a\u{1b}[31m"),
        Err(ScaffoldError::ControlInTitle)
    ));
}
