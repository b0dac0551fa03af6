//! Markdown text: warns about fenced code in languages the player cannot highlight, about raw
//! HTML (other than the reveal blocks and line breaks termcourse understands) and about images,
//! which a terminal cannot show (see `core::markup`).
//!
//! Which languages have a syntax is not the core's business (highlighting lives in the view);
//! the caller injects it as `LoadOptions::known_language`. Fences are found by a line scan
//! that follows the `CommonMark` rules for them (three or more backticks or tildes, closed by
//! an equal or longer run of the same character), also inside block quotes and list items: a
//! full markdown parse of every text would cost more than all the rest of loading.

use std::collections::HashMap;

use super::{Checker, FileCx};
use crate::core::markup;
use crate::core::raw::Sp;

/// Info strings that mean "no highlighting", on purpose.
const PLAIN: &[&str] = &["text", "txt", "plain", "plaintext"];

/// Every check of a markdown value.
pub(super) fn check_markdown(cx: &mut Checker<'_>, file: &FileCx, value: &Sp<String>) {
    check_code_languages(cx, file, value);
    check_markup(cx, file, value);
}

/// Warns about raw HTML the player shows as text and images it cannot show, at their line.
fn check_markup(cx: &mut Checker<'_>, file: &FileCx, value: &Sp<String>) {
    let text = value.get();
    let found = markup::unsupported(text);
    if found.is_empty() {
        return;
    }
    let value_span = value.span();
    let raw = file.text.get(value_span.clone()).unwrap_or_default();
    // Where each needle occurs, in the decoded text and in the file: built once per needle,
    // so a text with thousands of findings stays fast.
    let mut occurrences: HashMap<String, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for item in found {
        // The text was decoded from TOML (escapes, trimmed indentation); find the same
        // occurrence of how it starts in the file, else point at the whole value.
        let needle = item.needle();
        let (in_text, in_raw) = occurrences.entry(needle.to_owned()).or_insert_with(|| {
            let at = |s: &str| s.match_indices(needle).map(|(i, _)| i).collect();
            (at(text), at(raw))
        });
        let nth = in_text.partition_point(|i| *i < item.at());
        let span = in_raw.get(nth).map_or(value_span.clone(), |i| {
            value_span.start + i..value_span.start + i + needle.len()
        });
        match item {
            markup::Unsupported::Html { .. } => {
                cx.warning(file, span, "raw HTML is shown as text; use markdown")
                    .with_label("shown as written")
                    .with_note("note: termcourse understands `<details>` with `<summary>` (a block the learner opens) and `<br>`")
                    .with_note("help: write emphasis, lists, tables or code blocks in markdown instead");
            }
            markup::Unsupported::Image { .. } => {
                cx.warning(file, span, "terminals show no images")
                    .with_label("shown as `[image: alt]`")
                    .with_note("help: describe what the image shows in words, or draw it in a `text` code block");
            }
        }
    }
}

/// Warns about each fenced code block in `value` whose language has no highlighting syntax.
fn check_code_languages(cx: &mut Checker<'_>, file: &FileCx, value: &Sp<String>) {
    let text = value.get();
    if !text.contains("```") && !text.contains("~~~") {
        return;
    }
    // How many fences named each language so far, and where each language is named in the
    // raw TOML text: both built once, so a value with thousands of fences stays linear.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut named: Option<HashMap<&str, Vec<usize>>> = None;
    for info in fence_infos(text) {
        let Some(lang) = language(info) else { continue };
        let nth = seen.entry(lang.clone()).or_insert(0);
        let index = *nth;
        *nth += 1;
        if PLAIN.contains(&lang.to_lowercase().as_str()) || (cx.opts.known_language)(&lang) {
            continue;
        }
        let value_span = value.span();
        let raw = file.text.get(value_span.clone()).unwrap_or_default();
        let named = named.get_or_insert_with(|| fence_words(raw));
        let span = named
            .get(lang.as_str())
            .and_then(|at| at.get(index))
            .map_or(value_span.clone(), |i| {
                value_span.start + i..value_span.start + i + lang.len()
            });
        cx.warning(
            file,
            span,
            format!("no syntax highlighting for code language `{lang}`"),
        )
        .with_label("unknown language")
        .with_note("note: the block will be shown without colours")
        .with_note("help: check the spelling, or write `text` for plain output");
    }
}

/// The info strings of the opening fences in `markdown`, in order.
fn fence_infos(markdown: &str) -> Vec<&str> {
    let mut infos = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for line in markdown.lines() {
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let Some(fence) = line.chars().next().filter(|c| *c == '`' || *c == '~') else {
            continue;
        };
        let run = line.chars().take_while(|c| *c == fence).count();
        if run < 3 {
            continue;
        }
        let rest = &line[run..];
        match open {
            Some((c, len)) if c == fence && run >= len && rest.trim().is_empty() => open = None,
            Some(_) => {}
            None if fence == '`' && rest.contains('`') => {}
            None => {
                open = Some((fence, run));
                infos.push(rest.trim());
            }
        }
    }
    infos
}

/// The language of a fence info string: its first word, without `{.lang}` or `,attr` extras.
fn language(info: &str) -> Option<String> {
    let word = info.split_whitespace().next()?;
    let word = word.trim_start_matches('{').trim_start_matches('.');
    let word = word.split([',', '{', '}']).next()?;
    (!word.is_empty()).then(|| word.to_owned())
}

/// Where each word right after a fence marker (three backticks or tildes, then spaces, `{` or
/// `.`) starts in `raw`, by word, in order: where the warnings point.
fn fence_words(raw: &str) -> HashMap<&str, Vec<usize>> {
    let mut found: HashMap<&str, Vec<usize>> = HashMap::new();
    for (marker, fence) in [("```", '`'), ("~~~", '~')] {
        for (at, _) in raw.match_indices(marker) {
            let after = at + marker.len();
            let rest = &raw[after..];
            let skipped = rest.len()
                - rest
                    .trim_start_matches(fence)
                    .trim_start_matches([' ', '{', '.'])
                    .len();
            let start = after + skipped;
            let word_len = raw[start..]
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '{' | '}' | '`' | '~'))
                .unwrap_or(raw.len() - start);
            if word_len > 0 {
                found
                    .entry(&raw[start..start + word_len])
                    .or_default()
                    .push(start);
            }
        }
    }
    for positions in found.values_mut() {
        positions.sort_unstable();
        positions.dedup();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_are_found_like_commonmark_does() {
        let md = "text\n```dockerfile\nFROM x\n```\n> ~~~~python\n> ```rust\n> ~~~~\n- item\n\n  ```\n  plain\n  ```\n``not a fence``\n```bash\n";
        assert_eq!(fence_infos(md), ["dockerfile", "python", "", "bash"]);
    }

    #[test]
    fn fence_words_are_found_after_any_fence_run() {
        let raw = "\"\"\"\n````python\nx\n````\n~~~ {.rust}\n```python\n\"\"\"";
        let words = fence_words(raw);
        let python = &words["python"];
        assert_eq!(python.len(), 2);
        assert_eq!(&raw[python[0]..python[0] + 6], "python");
        assert!(words.contains_key("rust"));
    }

    #[test]
    fn language_is_the_first_word_of_the_info_string() {
        assert_eq!(language("dockerfile").as_deref(), Some("dockerfile"));
        assert_eq!(language("rust,ignore").as_deref(), Some("rust"));
        assert_eq!(language("{.python} title").as_deref(), Some("python"));
        assert_eq!(language("   "), None);
    }
}
