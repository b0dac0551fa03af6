//! Syntax highlighting of code blocks: syntect with termcourse's syntax set (the languages
//! courses use, made from two-face's at build time: [`syntaxes`]), into ratatui lines.
//!
//! Highlighting can be slow (loading a language's rules and compiling its regexes takes
//! milliseconds; a pathological line can take minutes), so the player never does it on the
//! thread that reads keys and draws: code is first laid out with [`pending`] (the same text,
//! the same geometry, in the code colour), [`colour`] runs on a worker thread
//! (`crate::edge::highlighter`) and its [`Coloured`] result is put into the screen's
//! [`super::colours::Colours`] cache, which repaints the block. Headless rendering runs
//! [`colour`] inline, so its output is deterministic.
//!
//! [`colour`] works within a [`Budget`]: a block with a line longer than
//! [`Budget::max_line_width`] characters, or whose highlighting takes longer than
//! [`Budget::time`], stays plain.
//!
//! A language's rules and a syntax theme are loaded on first use (by the highlighter thread),
//! a language at a time ([`syntaxes`]); a language outside termcourse's set stays plain, and
//! `check` warns about it. Fence tokens are resolved by [`has_syntax`]: common aliases (`sh`,
//! `py`, `yml`, `docker`…), `console` for shell sessions (lines starting with `$ ` are
//! commands, the rest output) and `text`/`plain`/`none` for unhighlighted text.

pub mod syntaxes;

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use syntect::easy::HighlightLines;
use syntect::highlighting::{self as sh, FontStyle};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use self::syntaxes::Syntax;
use crate::view::theme::{Theme, ThemeKind};

/// Columns per tab stop when expanding tabs in code.
const TAB_WIDTH: usize = 4;

/// How a fence token is highlighted.
enum Lang {
    /// Known, shown without highlighting.
    Plain,
    /// A shell session: `$ ` lines are bash, the rest is output.
    Console,
    Syntax(Syntax),
}

/// A code block to colour: its text and fence info string, and the theme to colour it for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CodeBlock {
    pub code: Arc<str>,
    pub lang: Arc<str>,
    pub theme: ThemeKind,
}

/// A code block's colours: its lines, or `None` when it stays plain (no syntax for its
/// language, or over the budget).
#[derive(Debug, Clone)]
pub struct Coloured {
    pub block: CodeBlock,
    pub lines: Option<Arc<[Line<'static>]>>,
}

/// Limits on highlighting one block; past them the block stays plain.
///
/// Some syntaxes take time superlinear in a line's length on some input (LESS on a line of
/// spaces and tabs: ~130 ms for 2,000 characters, minutes for 20,000), and syntect cannot be
/// stopped within a line; so lines are limited in length, and the time is checked between
/// lines: a block takes at most its budget plus one (bounded) line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The longest line, in characters, that is highlighted.
    pub max_line_width: usize,
    /// The most time one block may take.
    pub time: Duration,
}

impl Budget {
    /// The player's budget: colour arrives within a frame or two, or not at all.
    pub const PLAYER: Self = Self {
        max_line_width: 2_000,
        time: Duration::from_millis(50),
    };
    /// Headless rendering's: as generous as a batch job can be while still bounded. Only a
    /// block that takes longer than this anywhere could render differently between runs.
    pub const HEADLESS: Self = Self {
        max_line_width: 2_000,
        time: Duration::from_secs(2),
    };
}

/// Whether a block in `lang` can get colours at all with `theme` (a known plain language, or
/// a theme without colours, cannot); decided without loading any syntax.
pub fn wants_colour(lang: &str, theme: &Theme) -> bool {
    theme.syntax_theme.is_some() && !matches!(cheap_resolve(lang), Some(Lang::Plain))
}

/// `code` as it is shown before its colours arrive: the same text and geometry as
/// [`colour`]'s lines, in the code colour (a shell session's prompts, commands and output in
/// theirs). Never loads a syntax.
pub fn pending(code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
    let code = strip_newline(code);
    match cheap_resolve(lang) {
        Some(Lang::Console) => console(code, theme),
        _ => code
            .split('\n')
            .map(|l| plain(l, theme.inline_code))
            .collect(),
    }
}

