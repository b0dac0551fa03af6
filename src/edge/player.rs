//! The player: the [`Model`] and the [`Screen`] that draws it, and the one frame pipeline.
//!
//! Every caller that shows the player (the terminal runtime, the headless renderer behind
//! `render` and `snapshot`, the screen tests and the redraw benchmark) goes through
//! [`Player::dispatch`] and [`Player::frame`], so there is one sequence: a message in, its
//! effects out; and for a frame, resize → prepare the screen's caches → measure → feed the
//! measurements back (`Msg::Measured`) → draw.
//!
//! Effects of the messages the player sends itself while framing (`Resize`, `Measured`) are
//! kept and handed out with the next [`Player::dispatch`] or [`Player::take_effects`]; none is
//! ever dropped here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::Model;
use crate::app::effect::Effect;
use crate::app::msg::Msg;
use crate::app::update::{start, update};
use crate::view::highlight::{CodeBlock, Coloured};
use crate::view::screen::Screen;

/// A model and its screen.
pub struct Player {
    model: Model,
    screen: Screen,
    /// Effects of messages sent while framing, not yet handed out.
    outbox: Vec<Effect>,
}

impl Player {
    pub fn new(model: Model, screen: Screen) -> Self {
        Self {
            model,
            screen,
            outbox: Vec::new(),
        }
    }

    /// Records the start position (the first step seen); call once, before the first frame.
    pub fn start(&mut self) -> Vec<Effect> {
        let mut effects = std::mem::take(&mut self.outbox);
        effects.extend(start(&mut self.model));
        effects
    }

    /// Applies `msg` and returns what the outside world must do, including anything left from
    /// framing.
    pub fn dispatch(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = std::mem::take(&mut self.outbox);
        effects.extend(update(&mut self.model, msg));
        effects
    }

    /// Effects produced while framing that no dispatch has handed out yet.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.outbox)
    }

    /// Draws the player into `buf` at `area` (which must be blank, as the terminal's frame
    /// buffers are): tells the model its size, refreshes the screen's caches, feeds back what
    /// the screen measured so scrolling stays bounded, and draws.
    pub fn frame(&mut self, area: Rect, buf: &mut Buffer) {
        self.prepare(area);
        self.screen.draw_buffer(&self.model, area, buf);
    }

    /// Everything [`Player::frame`] does before drawing; afterwards the model is consistent
    /// with `area` (its size and measurements), as drawing and hit-testing expect.
    pub fn prepare(&mut self, area: Rect) {
        if self.model.size != (area.width, area.height) {
            self.send(Msg::Resize(area.width, area.height));
        }
        self.screen.prepare(&self.model, area);
        let metrics = self.screen.measure(&self.model, area);
        if metrics != self.model.metrics {
            self.send(Msg::Measured(metrics));
        }
    }

    fn send(&mut self, msg: Msg) {
        let effects = update(&mut self.model, msg);
        self.outbox.extend(effects);
    }

    /// Code blocks drawn without their colours since the last call: for the highlighter,
    /// when the screen defers colouring.
    pub fn take_wanted(&mut self) -> Vec<CodeBlock> {
        self.screen.take_wanted()
    }

    /// Takes in a code block's colours; returns whether the player must be drawn again.
    pub fn coloured(&mut self, coloured: Coloured) -> bool {
        self.screen.coloured(coloured)
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }
}

#[cfg(test)]
mod tests;
