//! The unlock engine: what state each node of the matrix is in, as pure functions over a course
//! and a learner's progress.

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
    } else if progress.is_started(&node.id) {
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

/// Nodes that `just_completed` made available: those that were locked only by it.
pub fn newly_unlocked<'c>(
    course: &'c Course,
    progress: &Progress,
    just_completed: &NodeId,
) -> Vec<&'c Node> {
    course
        .nodes
        .iter()
        .filter(|n| n.requires.contains(just_completed))
        .filter(|n| {
            !progress.is_complete(&n.id) && n.requires.iter().all(|r| progress.is_complete(r))
        })
        .collect()
}

/// Each node's prerequisite depth: 0 for nodes that require nothing, else one more than the
/// deepest requirement. Nodes on a cycle (which the loader rejects) get depth 0.
pub fn depths(course: &Course) -> Vec<usize> {
    let mut depth = vec![None; course.nodes.len()];
    for i in 0..course.nodes.len() {
        depth_of(course, i, &mut depth, &mut Vec::new());
    }
    depth.into_iter().map(|d| d.unwrap_or(0)).collect()
}

fn depth_of(
    course: &Course,
    i: usize,
    memo: &mut [Option<usize>],
    stack: &mut Vec<usize>,
) -> usize {
    if let Some(d) = memo[i] {
        return d;
    }
    if stack.contains(&i) {
        return 0;
    }
    stack.push(i);
    let d = course.nodes[i]
        .requires
        .iter()
        .filter_map(|r| course.node_index(r))
        .map(|r| depth_of(course, r, memo, stack) + 1)
        .max()
        .unwrap_or(0);
    stack.pop();
    memo[i] = Some(d);
    d
}
