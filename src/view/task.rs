//! The task pane: the goal, the live checklist, and where the files are (✓ passed, ✗ failing
//! with what to fix, ◌ skipped and why, … running), hints as they are asked for, and the
//! success line with the node's completion and unlocks.
//!
//! Every status has its own symbol and word, so the pane reads the same without colour
//! (`NO_COLOR`) and in ASCII. The goal, messages and hints are markdown, laid out once per
//! width by the screen's cache ([`TaskText`]).

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::task::TaskPane;
use crate::app::{Extent, Focus, Model};
use crate::core::course::Task;
use crate::core::task::CheckStatus;
use crate::view::markdown::{code_spans, wrap_spans};
use crate::view::narration::scroll_hint;
use crate::view::pane;
use crate::view::prepared::TaskText;
use crate::view::theme::Theme;

/// Columns in front of a check's message: its symbol and a space.
pub const CHECK_INDENT: u16 = 2;
/// Columns in front of what is said under a check (detail, skip reason, hint).
const UNDER: &str = "    ";
/// Task files listed by name; more are counted.
const FILES_SHOWN: usize = 3;

/// Drawing inputs that do not come from the model.
pub struct Look<'a> {
    pub theme: &'a Theme,
    pub ascii: bool,
}

pub fn render(model: &Model, text: &TaskText, look: &Look, area: Rect, buf: &mut Buffer) {
    let (Some(task), Some(pane)) = (model.task_ref(), model.task.as_ref()) else {
        return;
    };
    let theme = look.theme;
    let focused = model.focus == Focus::Task && model.overlay.is_none();
    let inner = pane::inner(area);
    let lines = content(model, task, pane, text, look, inner.width);
    let top = usize::from(model.scroll.task);
    let rows = usize::from(inner.height);
    let mut title = vec![
        Span::styled(" TASK ", theme.title),
        summary(pane, look),
        Span::raw(" "),
    ];
    title.push(Span::styled(
        scroll_hint(top, lines.len() > top + rows, look.ascii),
        theme.dim,
    ));
    pane::block(Line::from(title), theme, focused, look.ascii).render(area, buf);
    let window: Vec<Line> = lines.into_iter().skip(top).take(rows).collect();
    pane::put_lines(&window, inner, buf);
}

pub fn measure(model: &Model, text: &TaskText, look: &Look, area: Rect) -> Extent {
    let (Some(task), Some(pane)) = (model.task_ref(), model.task.as_ref()) else {
        return Extent::default();
    };
    let inner = pane::inner(area);
    let rows = content(model, task, pane, text, look, inner.width).len();
    Extent {
        content: u16::try_from(rows).unwrap_or(u16::MAX),
        view: inner.height,
    }
}

/// The title's summary: `3 of 7 checks pass`, with `, 1 skipped` when some cannot run here
/// (the total stays the checklist's length, so it does not change as checks are skipped), or
/// `complete ✓` once the checklist passes.
fn summary(pane: &TaskPane, look: &Look) -> Span<'static> {
    let counts = pane.state.counts();
    let total = pane.state.statuses().len();
    if pane.state.is_passed() {
        let ok = symbol(&CheckStatus::Passed, look.ascii);
        Span::styled(format!("complete {ok}"), look.theme.success)
    } else {
        let skipped = match counts.skipped {
            0 => String::new(),
            n => format!(", {n} skipped"),
        };
        Span::styled(
            format!("{} of {total} checks pass{skipped}", counts.passed),
            look.theme.dim,
        )
    }
}

