use std::path::Path;

use super::*;
use crate::core::course::{NodeId, StepId};
use crate::core::unlock::tests::course;

fn sample() -> (Course, Progress) {
    let mut c = course(&[("a", &[]), ("b", &["a"]), ("c", &["a"]), ("d", &["b", "c"])]);
    c.title = "Diamonds".to_owned();
    c.nodes[3].title = "A very long title that goes on and on well past the column".to_owned();
    let mut p = Progress::new("test");
    p.nodes.entry("a".into()).or_default().complete = true;
    p.mark_seen(&NodeId::from("a"), &StepId::from("read"));
    p.mark_seen(&NodeId::from("a"), &StepId::from("check"));
    p.record_attempt(&NodeId::from("a"), &StepId::from("check"), None);
    p.mark_seen(&NodeId::from("b"), &StepId::from("read"));
    p.set_position(&NodeId::from("b"), &StepId::from("read"));
    p.nodes.entry("removed".into()).or_default().complete = true;
    p.stamp(1);
    (c, p)
}

#[test]
fn show_lists_every_node_with_its_state_and_counts() {
    let (c, p) = sample();
    let text = render(&c, &p, Path::new("/data/progress/test.toml"));
    let expected = "\
Diamonds (test)
progress file: /data/progress/test.toml

  [x] a                                                complete     2/2 steps  1/1 quizzes
  [>]   b                                              in progress  1/2 steps  0/1 quizzes
  [ ]   c                                              available    0/2 steps  0/1 quizzes
  [-]     A very long title that goes on and on well…  locked: needs b, c

1/4 nodes complete, 1 in progress, 1 available, 1 locked
resume at: b › read
kept: records for 1 node id(s) this course no longer has
";
    assert_eq!(text, expected);
}

#[test]
fn fresh_progress_has_no_resume_point() {
    let (c, _) = sample();
    let text = render(&c, &Progress::new("test"), Path::new("p.toml"));
    assert!(text.contains("0/4 nodes complete, 0 in progress, 1 available, 3 locked\n"));
    assert!(!text.contains("resume at"));
    assert!(!text.contains("kept:"));
    assert!(text.contains("progress file: p.toml (nothing saved yet)\n"));
}

#[test]
fn tasks_are_counted_like_quizzes() {
    let (mut c, mut p) = sample();
    let write = crate::core::course::Step {
        id: StepId::from("write"),
        task: Some(crate::core::course::Task {
            goal: "Write it".to_owned(),
            files: Vec::new(),
            checks: Vec::new(),
        }),
        ..c.nodes[1].steps[0].clone()
    };
    c.nodes[1].steps.push(write);
    p.record_task_passed(&NodeId::from("b"), &StepId::from("write"));
    let text = render(&c, &p, Path::new("p.toml"));
    assert!(
        text.contains("in progress  1/3 steps  0/1 quizzes  1/1 tasks\n"),
        "{text}"
    );
}
