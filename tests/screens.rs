//! Whole-screen snapshots of the player, drawn by the one pipeline (`headless::render_scene`,
//! or a `Player` driven by keys for states a scene cannot name) into a buffer, for the fixture
//! course at 80x24 and 120x40. Plus: no size panics, and `NO_COLOR` keeps
//! meaning without colour.

use std::path::Path;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use termcourse::app::effect::Effect;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::overlay::OverlayKind;
use termcourse::app::{Model, Options};
use termcourse::core::course::{Course, NodeId, StepId};
use termcourse::core::progress::Progress;
use termcourse::core::quiz::Answer;
use termcourse::edge::headless::{Scene, render_scene};
use termcourse::edge::player::Player;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn fixture() -> Arc<Course> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    match termcourse::edge::fs_source::load_course_path(&dir) {
        Ok(course) => Arc::new(course),
        Err(report) => panic!("fixture does not load:\n{}", report.render(false)),
    }
}

/// The buffer as text: the one conversion every test uses, the one `render` prints.
fn text(buf: &Buffer) -> String {
    termcourse::view::text::to_plain(buf)
}

fn scene(step: &str) -> Scene {
    Scene {
        step: Some(StepId::new(step)),
        ..Scene::default()
    }
}

fn snap(name: &str, scene: &Scene) {
    let course = fixture();
    for (w, h) in SIZES {
        let buf = render_scene(&course, scene, w, h).expect("scene renders");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&buf));
    }
}

#[test]
fn narration_step() {
    snap(
        "narration",
        &Scene {
            bash: Some(0),
            ..scene("why-order-matters")
        },
    );
}

#[test]
fn bash_pane_part_way() {
    snap(
        "bash_part_way",
        &Scene {
            bash: Some(2),
            ..scene("why-order-matters")
        },
    );
}

#[test]
fn quiz_before_answer() {
    snap("quiz_unanswered", &scene("pick-one"));
}

#[test]
fn quiz_after_a_wrong_answer() {
    snap(
        "quiz_wrong",
        &Scene {
            answer: Some(Answer::Choice(0)),
            ..scene("pick-one")
        },
    );
}

#[test]
fn quiz_after_a_right_answer() {
    snap(
        "quiz_right",
        &Scene {
            answer: Some(Answer::Choice(1)),
            ..scene("pick-one")
        },
    );
}

#[test]
fn order_and_multi_quizzes_after_answers() {
    snap(
        "order_right",
        &Scene {
            answer: Some(Answer::Order(vec![0, 1, 2, 3])),
            ..scene("order-quiz")
        },
    );
    snap(
        "multi_wrong",
        &Scene {
            answer: Some(Answer::Choices([0].into())),
            ..scene("what-to-ignore")
        },
    );
}

#[test]
fn matrix() {
    snap(
        "matrix",
        &Scene {
            overlay: Some(OverlayKind::Matrix),
            ..Scene::default()
        },
    );
}

#[test]
fn glossary() {
    snap(
        "glossary",
        &Scene {
            overlay: Some(OverlayKind::Glossary),
            ..Scene::default()
        },
    );
}

#[test]
fn help() {
    snap(
        "help",
        &Scene {
            overlay: Some(OverlayKind::Help),
            ..Scene::default()
        },
    );
}

#[test]
fn faq() {
    snap(
        "faq",
        &Scene {
            overlay: Some(OverlayKind::Faq),
            ..Scene::default()
        },
    );
}

#[test]
fn too_small() {
    let course = fixture();
    for (w, h) in [(40, 10), (24, 6)] {
        let buf = render_scene(&course, &Scene::default(), w, h).expect("renders");
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), text(&buf));
    }
}

