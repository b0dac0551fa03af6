//! The review: spaced repetition of the questions a learner missed, as pure functions of the
//! course, the progress and today's date (the core has no clock; the caller passes the day).
//!
//! A question (a quiz) is *in review* once the learner missed it or had its answer revealed,
//! in play or in a review session. It leaves the review after [`CORRECT_DAYS_TO_CLEAR`] right
//! answers in review sessions on different days, counted since its last miss or reveal there.
//! A question answered right today *waits* for another day; the others are *due*. The rules
//! are documented in `docs/progress-format.md` ("The review").

use std::collections::BTreeSet;

use crate::core::course::{Course, Node, Quiz, Step};
use crate::core::progress::{Day, Progress, QuizRecord, ReviewOutcome};
use crate::core::shuffle::permutation;

/// Right answers on this many different days take a question out of the review.
pub const CORRECT_DAYS_TO_CLEAR: usize = 2;

/// Where a question stands in the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStatus {
    /// Never missed nor revealed.
    NotInReview,
    /// To be asked in the next review session.
    Due,
    /// Answered right today; due again on another day.
    Waiting,
    /// Answered right on enough different days since the last miss.
    Cleared,
}

/// Where the question recorded in `record` stands on `today`.
pub fn status(record: &QuizRecord, today: Day) -> ReviewStatus {
    let last_miss = record
        .review
        .iter()
        .rposition(|e| e.outcome != ReviewOutcome::Correct);
    let missed_in_play = !record.wrong_answers.is_empty() || record.revealed;
    if !missed_in_play && last_miss.is_none() {
        return ReviewStatus::NotInReview;
    }
    let since = last_miss.map_or(0, |i| i + 1);
    let right_days: BTreeSet<Day> = record.review[since..]
        .iter()
        .filter(|e| e.outcome == ReviewOutcome::Correct)
        .map(|e| e.day)
        .collect();
    if right_days.len() >= CORRECT_DAYS_TO_CLEAR {
        ReviewStatus::Cleared
    } else if right_days.contains(&today) {
        ReviewStatus::Waiting
    } else {
        ReviewStatus::Due
    }
}

/// How often the learner got the question wrong: wrong answers and reveals, in play and in
/// review.
pub fn misses(record: &QuizRecord) -> usize {
    let in_review = record
        .review
        .iter()
        .filter(|e| e.outcome != ReviewOutcome::Correct)
        .count();
    record.wrong_answers.len() + usize::from(record.revealed) + in_review
}

/// A question of the review.
#[derive(Debug, Clone, Copy)]
pub struct Question<'c> {
    pub node: &'c Node,
    pub step: &'c Step,
    pub quiz: &'c Quiz,
    /// See [`misses`].
    pub misses: usize,
    pub status: ReviewStatus,
}

/// Every quiz of the course with its review status on `today`, in course order. Records of
/// quizzes the course no longer has are ignored.
pub fn questions<'c>(course: &'c Course, progress: &Progress, today: Day) -> Vec<Question<'c>> {
    let mut out = Vec::new();
    for node in &course.nodes {
        for step in &node.steps {
            let Some(quiz) = &step.quiz else { continue };
            let record = progress
                .node(&node.id)
                .and_then(|n| n.quizzes.get(step.id.as_str()));
            let (status, misses) = record.map_or((ReviewStatus::NotInReview, 0), |r| {
                (status(r, today), misses(r))
            });
            out.push(Question {
                node,
                step,
                quiz,
                misses,
                status,
            });
        }
    }
    out
}

/// The questions due on `today`, most missed first, ties in course order.
pub fn due<'c>(course: &'c Course, progress: &Progress, today: Day) -> Vec<Question<'c>> {
    let mut due: Vec<Question<'c>> = questions(course, progress, today)
        .into_iter()
        .filter(|q| q.status == ReviewStatus::Due)
        .collect();
    due.sort_by_key(|q| std::cmp::Reverse(q.misses));
    due
}

/// How many questions are due on `today` (what the matrix shows).
pub fn due_count(course: &Course, progress: &Progress, today: Day) -> usize {
    questions(course, progress, today)
        .iter()
        .filter(|q| q.status == ReviewStatus::Due)
        .count()
}

/// The questions of a review session on `today`: the due ones, most missed first, and among
/// questions missed equally often in an order shuffled by `shuffle`. Pass a fresh number for
/// each session (the order is then new each time); show each question's choices shuffled the
/// same way (`core::shuffle::choice_order(Some(shuffle), …)`), so positions learnt in play do
/// not give answers away.
pub fn session<'c>(
    course: &'c Course,
    progress: &Progress,
    today: Day,
    shuffle: u64,
) -> Vec<Question<'c>> {
    let due = due(course, progress, today);
    let order = permutation(shuffle, due.len());
    let mut keyed: Vec<(std::cmp::Reverse<usize>, usize, Question<'c>)> = due
        .into_iter()
        .enumerate()
        .map(|(i, q)| (std::cmp::Reverse(q.misses), order[i], q))
        .collect();
    keyed.sort_by_key(|(misses, rank, _)| (*misses, *rank));
    keyed.into_iter().map(|(_, _, q)| q).collect()
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
