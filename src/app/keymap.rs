//! Keys and what they mean, as data.
//!
//! The runtime translates terminal events into our own [`Key`]; [`resolve`] looks the key up in
//! [`BINDINGS`] for the current [`KeyMode`], first match wins. The help overlay is generated
//! from the same table ([`help_rows`]), so it can never disagree with the keys.

use super::KeyMode::{self, Bash, Narration, Quiz, QuizText, Task, TaskConfirm, TypeAlong};
use super::msg::{Action, Msg};
use super::overlay::OverlayKind;

const MATRIX: KeyMode = KeyMode::Overlay(OverlayKind::Matrix);
const GLOSSARY: KeyMode = KeyMode::Overlay(OverlayKind::Glossary);
const FAQ: KeyMode = KeyMode::Overlay(OverlayKind::Faq);
const HELP: KeyMode = KeyMode::Overlay(OverlayKind::Help);
const SEARCH: KeyMode = KeyMode::Overlay(OverlayKind::Search);
const ERRORS: KeyMode = KeyMode::Overlay(OverlayKind::Errors);
const TRUST: KeyMode = KeyMode::Overlay(OverlayKind::Trust);

/// A key press, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    ShiftUp,
    ShiftDown,
    ShiftLeft,
    ShiftRight,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

impl Key {
    /// How the key is written in the footer and the help overlay.
    pub fn label(self) -> String {
        match self {
            Self::Char(' ') => "Space".into(),
            Self::Char(c) => c.to_string(),
            Self::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Self::Enter => "Enter".into(),
            Self::Esc => "Esc".into(),
            Self::Backspace => "Bksp".into(),
            Self::Tab => "Tab".into(),
            Self::BackTab => "S-Tab".into(),
            Self::Up => "↑".into(),
            Self::Down => "↓".into(),
            Self::Left => "←".into(),
            Self::Right => "→".into(),
            Self::ShiftUp => "S-↑".into(),
            Self::ShiftDown => "S-↓".into(),
            Self::ShiftLeft => "S-←".into(),
            Self::ShiftRight => "S-→".into(),
            Self::PageUp => "PgUp".into(),
            Self::PageDown => "PgDn".into(),
            Self::Home => "Home".into(),
            Self::End => "End".into(),
            Self::F(n) => format!("F{n}"),
        }
    }
}

/// What a binding does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    /// A digit key picks choice `digit - 1`.
    PickDigit,
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub modes: &'static [KeyMode],
    pub keys: &'static [Key],
    pub does: Does,
    /// Shown in the help overlay (and the footer when `footer` is set).
    pub help: &'static str,
    /// A short form for the footer, or `None` to keep the binding out of the footer.
    pub footer: Option<&'static str>,
    /// Help section title.
    pub section: &'static str,
}

const STEP: &[KeyMode] = &[Narration, Bash, Quiz, Task];
const READ: &[KeyMode] = &[Narration, Bash, Task];
const INPUT_STEP: &[KeyMode] = &[TypeAlong, QuizText];
const ALL_STEP: &[KeyMode] = &[Narration, Bash, Quiz, TypeAlong, QuizText, Task];
const OVERLAYS: &[KeyMode] = &[MATRIX, GLOSSARY, FAQ, HELP, SEARCH, TRUST, ERRORS];
const BROWSE: &[KeyMode] = &[Narration, Bash, Quiz, Task, MATRIX, FAQ, HELP, ERRORS];
const EVERYWHERE: &[KeyMode] = &[
    Narration,
    Bash,
    TypeAlong,
    Quiz,
    QuizText,
    Task,
    TaskConfirm,
    MATRIX,
    GLOSSARY,
    FAQ,
    HELP,
    SEARCH,
    TRUST,
    ERRORS,
];

const fn bind(
    modes: &'static [KeyMode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
    section: &'static str,
) -> Binding {
    Binding {
        modes,
        keys,
        does: Does::Act(action),
        help,
        footer,
        section,
    }
}

use Action as A;
use Key as K;

