//! The bash pane: a terminal-looking pane titled `bash k / n` with one dot per entry, the
//! revealed commands (the newest possibly still typing) and their output, the type-along input
//! line, and below a rule the active entry's note, hint and offered answer.
//!
//! Long transcript lines wrap by character like a terminal's; the notes below the rule are prose
//! and wrap at word boundaries. The transcript follows its end unless the learner scrolls back
//! (`Scroll::bash_back`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::bash::BashPane;
use crate::app::task::TaskPane;
use crate::app::{Focus, Model};
use crate::core::course::BashEntry;
use crate::core::task::CheckStatus;
use crate::view::markdown::wrap_spans;
use crate::view::theme::Theme;
use crate::view::{pane, task};

/// Most dots drawn in the title; longer timelines show a count only.
const MAX_DOTS: usize = 24;

pub fn render(model: &Model, theme: &Theme, ascii: bool, area: Rect, buf: &mut Buffer) {
    let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
    let focused = model.focus == Focus::Bash && model.overlay.is_none();
    pane::block(
        title(&model.bash, entries.len(), theme, ascii),
        theme,
        focused,
        ascii,
    )
    .render(area, buf);
    let inner = pane::inner(area);
    let (transcript, notes) = split(model, theme, inner);
    let lines = transcript_lines(model, entries, theme, ascii, transcript.width);
    let rows = usize::from(transcript.height);
    let back = usize::from(model.scroll.bash_back);
    let end = lines.len().saturating_sub(back);
    let start = end.saturating_sub(rows);
    pane::put_lines(&lines[start..end], transcript, buf);
    if notes.height > 0 {
        let rule = if ascii { "-" } else { "─" };
        let mut notes_lines = vec![Line::styled(
            rule.repeat(usize::from(notes.width)),
            theme.border,
        )];
        notes_lines.extend(note_lines(model, entries, theme, notes.width));
        pane::put_lines(&notes_lines, notes, buf);
    }
}

/// Rows of transcript content and rows visible, for scrolling.
pub fn measure(model: &Model, theme: &Theme, ascii: bool, area: Rect) -> crate::app::Extent {
    let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
    let (transcript, _) = split(model, theme, pane::inner(area));
    let content = transcript_lines(model, entries, theme, ascii, transcript.width).len();
    crate::app::Extent {
        content: u16::try_from(content).unwrap_or(u16::MAX),
        view: transcript.height,
    }
}

/// Transcript above, notes below (a rule plus the note lines), notes at most half the pane.
fn split(model: &Model, theme: &Theme, inner: Rect) -> (Rect, Rect) {
    let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
    let notes = note_lines(model, entries, theme, inner.width).len();
    let want = if notes == 0 { 0 } else { notes + 1 };
    // While a prompt waits, its verdict, hint and offer matter more than old output.
    let most = if model.bash.awaiting {
        inner.height.saturating_mul(2) / 3
    } else {
        inner.height / 2
    };
    let height = u16::try_from(want).unwrap_or(u16::MAX).min(most);
    let [top, bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(inner);
    (top, bottom)
}

fn title(pane: &BashPane, total: usize, theme: &Theme, ascii: bool) -> Line<'static> {
    if total == 0 {
        // Only a task's command checks print here.
        return Line::from(Span::styled(" bash · checks ", theme.title));
    }
    let mut spans = vec![Span::styled(
        format!(" bash {} / {total} ", pane.revealed),
        theme.title,
    )];
    if total <= MAX_DOTS {
        let (on, off) = if ascii { ("*", ".") } else { ("●", "○") };
        let dots: String = (0..total)
            .map(|i| if i < pane.revealed { on } else { off })
            .collect();
        spans.push(Span::styled(format!("{dots} "), theme.dim));
    }
    Line::from(spans)
}

fn transcript_lines(
    model: &Model,
    entries: &[BashEntry],
    theme: &Theme,
    ascii: bool,
    width: u16,
) -> Vec<Line<'static>> {
    let pane = &model.bash;
    let mut lines = Vec::new();
    for (i, entry) in entries.iter().enumerate().take(pane.revealed) {
        let active = pane.active() == Some(i);
        if active && pane.awaiting {
            lines.extend(prompt(
                &pane.input,
                Some(cursor(model, theme)),
                theme,
                width,
            ));
            continue;
        }
        let cmd: String = match (active, pane.typed) {
            (true, Some(n)) => entry.cmd.chars().take(n).collect(),
            _ => pane.typed_line(i).unwrap_or(&entry.cmd).to_owned(),
        };
        let typing = active && pane.is_typing();
        lines.extend(prompt(
            &cmd,
            typing.then(|| cursor(model, theme)),
            theme,
            width,
        ));
        if !typing && !entry.out.is_empty() {
            for out in entry.out.lines() {
                lines.extend(wrap(
                    vec![Span::styled(out.to_owned(), theme.output)],
                    width,
                ));
            }
        }
    }
    let idle = pane
        .active()
        .is_none_or(|_| !pane.awaiting && !pane.is_typing());
    if idle && let Some(task) = &model.task {
        lines.extend(run_lines(task, theme, ascii, width));
    }
    if idle {
        let more = pane.revealed < entries.len();
        let mut spans = vec![Span::styled("$ ", theme.prompt)];
        if more && model.focus == Focus::Bash {
            spans.push(Span::styled("press → to run the next command", theme.dim));
        }
        lines.extend(wrap(spans, width));
    }
    lines
}

