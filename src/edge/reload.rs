//! Watching a course while its author edits it (`play --watch`, `check --watch`): every save
//! under the course directory loads the course again, on a thread of its own, and the result
//! is reported.
//!
//! The directory is watched recursively with notify-debouncer-mini (opening a file is not a
//! change: see `watcher::Writes`), so the writes of one save (editors often write a
//! temporary file, then rename it) are one event, [`DEBOUNCE`] after the last of them. The
//! watch is in place when [`watch_saves`] returns, and [`watch_course`] loads the course once
//! more right then, so a save made while the player started is not missed. Files no course
//! reads are ignored: hidden files and directories (`.git`, `.file.swp`), backups ending in
//! `~`, and the probe file vim writes (`4913`). Saves that arrive while a load runs are taken
//! together by the next load.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Instant;

use crate::core::course::Course;
use crate::core::diagnostic::{Report, Severity};
use crate::core::load::{LoadOptions, load_with_warnings};
use crate::core::sanitize::sanitize;
use crate::edge::fs_source::{FsSource, open_error_report};
use crate::edge::watcher::Writes;

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

/// How long after the last write of a save the course is loaded again: short, since an
/// author waits for it, and long enough for an editor's write-and-rename to be one save.
pub const DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(50);

/// What a save led to.
#[derive(Debug)]
pub enum Reload {
    /// The course as saved loads.
    Loaded(Course),
    /// It does not; the report has its errors.
    Broken(Report),
    /// Watching does not work; saves are not seen (the text says why).
    Trouble(String),
}

/// A reload, and when the save that caused it was seen.
#[derive(Debug)]
pub struct Reloaded {
    pub reload: Reload,
    /// When the watcher reported the save (the file event).
    pub seen_at: Instant,
    /// How long loading took.
    pub load_ms: f64,
}

/// A running course watcher; dropping it stops watching.
pub struct CourseWatch {
    /// Dropped first: it holds the sender that keeps the loader waiting.
    watcher: Option<SaveWatch>,
    loader: Option<JoinHandle<()>>,
}

/// Watching a course directory for saves; dropping it stops watching.
pub struct SaveWatch {
    /// Kept for what dropping it does: the watch ends.
    _debouncer: Debouncer<Writes>,
}

impl std::fmt::Debug for SaveWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SaveWatch").finish_non_exhaustive()
    }
}

impl Drop for CourseWatch {
    fn drop(&mut self) {
        self.watcher.take();
        if let Some(loader) = self.loader.take() {
            let _ = loader.join();
        }
    }
}

impl std::fmt::Debug for CourseWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CourseWatch").finish_non_exhaustive()
    }
}

/// Watches the course at `path` (a directory, or its `course.toml`), loading it again after
/// every save and calling `report` with the outcome (from the loader thread).
pub fn watch_course(path: &Path, report: impl Fn(Reloaded) + Send + 'static) -> CourseWatch {
    let (saves, seen) = mpsc::channel::<Option<String>>();
    let notify = saves.clone();
    let watcher = match watch_saves(path, move |trouble| {
        let _ = notify.send(trouble);
    }) {
        Ok(watcher) => {
            // Anything saved before the watch was in place is seen by one more load now.
            let _ = saves.send(None);
            Some(watcher)
        }
        Err(why) => {
            let _ = saves.send(Some(why));
            None
        }
    };
    drop(saves);
    let path = path.to_owned();
    let loader = std::thread::Builder::new()
        .name("termcourse-reload".into())
        .spawn(move || {
            while let Ok(first) = seen.recv() {
                let seen_at = Instant::now();
                let mut trouble = first;
                // Saves that came in meanwhile are covered by this load.
                for more in seen.try_iter() {
                    trouble = trouble.or(more);
                }
                if let Some(why) = trouble {
                    report(Reloaded {
                        reload: Reload::Trouble(why),
                        seen_at,
                        load_ms: 0.0,
                    });
                    continue;
                }
                let started = Instant::now();
                let reload = load(&path);
                report(Reloaded {
                    reload,
                    seen_at,
                    load_ms: started.elapsed().as_secs_f64() * 1000.0,
                });
            }
        })
        .ok();
    CourseWatch { watcher, loader }
}

/// Watches the directory of the course at `path` (a directory, or its `course.toml`) and calls
/// `on_save` after each save that may change the course (with `Some(why)` when watching
/// stops working), from the watcher's thread. The watch is in place when this returns; `Err`
/// says why it could not be set up. Dropping the watcher stops it.
pub fn watch_saves(
    path: &Path,
    on_save: impl Fn(Option<String>) + Send + 'static,
) -> Result<SaveWatch, String> {
    let dir = if path.is_dir() {
        path.to_owned()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_owned)
    };
    let root = dir.canonicalize().unwrap_or_else(|_| dir.clone());
    let handler = move |result: DebounceEventResult| match result {
        Ok(events) => {
            let relevant = events.iter().any(|e| {
                let rel = e.path.strip_prefix(&root).unwrap_or(&e.path);
                relevant(&rel.to_string_lossy().replace('\\', "/"))
            });
            if relevant {
                on_save(None);
            }
        }
        Err(err) => on_save(Some(err.to_string())),
    };
    let config = Config::default().with_timeout(DEBOUNCE);
    let mut debouncer = new_debouncer_opt(config, handler).map_err(|e| e.to_string())?;
    debouncer
        .watcher()
        .watch(&dir, RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    Ok(SaveWatch {
        _debouncer: debouncer,
    })
}

