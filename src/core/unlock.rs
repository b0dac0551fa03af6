//! The unlock engine: what state each node of the matrix is in, as pure functions over a course
//! and a learner's progress.
//!
//! A node is complete once [`Progress::complete_if_done`] has recorded it: every quiz and every
//! task in it passed (a node with neither: its last step seen). Passed tasks, like quiz
//! attempts, seen steps and type-alongs, also mark a node as started.

use std::collections::HashMap;

use crate::core::course::{Course, Node, NodeId};
use crate::core::progress::Progress;

/// A node's state for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeState {
    /// Some required nodes are not complete yet; `missing` lists them in course order.
    Locked {
        missing: Vec<NodeId>,
    },
    /// Every requirement is complete and the learner has not started it.
    Available,
    /// Available and started, not complete.
    InProgress,
    Complete,
}

impl NodeState {
    /// Whether the learner may open the node.
    pub fn is_open(&self) -> bool {
        !matches!(self, Self::Locked { .. })
    }
}

/// The state of `node`. In practice mode nothing is locked.
///
/// Completion is read from the progress as recorded (a node once complete stays complete when
/// the course later gains steps); "started" only counts steps the node still has.
pub fn node_state(node: &Node, progress: &Progress, practice: bool) -> NodeState {
    if progress.is_complete(&node.id) {
        return NodeState::Complete;
    }
    let missing: Vec<NodeId> = node
        .requires
        .iter()
        .filter(|r| !progress.is_complete(r))
        .cloned()
        .collect();
    if !missing.is_empty() && !practice {
        NodeState::Locked { missing }
    } else if progress.has_started(node) {
        NodeState::InProgress
    } else {
        NodeState::Available
    }
}

/// The state of every node, in course order.
pub fn node_states(course: &Course, progress: &Progress, practice: bool) -> Vec<NodeState> {
    course
        .nodes
        .iter()
        .map(|n| node_state(n, progress, practice))
        .collect()
}

/// How many nodes are in each state, for summaries such as `12/20 complete`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub complete: usize,
    pub in_progress: usize,
    pub available: usize,
    pub locked: usize,
}

impl StateCounts {
    pub fn of(states: &[NodeState]) -> Self {
        let mut counts = Self::default();
        for state in states {
            match state {
                NodeState::Complete => counts.complete += 1,
                NodeState::InProgress => counts.in_progress += 1,
                NodeState::Available => counts.available += 1,
                NodeState::Locked { .. } => counts.locked += 1,
            }
        }
        counts
    }

    pub fn total(&self) -> usize {
        self.complete + self.in_progress + self.available + self.locked
    }
}

/// Nodes that `just_completed` made available: those that required it and whose requirements
/// are now all complete. Call it with the progress that already records the completion.
pub fn newly_unlocked<'c>(
    course: &'c Course,
    progress: &Progress,
    just_completed: &NodeId,
) -> Vec<&'c Node> {
    if !progress.is_complete(just_completed) {
        return Vec::new();
    }
    course
        .nodes
        .iter()
        .filter(|n| n.requires.contains(just_completed))
        .filter(|n| {
            !progress.is_complete(&n.id) && n.requires.iter().all(|r| progress.is_complete(r))
        })
        .collect()
}

/// Each node's prerequisite depth, in course order: 0 for nodes that require nothing, else one
/// more than the deepest requirement. Requirements the course does not have are ignored. Nodes
/// on a cycle, or requiring one (which the loader rejects), get depth 0.
pub fn depths(course: &Course) -> Vec<usize> {
    let n = course.nodes.len();
    let index: HashMap<&NodeId, usize> = course
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (&node.id, i))
        .collect();
    let requires: Vec<Vec<usize>> = course
        .nodes
        .iter()
        .map(|node| {
            node.requires
                .iter()
                .filter_map(|r| index.get(r).copied())
                .collect()
        })
        .collect();
    let mut waiting: Vec<usize> = requires.iter().map(Vec::len).collect();
    let mut dependents = vec![Vec::new(); n];
    for (i, reqs) in requires.iter().enumerate() {
        for &r in reqs {
            dependents[r].push(i);
        }
    }
    // Kahn's algorithm: a node's depth is final once all its requirements have been visited.
    let mut depth = vec![0; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| waiting[i] == 0).collect();
    let mut settled = vec![false; n];
    while let Some(i) = ready.pop() {
        settled[i] = true;
        for &d in &dependents[i] {
            depth[d] = depth[d].max(depth[i] + 1);
            waiting[d] -= 1;
            if waiting[d] == 0 {
                ready.push(d);
            }
        }
    }
    for (d, done) in depth.iter_mut().zip(settled) {
        if !done {
            *d = 0;
        }
    }
    depth
}

/// Node indices per depth (`depths` as [`depths`] gives them), each depth ordered by the mean
/// position of its nodes' requirements in the depth before (course order breaks ties): the
/// order the matrix draws each level in, which keeps most connectors short and uncrossed, and
/// the order its arrow keys move through.
pub fn levels(course: &Course, depths: &[usize]) -> Vec<Vec<usize>> {
    /// Fixed-point scale for mean slots, so means compare without floats.
    const SCALE: usize = 1024;
    let n_cols = depths.iter().max().map_or(0, |d| d + 1);
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); n_cols];
    let mut slot = vec![0; depths.len()];
    for (c, column) in columns.iter_mut().enumerate() {
        let mut nodes: Vec<(usize, usize)> = (0..depths.len())
            .filter(|&i| depths[i] == c)
            .map(|i| {
                let reqs: Vec<usize> = course.nodes[i]
                    .requires
                    .iter()
                    .filter_map(|r| course.node_index(r))
                    .map(|r| slot[r])
                    .collect();
                let mean = reqs.iter().sum::<usize>() * SCALE / reqs.len().max(1);
                (mean, i)
            })
            .collect();
        nodes.sort_unstable();
        for (s, &(_, i)) in nodes.iter().enumerate() {
            slot[i] = s;
        }
        *column = nodes.into_iter().map(|(_, i)| i).collect();
    }
    columns
}

#[cfg(test)]
pub(crate) mod tests;
