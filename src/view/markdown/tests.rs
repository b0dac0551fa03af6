//! Tests of the markdown renderer as a whole; the wrapping, table and clipping details are
//! tested next to their code.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use super::*;
use crate::view::test_util::buffer_text;

/// [`super::render`] with code coloured on the spot.
fn render(md: &str, width: u16, theme: &Theme) -> Document {
    super::render(md, width, theme, &mut Colours::inline())
}

/// [`super::to_lines`] with code coloured on the spot.
fn to_lines(md: &str, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    super::to_lines(md, width, theme, &mut Colours::inline())
}

fn plain(md: &str, width: u16) -> Vec<String> {
    let theme = Theme::no_color();
    visible_lines(&render(md, width, &theme), 0, width, &theme)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .map(|s| s.trim_end().to_owned())
        .collect()
}

#[test]
fn paragraphs_wrap_and_are_separated_by_a_blank_line() {
    let lines = plain("one two three four\nfive\n\nnext para", 10);
    assert_eq!(lines, ["one two", "three four", "five", "", "next para"]);
}

#[test]
fn nested_list_continuation_lines_align_with_item_text() {
    let md = "- first item wraps here\n  - nested item wraps too\n- b\n\n1. one\n2. two words here";
    let lines = plain(md, 14);
    assert_eq!(
        lines,
        [
            "• first item",
            "  wraps here",
            "  ◦ nested",
            "    item wraps",
            "    too",
            "• b",
            "",
            "1. one",
            "2. two words",
            "   here",
        ]
    );
}

#[test]
fn code_is_never_wrapped_and_keeps_its_width() {
    let long = "RUN pip install --no-cache-dir torch torchvision torchaudio";
    let md = format!("```dockerfile\n{long}\n```\n");
    let r = render(&md, 20, &Theme::dark());
    let code: Vec<_> = r
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Code)
        .collect();
    assert_eq!(code.len(), 1);
    assert_eq!(r.max_code_width(), long.len() + 2);
    assert_eq!(r.lines[0].body[0].content, "  dockerfile");
}

#[test]
fn scrolled_code_is_clipped_with_markers_and_prose_is_untouched() {
    let md = "Some prose that is long\n\n```\n0123456789abcdef\n```";
    let theme = Theme::no_color();
    let r = render(md, 10, &theme);
    let text = |hscroll| -> Vec<String> {
        visible_lines(&r, hscroll, 10, &theme)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    };
    assert_eq!(
        text(0)[..2],
        ["Some prose".to_owned(), "that is".to_owned()]
    );
    assert_eq!(text(0).last().map(String::as_str), Some("  0123456›"));
    assert_eq!(text(4).last().map(String::as_str), Some("  ‹56789a›"));
    assert_eq!(text(8).last().map(String::as_str), Some("  ‹9abcdef"));
    assert_eq!(text(8)[..2], text(0)[..2]);
}

#[test]
fn links_show_their_url_once() {
    assert_eq!(
        plain("see [the docs](https://docs.docker.com)", 80),
        ["see the docs (https://docs.docker.com)"]
    );
    assert_eq!(plain("<https://pytorch.org>", 80), ["https://pytorch.org"]);
    assert_eq!(plain("![a whale](whale.png)", 80), ["[image: a whale]"]);
}

#[test]
fn inline_styles_and_ticks() {
    let theme = Theme::dark();
    let r = render("a *b* **c** `d` ~~e~~", 80, &theme);
    let spans = &r.lines[0].body;
    let style_of = |t: &str| spans.iter().find(|s| s.content == t).map(|s| s.style);
    assert_eq!(style_of("b"), Some(theme.text.patch(theme.emphasis)));
    assert_eq!(style_of("c"), Some(theme.text.patch(theme.strong)));
    assert_eq!(style_of("d"), Some(theme.text.patch(theme.inline_code)));
    assert_eq!(plain("use `pip`", 80), ["use `pip`"]);
}

