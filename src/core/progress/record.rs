//! What the player records as the learner moves, asks for help and answers: pure transitions
//! of the progress value, each returning whether it changed anything (the caller saves then).

use crate::core::course::{Node, NodeId, StepId};
use crate::core::progress::{Day, Progress, QuizRecord, ReviewEvent, ReviewOutcome};

/// Review answers kept per question; older ones are dropped. Only the answers since the last
/// miss decide anything, and a question leaves the review after two right ones.
pub const MAX_REVIEW_EVENTS: usize = 50;

/// What arriving at a step changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Arrival {
    /// Something was recorded: save.
    pub changed: bool,
    /// This arrival completed the node (a node without quizzes or tasks, at its last step).
    pub completed: bool,
}

impl Progress {
    fn quiz_mut(&mut self, node: &NodeId, step: &StepId) -> &mut QuizRecord {
        self.node_mut(node)
            .quizzes
            .entry(step.as_str().to_owned())
            .or_default()
    }

    /// Records that the learner is at `step` of `node`: seen, the resume point, and the
    /// completion of a node that is completed by reading.
    ///
    /// In practice mode (`practice`), only `seen` is recorded and the resume point is cleared,
    /// never set: a save merges a missing position with the stored one (see `merge`), so a
    /// practice session leaves the resume point where the last normal session put it, even
    /// when one runs at the same time.
    pub fn arrive(&mut self, node: &Node, step: &StepId, practice: bool) -> Arrival {
        let mut changed = self.mark_seen(&node.id, step);
        if practice {
            changed |= self.position.take().is_some();
            return Arrival {
                changed,
                completed: false,
            };
        }
        let before = self.position.clone();
        self.set_position(&node.id, step);
        changed |= before != self.position;
        let completed = self.complete_if_done(node);
        Arrival {
            changed: changed || completed,
            completed,
        }
    }

    /// Records that `shown` hints of the quiz of `step` are on screen (the most ever shown is
    /// kept).
    pub fn record_hints(&mut self, node: &NodeId, step: &StepId, shown: usize) -> bool {
        let shown = u32::try_from(shown).unwrap_or(u32::MAX);
        let quiz = self.quiz_mut(node, step);
        let changed = shown > quiz.hints;
        quiz.hints = quiz.hints.max(shown);
        changed
    }

    /// Records that the answer to the quiz of `step` was shown to the learner (outside
    /// review); the quiz is then not passed at the first try, and goes into the review.
    pub fn record_reveal(&mut self, node: &NodeId, step: &StepId) -> bool {
        !std::mem::replace(&mut self.quiz_mut(node, step).revealed, true)
    }

    pub fn answer_revealed(&self, node: &NodeId, step: &StepId) -> bool {
        self.node(node)
            .and_then(|n| n.quizzes.get(step.as_str()))
            .is_some_and(|q| q.revealed)
    }

    /// Records that the learner asked for the hint of type-along entry `entry` of `step`.
    pub fn record_type_along_hint(&mut self, node: &NodeId, step: &StepId, entry: usize) -> bool {
        self.node_mut(node)
            .type_alongs_hinted
            .insert(format!("{step}#{entry}"))
    }

    /// Records that type-along entry `entry` of `step` was filled in for the learner.
    pub fn record_type_along_reveal(&mut self, node: &NodeId, step: &StepId, entry: usize) -> bool {
        self.node_mut(node)
            .type_alongs_revealed
            .insert(format!("{step}#{entry}"))
    }