/// `code` as it is shown when it stays plain (no syntax for its language, or over budget).
pub fn uncoloured(code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
    let code = strip_newline(code);
    match cheap_resolve(lang) {
        Some(Lang::Console) => console(code, theme),
        _ => code.split('\n').map(|l| plain(l, theme.text)).collect(),
    }
}

/// `block` highlighted with `theme`'s colours within `budget`, one line per source line, tabs
/// expanded, no line ending in a newline; `None` when it stays plain.
pub fn colour(block: &CodeBlock, theme: &Theme, budget: Budget) -> Option<Vec<Line<'static>>> {
    let code = strip_newline(&block.code);
    // Characters, not display columns: a tab is one character but up to four columns, and
    // what costs time is the characters syntect's rules are tried at.
    if code
        .split('\n')
        .any(|l| l.chars().count() > budget.max_line_width)
    {
        return None;
    }
    let syntect_theme = syntaxes::theme(theme.syntax_theme?)?;
    let lang = resolve(&block.lang)?;
    // Loading the theme and the syntax happens once per session and does not depend on the
    // block: it is not the block's time (else on a slow or busy machine the first block of a
    // language could stay plain for the whole session).
    let deadline = Instant::now() + budget.time;
    match lang {
        Lang::Console => console_within(code, syntect_theme, theme, deadline),
        Lang::Syntax(syntax) => with_syntax(code, syntax, syntect_theme, theme.text, deadline),
        Lang::Plain => None,
    }
}

fn strip_newline(code: &str) -> &str {
    code.strip_suffix('\n').unwrap_or(code)
}

/// Whether `lang` (a code fence's info string) names a language we know, including `text`;
/// decided without loading any syntax.
pub fn has_syntax(lang: &str) -> bool {
    cheap_resolve(lang).is_some() || syntaxes::exists(alias(&token(lang)))
}

/// The resolutions that need no syntax set.
fn cheap_resolve(lang: &str) -> Option<Lang> {
    match token(lang).as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" | "none" => Some(Lang::Plain),
        "console" | "shell-session" | "terminal" => Some(Lang::Console),
        _ => None,
    }
}

/// The language token of an info string, lower case. Info strings may carry attributes after
/// the language: "python title=app.py", "rust,ignore".
fn token(lang: &str) -> String {
    lang.split(|c: char| c.is_whitespace() || c == ',' || c == '{')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn resolve(lang: &str) -> Option<Lang> {
    if let Some(lang) = cheap_resolve(lang) {
        return Some(lang);
    }
    syntaxes::find(alias(&token(lang))).map(Lang::Syntax)
}

/// Names for languages that the syntaxes' own names and extensions miss.
fn alias(token: &str) -> &str {
    match token {
        "sh" | "shell" | "zsh" | "bash" => "bash",
        "docker" | "containerfile" => "dockerfile",
        "py" | "python3" => "python",
        "pwsh" | "ps" => "powershell",
        "golang" => "go",
        "csharp" => "c#",
        "fsharp" => "f#",
        "jsonc" | "json5" => "json",
        other => other,
    }
}

/// Highlighting in progress: syntect's state for one block, and the set its syntax is in.
struct Lines<'t> {
    hl: HighlightLines<'t>,
    set: &'static SyntaxSet,
}

impl<'t> Lines<'t> {
    fn new(syntax: Syntax, theme: &'t sh::Theme) -> Self {
        Self {
            hl: HighlightLines::new(syntax.reference, theme),
            set: syntax.set,
        }
    }
}

fn with_syntax(
    code: &str,
    syntax: Syntax,
    t: &sh::Theme,
    fallback: Style,
    deadline: Instant,
) -> Option<Vec<Line<'static>>> {
    let mut hl = Lines::new(syntax, t);
    if needs_a_from(syntax, code) {
        // The Dockerfile syntax colours instructions only after a `FROM`, but courses often
        // show a fragment (a `CMD`, a `RUN`): start it as if a `FROM` came first.
        let _ = hl.hl.highlight_line("FROM scratch\n", hl.set);
    }
    LinesWithEndings::from(code)
        .map(|line| (Instant::now() < deadline).then(|| highlight_line(&mut hl, line, fallback)))
        .collect()
}

