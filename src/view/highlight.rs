//! Syntax highlighting of code blocks: syntect with the two-face syntax set, into ratatui lines.
//!
//! The syntax and theme sets are loaded once, lazily, on first use; syntect itself loads each
//! syntax's definition on demand, so the first block of a language costs a few milliseconds and
//! later ones are cheap. Fence tokens are resolved by [`has_syntax`] / [`highlight`]: common
//! aliases (`sh`, `py`, `yml`, `docker`…), `console` for shell sessions (lines starting with `$ `
//! are commands, the rest output) and `text`/`plain`/`none` for unhighlighted text.

use std::sync::LazyLock;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use syntect::easy::HighlightLines;
use syntect::highlighting::{self as sh, FontStyle};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;
use two_face::theme::EmbeddedLazyThemeSet;

use crate::view::theme::Theme;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);
static THEMES: LazyLock<EmbeddedLazyThemeSet> = LazyLock::new(two_face::theme::extra);

/// Columns per tab stop when expanding tabs in code.
const TAB_WIDTH: usize = 4;

/// How a fence token is highlighted.
enum Lang {
    /// Known, shown without highlighting.
    Plain,
    /// A shell session: `$ ` lines are bash, the rest is output.
    Console,
    Syntax(&'static SyntaxReference),
}

/// Whether `lang` (a code fence's info string) names a language we know, including `text`.
pub fn has_syntax(lang: &str) -> bool {
    resolve(lang).is_some()
}

/// `code` as styled lines, one per source line, highlighted as `lang` with `theme`'s colours.
/// Unknown languages and colourless themes give plain lines. Tabs are expanded; no line ends in
/// a newline.
pub fn highlight(code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
    let code = code.strip_suffix('\n').unwrap_or(code);
    let syntect_theme = theme.syntax_theme.map(|name| THEMES.get(name));
    match (resolve(lang), syntect_theme) {
        (Some(Lang::Console), t) => console(code, t, theme),
        (Some(Lang::Syntax(syntax)), Some(t)) => with_syntax(code, syntax, t, theme.text),
        _ => code.split('\n').map(|l| plain(l, theme.text)).collect(),
    }
}

fn resolve(lang: &str) -> Option<Lang> {
    // Info strings may carry attributes after the language: "python title=app.py", "rust,ignore".
    let token = lang
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = match token.as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" | "none" => return Some(Lang::Plain),
        "console" | "shell-session" | "terminal" => return Some(Lang::Console),
        "sh" | "shell" | "zsh" | "bash" => "bash",
        "docker" | "containerfile" => "dockerfile",
        "py" | "python3" => "python",
        other => other,
    };
    SYNTAXES.find_syntax_by_token(name).map(Lang::Syntax)
}

fn bash() -> Option<&'static SyntaxReference> {
    SYNTAXES.find_syntax_by_token("bash")
}

fn with_syntax(
    code: &str,
    syntax: &SyntaxReference,
    t: &sh::Theme,
    fallback: Style,
) -> Vec<Line<'static>> {
    let mut hl = HighlightLines::new(syntax, t);
    LinesWithEndings::from(code)
        .map(|line| highlight_line(&mut hl, line, fallback))
        .collect()
}

fn highlight_line(hl: &mut HighlightLines<'_>, line: &str, fallback: Style) -> Line<'static> {
    let Ok(regions) = hl.highlight_line(line, &SYNTAXES) else {
        return plain(line, fallback);
    };
    let mut col = 0;
    let spans: Vec<Span<'static>> = regions
        .into_iter()
        .filter_map(|(style, text)| {
            let text = expand_tabs(text.trim_end_matches(['\n', '\r']), &mut col);
            (!text.is_empty()).then(|| Span::styled(text, to_style(style)))
        })
        .collect();
    Line::from(spans)
}

fn console(code: &str, t: Option<&sh::Theme>, theme: &Theme) -> Vec<Line<'static>> {
    let mut hl = t.zip(bash()).map(|(t, syn)| HighlightLines::new(syn, t));
    code.split('\n')
        .map(|line| match line.strip_prefix("$ ") {
            Some(cmd) => {
                let mut spans = vec![Span::styled("$ ", theme.prompt)];
                let body = match hl.as_mut() {
                    Some(hl) => highlight_line(hl, &format!("{cmd}\n"), theme.command),
                    None => plain(cmd, theme.command),
                };
                spans.extend(body.spans);
                Line::from(spans)
            }
            None => plain(line, theme.output),
        })
        .collect()
}

