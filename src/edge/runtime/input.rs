//! Terminal events → messages: keys through our own `Key` and the keymap, mouse through the
//! screen's layout (the same one that draws), paste and resize directly.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::app::keymap::{Key, resolve};
use crate::app::msg::Msg;
use crate::edge::player::Player;

/// What `event` means to `player`, whose screen is `area`.
pub fn translate(player: &Player, area: Rect, event: &Event) -> Option<Msg> {
    let model = player.model();
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            resolve(model.key_mode(), to_key(key)?)
        }
        Event::Paste(text) => Some(Msg::Paste(text.clone())),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                player.screen().click(model, area, mouse.column, mouse.row)
            }
            MouseEventKind::ScrollDown => {
                player
                    .screen()
                    .wheel(model, area, mouse.column, mouse.row, true)
            }
            MouseEventKind::ScrollUp => {
                player
                    .screen()
                    .wheel(model, area, mouse.column, mouse.row, false)
            }
            _ => None,
        },
        _ => None,
    }
}

/// Our key for a terminal key press; `None` for keys the player never uses.
pub fn to_key(key: &KeyEvent) -> Option<Key> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up if shift => Key::ShiftUp,
        KeyCode::Down if shift => Key::ShiftDown,
        KeyCode::Left if shift => Key::ShiftLeft,
        KeyCode::Right if shift => Key::ShiftRight,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossterm_keys_become_our_keys() {
        let k = |code, mods| to_key(&KeyEvent::new(code, mods));
        assert_eq!(
            k(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Key::Ctrl('c'))
        );
        assert_eq!(
            k(KeyCode::Char('K'), KeyModifiers::SHIFT),
            Some(Key::Char('K'))
        );
        assert_eq!(k(KeyCode::Up, KeyModifiers::SHIFT), Some(Key::ShiftUp));
        assert_eq!(k(KeyCode::F(1), KeyModifiers::NONE), Some(Key::F(1)));
        assert_eq!(k(KeyCode::Insert, KeyModifiers::NONE), None);
    }
}
