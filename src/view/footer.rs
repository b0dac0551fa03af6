//! The footer: the keys that matter in the current mode, from the keymap itself, and the
//! notice line above it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::app::keymap::footer_items;
use crate::view::prepared::step_has_reveal;
use crate::view::theme::Theme;

/// `badge`: announce practice mode at the right end.
pub fn render(model: &Model, theme: &Theme, badge: bool, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let tag = if model.practice && badge {
        " PRACTICE "
    } else {
        ""
    };
    let mut spans = Vec::new();
    let mut used = tag.width();
    let awaiting = model.bash.awaiting;
    // Zooming means something only when the step shows more than one pane (or is zoomed).
    let zoom = model.shown.zoom || model.panes().len() > 1;
    let reveal = model.step_ref().is_some_and(step_has_reveal);
    let items = footer_items(model.key_mode())
        .into_iter()
        .filter(|(_, text)| match *text {
            "type" => awaiting,
            "zoom" => zoom,
            "reveal" => reveal,
            _ => true,
        });
    for (key, text) in items {
        let text = if text == "zoom" && model.shown.zoom {
            "unzoom"
        } else {
            text
        };
        let item = key.width() + text.width() + 3;
        if used + item > width {
            break;
        }
        used += item;
        spans.push(Span::styled(format!(" {key}"), theme.footer_key));
        spans.push(Span::styled(format!(" {text} "), theme.footer_desc));
    }
    if !tag.is_empty() && tag.width() <= width {
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
        spans.push(Span::styled(tag, theme.warning));
    }
    Line::from(spans).render(area, buf);
}

pub fn render_notice(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(notice) = &model.notice {
        Line::from(Span::styled(format!(" {notice}"), theme.warning)).render(area, buf);
    }
}
