//! `update` in the narration mode.

use super::*;
use crate::app::msg::{SaveOutcome, SharedCourse};

#[test]
fn starts_at_the_first_open_node_and_resumes_a_saved_position() {
    let course = course();
    let fresh = Model::new(
        Arc::clone(&course),
        Progress::new("test"),
        &Options::default(),
    );
    assert_eq!((fresh.node, fresh.step), (0, 0));
    let mut progress = Progress::new("test");
    progress.set_position(&NodeId::new("a"), &StepId::new("check"));
    let resumed = Model::new(Arc::clone(&course), progress, &Options::default());
    assert_eq!((resumed.node, resumed.step), (0, 2));
}

#[test]
fn a_saved_position_in_a_locked_node_is_not_resumed() {
    let course = course();
    let mut progress = Progress::new("test");
    progress.set_position(&NodeId::new("c"), &StepId::new("only"));
    let model = Model::new(Arc::clone(&course), progress, &Options::default());
    assert_eq!(model.node, 0);
}

#[test]
fn next_and_back_move_between_steps_and_save_the_position() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    assert_eq!(m.key_mode(), KeyMode::Narration);
    let effects = press(&mut m, Key::Right);
    assert_eq!(m.step, 1);
    assert_eq!(saves(&effects), 1);
    let pos = m.progress.position.clone().expect("position");
    assert_eq!((pos.node.as_str(), pos.step.as_str()), ("a", "shell"));
    press(&mut m, Key::Left);
    assert_eq!(m.step, 0);
    assert!(
        press(&mut m, Key::Char('h')).is_empty(),
        "nothing before the first step"
    );
}

#[test]
fn scrolling_is_bounded_by_the_measured_content() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    let metrics = Metrics {
        narration: Extent {
            content: 30,
            view: 10,
        },
        ..Metrics::default()
    };
    update(&mut m, Msg::Measured(metrics));
    for _ in 0..50 {
        press(&mut m, Key::Char('j'));
    }
    assert_eq!(m.scroll.narration, 20);
    press(&mut m, Key::Char('k'));
    assert_eq!(
        m.scroll.narration, 19,
        "one press up moves after overscrolling"
    );
    press(&mut m, Key::PageUp);
    assert_eq!(m.scroll.narration, 10);
    // A narrower terminal re-measures; the offset follows.
    update(
        &mut m,
        Msg::Measured(Metrics {
            narration: Extent {
                content: 14,
                view: 10,
            },
            ..metrics
        }),
    );
    assert_eq!(m.scroll.narration, 4);
}

#[test]
fn tab_cycles_through_the_panes_of_the_step() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    assert_eq!(m.focus, Focus::Bash);
    press(&mut m, Key::Tab);
    assert_eq!(m.focus, Focus::Narration);
    press(&mut m, Key::Tab);
    assert_eq!(m.focus, Focus::Bash);
}

#[test]
fn quit_and_suspend_are_effects() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    assert_eq!(press(&mut m, Key::Ctrl('z')), vec![Effect::Suspend]);
    assert_eq!(press(&mut m, Key::Char('q')), vec![Effect::Quit]);
}

#[test]
fn a_node_without_quizzes_completes_when_its_last_step_is_seen() {
    let course = course();
    let mut progress = Progress::new("test");
    for id in ["a", "b"] {
        progress.nodes.entry(id.into()).or_default().complete = true;
    }
    let mut m = Model::new(
        Arc::clone(&course),
        progress,
        &Options {
            node: Some(NodeId::new("c")),
            ..Options::default()
        },
    );
    let effects = super::super::start(&mut m);
    assert_eq!(saves(&effects), 1);
    assert!(m.progress.is_complete(&NodeId::new("c")));
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("Course complete"))
    );
    assert_eq!(
        m.overlay.as_ref().map(Overlay::kind),
        Some(OverlayKind::Finish),
        "the last node, completed by reading, finishes the course: its screen opens"
    );
}

