use super::*;
use crate::core::course::{BashEntry, NodeId, Pattern, StepId, TypeAlong};
use crate::core::progress::ReviewOutcome;
use crate::core::unlock::tests::course as graph_course;

/// Nodes `a` and `b` (each: `read`, then the quiz `check`); `a`'s `read` step has a type-along.
fn course() -> Course {
    let mut course = graph_course(&[("a", &[]), ("b", &["a"])]);
    course.nodes[0].steps[0].bash = vec![
        BashEntry {
            cmd: "ls".into(),
            out: String::new(),
            note: None,
            type_along: None,
        },
        BashEntry {
            cmd: "docker ps".into(),
            out: String::new(),
            note: None,
            type_along: Some(TypeAlong {
                accept: vec![Pattern::command("docker ps")],
                hint: None,
            }),
        },
    ];
    course
}

fn ids(node: &str, step: &str) -> (NodeId, StepId) {
    (NodeId::from(node), StepId::from(step))
}

#[test]
fn results_count_what_the_course_has() {
    let course = course();
    let mut p = Progress::new("test");
    let (a, check) = ids("a", "check");
    let (b, _) = ids("b", "check");
    let read = StepId::from("read");
    // a: one wrong answer, then right; two hints; the type-along hinted and typed.
    p.record_hints(&a, &check, 2);
    p.record_attempt(&a, &check, Some("1".into()));
    p.record_attempt(&a, &check, None);
    p.record_type_along_hint(&a, &read, 1);
    p.mark_type_along(&a, &read, 1);
    // b: right at once; a record of a removed step is ignored.
    p.record_attempt(&b, &check, None);
    p.record_reveal(&b, &StepId::from("removed"));
    p.started_at = Some(1_000);
    p.active_secs = 1_500;
    for node in &course.nodes {
        p.complete_if_done(node);
    }
    p.stamp(5_000);

    let r = course_results(&course, &p, Day(3));
    assert_eq!(
        r,
        CourseResults {
            nodes: 2,
            nodes_complete: 2,
            quizzes: 2,
            quizzes_passed: 2,
            quizzes_first_try: 1,
            tasks: 0,
            tasks_passed: 0,
            type_alongs: 1,
            type_alongs_typed: 1,
            hints_used: 3,
            answers_revealed: 0,
            active_secs: 1_500,
            elapsed_secs: Some(4_000),
            review_due: 1,
        }
    );
    assert!(is_course_complete(&course, &p));
    // Two right review answers on different days clear the missed question.
    p.record_review(&a, &check, ReviewOutcome::Correct, Day(3));
    p.record_review(&a, &check, ReviewOutcome::Correct, Day(4));
    assert_eq!(course_results(&course, &p, Day(5)).review_due, 0);
}

#[test]
fn an_unfinished_course_has_no_elapsed_time_and_left_lists_what_remains() {
    let course = course();
    let mut p = Progress::new("test");
    let (a, check) = ids("a", "check");
    assert_eq!(
        left_in_node(&course.nodes[0], &p),
        [Left::Quiz(&course.nodes[0].steps[1])]
    );
    p.record_reveal(&a, &check);
    p.record_attempt(&a, &check, None);
    p.complete_if_done(&course.nodes[0]);
    assert!(left_in_node(&course.nodes[0], &p).is_empty());
    let r = course_results(&course, &p, Day(0));
    assert_eq!(
        (r.nodes_complete, r.answers_revealed, r.quizzes_first_try),
        (1, 1, 0)
    );
    assert_eq!(r.elapsed_secs, None);
    assert!(!is_course_complete(&course, &p));
}

#[test]
fn a_reading_node_is_left_until_its_last_step_is_seen() {
    let mut course = course();
    let node = &mut course.nodes[1];
    node.steps[1].quiz = None;
    let node = &course.nodes[1];
    let mut p = Progress::new("test");
    assert_eq!(left_in_node(node, &p), [Left::Read(&node.steps[1])]);
    p.mark_seen(&node.id, &node.steps[1].id);
    assert!(left_in_node(node, &p).is_empty());
}

#[test]
fn durations_read_naturally() {
    for (secs, want) in [
        (0, "0 s"),
        (59, "59 s"),
        (60, "1 min"),
        (3_599, "59 min"),
        (3_900, "1 h 05 min"),
        (90_000, "1 d 1 h"),
    ] {
        assert_eq!(format_duration(secs), want);
    }
}
