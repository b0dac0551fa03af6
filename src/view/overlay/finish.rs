//! The course-complete screen: the learner's results (nodes, quizzes passed at the first try,
//! hints, revealed answers, time), what to do next, and the course's closing note (`[finish]`),
//! laid out once by the screen's cache and scrolled by the state.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{Cx, OverlayView, TextRequest, draw_frame, frame, frame_inner, popup_rect};
use crate::app::overlay::FinishState;
use crate::app::{Extent, Model};
use crate::core::results::{CourseResults, course_results, format_duration};
use crate::view::markdown::wrap_spans;
use crate::view::theme::Theme;

/// Widest and tallest the popup gets.
const MAX_W: u16 = 76;
const MAX_H: u16 = 40;

/// The default heading, when the course's `[finish]` has no title.
pub const DEFAULT_TITLE: &str = "Course complete";

/// Where the finish popup goes.
#[derive(Debug, Clone, Copy)]
pub struct FinishLayout {
    pub popup: Rect,
    pub inner: Rect,
}

impl OverlayView for FinishState {
    type Layout = FinishLayout;

    fn layout(&self, _cx: Cx<'_>, area: Rect) -> FinishLayout {
        let popup = popup_rect(area, MAX_W, MAX_H);
        FinishLayout {
            popup,
            inner: frame_inner(popup),
        }
    }

    fn draw(&self, cx: Cx<'_>, layout: &FinishLayout, text: &[Line<'static>], buf: &mut Buffer) {
        let layout = &fitted(layout, text.len());
        let theme = cx.theme;
        let title = cx
            .model
            .course()
            .finish
            .as_ref()
            .and_then(|f| f.title.as_deref())
            .unwrap_or(DEFAULT_TITLE);
        let rows = usize::from(layout.inner.height);
        let scroll = usize::from(self.scroll).min(text.len().saturating_sub(rows));
        let more = text.len() > scroll + rows;
        let keys = if more {
            " j/↓ more · R review · Esc close "
        } else {
            " R review · Esc close "
        };
        let footer = Line::styled(keys, theme.dim).right_aligned();
        draw_frame(
            layout.popup,
            frame(title, Some(footer), theme, cx.ascii),
            buf,
        );
        let visible: Vec<Line> = text.iter().skip(scroll).take(rows).cloned().collect();
        Paragraph::new(visible).render(layout.inner, buf);
    }

    fn extent(&self, _cx: Cx<'_>, layout: &FinishLayout, text: &[Line<'static>]) -> Extent {
        let layout = fitted(layout, text.len());
        Extent {
            content: u16::try_from(text.len()).unwrap_or(u16::MAX),
            view: layout.inner.height,
        }
    }

    fn text<'m>(&self, cx: Cx<'m>, layout: &FinishLayout) -> Option<TextRequest<'m>> {
        let model = cx.model;
        let results = course_results(model.course(), &model.progress, model.today);
        let mut heading = results_lines(model, &results, cx.theme, layout.inner.width);
        let note = model.course().finish.as_ref().map(|f| f.note.as_str());
        if note.is_some() {
            heading.push(Line::default());
        }
        Some(TextRequest {
            entry: 0,
            width: layout.inner.width,
            heading,
            markdown: note.unwrap_or_default(),
        })
    }
}

/// `layout`'s popup shortened (and kept centred) to the `rows` of text it shows: the text's
/// width never depends on its height, so the cache's layout stays right.
fn fitted(layout: &FinishLayout, rows: usize) -> FinishLayout {
    let want = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let popup = layout.popup;
    let height = want.min(popup.height);
    let popup = Rect {
        y: popup.y + (popup.height - height) / 2,
        height,
        ..popup
    };
    FinishLayout {
        popup,
        inner: frame_inner(popup),
    }
}

/// `text` wrapped to `width` after `label`, with a hanging indent of the label's width.
fn hanging(
    label: &Span<'static>,
    text: &str,
    style: ratatui::style::Style,
    width: u16,
) -> Vec<Line<'static>> {
    let indent = unicode_width::UnicodeWidthStr::width(label.content.as_ref());
    let body = wrap_spans(
        &[Span::styled(text.to_owned(), style)],
        width.saturating_sub(u16::try_from(indent).unwrap_or(u16::MAX)),
    );
    body.into_iter()
        .enumerate()
        .map(|(n, line)| {
            let lead = if n == 0 {
                label.clone()
            } else {
                Span::raw(" ".repeat(indent))
            };
            let mut spans = vec![lead];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

/// The results and the next steps, as lines `width` cells wide.
pub fn results_lines(
    model: &Model,
    r: &CourseResults,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let para = |spans: Vec<Span<'static>>, lines: &mut Vec<Line<'static>>| {
        lines.extend(wrap_spans(&spans, width));
    };
    para(
        vec![Span::styled(
            format!(
                "You completed {} of {} nodes of \"{}\".",
                r.nodes_complete,
                r.nodes,
                model.course().title
            ),
            theme.strong,
        )],
        &mut lines,
    );
    lines.push(Line::default());
    let mut rows: Vec<(&str, String)> = vec![(
        "Quizzes",
        format!(
            "{} passed, {} at the first try",
            r.quizzes_passed, r.quizzes_first_try
        ),
    )];
    if r.tasks > 0 {
        rows.push(("Tasks", format!("{} of {} passed", r.tasks_passed, r.tasks)));
    }
    if r.type_alongs > 0 {
        rows.push((
            "Commands",
            format!(
                "{} of {} typed yourself",
                r.type_alongs_typed, r.type_alongs
            ),
        ));
    }
    rows.push(("Hints used", r.hints_used.to_string()));
    rows.push(("Answers shown", r.answers_revealed.to_string()));
    let mut time = format_duration(r.active_secs);
    if let Some(elapsed) = r.elapsed_secs.filter(|e| *e > r.active_secs) {
        let _ = write!(time, ", over {}", format_duration(elapsed));
    }
    rows.push(("Time spent", time));
    for (label, value) in rows {
        lines.extend(hanging(
            &Span::styled(format!("  {label:<14}"), theme.dim),
            &value,
            theme.text,
            width,
        ));
    }
    lines.push(Line::default());
    para(
        vec![Span::styled("What next", theme.heading(3))],
        &mut lines,
    );
    let review = match r.review_due {
        0 => "Review: nothing is due. Questions you missed come back on another day; press R \
              on the matrix then."
            .to_owned(),
        1 => "Review: 1 question you missed is due. Press R to answer it again.".to_owned(),
        n => format!("Review: {n} questions you missed are due. Press R to answer them again."),
    };
    let practice = "Practice: termcourse --practice opens every node to replay it; nothing \
                    you do there changes your progress.";
    for item in [review.as_str(), practice] {
        lines.extend(hanging(
            &Span::styled("  • ", theme.list_marker),
            item,
            theme.text,
            width,
        ));
    }
    lines
}