/// A type-along entry after one wrong line: reached by keys, drawn by the same screen.
#[test]
fn type_along_after_a_miss() {
    let course = fixture();
    for (w, h) in SIZES {
        let options = Options {
            practice: true,
            node: Some(NodeId::new("layer-cache")),
            step: Some(StepId::new("why-order-matters")),
            ..Options::default()
        };
        let model = Model::new(Arc::clone(&course), Progress::new("t"), &options);
        let mut player = Player::new(model, Screen::new(Theme::dark(), false));
        assert_eq!(saves(&player.start()), 1);
        // Step on until the type-along's prompt opens (it opens as soon as the entry before
        // it is shown).
        for _ in 0..5 {
            if player.model().key_mode() == termcourse::app::KeyMode::TypeAlong {
                break;
            }
            press(&mut player, Key::Right);
        }
        assert_eq!(
            player.model().key_mode(),
            termcourse::app::KeyMode::TypeAlong
        );
        for c in "docker image model-server".chars() {
            press(&mut player, Key::Char(c));
        }
        press(&mut player, Key::Enter);
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        player.frame(area, &mut buf);
        insta::assert_snapshot!(format!("type_along_miss_{w}x{h}"), text(&buf));
    }
}

/// Presses `key` through the keymap, as the runtime does; it neither quits nor suspends.
fn press(player: &mut Player, key: Key) {
    if let Some(msg) = resolve(player.model().key_mode(), key) {
        let effects = player.dispatch(msg);
        assert_eq!(saves(&effects), effects.len(), "{key:?}: {effects:?}");
    }
}

/// How many of `effects` save progress.
fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveProgress(_)))
        .count()
}

#[test]
fn no_size_panics() {
    let course = fixture();
    let scenes = [
        Scene::default(),
        Scene {
            bash: Some(3),
            ..scene("why-order-matters")
        },
        Scene {
            answer: Some(Answer::Choice(0)),
            ..scene("pick-one")
        },
        Scene {
            answer: Some(Answer::Text("--no-cache-dir".into())),
            ..scene("flag-quiz")
        },
        Scene {
            overlay: Some(OverlayKind::Matrix),
            ..Scene::default()
        },
        Scene {
            overlay: Some(OverlayKind::Glossary),
            ..Scene::default()
        },
        Scene {
            overlay: Some(OverlayKind::Faq),
            ..Scene::default()
        },
        Scene {
            overlay: Some(OverlayKind::Help),
            ..Scene::default()
        },
    ];
    let mut sizes: Vec<(u16, u16)> = (1..=30)
        .flat_map(|w| (1..=10).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (44, 12),
        (99, 30),
        (100, 30),
        (200, 60),
        (300, 100),
        (1000, 5),
        (5, 500),
    ]);
    // What each scene shows once the terminal is large enough (44x12).
    let markers = [
        "╭ narration",
        "╭ narration",
        "╭ narration",
        "╭ narration",
        "Deployment Matrix",
        "Glossary",
        "FAQ",
        "Keys",
    ];
    for (scene, marker) in scenes.iter().zip(markers) {
        for &(w, h) in &sizes {
            let buf = render_scene(&course, scene, w, h).expect("renders");
            let screen = text(&buf);
            let big_enough = w >= 44 && h >= 12;
            if big_enough {
                assert!(
                    screen.contains(&course.title)
                        && screen.contains(marker)
                        && !screen.contains("too small"),
                    "{w}x{h}, {:?}:\n{screen}",
                    scene.overlay
                );
            } else if w >= 18 {
                assert!(
                    screen.contains("Terminal too small"),
                    "{w}x{h}, {:?}:\n{screen}",
                    scene.overlay
                );
            }
        }
    }
}

#[test]
fn no_color_keeps_meaning_without_colour() {
    let course = fixture();
    let scene = Scene {
        answer: Some(Answer::Choice(1)),
        no_color: true,
        ..scene("pick-one")
    };
    let buf = render_scene(&course, &scene, 120, 40).expect("renders");
    for cell in &buf.content {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "{cell:?}"
        );
    }
    let screen = text(&buf);
    assert!(screen.contains("✓ Correct!") && screen.contains("(•)"));
    let selected = buf
        .content
        .iter()
        .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(selected, "the cursor row is shown in reverse video");
}

