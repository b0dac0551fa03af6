use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::*;
use crate::app::test_course::task_course;
use crate::core::task::FileState;

const WAIT: Duration = Duration::from_secs(20);

struct Fixture {
    _temp: tempfile::TempDir,
    data: PathBuf,
    root: PathBuf,
    course: Arc<Course>,
}

fn fixture() -> Fixture {
    let temp = tempfile::tempdir().expect("temp dir");
    let data = temp.path().join("data");
    let root = temp.path().join("ws");
    Fixture {
        _temp: temp,
        data,
        root,
        course: task_course(),
    }
}

impl Fixture {
    fn worker(&self, builtin: bool) -> (TaskWorker, Receiver<TaskMsg>) {
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let report: Report = Arc::new(move |msg| {
            let _ = tx.lock().expect("sender").send(msg);
        });
        let options = TaskOptions {
            workspace: Some(self.root.clone()),
            workspace_env: None,
            no_run: false,
            builtin,
        };
        let worker = TaskWorker::spawn(
            Ok(Workspace::at(self.root.clone())),
            options,
            Some(self.data.clone()),
            report,
        )
        .expect("worker");
        (worker, rx)
    }

    fn task(&self) -> (TaskKey, Box<Task>) {
        let node = &self.course.nodes[1];
        let step = &node.steps[0];
        let key = TaskKey {
            node: node.id.clone(),
            step: step.id.clone(),
        };
        (key, Box::new(step.task.clone().expect("a task")))
    }
}

/// The next message that `pick` wants, skipping others (watcher news comes at any time).
fn next<T>(rx: &Receiver<TaskMsg>, mut pick: impl FnMut(TaskMsg) -> Option<T>) -> T {
    let deadline = Instant::now() + WAIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(msg) => {
                if let Some(found) = pick(msg) {
                    return found;
                }
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                panic!("no such message within {WAIT:?}")
            }
        }
    }
}

fn setup(rx: &Receiver<TaskMsg>) -> TaskEnv {
    next(rx, |m| match m {
        TaskMsg::Setup(env) => Some(env),
        _ => None,
    })
}

fn files(rx: &Receiver<TaskMsg>) -> crate::core::task::TaskFiles {
    next(rx, |m| match m {
        TaskMsg::Files { files, .. } => Some(files),
        _ => None,
    })
}

#[test]
fn showing_a_task_writes_its_starters_once_and_reads_its_files() {
    let fx = fixture();
    let (worker, rx) = fx.worker(false);
    let (key, task) = fx.task();
    worker.send(TaskJob::Prepare {
        key: key.clone(),
        task: task.clone(),
    });
    let (written, missing) = next(&rx, |m| match m {
        TaskMsg::Prepared {
            key: k,
            written,
            missing,
            ..
        } if k == key => Some((written, missing)),
        _ => None,
    });
    assert_eq!(written, vec!["Dockerfile".to_owned()]);
    // Whether `docker` is here or not, only the check that needs it can be reported.
    assert!(missing.iter().all(|(i, p)| *i == 3 && p == &["docker"]));
    let read = files(&rx);
    assert_eq!(
        read.get("Dockerfile"),
        Some(&FileState::Text("FROM python:latest\nCOPY . .\n".into()))
    );
    assert_eq!(read.get(".dockerignore"), Some(&FileState::Missing));
    // The learner's file is never replaced.
    std::fs::write(fx.root.join("Dockerfile"), "mine\n").expect("write");
    worker.send(TaskJob::Prepare { key, task });
    let written = next(&rx, |m| match m {
        TaskMsg::Prepared { written, .. } => Some(written),
        _ => None,
    });
    assert!(written.is_empty());
    assert_eq!(
        std::fs::read_to_string(fx.root.join("Dockerfile")).expect("read"),
        "mine\n"
    );
}

#[test]
fn a_file_written_by_another_program_is_reported_as_a_change() {
    let fx = fixture();
    let (worker, rx) = fx.worker(false);
    let (key, task) = fx.task();
    worker.send(TaskJob::Prepare { key, task });
    files(&rx);
    // Let the watcher start.
    std::thread::sleep(Duration::from_millis(300));
    let status = std::process::Command::new("sh")
        .args(["-c", "printf '.git\\n' > .dockerignore"])
        .current_dir(&fx.root)
        .status()
        .expect("sh");
    assert!(status.success());
    next(&rx, |m| matches!(m, TaskMsg::Changed).then_some(()));
}

