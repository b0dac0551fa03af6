//! The per-step, per-width cache: markdown laid out and code coloured once, reused by every
//! frame until the step, the pane widths, the theme or the course change (or code colours
//! arrive, see [`crate::view::colours`]); and the same for the markdown the open overlay shows.
//!
//! The cache is owned by [`super::screen::Screen`], which the runtime (or the headless renderer)
//! owns and refreshes before drawing; the model never holds layout, and drawing never mutates
//! anything (no `Cell`/`RefCell`), because the refresh is a separate `&mut` step.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::app::overlay::OverlayKind;
use crate::core::course::{QuizKind, Step};
use crate::view::colours::Colours;
use crate::view::markdown::{self, DocLine, Document, LineKind};
use crate::view::overlay::TextRequest;
use crate::view::theme::{Theme, ThemeKind};

/// What a cache entry was built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheKey {
    /// `Model::revision`: which course.
    pub revision: u64,
    pub node: usize,
    pub step: usize,
    pub narration_width: u16,
    pub quiz_width: u16,
    pub task_width: u16,
    pub theme: ThemeKind,
    pub ascii: bool,
    /// The step's reveal blocks are open.
    pub reveal_open: bool,
}

/// Markdown of one quiz laid out for the quiz pane.
#[derive(Debug, Clone, Default)]
pub struct QuizText {
    pub question: Vec<Line<'static>>,
    /// Per choice (or per `order` item): its text, wrapped.
    pub options: Vec<Vec<Line<'static>>>,
    /// Per choice: its `why`, wrapped (empty when the author gave none).
    pub whys: Vec<Vec<Line<'static>>>,
    pub hints: Vec<Vec<Line<'static>>>,
    pub explain: Vec<Line<'static>>,
    /// The verdict after a wrong answer, wrapped.
    pub retry: Vec<Line<'static>>,
}

/// Markdown of one task laid out for the task pane.
#[derive(Debug, Clone, Default)]
pub struct TaskText {
    pub goal: Vec<Line<'static>>,
    /// Per check: its message, wrapped after the check's symbol.
    pub messages: Vec<Vec<Line<'static>>>,
    /// Per check: its hint (empty without one), wrapped after `hint: `.
    pub hints: Vec<Vec<Line<'static>>>,
}

/// What the quiz pane says after a wrong answer.
const RETRY: &str = "**✗ Not quite.** Change your answer and press Enter to retry.";

/// Which overlay's markdown is laid out, for which entry, width, look and course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverlayKey {
    pub kind: OverlayKind,
    pub entry: usize,
    pub width: u16,
    pub theme: ThemeKind,
    pub revision: u64,
}

/// The open overlay's markdown, laid out once per entry and width (not per frame).
#[derive(Debug, Clone, Default)]
pub struct OverlayText {
    pub key: Option<OverlayKey>,
    pub lines: Vec<Line<'static>>,
}

impl OverlayText {
    /// Lays out what `request` asks for unless the cache holds it; `None` empties the cache.
    pub fn refresh(
        &mut self,
        key: Option<OverlayKey>,
        request: Option<TextRequest<'_>>,
        theme: &Theme,
        colours: &mut Colours,
    ) {
        if self.key == key {
            return;
        }
        self.lines = match request {
            Some(request) => {
                let mut lines = request.heading;
                let md = request.markdown;
                lines.extend(markdown::to_lines(md, request.width.max(1), theme, colours));
                lines
            }
            None => Vec::new(),
        };
        self.key = key;
    }

    /// Drops the layout, so the next refresh lays out again.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

/// The cache for one step at one size.
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    pub key: Option<CacheKey>,
    /// Step title, `SYS_MSG` box and body, as one scrollable document.
    pub narration: Document,
    pub quiz: QuizText,
    pub task: TaskText,
}

/// Columns the choice marker takes in front of a choice's text (`❯ 1 (•) `).
pub const OPTION_INDENT: u16 = 8;

