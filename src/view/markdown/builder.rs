//! The pulldown-cmark event walker behind [`super::render`].
//!
//! Block containers (quotes, list items) form a stack; each emitted line gets a prefix built from
//! it: a bar per quote, and per list item its marker on the item's first line and spaces of the
//! same width after, so wrapped continuation lines line up under the item's text. Inline events
//! collect styled spans until the enclosing block ends and is wrapped.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::Span;

use super::table::Table;
use super::{DocLine, Document, LineKind};
use crate::core::markup::{MARKDOWN_OPTIONS, only_line_breaks};
use crate::view::colours::Colours;
use crate::view::theme::Theme;

mod emit;

const BULLETS: [&str; 3] = ["• ", "◦ ", "▪ "];
const QUOTE_BAR: &str = "│ ";
const CODE_INDENT: &str = "  ";

enum Container {
    Quote,
    Item { marker: String, fresh: bool },
}

struct Builder<'t> {
    theme: &'t Theme,
    colours: &'t mut Colours,
    width: usize,
    out: Vec<DocLine>,
    containers: Vec<Container>,
    /// Next number of each open list; `None` for bullet lists.
    lists: Vec<Option<u64>>,
    inline: Vec<Span<'static>>,
    styles: Vec<Style>,
    /// Open links: destination and where their text starts in `inline`.
    links: Vec<(String, usize)>,
    code: Option<(String, String)>,
    table: Option<Table>,
    need_gap: bool,
    /// See [`Document::cut`].
    cut: usize,
}

pub(super) fn build(md: &str, width: usize, theme: &Theme, colours: &mut Colours) -> Document {
    let mut b = Builder {
        theme,
        colours,
        width,
        out: Vec::new(),
        containers: Vec::new(),
        lists: Vec::new(),
        inline: Vec::new(),
        styles: Vec::new(),
        links: Vec::new(),
        code: None,
        table: None,
        need_gap: false,
        cut: 0,
    };
    for event in Parser::new_ext(md, MARKDOWN_OPTIONS) {
        b.event(event);
    }
    b.flush_inline();
    Document {
        lines: b.out,
        cut: b.cut,
    }
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some((_, code)) => code.push_str(&text),
                None => self.push_text(&text.replace('\n', " "), Style::new()),
            },
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                let ticks = if self.theme.code_ticks { "`" } else { "" };
                let text = format!("{ticks}{code}{ticks}");
                self.push_text(&text, self.theme.inline_code);
            }
            // `<br>` is a line break; other HTML is shown as the text it is (`check` warns).
            Event::Html(html) | Event::InlineHtml(html) if only_line_breaks(&html) => {
                let breaks = crate::core::markup::tags(&html).len();
                for _ in 0..breaks {
                    self.inline.push(Span::raw("\n"));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.push_text(html.trim_end_matches('\n'), self.theme.dim);
            }
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]"), Style::new()),
            Event::SoftBreak => self.push_text(" ", Style::new()),
            Event::HardBreak => self.inline.push(Span::raw("\n")),
            Event::Rule => {
                self.begin_block();
                let rule = "─".repeat(self.avail());
                self.emit(LineKind::Prose, vec![Span::styled(rule, self.theme.rule)]);
                self.need_gap = true;
            }
            Event::TaskListMarker(done) => {
                let mark = if done { "[x] " } else { "[ ] " };
                self.push_text(mark, self.theme.list_marker);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let theme = self.theme;
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.begin_block(),
            Tag::Heading { level, .. } => {
                self.begin_block();
                self.styles.push(theme.heading(level as u8));
            }
            Tag::BlockQuote(_) => {
                self.begin_block();
                self.containers.push(Container::Quote);
                self.styles.push(theme.quote);
            }
            Tag::CodeBlock(kind) => {
                self.begin_block();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Tag::List(start) => {
                if self.in_item() {
                    self.flush_inline();
                } else {
                    self.begin_block();
                }
                self.lists.push(start);
            }
            Tag::Item => self.start_item(),
            Tag::Table(aligns) => {
                self.begin_block();
                self.table = Some(Table {
                    aligns,
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::Emphasis => self.styles.push(theme.emphasis),
            Tag::Strong => self.styles.push(theme.strong),
            Tag::Strikethrough => self.styles.push(theme.strikethrough),
            Tag::Link { dest_url, .. } => {
                self.links.push((dest_url.into_string(), self.inline.len()));
                self.styles.push(theme.link);
            }
            Tag::Image { .. } => {
                self.styles.push(theme.emphasis);
                self.push_text("[image: ", Style::new());
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => self.end_block(),
            TagEnd::Heading(_) => {
                self.styles.pop();
                self.end_block();
            }
            TagEnd::BlockQuote(_) => {
                self.flush_inline();
                self.containers.pop();
                self.styles.pop();
                self.need_gap = true;
            }
            TagEnd::CodeBlock => self.end_code(),
            TagEnd::List(_) => {
                self.lists.pop();
                self.need_gap = self.lists.is_empty() || self.need_gap;
            }
            TagEnd::Item => self.end_item(),
            TagEnd::Table => self.end_table(),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inline);
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header_rows = t.rows.len();
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.styles.pop();
            }
            TagEnd::Link => self.end_link(),
            TagEnd::Image => {
                self.push_text("]", Style::new());
                self.styles.pop();
            }
            _ => {}
        }
    }

    fn start_item(&mut self) {
        self.flush_inline();
        let depth = self.lists.len().saturating_sub(1);
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let m = format!("{n}. ");
                *n = n.saturating_add(1);
                m
            }
            _ => BULLETS[depth % BULLETS.len()].to_owned(),
        };
        self.containers.push(Container::Item {
            marker,
            fresh: true,
        });
    }

    fn end_item(&mut self) {
        self.flush_inline();
        if let Some(Container::Item { fresh: true, .. }) = self.containers.last() {
            self.emit(LineKind::Prose, Vec::new());
        }
        self.containers.pop();
    }

    fn end_link(&mut self) {
        self.styles.pop();
        let Some((url, start)) = self.links.pop() else {
            return;
        };
        let text: String = self.inline[start.min(self.inline.len())..]
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        let same = text == url || url.strip_prefix("mailto:") == Some(text.as_str());
        if !url.is_empty() && !same {
            self.push_text(" ", Style::new());
            self.inline
                .push(Span::styled(format!("({url})"), self.theme.link_url));
        }
    }

    fn end_code(&mut self) {
        let Some((lang, code)) = self.code.take() else {
            return;
        };
        let label = lang.split_whitespace().next().unwrap_or("");
        if !label.is_empty() {
            let text = format!("{CODE_INDENT}{label}");
            self.emit(
                LineKind::Prose,
                vec![Span::styled(text, self.theme.code_label)],
            );
        }
        for line in self.colours.lines(&code, &lang, self.theme) {
            self.emit(LineKind::Code, line.spans);
        }
        self.need_gap = true;
    }

    fn end_table(&mut self) {
        if let Some(table) = self.table.take() {
            let natural = table.natural_width();
            if natural > self.avail() {
                self.cut = self.cut.max(natural + self.prefix_width());
            }
            for line in table.render(self.avail(), self.theme) {
                self.emit(LineKind::Prose, line.spans);
            }
        }
        self.inline.clear();
        self.need_gap = true;
    }
}
