//! Horizontal clipping of styled lines by display cells, for scrolled code.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::wrap::LineBuf;

/// The cells `skip..skip + take` of `spans`. A wide grapheme cut by either edge becomes spaces,
/// so the result is exactly `take` cells wide when the text reaches that far.
pub(super) fn cut(spans: &[Span<'_>], skip: usize, take: usize) -> Vec<Span<'static>> {
    let end = skip + take;
    let mut out = LineBuf::default();
    let mut col = 0;
    for span in spans {
        for g in span.content.graphemes(true) {
            let w = g.width();
            let (start, stop) = (col, col + w);
            col = stop;
            if stop <= skip || w == 0 && start < skip {
                continue;
            }
            if start >= end {
                return out.spans;
            }
            if start >= skip && stop <= end {
                out.push(g, span.style);
            } else {
                let visible = stop.min(end) - start.max(skip);
                out.push(&" ".repeat(visible), span.style);
            }
        }
    }
    out.spans
}

/// A code line's visible window: `hscroll` cells skipped, `width` cells shown, with `‹` replacing
/// the first cell when text is hidden to the left and `›` the last when text is hidden to the
/// right (markers only when at least three cells are available).
pub(super) fn window(
    spans: &[Span<'_>],
    hscroll: usize,
    width: usize,
    marker: Style,
) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    let marks = width >= 3;
    let left = marks && hscroll > 0 && total > 0;
    let right = marks && total > hscroll + width;
    let skip = hscroll + usize::from(left);
    let take = width - usize::from(left) - usize::from(right);
    let mut out = Vec::new();
    if left {
        out.push(Span::styled("‹", marker));
    }
    out.extend(cut(spans, skip, take));
    if right {
        out.push(Span::styled("›", marker));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn cut_takes_a_cell_range() {
        let spans = [Span::raw("abc"), Span::raw("def")];
        assert_eq!(text(&cut(&spans, 2, 3)), "cde");
        assert_eq!(text(&cut(&spans, 10, 3)), "");
    }

    #[test]
    fn cut_replaces_split_wide_characters_with_spaces() {
        let spans = [Span::raw("日本語")];
        assert_eq!(text(&cut(&spans, 1, 4)), " 本 ");
    }

    #[test]
    fn window_marks_hidden_text_on_each_side() {
        let spans = [Span::raw("0123456789")];
        let style = Style::new();
        assert_eq!(text(&window(&spans, 0, 5, style)), "0123›");
        assert_eq!(text(&window(&spans, 3, 5, style)), "‹456›");
        assert_eq!(text(&window(&spans, 5, 5, style)), "‹6789");
        assert_eq!(text(&window(&spans, 0, 10, style)), "0123456789");
        assert_eq!(text(&window(&spans, 0, 2, style)), "01");
    }
}
