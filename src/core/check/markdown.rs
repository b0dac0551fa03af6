//! Fenced code blocks in markdown text: warns about languages the player cannot highlight.
//!
//! Which languages have a syntax is not the core's business (highlighting lives in the view);
//! the caller injects it as `LoadOptions::known_language`. Fences are found by a line scan
//! that follows the `CommonMark` rules for them (three or more backticks or tildes, closed by
//! an equal or longer run of the same character), also inside block quotes and list items: a
//! full markdown parse of every text would cost more than all the rest of loading.

use super::{Checker, FileCx};
use crate::core::raw::Sp;

/// Info strings that mean "no highlighting", on purpose.
const PLAIN: &[&str] = &["text", "txt", "plain", "plaintext"];

/// Warns about each fenced code block in `value` whose language has no highlighting syntax.
pub(super) fn check_code_languages(cx: &mut Checker<'_>, file: &FileCx, value: &Sp<String>) {
    let text = value.get();
    if !text.contains("```") && !text.contains("~~~") {
        return;
    }
    let mut seen: Vec<String> = Vec::new();
    for info in fence_infos(text) {
        let Some(lang) = language(info) else { continue };
        let nth = seen.iter().filter(|l| **l == lang).count();
        seen.push(lang.clone());
        if PLAIN.contains(&lang.to_lowercase().as_str()) || (cx.opts.known_language)(&lang) {
            continue;
        }
        let span = locate(&file.text, value.span(), &lang, nth);
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

/// The span of the `nth` fence naming `lang` inside the TOML string at `value`, falling back to
/// the whole string.
fn locate(
    text: &str,
    value: std::ops::Range<usize>,
    lang: &str,
    nth: usize,
) -> std::ops::Range<usize> {
    let Some(raw) = text.get(value.clone()) else {
        return value;
    };
    raw.match_indices(lang)
        .filter(|(i, _)| {
            let before = raw[..*i].trim_end_matches([' ', '{', '.']);
            before.ends_with("```") || before.ends_with("~~~")
        })
        .nth(nth)
        .map_or(value.clone(), |(i, _)| {
            value.start + i..value.start + i + lang.len()
        })
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
    fn language_is_the_first_word_of_the_info_string() {
        assert_eq!(language("dockerfile").as_deref(), Some("dockerfile"));
        assert_eq!(language("rust,ignore").as_deref(), Some("rust"));
        assert_eq!(language("{.python} title").as_deref(), Some("python"));
        assert_eq!(language("   "), None);
    }
}
