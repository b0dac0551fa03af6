//! What a learner can never see: the one measure behind `snapshot --deny-overflow` and the
//! warnings of `termcourse check`.
//!
//! Content a learner can reach is never overflow: narration scrolls, code and the bash pane's
//! lines scroll sideways, the bash transcript scrolls back, and `z` shows any pane on the whole
//! screen. What is left is content no key brings into view at a given terminal size, measured
//! on the zoomed pane (the most room a pane ever gets):
//! - a quiz whose choices do not fit the pane at once (choosing needs them all in view);
//! - text cut to fit: a table whose cells end in `…`, code in a `SYS_MSG` box or in a quiz,
//!   which do not scroll sideways;
//! - a bash entry's note and hint, which take at most half the bash pane and do not scroll.
//!
//! Reveal blocks are measured open (the learner can open them). The measure depends only on
//! the step and the size, never on what the learner did, and highlights nothing.

use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::core::course::{QuizKind, Step};
use crate::core::load::{Unseen, UnseenPlace};
use crate::view::bash_pane::notes_height;
use crate::view::colours::{Colouring, Colours};
use crate::view::layout::{MIN_HEIGHT, MIN_SUPPORTED, MIN_WIDTH, Wants, layout};
use crate::view::markdown::{Document, render, wrap_words};
use crate::view::pane;
use crate::view::prepared::{OPTION_INDENT, step_text};
use crate::view::theme::Theme;

/// What is counted: rows of a pane, or columns of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Lines,
    Columns,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Self::Lines => "lines",
            Self::Columns => "columns",
        }
    }
}

/// Content that cannot be reached at some size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overflow {
    /// `screen`, `narration`, `quiz choices`, `quiz`, `bash notes`.
    pub pane: &'static str,
    pub needed: usize,
    pub available: usize,
    pub unit: Unit,
    /// Where in the step it is written.
    pub place: UnseenPlace,
}

/// Everything of `step` a learner could never see in a terminal of `area`'s size.
pub fn unreachable(step: &Step, area: Rect) -> Vec<Overflow> {
    let mut out = Vec::new();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // The player shows only a message asking for a larger terminal.
        let (needed, available, unit) = if area.width < MIN_WIDTH {
            (MIN_WIDTH, area.width, Unit::Columns)
        } else {
            (MIN_HEIGHT, area.height, Unit::Lines)
        };
        out.push(Overflow {
            pane: "screen",
            needed: usize::from(needed),
            available: usize::from(available),
            unit,
            place: UnseenPlace::Body,
        });
        return out;
    }
    // Every pane zoomed gets the same rectangle: the body between header and footer.
    let zoomed = pane::inner(layout(area, &Wants::default()).body);
    let theme = Theme::dark();
    let mut colours = Colours::new(Colouring::Deferred);
    let (narration, quiz) = step_text(step, zoomed.width, zoomed.width, &theme, true, &mut colours);
    let columns = |needed: usize, pane, place| Overflow {
        pane,
        needed,
        available: usize::from(zoomed.width),
        unit: Unit::Columns,
        place,
    };
    if narration.cut > 0 {
        let place = narration_place(step, zoomed.width, &theme, &mut colours);
        out.push(columns(narration.cut, "narration", place));
    }
    if step.quiz.is_some() {
        let choices: usize = quiz.options.iter().map(|o| o.len().max(1)).sum();
        if choices > usize::from(zoomed.height) {
            out.push(Overflow {
                pane: "quiz choices",
                needed: choices,
                available: usize::from(zoomed.height),
                unit: Unit::Lines,
                place: UnseenPlace::Quiz,
            });
        }
        let widest = quiz_cut(step, zoomed.width, &theme, &mut colours);
        if widest > 0 {
            out.push(columns(widest, "quiz", UnseenPlace::Quiz));
        }
    }
    for (i, entry) in step.bash.iter().enumerate() {
        let lines = |text: &str| {
            let spans = [Span::raw(text.to_owned())];
            wrap_words(&spans, usize::from(zoomed.width)).len()
        };
        let mut notes = entry.note.as_deref().map_or(0, lines);
        if let Some(type_along) = &entry.type_along {
            // The line saying what to do, and the hint once asked for.
            notes += 1 + type_along
                .hint
                .as_deref()
                .map_or(0, |h| lines(&format!("hint: {h}")));
        }
        let available = notes_height(notes, zoomed.height);
        if notes > 0 && usize::from(available) < notes + 1 {
            out.push(Overflow {
                pane: "bash notes",
                needed: notes + 1,
                available: usize::from(available),
                unit: Unit::Lines,
                place: UnseenPlace::Bash(i),
            });
        }
    }
    out
}