/// The pane's lines at `width` columns.
fn content(
    model: &Model,
    task: &Task,
    pane: &TaskPane,
    text: &TaskText,
    look: &Look,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = look.theme;
    let mut lines = Vec::new();
    if let Some(path) = &pane.confirm_reset {
        let ask = format!(
            "Reset `{path}` to its starter? Your file is kept as a `.bak-…` copy next to it. y: reset · n: keep it"
        );
        let ask = code_spans(&ask, theme.warning, theme.inline_code);
        lines.extend(wrap_spans(&ask, width));
        lines.push(Line::default());
    }
    // Success comes first, where it is seen without scrolling.
    if pane.state.is_passed() {
        lines.extend(status_lines(model, task, pane, theme, look.ascii, width));
        lines.push(Line::default());
    }
    lines.extend(text.goal.iter().cloned());
    lines.push(Line::default());
    for (i, (check, status)) in task.checks.iter().zip(pane.state.statuses()).enumerate() {
        let style = match status {
            CheckStatus::Passed => theme.success,
            CheckStatus::Failing { .. } => theme.error,
            CheckStatus::Running | CheckStatus::Pending | CheckStatus::Skipped(_) => theme.dim,
        };
        let head = format!("{} ", symbol(status, look.ascii));
        let message = text.messages.get(i).map_or(&[][..], Vec::as_slice);
        push_indented(&mut lines, &head, message, style);
        let under = match status {
            CheckStatus::Failing { detail } => detail.clone(),
            CheckStatus::Skipped(reason) => Some(reason.describe()),
            CheckStatus::Running => Some(format!("running {}", spinner(pane.spinner, look.ascii))),
            CheckStatus::Pending if check.run().is_some() => {
                Some("not run yet: Enter runs it".to_owned())
            }
            CheckStatus::Pending if !pane.graded => Some("checking…".to_owned()),
            CheckStatus::Pending | CheckStatus::Passed => None,
        };
        if let Some(under) = under {
            lines.extend(wrap_plain(&under, width, theme.dim, UNDER));
        }
        // A hint is for fixing a check: once it passes, the hint goes.
        if pane.hints.contains(&i)
            && *status != CheckStatus::Passed
            && let Some(hint) = text.hints.get(i).filter(|h| !h.is_empty())
        {
            push_indented(&mut lines, &format!("{UNDER}hint: "), hint, theme.warning);
        }
    }
    if !pane.state.is_passed() {
        lines.push(Line::default());
        lines.extend(status_lines(model, task, pane, theme, look.ascii, width));
    }
    // Where the files are comes last: the checklist matters more on a small screen, and the
    // path is long.
    lines.push(Line::default());
    lines.extend(where_lines(model, task, theme, width));
    lines
}

/// Where the files are: the workspace directory and the task's files.
fn where_lines(model: &Model, task: &Task, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(dir) = &model.task_env.workspace {
        lines.extend(labelled("Folder ", dir, theme, width));
    } else {
        let why = model
            .task_env
            .problem
            .as_deref()
            .unwrap_or("no workspace for this course");
        lines.extend(labelled("Folder ", &format!("none: {why}"), theme, width));
    }
    // The files the checks are about come first; the rest are project files around them.
    let mut named: Vec<&str> = Vec::new();
    for check in &task.checks {
        if let Some(file) = check.file.as_deref()
            && !named.contains(&file)
        {
            named.push(file);
        }
    }
    let others = task
        .files
        .iter()
        .filter(|f| !named.contains(&f.path.as_str()))
        .count();
    let mut files = named
        .iter()
        .take(FILES_SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let more = named.len().saturating_sub(FILES_SHOWN) + others;
    if more > 0 {
        let _ = write!(files, " (+{more} project file{})", plural(more));
    }
    lines.extend(labelled("Files  ", &files, theme, width));
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `label` then `value` wrapped under itself.
fn labelled(label: &str, value: &str, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let pad = " ".repeat(label.width());
    let mut lines = wrap_plain(
        value,
        width.saturating_sub(to_u16(label.width())),
        theme.text,
        "",
    );
    for (n, line) in lines.iter_mut().enumerate() {
        let lead = if n == 0 {
            label.to_owned()
        } else {
            pad.clone()
        };
        line.spans.insert(0, Span::styled(lead, theme.dim));
    }
    lines
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// What the checklist adds up to: success and the node's completion, or what to do next.
fn status_lines(
    model: &Model,
    task: &Task,
    pane: &TaskPane,
    theme: &Theme,
    ascii: bool,
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let ok = symbol(&CheckStatus::Passed, ascii);
    if pane.state.is_passed() {
        lines.push(Line::styled(
            format!("{ok} Task complete! Press → to go on."),
            theme.success,
        ));
        if let Some(success) = &pane.success {
            if success.completed {
                lines.push(Line::styled("Node complete.", theme.success));
            }
            if !success.unlocked.is_empty() {
                let names: Vec<&str> = success
                    .unlocked
                    .iter()
                    .filter_map(|id| model.course().node(id))
                    .map(|n| n.title.as_str())
                    .collect();
                let text = format!("Unlocked: {}", names.join(", "));
                lines.extend(wrap_plain(&text, width, theme.success, ""));
            }
        }
        return lines;
    }
    let counts = pane.state.counts();
    let next = if !pane.graded {
        "Checking the files…".to_owned()
    } else if counts.running > 0 {
        "Running the command checks…".to_owned()
    } else if counts.failing > 0 {
        let s = plural(counts.failing);
        format!(
            "{} check{s} to fix. e opens the file; every save is checked.",
            counts.failing
        )
    } else if !pane.runnable(task).is_empty() {
        "The files pass. Enter runs the command checks.".to_owned()
    } else {
        String::new()
    };
    lines.extend(wrap_plain(&next, width, theme.warning, ""));
    if pane.passed_before {
        let text = format!("{ok} Passed before: the node stays complete.");
        lines.extend(wrap_plain(&text, width, theme.dim, ""));
    }
    lines
}

/// The symbol of a status: ✓ ✗ ◌ … (ASCII: + x - *), and · for not checked yet.
pub fn symbol(status: &CheckStatus, ascii: bool) -> &'static str {
    match (status, ascii) {
        (CheckStatus::Passed, false) => "✓",
        (CheckStatus::Passed, true) => "+",
        (CheckStatus::Failing { .. }, false) => "✗",
        (CheckStatus::Failing { .. }, true) => "x",
        (CheckStatus::Skipped(_), false) => "◌",
        (CheckStatus::Skipped(_), true) => "-",
        (CheckStatus::Running, false) => "…",
        (CheckStatus::Running, true) => "*",
        (CheckStatus::Pending, false) => "·",
        (CheckStatus::Pending, true) => ".",
    }
}

/// A spinner frame for `phase` (animation ticks).
pub fn spinner(phase: u32, ascii: bool) -> &'static str {
    const FRAMES: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    const ASCII: [&str; 4] = ["|", "/", "-", "\\"];
    let step = (phase / crate::app::SPINNER_TICKS) as usize;
    if ascii {
        ASCII[step % ASCII.len()]
    } else {
        FRAMES[step % FRAMES.len()]
    }
}

/// `head` in front of the first line of `body`, spaces of its width in front of the rest.
fn push_indented(lines: &mut Vec<Line<'static>>, head: &str, body: &[Line<'static>], style: Style) {
    let pad = " ".repeat(head.width());
    for (n, line) in body.iter().enumerate() {
        let lead = if n == 0 { head.to_owned() } else { pad.clone() };
        let mut spans = vec![Span::styled(lead, style)];
        spans.extend(line.spans.iter().map(|s| s.clone().patch_style(style)));
        lines.push(Line::from(spans));
    }
    if body.is_empty() {
        lines.push(Line::styled(head.to_owned(), style));
    }
}

