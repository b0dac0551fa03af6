//! Snapshotting a real course: the scenes worth a snapshot, drawn by the player's headless
//! renderer, compared with (or written to) a snapshot directory.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use thiserror::Error;

use crate::app::overlay::OverlayKind;
use crate::core::course::{Course, NodeId, Step};
use crate::core::quiz::Answer;
use crate::edge::headless::{Overflow, Scene, SceneError, render_scene_measured};
use crate::edge::snapshot::answers::{right_answer, wrong_answer};
use crate::edge::snapshot::{
    Case, Mode, Outcome, PaneOverflow, Rendering, Size, render_cases, store,
};
use crate::view::prepared::step_has_reveal;
use crate::view::text::to_plain;

#[derive(Debug, Error)]
pub enum SnapshotError {
    #[error("cannot draw {stem}: {source}")]
    Scene {
        stem: String,
        #[source]
        source: SceneError,
    },
    #[error(transparent)]
    Dir(#[from] store::DirError),
    #[error(
        "the snapshots of {first} and {second} would share the file name `{name}` on a case-insensitive filesystem (macOS, Windows)"
    )]
    Collision {
        first: String,
        second: String,
        name: String,
    },
}

/// What a snapshot run does besides rendering.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    pub mode: Mode,
    pub deny_overflow: bool,
    /// Update a directory that holds files termcourse did not write (they are kept).
    pub force: bool,
    /// Show choices as a learner with this seed sees them; `None` keeps the author's order.
    pub seed: Option<u64>,
}

/// Renders every case of `course` at every size, compares with `dir` and, in
/// [`Mode::Update`], rewrites `dir` to match.
pub fn snapshot_course(
    course: &Arc<Course>,
    dir: &Path,
    sizes: &[Size],
    options: RunOptions,
) -> Result<Outcome, SnapshotError> {
    let mut cases = course_cases(course);
    for case in &mut cases {
        case.scene.seed = options.seed;
    }
    check_distinct(&cases)?;
    let rendered = render_cases(&cases, sizes, |case: &Case<Scene>, size| {
        render(course, &case.scene, size).map_err(|source| SnapshotError::Scene {
            stem: case.stem.clone(),
            source,
        })
    })?;
    let existing = store::read_snapshots(dir)?;
    let mut comparison = store::compare(&rendered.shots, &existing.snapshots);
    let mut left_alone = Vec::new();
    if options.mode == Mode::Update {
        let updated = store::update(dir, &rendered.shots, &comparison, &existing, options.force)?;
        comparison.missing = updated.removed;
        left_alone = updated.left_alone;
    }
    Ok(Outcome {
        mode: options.mode,
        dir_label: dir.display().to_string(),
        comparison,
        left_alone,
        overflows: rendered.overflows,
        deny_overflow: options.deny_overflow,
    })
}

/// Refuses cases whose files would be one file somewhere: the same name (which the escaping of
/// [`file_part`] rules out, but a collision must never silently lose a snapshot), or names
/// that differ only in case.
fn check_distinct(cases: &[Case<Scene>]) -> Result<(), SnapshotError> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, case) in cases.iter().enumerate() {
        if let Some(&first) = seen.get(&case.stem.to_lowercase()) {
            return Err(SnapshotError::Collision {
                first: describe(&cases[first]),
                second: describe(case),
                name: case.stem.to_lowercase(),
            });
        }
        seen.insert(case.stem.to_lowercase(), i);
    }
    Ok(())
}

/// ``step `s` of node `n` `` (or the screen's name), for messages.
fn describe(case: &Case<Scene>) -> String {
    let scene = &case.scene;
    let mut text = String::new();
    match (&scene.node, &scene.step) {
        (Some(node), Some(step)) => {
            let _ = write!(text, "step `{step}` of node `{node}`");
        }
        _ => text.push_str(&case.stem),
    }
    if scene.answer.is_some() {
        text.push_str(" (answered)");
    }
    if scene.solved {
        text.push_str(" (solved)");
    }
    crate::core::sanitize::sanitize(&text).into_owned()
}