/// The default keymap. Order matters: the first binding for a (mode, key) wins, so
/// mode-specific rows come before general ones.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Quiz first: Space and the arrows mean something else there.
    bind(&[Quiz], &[K::Up, K::Char('k')], A::CursorUp, "previous choice", None, "Quiz"),
    bind(&[Quiz], &[K::Down, K::Char('j')], A::CursorDown, "next choice", Some("choose"), "Quiz"),
    Binding { modes: &[Quiz], keys: &[K::Char('1'), K::Char('9')], does: Does::PickDigit,
              help: "pick choice 1 to 9", footer: None, section: "Quiz" },
    bind(&[Quiz], &[K::Char(' ')], A::Toggle, "select / toggle choice", Some("select"), "Quiz"),
    bind(&[Quiz, QuizText], &[K::Enter], A::Submit, "submit answer", Some("submit"), "Quiz"),
    bind(&[Quiz], &[K::Char('i')], A::Hint, "reveal the next hint", Some("hint"), "Quiz"),
    bind(&[QuizText, TypeAlong], &[K::F(2)], A::Hint, "hint (offers the answer after 3 misses)", Some("hint"), "Typing"),
    bind(&[Quiz], &[K::ShiftUp, K::Char('K')], A::MoveItemUp, "move item up (order)", None, "Quiz"),
    bind(&[Quiz], &[K::ShiftDown, K::Char('J')], A::MoveItemDown, "move item down (order)", None, "Quiz"),
    // Typing into inputs.
    bind(&[TypeAlong], &[K::Enter], A::Submit, "run the line", Some("run"), "Typing"),
    bind(&[TypeAlong, QuizText, GLOSSARY, SEARCH], &[K::Backspace], A::DeleteChar, "delete a character", None, "Typing"),
    bind(&[TypeAlong, QuizText, GLOSSARY, SEARCH], &[K::Ctrl('u')], A::ClearInput, "clear the line", None, "Typing"),
    bind(INPUT_STEP, &[K::Esc], A::Back, "stop typing", Some("stop typing"), "Typing"),
    bind(&[Bash], &[K::Enter, K::Char('i')], A::Focus, "type the command yourself", Some("type"), "Bash pane"),
    bind(&[Bash], &[K::Char('s')], A::SkipTypeAlong, "skip typing: show the command", None, "Bash pane"),
    // A hands-on task (no other row binds these keys in its modes).
    bind(&[Task], &[K::Char('e')], A::Edit, "edit the file in your editor ($VISUAL, $EDITOR)", Some("edit"), "Task"),
    bind(&[Task], &[K::Enter, K::Char('r')], A::RunChecks, "check now, running the command checks too", Some("check"), "Task"),
    bind(&[Task], &[K::Ctrl('r')], A::Reset, "reset the file to its starter (asks first)", Some("reset"), "Task"),
    bind(&[Task], &[K::F(2), K::Char('i')], A::Hint, "the next hint of a failing check", Some("hint"), "Task"),
    bind(&[TaskConfirm], &[K::Char('y')], A::Yes, "reset the file (the current one is kept as a backup)", Some("reset"), "Task"),
    bind(&[TaskConfirm], &[K::Char('n'), K::Esc], A::No, "keep the file", Some("cancel"), "Task"),
    // Moving through the course.
    bind(READ, &[K::Right, K::Char('l'), K::Char(' ')], A::Next, "next: bash entry, then step", Some("next"), "Reading"),
    // In a quiz Space selects, so only → and l move on; listed with the quiz keys.
    bind(&[Quiz], &[K::Right, K::Char('l')], A::Next, "next step", Some("next"), "Quiz"),
    bind(STEP, &[K::Left, K::Char('h')], A::Prev, "previous step", Some("back"), "Reading"),
    bind(READ, &[K::Down, K::Char('j')], A::ScrollDown, "scroll down", Some("scroll"), "Reading"),
    bind(READ, &[K::Up, K::Char('k')], A::ScrollUp, "scroll up", None, "Reading"),
    bind(ALL_STEP, &[K::PageDown], A::PageDown, "page down", None, "Reading"),
    bind(ALL_STEP, &[K::PageUp], A::PageUp, "page up", None, "Reading"),
    bind(STEP, &[K::ShiftLeft, K::Char('<')], A::ScrollLeft, "scroll code left", None, "Reading"),
    bind(STEP, &[K::ShiftRight, K::Char('>')], A::ScrollRight, "scroll code right", None, "Reading"),
    bind(ALL_STEP, &[K::Tab, K::BackTab], A::FocusNext, "switch pane", Some("pane"), "Reading"),
    // Screens.
    bind(&[MATRIX], &[K::Up, K::Char('k')], A::CursorUp, "previous node", None, "Matrix"),
    bind(&[MATRIX], &[K::Down, K::Char('j')], A::CursorDown, "next node", Some("select"), "Matrix"),
    bind(&[MATRIX], &[K::Left, K::Char('h')], A::MatrixLeft, "node one level up", None, "Matrix"),
    bind(&[MATRIX], &[K::Right, K::Char('l')], A::MatrixRight, "node one level down", None, "Matrix"),
    bind(&[MATRIX, SEARCH], &[K::Enter], A::Open, "open the selection", Some("open"), "Matrix"),
    bind(&[GLOSSARY, FAQ, HELP, SEARCH], &[K::Up], A::CursorUp, "previous entry", None, "Lists"),
    bind(&[GLOSSARY, FAQ, HELP, SEARCH], &[K::Down], A::CursorDown, "next entry", Some("select"), "Lists"),
    bind(&[FAQ, HELP], &[K::Char('k')], A::ScrollUp, "scroll the answer / help up", None, "Lists"),
    bind(&[FAQ, HELP], &[K::Char('j')], A::ScrollDown, "scroll the answer / help down", Some("scroll"), "Lists"),
    bind(&[FAQ, HELP], &[K::PageDown], A::PageDown, "page the answer / help down", None, "Lists"),
    bind(&[FAQ, HELP], &[K::PageUp], A::PageUp, "page the answer / help up", None, "Lists"),
    bind(&[ERRORS], &[K::Down, K::Char('j')], A::ScrollDown, "scroll the errors down", Some("scroll"), "Watching"),
    bind(&[ERRORS], &[K::Up, K::Char('k')], A::ScrollUp, "scroll the errors up", None, "Watching"),
    bind(&[ERRORS], &[K::PageDown], A::PageDown, "page the errors down", None, "Watching"),
    bind(&[ERRORS], &[K::PageUp], A::PageUp, "page the errors up", None, "Watching"),
    bind(OVERLAYS, &[K::Esc], A::Back, "close", Some("close"), "Lists"),
    // The trust prompt.
    bind(&[TRUST], &[K::Char('y')], A::Yes, "allow the course's commands", Some("allow"), "Trust prompt"),
    bind(&[TRUST], &[K::Char('n')], A::No, "deny them (their checks show as not run)", Some("deny"), "Trust prompt"),
    bind(&[TRUST], &[K::Up, K::Char('k')], A::ScrollUp, "scroll the commands up", None, "Trust prompt"),
    bind(&[TRUST], &[K::Down, K::Char('j')], A::ScrollDown, "scroll the commands down", Some("scroll"), "Trust prompt"),
    bind(&[TRUST], &[K::PageUp], A::PageUp, "page the commands up", None, "Trust prompt"),
    bind(&[TRUST], &[K::PageDown], A::PageDown, "page the commands down", None, "Trust prompt"),
    bind(BROWSE, &[K::Char('m')], A::Show(OverlayKind::Matrix), "Deployment Matrix", Some("matrix"), "Screens"),
    bind(BROWSE, &[K::Char('g')], A::Show(OverlayKind::Glossary), "glossary (type to filter)", Some("glossary"), "Screens"),
    bind(BROWSE, &[K::Char('f')], A::Show(OverlayKind::Faq), "FAQ", None, "Screens"),
    bind(BROWSE, &[K::Char('/')], A::Show(OverlayKind::Search), "search every step", Some("search"), "Screens"),
    bind(BROWSE, &[K::Char('?')], A::Show(OverlayKind::Help), "this help", Some("help"), "Screens"),
    bind(BROWSE, &[K::Char('!')], A::Show(OverlayKind::Errors), "why the course being watched does not load (play --watch)", None, "Watching"),
    bind(EVERYWHERE, &[K::F(1)], A::Show(OverlayKind::Help), "help, also while typing", None, "Screens"),
    bind(BROWSE, &[K::Char('q')], A::Quit, "quit (progress is kept)", Some("quit"), "Screens"),
    bind(EVERYWHERE, &[K::Ctrl('c')], A::Quit, "quit", None, "Screens"),
    bind(EVERYWHERE, &[K::Ctrl('z')], A::Suspend, "suspend (resume with fg)", None, "Screens"),
];

