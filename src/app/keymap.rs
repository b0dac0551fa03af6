//! Keys and what they mean, as data.
//!
//! The runtime translates terminal events into our own [`Key`]; [`resolve`] looks the key up in
//! [`BINDINGS`] for the current [`KeyMode`], first match wins. The help overlay is generated
//! from the same table ([`help_rows`]), so it can never disagree with the keys.

use super::KeyMode::{
    self, Bash, Carrying, Narration, Order, Quiz, QuizDone, QuizIdle, QuizText, Task, TaskConfirm,
    TypeAlong,
};
use super::msg::{Action, Msg};
use super::overlay::OverlayKind;

const MATRIX: KeyMode = KeyMode::Overlay(OverlayKind::Matrix);
const GLOSSARY: KeyMode = KeyMode::Overlay(OverlayKind::Glossary);
const FAQ: KeyMode = KeyMode::Overlay(OverlayKind::Faq);
const HELP: KeyMode = KeyMode::Overlay(OverlayKind::Help);
const SEARCH: KeyMode = KeyMode::Overlay(OverlayKind::Search);
const ERRORS: KeyMode = KeyMode::Overlay(OverlayKind::Errors);
const FINISH: KeyMode = KeyMode::Overlay(OverlayKind::Finish);
const REVIEW: KeyMode = KeyMode::Overlay(OverlayKind::Review);
const ORIENTATION: KeyMode = KeyMode::Overlay(OverlayKind::Orientation);
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
    /// Any key at all does this (the first-run orientation: any key dismisses it). Rows
    /// before it still win, so quitting and help keep their keys.
    AnyKey(Action),
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