/// One scene drawn at `size`: its plain text and what overflowed.
pub fn render(course: &Arc<Course>, scene: &Scene, size: Size) -> Result<Rendering, SceneError> {
    // Overflow is measured on the step's panes; a screen drawn over them has nothing to add.
    let (buffer, measured) = render_scene_measured(course, scene, size.width, size.height)?;
    let convert = |found: Vec<Overflow>| {
        found
            .into_iter()
            .map(|o| PaneOverflow {
                pane: o.what().to_owned(),
                needed: o.needed,
                available: o.available,
                unit: o.unit,
            })
            .collect()
    };
    Ok(Rendering {
        text: to_plain(&buffer),
        overflows: convert(measured.unreachable),
        scrolls: convert(measured.scrolling),
    })
}

/// Every scene worth a snapshot: each step
/// with its whole bash pane (a step with reveal blocks also with them open: `.open`); a quiz
/// step also after a wrong and after the right answer; a task step (shown with its starters)
/// also solved; then the matrix, glossary, FAQ and help screens.
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
            if step_has_reveal(step) {
                let open = Scene {
                    open: true,
                    ..at(None)
                };
                push(format!("{stem}.open"), open);
            }
            if step.task.is_some() {
                let solved = Scene {
                    solved: true,
                    ..at(None)
                };
                push(format!("{stem}.task-solved"), solved);
            }
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
        solved: false,
        overlay: None,
        no_color: false,
        open: false,
        seed: None,
    }
}

fn overlay_scene(kind: OverlayKind) -> Scene {
    Scene {
        overlay: Some(kind),
        ..Scene::default()
    }
}

/// An id as a file-name component: letters, digits and `-` as they are, `_` doubled, and every
/// other byte (`.` included) as `_` and two hex digits. Escaping rather than replacing keeps
/// names distinct (`a.b` is `a_2eb`, `a_b` is `a__b`), no name can be `.`, `..` or hold a `/`,
/// and the `.quiz-wrong` suffix can never be part of an escaped id.
pub fn file_part(id: &str) -> String {
    let mut part = String::with_capacity(id.len());
    for byte in id.bytes() {
        match byte {
            b'_' => part.push_str("__"),
            b if b.is_ascii_alphanumeric() || b == b'-' => part.push(char::from(b)),
            b => {
                let _ = write!(part, "_{b:02x}");
            }
        }
    }
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
    fn ids_become_safe_and_distinct_file_names() {
        assert_eq!(file_part("layer-cache2"), "layer-cache2");
        assert_eq!(file_part("a_b"), "a__b");
        assert_eq!(file_part("a.b"), "a_2eb");
        assert_eq!(file_part("../etc"), "_2e_2e_2fetc");
        assert_eq!(file_part(".."), "_2e_2e");
        assert_eq!(file_part(""), "_");
        let ids = [
            "a.b", "a_b", "a_2eb", "a__b", "a-b", "ab", "a_", "_", "", "a.", ".",
        ];
        let names: std::collections::HashSet<String> = ids.iter().map(|i| file_part(i)).collect();
        assert_eq!(names.len(), ids.len(), "{names:?}");
    }

    #[test]
    fn nodes_whose_names_collided_get_a_snapshot_each() {
        let mut course = fixture("render");
        let mut twin = course.nodes[0].clone();
        twin.id = NodeId::new(course.nodes[0].id.as_str().replace('-', "_"));
        course.nodes[0].id = NodeId::new(format!("{}.x", course.nodes[0].id));
        twin.id = NodeId::new(format!("{}_x", twin.id));
        course.nodes.push(twin);
        let cases = course_cases(&course);
        let stems: std::collections::HashSet<&str> =
            cases.iter().map(|c| c.stem.as_str()).collect();
        assert_eq!(stems.len(), cases.len(), "every case has its own file");
        assert!(check_distinct(&cases).is_ok());
    }

    #[test]
    fn names_differing_only_in_case_are_an_error() {
        let mut course = fixture("render");
        let mut twin = course.nodes[0].clone();
        twin.id = NodeId::new(course.nodes[0].id.as_str().to_uppercase());
        course.nodes.push(twin);
        let cases = course_cases(&course);
        let err = check_distinct(&cases).expect_err("a collision");
        assert!(
            err.to_string().contains("would share the file name"),
            "{err}"
        );
    }
}
