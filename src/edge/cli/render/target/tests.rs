use super::*;
use crate::core::course::{Choice, CourseId, MatrixInfo, Node, Step};

fn step(id: &str) -> Step {
    Step {
        id: StepId::from(id),
        title: id.to_owned(),
        sys_msg: Some("hello".into()),
        body: None,
        bash: Vec::new(),
        quiz: None,
        task: None,
    }
}

fn node(id: &str, steps: &[&str]) -> Node {
    Node {
        id: NodeId::from(id),
        title: id.to_owned(),
        summary: String::new(),
        requires: Vec::new(),
        steps: steps.iter().map(|s| step(s)).collect(),
    }
}

fn course() -> Course {
    Course {
        id: CourseId::from("c"),
        title: "C".into(),
        tagline: String::new(),
        ticker: Vec::new(),
        matrix: MatrixInfo::default(),
        glossary: Vec::new(),
        faq: Vec::new(),
        finish: None,
        nodes: vec![
            node("base", &["intro", "check"]),
            node("cache", &["intro", "layers"]),
        ],
    }
}

fn quiz(kind: QuizKind) -> Quiz {
    Quiz {
        question: "?".into(),
        kind,
        hints: Vec::new(),
        explain: None,
    }
}

fn choices(n: usize) -> Vec<Choice> {
    (0..n)
        .map(|i| Choice {
            text: i.to_string(),
            correct: i == 0,
            why: None,
        })
        .collect()
}

fn ids(node: &str, step: &str) -> (NodeId, StepId) {
    (NodeId::from(node), StepId::from(step))
}

#[test]
fn resolves_steps_with_or_without_their_node() {
    let c = course();
    assert_eq!(resolve_step(&c, None, "layers"), Ok(ids("cache", "layers")));
    assert_eq!(
        resolve_step(&c, Some("base"), "intro"),
        Ok(ids("base", "intro"))
    );
    assert_eq!(
        resolve_step(&c, None, "cache/intro"),
        Ok(ids("cache", "intro"))
    );
}

#[test]
fn unresolvable_steps_say_what_exists() {
    let c = course();
    assert_eq!(
        resolve_step(&c, None, "intro").map_err(|e| e.to_string()),
        Err("step `intro` is in several nodes (`base`, `cache`); pick one with `--node`".into())
    );
    assert_eq!(
        resolve_step(&c, Some("nope"), "intro").map_err(|e| e.to_string()),
        Err("no node `nope` in this course; its nodes are: `base`, `cache`".into())
    );
    assert_eq!(
        resolve_step(&c, Some("base"), "layers").map_err(|e| e.to_string()),
        Err("no step `layers` in node `base`; its steps are: `intro`, `check`".into())
    );
    assert_eq!(
        resolve_step(&c, None, "missing").map_err(|e| e.to_string()),
        Err("no step `missing` in this course".into())
    );
}

#[test]
fn unknown_ids_get_a_did_you_mean() {
    let c = course();
    assert_eq!(
        resolve_step(&c, None, "layer").map_err(|e| e.to_string()),
        Err("no step `layer` in this course; did you mean `layers`?".into())
    );
    assert_eq!(
        resolve_step(&c, Some("base"), "chek").map_err(|e| e.to_string()),
        Err(
            "no step `chek` in node `base`; its steps are: `intro`, `check`; did you mean `check`?"
                .into()
        )
    );
    assert_eq!(
        resolve_step(&c, Some("cach"), "intro").map_err(|e| e.to_string()),
        Err(
            "no node `cach` in this course; its nodes are: `base`, `cache`; did you mean `cache`?"
                .into()
        )
    );
}

#[test]
fn parses_choice_answers_as_one_based_numbers() {
    let single = quiz(QuizKind::Single {
        choices: choices(3),
    });
    assert_eq!(parse_answer(&single, "2"), Ok(Answer::Choice(1)));
    assert_eq!(parse_answer(&single, " 3 "), Ok(Answer::Choice(2)));
    for bad in ["0", "4", "1,2", "two", ""] {
        assert!(parse_answer(&single, bad).is_err(), "{bad}");
    }
    let multi = quiz(QuizKind::Multi {
        choices: choices(3),
    });
    assert_eq!(
        parse_answer(&multi, "1,3"),
        Ok(Answer::Choices([0, 2].into()))
    );
    for bad in ["1,1", "1,4", "1,,2", ""] {
        assert!(parse_answer(&multi, bad).is_err(), "{bad}");
    }
}

#[test]
fn parses_orders_as_permutations() {
    let order = quiz(QuizKind::Order {
        items: vec!["a".into(), "b".into(), "c".into(), "d".into()],
    });
    assert_eq!(
        parse_answer(&order, "3,1,2,4"),
        Ok(Answer::Order(vec![2, 0, 1, 3]))
    );
    let err = parse_answer(&order, "1,2,3").map_err(|e| e.to_string());
    assert_eq!(
        err,
        Err("`--answer 1,2,3`: this quiz takes every item number from 1 to 4 once, in order, like `4,1,2,3`".into())
    );
    assert!(parse_answer(&order, "1,1,2,3").is_err());
}

#[test]
fn text_answers_are_taken_as_typed_but_not_empty() {
    let text = quiz(QuizKind::Text {
        answers: Vec::new(),
        sample: "x".into(),
        case_sensitive: false,
    });
    assert_eq!(
        parse_answer(&text, "python:3.12-slim"),
        Ok(Answer::Text("python:3.12-slim".into()))
    );
    assert!(parse_answer(&text, "  ").is_err());
}
