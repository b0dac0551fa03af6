//! Every colour and text style the player uses, in one place.
//!
//! Three variants: [`Theme::dark`], [`Theme::light`] and [`Theme::no_color`]. The last honours
//! `NO_COLOR` (<https://no-color.org>): it sets no colour at all and keeps meaning through
//! modifiers (bold, reverse, underline, dim, italic) and through the symbols widgets draw anyway.
//! Widgets never build a `Style` of their own; they read a field here.

use ratatui::style::{Color, Modifier, Style};

#[cfg(test)]
mod contrast;

/// Which variant a [`Theme`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThemeKind {
    Dark,
    Light,
    NoColor,
}

/// The syntect themes code is coloured with (serialized at build time by `build/syntaxes.rs`,
/// loaded by `view::highlight::syntaxes::theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxTheme {
    /// Catppuccin Mocha, for dark backgrounds.
    CatppuccinMocha,
    /// Coldark Cold, for light backgrounds.
    ColdarkCold,
}

/// Named styles for every element the player draws.
#[derive(Debug, Clone)]
pub struct Theme {
    pub kind: ThemeKind,
    /// The syntect theme used for code; `None` means code is not coloured.
    pub syntax_theme: Option<SyntaxTheme>,
    /// Inline code is wrapped in backticks, for themes that cannot show it by colour.
    pub code_ticks: bool,

    // Prose.
    pub text: Style,
    pub dim: Style,
    /// Level 1, level 2, and level 3 and deeper; see [`Theme::heading`].
    pub headings: [Style; 3],
    pub emphasis: Style,
    pub strong: Style,
    pub strikethrough: Style,
    pub inline_code: Style,
    pub code_block: Style,
    pub code_label: Style,
    /// The `‹` / `›` markers of horizontally clipped code.
    pub code_clip: Style,
    pub link: Style,
    pub link_url: Style,
    pub quote: Style,
    pub quote_bar: Style,
    pub list_marker: Style,
    pub rule: Style,
    pub table_border: Style,
    pub table_header: Style,

    // Frames.
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub sys_msg_border: Style,
    pub sys_msg_label: Style,

    // Bash pane and feedback.
    pub prompt: Style,
    pub command: Style,
    pub output: Style,
    pub note: Style,
    pub success: Style,
    pub error: Style,
    pub warning: Style,

    // Matrix nodes.
    pub node_locked: Style,
    pub node_available: Style,
    pub node_in_progress: Style,
    pub node_complete: Style,
    pub node_current: Style,
    pub connector: Style,

    // Lists, inputs, chrome.
    pub selection: Style,
    pub input: Style,
    pub footer_key: Style,
    pub footer_desc: Style,
    pub ticker: Style,
    pub search_match: Style,
}

impl Theme {
    /// Every style of the theme with its field name, for checks over all of them (contrast).
    /// Destructured without `..`, so a new field cannot be left out.
    pub fn slots(&self) -> Vec<(&'static str, Style)> {
        let Self {
            kind: _,
            syntax_theme: _,
            code_ticks: _,
            text,
            dim,
            headings,
            emphasis,
            strong,
            strikethrough,
            inline_code,
            code_block,
            code_label,
            code_clip,
            link,
            link_url,
            quote,
            quote_bar,
            list_marker,
            rule,
            table_border,
            table_header,
            border,
            border_focused,
            title,
            sys_msg_border,
            sys_msg_label,
            prompt,
            command,
            output,
            note,
            success,
            error,
            warning,
            node_locked,
            node_available,
            node_in_progress,
            node_complete,
            node_current,
            connector,
            selection,
            input,
            footer_key,
            footer_desc,
            ticker,
            search_match,
        } = self;
        vec![
            ("text", *text),
            ("dim", *dim),
            ("headings[0]", headings[0]),
            ("headings[1]", headings[1]),
            ("headings[2]", headings[2]),
            ("emphasis", *emphasis),
            ("strong", *strong),
            ("strikethrough", *strikethrough),
            ("inline_code", *inline_code),
            ("code_block", *code_block),
            ("code_label", *code_label),
            ("code_clip", *code_clip),
            ("link", *link),
            ("link_url", *link_url),
            ("quote", *quote),
            ("quote_bar", *quote_bar),
            ("list_marker", *list_marker),
            ("rule", *rule),
            ("table_border", *table_border),
            ("table_header", *table_header),
            ("border", *border),
            ("border_focused", *border_focused),
            ("title", *title),
            ("sys_msg_border", *sys_msg_border),
            ("sys_msg_label", *sys_msg_label),
            ("prompt", *prompt),
            ("command", *command),
            ("output", *output),
            ("note", *note),
            ("success", *success),
            ("error", *error),
            ("warning", *warning),
            ("node_locked", *node_locked),
            ("node_available", *node_available),
            ("node_in_progress", *node_in_progress),
            ("node_complete", *node_complete),
            ("node_current", *node_current),
            ("connector", *connector),
            ("selection", *selection),
            ("input", *input),
            ("footer_key", *footer_key),
            ("footer_desc", *footer_desc),
            ("ticker", *ticker),
            ("search_match", *search_match),
        ]
    }

