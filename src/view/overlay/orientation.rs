//! The first-run orientation: one screen saying how to play, its keys taken from the keymap's
//! own labels where they are single keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, OverlayView, draw_frame, frame, frame_inner, popup_rect};
use crate::app::overlay::OrientationState;
use crate::view::markdown::wrap_spans;
use crate::view::theme::Theme;

const MAX_W: u16 = 70;

/// What each key does, in the order a newcomer meets them.
const ITEMS: &[(&str, &str)] = &[
    (
        "→ Space",
        "run the next command in the bash pane, then go on to the next step",
    ),
    ("←", "go back a step"),
    (
        "type",
        "when a prompt waits, type the command and Enter: letters are typed, never keys \
         (Esc leaves the prompt)",
    ),
    (
        "1-9 Enter",
        "answer a quiz: pick a choice (or type), then Enter",
    ),
    ("F2", "a hint; after three misses, the answer"),
    ("PgDn", "read on when the narration has more below"),
    (
        "m",
        "the Deployment Matrix: the nodes, and what each unlocks",
    ),
    ("? q", "every key; quit (your place is kept)"),
];

/// Where the orientation goes, and its lines.
pub struct OrientationLayout {
    pub popup: Rect,
    pub inner: Rect,
    pub lines: Vec<Line<'static>>,
}

impl OverlayView for OrientationState {
    type Layout = OrientationLayout;

    fn layout(&self, cx: Cx<'_>, area: Rect) -> OrientationLayout {
        let width = MAX_W.min(area.width.saturating_sub(4)).saturating_sub(4);
        let height = u16::try_from(lines(cx.theme, width).len()).unwrap_or(u16::MAX);
        let popup = popup_rect(area, MAX_W, height.saturating_add(2));
        let inner = frame_inner(popup);
        OrientationLayout {
            popup,
            inner,
            lines: lines(cx.theme, inner.width),
        }
    }

    fn draw(
        &self,
        cx: Cx<'_>,
        layout: &OrientationLayout,
        _text: &[Line<'static>],
        buf: &mut Buffer,
    ) {
        let footer = Line::styled(" any key: start ", cx.theme.dim).right_aligned();
        draw_frame(
            layout.popup,
            frame("Welcome to termcourse", Some(footer), cx.theme, cx.ascii),
            buf,
        );
        Paragraph::new(layout.lines.clone()).render(layout.inner, buf);
    }
}

fn lines(theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut out = wrap_spans(
        &[Span::styled(
            "Read the narration, step through the bash pane, answer the quizzes: passing a \
             node's quizzes completes it and unlocks the next nodes.",
            theme.text,
        )],
        width,
    );
    out.push(Line::default());
    let keys_w = ITEMS
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let indent = u16::try_from(keys_w + 3).unwrap_or(u16::MAX);
    for (keys, what) in ITEMS {
        let body = wrap_spans(
            &[Span::styled((*what).to_owned(), theme.text)],
            width.saturating_sub(indent),
        );
        for (n, line) in body.into_iter().enumerate() {
            let lead = if n == 0 {
                Span::styled(format!(" {keys:<keys_w$}  "), theme.footer_key)
            } else {
                Span::raw(" ".repeat(usize::from(indent)))
            };
            let mut spans = vec![lead];
            spans.extend(line.spans);
            out.push(Line::from(spans));
        }
    }
    out.extend(wrap_spans(
        &[Span::styled(
            "Progress is saved as you go. This screen shows once.",
            theme.dim,
        )],
        width,
    ));
    out
}
