use super::*;
use crate::core::course::{
    Check, CheckKind, Choice, CourseId, MatrixInfo, Quiz, QuizKind, Step, StepId, Task, TaskFile,
};

fn step(id: &str, quiz: bool) -> Step {
    Step {
        id: StepId::from(id),
        title: id.to_owned(),
        sys_msg: None,
        body: Some("text".to_owned()),
        bash: Vec::new(),
        quiz: quiz.then(|| Quiz {
            question: "?".to_owned(),
            kind: QuizKind::Single {
                choices: vec![Choice {
                    text: "yes".to_owned(),
                    correct: true,
                    why: None,
                }],
            },
            hints: Vec::new(),
            explain: None,
        }),
        task: None,
    }
}

/// A course from `(node, requires)` pairs; every node has steps `read` and a quiz step `check`.
pub(crate) fn course(graph: &[(&str, &[&str])]) -> Course {
    Course {
        id: CourseId::from("test"),
        title: "Test".to_owned(),
        tagline: String::new(),
        ticker: Vec::new(),
        matrix: MatrixInfo::default(),
        glossary: Vec::new(),
        faq: Vec::new(),
        finish: None,
        nodes: graph
            .iter()
            .map(|(id, requires)| Node {
                id: NodeId::from(*id),
                title: (*id).to_owned(),
                summary: String::new(),
                requires: requires.iter().map(|r| NodeId::from(*r)).collect(),
                steps: vec![step("read", false), step("check", true)],
            })
            .collect(),
    }
}

/// Diamond: a → b, a → c, (b, c) → d.
pub(crate) type Graph = &'static [(&'static str, &'static [&'static str])];

const DIAMOND: Graph = &[("a", &[]), ("b", &["a"]), ("c", &["a"]), ("d", &["b", "c"])];

/// Several paths of different lengths into `e`, and a second root `r`.
const MULTI_PATH: Graph = &[
    ("a", &[]),
    ("b", &["a"]),
    ("c", &["b"]),
    ("r", &[]),
    ("e", &["a", "c", "r"]),
];

fn progress(complete: &[&str], started: &[&str]) -> Progress {
    let mut p = Progress::new("test");
    for id in complete {
        p.nodes.entry((*id).to_owned()).or_default().complete = true;
    }
    for id in started {
        p.mark_seen(&NodeId::from(*id), &StepId::from("read"));
    }
    p
}

/// A compact spelling of states: `C` complete, `P` in progress, `A` available, `L(x+y)` locked.
fn spell(states: &[NodeState]) -> Vec<String> {
    states
        .iter()
        .map(|s| match s {
            NodeState::Complete => "C".to_owned(),
            NodeState::InProgress => "P".to_owned(),
            NodeState::Available => "A".to_owned(),
            NodeState::Locked { missing } => {
                let names: Vec<&str> = missing.iter().map(NodeId::as_str).collect();
                format!("L({})", names.join("+"))
            }
        })
        .collect()
}

/// Checks rows of (complete nodes, started nodes, expected states), each a space-separated list.
fn check_states(graph: Graph, practice: bool, rows: &[(&str, &str, &str)]) {
    let c = course(graph);
    for (complete, started, want) in rows {
        let complete: Vec<&str> = complete.split_whitespace().collect();
        let started: Vec<&str> = started.split_whitespace().collect();
        let states = node_states(&c, &progress(&complete, &started), practice);
        let want: Vec<&str> = want.split_whitespace().collect();
        assert_eq!(
            spell(&states),
            want,
            "complete {complete:?}, started {started:?}"
        );
    }
}

#[test]
fn diamond_unlocks_its_join_only_when_both_sides_are_complete() {
    check_states(
        DIAMOND,
        false,
        &[
            ("", "", "A L(a) L(a) L(b+c)"),
            ("", "a", "P L(a) L(a) L(b+c)"),
            ("a", "", "C A A L(b+c)"),
            ("a b", "c", "C C P L(c)"),
            ("a b c", "", "C C C A"),
            ("a b c", "d", "C C C P"),
            ("a b c d", "", "C C C C"),
            // Completed out of order (possible after course edits): it still counts.
            ("d", "", "A L(a) L(a) C"),
        ],
    );
}

#[test]
fn multi_path_needs_every_requirement_whatever_the_path_length() {
    check_states(
        MULTI_PATH,
        false,
        &[
            ("", "", "A L(a) L(b) A L(a+c+r)"),
            ("a r", "", "C A L(b) C L(c)"),
            ("a b r", "e", "C C A C L(c)"),
            ("a b c r", "", "C C C C A"),
        ],
    );
}

#[test]
fn practice_mode_unlocks_everything_and_keeps_completions() {
    check_states(
        DIAMOND,
        true,
        &[
            ("", "", "A A A A"),
            ("", "d", "A A A P"),
            ("a", "c", "C A P A"),
        ],
    );
    check_states(MULTI_PATH, true, &[("c", "", "A A C A A")]);
}

#[test]
fn ids_the_course_no_longer_has_are_ignored() {
    let c = course(DIAMOND);
    let mut p = progress(&["a", "removed-node"], &[]);
    // Records of a removed step do not make a node "in progress".
    p.mark_seen(&NodeId::from("b"), &StepId::from("removed-step"));
    p.mark_type_along(&NodeId::from("c"), &StepId::from("removed-step"), 0);
    p.record_attempt(&NodeId::from("c"), &StepId::from("old-quiz"), None);
    assert_eq!(
        spell(&node_states(&c, &p, false)),
        ["C", "A", "A", "L(b+c)"]
    );
    // ...but they are kept in the progress.
    assert!(p.nodes.contains_key("removed-node"));
    assert!(
        p.node(&NodeId::from("b"))
            .is_some_and(|n| !n.seen.is_empty() || !n.quizzes.is_empty())
    );
}

