//! The bash pane's timeline as pure data: how many entries are revealed, how far the typing
//! animation of the newest one has got, and the learner's type-along input and misses.
//!
//! Entry `i` is *revealed* when `i < revealed`. The newest revealed entry is the *active* one:
//! its command may still be typing (`typed` counts characters shown), or, for a type-along entry,
//! waiting for the learner's line (`awaiting`). Everything before it is finished.

use crate::core::course::BashEntry;

/// After this many wrong lines, the pane offers the answer.
pub const MISSES_BEFORE_ANSWER: u32 = 3;

/// Characters of a command typed per animation tick, at least.
const CHARS_PER_TICK: usize = 2;

/// Ticks the typing of one command takes at most: a long command (a here-document) types
/// faster, so none takes more than about two seconds.
const MAX_TYPING_TICKS: usize = 60;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BashPane {
    pub revealed: usize,
    /// Characters of the active entry's command shown so far; `None` when fully shown.
    pub typed: Option<usize>,
    /// The active entry is a type-along entry whose line the learner has not matched yet.
    pub awaiting: bool,
    /// The learner's line so far.
    pub input: String,
    /// Wrong lines entered for the active entry.
    pub misses: u32,
    /// The line the learner typed for each finished type-along entry, by index.
    pub typed_lines: Vec<(usize, String)>,
    /// The learner asked to see the answer (after enough misses).
    pub answer_shown: bool,
    /// The learner asked for the hint before missing.
    pub hint_requested: bool,
    /// The last line that did not match, shown with the miss (until the line is edited).
    pub last_miss: Option<String>,
    /// What differs between that line and the scripted command (`core::command`), when known.
    pub last_verdict: Option<String>,
}

/// What checking a typed line against the active entry found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCheck {
    Matched,
    Missed,
    /// Nothing is waiting for a line, or the line is blank.
    Ignored,
}

impl BashPane {
    /// A pane with the first `revealed` entries already finished (no animation, nothing
    /// awaiting): used when returning to a step and by the headless renderer.
    pub fn finished(revealed: usize) -> Self {
        Self {
            revealed,
            ..Self::default()
        }
    }

    pub fn active(&self) -> Option<usize> {
        self.revealed.checked_sub(1)
    }

    pub fn is_typing(&self) -> bool {
        self.typed.is_some()
    }

    /// Reveals the next entry. Type-along entries wait for input; others start typing when
    /// `animate`, else appear at once. Returns false when every entry is already revealed.
    pub fn reveal_next(&mut self, entries: &[BashEntry], animate: bool) -> bool {
        let Some(entry) = entries.get(self.revealed) else {
            return false;
        };
        self.revealed += 1;
        self.input.clear();
        self.misses = 0;
        self.answer_shown = false;
        self.hint_requested = false;
        self.last_miss = None;
        self.last_verdict = None;
        self.awaiting = entry.type_along.is_some();
        self.typed = (animate && !self.awaiting && !entry.cmd.is_empty()).then_some(0);
        true
    }

    /// Advances the typing animation by one tick.
    pub fn tick(&mut self, entries: &[BashEntry]) {
        let Some(typed) = self.typed else { return };
        let len = self
            .active()
            .and_then(|i| entries.get(i))
            .map_or(0, |e| e.cmd.chars().count());
        let typed = typed + CHARS_PER_TICK.max(len.div_ceil(MAX_TYPING_TICKS));
        self.typed = (typed < len).then_some(typed);
    }

    /// Shows the active command in full at once.
    pub fn finish_typing(&mut self) {
        self.typed = None;
    }

    /// Checks the learner's line against the active type-along entry. A line that does not
    /// match stays in the input, as a wrong text answer does, so a typo can be fixed.
    pub fn submit(&mut self, entries: &[BashEntry]) -> LineCheck {
        let line = self.input.trim().to_owned();
        let entry = self.active().and_then(|i| entries.get(i));
        let (Some(entry), true, false) = (entry, self.awaiting, line.is_empty()) else {
            return LineCheck::Ignored;
        };
        let Some(verdict) = entry.judge(&line) else {
            return LineCheck::Ignored;
        };
        if verdict.is_accepted() {
            if let Some(i) = self.active() {
                self.typed_lines.push((i, line));
            }
            self.awaiting = false;
            self.input.clear();
            self.last_miss = None;
            self.last_verdict = None;
            LineCheck::Matched
        } else {
            self.misses = self.misses.saturating_add(1);
            self.last_miss = Some(line);
            self.last_verdict = verdict.message();
            LineCheck::Missed
        }
    }

