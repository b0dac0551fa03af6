//! A learner's results in a course, for the course-complete screen, and what is left in a node,
//! for the matrix: pure functions of the course and the progress.
//!
//! Only what the course has now is counted; records of removed steps are ignored.

use crate::core::course::{Course, Node, Step};
use crate::core::progress::{Day, NodeRecord, Progress};
use crate::core::review;

/// What the learner did in a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CourseResults {
    pub nodes: usize,
    pub nodes_complete: usize,
    pub quizzes: usize,
    pub quizzes_passed: usize,
    /// Passed with the first answer, without a revealed answer (hints allowed).
    pub quizzes_first_try: usize,
    pub tasks: usize,
    pub tasks_passed: usize,
    pub type_alongs: usize,
    pub type_alongs_typed: usize,
    /// Quiz hints shown (the most at once, per quiz) plus type-along hints asked for.
    pub hints_used: usize,
    /// Quiz answers and type-along commands shown to the learner.
    pub answers_revealed: usize,
    /// Time spent learning (see `Progress::active_secs`).
    pub active_secs: u64,
    /// From the first save to the last node's completion, when the course is complete.
    pub elapsed_secs: Option<u64>,
    /// Questions due in the review on the day given.
    pub review_due: usize,
}

/// Whether every node of the course is complete.
pub fn is_course_complete(course: &Course, progress: &Progress) -> bool {
    !course.nodes.is_empty() && course.nodes.iter().all(|n| progress.is_complete(&n.id))
}

/// The learner's results in `course`, with the review counted on `today`.
pub fn course_results(course: &Course, progress: &Progress, today: Day) -> CourseResults {
    let mut r = CourseResults {
        nodes: course.nodes.len(),
        active_secs: progress.active_secs,
        review_due: review::due_count(course, progress, today),
        ..CourseResults::default()
    };
    let empty = NodeRecord::default();
    let mut finished_at: Option<u64> = None;
    for node in &course.nodes {
        let record = progress.node(&node.id).unwrap_or(&empty);
        if record.complete {
            r.nodes_complete += 1;
            finished_at = finished_at.max(record.completed_at);
        }
        for step in &node.steps {
            count_step(&mut r, record, step);
        }
    }
    if is_course_complete(course, progress) {
        r.elapsed_secs = finished_at
            .zip(progress.started_at)
            .map(|(end, start)| end.saturating_sub(start));
    }
    r
}

fn count_step(r: &mut CourseResults, record: &NodeRecord, step: &Step) {
    let id = step.id.as_str();
    if step.quiz.is_some() {
        r.quizzes += 1;
        if let Some(quiz) = record.quizzes.get(id) {
            r.quizzes_passed += usize::from(quiz.passed);
            r.quizzes_first_try += usize::from(quiz.passed_first_try());
            r.hints_used += usize::try_from(quiz.hints).unwrap_or(usize::MAX);
            r.answers_revealed += usize::from(quiz.revealed);
        }
    }
    if step.task.is_some() {
        r.tasks += 1;
        r.tasks_passed += usize::from(record.tasks.get(id).is_some_and(|t| t.passed));
    }
    for (i, entry) in step.bash.iter().enumerate() {
        if entry.type_along.is_none() {
            continue;
        }
        let key = format!("{id}#{i}");
        r.type_alongs += 1;
        r.type_alongs_typed += usize::from(record.type_alongs.contains(&key));
        r.hints_used += usize::from(record.type_alongs_hinted.contains(&key));
        r.answers_revealed += usize::from(record.type_alongs_revealed.contains(&key));
    }
}

/// What keeps a node from being complete.
#[derive(Debug, Clone, Copy)]
pub enum Left<'c> {
    /// A quiz not passed yet, on this step.
    Quiz(&'c Step),
    /// A task not passed yet, on this step.
    Task(&'c Step),
    /// A node without quizzes or tasks: its last step, not seen yet.
    Read(&'c Step),
}

impl<'c> Left<'c> {
    pub fn step(&self) -> &'c Step {
        match self {
            Self::Quiz(step) | Self::Task(step) | Self::Read(step) => step,
        }
    }
}

/// Two entries are equal when they are the same kind of thing on the same step (by id).
impl PartialEq for Left<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.step().id == other.step().id
    }
}

impl Eq for Left<'_> {}

/// What is left to do in `node`, in step order; empty once it is complete.
pub fn left_in_node<'c>(node: &'c Node, progress: &Progress) -> Vec<Left<'c>> {
    if progress.is_complete(&node.id) {
        return Vec::new();
    }
    if !node.is_graded() {
        let seen = |s: &Step| {
            progress
                .node(&node.id)
                .is_some_and(|n| n.seen.contains(s.id.as_str()))
        };
        return node
            .steps
            .last()
            .filter(|s| !seen(s))
            .map(Left::Read)
            .into_iter()
            .collect();
    }
    let mut left = Vec::new();
    for step in &node.steps {
        if step.quiz.is_some() && !progress.quiz_passed(&node.id, &step.id) {
            left.push(Left::Quiz(step));
        }
        if step.task.is_some() && !progress.task_passed(&node.id, &step.id) {
            left.push(Left::Task(step));
        }
    }
    left
}

/// A duration for people: `45 s`, `12 min`, `1 h 05 min`, `2 d 3 h`.
pub fn format_duration(secs: u64) -> String {
    let (mins, hours, days) = (secs / 60, secs / 3600, secs / 86_400);
    match () {
        () if secs < 60 => format!("{secs} s"),
        () if hours == 0 => format!("{mins} min"),
        () if days == 0 => format!("{hours} h {:02} min", mins % 60),
        () => format!("{days} d {} h", hours % 24),
    }
}

#[cfg(test)]
#[path = "results_tests.rs"]
mod tests;
