//! Watching a course while its author edits it (`play --watch`, `check --watch`): every save
//! under the course directory loads the course again, on a thread of its own, and the result
//! is reported.
//!
//! The directory is watched recursively by `edge::watcher` (notify-debouncer-mini), so the
//! writes of one save (editors often write a temporary file, then rename it) are one event,
//! [`DEBOUNCE`](crate::edge::watcher::DEBOUNCE) after the last of them. Files no course reads
//! are ignored: hidden files and directories (`.git`, `.file.swp`), backups ending in `~`, and
//! the probe file vim writes (`4913`). Saves that arrive while a load runs are taken together
//! by the next load.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Instant;

use crate::core::course::Course;
use crate::core::diagnostic::{Report, Severity};
use crate::core::load::{LoadOptions, load_with_warnings};
use crate::core::sanitize::sanitize;
use crate::edge::fs_source::{FsSource, open_error_report};
use crate::edge::watcher::{WatchEvent, WorkspaceWatcher, watch};

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
    /// Dropped first: its thread holds the sender that keeps the loader waiting.
    watcher: Option<WorkspaceWatcher>,
    loader: Option<JoinHandle<()>>,
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
    let watcher = watch_saves(path, move |trouble| {
        let _ = saves.send(trouble);
    });
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
    CourseWatch {
        watcher: Some(watcher),
        loader,
    }
}

/// Watches the directory of the course at `path` (a directory, or its `course.toml`) and calls
/// `on_save` after each save that may change the course (with `Some(why)` when watching does
/// not work), from the watcher's thread. Dropping the watcher stops it.
pub fn watch_saves(
    path: &Path,
    on_save: impl Fn(Option<String>) + Send + 'static,
) -> WorkspaceWatcher {
    let dir = if path.is_dir() {
        path.to_owned()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_owned)
    };
    watch(dir, move |event| match event {
        WatchEvent::Changed(paths) if paths.is_empty() || paths.iter().any(|p| relevant(p)) => {
            on_save(None);
        }
        WatchEvent::Changed(_) => {}
        WatchEvent::Trouble(why) => on_save(Some(why)),
    })
}

/// Loads the course at `path` with every check `termcourse check` makes.
pub fn load(path: &Path) -> Reload {
    let source = match FsSource::new(path) {
        Ok(source) => source,
        Err(err) => return Reload::Broken(open_error_report(path, &err)),
    };
    let opts = LoadOptions {
        known_language: &crate::view::highlight::has_syntax,
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
            sanitize(&format!("{}: {message}", d.position())).into_owned()
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
        // Give the watcher a moment to start before the save it must see.
        std::thread::sleep(std::time::Duration::from_millis(300));
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
}