/// What `check` warns about: [`unreachable`] at the smallest supported terminal.
pub fn unseen(step: &Step) -> Vec<Unseen> {
    let (w, h) = MIN_SUPPORTED;
    unreachable(step, Rect::new(0, 0, w, h))
        .into_iter()
        .map(|o| Unseen {
            place: o.place,
            message: describe(&o, w, h),
        })
        .collect()
}

/// One line for `check`: what does not fit at `w`x`h`, and by how much.
fn describe(o: &Overflow, w: u16, h: u16) -> String {
    let what = match (o.pane, o.place) {
        ("quiz choices", _) => "the quiz's choices",
        ("quiz", _) => "a table or code block in the quiz",
        ("narration", UnseenPlace::SysMsg) => "a table or code block in the `SYS_MSG` box",
        ("narration", _) => "a table in the body",
        ("bash notes", _) => "this entry's note and hint",
        (other, _) => other,
    };
    format!(
        "{what} cannot be seen in full at {w}x{h}: {} {} needed, {} available even zoomed",
        o.needed,
        o.unit.name(),
        o.available
    )
}

/// Whether narration content cut at `width` is in the `SYS_MSG` box or the body.
fn narration_place(step: &Step, width: u16, theme: &Theme, colours: &mut Colours) -> UnseenPlace {
    let body = step
        .body
        .as_deref()
        .map_or(0, |b| cut_width(&render(b, width, theme, colours), width));
    if body > 0 {
        UnseenPlace::Body
    } else {
        UnseenPlace::SysMsg
    }
}

/// The widest cut content of the quiz's texts laid out as the quiz pane lays them out at
/// `width`, or 0.
fn quiz_cut(step: &Step, width: u16, theme: &Theme, colours: &mut Colours) -> usize {
    let Some(quiz) = &step.quiz else { return 0 };
    let option_width = width.saturating_sub(OPTION_INDENT);
    let mut texts: Vec<(&str, u16)> = vec![(quiz.question.as_str(), width)];
    texts.extend(quiz.explain.as_deref().map(|e| (e, width)));
    texts.extend(
        quiz.hints
            .iter()
            .map(|h| (h.as_str(), width.saturating_sub(2))),
    );
    match &quiz.kind {
        QuizKind::Single { choices } | QuizKind::Multi { choices } => {
            for choice in choices {
                texts.push((&choice.text, option_width));
                texts.extend(choice.why.as_deref().map(|w| (w, option_width)));
            }
        }
        QuizKind::Order { items } => texts.extend(items.iter().map(|i| (i.as_str(), option_width))),
        QuizKind::Text { .. } => {}
    }
    texts
        .into_iter()
        .map(|(md, w)| cut_width(&render(md, w.max(1), theme, colours), w))
        .max()
        .unwrap_or(0)
}

/// The widest content of `doc` that is not shown in full at `width` when nothing scrolls
/// sideways: cut tables and wide code; 0 when everything shows.
fn cut_width(doc: &Document, width: u16) -> usize {
    let code = doc.max_code_width();
    let code = if code > usize::from(width) { code } else { 0 };
    code.max(doc.cut)
}

#[cfg(test)]
mod tests;