/// Step modes where no input line has the keyboard: letters are keys here.
const STEP: &[KeyMode] = &[
    Narration, Bash, Quiz, Order, Carrying, QuizIdle, QuizDone, Task,
];
const READ: &[KeyMode] = &[Narration, Bash, Task];
/// Reading modes: the arrows scroll the focused pane.
const SCROLLING: &[KeyMode] = &[Narration, Bash, QuizIdle, QuizDone, Task];
/// Modes where a line is being typed: every printable key is text.
const INPUT_STEP: &[KeyMode] = &[TypeAlong, QuizText];
const ALL_STEP: &[KeyMode] = &[
    Narration, Bash, Quiz, Order, Carrying, QuizIdle, QuizDone, TypeAlong, QuizText, Task,
];
/// Answering a quiz: Enter submits.
const ANSWERING: &[KeyMode] = &[Quiz, Order, Carrying, QuizText];
/// Quiz modes where → moves on (an unanswered quiz is skipped).
const QUIZ_NEXT: &[KeyMode] = &[Quiz, Order, QuizIdle, QuizDone];
const OVERLAYS: &[KeyMode] = &[
    MATRIX,
    GLOSSARY,
    FAQ,
    HELP,
    SEARCH,
    FINISH,
    REVIEW,
    ORIENTATION,
    TRUST,
    ERRORS,
];
const BROWSE: &[KeyMode] = &[
    Narration, Bash, Quiz, Order, Carrying, QuizIdle, QuizDone, Task, MATRIX, FAQ, HELP, FINISH,
    REVIEW, ERRORS,
];
const EVERYWHERE: &[KeyMode] = &[
    Narration,
    Bash,
    TypeAlong,
    Quiz,
    Order,
    Carrying,
    QuizText,
    QuizIdle,
    QuizDone,
    Task,
    TaskConfirm,
    MATRIX,
    GLOSSARY,
    FAQ,
    HELP,
    SEARCH,
    FINISH,
    REVIEW,
    ORIENTATION,
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
    // Reading on: the narration pages from every pane, also while typing (shown in the
    // footer when the narration has more below).
    bind(ALL_STEP, &[K::PageDown], A::PageDown, "page the narration down (from any pane)", Some("read on"), "Reading"),
    bind(ALL_STEP, &[K::PageUp], A::PageUp, "page the narration up", None, "Reading"),
    // Quiz first: Space and the arrows mean something else there.
    bind(&[Quiz, Order], &[K::Up, K::Char('k')], A::CursorUp, "previous choice", None, "Quiz"),
    bind(&[Quiz, Order], &[K::Down, K::Char('j')], A::CursorDown, "next choice", Some("choose"), "Quiz"),
    Binding { modes: &[Quiz], keys: &[K::Char('1'), K::Char('9')], does: Does::PickDigit,
              help: "pick choice 1 to 9", footer: None, section: "Quiz" },
    bind(&[Quiz], &[K::Char(' ')], A::Toggle, "select / toggle choice", Some("select"), "Quiz"),
    // Order quizzes: pick an item up, move it, put it down.
    bind(&[Order], &[K::Char(' ')], A::Toggle, "pick up the item under the cursor", Some("pick up"), "Order quiz"),
    bind(&[Carrying], &[K::Up, K::Char('k')], A::MoveItemUp, "move the item up", None, "Moving an item"),
    bind(&[Carrying], &[K::Down, K::Char('j')], A::MoveItemDown, "move the item down", Some("move down"), "Moving an item"),
    bind(&[Carrying], &[K::Char(' '), K::Esc], A::Toggle, "put the item down", Some("drop"), "Moving an item"),
    bind(&[Order, Carrying], &[K::ShiftUp, K::Char('K')], A::MoveItemUp, "move the item up without picking it up", None, "Order quiz"),
    bind(&[Order, Carrying], &[K::ShiftDown, K::Char('J')], A::MoveItemDown, "move the item down without picking it up", None, "Order quiz"),
    bind(ANSWERING, &[K::Enter], A::Submit, "submit the answer", Some("submit"), "Quiz"),
    bind(QUIZ_NEXT, &[K::Right, K::Char('l')], A::Next, "next step (an unanswered quiz is skipped)", Some("next"), "Quiz"),
    // Text quizzes and answered quizzes.
    bind(&[QuizIdle], &[K::Enter], A::Submit, "type the answer", Some("type"), "Text quiz"),
    bind(&[QuizDone], &[K::Enter], A::Next, "go on after a right answer", Some("next"), "Answered"),
    // Typing into inputs.
    bind(&[TypeAlong], &[K::Enter], A::Submit, "run the line", Some("run"), "Typing"),
    bind(&[TypeAlong], &[K::Right], A::Next, "with nothing typed: show the command instead", None, "Typing"),
    bind(&[TypeAlong, QuizText, GLOSSARY, SEARCH], &[K::Backspace], A::DeleteChar, "delete a character", None, "Typing"),
    bind(&[TypeAlong, QuizText, GLOSSARY, SEARCH], &[K::Ctrl('u')], A::ClearInput, "clear the line", None, "Typing"),
    bind(INPUT_STEP, &[K::Esc], A::Back, "stop typing", Some("stop typing"), "Typing"),
    bind(&[Bash], &[K::Enter], A::Focus, "type the command yourself", Some("type"), "Bash pane"),
    bind(&[Bash], &[K::Char('s')], A::SkipTypeAlong, "skip typing: show the command", None, "Bash pane"),
    // A hands-on task (no other row binds these keys in its modes).
    bind(&[Task], &[K::Char('e')], A::Edit, "edit the file in your editor ($VISUAL, $EDITOR)", Some("edit"), "Task"),
    bind(&[Task], &[K::Enter, K::Char('r')], A::RunChecks, "check now, running the command checks too", Some("check"), "Task"),
    bind(&[Task], &[K::Ctrl('r')], A::Reset, "reset the file to its starter (asks first)", Some("reset"), "Task"),
    bind(&[Task], &[K::F(2), K::Char('i')], A::Hint, "the next hint of a failing check", Some("hint"), "Task"),
    bind(&[TaskConfirm], &[K::Char('y')], A::Yes, "reset the file (the current one is kept as a backup)", Some("reset"), "Task"),
    bind(&[TaskConfirm], &[K::Char('n'), K::Esc], A::No, "keep the file", Some("cancel"), "Task"),
    // Hints: F2 everywhere, also while typing; i where nothing is being typed.
    bind(ALL_STEP, &[K::F(2)], A::Hint, "hint (after 3 misses: the answer)", Some("hint"), "Hints"),
    bind(STEP, &[K::Char('i')], A::Hint, "hint, where nothing is being typed", None, "Hints"),
    // Moving through the course.
    bind(READ, &[K::Right, K::Char('l'), K::Char(' ')], A::Next, "next: bash entry, then step", Some("next"), "Reading"),
    bind(STEP, &[K::Left, K::Char('h')], A::Prev, "previous step", Some("back"), "Reading"),
    bind(SCROLLING, &[K::Down, K::Char('j')], A::ScrollDown, "scroll down", Some("scroll"), "Reading"),
    bind(SCROLLING, &[K::Up, K::Char('k')], A::ScrollUp, "scroll up", None, "Reading"),
    bind(STEP, &[K::ShiftLeft, K::Char('<')], A::ScrollLeft, "scroll wide code / output left", None, "Reading"),
    bind(STEP, &[K::ShiftRight, K::Char('>')], A::ScrollRight, "scroll wide code / output right", Some("scroll right"), "Reading"),
    bind(&[TypeAlong], &[K::ShiftLeft], A::ScrollLeft, "scroll the transcript left", None, "Typing"),
    bind(&[TypeAlong], &[K::ShiftRight], A::ScrollRight, "scroll the transcript right", None, "Typing"),
    bind(STEP, &[K::Char('z')], A::Zoom, "zoom: the focused pane on the whole screen, and back", Some("zoom"), "Reading"),
    bind(STEP, &[K::Char('o')], A::ToggleReveal, "open / close the step's hidden blocks (▸)", Some("reveal"), "Reading"),
    bind(ALL_STEP, &[K::Tab, K::BackTab], A::FocusNext, "switch pane", Some("pane"), "Reading"),
    // The review (in the quiz pane): Esc ends it.
    bind(&[Narration, Bash, Quiz, Order, QuizIdle, QuizDone], &[K::Esc], A::Back, "end the review (during a review)", Some("end review"), "Review"),
    bind(&[MATRIX, FINISH, REVIEW], &[K::Char('R')], A::StartReview, "review the questions you missed", Some("review"), "Review"),
    // Screens.
    bind(&[MATRIX], &[K::Up, K::Char('k')], A::CursorUp, "node above", None, "Matrix"),
    bind(&[MATRIX], &[K::Down, K::Char('j')], A::CursorDown, "node below", Some("select"), "Matrix"),
    bind(&[MATRIX], &[K::Left, K::Char('h')], A::MatrixLeft, "node to the left", None, "Matrix"),
    bind(&[MATRIX], &[K::Right, K::Char('l')], A::MatrixRight, "node to the right", None, "Matrix"),
    bind(&[MATRIX, SEARCH], &[K::Enter], A::Open, "open the selection", Some("open"), "Matrix"),
    bind(&[GLOSSARY, FAQ, SEARCH], &[K::Up], A::CursorUp, "previous entry", None, "Lists"),
    bind(&[GLOSSARY, FAQ, SEARCH], &[K::Down], A::CursorDown, "next entry", Some("select"), "Lists"),
    // The help is text, not a list: the arrows scroll it (the footer says so).
    bind(&[HELP], &[K::Up], A::ScrollUp, "scroll this help up", None, "Help"),
    bind(&[HELP], &[K::Down], A::ScrollDown, "scroll this help down", Some("scroll"), "Help"),
    bind(&[FAQ, HELP, FINISH], &[K::Char('k')], A::ScrollUp, "scroll the answer / help up", None, "Lists"),
    bind(&[FAQ, HELP, FINISH], &[K::Char('j')], A::ScrollDown, "scroll the answer / help down", Some("scroll"), "Lists"),
    bind(&[FINISH], &[K::Up], A::ScrollUp, "scroll the results up", None, "Course complete"),
    bind(&[FINISH], &[K::Down], A::ScrollDown, "scroll the results down", None, "Course complete"),
    bind(&[FAQ, HELP, FINISH], &[K::PageDown], A::PageDown, "page the answer / help down", None, "Lists"),
    bind(&[FAQ, HELP, FINISH], &[K::PageUp], A::PageUp, "page the answer / help up", None, "Lists"),
    bind(&[FINISH, REVIEW], &[K::Enter], A::Submit, "close the results", None, "Course complete"),
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
    // Last: on the orientation, every other key dismisses it.
    Binding { modes: &[ORIENTATION], keys: &[], does: Does::AnyKey(A::Back),
              help: "close the orientation", footer: Some("to start"), section: "Screens" },
];

/// What `key` means in `mode`, or `None` when it means nothing there. In input modes an
/// unbound printable character is typed.
pub fn resolve(mode: KeyMode, key: Key) -> Option<Msg> {
    for binding in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        match binding.does {
            Does::Act(action) if binding.keys.contains(&key) => return Some(action.into()),
            Does::AnyKey(action) => return Some(action.into()),
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
        Does::AnyKey(_) => "any key".to_owned(),
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
            Does::AnyKey(_) => "any key".to_owned(),
            Does::Act(_) => binding.keys.first().map(|k| k.label()).unwrap_or_default(),
        };
        items.push((key, text));
    }
    items
}

#[cfg(test)]
mod tests;
