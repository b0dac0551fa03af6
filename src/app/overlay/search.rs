//! Search over the step: a query typed by the learner, every step that contains it (found once
//! per edit of the query, not per frame), and a selected hit to jump to. The course's text is
//! made plain once, when the search opens (or the course is reloaded), not per key.

use super::{OverlayKind, OverlayState, Reply, edit_query, page, step_selection};
use crate::app::Model;
use crate::app::msg::{Action, Msg};
use crate::app::update::nav;
use crate::core::course::{Course, Step};
use crate::core::markup::plain_blocks;

use super::Overlay;
use super::matrix::MatrixState;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    /// What `query` finds, in course order.
    pub hits: Vec<SearchHit>,
    pub selected: usize,
    index: SearchIndex,
}

impl SearchState {
    /// A search of `course` for `query`, with the first hit selected.
    pub fn for_query(course: &Course, query: &str) -> Self {
        let index = SearchIndex::of(course);
        Self {
            query: query.to_owned(),
            hits: index.search(query),
            selected: 0,
            index,
        }
    }
}

impl OverlayState for SearchState {
    const KIND: OverlayKind = OverlayKind::Search;

    fn open(model: &Model) -> Self {
        Self::for_query(model.course(), "")
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
                    self.hits = self.index.search(&self.query);
                    self.selected = 0;
                }
            }
        }
        Reply::Stay
    }

    fn refit(&mut self, model: &Model) {
        self.index = SearchIndex::of(model.course());
        self.hits = self.index.search(&self.query);
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
            return Reply::Replace(Overlay::Matrix(MatrixState::refusing(hit.node)));
        }
        Reply::Close(nav::go_to(model, hit.node, hit.step, true))
    }
}

/// A step whose text contains the search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub node: usize,
    pub step: usize,
    /// The matching block as plain text (the view fits it around the match).
    pub excerpt: String,
}

/// Every step's searchable text, made plain once.
#[derive(Clone, Default, PartialEq, Eq)]
struct SearchIndex(Vec<StepText>);

/// One step's texts, each with its lower-cased form (what a query is matched against).
#[derive(Clone, PartialEq, Eq)]
struct StepText {
    node: usize,
    step: usize,
    texts: Vec<(String, String)>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} steps)", self.0.len())
    }
}

impl SearchIndex {
    fn of(course: &Course) -> Self {
        let mut steps = Vec::new();
        for (n, node) in course.nodes.iter().enumerate() {
            for (s, step) in node.steps.iter().enumerate() {
                let texts = step_texts(step)
                    .into_iter()
                    .map(|text| {
                        let lower = text.to_lowercase();
                        (text, lower)
                    })
                    .collect();
                steps.push(StepText {
                    node: n,
                    step: s,
                    texts,
                });
            }
        }
        Self(steps)
    }

    /// Every step whose title, `SYS_MSG`, body, bash commands, outputs, notes or quiz
    /// question contains `query` (case-insensitive), in course order; one hit per step, with
    /// the first matching block as its excerpt. Markdown is searched as the words a learner
    /// reads (no `**`, no backticks, hard-wrapped lines joined). Queries shorter than two
    /// characters find nothing.
    fn search(&self, query: &str) -> Vec<SearchHit> {
        let needle = query.trim().to_lowercase();
        if needle.chars().count() < 2 {
            return Vec::new();
        }
        let mut hits = Vec::new();
        for step in &self.0 {
            let found = step.texts.iter().find(|(_, lower)| lower.contains(&needle));
            if let Some((text, _)) = found {
                hits.push(SearchHit {
                    node: step.node,
                    step: step.step,
                    excerpt: text.clone(),
                });
            }
        }
        hits
    }
}

/// A step's searchable texts: markdown as plain blocks, bash lines as they are.
fn step_texts(step: &Step) -> Vec<String> {
    let markdown = [
        Some(step.title.as_str()),
        step.sys_msg.as_deref(),
        step.body.as_deref(),
        step.quiz.as_ref().map(|q| q.question.as_str()),
    ];
    let mut texts: Vec<String> = markdown
        .into_iter()
        .flatten()
        .flat_map(plain_blocks)
        .collect();
    for entry in &step.bash {
        let lines = [Some(entry.cmd.as_str()), Some(entry.out.as_str())]
            .into_iter()
            .flatten()
            .flat_map(str::lines)
            .map(|l| l.trim().to_owned());
        texts.extend(lines);
        texts.extend(entry.note.as_deref().into_iter().flat_map(plain_blocks));
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::{SearchHit, SearchState};
    use crate::app::test_course::course;
    use crate::core::course::Course;

    fn search(course: &Course, query: &str) -> Vec<SearchHit> {
        SearchState::for_query(course, query).hits
    }

    #[test]
    fn hits_quote_the_words_a_learner_reads_not_the_markdown() {
        let course = course();
        let hits = search(&course, "TEXT with code");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].excerpt, "Some text with code.");
        assert!(
            search(&course, "*text*").is_empty(),
            "markup is not searched"
        );
        let bash = search(&course, "successfully");
        assert_eq!(bash[0].excerpt, "Successfully built");
    }
}
