use std::fs;

use super::*;
use crate::core::course::{Check, CheckKind};

fn task(files: &[(&str, Option<&str>)]) -> Task {
    Task {
        goal: "Write it".to_owned(),
        files: files
            .iter()
            .map(|(path, starter)| TaskFile {
                path: (*path).to_owned(),
                starter: starter.map(str::to_owned),
                solution: None,
            })
            .collect(),
        checks: vec![Check {
            file: Some(files[0].0.to_owned()),
            kind: CheckKind::Exists,
            logical: false,
            message: "Write it".to_owned(),
            hint: None,
        }],
    }
}

fn no_data_dir() -> Result<PathBuf, StoreError> {
    Err(StoreError::NoDataDir)
}

#[test]
fn the_flag_wins_then_the_environment_then_the_data_dir() {
    let flag = Workspace::resolve(
        Some(Path::new("/ws/flag")),
        Some(OsStr::new("/ws/env")),
        no_data_dir,
        "c",
    )
    .expect("flag");
    assert_eq!(
        (flag.root(), flag.origin()),
        (Path::new("/ws/flag"), Origin::Flag)
    );
    let env = Workspace::resolve(None, Some(OsStr::new("/ws/env")), no_data_dir, "c").expect("env");
    assert_eq!(
        (env.root(), env.origin()),
        (Path::new("/ws/env"), Origin::Env)
    );
    let data = Workspace::resolve(
        None,
        Some(OsStr::new("")),
        || Ok(PathBuf::from("/data")),
        "dockerfiles-for-ml",
    )
    .expect("data dir");
    assert_eq!(
        data.root(),
        Path::new("/data/workspaces/dockerfiles-for-ml")
    );
    assert_eq!(data.origin(), Origin::DataDir);
    let odd =
        Workspace::resolve(None, None, || Ok(PathBuf::from("/data")), "../x").expect("odd id");
    assert!(odd.root().starts_with("/data/workspaces/") && !odd.root().ends_with("x"));
    assert!(matches!(
        Workspace::resolve(None, None, no_data_dir, "c"),
        Err(WorkspaceError::NoDataDir(_))
    ));
    let relative = Workspace::resolve(Some(Path::new("ws")), None, no_data_dir, "c").expect("rel");
    assert!(relative.root().is_absolute());
    assert_eq!(
        relative.file_path("app/main.py"),
        relative.root().join("app").join("main.py")
    );
}

#[test]
fn starters_are_written_only_where_nothing_is() {
    let temp = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::at(temp.path().join("ws"));
    fs::create_dir_all(ws.root()).expect("mkdir");
    fs::write(ws.root().join("Dockerfile"), "FROM mine\n").expect("learner's file");
    let t = task(&[
        ("Dockerfile", Some("FROM starter\n")),
        ("app/main.py", Some("print('hi')\n")),
        (".dockerignore", None),
    ]);
    let report = ws.write_starters(&t).expect("written");
    assert_eq!(report.written, ["app/main.py"]);
    assert_eq!(report.kept, ["Dockerfile"]);
    assert!(report.failed.is_empty());
    assert_eq!(
        fs::read_to_string(ws.root().join("Dockerfile")).expect("read"),
        "FROM mine\n",
        "the learner's file is never overwritten"
    );
    assert!(!ws.root().join(".dockerignore").exists());
    let again = ws.write_starters(&t).expect("written");
    assert!(again.written.is_empty());
    assert_eq!(again.kept, ["Dockerfile", "app/main.py"]);
}