/// Whether `code` is a Dockerfile fragment whose first instruction is not a `FROM`.
fn needs_a_from(syntax: Syntax, code: &str) -> bool {
    let first = code
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    syntax
        .reference
        .name
        .to_ascii_lowercase()
        .contains("dockerfile")
        && first.is_some_and(|l| {
            !l.get(..5)
                .is_some_and(|word| word.eq_ignore_ascii_case("from "))
        })
}

fn highlight_line(hl: &mut Lines<'_>, line: &str, fallback: Style) -> Line<'static> {
    let Ok(regions) = hl.hl.highlight_line(line, hl.set) else {
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

/// A shell session within the deadline: `$ ` lines highlighted as bash.
fn console_within(
    code: &str,
    t: &sh::Theme,
    theme: &Theme,
    deadline: Instant,
) -> Option<Vec<Line<'static>>> {
    let mut hl = Lines::new(syntaxes::find("bash")?, t);
    code.split('\n')
        .map(|line| (Instant::now() < deadline).then(|| console_line(line, Some(&mut hl), theme)))
        .collect()
}

/// A shell session without syntax colours: prompts, commands and output in their styles.
fn console(code: &str, theme: &Theme) -> Vec<Line<'static>> {
    code.split('\n')
        .map(|line| console_line(line, None, theme))
        .collect()
}

/// One line of a shell session; a command is highlighted as bash when `hl` is given.
fn console_line(line: &str, hl: Option<&mut Lines<'_>>, theme: &Theme) -> Line<'static> {
    match line.strip_prefix("$ ") {
        Some(cmd) => {
            let mut spans = vec![Span::styled("$ ", theme.prompt)];
            let body = match hl {
                Some(hl) => highlight_line(hl, &format!("{cmd}\n"), theme.command),
                None => plain(cmd, theme.command),
            };
            spans.extend(body.spans);
            Line::from(spans)
        }
        None => plain(line, theme.output),
    }
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

    /// `code` as drawn once coloured (or plain, when it stays plain).
    fn highlight(code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
        let block = CodeBlock {
            code: Arc::from(code),
            lang: Arc::from(lang),
            theme: theme.kind,
        };
        colour(&block, theme, Budget::HEADLESS).unwrap_or_else(|| uncoloured(code, lang, theme))
    }

    #[test]
    fn a_dockerfile_fragment_without_from_is_coloured_like_a_whole_file() {
        let theme = Theme::dark();
        let fragment = highlight("CMD [\"uvicorn\", \"app\"]\n", "dockerfile", &theme);
        let whole = highlight(
            "FROM python:3.13-slim\nCMD [\"uvicorn\", \"app\"]\n",
            "dockerfile",
            &theme,
        );
        assert_eq!(fragment.len(), 1, "the primer is not shown");
        assert_eq!(text_of(&fragment[0]), "CMD [\"uvicorn\", \"app\"]");
        assert_eq!(fragment[0], whole[1], "CMD coloured as after a FROM");
        assert!(fragment[0].spans.len() > 1, "not one plain span");
    }

    #[test]
    fn pending_code_has_the_text_of_coloured_code() {
        let theme = Theme::dark();
        for (code, lang) in [
            ("FROM python:3.12\n\tRUN  x  \n", "dockerfile"),
            ("$ ls -la\ntotal 0\n", "console"),
            ("x\t=\t1", "python"),
        ] {
            let shown: Vec<String> = pending(code, lang, &theme).iter().map(text_of).collect();
            let coloured: Vec<String> = highlight(code, lang, &theme).iter().map(text_of).collect();
            assert_eq!(shown, coloured, "{lang}");
        }
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
            "powershell",
            "pwsh",
            "jsx",
            "tsx",
            "hcl",
            "golang",
            "csharp",
            "fsharp",
            "less",
            "latex",
            "asm",
            "graphql",
        ] {
            assert!(has_syntax(lang), "{lang}");
        }
        // Not in termcourse's set (GLSL and VHDL are in two-face's): plain, and `check` says so.
        for lang in ["klingon", "glsl", "vhdl", "cobol"] {
            assert!(!has_syntax(lang), "{lang}");
        }
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
