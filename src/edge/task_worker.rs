//! The player's task worker: a thread that does what tasks need from the outside world, so
//! the thread that reads keys and draws never waits on the disk, a command or the trust store.
//!
//! It owns the course's [`TaskSession`] (workspace, trust, the runner), the workspace watcher
//! (started when a task is first shown) and the running batch of command checks. Jobs come
//! from `update` as [`TaskJob`] effects, in order; everything it learns goes back to the event
//! loop as [`TaskMsg`]s through `report`, from this thread, the watcher's or the runner's.
//!
//! The trust decision is made on the whole course: a player that started on an outline sends
//! [`TaskWorker::open`] again once the rest is loaded, and until the first `open` the player
//! sees [`Trust::Loading`] (file checks work, commands wait).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use crate::app::task::{RunReport, TaskEnv, TaskJob, TaskKey, TaskMsg, Trust};
use crate::core::course::{Course, Task, TaskFile};
use crate::core::task::{CheckStatus, SkipReason};
use crate::edge::runner::{RunBatch, RunEvent, RunHandle, missing_programs};
use crate::edge::task_session::{TaskOptions, TaskSession};
use crate::edge::trust::Permission;
use crate::edge::watcher::{WatchEvent, WorkspaceWatcher, watch};
use crate::edge::workspace::Workspace;

/// Where the worker's news goes (the event loop's channel).
pub type Report = Arc<dyn Fn(TaskMsg) + Send + Sync>;

enum Work {
    Open(Arc<Course>),
    Job(TaskJob),
    Stop,
}

/// The running worker; dropping it stops the worker, the watcher and any running command.
pub struct TaskWorker {
    work: Sender<Work>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for TaskWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskWorker").finish_non_exhaustive()
    }
}

impl TaskWorker {
    /// Starts the worker for the course `course_id`, whose workspace is `workspace` (or why
    /// there is none); `options` and `data_dir` decide trust when [`TaskWorker::open`] gives it
    /// the course.
    pub fn spawn(
        workspace: Result<Workspace, String>,
        options: TaskOptions,
        data_dir: Option<PathBuf>,
        report: Report,
    ) -> std::io::Result<TaskWorker> {
        let (work, jobs) = mpsc::channel();
        let state = State {
            workspace,
            options,
            data_dir,
            report,
            session: None,
            course_id: String::new(),
            watcher: None,
            running: None,
        };
        let thread = thread::Builder::new()
            .name("termcourse-tasks".to_owned())
            .spawn(move || state.serve(&jobs))?;
        Ok(TaskWorker {
            work,
            thread: Some(thread),
        })
    }

    /// The course as it is now known (again after the rest of an outline loaded): trust is
    /// decided on all of its commands.
    pub fn open(&self, course: Arc<Course>) {
        let _ = self.work.send(Work::Open(course));
    }

    /// Queues `job`.
    pub fn send(&self, job: TaskJob) {
        let _ = self.work.send(Work::Job(job));
    }
}

