//! The hands-on task on the current step, as the player keeps it: the live checklist
//! ([`TaskState`], graded by `core::task`), the hints revealed, the command checks running,
//! their output for the bash pane, and what the session knows about tasks ([`TaskEnv`]: where
//! the workspace is, whether the course's commands may run).
//!
//! Everything that touches the workspace, runs a command or starts the editor happens at the
//! edge; `update` asks for it with [`TaskJob`] effects (and `Effect::Edit`) and hears back
//! through [`TaskMsg`]s. Results carry the [`TaskKey`] of the step they are for, so a late
//! one for a step the learner has left is dropped.

use crate::core::course::{NodeId, RunCheck, StepId, Task, TaskFile};
use crate::core::task::{CheckStatus, SkipReason, TaskFiles, TaskState};

/// Which step's task a job or a result is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TaskKey {
    pub node: NodeId,
    pub step: StepId,
}

/// Whether the course's commands may run this session, as the player sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Trust {
    /// Not known yet: the course is still loading (the decision covers all its commands).
    #[default]
    Loading,
    /// The built-in course, a course without commands, or one the learner trusts.
    Granted,
    /// The learner has not been asked yet: the first command check asks.
    Undecided,
    /// The learner denied it: command checks show as not run and do not block.
    Denied,
    /// `--no-run`.
    Disabled,
}

impl Trust {
    /// Why command checks are not run, when they are not.
    pub fn skip_reason(self) -> Option<SkipReason> {
        match self {
            Self::Denied => Some(SkipReason::NotTrusted),
            Self::Disabled => Some(SkipReason::Disabled),
            Self::Loading | Self::Granted | Self::Undecided => None,
        }
    }
}

/// What the session knows about tasks (from the edge, at start and when the course loads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskEnv {
    /// The workspace directory as shown to the learner; `None` when there is none (the text in
    /// `problem` says why).
    pub workspace: Option<String>,
    /// Why tasks cannot use the workspace, if they cannot.
    pub problem: Option<String>,
    pub trust: Trust,
}

/// How the editor hand-off went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edited {
    /// The editor ran and exited successfully.
    Done,
    /// The editor returned at once (a GUI editor without `--wait`): the file is open in it,
    /// and saves are picked up by the watcher. The text names the editor.
    Detached(String),
    /// The editor could not be started or exited with an error; the text says so.
    Failed(String),
}

/// A command check's progress, as the edge reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunReport {
    Started {
        batch: u64,
        check: usize,
    },
    Finished {
        batch: u64,
        check: usize,
        status: CheckStatus,
        /// What the command printed (sanitized, bounded), for the bash pane.
        output: String,
    },
    /// Every check of the batch has finished (or the batch was cancelled).
    Done {
        batch: u64,
    },
}

/// What the edge tells the player about tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskMsg {
    /// The session's workspace and trust (again after the course was loaded in full).
    Setup(TaskEnv),
    /// The starters of the task at `key` were written where no file was; `missing` lists the
    /// command checks whose programs are not on `PATH`.
    Prepared {
        key: TaskKey,
        written: Vec<String>,
        failed: Vec<(String, String)>,
        missing: Vec<(usize, Vec<String>)>,
    },
    /// The task's files as they are now.
    Files {
        key: TaskKey,
        files: TaskFiles,
    },
    /// Something in the workspace changed (the watcher saw a save).
    Changed,
    /// The workspace cannot be watched; saves are only seen on `Enter`.
    WatchTrouble(String),
    Run(RunReport),
    /// `Ctrl-R` was carried out: the backup's path (none when there was no file), or why not.
    Reset {
        key: TaskKey,
        path: String,
        result: Result<Option<String>, String>,
    },
    /// The editor returned.
    Edited(Edited),
    /// The trust decision could not be stored (it counts for this session anyway).
    NotStored(String),
}

/// Work on the workspace for the edge's task worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskJob {
    /// The task is shown: write the starters of missing files, find the programs command
    /// checks need, read the files.
    Prepare { key: TaskKey, task: Box<Task> },
    /// Read the task's files again.
    Read { key: TaskKey, task: Box<Task> },
    /// Run these command checks (index in the task, check), one after another.
    Run {
        batch: u64,
        checks: Vec<(usize, RunCheck)>,
    },
    /// Stop the running batch, if any.
    Cancel,
    /// Put `file`'s starter back, keeping the current file as a backup.
    Reset { key: TaskKey, file: TaskFile },
    /// Store the learner's answer to the trust prompt.
    Decide { allow: bool },
}

/// One command check's run, as the bash pane shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunLog {
    pub check: usize,
    pub command: String,
    /// `None` while it runs.
    pub output: Option<String>,
    pub status: CheckStatus,
}

/// Most command runs the bash pane keeps (older ones scroll away).
pub const MAX_LOG: usize = 20;

/// The node completion a passed task brought, for the success line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Success {
    pub completed: bool,
    pub unlocked: Vec<NodeId>,
}

