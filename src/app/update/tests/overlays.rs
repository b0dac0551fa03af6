//! `update` in the overlays modes.

use super::*;

#[test]
fn matrix_selects_opens_available_and_refuses_locked_nodes() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    press(&mut m, Key::Char('m'));
    assert_eq!(m.key_mode(), KeyMode::Overlay(OverlayKind::Matrix));
    press(&mut m, Key::Char('j'));
    press(&mut m, Key::Enter);
    assert!(
        m.notice
            .as_deref()
            .is_some_and(|n| n.contains("is locked: needs Basics"))
    );
    assert!(m.overlay.is_some());
    press(&mut m, Key::Char('l'));
    assert_eq!(
        m.overlay,
        Some(Overlay::Matrix(MatrixState::refusing(2))),
        "one level deeper"
    );
    press(&mut m, Key::Char('h'));
    press(&mut m, Key::Char('h'));
    assert_eq!(m.overlay, Some(Overlay::Matrix(MatrixState::refusing(0))));
    press(&mut m, Key::Esc);
    assert_eq!(m.overlay, None);
    assert_eq!(m.notice, None, "the locked notice leaves with the matrix");
    let mut m = model_at(&course, "a", "intro", true);
    press(&mut m, Key::Char('m'));
    update(&mut m, Msg::Select(2));
    let effects = press(&mut m, Key::Enter);
    assert_eq!(
        (m.node, m.step, saves(&effects)),
        (2, 0, 1),
        "practice opens everything"
    );
}

#[test]
fn glossary_filters_by_typing_and_bounds_the_selection() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    press(&mut m, Key::Char('g'));
    assert_eq!(m.key_mode(), KeyMode::Overlay(OverlayKind::Glossary));
    for _ in 0..5 {
        press(&mut m, Key::Down);
    }
    assert!(matches!(
        &m.overlay,
        Some(Overlay::Glossary(g)) if g.selected == 1 && g.matches.len() == 2
    ));
    type_text(&mut m, "base");
    assert!(matches!(
        &m.overlay,
        Some(Overlay::Glossary(g)) if g.filter == "base" && g.selected == 0 && g.matches == [1]
    ));
    press(&mut m, Key::Backspace);
    press(&mut m, Key::Esc);
    assert_eq!(m.overlay, None);
}

#[test]
fn overlay_keys_toggle_and_switch() {
    let course = course();
    let cases = [
        (Key::Char('f'), KeyMode::Overlay(OverlayKind::Faq)),
        (Key::Char('?'), KeyMode::Overlay(OverlayKind::Help)),
        (Key::Char('/'), KeyMode::Overlay(OverlayKind::Search)),
        (Key::Char('m'), KeyMode::Overlay(OverlayKind::Matrix)),
        (Key::Char('g'), KeyMode::Overlay(OverlayKind::Glossary)),
    ];
    for (key, mode) in cases {
        let mut m = model_at(&course, "a", "intro", false);
        press(&mut m, key);
        assert_eq!(m.key_mode(), mode, "{key:?}");
        if !mode.is_input() {
            press(&mut m, key);
            assert_eq!(m.overlay, None, "{key:?} closes again");
        }
    }
    let mut m = model_at(&course, "a", "intro", false);
    press(&mut m, Key::Char('?'));
    press(&mut m, Key::Char('m'));
    assert_eq!(m.key_mode(), KeyMode::Overlay(OverlayKind::Matrix));
}

#[test]
fn help_and_faq_selection_is_bounded() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    press(&mut m, Key::Char('f'));
    for _ in 0..3 {
        press(&mut m, Key::Char('j'));
    }
    assert_eq!(m.overlay, Some(Overlay::Faq(FaqState::default())));
    press(&mut m, Key::Char('?'));
    let overlay = Extent {
        content: 40,
        view: 15,
    };
    update(
        &mut m,
        Msg::Measured(Metrics {
            overlay,
            ..Metrics::default()
        }),
    );
    for _ in 0..500 {
        press(&mut m, Key::Down);
    }
    assert_eq!(m.overlay, Some(Overlay::Help(HelpState { scroll: 25 })));
    press(&mut m, Key::Up);
    assert_eq!(m.overlay, Some(Overlay::Help(HelpState { scroll: 24 })));
    press(&mut m, Key::PageUp);
    assert_eq!(m.overlay, Some(Overlay::Help(HelpState { scroll: 10 })));
}