/// Loads the course at `path` with every check `termcourse check` makes that can fail it.
pub fn load(path: &Path) -> Reload {
    let source = match FsSource::new(path) {
        Ok(source) => source,
        Err(err) => return Reload::Broken(open_error_report(path, &err)),
    };
    // Only errors stop a course from loading: what cannot be seen (warnings) is not measured,
    // which keeps a reload fast.
    let opts = LoadOptions {
        known_language: &crate::view::highlight::has_syntax,
        ..LoadOptions::default()
    };
    match load_with_warnings(&source, &opts) {
        (Some(course), _) => Reload::Loaded(course),
        (None, report) => Reload::Broken(report),
    }
}

/// A report's errors, one line each: `path:line:col: message`, inert.
pub fn error_lines(report: &Report) -> Vec<String> {
    let mut lines: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let message = d.message.lines().next().unwrap_or_default();
            // The fix `check` would suggest, when it has one ("did you mean `single`?").
            let help = d
                .notes
                .iter()
                .find_map(|n| n.strip_prefix("help: "))
                .and_then(|h| h.lines().next())
                .map_or_else(String::new, |h| format!(" (help: {h})"));
            sanitize(&format!("{}: {message}{help}", d.position())).into_owned()
        })
        .collect();
    let unlisted: usize = report
        .unlisted
        .iter()
        .filter(|((severity, _), _)| *severity == Severity::Error)
        .map(|(_, n)| *n)
        .sum();
    if unlisted > 0 {
        lines.push(format!(
            "… and {unlisted} more (`termcourse check` lists them)"
        ));
    }
    lines
}

/// Whether a change to the file at `rel` (relative to the course directory) can change the
/// course: not a hidden file or folder, an editor's backup or swap file.
fn relevant(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let hidden = rel.split('/').any(|part| part.starts_with('.'));
    !(hidden || name.ends_with('~') || name == "4913" || name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_of_editors_own_files_are_ignored() {
        for rel in ["course.toml", "nodes/a.toml", "nodes/intro.md", "x"] {
            assert!(relevant(rel), "{rel}");
        }
        for rel in [
            ".git/index",
            "nodes/.a.toml.swp",
            "nodes/a.toml~",
            "4913",
            "nodes/4913",
        ] {
            assert!(!relevant(rel), "{rel}");
        }
    }

    #[test]
    fn a_save_loads_the_course_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let course = dir.path().join("course.toml");
        let text = "format = 1\nid = \"c\"\ntitle = \"One\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n[[node.step]]\nid = \"s\"\ntitle = \"S\"\nbody = \"b\"\n";
        std::fs::write(&course, text).expect("write");
        let (tx, rx) = mpsc::channel();
        let watching = watch_course(dir.path(), move |r| {
            let _ = tx.send(r);
        });
        // The watch is in place: the course is loaded once more at once, then on each save.
        let first = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the first load");
        assert!(matches!(first.reload, Reload::Loaded(c) if c.title == "One"));
        std::fs::write(&course, text.replace("One", "Two")).expect("write");
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("a reload");
        match got.reload {
            Reload::Loaded(course) => assert_eq!(course.title, "Two"),
            other => panic!("{other:?}"),
        }
        std::fs::write(&course, "format = 1\nid = ").expect("write");
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("a reload");
        let Reload::Broken(report) = got.reload else {
            panic!("broken");
        };
        let lines = error_lines(&report);
        assert!(lines[0].contains("course.toml:2:"), "{lines:?}");
        drop(watching);
    }

    #[test]
    fn an_error_line_carries_the_fix_check_would_suggest() {
        let text = "format = 1\nid = \"c\"\ntitle = \"C\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n\
                    [[node.step]]\nid = \"s\"\ntitle = \"S\"\n[node.step.quiz]\nkind = \"singel\"\n\
                    question = \"Q?\"\n";
        let source = crate::core::source::MemorySource {
            root: String::new(),
            files: vec![("course.toml".into(), text.into())],
        };
        let Err(report) =
            crate::core::load::load(&source, &crate::core::load::LoadOptions::default())
        else {
            panic!("the course must not load");
        };
        let lines = error_lines(&report);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("(help: did you mean `single`?)")),
            "{lines:?}"
        );
    }
}
