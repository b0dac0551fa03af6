//! The raw HTML and images a course's markdown may contain, and what termcourse makes of them.
//!
//! A terminal shows no HTML and no images. termcourse understands three tags: `<details>` with
//! its `<summary>`, a *reveal block* that the player shows collapsed until the learner opens
//! it (the usual way a course hides a solution), and `<br>`, a line break. Any other HTML is
//! shown as the text it is, and an image as `[image: alt]`; `check` warns about both
//! ([`unsupported`]). The player's markdown renderer cuts a text into plain markdown and reveal
//! blocks with [`segments`], so the player and `check` agree on what is understood.
//!
//! Both scan only what pulldown-cmark reports as HTML (never code spans or code blocks), and
//! cost nothing for text without `<` or `![`.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

mod plain;

pub use self::plain::plain_blocks;

/// The markdown extensions termcourse renders with (and scans with, so both read alike).
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// Reveal blocks nested deeper than this are shown as text.
pub const MAX_REVEAL_DEPTH: usize = 8;

/// What a reveal block without a `<summary>` is called (as browsers call it).
pub const DEFAULT_SUMMARY: &str = "Details";

/// A part of a markdown text: plain markdown, or a reveal block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Markdown(&'a str),
    /// `<details><summary>title</summary> body </details>`; the body is markdown (indentation
    /// common to its lines removed, so a block inside a list item reads as written).
    Reveal {
        title: String,
        body: String,
    },
}

/// An HTML tag found in markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlTag {
    /// Lower case.
    pub name: String,
    pub closing: bool,
    /// Byte range in the text scanned.
    pub range: Range<usize>,
}

/// Whether termcourse does something with a tag of this name (the rest is shown as text).
pub fn understood(name: &str) -> bool {
    matches!(name, "details" | "summary" | "br")
}

/// Whether `html` (an HTML event's text) is nothing but `<br>` tags and white space.
pub fn only_line_breaks(html: &str) -> bool {
    let tags = tags(html);
    !tags.is_empty()
        && tags.iter().all(|t| t.name == "br")
        && strip_ranges(html, tags.iter().map(|t| t.range.clone()))
            .trim()
            .is_empty()
}

/// Something in markdown a terminal cannot show as intended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsupported {
    /// Raw HTML other than `<details>`, `<summary>` and `<br>`: shown as text. `needle` is how
    /// it starts (`<div`, `<!--`), to find it in the file it was written in.
    Html { at: usize, needle: String },
    /// An image: shown as `[image: alt]`.
    Image { at: usize },
}

impl Unsupported {
    /// Byte offset in the markdown text.
    pub fn at(&self) -> usize {
        match self {
            Self::Html { at, .. } | Self::Image { at } => *at,
        }
    }

    /// How it starts in the text: what to search the file for.
    pub fn needle(&self) -> &str {
        match self {
            Self::Html { needle, .. } => needle,
            Self::Image { .. } => "![",
        }
    }
}

/// The raw HTML (one finding per HTML block, one per unknown inline tag) and the images in
/// `md`, in order.
pub fn unsupported(md: &str) -> Vec<Unsupported> {
    if !md.contains('<') && !md.contains("![") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut block_reported = false;
    let mut in_block = false;
    for (event, range) in Parser::new_ext(md, MARKDOWN_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                in_block = true;
                block_reported = false;
            }
            Event::End(pulldown_cmark::TagEnd::HtmlBlock) => in_block = false,
            Event::Start(Tag::Image { .. }) => found.push(Unsupported::Image { at: range.start }),
            Event::Html(_) | Event::InlineHtml(_) => {
                if in_block && block_reported {
                    continue;
                }
                let Some(source) = md.get(range.clone()) else {
                    continue;
                };
                if let Some((offset, needle)) = first_unsupported(source) {
                    found.push(Unsupported::Html {
                        at: range.start + offset,
                        needle,
                    });
                    block_reported = in_block;
                }
            }
            _ => {}
        }
    }
    found
}