#[cfg(unix)]
#[test]
fn starters_never_go_through_a_symbolic_link() {
    let temp = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::at(temp.path().to_owned());
    std::os::unix::fs::symlink(outside.path(), temp.path().join("app")).expect("symlink");
    std::os::unix::fs::symlink(
        outside.path().join("target"),
        temp.path().join("Dockerfile"),
    )
    .expect("dangling symlink");
    let t = task(&[("Dockerfile", Some("FROM x\n")), ("app/main.py", Some("x"))]);
    let report = ws.write_starters(&t).expect("ran");
    assert_eq!(report.kept, ["Dockerfile"], "a dangling link is something");
    assert_eq!(report.failed.len(), 1);
    assert!(report.failed[0].1.contains("symbolic link"), "{report:?}");
    assert_eq!(fs::read_dir(outside.path()).expect("list").count(), 0);
    assert!(
        matches!(ws.read_file("Dockerfile"), FileState::Unreadable(why) if why.contains("symbolic link"))
    );
    assert!(matches!(
        ws.read_file("app/main.py"),
        FileState::Unreadable(_)
    ));
}

#[cfg(unix)]
#[test]
fn a_default_workspace_is_not_created_through_a_planted_link() {
    let data = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(elsewhere.path(), data.path().join("workspaces")).expect("symlink");
    let ws = Workspace::resolve(None, None, || Ok(data.path().to_owned()), "c").expect("resolved");
    let t = task(&[("Dockerfile", Some("FROM x\n"))]);
    assert!(matches!(
        ws.write_starters(&t),
        Err(WorkspaceError::Unusable { .. })
    ));
    assert_eq!(fs::read_dir(elsewhere.path()).expect("list").count(), 0);
}

#[test]
fn reset_moves_the_learner_file_aside_first() {
    let temp = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::at(temp.path().join("ws"));
    let t = task(&[("app/Dockerfile", Some("FROM starter\n")), ("notes", None)]);
    assert_eq!(
        ws.reset_to_starter(&t.files[0], 100).expect("reset"),
        None,
        "nothing to keep"
    );
    fs::write(ws.file_path("app/Dockerfile"), "FROM mine\n").expect("edit");
    let backup = ws.reset_to_starter(&t.files[0], 100).expect("reset");
    assert_eq!(backup.as_deref(), Some("app/Dockerfile.bak-100"));
    fs::write(ws.file_path("app/Dockerfile"), "FROM mine again\n").expect("edit");
    let second = ws.reset_to_starter(&t.files[0], 100).expect("reset");
    assert_eq!(second.as_deref(), Some("app/Dockerfile.bak-100-1"));
    let read = |rel: &str| fs::read_to_string(ws.file_path(rel)).expect("read");
    assert_eq!(read("app/Dockerfile"), "FROM starter\n");
    assert_eq!(read("app/Dockerfile.bak-100"), "FROM mine\n");
    assert_eq!(read("app/Dockerfile.bak-100-1"), "FROM mine again\n");
    assert!(matches!(
        ws.reset_to_starter(&t.files[1], 100),
        Err(WorkspaceError::NoStarter(p)) if p == "notes"
    ));
}

#[test]
fn reading_task_files() {
    let temp = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::at(temp.path().join("not-yet"));
    let t = task(&[("Dockerfile", None), ("big", None), ("dir", None)]);
    let files = ws.read_files(&t);
    assert!(
        files.values().all(|f| *f == FileState::Missing),
        "no workspace yet: {files:?}"
    );
    fs::create_dir_all(ws.root().join("dir")).expect("mkdir");
    fs::write(ws.root().join("Dockerfile"), "FROM x\n").expect("write");
    let big = "x".repeat(usize::try_from(MAX_TASK_FILE_BYTES).expect("fits") + 1);
    fs::write(ws.root().join("big"), big).expect("write");
    let files = ws.read_files(&t);
    assert_eq!(files["Dockerfile"], FileState::Text("FROM x\n".to_owned()));
    assert_eq!(
        files["big"],
        FileState::Unreadable("is over 1 MiB".to_owned())
    );
    assert_eq!(
        files["dir"],
        FileState::Unreadable("is a directory".to_owned())
    );
    let file = temp.path().join("a-file");
    fs::write(&file, "").expect("write");
    let not_dir = Workspace::at(file);
    assert!(not_dir.ensure().is_err());
    assert!(matches!(
        not_dir.read_file("Dockerfile"),
        FileState::Unreadable(_)
    ));
}
