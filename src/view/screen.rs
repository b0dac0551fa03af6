//! The whole player screen: [`Screen`] owns the theme, the glyph set, the per-step cache and
//! the code colours, and draws a `&Model` into a buffer. It is the one renderer behind the
//! terminal, the headless renderer and the tests, all of which drive it through
//! `edge::player::Player`.
//!
//! A frame is produced in three steps: [`Screen::prepare`] refreshes the caches if the step,
//! the pane widths or the course changed (the only mutation, and of the screen, never the
//! model); [`Screen::measure`] reports content against viewport sizes so the caller can feed
//! them back to `update` as `Msg::Measured`; [`Screen::draw_buffer`] paints.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use crate::app::msg::Msg;
use crate::app::{Extent, Focus, MatrixShape, Metrics, Model};
use crate::view::colours::{Colouring, Colours};
use crate::view::highlight::{CodeBlock, Coloured};
use crate::view::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, Wants, layout, too_small};
use crate::view::markdown::LineKind;
use crate::view::overlay::{self, Cx};
use crate::view::prepared::{CacheKey, OverlayKey, OverlayText, Prepared};
use crate::view::split::NodeWidths;
use crate::view::theme::Theme;
use crate::view::too_small::TooSmall;
use crate::view::{bash_pane, footer, header, narration, pane, quiz, task};

pub struct Screen {
    pub theme: Theme,
    /// ASCII symbols and borders instead of Unicode ones.
    pub ascii: bool,
    /// Draw no `PRACTICE` badge: headless scenes open everything only to reach any step, and
    /// must look exactly like the player.
    pub hide_badge: bool,
    /// Draw an open overlay over a neutral background: no step and no position in the header
    /// (headless snapshots of the screens, which then change only when the screen does).
    pub neutral: bool,
    prepared: Prepared,
    overlay_text: OverlayText,
    colours: Colours,
    node_widths: NodeWidths,
}

impl Screen {
    /// A screen that colours code on the spot (deterministic: headless rendering, tests).
    pub fn new(theme: Theme, ascii: bool) -> Self {
        Self::with_colouring(theme, ascii, Colours::inline().colouring())
    }

    /// A screen that gets code colours as `colouring` says; the player's is
    /// [`Colouring::Deferred`], with a highlighter thread answering [`Screen::take_wanted`].
    pub fn with_colouring(theme: Theme, ascii: bool, colouring: Colouring) -> Self {
        Self {
            theme,
            ascii,
            hide_badge: false,
            neutral: false,
            prepared: Prepared::default(),
            overlay_text: OverlayText::default(),
            colours: Colours::new(colouring),
            node_widths: NodeWidths::default(),
        }
    }

    /// Where code colours come from.
    pub fn colouring(&self) -> Colouring {
        self.colours.colouring()
    }

    /// The layout of a frame of `area` for the model's current step. A step whose activity is
    /// a quiz alone is laid out by how many rows its narration and quiz want (from the
    /// prepared cache, whose widths do not depend on those rows: both panes are full width).
    pub fn areas(&self, model: &Model, area: Rect) -> Areas {
        let panes = model.panes();
        let entries = model.step_ref().map_or(&[][..], |s| s.bash.as_slice());
        let (bash, quiz, task) = (
            panes.contains(&Focus::Bash),
            panes.contains(&Focus::Quiz),
            panes.contains(&Focus::Task),
        );
        // Beside a bash pane, the split is the node's (it stays put from step to step).
        // A task step keeps its own (its bash pane shows only the checks' output, and appears
        // when they run: taking the node's widths then would move the split under the learner).
        let node = (bash && !task).then(|| self.node_widths.get(model));
        let quiz_rows = (quiz && !bash && !task).then(|| {
            let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
            (
                to_u16(self.prepared.narration.height()),
                to_u16(quiz::content_rows(model, &self.prepared.quiz, &self.look())),
            )
        });
        layout(
            area,
            &Wants {
                bash,
                quiz,
                task,
                notice: model.notice.is_some(),
                bash_widths: node
                    .as_ref()
                    .map_or_else(|| bash_pane::wanted_widths(entries), |n| n.bash.clone()),
                narration_width: node.as_ref().map_or_else(
                    || model.step_ref().map_or(0, narration::wanted_width),
                    |n| n.narration,
                ),
                zoom: model.zoomed(),
                quiz_rows,
            },
        )
    }

