//! The state of the quiz on the current step: cursor, selection, typed text, the arrangement
//! of an `order` quiz, hints revealed, and the feedback of the last submitted answer.

use std::collections::BTreeSet;

use crate::core::course::{NodeId, Quiz, QuizKind, StepId};
use crate::core::quiz::{Answer, Grade, initial_order};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuizState {
    /// Choice (or, for `order`, position) under the cursor.
    pub cursor: usize,
    /// Selected choices: one for `single`, any for `multi`.
    pub picked: BTreeSet<usize>,
    pub text: String,
    /// Author item indices in their on-screen order (`order` quizzes).
    pub order: Vec<usize>,
    /// Hints revealed so far.
    pub hints_shown: usize,
    pub feedback: Option<Feedback>,
    /// The quiz was passed earlier (now or in a previous session).
    pub passed: bool,
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
}

impl QuizState {
    pub fn new(quiz: &Quiz, step: &StepId, passed: bool) -> Self {
        let order = match &quiz.kind {
            QuizKind::Order { items } => initial_order(step.as_str(), items.len()),
            _ => Vec::new(),
        };
        Self {
            order,
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
                self.cursor = *i;
            }
            Answer::Choices(set) => self.picked.clone_from(set),
            Answer::Text(text) => self.text.clone_from(text),
            Answer::Order(order) => self.order.clone_from(order),
        }
    }

    /// Whether the last answer was right and is still on screen.
    pub fn is_right(&self) -> bool {
        self.feedback
            .as_ref()
            .is_some_and(|f| f.grade == Grade::Correct)
    }

    /// Changing the answer after a wrong one starts a retry: the old verdict goes away.
    pub fn clear_wrong_feedback(&mut self) {
        if self
            .feedback
            .as_ref()
            .is_some_and(|f| f.grade != Grade::Correct)
        {
            self.feedback = None;
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

    /// Picks (single) or toggles (multi) choice `i`; ignored when out of range.
    pub fn pick(&mut self, quiz: &Quiz, i: usize) {
        match &quiz.kind {
            QuizKind::Single { choices } if i < choices.len() => {
                self.picked = BTreeSet::from([i]);
            }
            QuizKind::Multi { choices } if i < choices.len() => {
                if !self.picked.remove(&i) {
                    self.picked.insert(i);
                }
            }
            // Clicking an item of an `order` quiz puts the cursor on it.
            QuizKind::Order { items } if i < items.len() => {}
            _ => return,
        }
        self.cursor = i;
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
