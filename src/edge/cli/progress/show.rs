//! `termcourse progress show`: each node's status, indented by prerequisite depth, with counts.

use std::fmt::Write;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::core::course::{Course, Node};
use crate::core::progress::Progress;
use crate::core::unlock::{NodeState, StateCounts, depths, node_states};

/// Titles wider than this are cut so the columns after them stay readable.
const MAX_TITLE_WIDTH: usize = 44;
const INDENT: usize = 2;

/// The whole report, ending with a newline.
pub fn render(course: &Course, progress: &Progress, file: &Path) -> String {
    let states = node_states(course, progress, false);
    let depth = depths(course);
    let labels: Vec<String> = course
        .nodes
        .iter()
        .zip(&depth)
        .map(|(node, d)| format!("{}{}", " ".repeat(d * INDENT), cut(&node.title)))
        .collect();
    let width = labels.iter().map(|l| l.width()).max().unwrap_or(0);

    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", course.title, course.id);
    // Every save stamps `updated_at`, so without it nothing was ever saved.
    let saved = if progress.updated_at.is_some() {
        ""
    } else {
        " (nothing saved yet)"
    };
    let _ = writeln!(out, "progress file: {}{saved}", file.display());
    out.push('\n');
    for ((node, state), label) in course.nodes.iter().zip(&states).zip(&labels) {
        let pad = " ".repeat(width - label.width());
        let _ = writeln!(
            out,
            "  {} {label}{pad}  {}",
            marker(state),
            status(course, node, state, progress)
        );
    }
    out.push('\n');
    out.push_str(&summary(&StateCounts::of(&states)));
    if let Some(position) = resume_point(course, progress) {
        let _ = writeln!(out, "resume at: {position}");
    }
    let stale = progress
        .nodes
        .keys()
        .filter(|id| !course.nodes.iter().any(|n| n.id.as_str() == *id))
        .count();
    if stale > 0 {
        let _ = writeln!(
            out,
            "kept: records for {stale} node id(s) this course no longer has"
        );
    }
    out
}

fn marker(state: &NodeState) -> &'static str {
    match state {
        NodeState::Complete => "[x]",
        NodeState::InProgress => "[>]",
        NodeState::Available => "[ ]",
        NodeState::Locked { .. } => "[-]",
    }
}

/// `complete  4/4 steps  1/1 quiz`, or what a locked node still needs.
fn status(course: &Course, node: &Node, state: &NodeState, progress: &Progress) -> String {
    let word = match state {
        NodeState::Complete => "complete",
        NodeState::InProgress => "in progress",
        NodeState::Available => "available",
        NodeState::Locked { missing } => {
            let titles: Vec<&str> = missing
                .iter()
                .map(|id| course.node(id).map_or(id.as_str(), |n| n.title.as_str()))
                .collect();
            return format!("locked: needs {}", titles.join(", "));
        }
    };
    let record = progress.node(&node.id);
    let seen = node
        .steps
        .iter()
        .filter(|s| record.is_some_and(|r| r.seen.contains(s.id.as_str())))
        .count();
    let mut text = format!("{word:<11}  {seen}/{} steps", node.steps.len());
    let quizzes: Vec<_> = node.steps.iter().filter(|s| s.quiz.is_some()).collect();
    if !quizzes.is_empty() {
        let passed = quizzes
            .iter()
            .filter(|s| progress.quiz_passed(&node.id, &s.id))
            .count();
        let _ = write!(text, "  {passed}/{} quizzes", quizzes.len());
    }
    let tasks: Vec<_> = node.steps.iter().filter(|s| s.task.is_some()).collect();
    if !tasks.is_empty() {
        let passed = tasks
            .iter()
            .filter(|s| progress.task_passed(&node.id, &s.id))
            .count();
        let _ = write!(text, "  {passed}/{} tasks", tasks.len());
    }
    text
}

fn summary(counts: &StateCounts) -> String {
    format!(
        "{}/{} nodes complete, {} in progress, {} available, {} locked\n",
        counts.complete,
        counts.total(),
        counts.in_progress,
        counts.available,
        counts.locked
    )
}

/// `Node title › Step title` for a saved position the course still has.
fn resume_point(course: &Course, progress: &Progress) -> Option<String> {
    let position = progress.position.as_ref()?;
    let node = course
        .nodes
        .iter()
        .find(|n| n.id.as_str() == position.node)?;
    let step = node.steps.iter().find(|s| s.id.as_str() == position.step)?;
    Some(format!("{} › {}", node.title, step.title))
}

fn cut(title: &str) -> String {
    if title.width() <= MAX_TITLE_WIDTH {
        return title.to_owned();
    }
    let mut out = String::new();
    for c in title.chars() {
        if out.width() + c.to_string().width() >= MAX_TITLE_WIDTH {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests;