#[test]
fn block_quotes_get_a_bar_on_every_line() {
    assert_eq!(
        plain("> quoted words wrap here", 12),
        ["│ quoted", "│ words wrap", "│ here"]
    );
}

#[test]
fn tables_fit_the_width() {
    let md = "| Base image | Size |\n|---|--:|\n| python:3.12-slim-bookworm | 150 MB |\n";
    for width in [20u16, 30, 60] {
        let lines = plain(md, width);
        assert_eq!(lines.len(), 5, "{lines:?}");
        for line in &lines {
            assert!(line.width() <= usize::from(width), "{line}");
        }
    }
    assert!(plain(md, 20)[3].contains('…'));
}

#[test]
fn headings_rules_and_task_lists() {
    let theme = Theme::dark();
    let r = render("# Title\n\n---\n\n- [x] done", 10, &theme);
    assert_eq!(r.lines[0].body[0].style, theme.text.patch(theme.heading(1)));
    assert_eq!(
        plain("# Title\n\n---\n\n- [x] done", 10),
        ["Title", "", "──────────", "", "• [x] done"]
    );
}

#[test]
fn never_panics_on_odd_input_or_tiny_widths() {
    let nasty = [
        "",
        "#",
        "-",
        "> ",
        "```",
        "|a|\n|-|",
        "- - - x",
        "1.\n2.",
        "[x](",
        "![](",
        "***",
        "日本語🚀 ok",
        "a\tb",
        "> - ```rust\n> fn x() {}\n> ```",
        "[^1]\n\n[^1]: note",
    ];
    for md in nasty {
        for width in 0..6 {
            let theme = Theme::dark();
            let r = render(md, width, &theme);
            let _ = visible_lines(&r, 3, width, &theme);
        }
    }
}

#[test]
fn snapshot_sample_at_40_and_80() {
    let md = include_str!("sample.md");
    for width in [40u16, 80] {
        let theme = Theme::no_color();
        let lines = to_lines(md, width, &theme);
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        Paragraph::new(lines).render(area, &mut buf);
        insta::assert_snapshot!(format!("sample_{width}"), buffer_text(&buf));
    }
}

#[test]
fn code_lines_carry_the_block_background_across_the_width() {
    let theme = Theme::dark();
    let lines = to_lines("text\n\n```python\nx = 1\n```", 30, &theme);
    let code = lines.last().map(|l| l.spans.clone()).unwrap_or_default();
    let width: usize = code.iter().map(|s| s.content.width()).sum();
    assert_eq!(width, 30);
    assert!(code.iter().all(|s| s.style.bg == theme.code_block.bg));
    assert!(
        code.iter().any(|s| s.style.fg.is_some()),
        "highlighted: {code:?}"
    );
}

proptest::proptest! {
    #[test]
    fn arbitrary_markdown_never_panics(md in "[-#>*_`|\\[\\]()!:. a-z0-9\n日🚀\t~]{0,200}", width in 0u16..100, hscroll in 0u16..50) {
        let theme = Theme::dark();
        let r = render(&md, width, &theme);
        let lines = visible_lines(&r, hscroll, width, &theme);
        proptest::prop_assert_eq!(lines.len(), r.height());
    }

    #[test]
    fn plain_paragraph_lines_fit_the_width(words in proptest::collection::vec("[a-z日🚀]{1,12}", 1..40), width in 2u16..60) {
        let md = words.join(" ");
        for line in plain(&md, width) {
            proptest::prop_assert!(line.width() <= usize::from(width), "{line:?} > {width}");
        }
    }
}

#[test]
fn hard_breaks_split_lines_and_soft_breaks_join_them() {
    assert_eq!(plain("one  \ntwo\nthree", 40), ["one", "two three"]);
    assert_eq!(plain("one\\\ntwo", 40), ["one", "two"]);
}
