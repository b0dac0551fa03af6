//! Overlays drawn over the step: the Deployment Matrix, glossary, FAQ, help and search.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget};

use crate::app::{Model, Overlay};
use crate::view::pane;
use crate::view::theme::Theme;

pub fn render(model: &Model, theme: &Theme, ascii: bool, area: Rect, buf: &mut Buffer) {
    let Some(overlay) = &model.overlay else {
        return;
    };
    Clear.render(area, buf);
    let title = match overlay {
        Overlay::Matrix { .. } => " Deployment Matrix ",
        Overlay::Glossary { .. } => " Glossary ",
        Overlay::Faq { .. } => " FAQ ",
        Overlay::Help { .. } => " Help ",
        Overlay::Search { .. } => " Search ",
    };
    let block = pane::block(Line::styled(title, theme.title), theme, true, ascii);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines: Vec<Line> = match overlay {
        Overlay::Matrix { selected } => model
            .course
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let style = if i == *selected {
                    theme.selection
                } else {
                    theme.text
                };
                Line::styled(n.title.clone(), style)
            })
            .collect(),
        _ => Vec::new(),
    };
    Paragraph::new(lines).render(inner, buf);
}
