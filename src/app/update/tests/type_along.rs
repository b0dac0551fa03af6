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
fn keys_are_typed_not_obeyed_and_paste_keeps_its_lines() {
    let course = course();
    let mut m = at_type_along(&course);
    press(&mut m, Key::Char('q'));
    press(&mut m, Key::Char('m'));
    press(&mut m, Key::Char('z'));
    press(&mut m, Key::Char('o'));
    assert!(m.overlay.is_none() && !m.shown.zoom);
    assert_eq!(m.bash.input, "qmzo");
    press(&mut m, Key::Backspace);
    press(&mut m, Key::Ctrl('u'));
    assert!(m.bash.input.is_empty());
    update(
        &mut m,
        Msg::Paste("docker \u{1b}[31mrun app\r\nrm -rf /\tx\n".into()),
    );
    assert_eq!(
        m.bash.input, "docker [31mrun app\nrm -rf /    x",
        "every line, no control characters, tabs expanded, no trailing newline"
    );
    press(&mut m, Key::F(1));
    assert_eq!(m.overlay, Some(Overlay::Help(HelpState::default())));
}

/// The test course with its `shell` step's type-along entry replaced by `cmd`.
fn with_type_along(cmd: &str) -> Model {
    let mut course: Course = (*course()).clone();
    let entry = &mut course.nodes[0].steps[1].bash[1];
    entry.cmd = cmd.to_owned();
    if let Some(t) = entry.type_along.as_mut() {
        t.accept = vec![crate::core::course::Pattern::command(cmd)];
    }
    at_type_along(&Arc::new(course))
}

const HEREDOC: &str = "cat > Dockerfile <<'EOF'\nFROM python:3.13-slim\nCOPY . .\nEOF";

#[test]
fn a_heredoc_is_typed_line_by_line_enter_continues_until_its_delimiter() {
    let mut m = with_type_along(HEREDOC);
    type_text(&mut m, "cat > Dockerfile <<'EOF'");
    assert!(press(&mut m, Key::Enter).is_empty());
    assert_eq!(
        m.bash.input, "cat > Dockerfile <<'EOF'\n",
        "Enter goes on to the body"
    );
    assert!(m.bash.awaiting && m.bash.misses == 0);
    type_text(&mut m, "FROM python:3.13-slim");
    press(&mut m, Key::Enter);
    type_text(&mut m, "COPY . .");
    press(&mut m, Key::Enter);
    assert!(m.bash.awaiting, "still inside the here-document");
    type_text(&mut m, "EOF");
    let effects = press(&mut m, Key::Enter);
    assert_eq!(saves(&effects), 1, "the delimiter line runs it");
    assert!(!m.bash.awaiting);
    assert_eq!(m.bash.typed_line(1), Some(HEREDOC));
}

#[test]
fn a_pasted_heredoc_runs_on_enter_and_a_wrong_body_is_a_miss() {
    let mut m = with_type_along(HEREDOC);
    update(&mut m, Msg::Paste(format!("{HEREDOC}\n")));
    assert_eq!(m.bash.input, HEREDOC);
    assert_eq!(saves(&press(&mut m, Key::Enter)), 1);
    assert!(!m.bash.awaiting);

    let mut m = with_type_along(HEREDOC);
    update(
        &mut m,
        Msg::Paste(HEREDOC.replace("COPY . .", "COPY . /app")),
    );
    press(&mut m, Key::Enter);
    assert_eq!(m.bash.misses, 1, "the body is compared too");
    assert_eq!(
        m.bash.input,
        HEREDOC.replace("COPY . .", "COPY . /app"),
        "a miss keeps the line to fix"
    );
}

#[test]
fn a_trailing_backslash_continues_and_the_lines_are_judged_as_one_command() {
    let mut m = with_type_along("docker run --rm \\\n  -p 8000:8000 \\\n  iris-api");
    type_text(&mut m, "docker run -p 8000:8000 \\");
    press(&mut m, Key::Enter);
    assert_eq!(m.bash.input, "docker run -p 8000:8000 \\\n");
    type_text(&mut m, "--rm iris-api");
    assert_eq!(
        saves(&press(&mut m, Key::Enter)),
        1,
        "options in another order"
    );
    assert!(!m.bash.awaiting);
}

#[test]
fn ctrl_u_clears_the_line_being_typed_then_the_ones_before() {
    let mut m = with_type_along(HEREDOC);
    type_text(&mut m, "cat > f <<EOF");
    press(&mut m, Key::Enter);
    type_text(&mut m, "body");
    press(&mut m, Key::Ctrl('u'));
    assert_eq!(m.bash.input, "cat > f <<EOF\n");
    press(&mut m, Key::Ctrl('u'));
    assert_eq!(m.bash.input, "cat > f <<EOF", "back to the line before");
    press(&mut m, Key::Ctrl('u'));
    assert!(m.bash.input.is_empty());
}
