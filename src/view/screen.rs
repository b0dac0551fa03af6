//! The whole player screen: [`Screen`] owns the theme, the glyph set and the per-step cache, and
//! draws a `&Model` into a frame. It is the one renderer behind the terminal, the headless
//! renderer and the tests.
//!
//! A frame is produced in three steps: [`Screen::prepare`] refreshes the cache if the step or
//! the pane widths changed (the only mutation, and of the screen, never the model);
//! [`Screen::measure`] reports content against viewport sizes so the caller can feed them back
//! to `update` as `Msg::Measured`; [`Screen::draw`] paints.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::msg::Msg;
use crate::app::{Extent, Focus, Metrics, Model, Overlay};
use crate::view::layout::{Areas, MIN_HEIGHT, MIN_WIDTH, layout, too_small};
use crate::view::overlay::TooSmall;
use crate::view::prepared::{CacheKey, OverlayKey, OverlayText, Prepared};
use crate::view::theme::Theme;
use crate::view::{bash_pane, footer, header, narration, pane, quiz};

mod overlay;

pub struct Screen {
    pub theme: Theme,
    /// ASCII symbols and borders instead of Unicode ones.
    pub ascii: bool,
    /// Draw no `PRACTICE` badge: headless scenes open everything only to reach any step, and
    /// must look exactly like the player.
    pub hide_badge: bool,
    prepared: Prepared,
    overlay_text: OverlayText,
}

impl Screen {
    pub fn new(theme: Theme, ascii: bool) -> Self {
        Self {
            theme,
            ascii,
            hide_badge: false,
            prepared: Prepared::default(),
            overlay_text: OverlayText::default(),
        }
    }

    /// The layout of a frame of `area` for the model's current step.
    pub fn areas(model: &Model, area: Rect) -> Areas {
        let panes = model.panes();
        layout(
            area,
            panes.contains(&Focus::Bash),
            panes.contains(&Focus::Quiz),
            model.notice.is_some(),
        )
    }

    /// Refreshes the per-step cache for `area` if needed. Returns whether it rebuilt.
    pub fn prepare(&mut self, model: &Model, area: Rect) -> bool {
        let areas = Self::areas(model, area);
        let key = CacheKey {
            node: model.node,
            step: model.step,
            narration_width: pane::inner(areas.narration).width,
            quiz_width: areas.quiz.map_or(0, |q| pane::inner(q).width),
            theme: self.theme.kind,
            ascii: self.ascii,
        };
        let overlay_key = overlay::text_key(model, areas.body).map(|(entry, width)| OverlayKey {
            entry,
            width,
            theme: self.theme.kind,
        });
        self.overlay_text.refresh(model, overlay_key, &self.theme);
        self.prepared.refresh(model, key, &self.theme)
    }

    /// Content and viewport sizes of the scrollable panes at `area`.
    pub fn measure(&self, model: &Model, area: Rect) -> Metrics {
        let areas = Self::areas(model, area);
        let inner = pane::inner(areas.narration);
        let doc = &self.prepared.narration;
        let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        Metrics {
            narration: Extent {
                content: to_u16(doc.height()),
                view: inner.height,
            },
            code_cols: Extent {
                content: to_u16(doc.max_code_width()),
                view: inner.width,
            },
            bash: areas.bash.map_or_else(Extent::default, |r| {
                bash_pane::measure(model, &self.theme, self.ascii, r)
            }),
            quiz: areas.quiz.map_or_else(Extent::default, |r| {
                quiz::measure(model, &self.prepared.quiz, &self.look(), r)
            }),
            overlay: overlay::extent(model, &self.overlay_text.lines, areas.body),
        }
    }

    fn look(&self) -> quiz::Look<'_> {
        quiz::Look {
            theme: &self.theme,
            ascii: self.ascii,
        }
    }

    /// Draws the model. Call [`Screen::prepare`] first for the same area.
    pub fn draw(&self, model: &Model, frame: &mut Frame) {
        self.draw_buffer(model, frame.area(), frame.buffer_mut());
    }

    /// Draws the model into `buf` at `area`, which must be blank (as ratatui's frame buffers
    /// are: the terminal resets them after each flush).
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
        let areas = Self::areas(model, area);
        let theme = &self.theme;
        header::render(model, theme, areas.header, buf);
        narration::render(
            model,
            &self.prepared.narration,
            theme,
            self.ascii,
            areas.narration,
            buf,
        );
        if let Some(r) = areas.bash {
            bash_pane::render(model, theme, self.ascii, r, buf);
        }
        if let Some(r) = areas.quiz {
            quiz::render(model, &self.prepared.quiz, &self.look(), r, buf);
        }
        if model.overlay.is_some() {
            let text = &self.overlay_text.lines;
            overlay::render(model, text, theme, self.ascii, areas.body, buf);
        }
        if let Some(r) = areas.notice {
            footer::render_notice(model, theme, r, buf);
        }
        footer::render(model, theme, !self.hide_badge, areas.footer, buf);
    }

    /// What a mouse click at (col, row) means: on a quiz choice, picking it (focusing the
    /// quiz first); on a pane, focusing it; on an overlay's node or row, selecting (or opening)
    /// it.
    pub fn click(&self, model: &Model, area: Rect, col: u16, row: u16) -> Option<Msg> {
        if too_small(area) {
            return None;
        }
        let areas = Self::areas(model, area);
        if model.overlay.is_some() {
            return overlay::click(model, self.ascii, areas.body, (col, row));
        }
        let pane = areas.pane_at(col, row)?;
        if pane == Focus::Quiz && model.focus == Focus::Quiz {
            let quiz_area = areas.quiz?;
            let choice = quiz::choice_at(model, &self.prepared.quiz, &self.look(), quiz_area, row);
            if let Some(i) = choice {
                return Some(Msg::Pick(i));
            }
        }
        Some(Msg::FocusPane(pane))
    }

    /// What a mouse wheel turn at (col, row) means, if anything.
    pub fn wheel(model: &Model, area: Rect, col: u16, row: u16, down: bool) -> Option<Msg> {
        if matches!(
            model.overlay,
            Some(Overlay::Faq { .. } | Overlay::Help { .. })
        ) {
            return Some(Msg::Scroll {
                pane: model.focus,
                down,
            });
        }
        if model.overlay.is_some() {
            let action = if down {
                crate::app::msg::Action::CursorDown
            } else {
                crate::app::msg::Action::CursorUp
            };
            return Some(Msg::Act(action));
        }
        Self::areas(model, area)
            .pane_at(col, row)
            .map(|pane| Msg::Scroll { pane, down })
    }
}

#[cfg(test)]
mod tests;
