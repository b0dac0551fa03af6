//! Search over the step: a query typed by the learner, every step that contains it (found once
//! per edit of the query, not per frame), and a selected hit to jump to.

use super::{OverlayKind, OverlayState, Reply, edit_query, page, step_selection};
use crate::app::Model;
use crate::app::msg::{Action, Msg};
use crate::app::update::nav;
use crate::core::course::{Course, Step};

use super::Overlay;
use super::matrix::MatrixState;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    /// What `query` finds, in course order.
    pub hits: Vec<SearchHit>,
    pub selected: usize,
}

impl SearchState {
    /// A search of `course` for `query`, with the first hit selected.
    pub fn for_query(course: &Course, query: &str) -> Self {
        Self {
            query: query.to_owned(),
            hits: search(course, query),
            selected: 0,
        }
    }
}

impl OverlayState for SearchState {
    const KIND: OverlayKind = OverlayKind::Search;

    fn open(_model: &Model) -> Self {
        Self::default()
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        let len = self.hits.len();
        match msg {
            Msg::Act(Action::CursorUp) => step_selection(&mut self.selected, -1, len),
            Msg::Act(Action::CursorDown) => step_selection(&mut self.selected, 1, len),
            Msg::Act(Action::PageUp) => step_selection(&mut self.selected, -page(model), len),
            Msg::Act(Action::PageDown) => step_selection(&mut self.selected, page(model), len),
            Msg::Scroll { down, .. } => {
                step_selection(&mut self.selected, if down { 1 } else { -1 }, len);
            }
            Msg::Select(i) => self.selected = i.min(len.saturating_sub(1)),
            Msg::Act(Action::Open) => return self.jump(model),
            msg => {
                if edit_query(&mut self.query, &msg) {
                    self.hits = search(model.course(), &self.query);
                    self.selected = 0;
                }
            }
        }
        Reply::Stay
    }

    fn refit(&mut self, model: &Model) {
        self.hits = search(model.course(), &self.query);
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
    }
}

impl SearchState {
    /// Goes to the selected hit, shown in full. Search finds text in locked nodes too; jumping
    /// there would bypass the unlock, so the matrix opens on the node instead, saying what it
    /// needs.
    fn jump(&self, model: &mut Model) -> Reply {
        let Some(hit) = self.hits.get(self.selected) else {
            return Reply::Stay;
        };
        if let Some(notice) = model.locked_notice(hit.node) {
            model.notice = Some(notice);
            return Reply::Replace(Overlay::Matrix(MatrixState::at(hit.node)));
        }
        Reply::Close(nav::go_to(model, hit.node, hit.step, true))
    }
}

/// A step whose text contains the search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub node: usize,
    pub step: usize,
    /// The matching line, trimmed, for display.
    pub excerpt: String,
}

/// Every step whose title, `SYS_MSG`, body, bash commands, outputs, notes or quiz question
/// contains `query` (case-insensitive), in course order; one hit per step, with the first
/// matching line as its excerpt. Queries shorter than two characters find nothing.
pub fn search(course: &Course, query: &str) -> Vec<SearchHit> {
    let needle = query.trim().to_lowercase();
    if needle.chars().count() < 2 {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (n, node) in course.nodes.iter().enumerate() {
        for (s, step) in node.steps.iter().enumerate() {
            if let Some(line) = step_lines(step).find(|l| l.to_lowercase().contains(&needle)) {
                hits.push(SearchHit {
                    node: n,
                    step: s,
                    excerpt: line.trim().to_owned(),
                });
            }
        }
    }
    hits
}

fn step_lines(step: &Step) -> impl Iterator<Item = &str> {
    let texts = [
        Some(step.title.as_str()),
        step.sys_msg.as_deref(),
        step.body.as_deref(),
        step.quiz.as_ref().map(|q| q.question.as_str()),
    ];
    let bash = step.bash.iter().flat_map(|e| {
        [
            Some(e.cmd.as_str()),
            Some(e.out.as_str()),
            e.note.as_deref(),
        ]
    });
    texts.into_iter().chain(bash).flatten().flat_map(str::lines)
}
