//! Our markdown → ratatui renderer (pulldown-cmark events in, styled lines out).
//!
//! [`render`] lays markdown out for a given width once; the result is pure data the caller can
//! cache per step and width. Prose is wrapped at word boundaries by display width; code lines
//! are never wrapped and keep their full width, and [`visible_lines`] scrolls them sideways
//! with `‹` / `›` marking hidden text. Supported: headings, emphasis, strong, strikethrough,
//! inline code, nested lists, task lists, block quotes, tables, rules, links (`text (url)`),
//! images (`[image: alt]`), hard and soft breaks (and `<br>`), fenced code coloured through
//! [`crate::view::colours`], and reveal blocks (`<details><summary>`, see `reveal`), shown as
//! one line `▸ title` until opened. Other raw HTML is shown as the text it is.

mod builder;
mod clip;
mod reveal;
mod table;
mod wrap;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::view::colours::Colours;
use crate::view::theme::Theme;

/// Whether a rendered line is wrapped prose, an unwrapped line of a code block, or the title
/// line of a reveal block (drawn as prose; a click on it opens or closes the blocks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Prose,
    Code,
    Reveal,
}

/// One laid-out line: a fixed `prefix` (indentation, list markers, quote bars) and a `body`.
/// Only a code line's body scrolls sideways.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLine {
    pub kind: LineKind,
    pub prefix: Vec<Span<'static>>,
    pub body: Vec<Span<'static>>,
    /// The style of the whole body area (a code block's background).
    pub style: Style,
}

impl DocLine {
    /// Display width of prefix plus body.
    pub fn width(&self) -> usize {
        spans_width(&self.prefix) + spans_width(&self.body)
    }
}

/// Markdown laid out for one width.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub lines: Vec<DocLine>,
    /// The widest content that had to be cut to fit (a table whose cells end in `…`), in
    /// columns with its indentation; 0 when nothing was cut. What is cut is not shown at all.
    pub cut: usize,
}

impl Document {
    /// Number of lines.
    pub fn height(&self) -> usize {
        self.lines.len()
    }

    /// The widest code line (prefix included), 0 when there is no code.
    pub fn max_code_width(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.kind == LineKind::Code)
            .map(DocLine::width)
            .max()
            .unwrap_or(0)
    }
}

/// `md` laid out for `width` columns with `theme`'s styles, its code coloured as `colours`
/// has them, reveal blocks open (for text the learner asked for: glossary, FAQ). Never
/// panics; a width of 0 is treated as 1.
pub fn render(md: &str, width: u16, theme: &Theme, colours: &mut Colours) -> Document {
    render_revealed(md, width, theme, colours, true)
}

/// [`render`], with reveal blocks open or closed (a step's text: the learner opens them).
pub fn render_revealed(
    md: &str,
    width: u16,
    theme: &Theme,
    colours: &mut Colours,
    open: bool,
) -> Document {
    reveal::build(md, usize::from(width.max(1)), theme, colours, open)
}

/// Text the player writes itself with `code` in backticks (a notice, a verdict): the quoted
/// parts in `code` style without their backticks, the rest in `style`. Text with unbalanced
/// backticks is one span, shown as it is.
pub fn code_spans(text: &str, style: Style, code: Style) -> Vec<Span<'static>> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![Span::styled(text.to_owned(), style)];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| Span::styled((*part).to_owned(), if i % 2 == 1 { code } else { style }))
        .collect()
}

/// Plain styled text (not markdown) wrapped at word boundaries to `width` cells, as prose is:
/// for text the player writes itself (notes, messages, results) beside markdown.
pub fn wrap_spans(spans: &[Span<'_>], width: u16) -> Vec<Line<'static>> {
    wrap::wrap(spans, usize::from(width.max(1)))
        .into_iter()
        .map(Line::from)
        .collect()
}

/// Convenience: `md` rendered and flattened, with code not scrolled.
pub fn to_lines(md: &str, width: u16, theme: &Theme, colours: &mut Colours) -> Vec<Line<'static>> {
    visible_lines(&render(md, width, theme, colours), 0, width, theme)
}

/// [`to_lines`], with reveal blocks open or closed.
pub fn to_lines_revealed(
    md: &str,
    width: u16,
    theme: &Theme,
    colours: &mut Colours,
    open: bool,
) -> Vec<Line<'static>> {
    let doc = render_revealed(md, width, theme, colours, open);
    visible_lines(&doc, 0, width, theme)
}

/// Whether `md` has a reveal block (`<details>`).
pub fn has_reveal(md: &str) -> bool {
    crate::core::markup::segments(md)
        .iter()
        .any(|s| matches!(s, crate::core::markup::Segment::Reveal { .. }))
}

/// Cells `hscroll..hscroll + width` of a line of `spans`, with `‹` / `›` (in `marker`'s style)
/// where text is hidden to the left or right: how unwrapped lines scroll sideways.
pub fn clip_line(
    spans: &[Span<'_>],
    hscroll: usize,
    width: usize,
    marker: Style,
) -> Vec<Span<'static>> {
    clip::window(spans, hscroll, width, marker)
}

/// `spans` wrapped at word boundaries into lines at most `width` cells wide.
pub fn wrap_words(spans: &[Span<'_>], width: usize) -> Vec<Vec<Span<'static>>> {
    wrap::wrap(spans, width)
}

/// All lines of `r` ready to draw in a viewport `width` cells wide: code bodies shifted left by
/// `hscroll` and clipped to the width with `‹` / `›` markers, prose untouched.
pub fn visible_lines(r: &Document, hscroll: u16, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    r.lines
        .iter()
        .map(|l| match l.kind {
            LineKind::Prose | LineKind::Reveal => {
                let mut spans = l.prefix.clone();
                spans.extend(l.body.iter().cloned());
                Line::from(spans)
            }
            LineKind::Code => code_line(l, hscroll, width, theme),
        })
        .collect()
}

fn code_line(l: &DocLine, hscroll: u16, width: u16, theme: &Theme) -> Line<'static> {
    let avail = usize::from(width).saturating_sub(spans_width(&l.prefix));
    let mut body = clip::window(&l.body, usize::from(hscroll), avail, theme.code_clip);
    let pad = avail.saturating_sub(spans_width(&body));
    if pad > 0 {
        body.push(Span::raw(" ".repeat(pad)));
    }
    let mut spans = l.prefix.clone();
    spans.extend(body.into_iter().map(|s| {
        let style = l.style.patch(s.style);
        s.style(style)
    }));
    Line::from(spans)
}

fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| s.content.width()).sum()
}

#[cfg(test)]
mod tests;