impl Drop for TaskWorker {
    fn drop(&mut self) {
        let _ = self.work.send(Work::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// What the player shows for a workspace at `root`: the home directory as `~`.
pub fn display_path(root: &Path) -> String {
    if let Some(home) = dirs::home_dir()
        && let Ok(rest) = root.strip_prefix(&home)
        && !home.as_os_str().is_empty()
    {
        if rest.as_os_str().is_empty() {
            return "~".to_owned();
        }
        return format!("~/{}", rest.display());
    }
    root.display().to_string()
}

/// The session's tasks as the player sees them before the worker has the whole course.
pub fn initial_env(workspace: &Result<Workspace, String>) -> TaskEnv {
    match workspace {
        Ok(workspace) => TaskEnv {
            workspace: Some(display_path(workspace.root())),
            problem: None,
            trust: Trust::Loading,
        },
        Err(why) => TaskEnv {
            workspace: None,
            problem: Some(why.clone()),
            trust: Trust::Disabled,
        },
    }
}

struct State {
    workspace: Result<Workspace, String>,
    options: TaskOptions,
    data_dir: Option<PathBuf>,
    report: Report,
    session: Option<TaskSession>,
    course_id: String,
    watcher: Option<WorkspaceWatcher>,
    running: Option<RunHandle>,
}

impl State {
    fn serve(mut self, jobs: &Receiver<Work>) {
        while let Ok(work) = jobs.recv() {
            match work {
                Work::Stop => break,
                Work::Open(course) => self.open(&course),
                Work::Job(job) => self.job(job),
            }
        }
        // Dropping the handle only asks for the kill; wait for it (one poll, ~10 ms), or the
        // player could exit first and leave the command's process group running.
        if let Some(running) = self.running.take() {
            running.cancel();
            running.join();
        }
        self.watcher = None;
    }

    fn open(&mut self, course: &Course) {
        course.id.as_str().clone_into(&mut self.course_id);
        match TaskSession::open(course, &self.options, self.data_dir.as_deref()) {
            Ok(Some(session)) => {
                let trust = match &session.permission {
                    Permission::Granted(_) => Trust::Granted,
                    Permission::Undecided => Trust::Undecided,
                    Permission::Denied => Trust::Denied,
                    Permission::Disabled => Trust::Disabled,
                };
                (self.report)(TaskMsg::Setup(TaskEnv {
                    workspace: Some(display_path(session.workspace_dir())),
                    problem: None,
                    trust,
                }));
                self.session = Some(session);
            }
            // No tasks: nothing to tell.
            Ok(None) => self.session = None,
            Err(err) => {
                self.session = None;
                (self.report)(TaskMsg::Setup(TaskEnv {
                    workspace: None,
                    problem: Some(err.to_string()),
                    trust: Trust::Disabled,
                }));
            }
        }
    }

    fn job(&mut self, job: TaskJob) {
        match job {
            TaskJob::Prepare { key, task } => self.prepare(key, &task),
            TaskJob::Read { key, task } => self.read(key, &task),
            TaskJob::Run { batch, checks } => self.run(batch, checks),
            TaskJob::Cancel => self.running = None,
            TaskJob::Reset { key, file } => self.reset(key, &file),
            TaskJob::Decide { allow } => {
                if let Some(session) = self.session.as_mut()
                    && let Err(err) = session.decide(&self.course_id, allow)
                {
                    (self.report)(TaskMsg::NotStored(err.to_string()));
                }
            }
        }
    }

    fn prepare(&mut self, key: TaskKey, task: &Task) {
        let path = std::env::var_os("PATH");
        let missing = task
            .commands()
            .map(|(i, run)| (i, missing_programs(run, path.as_deref())))
            .filter(|(_, missing)| !missing.is_empty())
            .collect();
        let (written, failed) = match &self.workspace {
            Ok(workspace) => match workspace.write_starters(task) {
                Ok(starters) => (starters.written, starters.failed),
                Err(err) => (Vec::new(), vec![(first_path(task), err.to_string())]),
            },
            Err(_) => (Vec::new(), Vec::new()),
        };
        (self.report)(TaskMsg::Prepared {
            key: key.clone(),
            written,
            failed,
            missing,
        });
        self.watch();
        self.read(key, task);
    }

    /// Starts watching the workspace (once): any save re-checks the task on screen.
    fn watch(&mut self) {
        let (None, Ok(workspace)) = (&self.watcher, &self.workspace) else {
            return;
        };
        let report = Arc::clone(&self.report);
        self.watcher = Some(watch(workspace.root().to_owned(), move |event| {
            report(match event {
                WatchEvent::Changed(_) => TaskMsg::Changed,
                WatchEvent::Trouble(why) => TaskMsg::WatchTrouble(why),
            });
        }));
    }

    fn read(&self, key: TaskKey, task: &Task) {
        let Ok(workspace) = &self.workspace else {
            return;
        };
        let files = workspace.read_files(task);
        (self.report)(TaskMsg::Files { key, files });
    }

    fn run(&mut self, batch: u64, checks: Vec<(usize, crate::core::course::RunCheck)>) {
        // One batch at a time: a new one replaces (and stops) the one before.
        self.running = None;
        let Some(runner) = self.session.as_ref().and_then(TaskSession::runner) else {
            // Not allowed after all (the trust store changed under us): say so per check.
            for (check, _) in checks {
                (self.report)(TaskMsg::Run(RunReport::Finished {
                    batch,
                    check,
                    status: CheckStatus::Skipped(SkipReason::NotTrusted),
                    output: String::new(),
                }));
            }
            (self.report)(TaskMsg::Run(RunReport::Done { batch }));
            return;
        };
        let report = Arc::clone(&self.report);
        let handle = runner.spawn(RunBatch { id: batch, checks }, move |event| {
            report(TaskMsg::Run(match event {
                RunEvent::Started { batch, check } => RunReport::Started { batch, check },
                RunEvent::Finished {
                    batch,
                    check,
                    outcome,
                } => RunReport::Finished {
                    batch,
                    check,
                    status: outcome.status,
                    output: outcome.output,
                },
                RunEvent::Done { batch } => RunReport::Done { batch },
            }));
        });
        self.running = Some(handle);
    }

    fn reset(&self, key: TaskKey, file: &TaskFile) {
        let result = match &self.workspace {
            Ok(workspace) => workspace
                .reset_to_starter(file, now())
                .map_err(|e| e.to_string()),
            Err(why) => Err(why.clone()),
        };
        (self.report)(TaskMsg::Reset {
            key,
            path: file.path.clone(),
            result,
        });
    }
}

fn first_path(task: &Task) -> String {
    task.files
        .first()
        .map(|f| f.path.clone())
        .unwrap_or_default()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;
