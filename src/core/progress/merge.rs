//! Combining two copies of one learner's progress, as when two players are open on the same
//! course and each saves what it has.
//!
//! The merge never loses a record: completions, seen steps, type-alongs, passed quizzes and
//! passed tasks, hints and reveals are unions; counters take the larger value; wrong answers
//! and review answers are multiset unions; the first learner seed stays. It is
//! idempotent (merging a value with itself, or merging again with the result, changes nothing),
//! which is what makes "lock, re-read, merge, write" safe to repeat on every save.

use std::collections::BTreeMap;

use crate::core::progress::record::MAX_REVIEW_EVENTS;
use crate::core::progress::{NodeRecord, PROGRESS_FORMAT, Progress, QuizRecord, TaskRecord};

/// Merges the progress `stored` on disk with `ours`, the saving player's copy.
///
/// Everything recorded in either is kept; where only one value can win, `ours` does (the
/// position, because the learner is looking at the saving player). Earliest times win for
/// "when did this first happen" stamps, the latest for `updated_at`.
pub fn merge(stored: &Progress, ours: &Progress) -> Progress {
    let mut nodes = stored.nodes.clone();
    for (id, record) in &ours.nodes {
        let merged = match nodes.get(id) {
            Some(theirs) => merge_node(theirs, record),
            None => record.clone(),
        };
        nodes.insert(id.clone(), merged);
    }
    for quiz in nodes.values_mut().flat_map(|n| n.quizzes.values_mut()) {
        tidy_review(&mut quiz.review);
    }
    Progress {
        format: PROGRESS_FORMAT,
        course: ours.course.clone(),
        position: ours.position.clone().or_else(|| stored.position.clone()),
        started_at: earliest(stored.started_at, ours.started_at),
        updated_at: stored.updated_at.max(ours.updated_at),
        // Both players saved every gap they saw onto the file's total, so the larger is it.
        active_secs: stored.active_secs.max(ours.active_secs),
        // The first seed written stays: the learner's choices keep their order.
        seed: stored.seed.or(ours.seed),
        nodes,
    }
}

fn merge_node(a: &NodeRecord, b: &NodeRecord) -> NodeRecord {
    let mut quizzes: BTreeMap<String, QuizRecord> = a.quizzes.clone();
    for (step, quiz) in &b.quizzes {
        let merged = match quizzes.get(step) {
            Some(theirs) => merge_quiz(theirs, quiz),
            None => quiz.clone(),
        };
        quizzes.insert(step.clone(), merged);
    }
    NodeRecord {
        complete: a.complete || b.complete,
        completed_at: earliest(a.completed_at, b.completed_at),
        seen: a.seen.union(&b.seen).cloned().collect(),
        quizzes,
        type_alongs: a.type_alongs.union(&b.type_alongs).cloned().collect(),
        tasks: merge_tasks(&a.tasks, &b.tasks),
        type_alongs_hinted: a
            .type_alongs_hinted
            .union(&b.type_alongs_hinted)
            .cloned()
            .collect(),
        type_alongs_revealed: a
            .type_alongs_revealed
            .union(&b.type_alongs_revealed)
            .cloned()
            .collect(),
    }
}

fn merge_tasks(
    a: &BTreeMap<String, TaskRecord>,
    b: &BTreeMap<String, TaskRecord>,
) -> BTreeMap<String, TaskRecord> {
    let mut tasks = a.clone();
    for (step, task) in b {
        let merged = match tasks.get(step) {
            Some(theirs) => TaskRecord {
                passed: theirs.passed || task.passed,
                passed_at: earliest(theirs.passed_at, task.passed_at),
            },
            None => task.clone(),
        };
        tasks.insert(step.clone(), merged);
    }
    tasks
}

fn merge_quiz(a: &QuizRecord, b: &QuizRecord) -> QuizRecord {
    let wrong_answers = union_of_multisets(&a.wrong_answers, &b.wrong_answers);
    let passed = a.passed || b.passed;
    // Every wrong answer and the passing one was an attempt, whichever player saw it.
    let at_least = u32::try_from(wrong_answers.len())
        .unwrap_or(u32::MAX)
        .saturating_add(u32::from(passed));
    // Review answers: each as often as the copy with more of it has it (put in order by
    // `merge`).
    let review = union_of_multisets(&a.review, &b.review);
    QuizRecord {
        attempts: a.attempts.max(b.attempts).max(at_least),
        passed,
        passed_at: earliest(a.passed_at, b.passed_at),
        wrong_answers,
        revealed: a.revealed || b.revealed,
        hints: a.hints.max(b.hints),
        review,
    }
}

