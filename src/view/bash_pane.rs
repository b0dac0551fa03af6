//! The bash pane: a terminal-looking pane titled `bash k / n` with one dot per entry, the
//! revealed commands (the newest possibly still typing) and their output, the type-along input
//! line, and below a rule the active entry's note, hint and offered answer.
//!
//! It shows a session as a shell would: a command's first line after `$ `, each further line
//! (a `\`-continued line, a here-document's body) after the continuation prompt `> `. Commands
//! and output never wrap: terminal output keeps its shape (a table's rows stay whole), lines
//! wider than the pane are clipped with `‹` / `›` and scroll sideways (`Scroll::bash_x`). The
//! learner's line being typed wraps like a terminal's, so the cursor is always in view; notes
//! are prose and wrap at word boundaries. The transcript follows its end unless the learner
//! scrolls back (`Scroll::bash_back`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::bash::BashPane;
use crate::app::task::TaskPane;
use crate::app::{Extent, Focus, Model};
use crate::core::course::BashEntry;
use crate::core::task::CheckStatus;
use crate::view::markdown::{clip_line, code_spans, wrap_spans};
use crate::view::theme::Theme;
use crate::view::{pane, task};

/// Most dots drawn in the title; longer timelines show a count only.
const MAX_DOTS: usize = 24;

/// The prompt before a command's first line, and before each further line.
const PROMPT: &str = "$ ";
const CONTINUATION: &str = "> ";

/// Columns a pane's border and padding take.
const CHROME: usize = 4;

/// One row of the transcript before it is fitted to the pane.
enum Row {
    /// A line of a command or of its output: never wrapped, scrolled sideways.
    Fixed(Vec<Span<'static>>),
    /// The line being typed, or a hint: wrapped at the pane's width, never scrolled.
    Wrapped(Vec<Span<'static>>),
}

/// What the pane shows of its transcript at one size.
struct Fitted {
    lines: Vec<Line<'static>>,
    /// The widest fixed line, in columns.
    widest: usize,
}

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
    let fitted = fit(model, entries, theme, ascii, transcript.width);
    let rows = usize::from(transcript.height);
    let back = usize::from(model.scroll.bash_back);
    let end = fitted.lines.len().saturating_sub(back);
    let start = end.saturating_sub(rows);
    pane::put_lines(&fitted.lines[start..end], transcript, buf);
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

/// Rows of transcript content against rows visible (for scrolling back), and the widest line
/// against the columns visible (for scrolling sideways).
pub fn measure(model: &Model, theme: &Theme, ascii: bool, area: Rect) -> (Extent, Extent) {
    let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
    let (transcript, _) = split(model, theme, pane::inner(area));
    let fitted = fit(model, entries, theme, ascii, transcript.width);
    let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    (
        Extent {
            content: to_u16(fitted.lines.len()),
            view: transcript.height,
        },
        Extent {
            content: to_u16(fitted.widest),
            view: transcript.width,
        },
    )
}

/// The widths a pane needs to show each command and output line of `entries` unclipped, its
/// border included, ascending and without repeats: what the layout chooses from.
pub fn wanted_widths(entries: &[BashEntry]) -> Vec<u16> {
    let mut widths: Vec<u16> = entries
        .iter()
        .flat_map(|e| {
            let cmd = e.cmd.lines().map(|l| PROMPT.width() + l.width());
            cmd.chain(e.out.lines().map(UnicodeWidthStr::width))
        })
        .map(|w| u16::try_from(w + CHROME).unwrap_or(u16::MAX))
        .collect();
    widths.sort_unstable();
    widths.dedup();
    widths
}

/// Transcript above, notes below (a rule plus the note lines), notes at most half the pane.
fn split(model: &Model, theme: &Theme, inner: Rect) -> (Rect, Rect) {
    let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
    let notes = note_lines(model, entries, theme, inner.width).len();
    let height = notes_height(notes, inner.height, model.bash.awaiting);
    let [top, bottom] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(height)]).areas(inner);
    (top, bottom)
}

/// Rows the notes get in a pane `rows` high: their lines and a rule, at most half the pane,
/// or two thirds while a prompt waits (its verdict, hint and offer matter more than old output).
pub fn notes_height(note_lines: usize, rows: u16, awaiting: bool) -> u16 {
    let want = if note_lines == 0 { 0 } else { note_lines + 1 };
    let most = if awaiting {
        rows.saturating_mul(2) / 3
    } else {
        rows / 2
    };
    u16::try_from(want).unwrap_or(u16::MAX).min(most)
}

fn title(pane: &BashPane, total: usize, theme: &Theme, ascii: bool) -> Line<'static> {
    if total == 0 {
        // Only a task's command checks print here.
        return Line::from(Span::styled(" bash · checks ", theme.title));
    }
    // A type-along whose prompt is open is not done until it is typed.
    let done = pane.revealed - usize::from(pane.awaiting && pane.revealed > 0);
    let mut spans = vec![Span::styled(
        format!(" bash {done} / {total} "),
        theme.title,
    )];
    if total <= MAX_DOTS {
        let (on, off) = if ascii { ("*", ".") } else { ("●", "○") };
        let dots: String = (0..total)
            .map(|i| if i < done { on } else { off })
            .collect();
        spans.push(Span::styled(format!("{dots} "), theme.dim));
    }
    Line::from(spans)
}