#[test]
fn saved_progress_from_the_store_is_adopted_but_position_kept() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    let mut other = Progress::new("test");
    other.nodes.entry("a".into()).or_default().complete = true;
    other.set_position(&NodeId::new("b"), &StepId::new("multi"));
    update(
        &mut m,
        Msg::Saved(SaveOutcome::Saved {
            progress: other,
            notice: None,
        }),
    );
    assert!(m.progress.is_complete(&NodeId::new("a")));
    assert_eq!(m.node, 0);
    assert_eq!(m.progress.position.as_ref().map(|p| p.node.as_str()), None);
}

#[test]
fn a_notice_is_retired_by_moving_on() {
    let course = course();
    let mut m = Model::new(
        Arc::clone(&course),
        Progress::new("test"),
        &Options {
            notice: Some("progress file was set aside".into()),
            tasks: crate::app::task::TaskEnv::default(),
            ..Options::default()
        },
    );
    assert!(m.notice.is_some());
    press(&mut m, Key::Char('j'));
    assert!(m.notice.is_some(), "scrolling keeps it");
    press(&mut m, Key::Right);
    assert_eq!(m.notice, None);
}

#[test]
fn save_trouble_is_said_once_and_retired_when_a_save_gets_through() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    update(&mut m, Msg::Saved(SaveOutcome::Busy));
    let busy = m.notice.clone().expect("the learner is told");
    assert!(busy.contains("not saved yet"), "{busy}");
    let saved = |m: &Model, notice: Option<String>| {
        Msg::Saved(SaveOutcome::Saved {
            progress: m.progress.clone(),
            notice,
        })
    };
    let msg = saved(&m, None);
    update(&mut m, msg);
    assert_eq!(m.notice, None, "saved after all: the warning goes");

    update(&mut m, Msg::Saved(SaveOutcome::Failed("disk full".into())));
    assert_eq!(m.notice.as_deref(), Some("Progress not saved: disk full"));
    m.notice = Some("✓ Basics complete".into());
    let msg = saved(&m, None);
    update(&mut m, msg);
    assert_eq!(
        m.notice.as_deref(),
        Some("✓ Basics complete"),
        "other notices stay"
    );

    let set_aside = "Progress starts fresh: the saved file was unusable".to_owned();
    let msg = saved(&m, Some(set_aside.clone()));
    update(&mut m, msg);
    assert_eq!(
        m.notice,
        Some(set_aside),
        "what the store did reaches the screen"
    );
}

#[test]
fn a_save_heard_late_does_not_undo_newer_progress() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    let older = m.progress.clone();
    m.progress
        .mark_seen(&NodeId::new("a"), &StepId::new("shell"));
    update(
        &mut m,
        Msg::Saved(SaveOutcome::Saved {
            progress: older,
            notice: None,
        }),
    );
    let seen = m.progress.node(&NodeId::new("a")).map(|n| n.seen.len());
    assert_eq!(seen, Some(1), "merged, not replaced");
}

#[test]
fn a_reloaded_course_keeps_the_learners_place_in_an_unchanged_step() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    press(&mut m, Key::Right);
    assert_eq!(
        m.bash.revealed, 2,
        "the entry, and the type-along's prompt after it"
    );
    let same = Arc::new((*course).clone());
    let effects = update(&mut m, Msg::CourseLoaded(SharedCourse(same)));
    assert_eq!(saves(&effects), 1);
    assert_eq!((m.node, m.step, m.bash.revealed, m.revision), (0, 1, 2, 1));

    let mut changed = (*course).clone();
    changed.nodes[0].steps[1].title = "Shell, revised".into();
    let check = changed.nodes[0].steps[2].clone();
    changed.nodes[0].steps.insert(0, check);
    update(&mut m, Msg::CourseLoaded(SharedCourse(Arc::new(changed))));
    assert_eq!((m.node, m.step), (0, 2), "followed by id");
    assert_eq!(m.bash.revealed, 0, "a changed step starts over");
    assert_eq!(
        m.step_ref().map(|s| s.title.as_str()),
        Some("Shell, revised")
    );
}