#[test]
fn an_undecided_course_runs_nothing_and_a_stored_yes_holds_next_time() {
    let fx = fixture();
    {
        let (worker, rx) = fx.worker(false);
        worker.open(Arc::clone(&fx.course));
        assert_eq!(setup(&rx).trust, Trust::Undecided);
        let (key, task) = fx.task();
        worker.send(TaskJob::Prepare { key, task });
        files(&rx);
        // Not allowed: the checks come back skipped, nothing runs.
        let run = fx.course.nodes[1].steps[0]
            .task
            .as_ref()
            .and_then(|t| t.checks[4].run().cloned())
            .expect("a run check");
        worker.send(TaskJob::Run {
            batch: 1,
            checks: vec![(4, run.clone())],
        });
        let status = next(&rx, |m| match m {
            TaskMsg::Run(RunReport::Finished { status, .. }) => Some(status),
            _ => None,
        });
        assert_eq!(status, CheckStatus::Skipped(SkipReason::NotTrusted));
        worker.send(TaskJob::Decide { allow: true });
        worker.send(TaskJob::Run {
            batch: 2,
            checks: vec![(4, run)],
        });
        let (batch, status) = next(&rx, |m| match m {
            TaskMsg::Run(RunReport::Finished { batch, status, .. }) => Some((batch, status)),
            _ => None,
        });
        assert_eq!((batch, status), (2, CheckStatus::Passed));
        next(&rx, |m| {
            matches!(m, TaskMsg::Run(RunReport::Done { batch: 2 })).then_some(())
        });
    }
    let (worker, rx) = fx.worker(false);
    worker.open(Arc::clone(&fx.course));
    assert_eq!(setup(&rx).trust, Trust::Granted, "the decision was stored");
}

#[test]
fn the_built_in_course_is_trusted_and_the_workspace_shown() {
    let fx = fixture();
    let (worker, rx) = fx.worker(true);
    worker.open(Arc::clone(&fx.course));
    let env = setup(&rx);
    assert_eq!(env.trust, Trust::Granted);
    assert_eq!(env.workspace, Some(display_path(&fx.root)));
}

#[test]
fn reset_keeps_the_learners_file_as_a_backup() {
    let fx = fixture();
    let (worker, rx) = fx.worker(false);
    let (key, task) = fx.task();
    std::fs::create_dir_all(&fx.root).expect("mkdir");
    std::fs::write(fx.root.join("Dockerfile"), "mine\n").expect("write");
    worker.send(TaskJob::Reset {
        key: key.clone(),
        file: task.files[0].clone(),
    });
    let result = next(&rx, |m| match m {
        TaskMsg::Reset { result, .. } => Some(result),
        _ => None,
    });
    let backup = result.expect("reset").expect("a backup");
    assert!(backup.starts_with("Dockerfile.bak-"), "{backup}");
    assert_eq!(
        std::fs::read_to_string(fx.root.join(&backup)).expect("backup"),
        "mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(fx.root.join("Dockerfile")).expect("starter"),
        "FROM python:latest\nCOPY . .\n"
    );
}

#[test]
fn cancelling_stops_a_running_command() {
    let fx = fixture();
    let (worker, rx) = fx.worker(true);
    worker.open(Arc::clone(&fx.course));
    setup(&rx);
    let mut run = fx.course.nodes[1].steps[0]
        .task
        .as_ref()
        .and_then(|t| t.checks[4].run().cloned())
        .expect("a run check");
    run.command = "sleep 30".into();
    run.timeout = Duration::from_secs(60);
    worker.send(TaskJob::Run {
        batch: 5,
        checks: vec![(4, run)],
    });
    next(&rx, |m| {
        matches!(m, TaskMsg::Run(RunReport::Started { batch: 5, .. })).then_some(())
    });
    let since = Instant::now();
    worker.send(TaskJob::Cancel);
    let status = next(&rx, |m| match m {
        TaskMsg::Run(RunReport::Finished { status, .. }) => Some(status),
        _ => None,
    });
    assert_eq!(
        status,
        CheckStatus::Pending,
        "a cancelled check is not a result"
    );
    assert!(since.elapsed() < Duration::from_secs(10));
}

#[test]
fn the_home_directory_shows_as_a_tilde() {
    if let Some(home) = dirs::home_dir() {
        assert_eq!(display_path(&home.join("ws").join("x")), "~/ws/x");
        assert_eq!(display_path(&home), "~");
    }
    assert_eq!(display_path(Path::new("/srv/ws")), "/srv/ws");
}
