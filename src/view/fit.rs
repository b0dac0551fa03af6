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
use crate::view::prepared::{OPTION_INDENT, sys_msg_cut};
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
    let columns = |needed: usize, pane, place| Overflow {
        pane,
        needed,
        available: usize::from(zoomed.width),
        unit: Unit::Columns,
        place,
    };
    // Only tables are cut in the body, tables and code in the box: text without them is not
    // laid out (what keeps `check` quick on large courses).
    let boxed = step
        .sys_msg
        .as_deref()
        .filter(|t| {
            t.contains('|')
                || t.contains("```")
                || t.contains("~~~")
                || t.contains("    ")
                || t.contains('\t')
        })
        .map_or(0, |t| sys_msg_cut(t, zoomed.width, &theme, &mut colours));
    let body = step
        .body
        .as_deref()
        .filter(|t| t.contains('|'))
        .map_or(0, |t| render(t, zoomed.width, &theme, &mut colours).cut);
    if boxed > 0 {
        out.push(columns(boxed, "narration", UnseenPlace::SysMsg));
    }
    if body > 0 {
        out.push(columns(body, "narration", UnseenPlace::Body));
    }
    if let Some((choices, widest)) = quiz_extent(step, zoomed.width, &theme, &mut colours) {
        if choices > usize::from(zoomed.height) {
            out.push(Overflow {
                pane: "quiz choices",
                needed: choices,
                available: usize::from(zoomed.height),
                unit: Unit::Lines,
                place: UnseenPlace::Quiz,
            });
        }
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
        let available = notes_height(notes, zoomed.height, false);
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
    format!(
        "{} cannot be seen in full at {w}x{h}: {} {} needed, {} available even zoomed",
        o.what(),
        o.needed,
        o.unit.name(),
        o.available
    )
}

impl Overflow {
    /// What cannot be seen, in the words `check` and `snapshot` both report it with.
    pub fn what(&self) -> &'static str {
        match (self.pane, self.place) {
            ("quiz choices", _) => "the quiz's choices",
            ("quiz", _) => "a table or code block in the quiz",
            ("narration", UnseenPlace::SysMsg) => "a table or code block in the `SYS_MSG` box",
            ("narration", _) => "a table in the body",
            ("bash notes", _) => "this entry's note and hint",
            ("screen", _) => "the step",
            (other, _) => other,
        }
    }
}

/// For a step with a quiz: the rows its choices (or items) take laid out as the quiz pane lays
/// them out at `width`, and the widest cut content of any of its texts (0 when none is cut).
fn quiz_extent(
    step: &Step,
    width: u16,
    theme: &Theme,
    colours: &mut Colours,
) -> Option<(usize, usize)> {
    let quiz = step.quiz.as_ref()?;
    let option_width = width.saturating_sub(OPTION_INDENT).max(1);
    let mut laid_out = |md: &str, w: u16| {
        let doc = render(md, w.max(1), theme, colours);
        (doc.height().max(1), cut_width(&doc, w))
    };
    let mut options: Vec<&str> = Vec::new();
    let mut others: Vec<(&str, u16)> = vec![(quiz.question.as_str(), width)];
    others.extend(quiz.explain.as_deref().map(|e| (e, width)));
    others.extend(
        quiz.hints
            .iter()
            .map(|h| (h.as_str(), width.saturating_sub(2))),
    );
    match &quiz.kind {
        QuizKind::Single { choices } | QuizKind::Multi { choices } => {
            for choice in choices {
                options.push(&choice.text);
                others.extend(choice.why.as_deref().map(|w| (w, option_width)));
            }
        }
        QuizKind::Order { items } => options.extend(items.iter().map(String::as_str)),
        QuizKind::Text { .. } => {}
    }
    let mut rows = 0;
    let mut widest = 0;
    for text in options {
        let (height, cut) = laid_out(text, option_width);
        rows += height;
        widest = widest.max(cut);
    }
    for (text, w) in others {
        widest = widest.max(laid_out(text, w).1);
    }
    Some((rows, widest))
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
