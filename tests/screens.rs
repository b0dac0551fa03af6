//! Whole-screen snapshots of the player, drawn by the one renderer (`headless::render_scene`,
//! or the same `Screen` driven by `update` for states a scene cannot name) into a `TestBackend`,
//! for the fixture course at 80x24 and 120x40. Plus: no size panics, and `NO_COLOR` keeps
//! meaning without colour.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::msg::Msg;
use termcourse::app::update::{start, update};
use termcourse::app::{Model, Options};
use termcourse::core::course::{Course, NodeId, StepId};
use termcourse::core::progress::Progress;
use termcourse::core::quiz::Answer;
use termcourse::edge::headless::{Scene, Screen, render_scene};
use termcourse::view::screen::Screen as View;
use termcourse::view::theme::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn fixture() -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    match termcourse::edge::fs_source::load_course_path(&dir) {
        Ok(course) => course,
        Err(report) => panic!("fixture does not load:\n{}", report.render(false)),
    }
}

/// The buffer as text: the one conversion every test uses, the one `render` prints.
fn text(buf: &Buffer) -> String {
    termcourse::edge::headless::text::to_plain(buf)
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
            screen: Screen::Matrix,
            ..Scene::default()
        },
    );
}

#[test]
fn glossary() {
    snap(
        "glossary",
        &Scene {
            screen: Screen::Glossary,
            ..Scene::default()
        },
    );
}

#[test]
fn help() {
    snap(
        "help",
        &Scene {
            screen: Screen::Help,
            ..Scene::default()
        },
    );
}

#[test]
fn faq() {
    snap(
        "faq",
        &Scene {
            screen: Screen::Faq,
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
        let mut model = Model::new(&course, Progress::new("t"), &options);
        let _ = start(&mut model);
        for key in [Key::Right, Key::Right, Key::Right] {
            press(&mut model, key);
        }
        for c in "docker image model-server".chars() {
            press(&mut model, Key::Char(c));
        }
        press(&mut model, Key::Enter);
        insta::assert_snapshot!(
            format!("type_along_miss_{w}x{h}"),
            text(&draw(&model, w, h))
        );
    }
}

fn press(model: &mut Model, key: Key) {
    if let Some(msg) = resolve(model.key_mode(), key) {
        let _ = update(model, msg);
    }
}

/// Draws `model` the way the runtime does: prepare, measure, feed back, draw.
fn draw(model: &Model, w: u16, h: u16) -> Buffer {
    let mut model = model.clone();
    let area = Rect::new(0, 0, w, h);
    let mut view = View::new(Theme::dark(), false);
    let _ = update(&mut model, Msg::Resize(w, h));
    view.prepare(&model, area);
    let metrics = view.measure(&model, area);
    let _ = update(&mut model, Msg::Measured(metrics));
    let mut buf = Buffer::empty(area);
    view.draw_buffer(&model, area, &mut buf);
    buf
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
            screen: Screen::Matrix,
            ..Scene::default()
        },
        Scene {
            screen: Screen::Glossary,
            ..Scene::default()
        },
        Scene {
            screen: Screen::Faq,
            ..Scene::default()
        },
        Scene {
            screen: Screen::Help,
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
                    scene.screen
                );
            } else if w >= 18 {
                assert!(
                    screen.contains("Terminal too small"),
                    "{w}x{h}, {:?}:\n{screen}",
                    scene.screen
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
