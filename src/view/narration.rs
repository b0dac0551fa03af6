//! The narration pane: step title, `SYS_MSG` box and markdown body, from the prepared cache,
//! scrolled vertically (and code horizontally) by the model's offsets.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::{Focus, Model};
use crate::core::course::Step;
use crate::view::markdown::{Document, visible_lines};
use crate::view::pane;
use crate::view::theme::Theme;

pub fn render(
    model: &Model,
    doc: &Document,
    theme: &Theme,
    ascii: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let focused = model.focus == Focus::Narration && model.overlay.is_none();
    let inner = pane::inner(area);
    let top = usize::from(model.scroll.narration);
    let rows = usize::from(inner.height);
    let more_below = doc.lines.len() > top + rows;
    let title = Line::from(vec![
        Span::styled(" narration ", theme.title),
        Span::styled(scroll_hint(top, more_below, ascii), theme.dim),
    ]);
    pane::block(title, theme, focused, ascii).render(area, buf);
    let window = Document {
        lines: doc.lines.iter().skip(top).take(rows).cloned().collect(),
        cut: doc.cut,
    };
    let lines = visible_lines(&window, model.scroll.code_x, inner.width, theme);
    pane::put_lines(&lines, inner, buf);
}

/// Columns the narration needs to show its widest code line or table whole (neither wraps),
/// its border included; 0 without either. Found by a line scan for fences and table rows
/// (cheap enough for every frame, and close enough: a table's source row is about as wide as
/// the row drawn); what is in the `SYS_MSG` box counts with the box around it.
pub fn wanted_width(step: &Step) -> u16 {
    let body = step.body.as_deref().map_or(0, widest_unwrapped);
    let boxed = step.sys_msg.as_deref().map_or(0, widest_unwrapped);
    let widest = [(body, 0), (boxed, BOX)]
        .into_iter()
        .filter(|(w, _)| *w > 0)
        .map(|(w, extra)| w + extra)
        .max()
        .unwrap_or(0);
    u16::try_from(widest + PANE_CHROME).unwrap_or(u16::MAX)
}

/// Code lines are indented by two columns; the `SYS_MSG` box adds two on each side; a pane's
/// border and padding take four.
const CODE_INDENT: usize = 2;
const BOX: usize = 4;
const PANE_CHROME: usize = 4;

/// The display width of the widest line of `md` that is not wrapped: a line inside a fenced
/// code block (fences opened by three or more backticks or tildes, closed by as many;
/// indentation and quote marks before a fence are taken off its lines too), with the code's
/// indentation, or a table row.
fn widest_unwrapped(md: &str) -> usize {
    let mut widest = 0;
    let mut open: Option<(char, usize, usize)> = None;
    for line in md.lines() {
        let trimmed = line.trim_start_matches(['>', ' ']);
        let lead = line.len() - trimmed.len();
        let fence = trimmed
            .chars()
            .next()
            .filter(|c| *c == '`' || *c == '~')
            .map(|c| (c, trimmed.chars().take_while(|x| *x == c).count()));
        match (open, fence) {
            (Some((c, run, _)), Some((f, n)))
                if f == c && n >= run && trimmed[n..].trim().is_empty() =>
            {
                open = None;
            }
            (Some((_, _, indent)), _) => {
                let code = line.get(indent.min(lead)..).unwrap_or(line);
                widest = widest.max(CODE_INDENT + code.width());
            }
            (None, Some((f, n))) if n >= 3 => open = Some((f, n, lead)),
            (None, _) if trimmed.starts_with('|') => {
                widest = widest.max(trimmed.trim_end().width());
            }
            (None, _) => {}
        }
    }
    widest
}

/// `↑`/`↓` markers telling that there is more above or below.
pub fn scroll_hint(top: usize, more_below: bool, ascii: bool) -> &'static str {
    match (top > 0, more_below, ascii) {
        (true, true, false) => "↑↓ ",
        (true, false, false) => "↑ ",
        (false, true, false) => "↓ ",
        (true, true, true) => "^v ",
        (true, false, true) => "^ ",
        (false, true, true) => "v ",
        (false, false, _) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widest_unwrapped_line_is_a_code_line_or_a_table_row() {
        let md = "Prose that is much longer than any code line and wraps anyway.\n\n```dockerfile\nFROM python:3.13-slim\n```\n\n> ~~~~\n> 0123456789012345678901234\n> ~~~~\n";
        assert_eq!(widest_unwrapped(md), 2 + 25);
        assert_eq!(
            widest_unwrapped("| a | b |\n|---|---|\n| wide cell | x |"),
            17
        );
        assert_eq!(
            widest_unwrapped("```\nunclosed code runs to the end"),
            2 + 29
        );
        assert_eq!(widest_unwrapped("just prose"), 0);
    }
}
