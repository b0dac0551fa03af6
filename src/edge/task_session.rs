//! What a player needs for a course's tasks, set up once when it starts: the workspace, and
//! whether the course's commands may run (and the runner when they may). The player asks the
//! learner about an undecided course before its first command and records the answer here.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::core::course::Course;
use crate::core::task::SkipReason;
use crate::core::trust::{CommandsDigest, commands, course_digest};
use crate::edge::runner::Runner;
use crate::edge::store::StoreError;
use crate::edge::trust::{Decision, Permission, TrustError, TrustStore, allow_now, permission};
use crate::edge::workspace::{WORKSPACE_ENV, Workspace, WorkspaceError};

/// The command line's (and the environment's) say in tasks.
#[derive(Debug, Clone, Default)]
pub struct TaskOptions {
    /// `--workspace DIR`.
    pub workspace: Option<PathBuf>,
    /// `$TERMCOURSE_WORKSPACE` ([`TaskOptions::from_env`] reads it).
    pub workspace_env: Option<OsString>,
    /// `--no-run`: no command checks this session.
    pub no_run: bool,
    /// The built-in course, whose commands are trusted.
    pub builtin: bool,
}

impl TaskOptions {
    /// The options from the command line's flags and the environment.
    pub fn from_env(workspace: Option<PathBuf>, no_run: bool, builtin: bool) -> TaskOptions {
        TaskOptions {
            workspace,
            workspace_env: std::env::var_os(WORKSPACE_ENV),
            no_run,
            builtin,
        }
    }
}

/// A course's tasks for one session.
#[derive(Debug)]
pub struct TaskSession {
    pub workspace: Workspace,
    pub permission: Permission,
    /// Every distinct command of the course, sorted: what the trust prompt shows.
    pub commands: Vec<String>,
    pub digest: CommandsDigest,
    /// Where decisions are kept; `None` without a data directory (then nothing is remembered).
    trust: Option<TrustStore>,
}

impl TaskSession {
    /// Sets up the tasks of `course` with `data` as the data directory (`None`: there is
    /// none); `None` when the course has no tasks. Touches nothing on disk but reading the
    /// trust decision: the workspace is created when a task is first shown. A workspace that
    /// exists and is not a directory is an error.
    pub fn open(
        course: &Course,
        opts: &TaskOptions,
        data: Option<&Path>,
    ) -> Result<Option<TaskSession>, WorkspaceError> {
        let has_tasks = course
            .nodes
            .iter()
            .flat_map(|n| &n.steps)
            .any(|s| s.task.is_some());
        if !has_tasks {
            return Ok(None);
        }
        let workspace = Workspace::resolve(
            opts.workspace.as_deref(),
            opts.workspace_env.as_deref(),
            || data.map(Path::to_owned).ok_or(StoreError::NoDataDir),
            course.id.as_str(),
        )?;
        if workspace.root().exists() && !workspace.root().is_dir() {
            return Err(WorkspaceError::NotADirectory(workspace.root().to_owned()));
        }
        let trust = data.map(TrustStore::open);
        Ok(Some(TaskSession {
            permission: permission(course, opts.builtin, opts.no_run, trust.as_ref()),
            commands: commands(course).into_iter().map(str::to_owned).collect(),
            digest: course_digest(course),
            workspace,
            trust,
        }))
    }

    /// The runner, when commands may run.
    pub fn runner(&self) -> Option<Runner> {
        match &self.permission {
            Permission::Granted(grant) => Some(Runner::new(self.workspace.clone(), grant.clone())),
            _ => None,
        }
    }

    /// Why command checks do not run this session, if they do not: `None` when they may, or
    /// when the learner has not been asked yet.
    pub fn skip_reason(&self) -> Option<SkipReason> {
        match self.permission {
            Permission::Denied => Some(SkipReason::NotTrusted),
            Permission::Disabled => Some(SkipReason::Disabled),
            Permission::Granted(_) | Permission::Undecided => None,
        }
    }

    /// Records the learner's answer to the trust prompt (`y` allows, `n` denies) and takes it
    /// as this session's permission. The answer counts for the session even when it cannot
    /// be stored (the error says why, for a notice).
    pub fn decide(&mut self, course_id: &str, allow: bool) -> Result<(), TrustError> {
        if allow {
            let (grant, stored) = allow_now(self.trust.as_ref(), course_id, &self.digest);
            self.permission = Permission::Granted(grant);
            return stored;
        }
        self.permission = Permission::Denied;
        match &self.trust {
            Some(store) => store.record(course_id, &self.digest, Decision::Deny),
            None => Ok(()),
        }
    }

    /// The workspace directory, for the task pane.
    pub fn workspace_dir(&self) -> &Path {
        self.workspace.root()
    }
}

#[cfg(test)]
mod tests;