    /// Clears the line being typed (after the last line break); on an empty continuation line,
    /// goes back to the end of the line before, so repeated presses clear line by line.
    pub fn clear_line(&mut self) {
        match self.input.rfind('\n') {
            Some(at) if at + 1 == self.input.len() => {
                self.input.pop();
            }
            Some(at) => self.input.truncate(at + 1),
            None => self.input.clear(),
        }
    }

    /// The learner changed the line after a miss: the verdict about the old line goes away
    /// (the hint stays).
    pub fn edited(&mut self) {
        self.last_miss = None;
        self.last_verdict = None;
    }

    /// Skips typing: the active entry is shown as scripted.
    pub fn skip(&mut self) {
        self.awaiting = false;
        self.input.clear();
    }

    /// Whether the active entry's hint is on screen: after a miss, or when asked for.
    pub fn hint_visible(&self) -> bool {
        self.awaiting && (self.misses > 0 || self.hint_requested)
    }

    /// Whether the answer may be offered for the active entry.
    pub fn answer_offered(&self) -> bool {
        self.awaiting && self.misses >= MISSES_BEFORE_ANSWER
    }

    /// Puts the scripted command into the input, once it is offered.
    pub fn fill_answer(&mut self, entries: &[BashEntry]) -> bool {
        let cmd = self.active().and_then(|i| entries.get(i)).map(|e| &e.cmd);
        match cmd {
            Some(cmd) if self.answer_offered() => {
                self.input.clone_from(cmd);
                self.answer_shown = true;
                true
            }
            _ => false,
        }
    }

    /// What the learner typed for entry `i`, if it was a finished type-along.
    pub fn typed_line(&self, i: usize) -> Option<&str> {
        self.typed_lines
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, l)| l.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::course::{Pattern, TypeAlong};

    fn entry(cmd: &str, accept: Option<&str>) -> BashEntry {
        BashEntry {
            cmd: cmd.into(),
            out: "ok".into(),
            note: None,
            type_along: accept.map(|a| TypeAlong {
                accept: vec![Pattern::compile(a, false).expect("test regex")],
                hint: Some("try harder".into()),
            }),
        }
    }

    #[test]
    fn typing_animation_advances_and_finishes() {
        let entries = [entry("docker build .", None)];
        let mut pane = BashPane::default();
        assert!(pane.reveal_next(&entries, true));
        assert_eq!(pane.typed, Some(0));
        pane.tick(&entries);
        assert_eq!(pane.typed, Some(2));
        for _ in 0..10 {
            pane.tick(&entries);
        }
        assert_eq!(pane.typed, None);
        assert!(!pane.reveal_next(&entries, true));
    }

    #[test]
    fn no_animation_reveals_at_once() {
        let entries = [entry("ls", None)];
        let mut pane = BashPane::default();
        pane.reveal_next(&entries, false);
        assert!(!pane.is_typing());
    }

    #[test]
    fn type_along_misses_then_offers_then_matches() {
        let entries = [entry("docker ps", Some("^docker ps$"))];
        let mut pane = BashPane::default();
        pane.reveal_next(&entries, true);
        assert!(pane.awaiting && !pane.is_typing());
        assert_eq!(pane.submit(&entries), LineCheck::Ignored, "blank line");
        for _ in 0..MISSES_BEFORE_ANSWER {
            assert!(!pane.fill_answer(&entries));
            pane.input = "docker pss".into();
            assert_eq!(pane.submit(&entries), LineCheck::Missed);
            assert_eq!(pane.input, "docker pss", "a wrong line stays to be fixed");
        }
        assert!(pane.answer_offered());
        assert!(pane.fill_answer(&entries));
        assert_eq!(pane.input, "docker ps");
        assert_eq!(pane.submit(&entries), LineCheck::Matched);
        assert!(!pane.awaiting);
        assert_eq!(pane.typed_line(0), Some("docker ps"));
    }
}
