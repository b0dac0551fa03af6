//! Running a task's command checks (`run`), off the thread that reads keys and draws.
//!
//! Each command runs as `sh -c COMMAND` in the workspace, with stdin closed, a clean
//! environment (only `PATH`, `HOME`, `LANG` and `TERM` are passed on) and, on Unix, in a
//! process group of its own: at the timeout, or when cancelled, the whole group is killed,
//! and so are background processes still in it after the shell exits. Its stdout and stderr
//! go to one pipe (interleaved as on a terminal), of which at most [`HEAD_BYTES`] from the
//! start and [`TAIL_BYTES`] from the end are kept, cleaned for display
//! ([`crate::core::sanitize::command_output`]).
//!
//! A [`Runner`] can only be made with a [`Grant`]: no trust, no commands.

mod capture;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::core::course::RunCheck;
use crate::core::task::{CheckStatus, SkipReason};
use crate::edge::trust::Grant;
use crate::edge::workspace::Workspace;

pub use capture::{HEAD_BYTES, TAIL_BYTES};

/// The variables a command gets from termcourse's environment; nothing else is passed on.
pub const PASSED_ENV: [&str; 4] = ["PATH", "HOME", "LANG", "TERM"];

/// How often a running command is checked on (exit, timeout, cancellation).
const POLL: Duration = Duration::from_millis(10);

/// How a command ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// It exited with this status.
    Exited(i32),
    /// A signal ended it (Unix).
    Signalled(i32),
    /// It ran past its timeout; its process group was killed.
    TimedOut(Duration),
    /// Cancelled ([`RunHandle::cancel`]); its process group was killed.
    Cancelled,
    /// It could not be started (the reason).
    NotStarted(String),
    /// Not run: a program from `needs` is missing.
    Skipped,
    /// Not run: the `ready` probe `probe` ended this way instead of exiting 0.
    NotReady { probe: String, ended: Box<Ended> },
}

/// The result of one command check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutcome {
    /// What the checklist shows: passed, failing with why, skipped, or pending (cancelled).
    pub status: CheckStatus,
    pub ended: Ended,
    /// stdout and stderr as displayed, bounded (see the module docs).
    pub output: String,
    /// Some output was left out in the middle.
    pub truncated: bool,
    pub elapsed: Duration,
}

/// Commands to run one after the other, on one worker thread.
#[derive(Debug, Clone)]
pub struct RunBatch {
    /// Echoed in every event, so that a caller can drop events of a batch it no longer cares
    /// about (the learner left the step).
    pub id: u64,
    /// `(index of the check in its task, the check)`.
    pub checks: Vec<(usize, RunCheck)>,
}

/// What a worker reports, in this order: for each check `Started` then `Finished`, then
/// `Done` once. After a cancel, the check running is `Finished` as `Ended::Cancelled` and the
/// rest are not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEvent {
    Started {
        batch: u64,
        check: usize,
    },
    Finished {
        batch: u64,
        check: usize,
        outcome: RunOutcome,
    },
    Done {
        batch: u64,
    },
}

