//! Tests of `keymap`.
use super::*;

#[test]
fn resolves_table_rows_by_mode() {
    let cases = [
        (Narration, K::Right, Some(Msg::Act(A::Next))),
        (Narration, K::Char(' '), Some(Msg::Act(A::Next))),
        (Quiz, K::Char(' '), Some(Msg::Act(A::Toggle))),
        (Quiz, K::Down, Some(Msg::Act(A::CursorDown))),
        (Narration, K::Down, Some(Msg::Act(A::ScrollDown))),
        (Quiz, K::Char('3'), Some(Msg::Pick(2))),
        (Narration, K::Char('3'), None),
        (TypeAlong, K::Char('q'), Some(Msg::Input('q'))),
        (
            TypeAlong,
            K::F(1),
            Some(Msg::Act(A::Show(OverlayKind::Help))),
        ),
        (QuizText, K::Char('?'), Some(Msg::Input('?'))),
        (SEARCH, K::Char('m'), Some(Msg::Input('m'))),
        (MATRIX, K::Enter, Some(Msg::Act(A::Open))),
        (HELP, K::Esc, Some(Msg::Act(A::Back))),
        (GLOSSARY, K::Ctrl('c'), Some(Msg::Act(A::Quit))),
        (Bash, K::Char('q'), Some(Msg::Act(A::Quit))),
        (Bash, K::Char('z'), Some(Msg::Act(A::Zoom))),
        (Quiz, K::Char('o'), Some(Msg::Act(A::ToggleReveal))),
        (Bash, K::Char('>'), Some(Msg::Act(A::ScrollRight))),
        (TypeAlong, K::Char('>'), Some(Msg::Input('>'))),
        (TypeAlong, K::Char('z'), Some(Msg::Input('z'))),
        (TypeAlong, K::ShiftLeft, Some(Msg::Act(A::ScrollLeft))),
    ];
    for (mode, key, want) in cases {
        assert_eq!(resolve(mode, key), want, "{mode:?} {key:?}");
    }
}

#[test]
fn every_mode_can_quit_and_get_help() {
    for mode in EVERYWHERE {
        assert_eq!(resolve(*mode, K::Ctrl('c')), Some(Msg::Act(A::Quit)));
        assert_eq!(
            resolve(*mode, K::F(1)),
            Some(Msg::Act(A::Show(OverlayKind::Help)))
        );
    }
}

#[test]
fn every_overlay_is_a_mode_of_the_keymap() {
    for kind in OverlayKind::ALL {
        let mode = KeyMode::Overlay(kind);
        assert!(
            EVERYWHERE.contains(&mode) && OVERLAYS.contains(&mode),
            "{kind}"
        );
        assert_eq!(
            resolve(mode, K::Esc),
            Some(Msg::Act(A::Back)),
            "{kind} closes"
        );
    }
}

#[test]
fn help_rows_come_from_the_table() {
    let rows = help_rows();
    assert!(
        rows.iter()
            .any(|(k, d, _)| k == "1-9" && d.contains("pick"))
    );
    assert!(
        rows.iter()
            .any(|(k, _, s)| k.contains("→") && s == "Reading")
    );
    assert!(rows.len() >= 20);
}

#[test]
fn help_gives_each_key_one_meaning_per_section() {
    let rows = help_rows();
    for (i, (keys, desc, section)) in rows.iter().enumerate() {
        for (other_keys, other_desc, _) in rows[i + 1..].iter().filter(|r| &r.2 == section) {
            let shared = keys
                .split(' ')
                .find(|k| other_keys.split(' ').any(|o| o == *k));
            assert_eq!(
                shared, None,
                "{section}: `{keys}` {desc} vs `{other_keys}` {other_desc}"
            );
        }
    }
}

#[test]
fn footers_name_the_keys_that_matter() {
    let step = footer_items(Narration);
    assert!(step.iter().any(|(k, t)| k == "→" && *t == "next"));
    assert!(step.iter().any(|(k, t)| k == "q" && *t == "quit"));
    let typing = footer_items(TypeAlong);
    assert!(typing.iter().any(|(k, _)| k == "Enter"));
    assert!(!typing.iter().any(|(k, _)| k == "q"));
}
