//! The learner's progress in one course, as a plain value.
//!
//! Keyed by ids (never by position), so adding or reordering steps keeps progress, and records
//! for ids the course no longer has are kept and ignored. Timestamps are seconds since the Unix
//! epoch; the core has no clock, so they are `None` here until the store stamps them (see
//! [`Progress::stamp`]) when it saves. The on-disk text and its migrations are in [`codec`]
//! (documented in `docs/progress-format.md`); combining two players' progress is [`merge`];
//! files, locking and durability live in `crate::edge::store`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::core::course::{Node, NodeId, StepId};

pub mod codec;
mod history;
mod merge;
mod record;

pub use history::{Day, ReviewEvent, ReviewOutcome};
pub use merge::merge;
pub use record::Arrival;

/// The newest progress-file format this build writes.
pub const PROGRESS_FORMAT: u32 = 2;

/// Gaps between two saves up to this long count as time spent learning; a longer gap is a
/// break (or the end of a session) and counts nothing.
pub const ACTIVE_GAP_SECS: u64 = 30 * 60;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Format version of the file this value was read from or will be written as.
    pub format: u32,
    /// The course id this progress belongs to.
    pub course: String,
    /// Where the learner was: resumed at the next start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<u64>,
    /// Seconds spent learning: the sum of the gaps between consecutive saves that are at most
    /// [`ACTIVE_GAP_SECS`] long.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub active_secs: u64,
    /// The learner's random seed: shuffles choices the same way every session for this learner
    /// (`core::shuffle`). Made by the progress store when missing; `None` shows the author's
    /// order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Per node id.
    #[serde(default)]
    pub nodes: BTreeMap<String, NodeRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub node: String,
    pub step: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeRecord {
    /// Set once, when the node is first completed; survives course edits.
    #[serde(default)]
    pub complete: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<u64>,
    /// Step ids the learner has seen.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub seen: BTreeSet<String>,
    /// Per step id holding a quiz.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quizzes: BTreeMap<String, QuizRecord>,
    /// Type-along entries done, as `step-id#entry-index` (0-based).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub type_alongs: BTreeSet<String>,
    /// Per step id holding a task that was passed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tasks: BTreeMap<String, TaskRecord>,
    /// Type-along entries whose hint the learner asked for, as `step-id#entry-index`.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub type_alongs_hinted: BTreeSet<String>,
    /// Type-along entries whose command the learner had filled in for them.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub type_alongs_revealed: BTreeSet<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRecord {
    #[serde(default)]
    pub attempts: u32,
    #[serde(default)]
    pub passed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_at: Option<u64>,
    /// Wrong answers in the order given (see `core::quiz::describe`), outside review sessions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrong_answers: Vec<String>,
    /// The learner had the answer shown (after missing it) outside review sessions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed: bool,
    /// The most hints shown at once for this quiz.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hints: u32,
    /// Answers given in review sessions, oldest first (see `core::review`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<ReviewEvent>,
}

