//! The save writer: progress is saved on a thread of its own, so the thread that reads keys and
//! draws never waits for a lock, a disk or an fsync.
//!
//! The event loop hands every `Effect::SaveProgress` to [`SaveWriter::save`], which only queues
//! it. The writer thread saves the newest progress it has (each holds the whole progress, so a
//! burst of saves becomes one), and reports each outcome through the callback it was given (the
//! runtime turns it into `Msg::Saved`). When another process holds the progress lock past a
//! short wait, the writer reports [`SaveOutcome::Busy`] once and tries again every
//! [`RETRY_EVERY`] until it gets through; no save is ever made behind the lock's back while
//! playing. [`SaveWriter::finish`] saves what is still pending and stops; only then, when the
//! lock is still held, does the last save go ahead without it (the learner is leaving), and the
//! caller is told so.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::app::msg::SaveOutcome;
use crate::core::progress::Progress;
use crate::edge::store::{Store, StoreError};

/// How long one save waits for another player's lock before reporting it busy. Short, so that
/// quitting is never held up for long by a save waiting for the lock.
pub const LOCK_WAIT: Duration = Duration::from_millis(40);

/// How often a save that found the lock busy is tried again.
pub const RETRY_EVERY: Duration = Duration::from_millis(250);

enum Job {
    Save(Progress),
    Finish,
}

/// How the last save went, for the player to say after the terminal is restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Final {
    /// Everything asked for was saved (or nothing was pending).
    Saved,
    /// Saved without the lock, which another process held: what to tell the learner.
    SavedWithoutLock(String),
    /// Not saved: why.
    Failed(String),
}

/// A handle on the writer thread.
pub struct SaveWriter {
    jobs: Sender<Job>,
    thread: Option<JoinHandle<Final>>,
}

impl SaveWriter {
    /// Starts the writer thread for `store`, whose lock wait it shortens to [`LOCK_WAIT`].
    /// `report` is called on the writer thread with the outcome of every save attempt that
    /// changes something the learner should know.
    pub fn spawn(
        store: Store,
        report: impl Fn(SaveOutcome) + Send + 'static,
    ) -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel();
        let store = store.with_lock_timeout(LOCK_WAIT);
        let thread = std::thread::Builder::new()
            .name("termcourse-save".into())
            .spawn(move || run(&store, &queue, &report))?;
        Ok(Self {
            jobs,
            thread: Some(thread),
        })
    }

    /// Queues `progress` to be saved; returns at once.
    pub fn save(&self, progress: Progress) {
        // The thread only stops after `finish`, which consumes the writer.
        let _ = self.jobs.send(Job::Save(progress));
    }

    /// Saves whatever is still pending, stops the thread and says how the last save went.
    pub fn finish(mut self) -> Final {
        let _ = self.jobs.send(Job::Finish);
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(last)) => last,
            Some(Err(_)) => Final::Failed("the save thread failed".to_owned()),
            None => Final::Saved,
        }
    }
}

impl Drop for SaveWriter {
    /// A writer dropped without `finish` (an error path) still saves what is pending.
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = self.jobs.send(Job::Finish);
            let _ = thread.join();
        }
    }
}

fn run(store: &Store, queue: &Receiver<Job>, report: &dyn Fn(SaveOutcome)) -> Final {
    let mut pending: Option<Progress> = None;
    let mut busy_reported = false;
    loop {
        let job = if pending.is_some() {
            queue.recv_timeout(RETRY_EVERY)
        } else {
            queue.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        let mut finishing = match job {
            Ok(Job::Save(progress)) => {
                pending = Some(progress);
                false
            }
            Ok(Job::Finish) | Err(RecvTimeoutError::Disconnected) => true,
            Err(RecvTimeoutError::Timeout) => false,
        };
        // A burst of saves is saved once, as the newest.
        while !finishing && let Ok(job) = queue.try_recv() {
            match job {
                Job::Save(progress) => pending = Some(progress),
                Job::Finish => finishing = true,
            }
        }
        if finishing {
            return finish(store, pending, report);
        }
        let Some(progress) = pending.take() else {
            continue;
        };
        match store.save_with_notice(&progress) {
            Ok(saved) => {
                busy_reported = false;
                report(SaveOutcome::Saved {
                    progress: saved.progress,
                    notice: saved.notice,
                });
            }
            Err(StoreError::LockBusy { .. }) => {
                pending = Some(progress);
                if !busy_reported {
                    busy_reported = true;
                    report(SaveOutcome::Busy);
                }
            }
            Err(err) => report(SaveOutcome::Failed(err.to_string())),
        }
    }
}

/// The last save, on the way out.
fn finish(store: &Store, pending: Option<Progress>, report: &dyn Fn(SaveOutcome)) -> Final {
    let Some(progress) = pending else {
        return Final::Saved;
    };
    let outcome = match store.save_with_notice(&progress) {
        Err(StoreError::LockBusy { .. }) => match store.save_without_lock(&progress) {
            Ok(_) => {
                return Final::SavedWithoutLock(
                    "progress saved without the lock, which another termcourse held".to_owned(),
                );
            }
            Err(err) => Err(err),
        },
        other => other,
    };
    match outcome {
        Ok(saved) => {
            report(SaveOutcome::Saved {
                progress: saved.progress,
                notice: saved.notice,
            });
            Final::Saved
        }
        Err(err) => Final::Failed(err.to_string()),
    }
}

#[cfg(test)]
mod tests;
