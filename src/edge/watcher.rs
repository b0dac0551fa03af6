//! Watching the workspace, so that a save from any editor (or any other program) re-checks
//! the task without a key press.
//!
//! notify-debouncer-mini watches the workspace recursively and groups the events of one save
//! (editors often write a temporary file and rename it) into one [`WatchEvent::Changed`],
//! [`DEBOUNCE`] after the last of them. A supervisor thread owns the watcher: when the
//! directory does not exist yet it polls for it every [`POLL`], and when it disappears (or is
//! replaced) it goes back to waiting, so the watcher never holds on to a stale directory.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use notify_debouncer_mini::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_mini::notify::{
    self, Event, EventHandler, RecommendedWatcher, RecursiveMode, Watcher, WatcherKind,
};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

/// How long after the last event of a burst it is reported. The player re-checks files
/// within about twice this of a save.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// How often a missing workspace directory is looked for.
pub const POLL: Duration = Duration::from_millis(250);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Something changed in the workspace: these paths, relative to it and `/`-separated
    /// (empty when the whole directory appeared or went away). Re-read the task's files.
    Changed(Vec<String>),
    /// Watching does not work (for example, too many watches); files are only re-checked on
    /// request. The text is for a notice.
    Trouble(String),
}

enum Inner {
    Events(DebounceEventResult),
    Stop,
}

/// A running watcher; dropping it stops watching.
#[derive(Debug)]
pub struct WorkspaceWatcher {
    stop: Sender<Inner>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for WorkspaceWatcher {
    fn drop(&mut self) {
        let _ = self.stop.send(Inner::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Watches `root` (which may not exist yet), calling `on_event` from a watcher thread. When
/// `root` exists, it is watched before this returns: a change made right after is seen.
pub fn watch(root: PathBuf, on_event: impl Fn(WatchEvent) + Send + 'static) -> WorkspaceWatcher {
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let started = root.is_dir().then(|| start(&root, events.clone()));
    let supervisor = move || {
        let mut watching: Option<Debouncer<Writes>> = None;
        let mut first = true;
        let mut troubled = false;
        match started {
            Some(Ok(debouncer)) => watching = Some(debouncer),
            Some(Err(why)) => {
                troubled = true;
                on_event(WatchEvent::Trouble(why));
            }
            None => {}
        }
        loop {
            if watching.is_none() && root.is_dir() {
                match start(&root, events.clone()) {
                    Ok(debouncer) => {
                        watching = Some(debouncer);
                        troubled = false;
                        if !first {
                            // It appeared since: whatever is in it is new.
                            on_event(WatchEvent::Changed(Vec::new()));
                        }
                    }
                    Err(why) if !troubled => {
                        troubled = true;
                        on_event(WatchEvent::Trouble(why));
                    }
                    Err(_) => {}
                }
            }
            first = false;
            match rx.recv_timeout(POLL) {
                Ok(Inner::Stop) | Err(RecvTimeoutError::Disconnected) => break,
                Ok(Inner::Events(Ok(batch))) => {
                    let paths = batch.iter().map(|e| relative(&root, &e.path)).collect();
                    on_event(WatchEvent::Changed(paths));
                }
                Ok(Inner::Events(Err(err))) => on_event(WatchEvent::Trouble(err.to_string())),
                Err(RecvTimeoutError::Timeout) => {}
            }
            if watching.is_some() && !root.is_dir() {
                watching = None;
                on_event(WatchEvent::Changed(Vec::new()));
            }
        }
    };
    let thread = thread::Builder::new()
        .name("termcourse-watch".to_owned())
        .spawn(supervisor)
        .ok();
    WorkspaceWatcher { stop: tx, thread }
}

fn start(root: &Path, events: Sender<Inner>) -> Result<Debouncer<Writes>, String> {
    let handler = move |result: DebounceEventResult| {
        let _ = events.send(Inner::Events(result));
    };
    let config = Config::default().with_timeout(DEBOUNCE);
    let mut debouncer =
        new_debouncer_opt::<_, Writes>(config, handler).map_err(|e| e.to_string())?;
    debouncer
        .watcher()
        .watch(root, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    Ok(debouncer)
}

/// The platform's watcher without the events of reading: inotify reports every `open`, and
/// the player reads the task's files after each change, so each read would otherwise be
/// reported as the next change. Closing a file that was written stays (it ends a save).
struct Writes(RecommendedWatcher);

/// Whether an event of this kind can mean that something was written.
fn is_write(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl Watcher for Writes {
    fn new<F: EventHandler>(mut handler: F, config: notify::Config) -> notify::Result<Self> {
        let filtered = move |event: notify::Result<Event>| {
            if event.as_ref().is_ok_and(|e| !is_write(e.kind)) {
                return;
            }
            handler.handle_event(event);
        };
        RecommendedWatcher::new(filtered, config).map(Writes)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn configure(&mut self, option: notify::Config) -> notify::Result<bool> {
        self.0.configure(option)
    }

    fn kind() -> WatcherKind {
        RecommendedWatcher::kind()
    }
}

/// `path` relative to `root`, `/`-separated; as given when it is not below `root`.
fn relative(root: &Path, path: &Path) -> String {
    let Ok(rel) = path.strip_prefix(root) else {
        return path.to_string_lossy().into_owned();
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests;
