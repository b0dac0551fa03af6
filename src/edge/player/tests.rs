//! The frame pipeline, and mouse hit-testing on the overlays against what the screen draws.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Player;
use crate::app::msg::{Action, Msg, SharedCourse};
use crate::app::overlay::{
    FaqState, GlossaryState, MatrixState, Overlay, OverlayKind, SearchState,
};
use crate::app::test_course::course;
use crate::app::{Model, Options};
use crate::core::progress::Progress;
use crate::view::colours::Colouring;
use crate::view::highlight::{Budget, colour};
use crate::view::screen::Screen;
use crate::view::text::to_plain;
use crate::view::theme::Theme;

fn player(options: &Options, screen: Screen) -> Player {
    Player::new(Model::new(course(), Progress::new("t"), options), screen)
}

fn drawn(player: &mut Player, area: Rect) -> Buffer {
    let mut buf = Buffer::empty(area);
    player.frame(area, &mut buf);
    buf
}

/// The cell where `word` starts on screen (ASCII screens: one cell per character).
fn find(buf: &Buffer, word: &str) -> (u16, u16) {
    let width = usize::from(buf.area.width);
    for (y, row) in buf.content.chunks(width).enumerate() {
        let text: String = row
            .iter()
            .map(|c| c.symbol().chars().next().unwrap_or(' '))
            .collect();
        if let Some(x) = text.find(word) {
            let at = |n: usize| u16::try_from(n).expect("fits");
            return (at(text[..x].chars().count()), at(y));
        }
    }
    panic!("{word:?} is not on screen");
}

#[test]
fn a_frame_tells_the_model_its_size_and_measurements() {
    let mut p = player(&Options::default(), Screen::new(Theme::no_color(), false));
    let area = Rect::new(0, 0, 100, 30);
    let buf = drawn(&mut p, area);
    assert_eq!(p.model().size, (100, 30));
    assert!(p.model().metrics.narration.view > 0);
    assert!(to_plain(&buf).contains("Boot sequence"));
    assert!(p.take_effects().is_empty());
}

#[test]
fn clicks_on_overlay_rows_select_and_a_second_click_opens_a_matrix_node() {
    let options = Options {
        practice: true,
        ..Options::default()
    };
    let mut p = player(&options, Screen::new(Theme::no_color(), true));
    let area = Rect::new(0, 0, 120, 40);
    let glossary = GlossaryState::filtered(&p.model().course().glossary, "");
    let search = SearchState::for_query(p.model().course(), "docker run");
    for (overlay, word, want) in [
        (
            Overlay::Matrix(MatrixState::at(0)),
            "Layers",
            Msg::Select(1),
        ),
        (
            Overlay::Matrix(MatrixState::at(1)),
            "Layers",
            Msg::Act(Action::Open),
        ),
        (Overlay::Glossary(glossary), "FROM", Msg::Select(1)),
        (Overlay::Faq(FaqState::default()), "Why?", Msg::Select(0)),
        (
            Overlay::Search(search),
            "Basics › 2",
            Msg::Act(Action::Open),
        ),
    ] {
        p.model.overlay = Some(overlay.clone());
        let buf = drawn(&mut p, area);
        let (x, y) = find(&buf, word);
        assert_eq!(
            p.screen().click(p.model(), area, x + 1, y),
            Some(want),
            "{overlay:?}"
        );
    }
    p.model.overlay = Some(Overlay::Matrix(MatrixState::at(0)));
    let _ = drawn(&mut p, area);
    assert_eq!(
        p.screen().click(p.model(), area, 0, 0),
        None,
        "off every node"
    );
}

#[test]
fn overlay_markdown_is_laid_out_once_per_entry_and_width() {
    let mut p = player(&Options::default(), Screen::new(Theme::no_color(), false));
    let area = Rect::new(0, 0, 120, 40);
    let mut glossary = GlossaryState::filtered(&p.model().course().glossary, "");
    glossary.selected = 1;
    p.model.overlay = Some(Overlay::Glossary(glossary));
    let _ = drawn(&mut p, area);
    let (key, lines) = p.screen().overlay_text();
    assert_eq!(
        key.map(|k| (k.kind, k.entry)),
        Some((OverlayKind::Glossary, 1))
    );
    let first = lines.as_ptr();
    let _ = drawn(&mut p, area);
    assert_eq!(
        p.screen().overlay_text().1.as_ptr(),
        first,
        "reused, not rebuilt"
    );
    let _ = drawn(&mut p, Rect::new(0, 0, 70, 30));
    assert_ne!(
        p.screen().overlay_text().0,
        key,
        "another width lays out again"
    );
    p.model.overlay = Some(Overlay::Faq(FaqState::default()));
    let buf = drawn(&mut p, area);
    assert_eq!(
        p.screen().overlay_text().0.map(|k| (k.kind, k.entry)),
        Some((OverlayKind::Faq, 0))
    );
    assert!(to_plain(&buf).contains("Because."));
    p.model.overlay = None;
    let _ = drawn(&mut p, area);
    let (key, lines) = p.screen().overlay_text();
    assert!(key.is_none() && lines.is_empty());
}