/// Plain text wrapped at word boundaries into `width` columns, each line after `indent`.
pub fn wrap_plain(text: &str, width: u16, style: Style, indent: &str) -> Vec<Line<'static>> {
    if text.is_empty() {
        return Vec::new();
    }
    let room = usize::from(width).saturating_sub(indent.width()).max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let fits = line.is_empty() || line.width() + 1 + word.width() <= room;
            if !fits {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            // A word longer than the line is cut into pieces that fit.
            let mut word = word;
            while word.width() > room {
                let cut = cut_at(word, room.saturating_sub(line.width()).max(1));
                line.push_str(&word[..cut]);
                lines.push(std::mem::take(&mut line));
                word = &word[cut..];
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| Line::from(vec![Span::raw(indent.to_owned()), Span::styled(l, style)]))
        .collect()
}

/// The byte index after the characters of `word` that fit in `cols` columns (at least one
/// character).
fn cut_at(word: &str, cols: usize) -> usize {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cols && i > 0 {
            return i;
        }
        used += w;
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_wraps_at_words_and_cuts_long_ones() {
        let lines = wrap_plain("one two three", 8, Style::new(), "");
        let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["one two", "three"]);
        let long = wrap_plain("abcdefghij", 4, Style::new(), "  ");
        let text: Vec<String> = long.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["  ab", "  cd", "  ef", "  gh", "  ij"]);
        assert!(wrap_plain("", 10, Style::new(), "").is_empty());
    }

    #[test]
    fn every_status_has_its_own_symbol_in_unicode_and_ascii() {
        use crate::core::task::SkipReason;
        let statuses = [
            CheckStatus::Passed,
            CheckStatus::Failing { detail: None },
            CheckStatus::Skipped(SkipReason::NotTrusted),
            CheckStatus::Running,
            CheckStatus::Pending,
        ];
        for ascii in [false, true] {
            let symbols: std::collections::HashSet<&str> =
                statuses.iter().map(|s| symbol(s, ascii)).collect();
            assert_eq!(symbols.len(), statuses.len());
            assert!(symbols.iter().all(|s| s.width() == 1));
        }
    }
}
