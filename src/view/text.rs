//! A rendered ratatui [`Buffer`] as text: `plain` (characters only) or `ansi` (characters plus
//! styles as SGR sequences).
//!
//! This is the last line of defence between lesson text and a terminal or a snapshot file. The
//! loader already sanitizes course text, but whatever reaches a cell is filtered again here:
//! control characters (C0, DEL, C1) and bidirectional overrides never leave this module, and
//! the only escape sequences it ever writes are the SGR ones it builds itself (`ESC [ … m`).
//! [`check_inert`] verifies that property on any output.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// How a rendered screen is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextFormat {
    /// Characters only, trailing spaces trimmed from every row.
    #[default]
    Plain,
    /// Characters with their colours and modifiers as SGR sequences, reset at each line end.
    Ansi,
}

/// Shown in place of a cell whose symbol held nothing but forbidden characters.
const REPLACEMENT: &str = "\u{FFFD}";

/// Writes `buffer` in `format`: one line per row, each ending with `\n`.
pub fn buffer_to_text(buffer: &Buffer, format: TextFormat) -> String {
    match format {
        TextFormat::Plain => to_plain(buffer),
        TextFormat::Ansi => to_ansi(buffer),
    }
}

/// Characters only; trailing spaces trimmed; wide characters written once.
pub fn to_plain(buffer: &Buffer) -> String {
    let mut out = String::with_capacity(buffer.content.len() + rows(buffer).len());
    for row in rows(buffer) {
        let start = out.len();
        for cell in visible_cells(row) {
            out.push_str(&clean_symbol(cell.symbol()));
        }
        let trimmed = out[start..].trim_end_matches(' ').len();
        out.truncate(start + trimmed);
        out.push('\n');
    }
    out
}

/// Characters and styles; a style change emits one complete SGR sequence (`ESC [ 0 ; … m`), so
/// the output never depends on a previous line's state. Trailing cells that would look blank
/// (a space with no background, reverse, underline or strike-through) are trimmed.
pub fn to_ansi(buffer: &Buffer) -> String {
    let mut out = String::with_capacity(buffer.content.len() * 2);
    for row in rows(buffer) {
        let cells: Vec<&Cell> = visible_cells(row).collect();
        let keep = cells
            .iter()
            .rposition(|cell| !looks_blank(cell))
            .map_or(0, |i| i + 1);
        let mut current = Sgr::default();
        for cell in &cells[..keep] {
            let wanted = Sgr::of(cell);
            if wanted != current {
                out.push_str(&wanted.sequence());
                current = wanted;
            }
            out.push_str(&clean_symbol(cell.symbol()));
        }
        if current != Sgr::default() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}

fn rows(buffer: &Buffer) -> std::slice::Chunks<'_, Cell> {
    buffer.content.chunks(usize::from(buffer.area.width).max(1))
}

/// The cells a terminal would show: a wide character hides the cells it spills into.
fn visible_cells(row: &[Cell]) -> impl Iterator<Item = &Cell> {
    let mut hidden = 0_usize;
    row.iter().filter(move |cell| {
        if hidden > 0 {
            hidden -= 1;
            return false;
        }
        hidden = clean_symbol(cell.symbol()).width().saturating_sub(1);
        true
    })
}

fn looks_blank(cell: &Cell) -> bool {
    let visible_on_space = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    cell.symbol() == " " && cell.bg == Color::Reset && !cell.modifier.intersects(visible_on_space)
}

/// Whether `c` must never reach a terminal from a cell: C0 and C1 controls, DEL, and the
/// bidirectional overrides and isolates that can make text read differently than it is stored.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The symbol without forbidden characters; a symbol made only of them becomes U+FFFD so the
/// cell keeps its width.
fn clean_symbol(symbol: &str) -> Cow<'_, str> {
    if !symbol.chars().any(is_forbidden) {
        return Cow::Borrowed(symbol);
    }
    let kept: String = symbol.chars().filter(|c| !is_forbidden(*c)).collect();
    if kept.is_empty() {
        Cow::Borrowed(REPLACEMENT)
    } else {
        Cow::Owned(kept)
    }
}

/// A cell's visual attributes, as far as SGR can express them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sgr {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Default for Sgr {
    fn default() -> Self {
        Self {
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Sgr {
    fn of(cell: &Cell) -> Self {
        Self {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }

    /// `ESC [ 0 ; attributes… m`: starts from a reset so each sequence stands alone.
    fn sequence(self) -> String {
        const MODIFIERS: [(Modifier, u8); 9] = [
            (Modifier::BOLD, 1),
            (Modifier::DIM, 2),
            (Modifier::ITALIC, 3),
            (Modifier::UNDERLINED, 4),
            (Modifier::SLOW_BLINK, 5),
            (Modifier::RAPID_BLINK, 6),
            (Modifier::REVERSED, 7),
            (Modifier::HIDDEN, 8),
            (Modifier::CROSSED_OUT, 9),
        ];
        let mut seq = String::from("\x1b[0");
        for (modifier, code) in MODIFIERS {
            if self.modifier.contains(modifier) {
                let _ = write!(seq, ";{code}");
            }
        }
        push_color(&mut seq, self.fg, 30);
        push_color(&mut seq, self.bg, 40);
        seq.push('m');
        seq
    }
}

/// Appends the SGR parameters for `color`; `base` is 30 for the foreground, 40 for the background.
fn push_color(seq: &mut String, color: Color, base: u8) {
    let named = |offset: u8| Some(base + offset);
    let bright = |offset: u8| Some(base + 60 + offset);
    let code = match color {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => {
            let _ = write!(seq, ";{};5;{i}", base + 8);
            None
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(seq, ";{};2;{r};{g};{b}", base + 8);
            None
        }
    };
    if let Some(code) = code {
        let _ = write!(seq, ";{code}");
    }
}

/// Where and why text is not inert.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("byte {offset}: {what}")]
pub struct NotInert {
    pub offset: usize,
    pub what: String,
}

/// Checks that `text` is safe to print: no control character but `\n`, no C1 control, no
/// bidirectional override, and no escape sequence except SGR (`ESC [` digits and `;` `m`).
pub fn check_inert(text: &str) -> Result<(), NotInert> {
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if c == '\n' {
            continue;
        }
        if c == '\x1b' {
            if chars.next_if(|(_, c)| *c == '[').is_none() {
                return Err(not_inert(offset, "escape sequence other than SGR"));
            }
            while chars
                .next_if(|(_, c)| c.is_ascii_digit() || *c == ';')
                .is_some()
            {}
            if chars.next_if(|(_, c)| *c == 'm').is_none() {
                return Err(not_inert(offset, "CSI sequence other than SGR"));
            }
        } else if is_forbidden(c) {
            return Err(not_inert(offset, &format!("control character {c:?}")));
        }
    }
    Ok(())
}

fn not_inert(offset: usize, what: &str) -> NotInert {
    NotInert {
        offset,
        what: what.to_owned(),
    }
}

#[cfg(test)]
mod tests;
