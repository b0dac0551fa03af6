//! The footer: the keys that matter in the current mode, from the keymap itself, and the
//! notice line above it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::keymap::footer_items;
use crate::app::overlay::OverlayKind;
use crate::app::{Focus, KeyMode, Model};
use crate::core::review::due_count;
use crate::view::markdown::code_spans;
use crate::view::prepared::step_has_reveal;
use crate::view::theme::Theme;

/// `badge`: announce practice mode at the right end.
pub fn render(model: &Model, theme: &Theme, badge: bool, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let tag = if model.practice && badge {
        " PRACTICE "
    } else {
        ""
    };
    let mut spans = Vec::new();
    let mut used = tag.width();
    let mode = model.key_mode();
    let items: Vec<(String, &str)> = footer_items(mode)
        .into_iter()
        .filter(|(_, text)| applies(model, mode, text))
        .map(|(key, text)| {
            let text = if text == "zoom" && model.shown.zoom {
                "unzoom"
            } else {
                text
            };
            (key, text)
        })
        .collect();
    let cells = |(key, text): &(String, &str)| key.width() + text.width() + 3;
    // Help and quit stay on a narrow footer (the way to every other key, and the way out):
    // the items before them give way first.
    let essential = |text: &str| matches!(text, "help" | "quit");
    let kept: usize = items.iter().filter(|i| essential(i.1)).map(cells).sum();
    let mut room = width.saturating_sub(used + kept);
    let shown: Vec<&(String, &str)> = if used + kept <= width {
        items
            .iter()
            .filter(|item| {
                if essential(item.1) {
                    return true;
                }
                let fits = cells(item) <= room;
                if fits {
                    room -= cells(item);
                } else {
                    room = 0;
                }
                fits
            })
            .collect()
    } else {
        items.iter().collect()
    };
    for item in shown {
        let (key, text) = item;
        let cells = cells(item);
        if used + cells > width {
            break;
        }
        used += cells;
        spans.push(Span::styled(format!(" {key}"), theme.footer_key));
        spans.push(Span::styled(format!(" {text} "), theme.footer_desc));
    }
    if !tag.is_empty() && tag.width() <= width {
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
        spans.push(Span::styled(tag, theme.warning));
    }
    Line::from(spans).render(area, buf);
}

/// Whether a footer item applies to the model's state, for items that do not always: typing
/// when there is something to type, zoom when there is more than one pane, reveal when the
/// step has hidden blocks, the hint when there is one, paging the narration when it
/// has more below, scrolling sideways when a line is cut off, leaving a review during one,
/// starting one when something is due.
fn applies(model: &Model, mode: KeyMode, text: &str) -> bool {
    match text {
        "type" => mode != KeyMode::Bash || model.bash.awaiting,
        // Zooming means something only when the step shows more than one pane (or is zoomed).
        "zoom" => model.shown.zoom || model.panes().len() > 1,
        "reveal" => model.step_ref().is_some_and(step_has_reveal),
        "hint" => model.hint_available(),
        "read on" => {
            model.zoomed().is_none_or(|pane| pane == Focus::Narration)
                && model.scroll.narration < model.metrics.narration.max_scroll()
        }
        // Offered while a line is cut off (`›`) where the sideways keys would scroll.
        "scroll right" => {
            let (cols, at) = if model.focus == Focus::Bash {
                (model.metrics.bash_cols, model.scroll.bash_x)
            } else {
                (model.metrics.code_cols, model.scroll.code_x)
            };
            at < cols.max_scroll()
        }
        "end review" => model.review.is_some(),
        "review" => due_count(model.course(), &model.progress, model.today) > 0,
        "close" => mode != KeyMode::Overlay(OverlayKind::Orientation),
        _ => true,
    }
}

/// The notice line: `code` in backticks is shown in the code style without its backticks (as
/// in the narration), and a notice too long for the line ends in `…`.
pub fn render_notice(model: &Model, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(notice) = &model.notice {
        notice_line(notice, theme, usize::from(area.width)).render(area, buf);
    }
}

