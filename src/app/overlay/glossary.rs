//! The glossary over the step: a filter typed by the learner, the matching terms (the one
//! filter rule, [`matches()`], shared with the view) and a selected term.

use super::{OverlayKind, OverlayState, Reply, edit_query, page, step_selection};
use crate::app::Model;
use crate::app::msg::{Action, Msg};
use crate::core::course::GlossaryEntry;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryState {
    /// What the learner typed.
    pub filter: String,
    /// Indices of the entries matching `filter`, in the order shown.
    pub matches: Vec<usize>,
    /// Index into `matches`.
    pub selected: usize,
}

impl GlossaryState {
    /// The glossary of `entries` filtered by `filter`, with the first match selected.
    pub fn filtered(entries: &[GlossaryEntry], filter: &str) -> Self {
        Self {
            filter: filter.to_owned(),
            matches: matches(entries, filter),
            selected: 0,
        }
    }

    /// The selected entry's index in the course's glossary.
    pub fn selected_entry(&self) -> Option<usize> {
        self.matches
            .get(self.selected.min(self.matches.len().saturating_sub(1)))
            .copied()
    }
}

impl OverlayState for GlossaryState {
    const KIND: OverlayKind = OverlayKind::Glossary;

    fn open(model: &Model) -> Self {
        Self::filtered(&model.course().glossary, "")
    }

    fn update(&mut self, model: &mut Model, msg: Msg) -> Reply {
        let len = self.matches.len();
        match msg {
            Msg::Act(Action::CursorUp) => step_selection(&mut self.selected, -1, len),
            Msg::Act(Action::CursorDown) => step_selection(&mut self.selected, 1, len),
            Msg::Act(Action::PageUp) => step_selection(&mut self.selected, -page(model), len),
            Msg::Act(Action::PageDown) => step_selection(&mut self.selected, page(model), len),
            Msg::Scroll { down, .. } => {
                step_selection(&mut self.selected, if down { 1 } else { -1 }, len);
            }
            Msg::Select(i) => self.selected = i.min(len.saturating_sub(1)),
            msg => {
                if edit_query(&mut self.filter, &msg) {
                    self.matches = matches(&model.course().glossary, &self.filter);
                    self.selected = 0;
                }
            }
        }
        Reply::Stay
    }

    fn refit(&mut self, model: &Model) {
        self.matches = matches(&model.course().glossary, &self.filter);
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
    }
}

/// Indices of the entries matching `filter`: every whitespace-separated word of it occurs,
/// ignoring case, in the term, the tag or the definition. Entries whose term matches come
/// first, then those whose tag does, then the rest, each in course order.
pub fn matches(entries: &[GlossaryEntry], filter: &str) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut ranked: Vec<(u8, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let fields = [&e.term, &e.tag, &e.definition].map(|f| f.to_lowercase());
            let rank = |w: &String| fields.iter().position(|f| f.contains(w.as_str()));
            let ranks: Option<Vec<usize>> = words.iter().map(rank).collect();
            let best = ranks?.into_iter().max().unwrap_or(0);
            Some((u8::try_from(best).unwrap_or(u8::MAX), i))
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, tag: &str, definition: &str) -> GlossaryEntry {
        GlossaryEntry {
            term: term.to_owned(),
            tag: tag.to_owned(),
            definition: definition.to_owned(),
        }
    }

    #[test]
    fn filter_matches_term_tag_and_definition_ranked() {
        let entries = [
            entry(
                "Layer",
                "Concept",
                "One filesystem **diff** per instruction.",
            ),
            entry(
                "FROM",
                "Dockerfile",
                "Sets the base image: `FROM python:3.12-slim`.",
            ),
            entry(
                "Build cache",
                "Concept",
                "Reuses layers whose inputs did not change.",
            ),
        ];
        assert_eq!(matches(&entries, ""), vec![0, 1, 2]);
        assert_eq!(matches(&entries, "layer"), vec![0, 2]);
        assert_eq!(matches(&entries, "DOCKERFILE"), vec![1]);
        assert_eq!(matches(&entries, "cache reuses"), vec![2]);
        assert!(matches(&entries, "kubernetes").is_empty());
        assert_eq!(
            matches(&entries, "concept"),
            vec![0, 2],
            "tag matches after terms"
        );
    }
}
