use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::*;

fn buffer(width: u16, height: u16) -> Buffer {
    Buffer::empty(Rect::new(0, 0, width, height))
}

#[test]
fn plain_keeps_every_row_and_trims_trailing_spaces() {
    let mut buf = buffer(6, 3);
    buf.set_string(0, 0, "ab  c", Style::default());
    buf.set_string(1, 2, "x", Style::default());
    assert_eq!(to_plain(&buf), "ab  c\n\n x\n");
}

#[test]
fn wide_characters_are_written_once() {
    let mut buf = buffer(8, 1);
    buf.set_string(0, 0, "日本x語", Style::default());
    assert_eq!(to_plain(&buf), "日本x語\n");
    assert_eq!(to_ansi(&buf), "日本x語\n");
}

#[test]
fn control_characters_in_cells_are_removed_or_replaced() {
    let mut buf = buffer(5, 1);
    buf[(0, 0)].set_symbol("\x1b");
    buf[(1, 0)].set_symbol("a\u{202e}");
    buf[(2, 0)].set_symbol("\u{9b}");
    buf[(3, 0)].set_symbol("\x07");
    buf[(4, 0)].set_symbol("b");
    let expected = "\u{FFFD}a\u{FFFD}\u{FFFD}b\n";
    assert_eq!(to_plain(&buf), expected);
    assert_eq!(to_ansi(&buf), expected);
}

#[test]
fn ansi_writes_one_complete_sgr_per_style_change_and_resets_at_line_end() {
    let mut buf = buffer(6, 2);
    let bold_red = Style::default()
        .fg(Color::Red)
        .bg(Color::Indexed(236))
        .add_modifier(Modifier::BOLD);
    buf.set_string(0, 0, "ab", bold_red);
    buf.set_string(2, 0, "c", Style::default());
    buf.set_string(0, 1, "d", Style::default().fg(Color::Rgb(1, 2, 3)));
    buf.set_string(1, 1, "e", Style::default().bg(Color::LightCyan));
    let expected = "\x1b[0;1;31;48;5;236mab\x1b[0mc\n\
                    \x1b[0;38;2;1;2;3md\x1b[0;106me\x1b[0m\n";
    assert_eq!(to_ansi(&buf), expected);
}

#[test]
fn ansi_keeps_trailing_cells_that_show_a_style() {
    let mut buf = buffer(4, 2);
    buf.set_string(0, 0, "a ", Style::default().bg(Color::Blue));
    buf.set_string(0, 1, "b  ", Style::default().fg(Color::Blue));
    assert_eq!(to_ansi(&buf), "\x1b[0;44ma \x1b[0m\n\x1b[0;34mb\x1b[0m\n");
}

#[test]
fn every_modifier_has_its_sgr_code() {
    let mut buf = buffer(1, 1);
    buf.set_string(0, 0, "x", Style::default().add_modifier(Modifier::all()));
    assert_eq!(to_ansi(&buf), "\x1b[0;1;2;3;4;5;6;7;8;9mx\x1b[0m\n");
}

#[test]
fn check_inert_accepts_sgr_and_plain_text() {
    assert_eq!(check_inert("a\n\x1b[0;1;38;5;12mb\x1b[0m\n"), Ok(()));
    assert_eq!(check_inert("\x1b[m"), Ok(()));
}

#[test]
fn check_inert_rejects_everything_else() {
    for bad in [
        "\x1b]52;c;SGVsbG8=\x07",
        "\x1b[2J",
        "\x1b[31",
        "\x1b",
        "\x1bc",
        "\u{9b}31m",
        "bell\x07",
        "\r",
        "\t",
        "rtl \u{202e}",
        "isolate \u{2066}",
    ] {
        assert!(check_inert(bad).is_err(), "{bad:?} passed");
    }
    assert_eq!(check_inert("ok\x1b]").map_err(|e| e.offset), Err(2));
}

proptest! {
    #[test]
    fn output_is_inert_whatever_the_cells_hold(
        symbols in proptest::collection::vec(any::<String>(), 1..24),
        fg in any::<u8>(),
    ) {
        let width = u16::try_from(symbols.len()).unwrap_or(1);
        let mut buf = buffer(width, 1);
        for (x, symbol) in (0..width).zip(&symbols) {
            buf[(x, 0)].set_symbol(symbol).set_fg(Color::Indexed(fg));
        }
        prop_assert_eq!(check_inert(&to_plain(&buf)), Ok(()));
        prop_assert_eq!(check_inert(&to_ansi(&buf)), Ok(()));
        prop_assert!(!to_plain(&buf).contains('\x1b'));
    }
}
