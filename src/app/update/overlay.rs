//! Screens over the step: the Deployment Matrix, glossary, FAQ, help and search.

use super::super::effect::Effect;
use super::super::lists::{glossary_matches, search};
use super::super::msg::{Action, Msg};
use super::super::{Model, Overlay};
use super::{append_pasted, nav};
use crate::core::unlock::depths;

/// Longest filter or query kept.
const MAX_QUERY: usize = 80;

/// Opens the overlay `action` names (from the step or from another overlay).
pub(super) fn open(model: &mut Model, action: Action) -> Vec<Effect> {
    model.overlay = match action {
        Action::OpenMatrix => Some(Overlay::Matrix {
            selected: model.node,
        }),
        Action::OpenGlossary => Some(Overlay::Glossary {
            filter: String::new(),
            selected: 0,
        }),
        Action::OpenFaq => Some(Overlay::Faq {
            selected: 0,
            scroll: 0,
        }),
        Action::OpenHelp => Some(Overlay::Help { scroll: 0 }),
        Action::OpenSearch => Some(Overlay::Search {
            query: String::new(),
            selected: 0,
        }),
        _ => return Vec::new(),
    };
    Vec::new()
}

pub(super) fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Act(Action::Back) => model.overlay = None,
        Msg::Act(a @ (Action::OpenMatrix | Action::OpenGlossary | Action::OpenFaq)) => {
            return toggle(model, a);
        }
        Msg::Act(a @ (Action::OpenHelp | Action::OpenSearch)) => return toggle(model, a),
        Msg::Act(Action::Open) => return open_selected(model),
        Msg::Act(Action::MatrixLeft) => matrix_level(model, false),
        Msg::Act(Action::MatrixRight) => matrix_level(model, true),
        Msg::Act(Action::CursorUp) => move_selection(model, -1),
        Msg::Act(Action::CursorDown) => move_selection(model, 1),
        Msg::Act(Action::PageUp) => move_selection(model, -page(model)),
        Msg::Act(Action::PageDown) => move_selection(model, page(model)),
        Msg::Act(Action::ScrollUp) => scroll_text(model, -1),
        Msg::Act(Action::ScrollDown) => scroll_text(model, 1),
        Msg::Scroll { down, .. } => scroll_text(model, if down { 3 } else { -3 }),
        Msg::Select(i) => {
            let len = list_len(model);
            if let Some(selected) = selected_mut(model) {
                *selected = i.min(len.saturating_sub(1));
            }
            reset_answer_scroll(model);
        }
        Msg::Input(c) => edit_query(model, |q| {
            if q.chars().count() < MAX_QUERY {
                q.push(c);
            }
        }),
        Msg::Paste(text) => edit_query(model, |q| append_pasted(q, &text, MAX_QUERY)),
        Msg::Act(Action::DeleteChar) => edit_query(model, |q| {
            q.pop();
        }),
        Msg::Act(Action::ClearInput) => edit_query(model, String::clear),
        _ => {}
    }
    Vec::new()
}

fn page(model: &Model) -> isize {
    isize::try_from(model.metrics.overlay.view.saturating_sub(1).max(1)).unwrap_or(1)
}

/// The key of the open overlay closes it; another overlay's key switches to that one.
fn toggle(model: &mut Model, action: Action) -> Vec<Effect> {
    let same = matches!(
        (&model.overlay, action),
        (Some(Overlay::Matrix { .. }), Action::OpenMatrix)
            | (Some(Overlay::Glossary { .. }), Action::OpenGlossary)
            | (Some(Overlay::Faq { .. }), Action::OpenFaq)
            | (Some(Overlay::Help { .. }), Action::OpenHelp)
            | (Some(Overlay::Search { .. }), Action::OpenSearch)
    );
    if same {
        model.overlay = None;
        Vec::new()
    } else {
        open(model, action)
    }
}

/// How many rows the open overlay's list has.
fn list_len(model: &Model) -> usize {
    match &model.overlay {
        Some(Overlay::Matrix { .. }) => model.course.nodes.len(),
        Some(Overlay::Glossary { filter, .. }) => glossary_matches(model.course, filter).len(),
        Some(Overlay::Faq { .. }) => model.course.faq.len(),
        Some(Overlay::Search { query, .. }) => search(model.course, query).len(),
        Some(Overlay::Help { .. }) | None => 0,
    }
}

