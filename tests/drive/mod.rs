//! Drives the player like the runtime does, without a terminal: a terminal event goes through
//! the keymap (keys) or the screen's hit-testing (mouse) to a message, the [`Player`] applies
//! it, and every frame goes through [`Player::frame`] (the one pipeline the runtime uses) into a
//! buffer of the current size.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::Model;
use termcourse::app::Options;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::msg::Msg;
use termcourse::core::course::Course;
use termcourse::core::progress::Progress;
use termcourse::edge::player::Player;
use termcourse::view::screen::Screen;
use termcourse::view::theme::Theme;

/// A terminal event, as the runtime receives them.
#[derive(Debug, Clone)]
pub enum Event {
    Key(Key),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Paste(String),
    Resize(u16, u16),
    /// The animation clock (sent by the runtime only while something moves).
    Tick,
}

pub struct Driver {
    player: Player,
    size: (u16, u16),
}

impl Driver {
    /// The player on `course`, with fresh progress, at `width` x `height`.
    pub fn new(course: Arc<Course>, width: u16, height: u16, theme: Theme) -> Self {
        let options = Options {
            practice: false,
            animate: true,
            ..Options::default()
        };
        let progress = Progress::new(course.id.as_str());
        let model = Model::new(course, progress, &options);
        let mut player = Player::new(model, Screen::new(theme, false));
        // Effects (saving, quitting) are not carried out here.
        drop(player.start());
        Self {
            player,
            size: (width, height),
        }
    }

    fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Applies one event (effects such as saving or quitting are not carried out).
    pub fn event(&mut self, event: &Event) {
        let area = self.area();
        let model = self.player.model();
        let msg = match event {
            Event::Key(key) => resolve(model.key_mode(), *key),
            Event::Click(x, y) => self.player.screen().click(model, area, *x, *y),
            Event::Wheel(x, y, down) => self.player.screen().wheel(model, area, *x, *y, *down),
            Event::Paste(text) => Some(Msg::Paste(text.clone())),
            Event::Resize(w, h) => {
                self.size = (*w, *h);
                Some(Msg::Resize(*w, *h))
            }
            Event::Tick => model.next_tick().map(Msg::Tick),
        };
        if let Some(msg) = msg {
            drop(self.player.dispatch(msg));
        }
    }

    /// Draws a frame the way the runtime does, and returns it.
    pub fn frame(&mut self) -> Buffer {
        let area = self.area();
        let mut buf = Buffer::empty(area);
        self.player.frame(area, &mut buf);
        buf
    }
}
