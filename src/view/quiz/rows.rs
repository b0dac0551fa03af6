//! The quiz pane's rows for choices and `order` items: markers, the cursor, a picked-up item,
//! the `why` of answered choices, and which row belongs to which choice (for clicks and for
//! keeping the cursor in view).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Look;
use crate::app::quiz::QuizState;
use crate::core::course::Choice;
use crate::view::prepared::QuizText;

/// Lines from `from` on belong to choice `i`.
fn own(owners: &mut Vec<Option<usize>>, from: usize, to: usize, i: usize) {
    owners.resize(from, None);
    owners.resize(to, Some(i));
}

pub(super) fn choice_lines(
    lines: &mut Vec<Line<'static>>,
    choices: &[Choice],
    multi: bool,
    state: &QuizState,
    text: &QuizText,
    look: &Look,
) -> Vec<Option<usize>> {
    let mut owners = Vec::new();
    let theme = look.theme;
    let answered = state.feedback.is_some();
    let right = state.is_right();
    for row in 0..choices.len() {
        let i = state.author_index(row);
        let Some(choice) = choices.get(i) else {
            continue;
        };
        let picked = state.picked.contains(&i);
        let marker = mark(multi, picked, look.ascii);
        let pointer = if row == state.cursor {
            pointer(look.ascii)
        } else {
            "  "
        };
        let verdict = match (answered, picked || right) {
            (true, true) if choice.correct => ok(look.ascii),
            (true, true) => bad(look.ascii),
            _ => " ",
        };
        let row_style = if row == state.cursor {
            theme.selection
        } else {
            Style::new()
        };
        let head = format!("{pointer}{} {marker} ", row + 1);
        let body = text.options.get(i).cloned().unwrap_or_default();
        let from = lines.len();
        push_indented(lines, &head, &body, row_style, theme.text);
        let why = text.whys.get(i).filter(|w| !w.is_empty());
        if let (true, Some(why)) = (answered && (picked || right), why) {
            let style = if choice.correct && (picked || right) {
                theme.success
            } else {
                theme.dim
            };
            push_indented(
                lines,
                &format!("     {verdict}  "),
                why,
                Style::new(),
                style,
            );
        }
        own(&mut owners, from, lines.len(), row);
    }
    owners
}

pub(super) fn order_lines(
    lines: &mut Vec<Line<'static>>,
    state: &QuizState,
    text: &QuizText,
    look: &Look,
) -> Vec<Option<usize>> {
    let mut owners = Vec::new();
    for (pos, item) in state.order.iter().enumerate() {
        let here = pos == state.cursor;
        let pointer = match (here, state.carrying, look.ascii) {
            (true, true, false) => "⇅ ",
            (true, true, true) => "= ",
            (true, false, _) => pointer(look.ascii),
            (false, _, _) => "  ",
        };
        let style = match (here, state.carrying) {
            (true, true) => look.theme.selection.patch(look.theme.strong),
            (true, false) => look.theme.selection,
            (false, _) => Style::new(),
        };
        let body = text.options.get(*item).cloned().unwrap_or_default();
        let from = lines.len();
        push_indented(
            lines,
            &format!("{pointer}{}.  ", pos + 1),
            &body,
            style,
            look.theme.text,
        );
        own(&mut owners, from, lines.len(), pos);
    }
    owners
}

/// `head` in front of the first line of `body`, spaces of the same width in front of the rest.
pub(super) fn push_indented(
    lines: &mut Vec<Line<'static>>,
    head: &str,
    body: &[Line<'static>],
    head_style: Style,
    body_style: Style,
) {
    let pad = " ".repeat(unicode_width::UnicodeWidthStr::width(head));
    for (n, line) in body.iter().enumerate() {
        let lead = if n == 0 { head.to_owned() } else { pad.clone() };
        let mut spans = vec![Span::styled(lead, head_style)];
        spans.extend(line.spans.iter().map(|s| s.clone().patch_style(body_style)));
        lines.push(Line::from(spans));
    }
    if body.is_empty() {
        lines.push(Line::styled(head.to_owned(), head_style));
    }
}

fn mark(multi: bool, picked: bool, ascii: bool) -> &'static str {
    match (multi, picked, ascii) {
        (false, true, false) => "(•)",
        (false, true, true) => "(*)",
        (false, false, _) => "( )",
        (true, true, _) => "[x]",
        (true, false, _) => "[ ]",
    }
}

fn pointer(ascii: bool) -> &'static str {
    if ascii { "> " } else { "❯ " }
}

fn ok(ascii: bool) -> &'static str {
    if ascii { "+" } else { "✓" }
}

fn bad(ascii: bool) -> &'static str {
    if ascii { "x" } else { "✗" }
}