    fn cx<'a>(&'a self, model: &'a Model) -> Cx<'a> {
        Cx {
            model,
            theme: &self.theme,
            ascii: self.ascii,
        }
    }

    /// Refreshes the caches for `area` if needed. Returns whether the step was laid out again.
    pub fn prepare(&mut self, model: &Model, area: Rect) -> bool {
        self.node_widths.refresh(model);
        let areas = self.areas(model, area);
        // A pane hidden by a zoomed one keeps its layout, ready for when it comes back.
        let kept = self.prepared.key.filter(|k| {
            k.revision == model.revision && k.node == model.node && k.step == model.step
        });
        let narration_width = if areas.narration.is_empty() {
            kept.map_or(0, |k| k.narration_width)
        } else {
            pane::inner(areas.narration).width
        };
        let quiz_width = match areas.quiz {
            Some(q) => pane::inner(q).width,
            None => kept.map_or(0, |k| k.quiz_width),
        };
        let task_width = match areas.task {
            Some(t) => pane::inner(t).width,
            None => kept.map_or(0, |k| k.task_width),
        };
        let key = CacheKey {
            revision: model.revision,
            node: model.node,
            step: model.step,
            narration_width,
            quiz_width,
            task_width,
            theme: self.theme.kind,
            ascii: self.ascii,
            reveal_open: model.reveal_open(),
        };
        let cx = Cx {
            model,
            theme: &self.theme,
            ascii: self.ascii,
        };
        let request = model
            .overlay
            .as_ref()
            .and_then(|o| overlay::text(o, cx, areas.body).map(|r| (o.kind(), r)));
        let overlay_key = request.as_ref().map(|(kind, r)| OverlayKey {
            kind: *kind,
            entry: r.entry,
            width: r.width,
            theme: self.theme.kind,
            revision: model.revision,
        });
        let request = request.map(|(_, r)| r);
        self.overlay_text
            .refresh(overlay_key, request, &self.theme, &mut self.colours);
        self.prepared
            .refresh(model, key, &self.theme, &mut self.colours)
    }

    /// Code blocks drawn without their colours since the last call, for the highlighter.
    pub fn take_wanted(&mut self) -> Vec<CodeBlock> {
        self.colours.take_wanted()
    }

    /// Takes in a code block's colours; returns whether the screen must be drawn again (the
    /// next [`Screen::prepare`] lays out again with them).
    pub fn coloured(&mut self, coloured: Coloured) -> bool {
        let ours = coloured.block.theme == self.theme.kind;
        if self.colours.insert(coloured) && ours {
            self.prepared.invalidate();
            self.overlay_text.invalidate();
            true
        } else {
            false
        }
    }

    /// Content and viewport sizes of the scrollable panes at `area`.
    pub fn measure(&self, model: &Model, area: Rect) -> Metrics {
        let areas = self.areas(model, area);
        let inner = pane::inner(areas.narration);
        let doc = &self.prepared.narration;
        let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let bash = areas.bash.map_or_else(Default::default, |r| {
            bash_pane::measure(model, &self.theme, self.ascii, r)
        });
        let (quiz_extent, quiz_target) = areas.quiz.map_or((Extent::default(), None), |r| {
            quiz::measure(model, &self.prepared.quiz, &self.look(), r)
        });
        Metrics {
            narration: Extent {
                content: to_u16(doc.height()),
                view: inner.height,
            },
            code_cols: Extent {
                content: to_u16(doc.max_code_width()),
                view: inner.width,
            },
            bash: bash.0,
            bash_cols: bash.1,
            quiz: quiz_extent,
            quiz_target,
            task: areas.task.map_or_else(Extent::default, |r| {
                task::measure(model, &self.prepared.task, &self.task_look(), r)
            }),
            overlay: model.overlay.as_ref().map_or_else(Extent::default, |o| {
                overlay::extent(o, self.cx(model), areas.body, &self.overlay_text.lines)
            }),
            matrix: model.overlay.as_ref().map_or(MatrixShape::default(), |o| {
                overlay::matrix_shape(o, self.cx(model), areas.body)
            }),
        }
    }

