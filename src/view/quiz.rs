//! The quiz pane ("System Verification"): question, choices (or items, or a text field), and
//! after an answer the verdict, the `why` of the choices picked (of every choice once the answer
//! is right, so a wrong answer does not give the right one away), the explanation, hints and
//! unlocks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::quiz::QuizState;
use crate::app::{Extent, Focus, Model};
use crate::core::course::{Choice, Quiz, QuizKind};
use crate::core::quiz::Grade;
use crate::view::narration::scroll_hint;
use crate::view::pane;
use crate::view::prepared::QuizText;
use crate::view::theme::Theme;

/// Drawing inputs that do not come from the model.
pub struct Look<'a> {
    pub theme: &'a Theme,
    pub ascii: bool,
}

pub fn render(model: &Model, text: &QuizText, look: &Look, area: Rect, buf: &mut Buffer) {
    let Some(quiz) = model.quiz_ref() else { return };
    let theme = look.theme;
    let focused = model.focus == Focus::Quiz && model.overlay.is_none();
    let inner = pane::inner(area);
    let (lines, _) = content(model, quiz, text, look);
    let top = usize::from(model.scroll.quiz);
    let rows = usize::from(inner.height);
    let title = Line::from(vec![
        Span::styled(" SYSTEM VERIFICATION ", theme.title),
        Span::styled(format!("{} ", quiz.kind.name()), theme.dim),
        Span::styled(
            scroll_hint(top, lines.len() > top + rows, look.ascii),
            theme.dim,
        ),
    ]);
    pane::block(title, theme, focused, look.ascii).render(area, buf);
    let window: Vec<Line> = lines.into_iter().skip(top).take(rows).collect();
    pane::put_lines(&window, inner, buf);
}

pub fn measure(model: &Model, text: &QuizText, look: &Look, area: Rect) -> Extent {
    let Some(quiz) = model.quiz_ref() else {
        return Extent::default();
    };
    let inner = pane::inner(area);
    let rows = content(model, quiz, text, look).0.len();
    Extent {
        content: u16::try_from(rows).unwrap_or(u16::MAX),
        view: inner.height,
    }
}

/// The pane's lines, and for each line the choice (or `order` position) it belongs to.
fn content(
    model: &Model,
    quiz: &Quiz,
    text: &QuizText,
    look: &Look,
) -> (Vec<Line<'static>>, Vec<Option<usize>>) {
    let state = &model.quiz;
    let theme = look.theme;
    let mut lines = text.question.clone();
    lines.push(Line::default());
    let mut owners = Vec::new();
    match &quiz.kind {
        QuizKind::Single { choices } | QuizKind::Multi { choices } => {
            let multi = matches!(quiz.kind, QuizKind::Multi { .. });
            owners = choice_lines(&mut lines, choices, multi, state, text, look);
        }
        QuizKind::Order { .. } => owners = order_lines(&mut lines, state, text, look),
        QuizKind::Text { .. } => {
            let mut spans = vec![
                Span::styled("answer › ", theme.prompt),
                Span::styled(state.text.clone(), theme.input),
            ];
            if model.typing {
                spans.push(Span::styled(" ", theme.selection));
            } else if state.text.is_empty() && !state.is_right() {
                spans.push(Span::styled("(Enter to type)", theme.dim));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::default());
    for (i, hint) in text.hints.iter().take(state.hints_shown).enumerate() {
        let mut first = true;
        for line in hint {
            let label = if first {
                format!("hint {}: ", i + 1)
            } else {
                "  ".into()
            };
            first = false;
            let mut spans = vec![Span::styled(label, theme.warning)];
            spans.extend(line.spans.iter().cloned());
            lines.push(Line::from(spans));
        }
    }
    verdict_lines(&mut lines, model, text, theme);
    owners.resize(lines.len(), None);
    (lines, owners)
}

/// The choice (or `order` position) drawn at row `row` of the quiz pane in `area`, if any.
pub fn choice_at(
    model: &Model,
    text: &QuizText,
    look: &Look,
    area: Rect,
    row: u16,
) -> Option<usize> {
    let quiz = model.quiz_ref()?;
    let inner = pane::inner(area);
    let offset = usize::from(row.checked_sub(inner.y)?) + usize::from(model.scroll.quiz);
    (row < inner.bottom()).then_some(())?;
    let (_, owners) = content(model, quiz, text, look);
    owners.get(offset).copied().flatten()
}

/// Lines from `from` on belong to choice `i`.
fn own(owners: &mut Vec<Option<usize>>, from: usize, to: usize, i: usize) {
    owners.resize(from, None);
    owners.resize(to, Some(i));
}

fn choice_lines(
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
    for (i, choice) in choices.iter().enumerate() {
        let picked = state.picked.contains(&i);
        let marker = mark(multi, picked, look.ascii);
        let pointer = if i == state.cursor {
            pointer(look.ascii)
        } else {
            "  "
        };
        let verdict = match (answered, picked || right) {
            (true, true) if choice.correct => ok(look.ascii),
            (true, true) => bad(look.ascii),
            _ => " ",
        };
        let row_style = if i == state.cursor {
            theme.selection
        } else {
            Style::new()
        };
        let head = format!("{pointer}{} {marker} ", i + 1);
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
        own(&mut owners, from, lines.len(), i);
    }
    owners
}

fn order_lines(
    lines: &mut Vec<Line<'static>>,
    state: &QuizState,
    text: &QuizText,
    look: &Look,
) -> Vec<Option<usize>> {
    let mut owners = Vec::new();
    for (pos, item) in state.order.iter().enumerate() {
        let pointer = if pos == state.cursor {
            pointer(look.ascii)
        } else {
            "  "
        };
        let style = if pos == state.cursor {
            look.theme.selection
        } else {
            Style::new()
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
fn push_indented(
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

fn verdict_lines(lines: &mut Vec<Line<'static>>, model: &Model, text: &QuizText, theme: &Theme) {
    let state = &model.quiz;
    let Some(feedback) = &state.feedback else {
        if state.passed {
            lines.push(Line::styled(
                "✓ passed before — answer again or move on",
                theme.dim,
            ));
        }
        return;
    };
    match feedback.grade {
        Grade::Correct => {
            lines.push(Line::styled("✓ Correct!", theme.success));
            lines.extend(text.explain.iter().cloned());
            if feedback.completed {
                lines.push(Line::default());
                lines.push(Line::styled("Node complete.", theme.success));
            }
            if !feedback.unlocked.is_empty() {
                let names: Vec<&str> = feedback
                    .unlocked
                    .iter()
                    .filter_map(|id| model.course().node(id))
                    .map(|n| n.title.as_str())
                    .collect();
                lines.push(Line::styled(
                    format!("Unlocked: {}", names.join(", ")),
                    theme.success,
                ));
            }
        }
        Grade::Wrong | Grade::Invalid => {
            lines.extend(text.retry.iter().cloned());
        }
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
