//! Shared chrome for widgets and overlays: bordered panels (with an ASCII fallback), centred
//! popup rectangles and width-aware truncation.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::Block;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::view::theme::Theme;

/// Borders drawn with `+`, `-` and `|` for terminals without box-drawing glyphs.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A bordered block, rounded or ASCII, its border focused or not: the one border every pane,
/// panel and popup is drawn with.
pub fn bordered<'a>(theme: &Theme, focused: bool, ascii: bool) -> Block<'a> {
    let border_style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let set = if ascii { ASCII_BORDER } else { border::ROUNDED };
    Block::bordered().border_set(set).border_style(border_style)
}

/// A [`bordered`] block titled `title` in the title style.
pub fn panel<'a>(
    title: impl Into<Line<'a>>,
    theme: &Theme,
    focused: bool,
    ascii: bool,
) -> Block<'a> {
    bordered(theme, focused, ascii).title(title.into().style(theme.title))
}

/// A `width` × `height` rectangle centred in `area`, shrunk to fit it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// `text` cut to at most `width` cells, ending in `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Widths summing to at most `avail` (each at least 1): columns narrower than a fair share
/// keep their natural width and the rest split what is left.
pub fn fit_widths(natural: &[usize], avail: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= avail {
        return natural.to_vec();
    }
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|&i| natural[i]);
    let mut widths = vec![1; natural.len()];
    let mut left = avail;
    for (done, &i) in order.iter().enumerate() {
        let share = left / (natural.len() - done);
        widths[i] = natural[i].min(share).max(1);
        left = left.saturating_sub(widths[i]);
    }
    widths
}

/// A style for a row that may be selected.
pub fn selectable(base: Style, selected: bool, theme: &Theme) -> Style {
    if selected {
        base.patch(theme.selection)
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_marks_cut_text_and_respects_wide_chars() {
        assert_eq!(truncate("Layer caching", 20), "Layer caching");
        assert_eq!(truncate("Layer caching", 8), "Layer c…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn centered_fits_inside() {
        let area = Rect::new(2, 3, 10, 6);
        assert_eq!(centered(area, 4, 2), Rect::new(5, 5, 4, 2));
        assert_eq!(centered(area, 40, 20), area);
    }

    #[test]
    fn fit_widths_shares_space_fairly() {
        assert_eq!(fit_widths(&[3, 40, 40], 43), vec![3, 20, 20]);
        assert_eq!(fit_widths(&[5, 5], 20), vec![5, 5]);
        assert_eq!(fit_widths(&[5, 5], 0), vec![1, 1]);
    }
}