    fn task_look(&self) -> task::Look<'_> {
        task::Look {
            theme: &self.theme,
            ascii: self.ascii,
        }
    }

    fn look(&self) -> quiz::Look<'_> {
        quiz::Look {
            theme: &self.theme,
            ascii: self.ascii,
        }
    }

    /// Draws the model into `buf` at `area`, which must be blank (as ratatui's frame buffers
    /// are: the terminal resets them after each flush). Call [`Screen::prepare`] first for
    /// the same area.
    pub fn draw_buffer(&self, model: &Model, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            TooSmall {
                min_width: MIN_WIDTH,
                min_height: MIN_HEIGHT,
                hint: "Enlarge the window, or press q to quit.",
                theme: &self.theme,
            }
            .render(area, buf);
            return;
        }
        let areas = self.areas(model, area);
        let theme = &self.theme;
        let neutral = self.neutral && model.overlay.is_some();
        header::render(model, theme, !neutral, areas.header, buf);
        if !neutral {
            self.draw_step(model, &areas, buf);
        }
        if let Some(open) = &model.overlay {
            let text = &self.overlay_text.lines;
            overlay::draw(open, self.cx(model), areas.body, text, buf);
        }
        if let Some(r) = areas.notice {
            footer::render_notice(model, theme, r, buf);
        }
        footer::render(model, theme, !self.hide_badge, areas.footer, buf);
    }

    /// The step's panes.
    fn draw_step(&self, model: &Model, areas: &Areas, buf: &mut Buffer) {
        let theme = &self.theme;
        if !areas.narration.is_empty() {
            narration::render(
                model,
                &self.prepared.narration,
                theme,
                self.ascii,
                areas.narration,
                buf,
            );
        }
        if let Some(r) = areas.bash {
            bash_pane::render(model, theme, self.ascii, r, buf);
        }
        if let Some(r) = areas.quiz {
            quiz::render(model, &self.prepared.quiz, &self.look(), r, buf);
        }
        if let Some(r) = areas.task {
            task::render(model, &self.prepared.task, &self.task_look(), r, buf);
        }
    }

    /// What a mouse click at (col, row) means: on a quiz choice, picking it (focusing the
    /// quiz first); on a reveal block's title (`▸ title`), opening or closing the step's
    /// blocks; on a pane, focusing it; on an overlay's node or row, selecting (or opening) it.
    pub fn click(&self, model: &Model, area: Rect, col: u16, row: u16) -> Option<Msg> {
        if too_small(area) {
            return None;
        }
        let areas = self.areas(model, area);
        if let Some(open) = &model.overlay {
            return overlay::hit(open, self.cx(model), areas.body, Position::new(col, row));
        }
        let pane = areas.pane_at(col, row)?;
        if pane == Focus::Narration && self.reveal_at(model, areas.narration, row) {
            return Some(Msg::Act(crate::app::msg::Action::ToggleReveal));
        }
        if pane == Focus::Quiz && model.focus == Focus::Quiz {
            let quiz_area = areas.quiz?;
            let choice = quiz::choice_at(model, &self.prepared.quiz, &self.look(), quiz_area, row);
            if let Some(i) = choice {
                return Some(Msg::Pick(i));
            }
        }
        Some(Msg::FocusPane(pane))
    }

    /// Whether narration row `row` (a terminal row inside `area`) shows a reveal block's title.
    fn reveal_at(&self, model: &Model, area: Rect, row: u16) -> bool {
        let inner = pane::inner(area);
        if row < inner.y || row >= inner.bottom() {
            return false;
        }
        let index = usize::from(row - inner.y) + usize::from(model.scroll.narration);
        self.prepared
            .narration
            .lines
            .get(index)
            .is_some_and(|l| l.kind == LineKind::Reveal)
    }

    /// What a mouse wheel turn at (col, row) means, if anything: over an overlay, the overlay
    /// decides (its list or its text moves); else the pane under the pointer scrolls.
    pub fn wheel(&self, model: &Model, area: Rect, col: u16, row: u16, down: bool) -> Option<Msg> {
        if model.overlay.is_some() {
            return Some(Msg::Scroll {
                pane: model.focus,
                down,
            });
        }
        self.areas(model, area)
            .pane_at(col, row)
            .map(|pane| Msg::Scroll { pane, down })
    }

    /// The open overlay's markdown as laid out by the cache, and for which entry (tests).
    #[cfg(test)]
    pub(crate) fn overlay_text(&self) -> (Option<OverlayKey>, &[ratatui::text::Line<'static>]) {
        (self.overlay_text.key, &self.overlay_text.lines)
    }
}