/// Progress through the whole fixture course, with the marks a real learner leaves: wrong
/// answers, hints, a revealed answer, time spent.
fn finished_progress(course: &Course) -> Progress {
    let mut progress = Progress::new(course.id.as_str());
    progress.seed = Some(7);
    progress.started_at = Some(1_764_000_000);
    progress.updated_at = Some(1_764_300_000);
    progress.active_secs = 2 * 3600 + 5 * 60;
    for node in &course.nodes {
        let record = progress.nodes.entry(node.id.to_string()).or_default();
        record.complete = true;
        record.completed_at = Some(1_764_290_000);
        for step in node.steps.iter().filter(|s| s.quiz.is_some()) {
            let quiz = record.quizzes.entry(step.id.to_string()).or_default();
            quiz.attempts = 1;
            quiz.passed = true;
        }
    }
    let layer = progress.nodes.get_mut("layer-cache").expect("node");
    let flag = layer.quizzes.get_mut("flag-quiz").expect("quiz");
    flag.wrong_answers = vec!["--no-cache".into(), "-n".into()];
    flag.revealed = true;
    flag.hints = 2;
    let order = layer.quizzes.get_mut("order-quiz").expect("quiz");
    order.wrong_answers = vec!["2,1,3,4".into()];
    order.hints = 1;
    progress
}

/// The course-complete screen: results, what next, the course's closing note.
#[test]
fn finish_screen() {
    let mut course = (*fixture()).clone();
    course.finish = Some(termcourse::core::course::Finish {
        title: Some("Image shipped".into()),
        note: "You can now write a **Dockerfile** that builds fast and ships small.\n\n\
               Next: put `docker build` in your CI, and read the Dockerfile reference."
            .into(),
    });
    let course = Arc::new(course);
    for (w, h) in SIZES {
        let options = Options {
            node: Some(NodeId::new("layer-cache")),
            step: Some(StepId::new("flag-quiz")),
            today: termcourse::core::progress::Day(20_422),
            ..Options::default()
        };
        let mut model = Model::new(Arc::clone(&course), finished_progress(&course), &options);
        model.overlay = Some(OverlayKind::Finish.open(&model));
        let mut player = Player::new(model, Screen::new(Theme::dark(), false));
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        player.frame(area, &mut buf);
        let screen = text(&buf);
        for needle in [
            "Image shipped",
            "Time spent",
            "2 h 05 min",
            "Review: 2 questions",
        ] {
            assert!(screen.contains(needle), "{needle}:\n{screen}");
        }
        insta::assert_snapshot!(format!("finish_{w}x{h}"), screen);
    }
}

/// A review session: the most-missed question asked again (choices freshly shuffled), and
/// the summary once the learner ends it.
#[test]
fn review_question_and_summary() {
    let course = fixture();
    for (w, h) in SIZES {
        let options = Options {
            node: Some(NodeId::new("base-images")),
            step: Some(StepId::new("intro")),
            today: termcourse::core::progress::Day(20_422),
            entropy: 3,
            ..Options::default()
        };
        let model = Model::new(Arc::clone(&course), finished_progress(&course), &options);
        let mut player = Player::new(model, Screen::new(Theme::dark(), false));
        drop(player.start());
        press(&mut player, Key::Char('m'));
        press(&mut player, Key::Char('R'));
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        player.frame(area, &mut buf);
        let question = text(&buf);
        assert!(question.contains("review 1/2"), "{question}");
        insta::assert_snapshot!(format!("review_question_{w}x{h}"), question);
        for c in "--no-cache-dir".chars() {
            press(&mut player, Key::Char(c));
        }
        press(&mut player, Key::Enter);
        press(&mut player, Key::Enter);
        press(&mut player, Key::Esc);
        let mut buf = Buffer::empty(area);
        player.frame(area, &mut buf);
        let summary = text(&buf);
        assert!(summary.contains("1 right"), "{summary}");
        insta::assert_snapshot!(format!("review_summary_{w}x{h}"), summary);
    }
}
