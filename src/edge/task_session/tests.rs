use super::*;
use crate::core::load::{LoadOptions, load};
use crate::core::source::MemorySource;

fn course(fixture: &str) -> Course {
    let source = MemorySource {
        root: "t".to_owned(),
        files: vec![("course.toml".to_owned(), fixture.to_owned())],
    };
    load(&source, &LoadOptions::default())
        .map_err(|r| r.render(false))
        .expect("loads")
}

const TASKS: &str = include_str!("../../../tests/fixtures/tasks/course.toml");

fn options(no_run: bool, builtin: bool) -> TaskOptions {
    TaskOptions {
        workspace: None,
        workspace_env: None,
        no_run,
        builtin,
    }
}

#[test]
fn a_course_without_tasks_needs_no_session() {
    let no_tasks = course(
        "format = 1\nid = \"c\"\ntitle = \"C\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n\
         [[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n",
    );
    let session = TaskSession::open(&no_tasks, &options(false, false), None).expect("opens");
    assert!(session.is_none());
}

#[test]
fn the_learner_answer_decides_and_is_remembered() {
    let data = tempfile::tempdir().expect("temp dir");
    let c = course(TASKS);
    let open = || {
        TaskSession::open(&c, &options(false, false), Some(data.path()))
            .expect("opens")
            .expect("has tasks")
    };
    let mut session = open();
    assert_eq!(
        session.workspace_dir(),
        data.path().join("workspaces").join("tasks")
    );
    assert_eq!(
        session.commands,
        ["docker build --check .", "docker build -t iris-api ."]
    );
    assert!(matches!(session.permission, Permission::Undecided));
    assert!(session.runner().is_none() && session.skip_reason().is_none());

    session.decide("tasks", false).expect("recorded");
    assert_eq!(session.skip_reason(), Some(SkipReason::NotTrusted));
    assert!(
        matches!(open().permission, Permission::Denied),
        "remembered"
    );

    session.decide("tasks", true).expect("recorded");
    assert!(session.runner().is_some());
    assert!(matches!(open().permission, Permission::Granted(_)));
    assert!(
        !data.path().join("workspaces").exists(),
        "nothing created yet"
    );
}

#[test]
fn no_run_and_the_built_in_course() {
    let c = course(TASKS);
    let session = |no_run, builtin| {
        let opts = TaskOptions {
            workspace: Some(PathBuf::from("/tmp/ws")),
            ..options(no_run, builtin)
        };
        TaskSession::open(&c, &opts, None)
            .expect("opens")
            .expect("has tasks")
    };
    assert_eq!(
        session(true, true).skip_reason(),
        Some(SkipReason::Disabled)
    );
    assert!(session(false, true).runner().is_some());
    let mut undecided = session(false, false);
    undecided
        .decide("tasks", true)
        .expect("nothing to store without a data dir");
    assert!(undecided.runner().is_some(), "allowed for this session");
    let flag = TaskOptions {
        workspace: Some(PathBuf::from("/tmp/ws-flag")),
        workspace_env: Some(OsString::from("/tmp/ws-env")),
        ..options(false, false)
    };
    let with_flag = TaskSession::open(&c, &flag, None)
        .expect("opens")
        .expect("tasks");
    assert_eq!(with_flag.workspace_dir(), Path::new("/tmp/ws-flag"));
    assert!(matches!(
        TaskSession::open(&c, &options(false, false), None),
        Err(WorkspaceError::NoDataDir(_))
    ));
}
