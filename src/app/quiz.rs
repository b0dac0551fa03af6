//! The state of the quiz on screen: cursor, selection, typed text, the arrangement of an
//! `order` quiz, the order choices are shown in, hints revealed, misses, a revealed answer, and
//! the feedback of the last submitted answer.
//!
//! Choices are shown in a per-learner shuffled order (`core::shuffle`), so the cursor and the
//! digit keys count *shown* rows while everything recorded or graded ([`Answer`], `picked`) is in
//! the author's indices.

use std::collections::BTreeSet;

use crate::core::course::{NodeId, Quiz, QuizKind, StepId};
use crate::core::quiz::{Answer, Grade, MISSES_BEFORE_REVEAL, correct_answer};
use crate::core::shuffle::{choice_order, order_start};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuizState {
    /// The shown row under the cursor: a choice, or an `order` position.
    pub cursor: usize,
    /// Selected choices, by author index: one for `single`, any for `multi`.
    pub picked: BTreeSet<usize>,
    pub text: String,
    /// Author item indices in their on-screen order (`order` quizzes).
    pub order: Vec<usize>,
    /// Author choice indices in their on-screen order (`single` and `multi` quizzes).
    pub shown: Vec<usize>,
    /// Hints revealed so far.
    pub hints_shown: usize,
    pub feedback: Option<Feedback>,
    /// The quiz was passed earlier (now or in a previous session).
    pub passed: bool,
    /// Wrong answers given on this visit.
    pub misses: u32,
    /// The right answer was filled in for the learner.
    pub revealed: bool,
    /// `order` quizzes: the item under the cursor is picked up, and the arrows move it.
    pub carrying: bool,
}

/// The outcome of the last submitted answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub answer: Answer,
    pub grade: Grade,
    /// This answer completed the node.
    pub completed: bool,
    /// Nodes this completion unlocked, in course order.
    pub unlocked: Vec<NodeId>,
    /// This answer completed the whole course.
    pub finished: bool,
}

/// What the hint key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintOutcome {
    /// One more hint is on screen.
    Hint,
    /// The right answer was filled in.
    Revealed,
    /// Nothing left to give yet.
    Nothing,
}

impl QuizState {
    /// The state of `quiz` on step `step` of node `node`, shown in the order drawn from
    /// `seed` (the author's order without one).
    pub fn new(quiz: &Quiz, node: &NodeId, step: &StepId, passed: bool, seed: Option<u64>) -> Self {
        let (order, shown) = match &quiz.kind {
            QuizKind::Order { items } => (order_start(seed, node, step, items.len()), Vec::new()),
            QuizKind::Single { choices } | QuizKind::Multi { choices } => {
                (Vec::new(), choice_order(seed, node, step, choices.len()))
            }
            QuizKind::Text { .. } => (Vec::new(), Vec::new()),
        };
        Self {
            order,
            shown,
            passed,
            ..Self::default()
        }
    }

    /// How many rows the cursor moves over: choices or items; 0 for a text quiz.
    pub fn rows(quiz: &Quiz) -> usize {
        match &quiz.kind {
            QuizKind::Single { choices } | QuizKind::Multi { choices } => choices.len(),
            QuizKind::Order { items } => items.len(),
            QuizKind::Text { .. } => 0,
        }
    }

    /// The author index of the choice shown on row `row`.
    pub fn author_index(&self, row: usize) -> usize {
        self.shown.get(row).copied().unwrap_or(row)
    }

    /// The row on which the choice with author index `choice` is shown.
    pub fn row_of(&self, choice: usize) -> usize {
        self.shown
            .iter()
            .position(|c| *c == choice)
            .unwrap_or(choice)
    }

    /// The answer as currently entered, or `None` when nothing is entered yet.
    pub fn answer(&self, quiz: &Quiz) -> Option<Answer> {
        match &quiz.kind {
            QuizKind::Single { .. } => self.picked.first().map(|i| Answer::Choice(*i)),
            QuizKind::Multi { .. } => {
                (!self.picked.is_empty()).then(|| Answer::Choices(self.picked.clone()))
            }
            QuizKind::Text { .. } => {
                (!self.text.trim().is_empty()).then(|| Answer::Text(self.text.clone()))
            }
            QuizKind::Order { .. } => Some(Answer::Order(self.order.clone())),
        }
    }

    /// Puts `answer` into the inputs, as if the learner had entered it.
    pub fn enter(&mut self, answer: &Answer) {
        match answer {
            Answer::Choice(i) => {
                self.picked = BTreeSet::from([*i]);
                self.cursor = self.row_of(*i);
            }
            Answer::Choices(set) => {
                self.picked.clone_from(set);
                if let Some(first) = set.iter().map(|i| self.row_of(*i)).min() {
                    self.cursor = first;
                }
            }
            Answer::Text(text) => self.text.clone_from(text),
            Answer::Order(order) => {
                self.order.clone_from(order);
                self.cursor = 0;
                self.carrying = false;
            }
        }
    }

    /// Whether the last answer was right and is still on screen.
    pub fn is_right(&self) -> bool {
        self.feedback
            .as_ref()
            .is_some_and(|f| f.grade == Grade::Correct)
    }