    /// Records an answer given to the quiz of `step` in a review session on `day`. A right
    /// answer to a quiz not passed yet also passes it (returns true then: the caller checks
    /// whether that completes the node with [`Progress::complete_if_done`]).
    pub fn record_review(
        &mut self,
        node: &NodeId,
        step: &StepId,
        outcome: ReviewOutcome,
        day: Day,
    ) -> bool {
        let quiz = self.quiz_mut(node, step);
        // Kept in order of days even if the clock went back.
        let at = quiz.review.partition_point(|e| e.day <= day);
        quiz.review.insert(at, ReviewEvent { day, outcome });
        let excess = quiz.review.len().saturating_sub(MAX_REVIEW_EVENTS);
        quiz.review.drain(..excess);
        if outcome == ReviewOutcome::Correct && !quiz.passed {
            quiz.passed = true;
            // A pass always follows at least one answer; review answers are not `attempts`.
            quiz.attempts = quiz.attempts.max(1);
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::course::Step;

    fn node(steps: &[&str]) -> Node {
        Node {
            id: NodeId::from("n"),
            title: "N".into(),
            summary: String::new(),
            requires: Vec::new(),
            steps: steps
                .iter()
                .map(|id| Step {
                    id: StepId::from(*id),
                    title: (*id).into(),
                    sys_msg: None,
                    body: Some("x".into()),
                    bash: Vec::new(),
                    quiz: None,
                    task: None,
                })
                .collect(),
        }
    }

    #[test]
    fn arriving_sets_the_resume_point_and_completes_a_read_node() {
        let n = node(&["a", "b"]);
        let mut p = Progress::new("c");
        let first = p.arrive(&n, &StepId::from("a"), false);
        assert_eq!(
            first,
            Arrival {
                changed: true,
                completed: false
            }
        );
        assert_eq!(p.position.as_ref().map(|p| p.step.as_str()), Some("a"));
        let again = p.arrive(&n, &StepId::from("a"), false);
        assert!(!again.changed, "nothing new");
        let last = p.arrive(&n, &StepId::from("b"), false);
        assert_eq!(
            last,
            Arrival {
                changed: true,
                completed: true
            }
        );
    }

    #[test]
    fn practice_never_moves_the_resume_point_or_completes() {
        let n = node(&["a", "b"]);
        let mut p = Progress::new("c");
        p.arrive(&n, &StepId::from("a"), false);
        let mut practice = p.clone();
        let arrival = practice.arrive(&n, &StepId::from("b"), true);
        assert_eq!(
            arrival,
            Arrival {
                changed: true,
                completed: false
            }
        );
        assert!(!practice.is_complete(&n.id));
        // What a practice session saves keeps the stored resume point.
        let saved = crate::core::progress::merge(&p, &practice);
        assert_eq!(saved.position, p.position);
        assert!(saved.nodes["n"].seen.contains("b"));
    }

    #[test]
    fn hints_reveals_and_first_tries() {
        let (n, q) = (NodeId::from("n"), StepId::from("q"));
        let mut p = Progress::new("c");
        assert!(p.record_hints(&n, &q, 2));
        assert!(!p.record_hints(&n, &q, 1), "the most shown is kept");
        assert_eq!(p.nodes["n"].quizzes["q"].hints, 2);
        p.record_attempt(&n, &q, None);
        assert!(
            p.nodes["n"].quizzes["q"].passed_first_try(),
            "hints are fine"
        );
        assert!(p.record_reveal(&n, &q));
        assert!(!p.record_reveal(&n, &q));
        assert!(p.answer_revealed(&n, &q));
        assert!(!p.nodes["n"].quizzes["q"].passed_first_try());
        assert!(p.record_type_along_hint(&n, &q, 0));
        assert!(p.record_type_along_reveal(&n, &q, 1));
        assert!(!p.record_type_along_reveal(&n, &q, 1));
    }

    #[test]
    fn a_right_review_answer_passes_an_unpassed_quiz_and_history_is_bounded() {
        let (n, q) = (NodeId::from("n"), StepId::from("q"));
        let mut p = Progress::new("c");
        p.record_attempt(&n, &q, Some("1".into()));
        assert!(!p.record_review(&n, &q, ReviewOutcome::Missed, Day(10)));
        assert!(p.record_review(&n, &q, ReviewOutcome::Correct, Day(11)));
        assert!(p.quiz_passed(&n, &q));
        assert!(!p.record_review(&n, &q, ReviewOutcome::Correct, Day(12)));
        for day in 0..200 {
            p.record_review(&n, &q, ReviewOutcome::Correct, Day(100 + day));
        }
        let review = &p.nodes["n"].quizzes["q"].review;
        assert_eq!(review.len(), MAX_REVIEW_EVENTS);
        assert_eq!(
            review.last().map(|e| e.day),
            Some(Day(299)),
            "the newest are kept"
        );
    }
}