/// Review answers by day (a stable sort keeps the order of one day's answers), the newest
/// [`MAX_REVIEW_EVENTS`] kept, so that merging again finds them in the same order.
fn tidy_review(review: &mut Vec<crate::core::progress::ReviewEvent>) {
    review.sort_by_key(|event| event.day);
    let excess = review.len().saturating_sub(MAX_REVIEW_EVENTS);
    review.drain(..excess);
}

/// `a` in its order, then the answers of `b` that occur in it more often than in `a`, so each
/// answer appears as many times as in whichever list has it most.
fn union_of_multisets<T: Clone + Ord>(a: &[T], b: &[T]) -> Vec<T> {
    let mut unmatched: BTreeMap<&T, usize> = BTreeMap::new();
    for answer in a {
        *unmatched.entry(answer).or_default() += 1;
    }
    let mut out = a.to_vec();
    for answer in b {
        match unmatched.get_mut(answer) {
            Some(count) if *count > 0 => *count -= 1,
            _ => out.push(answer.clone()),
        }
    }
    out
}

fn earliest(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::course::{NodeId, StepId};

    fn answers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn wrong_answers_are_a_multiset_union() {
        let cases: [(&[&str], &[&str], &[&str]); 6] = [
            (&[], &[], &[]),
            (&["a"], &[], &["a"]),
            (&["a", "b"], &["a", "b", "c"], &["a", "b", "c"]),
            (&["a", "b", "x"], &["a", "b", "y"], &["a", "b", "x", "y"]),
            (&["a", "a"], &["a"], &["a", "a"]),
            (&["a"], &["b", "a", "a"], &["a", "b", "a"]),
        ];
        for (a, b, want) in cases {
            let got = union_of_multisets(&answers(a), &answers(b));
            assert_eq!(got, answers(want), "merging {a:?} with {b:?}");
        }
    }

    fn sample(seen: &str, wrong: &str, complete: bool) -> Progress {
        let mut p = Progress::new("course");
        let (node, quiz) = (NodeId::from("n"), StepId::from("q"));
        p.mark_seen(&node, &StepId::from(seen));
        p.record_attempt(&node, &quiz, Some(wrong.to_owned()));
        p.nodes.entry("n".into()).or_default().complete = complete;
        p
    }

    #[test]
    fn merge_keeps_both_sides_and_is_idempotent() {
        let mut a = sample("s1", "x", true);
        if let Some(record) = a.nodes.get_mut("n") {
            record.completed_at = Some(50);
        }
        a.set_position(&NodeId::from("n"), &StepId::from("s1"));
        let mut b = sample("s2", "y", false);
        b.set_position(&NodeId::from("n"), &StepId::from("s2"));
        b.record_attempt(&NodeId::from("n"), &StepId::from("q"), None);
        b.nodes.insert("gone".into(), NodeRecord::default());

        let merged = merge(&a, &b);
        let node = &merged.nodes["n"];
        assert!(node.complete);
        assert_eq!(node.completed_at, Some(50));
        assert_eq!(node.seen.len(), 2);
        assert!(merged.nodes.contains_key("gone"), "unknown ids are kept");
        let quiz = &node.quizzes["q"];
        assert!(quiz.passed);
        assert_eq!(quiz.wrong_answers, answers(&["x", "y"]));
        assert_eq!(quiz.attempts, 3, "two wrong answers and one pass");
        assert_eq!(
            merged.position.as_ref().map(|p| p.step.as_str()),
            Some("s2")
        );

        assert_eq!(merge(&merged, &b), merged);
        assert_eq!(merge(&merged, &merged), merged);
        assert_eq!(merge(&a, &merged).nodes, merged.nodes);
    }

    #[test]
    fn merge_takes_the_earliest_start_and_latest_update() {
        let mut a = Progress::new("c");
        (a.started_at, a.updated_at) = (Some(10), Some(20));
        let mut b = Progress::new("c");
        (b.started_at, b.updated_at) = (Some(5), Some(15));
        let m = merge(&a, &b);
        assert_eq!((m.started_at, m.updated_at), (Some(5), Some(20)));
        let fresh = merge(&Progress::new("c"), &a);
        assert_eq!((fresh.started_at, fresh.updated_at), (Some(10), Some(20)));
    }

    #[test]
    fn passed_tasks_are_a_union_with_the_earliest_time() {
        let (node, step) = (NodeId::from("n"), StepId::from("write"));
        let mut a = Progress::new("c");
        a.record_task_passed(&node, &step);
        a.stamp(30);
        let mut b = Progress::new("c");
        b.record_task_passed(&node, &step);
        b.record_task_passed(&node, &StepId::from("other"));
        b.stamp(20);
        let m = merge(&a, &b);
        let tasks = &m.nodes["n"].tasks;
        assert_eq!(tasks["write"].passed_at, Some(20));
        assert!(tasks["other"].passed);
        assert_eq!(merge(&m, &a), m);
        assert_eq!(merge(&Progress::new("c"), &a).nodes, a.nodes);
    }

    #[test]
    fn learner_additions_merge_without_loss_and_idempotently() {
        use crate::core::progress::{Day, ReviewOutcome};
        let (node, quiz) = (NodeId::from("n"), StepId::from("q"));
        let mut a = Progress::new("c");
        a.seed = Some(7);
        a.active_secs = 100;
        a.record_hints(&node, &quiz, 1);
        a.record_review(&node, &quiz, ReviewOutcome::Missed, Day(10));
        a.record_review(&node, &quiz, ReviewOutcome::Correct, Day(12));
        a.record_type_along_hint(&node, &StepId::from("s"), 0);
        let mut b = Progress::new("c");
        b.seed = Some(9);
        b.active_secs = 250;
        b.record_hints(&node, &quiz, 3);
        b.record_reveal(&node, &quiz);
        b.record_review(&node, &quiz, ReviewOutcome::Missed, Day(10));
        b.record_review(&node, &quiz, ReviewOutcome::Correct, Day(11));
        b.record_type_along_reveal(&node, &StepId::from("s"), 1);

        let m = merge(&a, &b);
        assert_eq!(m.seed, Some(7), "the stored seed stays");
        assert_eq!(m.active_secs, 250);
        let record = &m.nodes["n"].quizzes["q"];
        assert!(record.revealed);
        assert_eq!(record.hints, 3);
        let days: Vec<i32> = record.review.iter().map(|e| e.day.0).collect();
        assert_eq!(
            days,
            [10, 11, 12],
            "one shared miss, both right answers, by day"
        );
        assert_eq!(m.nodes["n"].type_alongs_hinted.len(), 1);
        assert_eq!(m.nodes["n"].type_alongs_revealed.len(), 1);
        assert_eq!(merge(&m, &b), m);
        assert_eq!(merge(&m, &m), m);
        assert_eq!(
            merge(&Progress::new("c"), &b).seed,
            Some(9),
            "ours when none is stored"
        );
    }

    #[test]
    fn short_gaps_between_saves_are_time_spent() {
        let mut p = Progress::new("c");
        p.stamp(1_000);
        assert_eq!(p.active_secs, 0, "the first save starts the clock");
        p.stamp(1_300);
        p.stamp(1_300 + crate::core::progress::ACTIVE_GAP_SECS);
        assert_eq!(p.active_secs, 300 + crate::core::progress::ACTIVE_GAP_SECS);
        let before = p.active_secs;
        p.stamp(100_000);
        assert_eq!(p.active_secs, before, "a long gap is a break");
        p.stamp(99_000);
        assert_eq!(p.active_secs, before, "a clock that went back adds nothing");
    }

    #[test]
    fn position_falls_back_to_the_stored_one() {
        let mut stored = Progress::new("c");
        stored.set_position(&NodeId::from("a"), &StepId::from("b"));
        let m = merge(&stored, &Progress::new("c"));
        assert_eq!(m.position, stored.position);
    }
}
