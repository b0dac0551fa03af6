//! Drives the player like the runtime does, without a terminal: a terminal event goes through
//! the keymap (keys) or the screen's hit-testing (mouse) to a message, `update` applies it, and
//! every frame is prepared, measured (fed back as `Msg::Measured`) and drawn into a
//! `TestBackend` of the current size.
//!
//! This mirrors `edge::runtime` with today's functions in one place, so that the tests using
//! it switch to a `Player` type wrapping the same sequence by changing this file only.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use termcourse::app::keymap::{Key, resolve};
use termcourse::app::msg::Msg;
use termcourse::app::update::{start, update};
use termcourse::app::{Model, Options};
use termcourse::core::course::Course;
use termcourse::core::progress::Progress;
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

pub struct Driver<'c> {
    pub model: Model<'c>,
    screen: Screen,
    size: (u16, u16),
}

impl<'c> Driver<'c> {
    /// The player on `course`, with fresh progress, at `width` x `height`.
    pub fn new(course: &'c Course, width: u16, height: u16, theme: Theme) -> Self {
        let options = Options {
            practice: false,
            animate: true,
            node: None,
            step: None,
            notice: None,
        };
        let mut model = Model::new(course, Progress::new(course.id.as_str()), &options);
        let _ = start(&mut model);
        Self {
            model,
            screen: Screen::new(theme, false),
            size: (width, height),
        }
    }

    fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Applies one event (effects such as saving or quitting are not carried out).
    pub fn event(&mut self, event: &Event) {
        let area = self.area();
        let msg = match event {
            Event::Key(key) => resolve(self.model.key_mode(), *key),
            Event::Click(x, y) => self.screen.click(&self.model, area, *x, *y),
            Event::Wheel(x, y, down) => Screen::wheel(&self.model, area, *x, *y, *down),
            Event::Paste(text) => Some(Msg::Paste(text.clone())),
            Event::Resize(w, h) => {
                self.size = (*w, *h);
                Some(Msg::Resize(*w, *h))
            }
            Event::Tick => self.model.animating().then_some(Msg::Tick),
        };
        if let Some(msg) = msg {
            let _ = update(&mut self.model, msg);
        }
    }

    /// Draws a frame the way the runtime does, and returns it.
    pub fn frame(&mut self) -> Buffer {
        let area = self.area();
        if self.model.size != self.size {
            let _ = update(&mut self.model, Msg::Resize(self.size.0, self.size.1));
        }
        self.screen.prepare(&self.model, area);
        let metrics = self.screen.measure(&self.model, area);
        if metrics != self.model.metrics {
            let _ = update(&mut self.model, Msg::Measured(metrics));
        }
        let mut terminal = match Terminal::new(TestBackend::new(self.size.0, self.size.1)) {
            Ok(terminal) => terminal,
            Err(err) => panic!("test backend: {err}"),
        };
        let drawn = terminal.draw(|frame| self.screen.draw(&self.model, frame));
        if let Err(err) = drawn {
            panic!("drawing failed: {err}");
        }
        terminal.backend().buffer().clone()
    }
}
