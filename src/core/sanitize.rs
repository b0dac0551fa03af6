//! Makes course text inert: nothing in a course may drive the learner's terminal.
//!
//! Applied once to every string of a course, after TOML decoding (TOML turns `\u001b` into a real
//! ESC). The output contains no control character except `\n`:
//! - `\r\n` becomes `\n`; tabs expand to spaces up to the next multiple of [`TAB_WIDTH`] columns;
//! - other C0 controls and DEL become their Unicode "control picture" (`␛`, `␇`, `␍`, `␡`, …), so
//!   an escape sequence such as `ESC [ 31 m` shows up as the harmless text `␛[31m` (the same goes
//!   for CSI, OSC and DCS sequences, which all start with ESC or a C1 control);
//! - C1 controls (U+0080–U+009F) and the bidirectional embedding, override and isolate characters
//!   (U+202A–U+202E, U+2066–U+2069, which can make text display differently from what it is)
//!   become visible ASCII placeholders such as `<U+202E>`.
//!
//! Printable text, including CJK, emoji and joiners, is left unchanged, and sanitizing twice
//! gives the same result as sanitizing once.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Columns between tab stops when tabs are expanded.
pub const TAB_WIDTH: usize = 4;

/// Returns `text` with every control character and bidi override replaced by an inert, visible
/// placeholder (see the module docs). Borrows when nothing needed replacing.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut column = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            c if c.is_ascii_control() => out.push(control_picture(c)),
            c if needs_replacing(c) => {
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            c => out.push(c),
        }
        column += 1;
    }
    Cow::Owned(out)
}

/// Sanitizes an owned string without copying it when it is already clean.
pub fn sanitize_owned(text: String) -> String {
    match sanitize(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(clean) => clean,
    }
}

/// A command's output as it can be shown (and matched): invalid UTF-8 replaced, colour and
/// other escape sequences (CSI, OSC, DCS, charset switches) removed rather than made visible,
/// `\r\n` as `\n`, a line redrawn with `\r` (a progress bar) shown as its last state,
/// backspaces applied, and what remains passed through [`sanitize`].
pub fn command_output(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{8}' => {
                plain.pop();
            }
            c => plain.push(c),
        }
    }
    let lines: Vec<&str> = plain
        .split('\n')
        .map(|line| {
            line.split('\r')
                .rfind(|part| !part.is_empty())
                .unwrap_or_default()
        })
        .collect();
    sanitize_owned(lines.join("\n"))
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (`ESC \`).
        Some(']' | 'P' | 'X' | '^' | '_') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        }
        // Intermediate bytes, then one final byte (`ESC ( B`, `ESC =`).
        Some(' '..='/') => {
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next();
        }
        _ => {}
    }
}

/// Parameter and intermediate bytes up to the final byte (`@` to `~`).
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if matches!(c, '@'..='~') {
            break;
        }
    }
}

fn needs_replacing(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The Unicode "Control Pictures" glyph for an ASCII control character.
fn control_picture(c: char) -> char {
    match c {
        '\u{7f}' => '\u{2421}',
        c => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(sanitize("\u{1b}[31mred\u{1b}[0m"), "␛[31mred␛[0m");
        assert_eq!(
            sanitize("\u{1b}]0;title\u{7}x"),
            "␛]0;title␇x",
            "OSC with BEL"
        );
        assert_eq!(sanitize("a\u{9b}2Jb"), "a<U+009B>2Jb", "8-bit CSI");
        assert_eq!(sanitize("\u{90}q\u{9c}"), "<U+0090>q<U+009C>", "8-bit DCS");
    }

    #[test]
    fn line_endings_tabs_and_bidi() {
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb␍c");
        assert_eq!(sanitize("\tx\n ab\ty"), "    x\n ab y");
        assert_eq!(sanitize("abc\u{202E}def"), "abc<U+202E>def");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "<U+2066>x<U+2069>");
        assert_eq!(sanitize("del\u{7f}"), "del␡");
    }

    #[test]
    fn command_output_drops_escapes_and_keeps_the_last_state_of_a_line() {
        let raw = b"\x1b[1;31merror\x1b[0m: bad\r\n\
                    \x1b]8;;http://x\x07link\x1b]8;;\x07\n\
                    10%\r50%\r100%\n\
                    abc\x08d\x1b(B\t\x07end\xff\n";
        assert_eq!(
            command_output(raw),
            "error: bad\nlink\n100%\nabd \u{2407}end\u{fffd}\n"
        );
        assert_eq!(command_output(b"\xc2\x9b2Jcleared"), "cleared");
        assert_eq!(command_output(b"trailing\r"), "trailing");
    }

    #[test]
    fn printable_text_is_borrowed_unchanged() {
        let text = "Docker 🐳 镜像 👨‍👩‍👧 «ok» ␛ <U+202E>\n";
        assert!(matches!(sanitize(text), Cow::Borrowed(t) if t == text));
    }
}
