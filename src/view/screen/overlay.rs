//! Draws the open overlay with the widgets of `view::matrix` and `view::overlay`, from the
//! model's overlay state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::help_rows;
use crate::app::lists::search;
use crate::app::{Model, Overlay};
use crate::view::matrix::Matrix;
use crate::view::overlay::{Faq, Glossary, Help, SearchResults};
use crate::view::theme::Theme;

pub fn render(model: &Model, theme: &Theme, ascii: bool, area: Rect, buf: &mut Buffer) {
    let Some(overlay) = &model.overlay else {
        return;
    };
    match overlay {
        Overlay::Matrix { selected } => {
            Clear.render(area, buf);
            let states = model.node_states();
            Matrix {
                course: model.course,
                states: &states,
                selected: *selected,
                current: Some(model.node),
                theme,
                ascii,
            }
            .render(area, buf);
        }
        Overlay::Glossary { filter, selected } => Glossary {
            entries: &model.course.glossary,
            filter,
            selected: *selected,
            theme,
            ascii,
        }
        .render(area, buf),
        Overlay::Faq { selected } => Faq {
            entries: &model.course.faq,
            selected: *selected,
            scroll: 0,
            theme,
            ascii,
        }
        .render(area, buf),
        Overlay::Help { scroll } => Help {
            rows: &help_rows(),
            scroll: *scroll,
            theme,
            ascii,
        }
        .render(area, buf),
        Overlay::Search { query, selected } => {
            let hits = search_rows(model, query);
            SearchResults {
                query,
                hits: &hits,
                selected: *selected,
                theme,
                ascii,
            }
            .render(area, buf);
        }
    }
}

/// `(where, excerpt)` for each search hit: `Node › k. Step`.
fn search_rows(model: &Model, query: &str) -> Vec<(String, String)> {
    search(model.course, query)
        .into_iter()
        .filter_map(|hit| {
            let node = model.course.nodes.get(hit.node)?;
            let step = node.steps.get(hit.step)?;
            Some((
                format!("{} › {}. {}", node.title, hit.step + 1, step.title),
                hit.excerpt,
            ))
        })
        .collect()
}

/// Rows of help text and rows that fit, as the help widget lays them out in `area`: one line
/// per binding, a heading per section and a blank line between sections, in a popup at most
/// `area.height - 2` rows tall (its frame takes two).
pub fn help_extent(area: Rect) -> crate::app::Extent {
    let rows = help_rows();
    let mut sections: Vec<&str> = Vec::new();
    for (_, _, section) in &rows {
        if !sections.contains(&section.as_str()) {
            sections.push(section);
        }
    }
    let content = rows.len() + sections.len() * 2 - usize::from(!sections.is_empty());
    let content = u16::try_from(content).unwrap_or(u16::MAX);
    let popup = content
        .saturating_add(2)
        .min(area.height.saturating_sub(2).max(area.height.min(6)));
    crate::app::Extent {
        content,
        view: popup.saturating_sub(2),
    }
}
