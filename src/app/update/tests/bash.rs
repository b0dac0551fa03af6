//! `update` in the bash mode.

use super::*;

#[test]
fn next_reveals_entries_with_a_typing_animation_any_key_completes() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    assert_eq!(m.key_mode(), KeyMode::Bash);
    press(&mut m, Key::Char(' '));
    assert_eq!(m.bash.revealed, 1);
    assert!(m.bash.is_typing() && m.animating());
    update(&mut m, Msg::Tick(1));
    assert_eq!(m.bash.typed, Some(2));
    press(&mut m, Key::Char('j'));
    assert!(!m.bash.is_typing(), "any key completes the animation");
    assert_eq!(m.scroll.narration, 0, "and does nothing else");
}

#[test]
fn without_animation_commands_appear_at_once() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    press(&mut m, Key::Right);
    assert!(!m.bash.is_typing());
    assert!(!m.animating());
}

#[test]
fn after_the_last_entry_next_goes_to_the_next_step() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    press(&mut m, Key::Right);
    assert_eq!(
        m.key_mode(),
        KeyMode::TypeAlong,
        "the type-along's prompt opens as soon as the entry before it is shown"
    );
    press(&mut m, Key::Esc);
    assert_eq!(m.key_mode(), KeyMode::Bash);
    press(&mut m, Key::Right); // shows the waiting entry as scripted
    assert!(!m.bash.awaiting);
    press(&mut m, Key::Right);
    assert_eq!(m.step, 2);
}

#[test]
fn going_back_shows_every_entry_finished() {
    let course = course();
    let mut m = model_at(&course, "a", "check", false);
    press(&mut m, Key::Left);
    assert_eq!(m.step, 1);
    assert_eq!(m.bash.revealed, 2);
    assert!(!m.bash.awaiting && !m.bash.is_typing());
}

#[test]
fn bash_pane_scrolls_back_from_the_bottom_within_bounds() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    update(
        &mut m,
        Msg::Measured(Metrics {
            bash: Extent {
                content: 12,
                view: 8,
            },
            ..Metrics::default()
        }),
    );
    for _ in 0..9 {
        press(&mut m, Key::Up);
    }
    assert_eq!(m.scroll.bash_back, 4);
    press(&mut m, Key::Down);
    assert_eq!(m.scroll.bash_back, 3);
}

#[test]
fn wide_lines_scroll_sideways_in_the_focused_bash_pane_only() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.metrics.bash_cols = Extent {
        content: 90,
        view: 40,
    };
    m.metrics.code_cols = Extent {
        content: 60,
        view: 40,
    };
    assert_eq!(m.focus, Focus::Bash);
    for _ in 0..20 {
        press(&mut m, Key::Char('>'));
    }
    assert_eq!(
        (m.scroll.bash_x, m.scroll.code_x),
        (50, 0),
        "clamped to the widest line"
    );
    press(&mut m, Key::ShiftLeft);
    assert_eq!(m.scroll.bash_x, 46);
    press(&mut m, Key::Tab);
    assert_eq!(m.focus, Focus::Narration);
    press(&mut m, Key::Char('>'));
    assert_eq!(
        (m.scroll.bash_x, m.scroll.code_x),
        (46, 4),
        "narration code scrolls"
    );
    let narrower = Metrics {
        bash_cols: Extent {
            content: 50,
            view: 40,
        },
        ..m.metrics
    };
    update(&mut m, Msg::Measured(narrower));
    assert_eq!(m.scroll.bash_x, 10, "kept within a new measurement");
}

#[test]
fn z_zooms_the_focused_pane_until_pressed_again_or_the_step_changes() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    press(&mut m, Key::Char('z'));
    assert_eq!(m.zoomed(), Some(Focus::Bash));
    press(&mut m, Key::Tab);
    assert_eq!(
        m.zoomed(),
        Some(Focus::Narration),
        "the zoom follows the focus"
    );
    press(&mut m, Key::Char('z'));
    assert_eq!(m.zoomed(), None);
    press(&mut m, Key::Char('z'));
    press(&mut m, Key::Left);
    assert_eq!(m.step, 0);
    assert_eq!(m.zoomed(), None, "a new step starts unzoomed");
}

#[test]
fn o_opens_a_steps_reveal_blocks_and_the_step_remembers() {
    let course = course();
    let mut m = model_at(&course, "a", "shell", false);
    m.animate = false;
    assert!(!m.reveal_open());
    press(&mut m, Key::Char('o'));
    assert!(m.reveal_open());
    press(&mut m, Key::Left);
    assert!(!m.reveal_open(), "per step");
    press(&mut m, Key::Right);
    assert!(m.reveal_open(), "remembered for the session");
    press(&mut m, Key::Char('o'));
    assert!(!m.reveal_open());
    update(&mut m, Msg::Act(crate::app::msg::Action::ToggleReveal));
    assert!(m.reveal_open(), "a click sends the same");
}