#[test]
fn search_jumps_to_a_hit() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", true);
    press(&mut m, Key::Char('/'));
    type_text(&mut m, "RUN APP");
    let effects = press(&mut m, Key::Enter);
    assert_eq!((m.node, m.step, m.overlay.clone()), (0, 1, None));
    assert_eq!(saves(&effects), 1);
    assert_eq!(m.bash.revealed, 2, "the hit is shown in full");
}

#[test]
fn a_search_hit_in_a_locked_node_opens_the_matrix_on_it_instead() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    press(&mut m, Key::Char('/'));
    type_text(&mut m, "Only step");
    let effects = press(&mut m, Key::Enter);
    assert_eq!(
        (m.node, m.overlay.clone()),
        (0, Some(Overlay::Matrix(MatrixState::refusing(2))))
    );
    assert_eq!(saves(&effects), 0);
    assert_eq!(
        m.notice.as_deref(),
        Some("\"Secrets\" is locked: needs Basics, Layers")
    );
}

#[test]
fn ticker_scrolls_one_cycle_then_rests() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    let cycle = m.ticker_text().chars().count();
    assert_eq!(m.next_tick(), Some(crate::app::TICKS_PER_TICKER_CHAR));
    let mut ticks = 0;
    while let Some(n) = m.next_tick() {
        update(&mut m, Msg::Tick(n));
        ticks += n;
        assert!(ticks < 10_000, "the ticker never rests");
    }
    assert_eq!(
        m.ticker.offset, cycle,
        "one character per wake-up, one full cycle"
    );
    assert_eq!(
        ticks,
        u32::try_from(cycle).expect("short") * crate::app::TICKS_PER_TICKER_CHAR
    );
}

#[test]
fn a_locked_start_node_opens_the_matrix_on_it_with_what_it_needs() {
    let course = course();
    let mut m = model_at(&course, "c", "only", false);
    assert_eq!(m.overlay, Some(Overlay::Matrix(MatrixState::refusing(2))));
    assert_eq!(m.node, 0, "the step behind is the first open node");
    assert_eq!(
        m.notice.as_deref(),
        Some("\"Secrets\" is locked: needs Basics, Layers")
    );
    press(&mut m, Key::Char('g'));
    assert_eq!(m.notice, None, "gone with the matrix, to the glossary");
    let m = model_at(&course, "c", "only", true);
    assert_eq!((m.node, m.overlay, m.notice), (2, None, None), "practice");
    let m = model_at(&course, "a", "shell", false);
    assert_eq!((m.node, m.step, m.overlay), (0, 1, None), "an open node");
}

#[test]
fn faq_answers_scroll_within_the_measured_answer() {
    let course = course();
    let mut m = model_at(&course, "a", "intro", false);
    press(&mut m, Key::Char('f'));
    let overlay = Extent {
        content: 30,
        view: 10,
    };
    update(
        &mut m,
        Msg::Measured(Metrics {
            overlay,
            ..Metrics::default()
        }),
    );
    let faq = |scroll| {
        Some(Overlay::Faq(FaqState {
            selected: 0,
            scroll,
        }))
    };
    press(&mut m, Key::Char('j'));
    assert_eq!(m.overlay, faq(1));
    press(&mut m, Key::PageDown);
    assert_eq!(m.overlay, faq(10));
    for _ in 0..50 {
        press(&mut m, Key::Char('j'));
    }
    assert_eq!(m.overlay, faq(20), "bounded by the answer");
    let pane = m.focus;
    update(&mut m, Msg::Scroll { pane, down: false });
    assert_eq!(m.overlay, faq(17), "the wheel scrolls too");
    press(&mut m, Key::Char('k'));
    assert_eq!(m.overlay, faq(16));
    press(&mut m, Key::Down);
    assert_eq!(m.overlay, faq(0), "another question starts at its top");
}