fn selected_mut<'m>(model: &'m mut Model) -> Option<&'m mut usize> {
    match model.overlay.as_mut()? {
        Overlay::Matrix { selected }
        | Overlay::Glossary { selected, .. }
        | Overlay::Faq { selected, .. }
        | Overlay::Search { selected, .. } => Some(selected),
        Overlay::Help { .. } => None,
    }
}

/// Moves the list selection (help has no list: it scrolls). PgUp/PgDn page the FAQ's answer.
fn move_selection(model: &mut Model, delta: isize) {
    let paging = delta.unsigned_abs() > 1;
    if matches!(model.overlay, Some(Overlay::Help { .. }))
        || (paging && matches!(model.overlay, Some(Overlay::Faq { .. })))
    {
        scroll_text(model, delta);
        return;
    }
    let last = list_len(model).saturating_sub(1);
    if let Some(selected) = selected_mut(model) {
        *selected = selected.saturating_add_signed(delta).min(last);
    }
    reset_answer_scroll(model);
}

/// Scrolls the overlay's text (help, or the FAQ's answer) within `Metrics::overlay`.
fn scroll_text(model: &mut Model, delta: isize) {
    let max = model.metrics.overlay.max_scroll();
    if let Some(Overlay::Help { scroll } | Overlay::Faq { scroll, .. }) = model.overlay.as_mut() {
        let moved = i64::from(*scroll) + i64::try_from(delta).unwrap_or(0);
        *scroll = u16::try_from(moved.clamp(0, i64::from(max))).unwrap_or(max);
    }
}

/// Another FAQ question starts at the top of its answer.
fn reset_answer_scroll(model: &mut Model) {
    if let Some(Overlay::Faq { scroll, .. }) = model.overlay.as_mut() {
        *scroll = 0;
    }
}

/// Edits the glossary filter or search query; the selection goes back to the first row.
fn edit_query(model: &mut Model, edit: impl FnOnce(&mut String)) {
    if let Some(
        Overlay::Glossary {
            filter: q,
            selected,
        }
        | Overlay::Search { query: q, selected },
    ) = model.overlay.as_mut()
    {
        edit(q);
        *selected = 0;
    }
}

/// Moves the matrix selection to the nearest node (in course order) one depth up or down.
fn matrix_level(model: &mut Model, deeper: bool) {
    let Some(Overlay::Matrix { selected }) = model.overlay.as_mut() else {
        return;
    };
    let depth = depths(model.course);
    let Some(&here) = depth.get(*selected) else {
        return;
    };
    let target = if deeper {
        here + 1
    } else if here == 0 {
        return;
    } else {
        here - 1
    };
    let from = *selected;
    if let Some(best) = (0..depth.len())
        .filter(|i| depth[*i] == target)
        .min_by_key(|i| i.abs_diff(from))
    {
        *selected = best;
    }
}

fn open_selected(model: &mut Model) -> Vec<Effect> {
    match model.overlay.clone() {
        Some(Overlay::Matrix { selected }) => open_node(model, selected),
        Some(Overlay::Search { query, selected }) => {
            let Some(hit) = search(model.course, &query).into_iter().nth(selected) else {
                return Vec::new();
            };
            // Search finds text in locked nodes too; jumping there would bypass the unlock.
            if let Some(notice) = model.locked_notice(hit.node) {
                model.notice = Some(notice);
                model.overlay = Some(Overlay::Matrix { selected: hit.node });
                return Vec::new();
            }
            model.overlay = None;
            nav::go_to(model, hit.node, hit.step, true)
        }
        _ => Vec::new(),
    }
}

/// Opens node `i` from the matrix: at the current step when it is the current node, else at its
/// first step. A locked node stays closed and the notice says what it needs.
fn open_node(model: &mut Model, i: usize) -> Vec<Effect> {
    if i >= model.course.nodes.len() {
        return Vec::new();
    }
    if let Some(notice) = model.locked_notice(i) {
        model.notice = Some(notice);
        return Vec::new();
    }
    model.overlay = None;
    if i == model.node {
        Vec::new()
    } else {
        nav::go_to(model, i, 0, false)
    }
}