    /// Whether the last answer was wrong and its verdict is still on screen.
    pub fn is_wrong(&self) -> bool {
        self.feedback
            .as_ref()
            .is_some_and(|f| f.grade != Grade::Correct)
    }

    /// Changing the answer after a wrong one starts a retry: the old verdict goes away.
    pub fn clear_wrong_feedback(&mut self) {
        if self.is_wrong() {
            self.feedback = None;
        }
    }

    /// Whether the hint key would fill in the answer: every hint is shown, the learner missed
    /// enough times, and the answer is not on screen yet.
    pub fn answer_offered(&self, quiz: &Quiz) -> bool {
        self.hints_shown >= quiz.hints.len()
            && self.misses >= MISSES_BEFORE_REVEAL
            && !self.revealed
            && !self.is_right()
    }

    /// The hint key: the next hint while there are some, then, once the learner has missed
    /// enough times, the right answer filled in (they still submit it themselves).
    pub fn hint(&mut self, quiz: &Quiz) -> HintOutcome {
        if self.hints_shown < quiz.hints.len() {
            self.hints_shown += 1;
            HintOutcome::Hint
        } else if self.answer_offered(quiz) {
            self.enter(&correct_answer(quiz));
            self.revealed = true;
            self.feedback = None;
            HintOutcome::Revealed
        } else {
            HintOutcome::Nothing
        }
    }

    pub fn move_cursor(&mut self, quiz: &Quiz, down: bool) {
        let rows = Self::rows(quiz);
        if rows == 0 {
            return;
        }
        self.cursor = if down {
            (self.cursor + 1).min(rows - 1)
        } else {
            self.cursor.saturating_sub(1)
        };
    }

    /// Picks (single) or toggles (multi) the choice shown on row `row`; for an `order` quiz,
    /// puts the cursor on item `row`. Ignored when out of range.
    pub fn pick(&mut self, quiz: &Quiz, row: usize) {
        match &quiz.kind {
            QuizKind::Single { choices } if row < choices.len() => {
                self.picked = BTreeSet::from([self.author_index(row)]);
            }
            QuizKind::Multi { choices } if row < choices.len() => {
                let i = self.author_index(row);
                if !self.picked.remove(&i) {
                    self.picked.insert(i);
                }
            }
            QuizKind::Order { items } if row < items.len() => {}
            _ => return,
        }
        self.cursor = row;
    }

    /// Moves the item under the cursor one place up or down (`order` quizzes).
    pub fn move_item(&mut self, up: bool) {
        let from = self.cursor;
        let to = if up {
            from.checked_sub(1)
        } else {
            Some(from + 1).filter(|t| *t < self.order.len())
        };
        if let Some(to) = to.filter(|_| from < self.order.len()) {
            self.order.swap(from, to);
            self.cursor = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::course::Choice;

    fn quiz(kind: QuizKind, hints: usize) -> Quiz {
        Quiz {
            question: "?".into(),
            kind,
            hints: (0..hints).map(|i| format!("hint {i}")).collect(),
            explain: None,
        }
    }

    fn choices(n: usize, right: usize) -> QuizKind {
        QuizKind::Single {
            choices: (0..n)
                .map(|i| Choice {
                    text: format!("c{i}"),
                    correct: i == right,
                    why: None,
                })
                .collect(),
        }
    }

    #[test]
    fn rows_are_shown_shuffled_and_answers_stay_in_author_indices() {
        let q = quiz(choices(5, 3), 0);
        let (node, step) = (NodeId::from("n"), StepId::from("s"));
        let plain = QuizState::new(&q, &node, &step, false, None);
        assert_eq!(plain.shown, vec![0, 1, 2, 3, 4], "the author's order");
        let shuffled = (1..50)
            .map(|seed| QuizState::new(&q, &node, &step, false, Some(seed)))
            .find(|s| s.shown != plain.shown)
            .expect("some seed shuffles");
        let mut state = shuffled.clone();
        state.pick(&q, 0);
        assert_eq!(
            state.answer(&q),
            Some(Answer::Choice(shuffled.shown[0])),
            "row 0 is the first shown choice"
        );
        state.enter(&Answer::Choice(3));
        assert_eq!(state.author_index(state.cursor), 3);
    }

    #[test]
    fn the_hint_key_gives_hints_then_after_three_misses_the_answer() {
        let q = quiz(choices(4, 2), 2);
        let mut state = QuizState::new(&q, &"n".into(), &"s".into(), false, Some(7));
        assert_eq!(state.hint(&q), HintOutcome::Hint);
        assert_eq!(state.hint(&q), HintOutcome::Hint);
        assert_eq!(state.hint(&q), HintOutcome::Nothing, "not missed yet");
        state.misses = MISSES_BEFORE_REVEAL;
        assert!(state.answer_offered(&q));
        assert_eq!(state.hint(&q), HintOutcome::Revealed);
        assert_eq!(state.answer(&q), Some(Answer::Choice(2)));
        assert!(!state.answer_offered(&q), "offered once");
    }
}
