//! Loading a course for the player: what its first screen needs at once, the rest on a thread.
//!
//! A course on disk is first loaded in outline (`core::load::load_outline`: the course file and
//! every node's header, checked as a whole); the model picks its start node from that and the
//! learner's progress, and only that node's file is then read in full, so the first frame goes
//! out after a small part of the course has been parsed and checked. The full load (everything
//! `termcourse play` checks, see `core::load::load_for_play`) then runs on a thread of its own
//! and replaces the outline while the learner reads (`Msg::CourseLoaded`); if it finds errors,
//! the player stops and reports them. When the outline cannot be made (a header that does not
//! parse on its own, an error in the course file), the course is loaded in full at once, so
//! errors are reported exactly as `termcourse play` always reported them.

use std::path::Path;
use std::sync::Arc;

use crate::app::{Model, Options};
use crate::core::course::Course;
use crate::core::diagnostic::Report;
use crate::core::load::{load_for_play, load_outline};
use crate::core::progress::Progress;
use crate::core::source::CourseSource;
use crate::edge::fs_source::{FsSource, open_error_report};

/// The rest of a course still to load, as a job for a thread.
pub type Rest = Box<dyn FnOnce() -> Result<Course, Report> + Send>;

/// A model ready for its first screen.
pub struct FirstScreen {
    pub model: Model,
    /// The full load still to do, when the model holds an outline.
    pub rest: Option<Rest>,
}

/// Why there is no first screen.
#[derive(Debug)]
pub enum NotStarted<E> {
    /// The course has errors.
    Course(Report),
    /// `prepare` refused.
    Refused(E),
}

/// What the player needs besides the course: the progress to resume and how it was started.
pub type Start = (Progress, Options);

/// Loads a course for the player, from `path` or, without one, the built-in course, and
/// builds its model. `prepare` is given the course as loaded so far (every node's header, maybe
/// not every node's steps) and says what to start with, or refuses; it is called once.
/// `lazy` allows the outline; `node` is the start node asked for (`--node`), if any.
pub fn first_screen<E>(
    path: Option<&Path>,
    lazy: bool,
    node: Option<&str>,
    prepare: impl FnOnce(&Course) -> Result<Start, E>,
) -> Result<FirstScreen, NotStarted<E>> {
    match path {
        // The built-in course is loaded the same way, from the text embedded in the binary.
        None => from_source(crate::edge::builtin::embedded(), lazy, node, prepare),
        Some(path) => {
            let source = FsSource::new(path)
                .map_err(|err| NotStarted::Course(open_error_report(path, &err)))?;
            from_source(source, lazy, node, prepare)
        }
    }
}

fn from_source<E>(
    source: impl CourseSource + Send + 'static,
    lazy: bool,
    node: Option<&str>,
    prepare: impl FnOnce(&Course) -> Result<Start, E>,
) -> Result<FirstScreen, NotStarted<E>> {
    let mut prepare = Some(prepare);
    let mut started: Option<Result<Start, E>> = None;
    if lazy {
        let outline = load_outline(&source, |outline| {
            // A start node named on the command line is loaded before `prepare` sees the
            // course, so that it can check a `--step` in it.
            if let Some(id) = node {
                return outline
                    .course
                    .nodes
                    .iter()
                    .position(|n| n.id.as_str() == id);
            }
            let start = prepare.take()?(&outline.course);
            let node = start.as_ref().ok().map(|(progress, options)| {
                let course = Arc::new(outline.course.clone());
                Model::new(course, progress.clone(), options).node
            });
            started = Some(start);
            node
        });
        if let (Ok(outline), Some(prepare)) = (&outline, prepare.take()) {
            started = Some(prepare(&outline.course));
        }
        if let (Ok(outline), Some(Ok((progress, options)))) = (outline, &started) {
            let model = Model::new(Arc::new(outline.course), progress.clone(), options);
            // The start node has its steps unless the start moved once they were loaded.
            if model.step_ref().is_some() {
                let rest: Rest = Box::new(move || load_for_play(&source));
                return Ok(FirstScreen {
                    model,
                    rest: Some(rest),
                });
            }
        }
        // Else: no outline (the full load reports its errors), an error in the start node's
        // steps, or a refusal.
    }
    let known = match started {
        Some(Ok(start)) => Some(start),
        Some(Err(refused)) => return Err(NotStarted::Refused(refused)),
        None => None,
    };
    let course = load_for_play(&source).map_err(NotStarted::Course)?;
    let start = match (known, prepare) {
        (Some(start), _) => start,
        (None, Some(prepare)) => prepare(&course).map_err(NotStarted::Refused)?,
        // `prepare` is only ever taken to fill `started`.
        (None, None) => return Err(NotStarted::Course(Report::default())),
    };
    Ok(whole(course, start))
}

/// A model on the whole course.
fn whole(course: Course, (progress, options): Start) -> FirstScreen {
    FirstScreen {
        model: Model::new(Arc::new(course), progress, &options),
        rest: None,
    }
}

#[cfg(test)]
mod tests;
