//! Draws the open overlay with the widgets of `view::matrix` and `view::overlay`, from the
//! model's overlay state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::help_rows;
use crate::app::lists::search;
use crate::app::msg::{Action, Msg};
use crate::app::{Model, Overlay};
use crate::view::matrix::Matrix;
use crate::view::overlay::{
    Faq, Glossary, Help, SearchResults, answer_area, definition_area, filter_glossary, rows,
};
use crate::view::prepared::OverlayEntry;
use crate::view::theme::Theme;

/// What a click at `at` on the open overlay drawn in `area` means: selecting the matrix node or
/// list row under it, or opening it when it is already selected (matrix and search, like
/// Enter).
pub fn click(model: &Model, ascii: bool, area: Rect, at: (u16, u16)) -> Option<Msg> {
    let course = model.course;
    let (hit, selected, opens) = match model.overlay.as_ref()? {
        Overlay::Matrix { selected } => {
            let states = model.node_states();
            let theme = Theme::no_color();
            let matrix = Matrix {
                course,
                states: &states,
                selected: *selected,
                current: Some(model.node),
                theme: &theme,
                ascii,
            };
            (matrix.node_at(area, at.0, at.1)?, *selected, true)
        }
        Overlay::Glossary { filter, selected } => {
            let len = filter_glossary(&course.glossary, filter).len();
            (rows::glossary(area, len, *selected, at)?, *selected, false)
        }
        Overlay::Faq { selected, .. } => (
            rows::faq(area, course.faq.len(), *selected, at)?,
            *selected,
            false,
        ),
        Overlay::Search { query, selected } => {
            let len = search(course, query).len();
            (rows::search(area, len, *selected, at)?, *selected, true)
        }
        Overlay::Help { .. } => return None,
    };
    Some(if opens && hit == selected {
        Msg::Act(Action::Open)
    } else {
        Msg::Select(hit)
    })
}

/// The glossary or FAQ entry the open overlay shows as markdown, and the width it is laid out
/// at when the overlay is drawn in `area`.
pub fn text_key(model: &Model, area: Rect) -> Option<(OverlayEntry, u16)> {
    let course = model.course;
    match model.overlay.as_ref()? {
        Overlay::Glossary { filter, selected } => {
            let matches = filter_glossary(&course.glossary, filter);
            let i = *matches.get((*selected).min(matches.len().checked_sub(1)?))?;
            let width = definition_area(area, matches.len()).width;
            Some((OverlayEntry::Glossary(i), width))
        }
        Overlay::Faq { selected, .. } => {
            let i = (*selected).min(course.faq.len().checked_sub(1)?);
            let width = answer_area(area, course.faq.len()).width;
            Some((OverlayEntry::Faq(i), width))
        }
        _ => None,
    }
}

/// The open overlay's scrollable text against the rows it gets: help's rows, or the FAQ's
/// answer (`text`, as laid out by the cache).
pub fn extent(model: &Model, text: &[ratatui::text::Line], area: Rect) -> crate::app::Extent {
    match model.overlay {
        Some(Overlay::Help { .. }) => help_extent(area),
        Some(Overlay::Faq { .. }) => crate::app::Extent {
            content: u16::try_from(text.len()).unwrap_or(u16::MAX),
            view: answer_area(area, model.course.faq.len()).height,
        },
        _ => crate::app::Extent::default(),
    }
}

/// Draws the open overlay; `text` is the cached markdown of the glossary or FAQ entry shown.
pub fn render(
    model: &Model,
    text: &[ratatui::text::Line<'static>],
    theme: &Theme,
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) {
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
            definition: text,
            theme,
            ascii,
        }
        .render(area, buf),
        Overlay::Faq { selected, scroll } => Faq {
            entries: &model.course.faq,
            selected: *selected,
            answer: text,
            scroll: *scroll,
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
