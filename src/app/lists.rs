//! Filtering for the overlays: glossary entries by a typed filter, and full-text search over
//! every step of the course. Pure functions over the course, shared by `update` (to bound the
//! selection) and the view (to draw the same rows).

use crate::core::course::{Course, GlossaryEntry, Step};

/// Glossary entries matching `filter`: every whitespace-separated word of it occurs, ignoring
/// case, in the term, the tag or the definition (the rule the glossary widget draws by). An
/// empty filter keeps everything.
pub fn glossary_matches<'c>(course: &'c Course, filter: &str) -> Vec<&'c GlossaryEntry> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    course
        .glossary
        .iter()
        .filter(|e| {
            let fields = [&e.term, &e.tag, &e.definition].map(|f| f.to_lowercase());
            words
                .iter()
                .all(|w| fields.iter().any(|f| f.contains(w.as_str())))
        })
        .collect()
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
