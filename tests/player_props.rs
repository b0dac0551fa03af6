//! Property test of the player as a whole: random sequences of keys, mouse clicks and wheel
//! turns, pastes, resizes (1x1 to 300x100) and clock ticks go through keymap → update → view on
//! the built-in course, as the runtime sends them. Nothing panics, and every frame is exactly
//! the terminal's size (a widget drawing outside the buffer panics in ratatui).

mod drive;

use std::sync::{Arc, OnceLock};

use drive::{Driver, Event};
use proptest::prelude::*;
use ratatui::layout::Rect;
use termcourse::app::keymap::Key;
use termcourse::core::course::Course;
use termcourse::view::theme::Theme;

fn course() -> Arc<Course> {
    static COURSE: OnceLock<Arc<Course>> = OnceLock::new();
    Arc::clone(
        COURSE.get_or_init(|| match termcourse::edge::builtin::load() {
            Ok(course) => Arc::new(course),
            Err(report) => panic!("{}", report.render(false)),
        }),
    )
}

fn key() -> impl Strategy<Value = Key> {
    let named = prop::sample::select(vec![
        Key::Enter,
        Key::Esc,
        Key::Backspace,
        Key::Tab,
        Key::BackTab,
        Key::Up,
        Key::Down,
        Key::Left,
        Key::Right,
        Key::ShiftUp,
        Key::ShiftDown,
        Key::ShiftLeft,
        Key::ShiftRight,
        Key::PageUp,
        Key::PageDown,
        Key::Home,
        Key::End,
    ]);
    // The keys the player binds, often, so that overlays and quizzes are reached.
    let bound = prop::sample::select("hjklmgfi?/q 123456789xyzs".chars().collect::<Vec<_>>());
    prop_oneof![
        4 => named,
        4 => bound.prop_map(Key::Char),
        1 => any::<char>().prop_map(Key::Char),
        1 => prop::sample::select(vec!['c', 'u', 'd', 'l', 'w', 'z']).prop_map(Key::Ctrl),
        1 => (0_u8..13).prop_map(Key::F),
    ]
}

fn paste() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just("docker build -t app .\n\u{1b}[2J\u{9b}\u{202e}".to_owned()),
        Just("x".repeat(5000)),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => key().prop_map(Event::Key),
        2 => (0_u16..310, 0_u16..110).prop_map(|(x, y)| Event::Click(x, y)),
        1 => (0_u16..310, 0_u16..110, any::<bool>()).prop_map(|(x, y, d)| Event::Wheel(x, y, d)),
        1 => paste().prop_map(Event::Paste),
        1 => (1_u16..=300, 1_u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => Just(Event::Tick),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_input_never_panics_and_every_frame_fits(
        (width, height) in (1_u16..=300, 1_u16..=100),
        events in prop::collection::vec(event(), 1..60),
        theme in 0_u8..3,
    ) {
        let theme = match theme {
            0 => Theme::dark(),
            1 => Theme::light(),
            _ => Theme::no_color(),
        };
        let mut player = Driver::new(course(), width, height, theme);
        let mut size = (width, height);
        let first = player.frame();
        prop_assert_eq!(first.area, Rect::new(0, 0, width, height));
        for event in &events {
            player.event(event);
            if let Event::Resize(w, h) = event {
                size = (*w, *h);
            }
            let frame = player.frame();
            prop_assert_eq!(frame.area, Rect::new(0, 0, size.0, size.1));
            prop_assert_eq!(
                frame.content.len(),
                usize::from(size.0) * usize::from(size.1)
            );
        }
    }
}