/// What `key` means in `mode`, or `None` when it means nothing there. In input modes an
/// unbound printable character is typed.
pub fn resolve(mode: KeyMode, key: Key) -> Option<Msg> {
    for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        match binding.does {
            Does::Act(action) if binding.keys.contains(&key) => return Some(action.into()),
            Does::PickDigit => {
                if let Key::Char(c @ '1'..='9') = key {
                    let digit = c.to_digit(10).unwrap_or(1) as usize;
                    return Some(Msg::Pick(digit - 1));
                }
            }
            Does::Act(_) => {}
        }
    }
    match key {
        Key::Char(c) if mode.is_input() && !c.is_control() => Some(Msg::Input(c)),
        _ => None,
    }
}

fn keys_label(binding: &Binding) -> String {
    match binding.does {
        Does::PickDigit => "1-9".to_owned(),
        Does::Act(_) => binding
            .keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Rows for the help overlay: `(keys, description, section)`, in table order, one per binding,
/// with repeated rows (same keys and description in another mode group) dropped.
pub fn help_rows() -> Vec<(String, String, String)> {
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for binding in BINDINGS {
        let row = (
            keys_label(binding),
            binding.help.to_owned(),
            binding.section.to_owned(),
        );
        if !rows.iter().any(|r| r.0 == row.0 && r.1 == row.1) {
            rows.push(row);
        }
    }
    rows
}

/// The footer for `mode`: `(first key, short description)` for the bindings marked for the
/// footer, without repeats.
pub fn footer_items(mode: KeyMode) -> Vec<(String, &'static str)> {
    let mut items: Vec<(String, &'static str)> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        let Some(text) = binding.footer else { continue };
        if items.iter().any(|(_, t)| *t == text) {
            continue;
        }
        let key = match binding.does {
            Does::PickDigit => "1-9".to_owned(),
            Does::Act(_) => binding.keys.first().map(|k| k.label()).unwrap_or_default(),
        };
        items.push((key, text));
    }
    items
}

#[cfg(test)]
mod tests {
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
}
