//! A minimal ratatui program, the yardstick for termcourse's time to first frame (see
//! `benches/first_frame.py`): initialise the terminal, draw one line, wait for a key, restore.

use ratatui::crossterm::event;
use ratatui::text::Line;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let drawn = terminal.draw(|frame| frame.render_widget(Line::from("hello"), frame.area()));
    let waited = drawn.and_then(|_| event::read());
    ratatui::try_restore()?;
    waited.map(|_| ())
}
