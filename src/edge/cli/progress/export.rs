//! `termcourse progress export`: the progress as JSON for other tools, with each node's state
//! worked out so they need not reimplement the unlock rules.
//!
//! Shape (`export_format` 1):
//! `{ export_format, course: {id, title}, file, summary: {complete, in_progress, available,
//! locked, total}, nodes: [{id, title, depth, state, missing, steps, steps_seen, quizzes,
//! quizzes_passed, tasks, tasks_passed}], progress: <the file's contents, see
//! docs/progress-format.md> }`.

use std::path::Path;

use serde::Serialize;

use crate::core::course::{Course, Node, NodeId};
use crate::core::progress::Progress;
use crate::core::unlock::{NodeState, StateCounts, depths, node_states};

const EXPORT_FORMAT: u32 = 1;

#[derive(Debug, Serialize)]
struct Document<'a> {
    export_format: u32,
    course: CourseInfo<'a>,
    file: String,
    summary: Summary,
    nodes: Vec<NodeStatus<'a>>,
    progress: &'a Progress,
}

#[derive(Debug, Serialize)]
struct CourseInfo<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Debug, Serialize)]
struct Summary {
    complete: usize,
    in_progress: usize,
    available: usize,
    locked: usize,
    total: usize,
}

#[derive(Debug, Serialize)]
struct NodeStatus<'a> {
    id: &'a str,
    title: &'a str,
    depth: usize,
    /// `complete`, `in_progress`, `available` or `locked`.
    state: &'static str,
    /// Required nodes not complete yet (empty unless locked).
    missing: Vec<&'a str>,
    steps: usize,
    steps_seen: usize,
    quizzes: usize,
    quizzes_passed: usize,
    tasks: usize,
    tasks_passed: usize,
}

/// Pretty-printed JSON, ending with a newline.
pub fn render(course: &Course, progress: &Progress, file: &Path) -> serde_json::Result<String> {
    let states = node_states(course, progress, false);
    let counts = StateCounts::of(&states);
    let nodes = course
        .nodes
        .iter()
        .zip(&states)
        .zip(depths(course))
        .map(|((node, state), depth)| node_status(node, state, depth, progress))
        .collect();
    let export = Document {
        export_format: EXPORT_FORMAT,
        course: CourseInfo {
            id: course.id.as_str(),
            title: &course.title,
        },
        file: file.display().to_string(),
        summary: Summary {
            complete: counts.complete,
            in_progress: counts.in_progress,
            available: counts.available,
            locked: counts.locked,
            total: counts.total(),
        },
        nodes,
        progress,
    };
    serde_json::to_string_pretty(&export).map(|json| json + "\n")
}

fn node_status<'a>(
    node: &'a Node,
    state: &'a NodeState,
    depth: usize,
    progress: &Progress,
) -> NodeStatus<'a> {
    let (state_name, missing) = match state {
        NodeState::Complete => ("complete", Vec::new()),
        NodeState::InProgress => ("in_progress", Vec::new()),
        NodeState::Available => ("available", Vec::new()),
        NodeState::Locked { missing } => ("locked", missing.iter().map(NodeId::as_str).collect()),
    };
    let record = progress.node(&node.id);
    let quiz_steps = node.steps.iter().filter(|s| s.quiz.is_some());
    let task_steps = node.steps.iter().filter(|s| s.task.is_some());
    NodeStatus {
        id: node.id.as_str(),
        title: &node.title,
        depth,
        state: state_name,
        missing,
        steps: node.steps.len(),
        steps_seen: node
            .steps
            .iter()
            .filter(|s| record.is_some_and(|r| r.seen.contains(s.id.as_str())))
            .count(),
        quizzes: quiz_steps.clone().count(),
        quizzes_passed: quiz_steps
            .filter(|s| progress.quiz_passed(&node.id, &s.id))
            .count(),
        tasks: task_steps.clone().count(),
        tasks_passed: task_steps
            .filter(|s| progress.task_passed(&node.id, &s.id))
            .count(),
    }
}