fn plain(line: &str, style: Style) -> Line<'static> {
    let text = expand_tabs(line.trim_end_matches(['\n', '\r']), &mut 0);
    Line::from(Span::styled(text, style))
}

/// `text` with tabs replaced by spaces up to the next tab stop; `col` is the display column
/// `text` starts at and is advanced past it.
pub(crate) fn expand_tabs(text: &str, col: &mut usize) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            let n = TAB_WIDTH - *col % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', n));
            *col += n;
        } else {
            out.push(c);
            *col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
    }
    out
}

fn to_style(s: sh::Style) -> Style {
    let mut style = Style::new();
    if let Some(fg) = to_color(s.foreground) {
        style = style.fg(fg);
    }
    for (font, modifier) in [
        (FontStyle::BOLD, Modifier::BOLD),
        (FontStyle::ITALIC, Modifier::ITALIC),
        (FontStyle::UNDERLINE, Modifier::UNDERLINED),
    ] {
        if s.font_style.contains(font) {
            style = style.add_modifier(modifier);
        }
    }
    style
}

/// Syntect colours as ratatui colours. Terminal-palette themes (bat's `ansi`, `base16`) encode
/// a palette index in `r` with alpha 0, and "the terminal's default" with alpha 1.
fn to_color(c: sh::Color) -> Option<Color> {
    match c.a {
        0 => Some(Color::Indexed(c.r)),
        1 => None,
        _ => Some(Color::Rgb(c.r, c.g, c.b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn knows_the_course_languages_and_aliases() {
        for lang in [
            "dockerfile",
            "Dockerfile",
            "docker",
            "bash",
            "sh",
            "shell",
            "console",
            "python",
            "py",
            "toml",
            "yaml",
            "yml",
            "json",
            "rust",
            "text",
            "plain",
            "none",
            "",
            "python title=app.py",
        ] {
            assert!(has_syntax(lang), "{lang}");
        }
        assert!(!has_syntax("klingon"));
    }

    #[test]
    fn highlighting_keeps_the_text_and_colours_it() {
        let code = "FROM python:3.12-slim\nRUN pip install torch\n";
        let lines = highlight(code, "dockerfile", &Theme::dark());
        assert_eq!(lines.len(), 2);
        assert_eq!(text_of(&lines[0]), "FROM python:3.12-slim");
        assert!(lines[0].spans.iter().any(|s| s.style.fg.is_some()));
    }

    #[test]
    fn no_color_theme_emits_no_colour() {
        let lines = highlight("x = {'a': 1}\n", "python", &Theme::no_color());
        assert_eq!(text_of(&lines[0]), "x = {'a': 1}");
        assert!(
            lines
                .iter()
                .flat_map(|l| &l.spans)
                .all(|s| s.style.fg.is_none())
        );
    }

    #[test]
    fn console_separates_commands_from_output() {
        let theme = Theme::dark();
        let lines = highlight("$ docker build .\nSuccessfully built", "console", &theme);
        assert_eq!(lines[0].spans[0].content, "$ ");
        assert_eq!(lines[0].spans[0].style, theme.prompt);
        assert_eq!(text_of(&lines[0]), "$ docker build .");
        assert_eq!(lines[1].spans[0].style, theme.output);
    }

    #[test]
    fn unknown_language_is_plain_and_tabs_expand() {
        let lines = highlight("a\tb\n\tc", "klingon", &Theme::dark());
        assert_eq!(text_of(&lines[0]), "a   b");
        assert_eq!(text_of(&lines[1]), "    c");
    }
}
