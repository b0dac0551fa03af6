//! What the side-by-side split of a step with a bash pane is chosen from (see `layout`): the
//! widths its bash lines and its narration's code want, taken over every such step of the
//! node, not the step alone, so the split stays put while the learner steps through a node
//! instead of jumping at every step. Computed once per node (and course revision), because a
//! node may be large and the layout is asked for on every frame.

use std::borrow::Cow;

use crate::app::Model;
use crate::core::course::Node;
use crate::view::{bash_pane, narration};

/// The node's wanted widths, kept for the node they were computed for.
#[derive(Debug, Default)]
pub struct NodeWidths {
    key: Option<(u64, usize)>,
    widths: Widths,
}

/// `bash`: every width a bash line of the node wants (ascending, no repeats); `narration`:
/// the widest code line of the narration of a step with bash.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Widths {
    pub bash: Vec<u16>,
    pub narration: u16,
}

impl NodeWidths {
    /// Computes the widths of the model's node, unless they are those of the last call.
    pub fn refresh(&mut self, model: &Model) {
        let key = (model.revision, model.node);
        if self.key != Some(key) {
            self.widths = model.node_ref().map(of_node).unwrap_or_default();
            self.key = Some(key);
        }
    }

    /// The widths of the model's node: the kept ones, or computed now when they are another
    /// node's (a layout asked for before [`NodeWidths::refresh`]).
    pub fn get(&self, model: &Model) -> Cow<'_, Widths> {
        if self.key == Some((model.revision, model.node)) {
            Cow::Borrowed(&self.widths)
        } else {
            Cow::Owned(model.node_ref().map(of_node).unwrap_or_default())
        }
    }
}

fn of_node(node: &Node) -> Widths {
    let mut widths = Widths::default();
    for step in node.steps.iter().filter(|s| !s.bash.is_empty()) {
        widths.bash.extend(bash_pane::wanted_widths(&step.bash));
        widths.narration = widths.narration.max(narration::wanted_width(step));
    }
    widths.bash.sort_unstable();
    widths.bash.dedup();
    widths
}
