//! A review session as the player plays it: the questions due (missed or revealed before),
//! most-missed first, asked one after the other in the quiz pane, in a fresh order with freshly
//! shuffled choices; what the learner answered, once per question, goes into the progress's
//! review history (`core::review` decides when a question leaves the review).

use super::bash::BashPane;
use crate::core::course::Course;
use crate::core::progress::{Day, Progress, ReviewOutcome};
use crate::core::review::session;
use crate::core::shuffle::Rng;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The questions, as (node, step) course indices, in the order they are asked.
    pub items: Vec<(usize, usize)>,
    /// The question being asked.
    pub at: usize,
    /// Shuffles the choices of every question of this session (and drew its order).
    pub shuffle: u64,
    /// What was recorded for each question in this session (the first answer, or a reveal).
    pub outcomes: Vec<Option<ReviewOutcome>>,
    /// Where the learner was before the review: they go back there after it.
    pub return_to: (usize, usize),
    /// The bash pane as the learner left it there: coming back reveals no more of it.
    pub return_bash: BashPane,
}

impl Review {
    /// A session of the questions due on `today`, drawn with `shuffle`; `None` when nothing is
    /// due.
    pub fn start(
        course: &Course,
        progress: &Progress,
        today: Day,
        shuffle: u64,
        return_to: (usize, usize),
    ) -> Option<Self> {
        let items: Vec<(usize, usize)> = session(course, progress, today, shuffle)
            .iter()
            .filter_map(|q| {
                let node = course.node_index(&q.node.id)?;
                let step = course.nodes[node].step_index(&q.step.id)?;
                Some((node, step))
            })
            .collect();
        (!items.is_empty()).then(|| Self {
            outcomes: vec![None; items.len()],
            items,
            at: 0,
            shuffle,
            return_to,
            return_bash: BashPane::default(),
        })
    }

    /// The shuffle of the `n`-th review session of a player whose session number is
    /// `entropy`: different for every session.
    pub fn shuffle_for(entropy: u64, n: u64) -> u64 {
        Rng::new(entropy ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15)).next_u64()
    }

    /// The question being asked, as (node, step) indices.
    pub fn current(&self) -> Option<(usize, usize)> {
        self.items.get(self.at).copied()
    }

    /// Counts of this session's recorded answers: (right, missed, revealed, unanswered).
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for outcome in &self.outcomes {
            match outcome {
                Some(ReviewOutcome::Correct) => t.right += 1,
                Some(ReviewOutcome::Missed) => t.missed += 1,
                Some(ReviewOutcome::Revealed) => t.revealed += 1,
                None => t.skipped += 1,
            }
        }
        t
    }
}

/// What a review session recorded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub missed: usize,
    pub revealed: usize,
    pub skipped: usize,
}