/// A task's command checks as they ran: each command at a prompt, its output, and how the
/// check came out.
fn run_lines(task: &TaskPane, theme: &Theme, ascii: bool, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for run in &task.log {
        for (i, text) in run.command.lines().enumerate() {
            let lead = if i == 0 { "$ " } else { "> " };
            lines.extend(wrap(
                vec![
                    Span::styled(lead, theme.prompt),
                    Span::styled(text.replace('\t', "    "), theme.command),
                ],
                width,
            ));
        }
        for out in run.output.as_deref().unwrap_or_default().lines() {
            lines.extend(wrap(
                vec![Span::styled(out.replace('\t', "    "), theme.output)],
                width,
            ));
        }
        let symbol = task::symbol(&run.status, ascii);
        let (text, style) = match &run.status {
            CheckStatus::Running => (
                format!("{symbol} running {}", task::spinner(task.spinner, ascii)),
                theme.dim,
            ),
            CheckStatus::Passed => (format!("{symbol} check passed"), theme.success),
            CheckStatus::Failing { detail } => (
                match detail {
                    Some(detail) => format!("{symbol} check failed: {detail}"),
                    None => format!("{symbol} check failed"),
                },
                theme.error,
            ),
            CheckStatus::Skipped(reason) => (format!("{symbol} {}", reason.describe()), theme.dim),
            CheckStatus::Pending => (format!("{symbol} stopped"), theme.dim),
        };
        lines.extend(wrap(vec![Span::styled(text, style)], width));
    }
    lines
}

fn cursor(model: &Model, theme: &Theme) -> Span<'static> {
    if model.typing && model.focus == Focus::Bash {
        Span::styled(" ", theme.selection)
    } else {
        Span::raw("")
    }
}

fn prompt(
    text: &str,
    cursor: Option<Span<'static>>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let mut spans = vec![
        Span::styled("$ ", theme.prompt),
        Span::styled(text.to_owned(), theme.command),
    ];
    spans.extend(cursor);
    wrap(spans, width)
}

/// Note, hint and answer lines for the active entry, wrapped at word boundaries (they are
/// prose, unlike the transcript above). A type-along's note shows once its command is typed,
/// so it never gives the command away.
fn note_lines(
    model: &Model,
    entries: &[BashEntry],
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let pane = &model.bash;
    let Some(entry) = pane.active().and_then(|i| entries.get(i)) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut add = |label: &str, text: String, style: Style| {
        lines.extend(hanging(label, &text, style, width));
    };
    if pane.awaiting {
        // Until the learner misses (when the verdict, the hint and the offer need the room),
        // the note of the entry just shown stays, with how to go on.
        let fresh = pane.misses == 0 && !pane.hint_requested;
        let before = pane.active().and_then(|i| i.checked_sub(1));
        if let (true, Some(note)) = (
            fresh,
            before
                .and_then(|i| entries.get(i))
                .filter(|e| e.type_along.is_none())
                .and_then(|e| e.note.as_ref()),
        ) {
            add("", note.clone(), theme.note);
        }
        if !(model.typing && model.focus == Focus::Bash) {
            add("", "Enter: type it yourself · →: show it".into(), theme.dim);
        } else if fresh {
            add("", "Type the command, then Enter.".into(), theme.dim);
        }
        if let (true, Some(_)) = (pane.misses > 0, &pane.last_miss) {
            let what = pane.last_verdict.as_deref().unwrap_or("not quite");
            let count = match pane.misses {
                1 => "1 miss: fix the line, or Ctrl-U to clear it".to_owned(),
                n => format!("{n} misses"),
            };
            add("✗ ", format!("{what} ({count})"), theme.error);
        }
        if let (true, Some(hint)) = (
            pane.hint_visible(),
            entry.type_along.as_ref().and_then(|t| t.hint.as_ref()),
        ) {
            add("hint: ", hint.clone(), theme.warning);
        }
        if pane.answer_shown {
            add(
                "",
                "The command is filled in: press Enter to run it.".into(),
                theme.warning,
            );
        } else if pane.answer_offered() {
            add("", "F2 fills in the answer.".into(), theme.warning);
        } else if !pane.hint_visible()
            && entry.type_along.as_ref().is_some_and(|t| t.hint.is_some())
        {
            add("", "F2: a hint.".into(), theme.dim);
        }
        return lines;
    }
    if entry.type_along.is_some() && pane.typed_line(pane.revealed.saturating_sub(1)).is_some() {
        add("", "✓ matched".into(), theme.success);
    }
    if let Some(note) = &entry.note {
        add("", note.clone(), theme.note);
    }
    lines
}

/// `text` wrapped at word boundaries to `width`, `label` in front of the first line and its
/// width of spaces in front of the others.
fn hanging(label: &str, text: &str, style: Style, width: u16) -> Vec<Line<'static>> {
    let indent = label.width();
    let body = wrap_spans(
        &[Span::styled(text.to_owned(), style)],
        width.saturating_sub(u16::try_from(indent).unwrap_or(u16::MAX)),
    );
    body.into_iter()
        .enumerate()
        .map(|(n, line)| {
            let lead = if n == 0 {
                label.to_owned()
            } else {
                " ".repeat(indent)
            };
            let mut spans = vec![Span::styled(lead, style)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

/// Wraps styled spans by character at `width` cells, as a terminal does.
fn wrap(spans: Vec<Span<'static>>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut lines = vec![Vec::new()];
    let mut used = 0;
    for span in spans {
        let mut chunk = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && used > 0 {
                if let Some(line) = lines.last_mut() {
                    line.push(Span::styled(std::mem::take(&mut chunk), span.style));
                }
                lines.push(Vec::new());
                used = 0;
            }
            chunk.push(c);
            used += w;
        }
        if let Some(line) = lines.last_mut()
            && (!chunk.is_empty() || span.content.is_empty())
        {
            line.push(Span::styled(chunk, span.style));
        }
    }
    lines.into_iter().map(Line::from).collect()
}

#[cfg(test)]
mod tests;
