//! Turning collected inline text and blocks into prefixed lines: the container prefixes (quote
//! bars, list markers and their continuation indent) and the blank lines between blocks.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use super::{Builder, CODE_INDENT, Container, QUOTE_BAR};
use crate::view::markdown::{DocLine, LineKind, wrap};

impl Builder<'_> {
    pub(super) fn in_item(&self) -> bool {
        self.containers
            .iter()
            .any(|c| matches!(c, Container::Item { .. }))
    }

    pub(super) fn push_text(&mut self, text: &str, style: Style) {
        let style = self
            .styles
            .iter()
            .fold(self.theme.text, |acc, s| acc.patch(*s))
            .patch(style);
        self.inline
            .push(Span::styled(text.replace('\t', " "), style));
    }

    /// Starts a block: flushes pending inline text and separates it from the previous block.
    pub(super) fn begin_block(&mut self) {
        self.flush_inline();
        if self.need_gap && !self.out.is_empty() {
            let prefix = self.prefix(false);
            self.out.push(DocLine {
                kind: LineKind::Prose,
                prefix,
                body: Vec::new(),
                style: Style::new(),
            });
        }
        self.need_gap = false;
    }

    pub(super) fn end_block(&mut self) {
        self.flush_inline();
        self.need_gap = true;
    }

    pub(super) fn flush_inline(&mut self) {
        if self.inline.is_empty() || self.table.is_some() {
            return;
        }
        let spans = std::mem::take(&mut self.inline);
        for line in wrap::wrap(&spans, self.avail()) {
            self.emit(LineKind::Prose, line);
        }
    }

    /// Width left for a body after the container prefix.
    pub(super) fn avail(&self) -> usize {
        self.width.saturating_sub(self.prefix_width()).max(1)
    }

    pub(super) fn prefix_width(&self) -> usize {
        self.containers
            .iter()
            .map(|c| match c {
                Container::Quote => QUOTE_BAR.width(),
                Container::Item { marker, .. } => marker.width(),
            })
            .sum()
    }

    /// The prefix for the next line; `consume` uses up pending list markers.
    pub(super) fn prefix(&mut self, consume: bool) -> Vec<Span<'static>> {
        let theme = self.theme;
        let mut spans = Vec::new();
        for c in &mut self.containers {
            spans.push(match c {
                Container::Quote => Span::styled(QUOTE_BAR, theme.quote_bar),
                Container::Item { marker, fresh } if *fresh && consume => {
                    *fresh = false;
                    Span::styled(marker.clone(), theme.list_marker)
                }
                Container::Item { marker, .. } => Span::raw(" ".repeat(marker.width())),
            });
        }
        spans
    }

    pub(super) fn emit(&mut self, kind: LineKind, body: Vec<Span<'static>>) {
        let mut prefix = self.prefix(true);
        let style = match kind {
            LineKind::Prose | LineKind::Reveal => Style::new(),
            LineKind::Code => {
                prefix.push(Span::styled(CODE_INDENT, self.theme.code_block));
                self.theme.code_block
            }
        };
        self.out.push(DocLine {
            kind,
            prefix,
            body,
            style,
        });
    }
}
