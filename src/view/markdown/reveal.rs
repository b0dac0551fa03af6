//! Reveal blocks (`<details><summary>title</summary> … </details>`): a text is cut into plain
//! markdown and reveal blocks by `core::markup::segments` (the same reading `check` uses), each
//! part laid out on its own. A closed block is its title line, `▸ title`; an open one is
//! `▾ title` with its body laid out below, indented. Blocks may nest.

use ratatui::style::Style;
use ratatui::text::Span;

use super::{DocLine, Document, LineKind, builder, wrap};
use crate::core::markup::{MAX_REVEAL_DEPTH, Segment, segments};
use crate::view::colours::Colours;
use crate::view::theme::Theme;

/// How far an open block's body is indented under its title.
const BODY_INDENT: &str = "  ";

pub(super) fn build(
    md: &str,
    width: usize,
    theme: &Theme,
    colours: &mut Colours,
    open: bool,
) -> Document {
    build_at(md, width, theme, colours, open, 0)
}

fn build_at(
    md: &str,
    width: usize,
    theme: &Theme,
    colours: &mut Colours,
    open: bool,
    depth: usize,
) -> Document {
    let parts = if depth < MAX_REVEAL_DEPTH {
        segments(md)
    } else {
        vec![Segment::Markdown(md)]
    };
    if let [Segment::Markdown(text)] = parts.as_slice() {
        return builder::build(text, width, theme, colours);
    }
    let mut lines: Vec<DocLine> = Vec::new();
    let mut cut = 0;
    for part in parts {
        let part_lines = match part {
            Segment::Markdown(text) => {
                let doc = builder::build(text, width, theme, colours);
                cut = cut.max(doc.cut);
                doc.lines
            }
            Segment::Reveal { title, body } => {
                let mut out = title_lines(&title, width, theme, open);
                if open {
                    let inner_width = width.saturating_sub(BODY_INDENT.len()).max(1);
                    let inner = build_at(&body, inner_width, theme, colours, open, depth + 1);
                    if inner.cut > 0 {
                        cut = cut.max(inner.cut + BODY_INDENT.len());
                    }
                    out.extend(inner.lines.into_iter().map(|mut line| {
                        line.prefix.insert(0, Span::raw(BODY_INDENT));
                        line
                    }));
                }
                out
            }
        };
        if part_lines.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(DocLine {
                kind: LineKind::Prose,
                prefix: Vec::new(),
                body: Vec::new(),
                style: Style::new(),
            });
        }
        lines.extend(part_lines);
    }
    Document { lines, cut }
}

/// `▸ title` (closed) or `▾ title` (open), wrapped under its text.
fn title_lines(title: &str, width: usize, theme: &Theme, open: bool) -> Vec<DocLine> {
    let marker = if open { "▾ " } else { "▸ " };
    let text = [Span::styled(title.to_owned(), theme.link)];
    let wrapped = wrap::wrap(&text, width.saturating_sub(marker.chars().count()).max(1));
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, body)| DocLine {
            kind: LineKind::Reveal,
            prefix: vec![if i == 0 {
                Span::styled(marker, theme.list_marker)
            } else {
                Span::raw("  ")
            }],
            body,
            style: Style::new(),
        })
        .collect()
}
