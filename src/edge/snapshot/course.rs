//! Snapshotting a real course: the scenes worth a snapshot, drawn by the player's headless
//! renderer, compared with (or written to) a snapshot directory.

use std::path::Path;
use std::sync::Arc;

use thiserror::Error;

use crate::app::overlay::OverlayKind;
use crate::core::course::{Course, NodeId, Step};
use crate::core::quiz::Answer;
use crate::edge::headless::text::to_plain;
use crate::edge::headless::{Scene, SceneError, render_scene_measured};
use crate::edge::snapshot::answers::{right_answer, wrong_answer};
use crate::edge::snapshot::{
    Case, Mode, Outcome, PaneOverflow, Rendering, Size, render_cases, store,
};

#[derive(Debug, Error)]
pub enum SnapshotError {
    #[error("cannot draw {stem}: {source}")]
    Scene {
        stem: String,
        #[source]
        source: SceneError,
    },
    #[error("snapshot directory {dir}: {source}")]
    Io {
        dir: String,
        #[source]
        source: std::io::Error,
    },
}

/// What a snapshot run does besides rendering.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    pub mode: Mode,
    pub deny_overflow: bool,
}

/// Renders every case of `course` at every size, compares with `dir` and, in
/// [`Mode::Update`], rewrites `dir` to match.
pub fn snapshot_course(
    course: &Arc<Course>,
    dir: &Path,
    sizes: &[Size],
    options: RunOptions,
) -> Result<Outcome, SnapshotError> {
    let cases = course_cases(course);
    let rendered = render_cases(&cases, sizes, |case: &Case<Scene>, size| {
        render(course, &case.scene, size).map_err(|source| SnapshotError::Scene {
            stem: case.stem.clone(),
            source,
        })
    })?;
    let io = |source| SnapshotError::Io {
        dir: dir.display().to_string(),
        source,
    };
    let comparison = store::compare(&rendered.shots, &store::read_snapshots(dir).map_err(io)?);
    if options.mode == Mode::Update {
        store::update(dir, &rendered.shots, &comparison).map_err(io)?;
    }
    Ok(Outcome {
        mode: options.mode,
        dir_label: dir.display().to_string(),
        comparison,
        overflows: rendered.overflows,
        deny_overflow: options.deny_overflow,
    })
}

/// One scene drawn at `size`: its plain text and what overflowed.
pub fn render(course: &Arc<Course>, scene: &Scene, size: Size) -> Result<Rendering, SceneError> {
    // Overflow is measured on the step's panes; a screen drawn over them has nothing to add.
    let (buffer, measured) = render_scene_measured(course, scene, size.width, size.height)?;
    let overflows = measured
        .into_iter()
        .map(|o| PaneOverflow {
            pane: o.pane,
            needed: o.needed,
            available: o.available,
        })
        .collect();
    Ok(Rendering {
        text: to_plain(&buffer),
        overflows,
    })
}

/// Every scene worth a snapshot: each step
/// with its whole bash pane; a quiz step also after a wrong and after the right answer; then
/// the matrix, glossary, FAQ and help screens.
pub fn course_cases(course: &Course) -> Vec<Case<Scene>> {
    let mut cases = Vec::new();
    let mut push = |stem: String, scene: Scene| cases.push(Case { stem, scene });
    for node in &course.nodes {
        for step in &node.steps {
            let stem = format!(
                "{}/{}",
                file_part(node.id.as_str()),
                file_part(step.id.as_str())
            );
            let at = |answer| step_scene(node.id.clone(), step, answer);
            push(stem.clone(), at(None));
            if let Some(quiz) = &step.quiz {
                if let Some(answer) = wrong_answer(quiz) {
                    push(format!("{stem}.quiz-wrong"), at(Some(answer)));
                }
                if let Some(answer) = right_answer(quiz) {
                    push(format!("{stem}.quiz-right"), at(Some(answer)));
                }
            }
        }
    }
    for kind in OverlayKind::ALL.into_iter().filter(|k| k.shows_alone()) {
        push(kind.name().to_owned(), overlay_scene(kind));
    }
    cases
}

fn step_scene(node: NodeId, step: &Step, answer: Option<Answer>) -> Scene {
    Scene {
        node: Some(node),
        step: Some(step.id.clone()),
        bash: None,
        answer,
        overlay: None,
        no_color: false,
    }
}

fn overlay_scene(kind: OverlayKind) -> Scene {
    Scene {
        overlay: Some(kind),
        ..Scene::default()
    }
}

/// An id as a file-name component. Ids are validated by the loader, but a snapshot name must
/// never leave the directory whatever it holds, so anything but `[A-Za-z0-9_-]` becomes `_`.
fn file_part(id: &str) -> String {
    let part: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if part.is_empty() {
        "_".to_owned()
    } else {
        part
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::edge::fs_source::load_course_path;

    fn fixture(name: &str) -> Course {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        match load_course_path(&path) {
            Ok(course) => course,
            Err(report) => panic!("{}", report.render(false)),
        }
    }

    #[test]
    fn cases_cover_steps_quiz_states_and_screens() {
        let cases = course_cases(&fixture("render"));
        let stems: Vec<String> = cases.iter().map(|c| c.stem.clone()).collect();
        let mut expected = vec!["basics/welcome".to_owned()];
        for quiz in ["pick-one", "pick-many", "type-it", "in-order"] {
            for suffix in ["", ".quiz-wrong", ".quiz-right"] {
                expected.push(format!("quizzes/{quiz}{suffix}"));
            }
        }
        expected.extend(["matrix", "glossary", "faq", "help"].map(String::from));
        assert_eq!(stems, expected);
        let wrong = &cases[2].scene;
        assert_eq!(wrong.answer, Some(Answer::Choice(0)));
        assert_eq!(cases[3].scene.answer, Some(Answer::Choice(1)));
        assert!(
            cases
                .iter()
                .all(|c| !c.scene.no_color && c.scene.bash.is_none())
        );
    }

    #[test]
    fn ids_become_safe_file_names() {
        assert_eq!(file_part("layer-cache_2"), "layer-cache_2");
        assert_eq!(file_part("../etc"), "___etc");
        assert_eq!(file_part("a.b/c"), "a_b_c");
        assert_eq!(file_part(""), "_");
    }
}