fn notice_line(notice: &str, theme: &Theme, width: usize) -> Line<'static> {
    let mut room = width.saturating_sub(1);
    let mut spans = vec![Span::styled(" ", theme.warning)];
    for part in code_spans(notice, theme.warning, theme.inline_code) {
        let (part, style) = (part.content.as_ref(), part.style);
        if part.width() <= room {
            room -= part.width();
            spans.push(Span::styled(part.to_owned(), style));
            continue;
        }
        let mut cut = String::new();
        let mut used = 0;
        for c in part.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + 1 > room {
                break;
            }
            used += w;
            cut.push(c);
        }
        spans.push(Span::styled(cut, style));
        spans.push(Span::styled("…", theme.warning));
        break;
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::msg::{Action, Msg};
    use crate::app::update::update;
    use crate::app::{Options, keymap};
    use crate::core::course::{NodeId, StepId};
    use crate::core::progress::Progress;
    use crate::view::test_util::buffer_text;

    fn footer(model: &Model) -> String {
        let area = Rect::new(0, 0, 120, 1);
        let mut buf = Buffer::empty(area);
        render(model, &Theme::no_color(), false, area, &mut buf);
        buffer_text(&buf)
    }

    #[test]
    fn notices_show_code_without_backticks_and_end_in_an_ellipsis_when_cut() {
        let theme = Theme::dark();
        let text =
            |line: &Line<'_>| -> String { line.spans.iter().map(|s| s.content.as_ref()).collect() };
        let line = notice_line("Starter written: `app/Dockerfile`", &theme, 80);
        assert_eq!(text(&line), " Starter written: app/Dockerfile");
        assert_eq!(line.spans[2].style, theme.inline_code);
        let cut = notice_line("Starter written: `app/Dockerfile`", &theme, 24);
        assert_eq!(text(&cut), " Starter written: app/D…");
        assert_eq!(cut.width(), 24);
        assert_eq!(text(&notice_line("a ` b", &theme, 80)), " a ` b");
    }

    #[test]
    fn a_narrow_footer_keeps_help_and_quit() {
        let m = Model::new(
            crate::app::test_course::course(),
            Progress::new("t"),
            &Options {
                node: Some(NodeId::new("a")),
                step: Some(StepId::new("check")),
                ..Options::default()
            },
        );
        let wide = footer(&m);
        for width in [40, 60, 80] {
            let area = Rect::new(0, 0, width, 1);
            let mut buf = Buffer::empty(area);
            render(&m, &Theme::no_color(), false, area, &mut buf);
            let text = buffer_text(&buf);
            assert!(
                text.trim_end().ends_with("? help  q quit"),
                "{width}: {text}"
            );
            let first = wide.split("  ").next().unwrap_or_default();
            assert!(text.starts_with(first), "the first items stay: {text}");
        }
    }

    #[test]
    fn a_passed_text_quiz_offers_moving_on_not_choosing() {
        let mut m = Model::new(
            crate::app::test_course::course(),
            Progress::new("t"),
            &Options {
                practice: true,
                node: Some(NodeId::new("b")),
                step: Some(StepId::new("text")),
                ..Options::default()
            },
        );
        for c in "slim".chars() {
            drop(update(&mut m, Msg::Input(c)));
        }
        drop(update(&mut m, Msg::Act(Action::Submit)));
        assert!(m.quiz.is_right());
        let text = footer(&m);
        assert!(text.contains("→ next"), "{text}");
        assert!(
            !text.contains("choose") && !text.contains("select"),
            "{text}"
        );
        assert!(!text.contains("hint"), "nothing left to hint: {text}");
    }

    #[test]
    fn a_cut_off_narration_is_offered_from_other_panes() {
        let mut m = Model::new(
            crate::app::test_course::course(),
            Progress::new("t"),
            &Options {
                node: Some(NodeId::new("a")),
                step: Some(StepId::new("shell")),
                ..Options::default()
            },
        );
        assert!(!footer(&m).contains("read on"), "nothing more to read");
        m.metrics.narration = crate::app::Extent {
            content: 30,
            view: 8,
        };
        let text = footer(&m);
        assert!(text.starts_with(" PgDn read on"), "{text}");
    }

    #[test]
    fn every_conditional_item_is_a_footer_label_of_the_keymap() {
        let labels: Vec<&str> = keymap::BINDINGS.iter().filter_map(|b| b.footer).collect();
        for text in ["type", "hint", "read on", "end review", "review", "close"] {
            assert!(labels.contains(&text), "{text}");
        }
        let m = Model::new(
            Arc::clone(&crate::app::test_course::course()),
            Progress::new("t"),
            &Options::default(),
        );
        assert!(!footer(&m).contains("end review"), "only during a review");
    }
}