impl QuizRecord {
    /// Passed with the first answer: no wrong answer and no revealed answer before it (hints
    /// are fine). Derived, so files that predate the flag count too.
    pub fn passed_first_try(&self) -> bool {
        self.passed && self.wrong_answers.is_empty() && !self.revealed
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
fn is_zero<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A task the learner passed: every check that was not skipped passed at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRecord {
    #[serde(default)]
    pub passed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_at: Option<u64>,
}

impl Progress {
    /// Empty progress for `course_id`.
    pub fn new(course_id: &str) -> Self {
        Self {
            format: PROGRESS_FORMAT,
            course: course_id.to_owned(),
            ..Self::default()
        }
    }

    pub fn node(&self, id: &NodeId) -> Option<&NodeRecord> {
        self.nodes.get(id.as_str())
    }

    fn node_mut(&mut self, id: &NodeId) -> &mut NodeRecord {
        self.nodes.entry(id.as_str().to_owned()).or_default()
    }

    pub fn set_position(&mut self, node: &NodeId, step: &StepId) {
        self.position = Some(Position {
            node: node.as_str().to_owned(),
            step: step.as_str().to_owned(),
        });
    }

    /// Records that `step` was shown. Returns whether anything changed.
    pub fn mark_seen(&mut self, node: &NodeId, step: &StepId) -> bool {
        self.node_mut(node).seen.insert(step.as_str().to_owned())
    }

    pub fn mark_type_along(&mut self, node: &NodeId, step: &StepId, entry: usize) -> bool {
        self.node_mut(node)
            .type_alongs
            .insert(format!("{step}#{entry}"))
    }

    pub fn type_along_done(&self, node: &NodeId, step: &StepId, entry: usize) -> bool {
        self.node(node)
            .is_some_and(|n| n.type_alongs.contains(&format!("{step}#{entry}")))
    }

    /// Records one graded attempt at the quiz of `step`; `wrong_answer` is `None` when it was right.
    pub fn record_attempt(&mut self, node: &NodeId, step: &StepId, wrong_answer: Option<String>) {
        let quiz = self
            .node_mut(node)
            .quizzes
            .entry(step.as_str().to_owned())
            .or_default();
        quiz.attempts = quiz.attempts.saturating_add(1);
        match wrong_answer {
            Some(answer) => quiz.wrong_answers.push(answer),
            None => quiz.passed = true,
        }
    }

    pub fn quiz_passed(&self, node: &NodeId, step: &StepId) -> bool {
        self.node(node)
            .and_then(|n| n.quizzes.get(step.as_str()))
            .is_some_and(|q| q.passed)
    }

    /// Records that the task of `step` was passed. Returns whether anything changed.
    pub fn record_task_passed(&mut self, node: &NodeId, step: &StepId) -> bool {
        let task = self
            .node_mut(node)
            .tasks
            .entry(step.as_str().to_owned())
            .or_default();
        !std::mem::replace(&mut task.passed, true)
    }

    pub fn task_passed(&self, node: &NodeId, step: &StepId) -> bool {
        self.node(node)
            .and_then(|n| n.tasks.get(step.as_str()))
            .is_some_and(|t| t.passed)
    }

    pub fn is_complete(&self, node: &NodeId) -> bool {
        self.node(node).is_some_and(|n| n.complete)
    }

    /// Marks `node` complete if the course's rule says it now is: every quiz and every task in
    /// it passed, or, for a node with neither, its last step seen. Returns true when this call
    /// completed it.
    pub fn complete_if_done(&mut self, node: &Node) -> bool {
        if self.is_complete(&node.id) || !self.meets_completion_rule(node) {
            return false;
        }
        self.node_mut(&node.id).complete = true;
        true
    }

    fn meets_completion_rule(&self, node: &Node) -> bool {
        if node.is_graded() {
            node.steps.iter().all(|s| {
                (s.quiz.is_none() || self.quiz_passed(&node.id, &s.id))
                    && (s.task.is_none() || self.task_passed(&node.id, &s.id))
            })
        } else {
            node.steps.last().is_some_and(|s| {
                self.node(&node.id)
                    .is_some_and(|n| n.seen.contains(s.id.as_str()))
            })
        }
    }

    /// Whether the learner has done anything in `node` as the course has it now: records of
    /// steps the node no longer has are ignored.
    pub fn has_started(&self, node: &Node) -> bool {
        let Some(record) = self.node(&node.id) else {
            return false;
        };
        let exists = |step: &str| node.steps.iter().any(|s| s.id.as_str() == step);
        record.seen.iter().any(|s| exists(s))
            || record.quizzes.keys().any(|s| exists(s))
            || record.tasks.keys().any(|s| exists(s))
            || record
                .type_alongs
                .iter()
                .any(|t| t.rsplit_once('#').is_some_and(|(s, _)| exists(s)))
    }

    /// Fills in the timestamps the core cannot know: the store calls this with the current
    /// time (seconds since the Unix epoch) just before writing. Times already set are kept; the
    /// gap since the previous save counts as time spent when it is short (see
    /// [`ACTIVE_GAP_SECS`]).
    pub fn stamp(&mut self, now: u64) {
        self.format = PROGRESS_FORMAT;
        self.started_at.get_or_insert(now);
        if let Some(gap) = self.updated_at.and_then(|last| now.checked_sub(last))
            && gap <= ACTIVE_GAP_SECS
        {
            self.active_secs = self.active_secs.saturating_add(gap);
        }
        self.updated_at = Some(now);
        for node in self.nodes.values_mut() {
            if node.complete {
                node.completed_at.get_or_insert(now);
            }
            for quiz in node.quizzes.values_mut().filter(|q| q.passed) {
                quiz.passed_at.get_or_insert(now);
            }
            for task in node.tasks.values_mut().filter(|t| t.passed) {
                task.passed_at.get_or_insert(now);
            }
        }
    }
}