impl Prepared {
    /// Rebuilds the cache if `key` differs from what it holds. Returns whether it rebuilt.
    pub fn refresh(
        &mut self,
        model: &Model,
        key: CacheKey,
        theme: &Theme,
        colours: &mut Colours,
    ) -> bool {
        if self.key == Some(key) {
            return false;
        }
        let Some(step) = model.step_ref() else {
            *self = Self::default();
            return true;
        };
        let look = Look {
            theme,
            ascii: key.ascii,
            open: key.reveal_open,
        };
        self.narration = narration(step, key.narration_width, &look, colours);
        self.quiz = quiz_text(step, key.quiz_width, &look, colours);
        self.task = task_text(step, key.task_width, &look, colours);
        self.key = Some(key);
        true
    }

    /// Drops the layout, so the next refresh lays the step out again.
    pub fn invalidate(&mut self) {
        self.key = None;
    }
}

/// The widest content of a `SYS_MSG` box of `text` in a narration `width` columns wide that is
/// cut to fit, reveal blocks open (see [`Document::cut`]): for measuring (`view::fit`).
pub(crate) fn sys_msg_cut(text: &str, width: u16, theme: &Theme, colours: &mut Colours) -> usize {
    let look = Look {
        theme,
        ascii: false,
        open: true,
    };
    sys_msg_box(text, width, &look, colours).cut
}

/// How a step's text is laid out besides its width.
struct Look<'t> {
    theme: &'t Theme,
    ascii: bool,
    /// Reveal blocks open.
    open: bool,
}

fn narration(step: &Step, width: u16, look: &Look, colours: &mut Colours) -> Document {
    let theme = look.theme;
    let title = format!("## {}", escape(&step.title));
    let mut lines = markdown::render(&title, width, theme, colours).lines;
    let mut cut = 0;
    if let Some(sys) = &step.sys_msg {
        lines.push(blank());
        let sys = sys_msg_box(sys, width, look, colours);
        lines.extend(sys.lines);
        cut = sys.cut;
    }
    if let Some(body) = &step.body {
        lines.push(blank());
        let body = markdown::render_revealed(body, width, theme, colours, look.open);
        lines.extend(body.lines);
        cut = cut.max(body.cut);
    }
    Document { lines, cut }
}

fn blank() -> DocLine {
    prose(Vec::new(), Vec::new())
}

fn prose(prefix: Vec<Span<'static>>, body: Vec<Span<'static>>) -> DocLine {
    DocLine {
        kind: LineKind::Prose,
        prefix,
        body,
        style: ratatui::style::Style::new(),
    }
}

/// The `SYS_MSG` box as lines, so it scrolls with the body. Its code does not scroll sideways
/// (the box's border would move with it): code wider than the box counts as cut.
fn sys_msg_box(text: &str, width: u16, look: &Look, colours: &mut Colours) -> Document {
    let theme = look.theme;
    let w = usize::from(width);
    if w < 6 {
        return markdown::render_revealed(text, width, theme, colours, look.open);
    }
    let (tl, tr, bl, br, h, v) = if look.ascii {
        ("+", "+", "+", "+", "-", "|")
    } else {
        ("╭", "╮", "╰", "╯", "─", "│")
    };
    let border = theme.sys_msg_border;
    let label = " SYS_MSG ";
    let fill = w.saturating_sub(3 + label.width());
    let mut out = vec![prose(
        Vec::new(),
        vec![
            Span::styled(format!("{tl}{h}"), border),
            Span::styled(label, theme.sys_msg_label),
            Span::styled(format!("{}{tr}", h.repeat(fill)), border),
        ],
    )];
    let inner = width.saturating_sub(4);
    let laid_out = markdown::render_revealed(text, inner, theme, colours, look.open);
    let visible = markdown::visible_lines(&laid_out, 0, inner, theme);
    for (line, doc_line) in visible.into_iter().zip(&laid_out.lines) {
        let pad = usize::from(inner).saturating_sub(line.width());
        let mut body = vec![Span::styled(format!("{v} "), border)];
        body.extend(line.spans);
        body.push(Span::raw(" ".repeat(pad)));
        body.push(Span::styled(format!(" {v}"), border));
        // A reveal title stays one, so a click on it opens the blocks.
        let kind = match doc_line.kind {
            LineKind::Reveal => LineKind::Reveal,
            LineKind::Prose | LineKind::Code => LineKind::Prose,
        };
        out.push(DocLine {
            kind,
            ..prose(Vec::new(), body)
        });
    }
    out.push(prose(
        Vec::new(),
        vec![Span::styled(
            format!("{bl}{}{br}", h.repeat(w.saturating_sub(2))),
            border,
        )],
    ));
    // In columns of the narration: the box adds two on each side.
    let code = laid_out.max_code_width();
    let widest_cut = if code > usize::from(inner) {
        code.max(laid_out.cut)
    } else {
        laid_out.cut
    };
    Document {
        lines: out,
        cut: if widest_cut > 0 { widest_cut + 4 } else { 0 },
    }
}

