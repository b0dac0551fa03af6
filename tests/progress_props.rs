//! Laws of the progress value, checked on generated data: the file format round-trips any
//! progress, and merging never loses a record and is safe to repeat.

use std::collections::{BTreeMap, BTreeSet};

use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use termcourse::core::progress::codec::{Decoded, decode, encode};
use termcourse::core::progress::{
    Day, NodeRecord, PROGRESS_FORMAT, Position, Progress, QuizRecord, ReviewEvent, ReviewOutcome,
    TaskRecord, merge,
};

/// Ids from a small alphabet, so two generated values share some, plus awkward characters.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-c]{1,2}",
        1 => "[ -~]{0,6}",
        1 => "\\PC{1,4}",
        1 => "\\p{Cc}{1,3}",
    ]
}

fn time() -> impl Strategy<Value = Option<u64>> {
    option::of(0..(1_u64 << 40))
}

fn review_event() -> impl Strategy<Value = ReviewEvent> {
    (-3..40_i32, 0..3_u8).prop_map(|(day, outcome)| ReviewEvent {
        day: Day(20_000 + day),
        outcome: match outcome {
            0 => ReviewOutcome::Missed,
            1 => ReviewOutcome::Revealed,
            _ => ReviewOutcome::Correct,
        },
    })
}

fn quiz() -> impl Strategy<Value = QuizRecord> {
    (
        (0..5_u32, any::<bool>(), time(), vec("[x-z]", 0..4)),
        (any::<bool>(), 0..4_u32, vec(review_event(), 0..5)),
    )
        .prop_map(
            |((extra, passed, passed_at, wrong_answers), (revealed, hints, review))| QuizRecord {
                // Consistent, as the player records them: every answer was an attempt.
                attempts: u32::try_from(wrong_answers.len()).unwrap_or(0)
                    + u32::from(passed)
                    + extra,
                passed,
                passed_at,
                wrong_answers,
                revealed,
                hints,
                review,
            },
        )
}

fn task() -> impl Strategy<Value = TaskRecord> {
    (any::<bool>(), time()).prop_map(|(passed, passed_at)| TaskRecord { passed, passed_at })
}

fn node() -> impl Strategy<Value = NodeRecord> {
    (
        (
            any::<bool>(),
            time(),
            btree_set(id(), 0..4),
            btree_map(id(), quiz(), 0..3),
        ),
        (
            btree_set(id(), 0..3),
            btree_map(id(), task(), 0..3),
            btree_set(id(), 0..2),
            btree_set(id(), 0..2),
        ),
    )
        .prop_map(
            |(
                (complete, completed_at, seen, quizzes),
                (type_alongs, tasks, type_alongs_hinted, type_alongs_revealed),
            )| NodeRecord {
                complete,
                completed_at,
                seen,
                quizzes,
                type_alongs,
                tasks,
                type_alongs_hinted,
                type_alongs_revealed,
            },
        )
}

fn progress() -> impl Strategy<Value = Progress> {
    (
        option::of((id(), id())),
        (time(), time(), 0..100_000_u64, option::of(0..(1_u64 << 53))),
        btree_map(id(), node(), 0..4),
    )
        .prop_map(
            |(position, (started_at, updated_at, active_secs, seed), nodes)| Progress {
                format: PROGRESS_FORMAT,
                course: "course".to_owned(),
                position: position.map(|(node, step)| Position { node, step }),
                started_at,
                updated_at,
                active_secs,
                seed,
                nodes,
            },
        )
}

/// What a merge must keep from `part`, in a form that ignores order: completed nodes, seen
/// steps, type-alongs, passed quizzes and tasks, and each quiz's wrong answers as a multiset.
fn records(p: &Progress) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (id, node) in &p.nodes {
        out.insert(format!("node {id}"));
        if node.complete {
            out.insert(format!("complete {id}"));
        }
        out.extend(node.seen.iter().map(|s| format!("seen {id} {s}")));
        out.extend(node.type_alongs.iter().map(|t| format!("typed {id} {t}")));
        let hinted = node.type_alongs_hinted.iter();
        out.extend(hinted.map(|t| format!("hinted {id} {t}")));
        let revealed = node.type_alongs_revealed.iter();
        out.extend(revealed.map(|t| format!("filled in {id} {t}")));
        for (step, task) in &node.tasks {
            out.insert(format!("task {id} {step}"));
            if task.passed {
                out.insert(format!("task passed {id} {step}"));
            }
        }
        for (step, quiz) in &node.quizzes {
            if quiz.passed {
                out.insert(format!("passed {id} {step}"));
            }
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for answer in &quiz.wrong_answers {
                let n = counts.entry(answer).or_default();
                *n += 1;
                out.insert(format!("wrong {id} {step} {answer} #{n}"));
            }
            if quiz.revealed {
                out.insert(format!("revealed {id} {step}"));
            }
            out.extend((1..=quiz.hints).map(|n| format!("hint {id} {step} {n}")));
            let mut counts: BTreeMap<ReviewEvent, usize> = BTreeMap::new();
            for event in &quiz.review {
                let n = counts.entry(*event).or_default();
                *n += 1;
                out.insert(format!("review {id} {step} {event} #{n}"));
            }
        }
    }
    out
}

proptest! {
    #[test]
    fn any_progress_round_trips_through_the_file_format(p in progress()) {
        let text = encode(&p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(decode(text.as_bytes()), Ok(Decoded::Current(p)));
    }

    #[test]
    fn merging_keeps_every_record_of_both(a in progress(), b in progress()) {
        let merged = merge(&a, &b);
        let kept = records(&merged);
        prop_assert!(records(&a).is_subset(&kept));
        prop_assert!(records(&b).is_subset(&kept));
        prop_assert!(records(&a).union(&records(&b)).cloned().collect::<BTreeSet<_>>() == kept,
            "nothing is invented");
        for node in merged.nodes.values() {
            for quiz in node.quizzes.values() {
                let at_least = quiz.wrong_answers.len() + usize::from(quiz.passed);
                prop_assert!(quiz.attempts as usize >= at_least);
            }
        }
        prop_assert_eq!(merged.position.is_some(), a.position.is_some() || b.position.is_some());
        if b.position.is_some() {
            prop_assert_eq!(&merged.position, &b.position);
        }
    }

    #[test]
    fn merging_again_changes_nothing(a in progress(), b in progress()) {
        let merged = merge(&a, &b);
        prop_assert_eq!(&merge(&merged, &b), &merged);
        prop_assert_eq!(&merge(&merged, &merged), &merged);
        prop_assert_eq!(&merge(&merged, &a).nodes, &merged.nodes);
    }

    #[test]
    fn merge_order_only_decides_the_position_and_seed(a in progress(), b in progress()) {
        let (ab, ba) = (merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(records(&ab), records(&ba));
        prop_assert_eq!((ab.started_at, ab.updated_at), (ba.started_at, ba.updated_at));
        prop_assert_eq!(ab.active_secs, ba.active_secs);
        prop_assert_eq!(ab.seed, a.seed.or(b.seed), "the stored seed stays");
        for node in ab.nodes.values() {
            for quiz in node.quizzes.values() {
                prop_assert!(quiz.review.windows(2).all(|w| w[0].day <= w[1].day));
            }
        }
    }
}