#[test]
fn a_type_along_or_quiz_attempt_starts_a_node() {
    let c = course(DIAMOND);
    let mut p = progress(&["a"], &[]);
    p.mark_type_along(&NodeId::from("b"), &StepId::from("read"), 0);
    p.record_attempt(
        &NodeId::from("c"),
        &StepId::from("check"),
        Some("no".into()),
    );
    assert_eq!(
        spell(&node_states(&c, &p, false)),
        ["C", "P", "P", "L(b+c)"]
    );
}

#[test]
fn newly_unlocked_lists_nodes_whose_last_requirement_just_completed() {
    let cases: &[(Graph, &[&str], &str, &[&str])] = &[
        (DIAMOND, &["a"], "a", &["b", "c"]),
        (DIAMOND, &["a", "b"], "b", &[]),
        (DIAMOND, &["a", "b", "c"], "c", &["d"]),
        (DIAMOND, &["a", "b", "c", "d"], "c", &[]),
        (DIAMOND, &[], "a", &[]),
        (MULTI_PATH, &["a", "r"], "a", &["b"]),
        (MULTI_PATH, &["a", "b", "c", "r"], "r", &["e"]),
    ];
    for (graph, complete, just, want) in cases {
        let c = course(graph);
        let got: Vec<&str> = newly_unlocked(&c, &progress(complete, &[]), &NodeId::from(*just))
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(got, *want, "completing {just} with {complete:?}");
    }
}

#[test]
fn completing_a_node_through_its_quiz_unlocks_the_next() {
    let c = course(DIAMOND);
    let mut p = Progress::new("test");
    let a = &c.nodes[0];
    p.record_attempt(&a.id, &StepId::from("check"), Some("wrong".into()));
    assert!(!p.complete_if_done(a));
    p.record_attempt(&a.id, &StepId::from("check"), None);
    assert!(p.complete_if_done(a));
    assert!(!p.complete_if_done(a), "completes only once");
    let unlocked: Vec<&str> = newly_unlocked(&c, &p, &a.id)
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(unlocked, ["b", "c"]);
}

/// A step holding a one-check task on `Dockerfile`.
fn task_step(id: &str) -> Step {
    let mut step = step(id, false);
    step.task = Some(Task {
        goal: "Write it".to_owned(),
        files: vec![TaskFile {
            path: "Dockerfile".to_owned(),
            starter: None,
            solution: None,
        }],
        checks: vec![Check {
            file: Some("Dockerfile".to_owned()),
            kind: CheckKind::Exists,
            logical: false,
            message: "Write it".to_owned(),
            hint: None,
        }],
    });
    step
}

#[test]
fn a_node_completes_when_all_its_quizzes_and_tasks_are_passed() {
    let mut c = course(DIAMOND);
    // `a`: read, a quiz, then a task. `b`: a task only, read after it.
    c.nodes[0].steps.push(task_step("write"));
    c.nodes[1].steps = vec![task_step("write"), step("after", false)];
    let (a, b) = (&c.nodes[0], &c.nodes[1]);
    let mut p = Progress::new("test");
    p.record_attempt(&a.id, &StepId::from("check"), None);
    assert!(!p.complete_if_done(a), "the task is not passed yet");
    assert!(p.record_task_passed(&a.id, &StepId::from("write")));
    assert!(p.complete_if_done(a));
    assert_eq!(
        spell(&node_states(&c, &p, false)),
        ["C", "A", "A", "L(b+c)"]
    );

    assert!(p.record_task_passed(&b.id, &StepId::from("write")));
    assert_eq!(
        spell(&node_states(&c, &p, false))[1],
        "P",
        "a passed task starts a node"
    );
    assert!(p.complete_if_done(b), "without reading to the last step");
    let unlocked: Vec<&str> = newly_unlocked(&c, &p, &b.id)
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert!(unlocked.is_empty(), "`d` still needs `c`");
}

#[test]
fn depths_are_longest_requirement_chains() {
    let cyclic: Graph = &[("a", &[]), ("x", &["y"]), ("y", &["x"]), ("z", &["x", "a"])];
    let dangling: Graph = &[("a", &["gone"]), ("b", &["a"])];
    let cases: &[(&str, Graph, &[usize])] = &[
        ("diamond", DIAMOND, &[0, 1, 1, 2]),
        ("multi-path takes the longest", MULTI_PATH, &[0, 1, 2, 0, 3]),
        ("cycles get 0", cyclic, &[0, 0, 0, 0]),
        ("missing requirements are ignored", dangling, &[0, 1]),
        ("empty", &[], &[]),
    ];
    for (name, graph, want) in cases {
        assert_eq!(depths(&course(graph)), *want, "{name}");
    }
}

#[test]
fn depths_of_a_long_chain_do_not_recurse() {
    let ids: Vec<String> = (0..20_000).map(|i| format!("n{i}")).collect();
    let mut c = course(&[]);
    for (i, id) in ids.iter().enumerate() {
        let mut node = course(&[("x", &[])]).nodes.remove(0);
        node.id = NodeId::from(id.as_str());
        node.requires = i
            .checked_sub(1)
            .map(|p| NodeId::from(ids[p].as_str()))
            .into_iter()
            .collect();
        c.nodes.push(node);
    }
    let d = depths(&c);
    assert_eq!(d.last(), Some(&19_999));
}

#[test]
fn counts_add_up() {
    let states = node_states(&course(DIAMOND), &progress(&["a"], &["b"]), false);
    let counts = StateCounts::of(&states);
    assert_eq!(
        counts,
        StateCounts {
            complete: 1,
            in_progress: 1,
            available: 1,
            locked: 1
        }
    );
    assert_eq!(counts.total(), 4);
}
