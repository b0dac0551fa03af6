//! Scenes of the hand-built test course: reached through `update`, and refused when bad.
use super::*;
use crate::app::test_course::course;

fn text(buf: &Buffer) -> String {
    crate::view::text::to_plain(buf)
}

fn measured(course: &Arc<Course>, scene: &Scene, w: u16, h: u16) -> Measured {
    render_scene_measured(course, scene, w, h)
        .expect("renders")
        .1
}

fn render(scene: &Scene, w: u16, h: u16) -> String {
    text(&render_scene(&course(), scene, w, h).expect("renders"))
}

#[test]
fn scenes_are_reached_through_update() {
    let step = |id: &str| Some(StepId::new(id));
    for (w, h) in [(80, 24), (120, 40)] {
        let intro = render(&Scene::default(), w, h);
        assert!(intro.contains("SYS_MSG") && intro.contains("Boot sequence"));
        let shell = render(
            &Scene {
                step: step("shell"),
                bash: Some(1),
                ..Scene::default()
            },
            w,
            h,
        );
        assert!(
            shell.contains("bash 2 / 2")
                && shell.contains("Successfully built")
                && shell.contains("Type the command"),
            "the type-along after the entry waits at its prompt, as in the player:\n{shell}"
        );
        let all = render(
            &Scene {
                step: step("shell"),
                ..Scene::default()
            },
            w,
            h,
        );
        assert!(all.contains("bash 2 / 2") && all.contains("$ docker run app"));
        let wrong = render(
            &Scene {
                step: step("check"),
                answer: Some(Answer::Choice(0)),
                ..Scene::default()
            },
            w,
            h,
        );
        assert!(wrong.contains("Not quite") && wrong.contains("because wrong"));
        let right = render(
            &Scene {
                step: step("order"),
                answer: Some(Answer::Order(vec![0, 1, 2])),
                ..Scene::default()
            },
            w,
            h,
        );
        assert!(right.contains("Correct") && right.contains("That is why."));
    }
}

#[test]
fn a_wrong_answer_explains_only_the_picked_choices() {
    let scene = |answer| Scene {
        step: Some("check".into()),
        answer: Some(answer),
        ..Scene::default()
    };
    let wrong = render(&scene(Answer::Choice(0)), 120, 40);
    assert!(wrong.contains("because wrong"), "{wrong}");
    assert!(!wrong.contains("because right"), "{wrong}");
    assert!(!wrong.contains("That is why."), "{wrong}");
    let right = render(&scene(Answer::Choice(1)), 120, 40);
    assert!(right.contains("because wrong") && right.contains("because right"));
    assert!(right.contains("That is why."), "{right}");
    let multi = |picked: &[usize]| Scene {
        node: Some("b".into()),
        step: Some("multi".into()),
        answer: Some(Answer::Choices(picked.iter().copied().collect())),
        ..Scene::default()
    };
    let wrong = render(&multi(&[0, 1]), 120, 40);
    assert!(wrong.contains("because x") && wrong.contains("because y"));
    assert!(!wrong.contains("because z"), "{wrong}");
    let right = render(&multi(&[0, 2]), 120, 40);
    assert!(right.contains("because y") && right.contains("That is why."));
}

#[test]
fn scenes_draw_no_practice_badge() {
    for (w, h) in [(80, 24), (120, 40)] {
        let intro = render(&Scene::default(), w, h);
        assert!(!intro.contains("PRACTICE"), "{intro}");
    }
}

#[test]
fn bad_scenes_are_errors() {
    let course = course();
    let cases = [
        (
            Scene {
                node: Some("zz".into()),
                ..Scene::default()
            },
            SceneError::UnknownNode("zz".into()),
        ),
        (
            Scene {
                step: Some("intro".into()),
                answer: Some(Answer::Choice(0)),
                ..Scene::default()
            },
            SceneError::NoQuiz("intro".into()),
        ),
    ];
    for (scene, want) in cases {
        assert_eq!(render_scene(&course, &scene, 80, 24).err(), Some(want));
    }
    let bad = Scene {
        step: Some("check".into()),
        answer: Some(Answer::Choice(7)),
        ..Scene::default()
    };
    assert!(matches!(
        render_scene(&course, &bad, 80, 24),
        Err(SceneError::BadAnswer { .. })
    ));
    let bash = Scene {
        step: Some("shell".into()),
        bash: Some(3),
        ..Scene::default()
    };
    assert!(matches!(
        render_scene(&course, &bash, 80, 24),
        Err(SceneError::BadBash { .. })
    ));
}

#[test]
fn panes_that_need_scrolling_are_named_but_are_not_overflow() {
    let course = course();
    let scene = Scene {
        step: Some("check".into()),
        answer: Some(Answer::Choice(0)),
        ..Scene::default()
    };
    assert_eq!(measured(&course, &scene, 120, 40), Measured::default());
    let small = measured(&course, &scene, 44, 12);
    assert!(
        small
            .scrolling
            .iter()
            .any(|o| o.pane == "quiz" && o.needed > o.available),
        "{small:?}"
    );
    assert!(small.unreachable.is_empty(), "{small:?}");
}

#[test]
fn unreachable_content_is_reported_once_per_step() {
    let mut course = (*course()).clone();
    let step = &mut course.nodes[0].steps[2];
    let Some(crate::core::course::Quiz {
        kind: QuizKind::Single { choices },
        ..
    }) = &mut step.quiz
    else {
        panic!("the check step has a single-choice quiz");
    };
    let more = choices[0].clone();
    choices.extend(std::iter::repeat_n(more, 30));
    let course = Arc::new(course);
    let plain = Scene {
        step: Some("check".into()),
        ..Scene::default()
    };
    let found = measured(&course, &plain, 80, 24).unreachable;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pane, "quiz choices");
    let answered = Scene {
        answer: Some(Answer::Choice(1)),
        ..plain
    };
    assert!(measured(&course, &answered, 80, 24).unreachable.is_empty());
}
