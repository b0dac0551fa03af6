//! The screen's cache of code colours, and how it gets them.
//!
//! Markdown layout asks [`Colours::lines`] for each code block. A block whose colours are
//! known is drawn with them. Otherwise it depends on the [`Colouring`]: headless rendering
//! colours it on the spot (deterministic output), the player draws it [`pending`] at once and
//! records it in [`Colours::take_wanted`], for the runtime to hand to the highlighter thread;
//! its colours come back through [`Colours::insert`], after which the screen lays the step out
//! again (the geometry is the same, so nothing moves).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ratatui::text::Line;

use crate::view::highlight::{
    Budget, CodeBlock, Coloured, colour, pending, uncoloured, wants_colour,
};
use crate::view::theme::Theme;

/// Where code colours come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colouring {
    /// Highlight on the spot, within this budget (headless rendering, tests).
    Inline(Budget),
    /// Draw pending code at once and ask for colours ([`Colours::take_wanted`]).
    Deferred,
}

/// Colours known so far, and blocks waiting for theirs.
#[derive(Debug)]
pub struct Colours {
    colouring: Colouring,
    /// Each block seen: its lines, or `None` when it stays plain.
    known: HashMap<CodeBlock, Option<Arc<[Line<'static>]>>>,
    /// Asked for and not yet answered, so a block is asked for once.
    asked: HashSet<CodeBlock>,
    wanted: Vec<CodeBlock>,
}

impl Colours {
    pub fn new(colouring: Colouring) -> Self {
        Self {
            colouring,
            known: HashMap::new(),
            asked: HashSet::new(),
            wanted: Vec::new(),
        }
    }

    /// Colours on the spot with the headless budget.
    pub fn inline() -> Self {
        Self::new(Colouring::Inline(Budget::HEADLESS))
    }

    pub fn colouring(&self) -> Colouring {
        self.colouring
    }

    /// The lines of a code block as they should be drawn now.
    pub fn lines(&mut self, code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
        if !wants_colour(lang, theme) {
            return uncoloured(code, lang, theme);
        }
        let block = CodeBlock {
            code: Arc::from(code),
            lang: Arc::from(lang),
            theme: theme.kind,
        };
        if let Some(known) = self.known.get(&block) {
            return match known {
                Some(lines) => lines.to_vec(),
                None => uncoloured(code, lang, theme),
            };
        }
        match self.colouring {
            Colouring::Inline(budget) => {
                let lines = colour(&block, theme, budget).map(Arc::from);
                let shown = lines
                    .as_ref()
                    .map_or_else(|| uncoloured(code, lang, theme), |l: &Arc<[_]>| l.to_vec());
                self.known.insert(block, lines);
                shown
            }
            Colouring::Deferred => {
                if self.asked.insert(block.clone()) {
                    self.wanted.push(block);
                }
                pending(code, lang, theme)
            }
        }
    }

    /// Blocks drawn pending since the last call, to be coloured.
    pub fn take_wanted(&mut self) -> Vec<CodeBlock> {
        std::mem::take(&mut self.wanted)
    }

    /// Takes in a block's colours; returns whether anything changed.
    pub fn insert(&mut self, coloured: Coloured) -> bool {
        self.asked.remove(&coloured.block);
        let changed = !self.known.contains_key(&coloured.block);
        self.known.insert(coloured.block, coloured.lines);
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn deferred_code_is_pending_then_coloured_with_the_same_text() {
        let theme = Theme::dark();
        let code = "FROM python:3.12-slim\nRUN\tpip install torch\n";
        let mut colours = Colours::new(Colouring::Deferred);
        let first = colours.lines(code, "dockerfile", &theme);
        assert!(
            first
                .iter()
                .flat_map(|l| &l.spans)
                .all(|s| s.style == theme.inline_code)
        );
        let wanted = colours.take_wanted();
        assert_eq!(wanted.len(), 1);
        let _ = colours.lines(code, "dockerfile", &theme);
        assert!(colours.take_wanted().is_empty(), "asked for once");
        let lines = colour(&wanted[0], &theme, Budget::PLAYER).expect("dockerfile colours");
        assert!(colours.insert(Coloured {
            block: wanted[0].clone(),
            lines: Some(Arc::from(lines)),
        }));
        let after = colours.lines(code, "dockerfile", &theme);
        assert_eq!(text(&first), text(&after), "same text, same geometry");
        assert!(
            after
                .iter()
                .flat_map(|l| &l.spans)
                .any(|s| s.style.fg.is_some() && s.style != theme.inline_code)
        );
    }

    #[test]
    fn plain_languages_and_colourless_themes_ask_for_nothing() {
        let mut colours = Colours::new(Colouring::Deferred);
        let _ = colours.lines("a b", "text", &Theme::dark());
        let _ = colours.lines("x = 1", "python", &Theme::no_color());
        assert!(colours.take_wanted().is_empty());
    }

    #[test]
    fn a_block_over_budget_stays_plain() {
        let theme = Theme::dark();
        let long = format!("RUN {}\n", "x".repeat(3_000));
        let block = CodeBlock {
            code: Arc::from(long.as_str()),
            lang: Arc::from("dockerfile"),
            theme: theme.kind,
        };
        assert!(colour(&block, &theme, Budget::PLAYER).is_none(), "too wide");
        let short = CodeBlock {
            code: Arc::from("RUN x\n"),
            ..block
        };
        let none = Budget {
            time: std::time::Duration::ZERO,
            ..Budget::PLAYER
        };
        assert!(colour(&short, &theme, none).is_none(), "out of time");
        let mut colours = Colours::inline();
        let lines = colours.lines(&long, "dockerfile", &theme);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].spans.iter().all(|s| s.style == theme.text));
    }
}
