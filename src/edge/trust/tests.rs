use std::fs;

use super::*;
use crate::core::load::{LoadOptions, load};
use crate::core::source::MemorySource;

const FIXTURE: &str = include_str!("../../../tests/fixtures/tasks/course.toml");

fn course(text: &str) -> Course {
    let source = MemorySource {
        root: "t".to_owned(),
        files: vec![("course.toml".to_owned(), text.to_owned())],
    };
    load(&source, &LoadOptions::default())
        .map_err(|r| r.render(false))
        .expect("loads")
}

fn spell(p: &Permission) -> &'static str {
    match p {
        Permission::Granted(_) => "granted",
        Permission::Denied => "denied",
        Permission::Undecided => "undecided",
        Permission::Disabled => "disabled",
    }
}

#[test]
fn a_decision_counts_only_for_the_same_commands() {
    let data = tempfile::tempdir().expect("temp dir");
    let store = TrustStore::open(data.path());
    let original = course(FIXTURE);
    let of = |c: &Course| spell(&permission(c, false, false, Some(&store)));
    assert_eq!(of(&original), "undecided");
    store
        .allow("tasks", &course_digest(&original))
        .expect("allowed");
    assert_eq!(of(&original), "granted");
    assert!(store.path("tasks").starts_with(data.path().join("trust")));

    let edited = course(&FIXTURE.replace("docker build -t iris-api .", "docker build -t iris ."));
    assert_eq!(of(&edited), "undecided", "a changed command asks again");
    let reordered = course(&FIXTURE.replace("timeout = 120", "timeout = 60"));
    assert_eq!(of(&reordered), "granted", "other keys are not commands");

    store
        .record("tasks", &course_digest(&edited), Decision::Deny)
        .expect("denied");
    assert_eq!(of(&edited), "denied");
    assert_eq!(
        of(&original),
        "undecided",
        "one decision per course: the latest"
    );

    assert!(store.revoke("tasks").expect("revoked"));
    assert!(!store.revoke("tasks").expect("nothing left"));
    assert_eq!(of(&edited), "undecided");
}

#[test]
fn no_run_the_built_in_course_and_courses_without_commands() {
    let c = course(FIXTURE);
    assert_eq!(spell(&permission(&c, true, false, None)), "granted");
    assert_eq!(spell(&permission(&c, true, true, None)), "disabled");
    assert_eq!(spell(&permission(&c, false, false, None)), "undecided");
    let start = FIXTURE
        .find("[[node.step.task.check]]\nfile = \"Dockerfile\"\nrun")
        .expect("run");
    let no_commands = course(&FIXTURE[..start]);
    assert_eq!(
        spell(&permission(&no_commands, false, false, None)),
        "granted"
    );
}

#[test]
fn the_file_is_plain_toml_and_damaged_files_are_set_aside() {
    let data = tempfile::tempdir().expect("temp dir");
    let store = TrustStore::open(data.path());
    let digest = crate::core::trust::digest(["make test"]);
    store
        .record("c", &digest, Decision::Allow)
        .expect("recorded");
    let text = fs::read_to_string(store.path("c")).expect("read");
    assert!(text.contains("course = \"c\"\n"), "{text}");
    assert!(
        text.contains(&format!("commands = \"{digest}\"\n")),
        "{text}"
    );
    assert!(text.contains("decision = \"allow\"\n"), "{text}");

    fs::write(store.path("c"), "decision = \"allow\"\n").expect("damage");
    assert_eq!(store.lookup("c").expect("read"), None, "damaged: undecided");
    store
        .record("c", &digest, Decision::Deny)
        .expect("recorded");
    let names: Vec<String> = fs::read_dir(data.path().join("trust"))
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("c.toml.corrupt-")),
        "{names:?}"
    );

    fs::write(
        store.path("c"),
        text.replace("course = \"c\"", "course = \"other\""),
    )
    .expect("another course's file");
    assert_eq!(store.lookup("c").expect("read"), None);
}

#[cfg(unix)]
#[test]
fn a_planted_symbolic_link_is_neither_read_nor_written_through() {
    let data = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let store = TrustStore::open(data.path());
    let digest = crate::core::trust::digest(["make test"]);
    let target = elsewhere.path().join("trusted.toml");
    let forged =
        format!("course = \"c\"\ncommands = \"{digest}\"\ndecision = \"allow\"\ndecided_at = 1\n");
    fs::write(&target, &forged).expect("write");
    fs::create_dir_all(data.path().join("trust")).expect("mkdir");
    std::os::unix::fs::symlink(&target, store.path("c")).expect("symlink");
    assert_eq!(store.lookup("c").expect("read"), None, "not followed");
    store
        .record("c", &digest, Decision::Deny)
        .expect("recorded");
    assert_eq!(
        fs::read_to_string(&target).expect("read"),
        forged,
        "untouched"
    );
    let record = store.lookup("c").expect("read").expect("a record");
    assert_eq!(record.decision, Decision::Deny);
}