/// The transcript fitted to `width` columns, scrolled sideways by the model's offset.
fn fit(model: &Model, entries: &[BashEntry], theme: &Theme, ascii: bool, width: u16) -> Fitted {
    let hscroll = usize::from(model.scroll.bash_x);
    let cols = usize::from(width);
    let mut fitted = Fitted {
        lines: Vec::new(),
        widest: 0,
    };
    for row in transcript(model, entries, theme, ascii) {
        match row {
            Row::Fixed(spans) => {
                let w: usize = spans.iter().map(|s| s.content.width()).sum();
                fitted.widest = fitted.widest.max(w);
                let shown = clip_line(&spans, hscroll, cols, theme.code_clip);
                fitted.lines.push(Line::from(shown));
            }
            Row::Wrapped(spans) => fitted.lines.extend(wrap_chars(spans, width)),
        }
    }
    fitted
}

fn transcript(model: &Model, entries: &[BashEntry], theme: &Theme, ascii: bool) -> Vec<Row> {
    let pane = &model.bash;
    let mut rows = Vec::new();
    for (i, entry) in entries.iter().enumerate().take(pane.revealed) {
        let active = pane.active() == Some(i);
        if active && pane.awaiting {
            let lines = prompted(&pane.input, Some(cursor(model, theme)), theme);
            rows.extend(lines.into_iter().map(Row::Wrapped));
            continue;
        }
        let cmd: String = match (active, pane.typed) {
            (true, Some(n)) => entry.cmd.chars().take(n).collect(),
            _ => pane.typed_line(i).unwrap_or(&entry.cmd).to_owned(),
        };
        let typing = active && pane.is_typing();
        let lines = prompted(&cmd, typing.then(|| cursor(model, theme)), theme);
        rows.extend(lines.into_iter().map(Row::Fixed));
        if !typing && !entry.out.is_empty() {
            for out in entry.out.lines() {
                rows.push(Row::Fixed(vec![Span::styled(out.to_owned(), theme.output)]));
            }
        }
    }
    let idle = pane
        .active()
        .is_none_or(|_| !pane.awaiting && !pane.is_typing());
    if idle && let Some(task) = &model.task {
        rows.extend(run_rows(task, theme, ascii));
    }
    if idle {
        let more = pane.revealed < entries.len();
        let mut spans = vec![Span::styled(PROMPT, theme.prompt)];
        if more && model.focus == Focus::Bash {
            spans.push(Span::styled("press → to run the next command", theme.dim));
        }
        rows.push(Row::Wrapped(spans));
    }
    rows
}

/// A task's command checks as they ran: each command at a prompt and its output, shaped as a
/// terminal shows them (never wrapped), and how the check came out (prose, wrapped).
fn run_rows(task: &TaskPane, theme: &Theme, ascii: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    for run in &task.log {
        let command = run.command.replace('\t', "    ");
        rows.extend(prompted(&command, None, theme).into_iter().map(Row::Fixed));
        for out in run.output.as_deref().unwrap_or_default().lines() {
            rows.push(Row::Fixed(vec![Span::styled(
                out.replace('\t', "    "),
                theme.output,
            )]));
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
        rows.push(Row::Wrapped(vec![Span::styled(text, style)]));
    }
    rows
}

fn cursor(model: &Model, theme: &Theme) -> Span<'static> {
    if model.typing && model.focus == Focus::Bash {
        Span::styled(" ", theme.selection)
    } else {
        Span::raw("")
    }
}

/// A command as a shell shows it: its first line after `$ `, every further line after `> `,
/// and the cursor (when typing) after the last.
fn prompted(text: &str, cursor: Option<Span<'static>>, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let mut lines: Vec<Vec<Span<'static>>> = text
        .split('\n')
        .enumerate()
        .map(|(n, line)| {
            let prompt = if n == 0 { PROMPT } else { CONTINUATION };
            vec![
                Span::styled(prompt, theme.prompt),
                Span::styled(line.to_owned(), theme.command),
            ]
        })
        .collect();
    if let (Some(cursor), Some(last)) = (cursor, lines.last_mut()) {
        last.push(cursor);
    }
    lines
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
    // Notes, hints and verdicts quote commands in backticks ("`build` instead of `biuld`").
    let mut add = |label: &str, text: String, style: Style| {
        let spans = code_spans(&text, style, theme.inline_code);
        lines.extend(hanging_spans(label, &spans, style, width));
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
        } else if fresh && entry.cmd.contains('\n') {
            let how = "Type it line by line (Enter goes on while the command is unfinished), or paste it; then Enter.";
            add("", how.into(), theme.dim);
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

/// Styled `text` wrapped at word boundaries to `width`, `label` (in `style`) in front of the first
/// line and its width of spaces in front of the others.
fn hanging_spans(label: &str, text: &[Span<'_>], style: Style, width: u16) -> Vec<Line<'static>> {
    let indent = label.width();
    let body = wrap_spans(
        text,
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
fn wrap_chars(spans: Vec<Span<'static>>, width: u16) -> Vec<Line<'static>> {
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
mod note_tests;
#[cfg(test)]
mod tests;