/// A running batch. Dropping it cancels the batch (without waiting for the worker).
#[derive(Debug)]
pub struct RunHandle {
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl RunHandle {
    /// Kills the command running now and runs no more; returns at once.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits for the worker to end (tests, and quitting cleanly after [`RunHandle::cancel`]).
    pub fn join(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The programs of `check.needs` that are not in the directories of `path` (a `PATH` value;
/// `/usr/bin:/bin` when unset). Needs no trust: the player shows these checks as skipped
/// before it asks about running anything.
pub fn missing_programs(check: &RunCheck, path: Option<&std::ffi::OsStr>) -> Vec<String> {
    let path = path.map_or_else(|| OsString::from("/usr/bin:/bin"), ToOwned::to_owned);
    let dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    check
        .needs
        .iter()
        .filter(|name| !dirs.iter().any(|d| is_executable(&d.join(name))))
        .cloned()
        .collect()
}

/// Runs a trusted course's command checks in its workspace.
#[derive(Debug, Clone)]
pub struct Runner {
    workspace: Workspace,
    env: Vec<(OsString, OsString)>,
    _grant: Grant,
}

impl Runner {
    /// A runner for `workspace`, taking [`PASSED_ENV`] from this process's environment.
    pub fn new(workspace: Workspace, grant: Grant) -> Runner {
        let env = PASSED_ENV
            .iter()
            .filter_map(|name| Some((OsString::from(name), std::env::var_os(name)?)))
            .collect();
        Runner {
            workspace,
            env,
            _grant: grant,
        }
    }

    /// The programs of `check.needs` that are not on the `PATH` commands get.
    pub fn missing_programs(&self, check: &RunCheck) -> Vec<String> {
        let path = self.env.iter().find(|(k, _)| k == "PATH").map(|(_, v)| v);
        missing_programs(check, path.map(OsString::as_os_str))
    }

    /// Runs `batch` on a worker thread, calling `report` with each [`RunEvent`].
    pub fn spawn(&self, batch: RunBatch, report: impl Fn(RunEvent) + Send + 'static) -> RunHandle {
        let cancel = Arc::new(AtomicBool::new(false));
        let runner = self.clone();
        let flag = Arc::clone(&cancel);
        let worker = move || {
            for (check, run) in &batch.checks {
                if flag.load(Ordering::Relaxed) {
                    break;
                }
                report(RunEvent::Started {
                    batch: batch.id,
                    check: *check,
                });
                let outcome = runner.run(run, &flag);
                report(RunEvent::Finished {
                    batch: batch.id,
                    check: *check,
                    outcome,
                });
            }
            report(RunEvent::Done { batch: batch.id });
        };
        let thread = thread::Builder::new()
            .name("termcourse-run".to_owned())
            .spawn(worker)
            .ok();
        RunHandle { cancel, thread }
    }

    /// Runs one check now, on this thread; `cancel` stops it from another.
    pub fn run(&self, check: &RunCheck, cancel: &AtomicBool) -> RunOutcome {
        let started = Instant::now();
        let missing = self.missing_programs(check);
        if !missing.is_empty() {
            return RunOutcome {
                status: CheckStatus::Skipped(SkipReason::MissingPrograms(missing)),
                ended: Ended::Skipped,
                output: String::new(),
                truncated: false,
                elapsed: started.elapsed(),
            };
        }
        // The probes in order, then the command: a probe that does not exit 0 ends the check
        // there, and `grade` says why.
        let stopped = check.ready.iter().find_map(|probe| {
            let (ended, output, truncated) = self.script(probe, check.timeout, cancel);
            let ended = match ended {
                Ended::Exited(0) => return None,
                Ended::Cancelled => Ended::Cancelled,
                other => Ended::NotReady {
                    probe: probe.clone(),
                    ended: Box::new(other),
                },
            };
            Some((ended, output, truncated))
        });
        let (ended, output, truncated) =
            stopped.unwrap_or_else(|| self.script(&check.command, check.timeout, cancel));
        RunOutcome {
            status: grade(check, &ended, &output),
            ended,
            output,
            truncated,
            elapsed: started.elapsed(),
        }
    }

    /// Runs one script to its end (or its timeout, or a cancel): how it ended, its output
    /// as displayed, and whether some was left out.
    fn script(
        &self,
        script: &str,
        timeout: Duration,
        cancel: &AtomicBool,
    ) -> (Ended, String, bool) {
        let (ended, captured) = match self.start(script) {
            Ok((child, captured)) => (supervise(child, timeout, cancel), Some(captured)),
            Err(why) => (Ended::NotStarted(why), None),
        };
        let (output, truncated) = captured
            .as_ref()
            .map_or((String::new(), false), capture::finish);
        (ended, output, truncated)
    }

    fn start(&self, script: &str) -> Result<(Child, capture::Captured), String> {
        let dir = self.workspace.ensure().map_err(|e| e.to_string())?;
        drop(dir);
        let (reader, writer) = std::io::pipe().map_err(|e| format!("no pipe: {e}"))?;
        let stderr = writer.try_clone().map_err(|e| format!("no pipe: {e}"))?;
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(script)
            .current_dir(self.workspace.root())
            .env_clear()
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(stderr);
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .spawn()
            .map_err(|e| format!("could not start `sh`: {e}"))?;
        // The command keeps our copies of the pipe's write end: without dropping it, the
        // output would never end.
        drop(command);
        Ok((child, capture::start(reader)))
    }
}

/// Waits for `child`, killing its process group at the timeout or when cancelled, and
/// whatever is left in the group once the shell is gone.
fn supervise(mut child: Child, timeout: Duration, cancel: &AtomicBool) -> Ended {
    let deadline = Instant::now() + timeout;
    let ended = loop {
        match child.try_wait() {
            Ok(Some(status)) => break exit_of(status),
            Ok(None) => {}
            Err(e) => break Ended::NotStarted(format!("lost the command: {e}")),
        }
        if cancel.load(Ordering::Relaxed) {
            break Ended::Cancelled;
        }
        if Instant::now() >= deadline {
            break Ended::TimedOut(timeout);
        }
        thread::sleep(POLL);
    };
    kill_group(&mut child);
    let _ = child.wait();
    ended
}

#[cfg(unix)]
fn kill_group(child: &mut Child) {
    let pgid = rustix::process::Pid::from_child(child);
    let _ = rustix::process::kill_process_group(pgid, rustix::process::Signal::KILL);
}

#[cfg(not(unix))]
fn kill_group(child: &mut Child) {
    let _ = child.kill();
}

fn exit_of(status: ExitStatus) -> Ended {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return Ended::Signalled(signal);
    }
    Ended::Exited(status.code().unwrap_or(-1))
}

/// The check's status from how its command ended and what it printed.
fn grade(check: &RunCheck, ended: &Ended, output: &str) -> CheckStatus {
    let failing = |detail: String| CheckStatus::Failing {
        detail: Some(detail),
    };
    match ended {
        Ended::Exited(SKIP_STATUS) if check.exit != SKIP_STATUS => {
            CheckStatus::Skipped(SkipReason::Unavailable(skip_reason(output)))
        }
        Ended::Exited(code) if *code != check.exit => {
            failing(format!("exit status {code} (expected {})", check.exit))
        }
        Ended::Exited(_) => match &check.output {
            Some(pattern) if !pattern.is_match(output) => {
                failing(format!("the output does not match `{}`", pattern.source))
            }
            _ => CheckStatus::Passed,
        },
        Ended::Signalled(signal) => failing(format!("killed by signal {signal}")),
        Ended::TimedOut(after) => failing(format!(
            "timed out after {} s; it and everything it started were stopped",
            after.as_secs()
        )),
        Ended::NotStarted(why) => failing(why.clone()),
        Ended::Cancelled => CheckStatus::Pending,
        Ended::Skipped => CheckStatus::Skipped(SkipReason::MissingPrograms(check.needs.clone())),
        Ended::NotReady { probe, .. } => CheckStatus::Skipped(SkipReason::Unavailable(
            last_line(output).map_or_else(|| format!("`{probe}` did not succeed"), short),
        )),
    }
}

/// The exit status with which a command says it cannot check here (see
/// [`SkipReason::Unavailable`]), unless the check expects exactly that status.
pub const SKIP_STATUS: i32 = 77;

/// Why a command skipped itself: the last line it printed (already sanitized), shortened.
fn skip_reason(output: &str) -> String {
    last_line(output).map_or_else(
        || "the command cannot check here (exit status 77)".to_owned(),
        short,
    )
}

/// The last line of `output` with something on it, trimmed.
fn last_line(output: &str) -> Option<&str> {
    output.lines().map(str::trim).rfind(|l| !l.is_empty())
}

/// `line`, cut to a checklist's width with `…`.
fn short(line: &str) -> String {
    const MOST: usize = 100;
    if line.chars().count() > MOST {
        let short: String = line.chars().take(MOST - 1).collect();
        format!("{short}…")
    } else {
        line.to_owned()
    }
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    ["", ".exe", ".cmd", ".bat"]
        .iter()
        .any(|ext| std::fs::metadata(format!("{}{ext}", path.display())).is_ok_and(|m| m.is_file()))
}

#[cfg(test)]
mod tests;
