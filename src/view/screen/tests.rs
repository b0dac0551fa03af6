//! Mouse hit-testing on the overlays, against what the screen actually draws.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Screen;
use crate::app::msg::{Action, Msg};
use crate::app::test_course::course;
use crate::app::update::update;
use crate::app::{Model, Options, Overlay};
use crate::core::progress::Progress;
use crate::view::theme::Theme;

fn drawn(model: &mut Model, screen: &mut Screen, area: Rect) -> Buffer {
    let _ = update(model, Msg::Resize(area.width, area.height));
    screen.prepare(model, area);
    let metrics = screen.measure(model, area);
    let _ = update(model, Msg::Measured(metrics));
    let mut buf = Buffer::empty(area);
    screen.draw_buffer(model, area, &mut buf);
    buf
}

/// The cell where `word` starts on screen (ASCII screens: one cell per character).
fn find(buf: &Buffer, word: &str) -> (u16, u16) {
    let width = usize::from(buf.area.width);
    for (y, row) in buf.content.chunks(width).enumerate() {
        let text: String = row
            .iter()
            .map(|c| c.symbol().chars().next().unwrap_or(' '))
            .collect();
        if let Some(x) = text.find(word) {
            let at = |n: usize| u16::try_from(n).expect("fits");
            return (at(text[..x].chars().count()), at(y));
        }
    }
    panic!("{word:?} is not on screen");
}

#[test]
fn clicks_on_overlay_rows_select_and_a_second_click_opens_a_matrix_node() {
    let course = course();
    let options = Options {
        practice: true,
        ..Options::default()
    };
    let mut model = Model::new(&course, Progress::new("t"), &options);
    let mut screen = Screen::new(Theme::no_color(), true);
    let area = Rect::new(0, 0, 120, 40);
    for (overlay, word, want) in [
        (Overlay::Matrix { selected: 0 }, "Layers", Msg::Select(1)),
        (
            Overlay::Matrix { selected: 1 },
            "Layers",
            Msg::Act(Action::Open),
        ),
        (
            Overlay::Glossary {
                filter: String::new(),
                selected: 0,
            },
            "FROM",
            Msg::Select(1),
        ),
        (
            Overlay::Faq {
                selected: 0,
                scroll: 0,
            },
            "Why?",
            Msg::Select(0),
        ),
        (
            Overlay::Search {
                query: "docker run".into(),
                selected: 0,
            },
            "Basics › 2",
            Msg::Act(Action::Open),
        ),
    ] {
        model.overlay = Some(overlay.clone());
        let buf = drawn(&mut model, &mut screen, area);
        let (x, y) = find(&buf, word);
        assert_eq!(
            screen.click(&model, area, x + 1, y),
            Some(want),
            "{overlay:?}"
        );
    }
    model.overlay = Some(Overlay::Matrix { selected: 0 });
    let _ = drawn(&mut model, &mut screen, area);
    assert_eq!(screen.click(&model, area, 0, 0), None, "off every node");
}

#[test]
fn overlay_markdown_is_laid_out_once_per_entry_and_width() {
    use crate::view::prepared::OverlayEntry;
    let course = course();
    let mut model = Model::new(&course, Progress::new("t"), &Options::default());
    let mut screen = Screen::new(Theme::no_color(), false);
    let area = Rect::new(0, 0, 120, 40);
    model.overlay = Some(Overlay::Glossary {
        filter: String::new(),
        selected: 1,
    });
    let _ = drawn(&mut model, &mut screen, area);
    let key = screen.overlay_text.key;
    assert_eq!(key.map(|k| k.entry), Some(OverlayEntry::Glossary(1)));
    let first = screen.overlay_text.lines.as_ptr();
    let _ = drawn(&mut model, &mut screen, area);
    assert_eq!(
        screen.overlay_text.lines.as_ptr(),
        first,
        "reused, not rebuilt"
    );
    let _ = drawn(&mut model, &mut screen, Rect::new(0, 0, 70, 30));
    assert_ne!(screen.overlay_text.key, key, "another width lays out again");
    model.overlay = Some(Overlay::Faq {
        selected: 0,
        scroll: 0,
    });
    let buf = drawn(&mut model, &mut screen, area);
    assert_eq!(
        screen.overlay_text.key.map(|k| k.entry),
        Some(OverlayEntry::Faq(0))
    );
    assert!(crate::view::test_util::buffer_text(&buf).contains("Because."));
    model.overlay = None;
    let _ = drawn(&mut model, &mut screen, area);
    assert!(screen.overlay_text.key.is_none() && screen.overlay_text.lines.is_empty());
}
