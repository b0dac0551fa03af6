//! Turning `--node`, `--step` and `--answer` into the ids and [`Answer`] of the scene to render,
//! with errors that say what would have been accepted.

use std::collections::BTreeSet;

use thiserror::Error;

use crate::core::course::{Course, NodeId, Quiz, QuizKind, StepId};
use crate::core::quiz::Answer;

/// A flag that does not fit the course.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TargetError {
    #[error("no node `{0}` in this course; its nodes are: {1}{2}")]
    UnknownNode(String, String, DidYouMean),
    #[error("no step `{step}` in node `{node}`; its steps are: {steps}{hint}")]
    UnknownStepInNode {
        node: String,
        step: String,
        steps: String,
        hint: DidYouMean,
    },
    #[error("no step `{0}` in this course{1}")]
    UnknownStep(String, DidYouMean),
    #[error("step `{step}` is in several nodes ({nodes}); pick one with `--node`")]
    Ambiguous { step: String, nodes: String },
    #[error("`--answer {answer}`: {expected}")]
    BadAnswer { answer: String, expected: String },
}

/// `; did you mean `x`?` after an unknown id, when one is close; else nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DidYouMean(Option<String>);

impl DidYouMean {
    fn among<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Self {
        let mut candidates: Vec<&str> = candidates.collect();
        candidates.dedup();
        Self(crate::core::check::closest(name, &candidates).map(str::to_owned))
    }
}

impl std::fmt::Display for DidYouMean {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(best) => write!(f, "; did you mean `{best}`?"),
            None => Ok(()),
        }
    }
}

/// Finds the step named by `--step` (either `STEP` or `NODE/STEP`) and the optional `--node`.
pub fn resolve_step(
    course: &Course,
    node: Option<&str>,
    step: &str,
) -> Result<(NodeId, StepId), TargetError> {
    let (node, step) = match (node, step.split_once('/')) {
        (None, Some((node, step))) => (Some(node), step),
        _ => (node, step),
    };
    let step_id = StepId::from(step);
    if let Some(node) = node {
        let Some(found) = course.node(&NodeId::from(node)) else {
            let ids = || course.nodes.iter().map(|n| n.id.as_str());
            let hint = DidYouMean::among(node, ids());
            return Err(TargetError::UnknownNode(node.to_owned(), join(ids()), hint));
        };
        if found.step_index(&step_id).is_none() {
            let ids = || found.steps.iter().map(|s| s.id.as_str());
            return Err(TargetError::UnknownStepInNode {
                node: node.to_owned(),
                step: step.to_owned(),
                steps: join(ids()),
                hint: DidYouMean::among(step, ids()),
            });
        }
        return Ok((found.id.clone(), step_id));
    }
    let holders: Vec<&NodeId> = course
        .nodes
        .iter()
        .filter(|n| n.step_index(&step_id).is_some())
        .map(|n| &n.id)
        .collect();
    match holders.as_slice() {
        [] => {
            let mut ids: Vec<&str> = course
                .nodes
                .iter()
                .flat_map(|n| n.steps.iter().map(|s| s.id.as_str()))
                .collect();
            ids.sort_unstable();
            let hint = DidYouMean::among(step, ids.into_iter());
            Err(TargetError::UnknownStep(step.to_owned(), hint))
        }
        [only] => Ok(((*only).clone(), step_id)),
        many => Err(TargetError::Ambiguous {
            step: step.to_owned(),
            nodes: join(many.iter().map(|n| n.as_str())),
        }),
    }
}

fn join<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses `--answer` for `quiz`: 1-based choice numbers (`2`, `1,3`), an order of item numbers
/// (`3,1,2,4`), or text as typed.
pub fn parse_answer(quiz: &Quiz, text: &str) -> Result<Answer, TargetError> {
    let bad = |expected: String| TargetError::BadAnswer {
        answer: text.to_owned(),
        expected,
    };
    match &quiz.kind {
        QuizKind::Single { choices } => {
            let expected = || {
                format!(
                    "this quiz takes one choice number from 1 to {}, like `2`",
                    choices.len()
                )
            };
            match numbers(text, choices.len()).as_deref() {
                Some([one]) => Ok(Answer::Choice(*one)),
                _ => Err(bad(expected())),
            }
        }
        QuizKind::Multi { choices } => {
            let expected = format!(
                "this quiz takes distinct choice numbers from 1 to {}, like `1,3`",
                choices.len()
            );
            let picked = numbers(text, choices.len()).ok_or_else(|| bad(expected.clone()))?;
            let set: BTreeSet<usize> = picked.iter().copied().collect();
            if set.len() == picked.len() {
                Ok(Answer::Choices(set))
            } else {
                Err(bad(expected))
            }
        }
        QuizKind::Order { items } => {
            let n = items.len();
            let expected = format!(
                "this quiz takes every item number from 1 to {n} once, in order, like `{}`",
                example_order(n)
            );
            let order = numbers(text, n).ok_or_else(|| bad(expected.clone()))?;
            let mut sorted = order.clone();
            sorted.sort_unstable();
            if sorted == (0..n).collect::<Vec<_>>() {
                Ok(Answer::Order(order))
            } else {
                Err(bad(expected))
            }
        }
        QuizKind::Text { .. } if text.trim().is_empty() => Err(bad(
            "this quiz takes a typed answer, which cannot be empty".to_owned(),
        )),
        QuizKind::Text { .. } => Ok(Answer::Text(text.to_owned())),
    }
}

/// Comma-separated 1-based numbers up to `max`, as 0-based indices; `None` if any is not one.
fn numbers(text: &str, max: usize) -> Option<Vec<usize>> {
    text.split(',')
        .map(|part| match part.trim().parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Some(n - 1),
            _ => None,
        })
        .collect()
}

/// `2,1` for two items, `3,1,2` for three, …: a valid order that is not the author's.
fn example_order(n: usize) -> String {
    let mut order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
    order.rotate_right(1);
    order.join(",")
}

#[cfg(test)]
mod tests;