fn quiz_text(step: &Step, width: u16, look: &Look, colours: &mut Colours) -> QuizText {
    let Some(quiz) = &step.quiz else {
        return QuizText::default();
    };
    let theme = look.theme;
    let mut lines =
        |md: &str, w: u16| markdown::to_lines_revealed(md, w.max(1), theme, colours, look.open);
    let option_width = width.saturating_sub(OPTION_INDENT);
    let (options, whys) = match &quiz.kind {
        QuizKind::Single { choices } | QuizKind::Multi { choices } => (
            choices
                .iter()
                .map(|c| lines(&c.text, option_width))
                .collect(),
            choices
                .iter()
                .map(|c| {
                    c.why
                        .as_deref()
                        .map_or_else(Vec::new, |w| lines(w, option_width))
                })
                .collect(),
        ),
        QuizKind::Order { items } => (
            items.iter().map(|i| lines(i, option_width)).collect(),
            Vec::new(),
        ),
        QuizKind::Text { .. } => (Vec::new(), Vec::new()),
    };
    QuizText {
        question: lines(&quiz.question, width),
        options,
        whys,
        // Wrapped to fit beside their `hint N: ` label, which the pane puts in front of the
        // first line (and its width of spaces in front of the others).
        hints: quiz
            .hints
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let label = crate::view::quiz::hint_label(i).width();
                lines(
                    h,
                    width.saturating_sub(u16::try_from(label).unwrap_or(u16::MAX)),
                )
            })
            .collect(),
        explain: quiz
            .explain
            .as_deref()
            .map_or_else(Vec::new, |e| lines(e, width)),
        retry: lines(RETRY, width)
            .into_iter()
            .map(|l| l.patch_style(theme.error))
            .collect(),
    }
}

/// Whether any of the step's markdown has a reveal block (`<details>`) for `o` to open.
pub fn step_has_reveal(step: &Step) -> bool {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(step.sys_msg.as_deref());
    texts.extend(step.body.as_deref());
    if let Some(quiz) = &step.quiz {
        texts.push(&quiz.question);
        texts.extend(quiz.explain.as_deref());
        texts.extend(quiz.hints.iter().map(String::as_str));
        match &quiz.kind {
            QuizKind::Single { choices } | QuizKind::Multi { choices } => {
                for choice in choices {
                    texts.push(&choice.text);
                    texts.extend(choice.why.as_deref());
                }
            }
            QuizKind::Order { items } => texts.extend(items.iter().map(String::as_str)),
            QuizKind::Text { .. } => {}
        }
    }
    if let Some(task) = &step.task {
        texts.push(&task.goal);
        for check in &task.checks {
            texts.push(&check.message);
            texts.extend(check.hint.as_deref());
        }
    }
    texts.into_iter().any(markdown::has_reveal)
}

fn task_text(step: &Step, width: u16, look: &Look, colours: &mut Colours) -> TaskText {
    let Some(task) = &step.task else {
        return TaskText::default();
    };
    let mut lines = |md: &str, w: u16| {
        markdown::to_lines_revealed(md, w.max(1), look.theme, colours, look.open)
    };
    let message_width = width.saturating_sub(crate::view::task::CHECK_INDENT);
    // `    hint: ` in front of a hint.
    let hint_width = width.saturating_sub(10);
    TaskText {
        goal: lines(&task.goal, width),
        messages: task
            .checks
            .iter()
            .map(|c| lines(&c.message, message_width))
            .collect(),
        hints: task
            .checks
            .iter()
            .map(|c| {
                c.hint
                    .as_deref()
                    .map_or_else(Vec::new, |h| lines(h, hint_width))
            })
            .collect(),
    }
}

/// `text` with markdown punctuation escaped, so a title is shown as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
