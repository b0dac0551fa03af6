use super::*;
use crate::core::course::NodeId;
use crate::core::progress::ReviewOutcome::{Correct, Missed, Revealed};
use crate::core::unlock::tests::course as graph_course;

fn record(wrong: usize, revealed: bool, review: &[(i32, ReviewOutcome)]) -> QuizRecord {
    QuizRecord {
        wrong_answers: vec!["1".to_owned(); wrong],
        revealed,
        review: review
            .iter()
            .map(|(day, outcome)| crate::core::progress::ReviewEvent {
                day: Day(*day),
                outcome: *outcome,
            })
            .collect(),
        ..QuizRecord::default()
    }
}

#[test]
fn a_question_enters_on_a_miss_and_leaves_after_two_right_days() {
    let today = Day(100);
    let cases = [
        (record(0, false, &[]), ReviewStatus::NotInReview),
        (record(1, false, &[]), ReviewStatus::Due),
        (record(0, true, &[]), ReviewStatus::Due),
        (record(0, false, &[(90, Missed)]), ReviewStatus::Due),
        (record(1, false, &[(99, Correct)]), ReviewStatus::Due),
        (record(1, false, &[(100, Correct)]), ReviewStatus::Waiting),
        (
            record(1, false, &[(100, Correct), (100, Correct)]),
            ReviewStatus::Waiting,
        ),
        (
            record(1, false, &[(99, Correct), (100, Correct)]),
            ReviewStatus::Cleared,
        ),
        (
            record(1, false, &[(97, Correct), (98, Correct)]),
            ReviewStatus::Cleared,
        ),
        // A miss starts the count again.
        (
            record(1, false, &[(97, Correct), (98, Missed), (99, Correct)]),
            ReviewStatus::Due,
        ),
        (
            record(0, false, &[(97, Correct), (98, Revealed), (100, Correct)]),
            ReviewStatus::Waiting,
        ),
        // Right answers before a miss on the same day do not count.
        (
            record(1, false, &[(99, Correct), (100, Missed), (100, Correct)]),
            ReviewStatus::Waiting,
        ),
    ];
    for (i, (record, want)) in cases.iter().enumerate() {
        assert_eq!(status(record, today), *want, "case {i}: {record:?}");
    }
}

#[test]
fn misses_count_play_and_review() {
    assert_eq!(
        misses(&record(
            2,
            true,
            &[(1, Missed), (2, Correct), (3, Revealed)]
        )),
        5
    );
    assert_eq!(misses(&record(0, false, &[])), 0);
}

fn progress_with(entries: &[(&str, QuizRecord)]) -> Progress {
    let mut p = Progress::new("test");
    for (node, record) in entries {
        p.nodes
            .entry((*node).to_owned())
            .or_default()
            .quizzes
            .insert("check".to_owned(), record.clone());
    }
    p
}

#[test]
fn due_questions_come_most_missed_first_and_are_counted() {
    let course = graph_course(&[("a", &[]), ("b", &["a"]), ("c", &["a"]), ("d", &[])]);
    let today = Day(50);
    let p = progress_with(&[
        ("a", record(1, false, &[])),
        ("b", record(3, false, &[])),
        ("c", record(1, false, &[(50, Correct)])),
        ("d", record(0, true, &[(40, Correct), (45, Correct)])),
        ("gone", record(9, false, &[])),
    ]);
    let due: Vec<&str> = due(&course, &p, today)
        .iter()
        .map(|q| q.node.id.as_str())
        .collect();
    assert_eq!(
        due,
        ["b", "a"],
        "c waits for tomorrow, d is cleared, gone is not in the course"
    );
    assert_eq!(due_count(&course, &p, today), 2);
    assert_eq!(
        due_count(&course, &p, Day(51)),
        3,
        "c is due again the next day"
    );
    assert_eq!(due_count(&course, &Progress::new("test"), today), 0);
}

#[test]
fn sessions_shuffle_ties_but_keep_the_most_missed_first() {
    let ids = ["a", "b", "c", "d", "e", "f"];
    let graph: Vec<(&str, &[&str])> = ids.iter().map(|id| (*id, &[][..])).collect();
    let course = graph_course(&graph);
    let mut entries: Vec<(&str, QuizRecord)> = ids[..5]
        .iter()
        .map(|id| (*id, record(1, false, &[])))
        .collect();
    entries.push(("f", record(4, false, &[])));
    let p = progress_with(&entries);
    let mut orders = BTreeSet::new();
    for shuffle in 0..20 {
        let session = session(&course, &p, Day(1), shuffle);
        assert_eq!(session.len(), 6);
        assert_eq!(session[0].node.id, NodeId::from("f"), "most missed first");
        let order: Vec<String> = session.iter().map(|q| q.node.id.to_string()).collect();
        orders.insert(order);
    }
    assert!(
        orders.len() > 5,
        "fresh sessions come in fresh orders: {orders:?}"
    );
    let ids_of = |shuffle| -> Vec<NodeId> {
        session(&course, &p, Day(1), shuffle)
            .iter()
            .map(|q| q.node.id.clone())
            .collect()
    };
    assert_eq!(ids_of(7), ids_of(7), "one shuffle number, one order");
}