/// Where the first HTML termcourse does not understand starts in `html`, and how it starts.
fn first_unsupported(html: &str) -> Option<(usize, String)> {
    let tag = tags(html)
        .into_iter()
        .find(|t| !t.closing && !understood(&t.name))
        .map(|t| {
            (
                t.range.start,
                format!("<{}", &html[t.range.start + 1..][..t.name.len()]),
            )
        });
    let other = ["<!", "<?"]
        .iter()
        .filter_map(|m| html.find(m).map(|at| (at, (*m).to_owned())))
        .min();
    match (tag, other) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The HTML tags in `text` (`<name …>`, `</name>`, `<name/>`), in order.
pub fn tags(text: &str) -> Vec<HtmlTag> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find('<') {
        let start = at + offset;
        at = start + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let starts_with_letter = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        if name_len == 0 || !starts_with_letter {
            continue;
        }
        let after = name_start + name_len;
        if !matches!(bytes.get(after), Some(b'>' | b'/' | b' ' | b'\t' | b'\n')) {
            continue;
        }
        // No `>` after this one means none after any later `<` either: stop, so a text full
        // of `<a ` stays linear.
        let Some(end) = text[after..].find('>') else {
            break;
        };
        let end = after + end + 1;
        out.push(HtmlTag {
            name: text[name_start..after].to_ascii_lowercase(),
            closing,
            range: start..end,
        });
        at = end;
    }
    out
}

/// `md` cut into plain markdown and reveal blocks (one segment of plain markdown when it has
/// none). Nested blocks stay in their parent's body; render it with `segments` again.
pub fn segments(md: &str) -> Vec<Segment<'_>> {
    let has_details = md
        .as_bytes()
        .windows(b"<details".len())
        .any(|w| w.eq_ignore_ascii_case(b"<details"));
    if !has_details {
        return vec![Segment::Markdown(md)];
    }
    let mut tags_found: Vec<HtmlTag> = Vec::new();
    for (event, range) in Parser::new_ext(md, MARKDOWN_OPTIONS).into_offset_iter() {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_))
            && let Some(source) = md.get(range.clone())
        {
            tags_found.extend(tags(source).into_iter().map(|t| HtmlTag {
                range: range.start + t.range.start..range.start + t.range.end,
                ..t
            }));
        }
    }
    // An HTML block and the inline HTML of its lines may overlap; keep each tag once.
    tags_found.sort_by_key(|t| t.range.start);
    tags_found.dedup_by_key(|t| t.range.start);
    pair(md, &tags_found)
}

/// Matches `<details>` with `</details>` (nesting counted) and cuts `md` there.
fn pair<'a>(md: &'a str, tags: &[HtmlTag]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut cursor = 0;
    let mut depth = 0usize;
    let mut open_at = 0;
    let mut title: Option<String> = None;
    let mut title_start: Option<usize> = None;
    let mut body_start = 0;
    for tag in tags {
        if tag.range.start < cursor {
            continue;
        }
        match (tag.name.as_str(), tag.closing) {
            ("details", false) => {
                if depth == 0 {
                    open_at = tag.range.start;
                    body_start = tag.range.end;
                    title = None;
                    title_start = None;
                }
                depth += 1;
            }
            ("summary", false) if depth == 1 && title.is_none() => {
                title_start = Some(tag.range.end);
            }
            ("summary", true) if depth == 1 && title.is_none() => {
                if let Some(start) = title_start.take() {
                    title = Some(plain_title(md.get(start..tag.range.start).unwrap_or("")));
                    body_start = tag.range.end;
                }
            }
            ("details", true) if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    push_markdown(&mut out, &md[cursor..open_at]);
                    out.push(Segment::Reveal {
                        title: title.take().unwrap_or_else(|| DEFAULT_SUMMARY.to_owned()),
                        body: dedent(md.get(body_start..tag.range.start).unwrap_or("")),
                    });
                    cursor = tag.range.end;
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        // Never closed: like a browser, the block runs to the end.
        push_markdown(&mut out, &md[cursor..open_at]);
        out.push(Segment::Reveal {
            title: title.unwrap_or_else(|| DEFAULT_SUMMARY.to_owned()),
            body: dedent(md.get(body_start..).unwrap_or("")),
        });
    } else {
        push_markdown(&mut out, &md[cursor..]);
    }
    out
}

fn push_markdown<'a>(out: &mut Vec<Segment<'a>>, text: &'a str) {
    if !text.trim().is_empty() {
        out.push(Segment::Markdown(text));
    }
}

/// A summary's text: tags removed, white space collapsed.
fn plain_title(summary: &str) -> String {
    let found = tags(summary);
    let text = strip_ranges(summary, found.into_iter().map(|t| t.range));
    let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        DEFAULT_SUMMARY.to_owned()
    } else {
        title
    }
}

fn strip_ranges(text: &str, ranges: impl Iterator<Item = Range<usize>>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in ranges {
        out.push_str(text.get(at..range.start).unwrap_or(""));
        at = range.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// `text` without the indentation all its non-blank lines share.
fn dedent(text: &str) -> String {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(indent..).unwrap_or(l.trim_start_matches(' ')))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests;
