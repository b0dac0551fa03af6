use std::sync::Arc;

use super::first_changed;
use crate::app::msg::{Action, Msg, SharedCourse};
use crate::app::overlay::OverlayKind;
use crate::app::test_course::course;
use crate::app::update::update;
use crate::app::{Model, Options};
use crate::core::course::{Course, NodeId, StepId};
use crate::core::progress::Progress;

fn watching(course: &Arc<Course>, node: &str, step: &str) -> Model {
    let mut model = Model::new(
        Arc::clone(course),
        Progress::new("test"),
        &Options {
            practice: true,
            animate: false,
            node: Some(NodeId::new(node)),
            step: Some(StepId::new(step)),
            notice: None,
            ..Options::default()
        },
    );
    model.watching = true;
    model
}

fn edited(model: &mut Model, course: Course) {
    let _ = update(model, Msg::CourseEdited(SharedCourse(Arc::new(course))));
}

fn ids(model: &Model) -> (String, String) {
    (
        model
            .node_ref()
            .map(|n| n.id.to_string())
            .unwrap_or_default(),
        model
            .step_ref()
            .map(|s| s.id.to_string())
            .unwrap_or_default(),
    )
}

#[test]
fn the_first_changed_step_is_found_by_id() {
    let old = course();
    let mut new = (*old).clone();
    assert_eq!(first_changed(&old, &new), None);
    new.nodes[1].steps[0].body = Some("edited".into());
    assert_eq!(first_changed(&old, &new), Some((1, 0)));
    new.nodes[0].steps[1].title = "Renamed".into();
    assert_eq!(first_changed(&old, &new), Some((0, 1)));
    let mut moved = (*old).clone();
    moved.nodes.swap(1, 2);
    assert_eq!(first_changed(&old, &moved), None, "moving is not changing");
}

#[test]
fn an_edit_elsewhere_jumps_to_the_edited_step_showing_it_whole() {
    let old = course();
    let mut m = watching(&old, "a", "intro");
    let mut new = (*old).clone();
    new.nodes[0].steps[1].sys_msg = Some("new narration".into());
    edited(&mut m, new);
    assert_eq!(ids(&m), ("a".into(), "shell".into()));
    let entries = m.step_ref().map_or(0, |s| s.bash.len());
    assert_eq!(m.bash.revealed, entries, "every entry shown");
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("\"Shell\" changed"))
    );
}

#[test]
fn an_edit_of_the_step_on_screen_keeps_the_place_in_it() {
    let old = course();
    let mut m = watching(&old, "a", "shell");
    let _ = update(&mut m, Msg::FocusPane(crate::app::Focus::Bash));
    // The first entry, and the type-along after it opens its prompt at once; a line begun.
    let _ = update(&mut m, Msg::Act(Action::Next));
    assert_eq!(m.bash.revealed, 2);
    assert!(m.bash.awaiting);
    m.bash.input = "docker ru".into();
    m.scroll.narration = 2;
    let mut new = (*old).clone();
    new.nodes[0].steps[1].body = Some("more text".into());
    edited(&mut m, new);
    assert_eq!(ids(&m), ("a".into(), "shell".into()));
    assert_eq!(m.bash.revealed, 2);
    assert!(m.bash.awaiting, "the prompt still waits");
    assert_eq!(m.bash.input, "docker ru");
    // An edit that makes the entry a plain command shows it done instead.
    let mut plain = (*old).clone();
    plain.nodes[0].steps[1].body = Some("other text".into());
    plain.nodes[0].steps[1].bash[1].type_along = None;
    edited(&mut m, plain);
    assert_eq!(m.bash.revealed, 2);
    assert!(!m.bash.awaiting);
    assert!(m.bash.input.is_empty());
    assert_eq!(
        m.scroll.narration, 2,
        "clamped by the next measurement, not reset"
    );
}

#[test]
fn an_edit_outside_the_steps_keeps_the_place() {
    let old = course();
    let mut m = watching(&old, "a", "shell");
    let mut new = (*old).clone();
    new.title = "Another title".into();
    edited(&mut m, new);
    assert_eq!(ids(&m), ("a".into(), "shell".into()));
    assert_eq!(m.course().title, "Another title");
}

#[test]
fn a_course_that_does_not_load_opens_the_error_panel_until_one_does() {
    let old = course();
    let mut m = watching(&old, "a", "intro");
    let problems = vec!["course.toml:3:1: error: TOML syntax: …".to_owned()];
    let _ = update(&mut m, Msg::CourseBroken(problems.clone()));
    assert_eq!(m.problems, problems);
    assert_eq!(
        m.overlay.as_ref().map(crate::app::overlay::Overlay::kind),
        Some(OverlayKind::Errors)
    );
    assert_eq!(m.course().title, old.title, "the last good course stays");
    assert_eq!(
        m.notice.as_deref(),
        Some("The course as saved does not load (1 error): ! shows why")
    );
    // Esc hides it; it is still there to reopen, and a fix closes it for good.
    let _ = update(&mut m, Msg::Act(Action::Back));
    assert!(m.overlay.is_none());
    let _ = update(&mut m, Msg::Act(Action::Show(OverlayKind::Errors)));
    assert!(m.overlay.is_some());
    edited(&mut m, (*old).clone());
    assert!(m.overlay.is_none());
    assert!(m.problems.is_empty());
}

#[test]
fn the_same_course_twice_changes_nothing_the_first_showed() {
    let old = course();
    let mut m = watching(&old, "a", "intro");
    let mut new = (*old).clone();
    new.nodes[0].steps[1].sys_msg = Some("new narration".into());
    edited(&mut m, new.clone());
    let notice = m.notice.clone();
    assert!(notice.as_deref().is_some_and(|n| n.contains("changed")));
    // The same save seen twice (both were compared with the course before either).
    edited(&mut m, new);
    assert_eq!(m.notice, notice);
    assert_eq!(ids(&m), ("a".into(), "shell".into()));
}
