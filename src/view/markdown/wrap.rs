//! Word wrapping of styled inline text by display width.
//!
//! Break opportunities are whitespace and both sides of every wide (two-cell) grapheme, so CJK
//! text, which has no spaces, still wraps. A word wider than the line is broken between graphemes.
//! A span whose text is `"\n"` is a hard break.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A piece of inline text between break opportunities.
enum Token {
    Word(Vec<(String, Style)>, usize),
    Space(Style),
    Break,
}

/// A line being filled, its spans merged by style.
#[derive(Default)]
pub(super) struct LineBuf {
    pub spans: Vec<Span<'static>>,
    pub width: usize,
}

impl LineBuf {
    pub fn push(&mut self, text: &str, style: Style) {
        self.width += text.width();
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(text),
            _ => self.spans.push(Span::styled(text.to_owned(), style)),
        }
    }

    fn take(&mut self) -> Vec<Span<'static>> {
        self.width = 0;
        std::mem::take(&mut self.spans)
    }
}

/// `spans` wrapped into lines at most `width` cells wide (except single graphemes wider than
/// `width`). Spaces at the wrap points are dropped.
pub(super) fn wrap(spans: &[Span<'_>], width: usize) -> Vec<Vec<Span<'static>>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur = LineBuf::default();
    let mut space: Option<Style> = None;
    for token in tokenize(spans) {
        match token {
            Token::Break => {
                lines.push(cur.take());
                space = None;
            }
            Token::Space(style) => space = (cur.width > 0).then_some(style),
            Token::Word(parts, w) => {
                let gap = usize::from(space.is_some());
                if cur.width + gap + w <= width {
                    if let Some(style) = space {
                        cur.push(" ", style);
                    }
                } else if cur.width > 0 {
                    lines.push(cur.take());
                }
                if w <= width {
                    for (text, style) in &parts {
                        cur.push(text, *style);
                    }
                } else {
                    break_word(&parts, width, &mut cur, &mut lines);
                }
                space = None;
            }
        }
    }
    if cur.width > 0 || lines.is_empty() {
        lines.push(cur.take());
    }
    lines
}

fn break_word(
    parts: &[(String, Style)],
    width: usize,
    cur: &mut LineBuf,
    lines: &mut Vec<Vec<Span<'static>>>,
) {
    for (text, style) in parts {
        for g in text.graphemes(true) {
            let w = g.width();
            if cur.width + w > width && cur.width > 0 {
                lines.push(cur.take());
            }
            cur.push(g, *style);
        }
    }
}

fn tokenize(spans: &[Span<'_>]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word: Vec<(String, Style)> = Vec::new();
    let mut word_w = 0;
    let end_word = |tokens: &mut Vec<Token>, word: &mut Vec<(String, Style)>, w: &mut usize| {
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(word), *w));
            *w = 0;
        }
    };
    for span in spans {
        if span.content == "\n" {
            end_word(&mut tokens, &mut word, &mut word_w);
            tokens.push(Token::Break);
            continue;
        }
        for g in span.content.graphemes(true) {
            if g.chars().all(char::is_whitespace) {
                end_word(&mut tokens, &mut word, &mut word_w);
                tokens.push(Token::Space(span.style));
                continue;
            }
            let w = g.width();
            if w >= 2 {
                end_word(&mut tokens, &mut word, &mut word_w);
            }
            match word.last_mut() {
                Some((text, style)) if *style == span.style => text.push_str(g),
                _ => word.push((g.to_owned(), span.style)),
            }
            word_w += w;
            if w >= 2 {
                end_word(&mut tokens, &mut word, &mut word_w);
            }
        }
    }
    end_word(&mut tokens, &mut word, &mut word_w);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn texts(lines: &[Vec<Span<'static>>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn wrap_str(text: &str, width: usize) -> Vec<String> {
        texts(&wrap(&[Span::raw(text)], width))
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap_str("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn collapses_spaces_at_breaks() {
        assert_eq!(wrap_str("aaaa   bbbb", 4), ["aaaa", "bbbb"]);
    }

    #[test]
    fn breaks_words_longer_than_the_width() {
        assert_eq!(wrap_str("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn cjk_counts_two_cells_and_breaks_between_characters() {
        let lines = wrap_str("日本語のテキスト", 6);
        assert_eq!(lines, ["日本語", "のテキ", "スト"]);
        assert!(lines.iter().all(|l| l.width() <= 6));
    }

    #[test]
    fn emoji_count_two_cells() {
        assert_eq!(wrap_str("ok 🚀🚀 go", 5), ["ok 🚀", "🚀 go"]);
    }

    #[test]
    fn keeps_styles_across_words_and_merges_spans() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let spans = [
            Span::raw("a "),
            Span::styled("bold", bold),
            Span::raw("er b"),
        ];
        let lines = wrap(&spans, 20);
        assert_eq!(texts(&lines), ["a bolder b"]);
        assert_eq!(lines[0][1].style, bold);
        assert_eq!(lines[0].len(), 3);
    }

    #[test]
    fn hard_breaks_start_new_lines() {
        let spans = [Span::raw("one"), Span::raw("\n"), Span::raw("two")];
        assert_eq!(texts(&wrap(&spans, 20)), ["one", "two"]);
    }

    #[test]
    fn zero_width_still_makes_progress() {
        assert_eq!(wrap_str("ab", 0), ["a", "b"]);
        assert_eq!(wrap_str("", 3), [""]);
    }
}