/// The task of the current step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPane {
    pub state: TaskState,
    /// The files have been read at least once (before that, file checks are "checking").
    pub graded: bool,
    /// Checks whose hint is shown, in the order they were asked for.
    pub hints: Vec<usize>,
    /// Passed in an earlier visit (the progress says so).
    pub passed_before: bool,
    /// Set once the checklist passed on this visit (and recorded, outside practice).
    pub success: Option<Success>,
    /// The batch of command checks running.
    pub batch: Option<u64>,
    /// Run the command checks once the learner answers the trust prompt.
    pub run_after_trust: bool,
    /// The file `Ctrl-R` would reset, while the learner is asked to confirm.
    pub confirm_reset: Option<String>,
    /// Command runs, oldest first.
    pub log: Vec<RunLog>,
    /// Animation phase of the running spinner.
    pub spinner: u32,
}

impl TaskPane {
    /// The pane for `task` as it is first shown: nothing graded yet, commands skipped when
    /// they cannot run this session.
    pub fn new(task: &Task, passed_before: bool, trust: Trust) -> Self {
        let mut pane = Self {
            state: TaskState::new(task),
            graded: false,
            hints: Vec::new(),
            passed_before,
            success: None,
            batch: None,
            run_after_trust: false,
            confirm_reset: None,
            log: Vec::new(),
            spinner: 0,
        };
        pane.apply_trust(task, trust);
        pane
    }

    /// Fits the command checks to `trust`: skipped (not trusted, or `--no-run`) or back to
    /// pending when they may run after all. A skip for a missing program stays.
    pub fn apply_trust(&mut self, task: &Task, trust: Trust) {
        match trust.skip_reason() {
            Some(reason) => self.state.skip_commands(task, &reason),
            None => {
                for (i, _) in task.commands() {
                    if matches!(
                        self.state.statuses().get(i),
                        Some(CheckStatus::Skipped(
                            SkipReason::NotTrusted | SkipReason::Disabled
                        ))
                    ) {
                        self.state.set(i, CheckStatus::Pending);
                    }
                }
            }
        }
    }

    /// Whether a command check is running (the spinner turns).
    pub fn is_running(&self) -> bool {
        self.state.statuses().contains(&CheckStatus::Running)
    }

    /// The command checks `Enter` would run: those not skipped, and those that skipped
    /// themselves last time (a Docker daemon may be running now).
    pub fn runnable<'t>(&self, task: &'t Task) -> Vec<(usize, &'t RunCheck)> {
        task.commands()
            .filter(|(i, _)| match self.state.statuses().get(*i) {
                Some(CheckStatus::Skipped(reason)) => {
                    matches!(reason, SkipReason::Unavailable(_))
                }
                _ => true,
            })
            .collect()
    }

    /// The next hint to reveal: that of the first failing check whose hint is not shown yet.
    pub fn next_hint(&self, task: &Task) -> Option<usize> {
        task.checks
            .iter()
            .zip(self.state.statuses())
            .enumerate()
            .find(|(i, (check, status))| {
                matches!(status, CheckStatus::Failing { .. })
                    && check.hint.is_some()
                    && !self.hints.contains(i)
            })
            .map(|(i, _)| i)
    }

    /// Records a command's start in the log.
    pub fn log_started(&mut self, check: usize, command: &str) {
        self.log.push(RunLog {
            check,
            command: command.to_owned(),
            output: None,
            status: CheckStatus::Running,
        });
        if self.log.len() > MAX_LOG {
            self.log.remove(0);
        }
    }

    /// Records a command's end in the log (the newest entry for that check).
    pub fn log_finished(&mut self, check: usize, status: &CheckStatus, output: String) {
        if let Some(entry) = self
            .log
            .iter_mut()
            .rev()
            .find(|e| e.check == check && e.output.is_none())
        {
            entry.output = Some(output);
            entry.status = status.clone();
        }
    }

    /// Applies freshly read files.
    pub fn apply_files(&mut self, task: &Task, files: &TaskFiles) -> bool {
        let first = !self.graded;
        self.graded = true;
        self.state.apply_files(task, files) || first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_course::task_course;

    #[test]
    fn commands_follow_trust_but_a_missing_program_stays_skipped() {
        let course = task_course();
        let task = course.nodes[1].steps[0].task.as_ref().expect("a task");
        let mut pane = TaskPane::new(task, false, Trust::Denied);
        let runs: Vec<usize> = task.commands().map(|(i, _)| i).collect();
        assert!(!runs.is_empty());
        for i in &runs {
            assert_eq!(
                pane.state.statuses()[*i],
                CheckStatus::Skipped(SkipReason::NotTrusted)
            );
        }
        pane.state.set(
            runs[0],
            CheckStatus::Skipped(SkipReason::MissingPrograms(vec!["docker".into()])),
        );
        pane.apply_trust(task, Trust::Granted);
        assert!(matches!(
            pane.state.statuses()[runs[0]],
            CheckStatus::Skipped(SkipReason::MissingPrograms(_))
        ));
        assert_eq!(pane.runnable(task).len(), runs.len() - 1);
        // A command that skipped itself (no Docker daemon) runs again on the next Enter.
        pane.state.set(
            runs[0],
            CheckStatus::Skipped(SkipReason::Unavailable("no daemon".into())),
        );
        assert_eq!(pane.runnable(task).len(), runs.len());
    }
}
