//! `update` in the type along mode.

use super::*;

fn at_type_along(course: &Arc<Course>) -> Model {
    let mut m = model_at(course, "a", "shell", false);
    m.animate = false;
    // Showing the first entry opens the type-along's prompt after it.
    press(&mut m, Key::Right);
    m
}

#[test]
fn a_miss_shows_the_hint_and_a_match_prints_the_output() {
    let course = course();
    let mut m = at_type_along(&course);
    assert_eq!(m.key_mode(), KeyMode::TypeAlong);
    type_text(&mut m, "docker run ap");
    assert!(press(&mut m, Key::Enter).is_empty());
    assert_eq!(m.bash.misses, 1);
    assert!(m.bash.hint_visible());
    assert_eq!(
        m.bash.input, "docker run ap",
        "a wrong line stays, to be fixed"
    );
    assert_eq!(
        m.bash.last_verdict.as_deref(),
        Some("`app` instead of `ap`"),
        "what differs, not just \"not quite\""
    );
    type_text(&mut m, "p");
    assert_eq!(m.bash.last_verdict, None, "editing retires the verdict");
    let effects = press(&mut m, Key::Enter);
    assert_eq!(saves(&effects), 1);
    assert!(!m.bash.awaiting);
    assert_eq!(m.key_mode(), KeyMode::Bash);
    assert!(
        m.progress
            .type_along_done(&NodeId::new("a"), &StepId::new("shell"), 1)
    );
}

#[test]
fn after_three_misses_the_answer_is_offered() {
    let course = course();
    let mut m = at_type_along(&course);
    press(&mut m, Key::F(2));
    assert!(m.bash.hint_visible() && m.bash.input.is_empty());
    for _ in 0..3 {
        type_text(&mut m, "nope");
        press(&mut m, Key::Enter);
    }
    assert!(m.bash.answer_offered());
    press(&mut m, Key::F(2));
    assert_eq!(m.bash.input, "docker run app");
}

#[test]
fn keys_are_typed_not_obeyed_and_paste_takes_one_line() {
    let course = course();
    let mut m = at_type_along(&course);
    press(&mut m, Key::Char('q'));
    press(&mut m, Key::Char('m'));
    assert!(m.overlay.is_none());
    assert_eq!(m.bash.input, "qm");
    press(&mut m, Key::Backspace);
    press(&mut m, Key::Ctrl('u'));
    assert!(m.bash.input.is_empty());
    update(
        &mut m,
        Msg::Paste("docker \u{1b}[31mrun app\nrm -rf /".into()),
    );
    assert_eq!(
        m.bash.input, "docker [31mrun app",
        "one line, no control characters"
    );
    press(&mut m, Key::F(1));
    assert_eq!(m.overlay, Some(Overlay::Help(HelpState::default())));
}