    /// The style of a heading of `level` (1 = `#`).
    pub fn heading(&self, level: u8) -> Style {
        match level {
            0 | 1 => self.headings[0],
            2 => self.headings[1],
            _ => self.headings[2],
        }
    }

    /// A theme by its command-line name: `dark`, `light` or `none` (also `no-color`).
    pub fn named(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "none" | "no-color" | "no_color" | "nocolor" => Some(Self::no_color()),
            _ => None,
        }
    }

    /// Colours for a dark terminal background.
    ///
    /// Every colour reads at WCAG AA contrast (4.5:1) on black and on a dark grey (a test
    /// checks each slot). Greys are from the 256-colour ramp rather than ANSI "bright black",
    /// which some palettes make nearly invisible.
    pub fn dark() -> Self {
        Self::coloured(
            ThemeKind::Dark,
            &Palette {
                accent: Color::Cyan,
                accent2: Color::LightMagenta,
                code: Color::LightYellow,
                code_bg: Color::Indexed(235),
                dim: Color::Indexed(246),
                good: Color::LightGreen,
                bad: Color::Indexed(203),
                warn: Color::Yellow,
                // Its every colour reaches 4.5:1 on `code_bg` (OneHalfDark's comments did not).
                syntax: SyntaxTheme::CatppuccinMocha,
            },
        )
    }

    /// Colours for a light terminal background.
    ///
    /// Every colour reads at WCAG AA contrast (4.5:1) on white and on a light grey (a test
    /// checks each slot): dark greys, greens and oranges rather than the ANSI ones, which are
    /// made for dark backgrounds (ANSI white-grey was unreadable here).
    pub fn light() -> Self {
        Self::coloured(
            ThemeKind::Light,
            &Palette {
                accent: Color::Blue,
                accent2: Color::Indexed(127),
                code: Color::Red,
                code_bg: Color::Indexed(255),
                dim: Color::Indexed(241),
                good: Color::Indexed(22),
                bad: Color::Red,
                warn: Color::Indexed(94),
                // Made for accessibility: every colour reaches 4.5:1 on `code_bg`.
                syntax: SyntaxTheme::ColdarkCold,
            },
        )
    }

    fn coloured(kind: ThemeKind, p: &Palette) -> Self {
        let base = Self::no_color();
        let fg = |c: Color| Style::new().fg(c);
        let bold = |c: Color| Style::new().fg(c).add_modifier(Modifier::BOLD);
        Self {
            kind,
            syntax_theme: Some(p.syntax),
            code_ticks: false,
            dim: fg(p.dim),
            headings: [
                bold(p.accent).add_modifier(Modifier::UNDERLINED),
                bold(p.accent),
                bold(p.accent2),
            ],
            inline_code: fg(p.code),
            code_block: Style::new().bg(p.code_bg),
            code_label: fg(p.dim).add_modifier(Modifier::ITALIC),
            code_clip: bold(p.warn),
            link: fg(p.accent).add_modifier(Modifier::UNDERLINED),
            link_url: fg(p.dim),
            quote: fg(p.dim).add_modifier(Modifier::ITALIC),
            quote_bar: fg(p.accent2),
            list_marker: fg(p.accent),
            rule: fg(p.dim),
            table_border: fg(p.dim),
            table_header: bold(p.accent),
            border: fg(p.dim),
            border_focused: fg(p.accent),
            title: bold(p.accent),
            sys_msg_border: fg(p.accent2),
            sys_msg_label: bold(p.accent2).add_modifier(Modifier::REVERSED),
            prompt: bold(p.good),
            command: Style::new().add_modifier(Modifier::BOLD),
            output: Style::new(),
            note: fg(p.dim).add_modifier(Modifier::ITALIC),
            success: bold(p.good),
            error: bold(p.bad),
            warning: bold(p.warn),
            node_locked: fg(p.dim),
            node_available: Style::new(),
            node_in_progress: fg(p.warn),
            node_complete: fg(p.good),
            node_current: bold(p.accent),
            connector: fg(p.dim),
            input: fg(p.accent),
            footer_key: bold(p.accent),
            footer_desc: fg(p.dim),
            ticker: fg(p.accent2),
            search_match: bold(p.warn).add_modifier(Modifier::UNDERLINED),
            ..base
        }
    }

    /// No colours at all; meaning is carried by modifiers and symbols (`NO_COLOR`).
    pub fn no_color() -> Self {
        let m = |m: Modifier| Style::new().add_modifier(m);
        let plain = Style::new();
        Self {
            kind: ThemeKind::NoColor,
            syntax_theme: None,
            code_ticks: true,
            text: plain,
            dim: m(Modifier::DIM),
            headings: [
                m(Modifier::BOLD | Modifier::UNDERLINED),
                m(Modifier::BOLD),
                m(Modifier::BOLD | Modifier::ITALIC),
            ],
            emphasis: m(Modifier::ITALIC),
            strong: m(Modifier::BOLD),
            strikethrough: m(Modifier::CROSSED_OUT),
            inline_code: plain,
            code_block: plain,
            code_label: m(Modifier::DIM | Modifier::ITALIC),
            code_clip: m(Modifier::BOLD),
            link: m(Modifier::UNDERLINED),
            link_url: m(Modifier::DIM),
            quote: m(Modifier::ITALIC),
            quote_bar: plain,
            list_marker: plain,
            rule: m(Modifier::DIM),
            table_border: plain,
            table_header: m(Modifier::BOLD),
            border: plain,
            border_focused: m(Modifier::BOLD),
            title: m(Modifier::BOLD),
            sys_msg_border: plain,
            sys_msg_label: m(Modifier::REVERSED | Modifier::BOLD),
            prompt: m(Modifier::BOLD),
            command: m(Modifier::BOLD),
            output: plain,
            note: m(Modifier::ITALIC),
            success: m(Modifier::BOLD),
            error: m(Modifier::BOLD | Modifier::UNDERLINED),
            warning: m(Modifier::BOLD),
            node_locked: m(Modifier::DIM),
            node_available: plain,
            node_in_progress: plain,
            node_complete: m(Modifier::BOLD),
            node_current: m(Modifier::BOLD | Modifier::UNDERLINED),
            connector: m(Modifier::DIM),
            selection: m(Modifier::REVERSED),
            input: m(Modifier::BOLD),
            footer_key: m(Modifier::BOLD),
            footer_desc: plain,
            ticker: m(Modifier::DIM),
            search_match: m(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}

/// The handful of colours a coloured theme is derived from.
struct Palette {
    accent: Color,
    accent2: Color,
    code: Color,
    code_bg: Color,
    dim: Color,
    good: Color,
    bad: Color,
    warn: Color,
    syntax: SyntaxTheme,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_styles(t: &Theme) -> Vec<Style> {
        vec![
            t.text,
            t.dim,
            t.headings[0],
            t.headings[1],
            t.headings[2],
            t.inline_code,
            t.code_block,
            t.link,
            t.link_url,
            t.quote,
            t.rule,
            t.border,
            t.prompt,
            t.success,
            t.error,
            t.node_locked,
            t.node_complete,
            t.node_current,
            t.selection,
            t.search_match,
        ]
    }

    #[test]
    fn no_color_sets_no_colour_anywhere() {
        let t = Theme::no_color();
        for s in all_styles(&t) {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        assert!(t.syntax_theme.is_none());
    }

    #[test]
    fn coloured_themes_have_a_syntax_theme_and_colours() {
        for t in [Theme::dark(), Theme::light()] {
            assert!(t.syntax_theme.is_some());
            assert!(t.heading(1).fg.is_some());
            assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
        }
    }

    /// A terminal's default colours the themes are drawn on: for each variant, a pure and a
    /// softened background (many dark and light terminal themes are not pure black or white).
    struct Backdrop {
        fg: contrast::Rgb,
        bg: contrast::Rgb,
    }

    fn backdrops(kind: ThemeKind) -> [Backdrop; 2] {
        match kind {
            ThemeKind::Light => [
                Backdrop {
                    fg: (0, 0, 0),
                    bg: (0xff, 0xff, 0xff),
                },
                Backdrop {
                    fg: (0, 0, 0),
                    bg: (0xee, 0xee, 0xee),
                },
            ],
            _ => [
                Backdrop {
                    fg: (0xd0, 0xd0, 0xd0),
                    bg: (0, 0, 0),
                },
                Backdrop {
                    fg: (0xd0, 0xd0, 0xd0),
                    bg: (0x1c, 0x1c, 0x1c),
                },
            ],
        }
    }

    /// WCAG AA for normal text.
    const AA: f64 = 4.5;

    /// Every (what, ratio) pair a theme draws: each slot on the terminal's background (reversed
    /// slots swap the two), the clip markers and highlighted code on the code block's
    /// background.
    fn contrasts(theme: &Theme) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        for (i, backdrop) in backdrops(theme.kind).iter().enumerate() {
            let resolve = |c: Option<Color>, default| c.and_then(contrast::rgb).unwrap_or(default);
            for (name, style) in theme.slots() {
                let mut fg = resolve(style.fg, backdrop.fg);
                let mut bg = resolve(style.bg, backdrop.bg);
                if style.add_modifier.contains(Modifier::REVERSED) {
                    std::mem::swap(&mut fg, &mut bg);
                }
                out.push((format!("{name} (backdrop {i})"), contrast::ratio(fg, bg)));
            }
            let code_bg = resolve(theme.code_block.bg, backdrop.bg);
            let clip = resolve(theme.code_clip.fg, backdrop.fg);
            out.push((
                format!("code_clip on code_block (backdrop {i})"),
                contrast::ratio(clip, code_bg),
            ));
            let Some(name) = theme.syntax_theme else {
                continue;
            };
            let syntax = crate::view::highlight::syntaxes::theme(name).expect("the theme loads");
            let colours = syntax
                .settings
                .foreground
                .into_iter()
                .chain(syntax.scopes.iter().filter_map(|s| s.style.foreground));
            for c in colours.filter(|c| c.a > 1) {
                let ratio = contrast::ratio((c.r, c.g, c.b), code_bg);
                let what = format!("{name:?} #{:02x}{:02x}{:02x} on code_block", c.r, c.g, c.b);
                out.push((what, ratio));
            }
        }
        out
    }

    #[test]
    fn every_colour_reaches_wcag_aa_contrast_in_both_themes() {
        for theme in [Theme::dark(), Theme::light()] {
            let low: Vec<String> = contrasts(&theme)
                .into_iter()
                .filter(|(_, ratio)| *ratio < AA)
                .map(|(what, ratio)| format!("{what}: {ratio:.2}"))
                .collect();
            assert!(
                low.is_empty(),
                "{:?} below {AA}:1:\n{}",
                theme.kind,
                low.join("\n")
            );
        }
    }

    #[test]
    fn the_contrast_formula_matches_wcag_examples() {
        assert!((contrast::ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast::ratio((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.01);
        assert_eq!(contrast::rgb(Color::Indexed(16)), Some((0, 0, 0)));
        assert_eq!(contrast::rgb(Color::Indexed(231)), Some((255, 255, 255)));
        assert_eq!(contrast::rgb(Color::Indexed(244)), Some((128, 128, 128)));
        assert_eq!(contrast::rgb(Color::Indexed(130)), Some((175, 95, 0)));
        assert_eq!(contrast::rgb(Color::DarkGray), Some((127, 127, 127)));
        assert_eq!(contrast::rgb(Color::Reset), None);
    }

    #[test]
    fn named_accepts_cli_names() {
        assert_eq!(Theme::named("Dark").map(|t| t.kind), Some(ThemeKind::Dark));
        assert_eq!(
            Theme::named("none").map(|t| t.kind),
            Some(ThemeKind::NoColor)
        );
        assert!(Theme::named("purple").is_none());
    }
}
