//! The quiz pane ("System Verification"): question, choices (in the learner's shuffled order),
//! items or a text field, hints with a hanging indent, what the hint key offers next, and after
//! an answer the verdict, the `why` of the choices picked (of every choice once the answer is
//! right, so a wrong answer does not give the right one away), the explanation and unlocks.
//!
//! [`measure`] also reports where the part the model follows (`Scroll::follow`: the cursor,
//! the newest hint, the verdict) is, so the model can keep it in view on small terminals.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use self::rows::{choice_lines, order_lines, push_indented};
use crate::app::{Extent, Focus, Follow, Model, Rows};
use crate::core::course::{Quiz, QuizKind};
use crate::core::quiz::{Grade, MISSES_BEFORE_REVEAL};
use crate::view::narration::scroll_hint;
use crate::view::pane;
use crate::view::prepared::QuizText;
use crate::view::theme::Theme;

mod rows;

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
    let content = content(model, quiz, text, look);
    let top = usize::from(model.scroll.quiz);
    let rows = usize::from(inner.height);
    let mut title = vec![Span::styled(" SYSTEM VERIFICATION ", theme.title)];
    if let Some(review) = &model.review {
        title.push(Span::styled(
            format!("review {}/{} ", review.at + 1, review.items.len()),
            theme.warning,
        ));
    }
    title.push(Span::styled(format!("{} ", quiz.kind.name()), theme.dim));
    title.push(Span::styled(
        scroll_hint(top, content.lines.len() > top + rows, look.ascii),
        theme.dim,
    ));
    pane::block(Line::from(title), theme, focused, look.ascii).render(area, buf);
    let window: Vec<Line> = content.lines.into_iter().skip(top).take(rows).collect();
    pane::put_lines(&window, inner, buf);
}

/// How many rows the quiz's content takes as the model shows it (at the prepared width).
pub fn content_rows(model: &Model, text: &QuizText, look: &Look) -> usize {
    model
        .quiz_ref()
        .map_or(0, |quiz| content(model, quiz, text, look).lines.len())
}

/// The pane's content rows against its visible rows, and where what the model follows is.
pub fn measure(model: &Model, text: &QuizText, look: &Look, area: Rect) -> (Extent, Option<Rows>) {
    let Some(quiz) = model.quiz_ref() else {
        return (Extent::default(), None);
    };
    let inner = pane::inner(area);
    let content = content(model, quiz, text, look);
    let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let extent = Extent {
        content: to_u16(content.lines.len()),
        view: inner.height,
    };
    let target = model.scroll.follow.and_then(|follow| {
        let (start, end) = match follow {
            Follow::Cursor => {
                let row = model.quiz.cursor;
                let start = content.owners.iter().position(|o| *o == Some(row))?;
                let end = content.owners.iter().rposition(|o| *o == Some(row))? + 1;
                (start, end)
            }
            Follow::Hints => (content.hints?, content.hints_end),
            Follow::Verdict => (content.verdict?, content.lines.len()),
        };
        Some(Rows {
            start: to_u16(start),
            end: to_u16(end),
        })
    });
    (extent, target)
}

/// The pane's lines, which choice (or `order` position) each belongs to, and where the hints
/// and the verdict start.
struct Content {
    lines: Vec<Line<'static>>,
    owners: Vec<Option<usize>>,
    /// First row of the newest hint (or of the answer offer), and the row after the hints.
    hints: Option<usize>,
    hints_end: usize,
    verdict: Option<usize>,
}

fn content(model: &Model, quiz: &Quiz, text: &QuizText, look: &Look) -> Content {
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
        QuizKind::Order { .. } => {
            owners = order_lines(&mut lines, state, text, look);
            if !state.is_right() {
                lines.push(Line::styled(
                    "Space picks an item up, ↑↓ move it, Space puts it down; Enter submits.",
                    theme.dim,
                ));
            }
        }
        QuizKind::Text { .. } => {
            let mut spans = vec![
                Span::styled("answer › ", theme.prompt),
                Span::styled(state.text.clone(), theme.input),
            ];
            if model.typing && model.overlay.is_none() {
                spans.push(Span::styled(" ", theme.selection));
            } else if state.text.is_empty() && !state.is_right() {
                spans.push(Span::styled("(Enter to type)", theme.dim));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.push(Line::default());
    let mut hints = None;
    // Once the answer is right, the hints have done their job: the room goes to the verdict.
    let shown = if state.is_right() {
        0
    } else {
        state.hints_shown
    };
    for (i, hint) in text.hints.iter().take(shown).enumerate() {
        hints = Some(lines.len());
        let label = hint_label(i);
        push_indented(&mut lines, &label, hint, theme.warning, Style::new());
    }
    if let Some(offer) = offer(model, quiz) {
        hints = Some(lines.len());
        lines.push(Line::styled(offer, theme.warning));
    }
    let hints_end = lines.len();
    let verdict = (state.feedback.is_some() || state.passed).then_some(lines.len());
    verdict_lines(&mut lines, model, text, theme);
    owners.resize(lines.len(), None);
    Content {
        lines,
        owners,
        hints,
        hints_end,
        verdict,
    }
}

/// `hint N: `, the prefix the prepared hints were wrapped to fit beside.
pub fn hint_label(i: usize) -> String {
    format!("hint {}: ", i + 1)
}

/// What the hint key gives next, when the learner has missed and there is something to give.
fn offer(model: &Model, quiz: &Quiz) -> Option<String> {
    let state = &model.quiz;
    if state.is_right() {
        return None;
    }
    if state.answer_offered(quiz) {
        return Some("Stuck? F2 fills in the answer (it comes back in the review).".to_owned());
    }
    if state.misses == 0 {
        return None;
    }
    let left = quiz.hints.len().saturating_sub(state.hints_shown);
    if left > 0 {
        let s = if left == 1 { "" } else { "s" };
        return Some(format!("F2 shows a hint ({left} hint{s} left)."));
    }
    let misses = MISSES_BEFORE_REVEAL.saturating_sub(state.misses);
    (misses > 0 && !state.revealed).then(|| {
        let s = if misses == 1 { "" } else { "es" };
        format!("After {misses} more miss{s}, F2 fills in the answer.")
    })
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
    let content = content(model, quiz, text, look);
    content.owners.get(offset).copied().flatten()
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
            // A node's completion and what it unlocked are said on the notice line.
            // The course's completion is said on the notice line too ("Enter: your results").
            if let (false, Some(review)) = (feedback.finished, &model.review) {
                let next = if review.at + 1 < review.items.len() {
                    "Enter: next question."
                } else {
                    "Enter: end the review."
                };
                lines.push(Line::styled(next, theme.dim));
            }
        }
        Grade::Wrong | Grade::Invalid => {
            lines.extend(text.retry.iter().cloned());
        }
    }
}