#[test]
fn deferred_code_is_drawn_at_once_and_repainted_in_place_when_colour_arrives() {
    let theme = Theme::dark();
    let screen = Screen::with_colouring(theme.clone(), false, Colouring::Deferred);
    let mut with_code = (*course()).clone();
    with_code.nodes[0].steps[0].body =
        Some("Run:\n\n```dockerfile\nFROM python:3.12\n```\n".into());
    let model = Model::new(Arc::new(with_code), Progress::new("t"), &Options::default());
    let mut p = Player::new(model, screen);
    let area = Rect::new(0, 0, 100, 30);
    let before = drawn(&mut p, area);
    let wanted = p.take_wanted();
    assert_eq!(wanted.len(), 1, "the step's one code block is asked for");
    assert!(p.take_wanted().is_empty());
    let lines = colour(&wanted[0], &theme, Budget::PLAYER).expect("coloured");
    assert!(p.coloured(crate::view::highlight::Coloured {
        block: wanted[0].clone(),
        lines: Some(lines.into()),
    }));
    let after = drawn(&mut p, area);
    assert_eq!(
        to_plain(&before),
        to_plain(&after),
        "the same text in the same cells"
    );
    assert_ne!(before, after, "but in colour");
    assert!(p.take_wanted().is_empty(), "nothing more to colour");
}

#[test]
fn a_reloaded_course_replaces_the_old_one_and_the_screen_follows() {
    let mut p = player(&Options::default(), Screen::new(Theme::no_color(), false));
    let area = Rect::new(0, 0, 100, 30);
    let _ = drawn(&mut p, area);
    let mut changed = (*course()).clone();
    changed.nodes[0].steps[0].sys_msg = Some("Rebooted".into());
    let effects = p.dispatch(Msg::CourseLoaded(SharedCourse(Arc::new(changed))));
    assert_eq!(effects.len(), 1, "the position is recorded again");
    assert_eq!(p.model().revision, 1);
    let text = to_plain(&drawn(&mut p, area));
    assert!(
        text.contains("Rebooted") && !text.contains("Boot sequence"),
        "{text}"
    );
}

/// On a small terminal the quiz pane keeps the choice under the cursor in view, and after an
/// answer scrolls to its verdict (issue 12).
#[test]
fn a_small_terminal_keeps_the_cursor_and_then_the_verdict_in_view() {
    use crate::core::course::{Choice, NodeId, QuizKind, StepId};
    let mut course = (*course()).clone();
    let quiz = course.nodes[1].steps[0].quiz.as_mut().expect("multi quiz");
    quiz.question = "Which of these belong in a .dockerignore file, and why?".into();
    quiz.kind = QuizKind::Multi {
        choices: (0..8)
            .map(|i| Choice {
                text: format!("choice number {i} with a longer text"),
                correct: i % 2 == 0,
                why: Some(format!("because of reason {i}")),
            })
            .collect(),
    };
    let options = Options {
        practice: true,
        node: Some(NodeId::new("b")),
        step: Some(StepId::new("multi")),
        ..Options::default()
    };
    let model = Model::new(Arc::new(course), Progress::new("t"), &options);
    let mut p = Player::new(model, Screen::new(Theme::no_color(), false));
    let area = Rect::new(0, 0, 50, 14);
    let screen = to_plain(&drawn(&mut p, area));
    assert!(
        !screen.contains("choice number 7"),
        "too small for all:\n{screen}"
    );
    for _ in 0..7 {
        drop(p.dispatch(Msg::Act(Action::CursorDown)));
        drawn(&mut p, area);
    }
    let screen = to_plain(&drawn(&mut p, area));
    assert!(
        screen.contains("❯ 8 [ ] choice number"),
        "the cursor's choice is in view:\n{screen}"
    );
    drop(p.dispatch(Msg::Act(Action::Toggle)));
    drop(p.dispatch(Msg::Act(Action::Submit)));
    drawn(&mut p, area);
    let screen = to_plain(&drawn(&mut p, area));
    assert!(
        screen.contains("Not quite"),
        "the verdict is in view:\n{screen}"
    );
}
