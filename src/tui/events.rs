//! Terminal events → actions: keys through the keymap, mouse and resize
//! directly. Pure, so it is tested without a terminal.

use crate::app::{Action, Key, KeyCode, Keymap, Mode};
use ratatui::crossterm::event::{
    Event, KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The action an event asks for, if any.
pub fn to_action(event: Event, mode: Mode, keymap: &Keymap) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => keymap.resolve(mode, to_key(k)?),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(MouseEvent { kind, column: x, row: y, .. }) => match kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, delta: 1 }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, delta: -1 }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
            _ => None,
        },
        _ => None,
    }
}

fn to_key(k: KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let code = match k.code {
        // Shift is already in the character (`G`, `?`); Ctrl keys are lowercase.
        CtKey::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Enter => KeyCode::Enter,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Delete => KeyCode::Delete,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key { code, ctrl, alt })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: CtKey, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
    }

    #[test]
    fn keys_go_through_the_keymap() {
        let km = Keymap::default();
        let a = |e| to_action(e, Mode::Normal, &km);
        assert_eq!(a(key(CtKey::Char('j'), KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(a(key(CtKey::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(a(key(CtKey::Char('D'), KeyModifiers::CONTROL)), Some(Action::HalfPageDown));
        assert_eq!(a(key(CtKey::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(a(key(CtKey::Enter, KeyModifiers::NONE)), Some(Action::Open));
        assert_eq!(a(key(CtKey::Null, KeyModifiers::NONE)), None);
    }

    #[test]
    fn releases_are_ignored() {
        let km = Keymap::default();
        let release = Event::Key(KeyEvent {
            code: CtKey::Char('q'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        assert_eq!(to_action(release, Mode::Normal, &km), None);
    }

    #[test]
    fn mouse_and_resize() {
        let km = Keymap::default();
        let m = |kind| Event::Mouse(MouseEvent { kind, column: 3, row: 4, modifiers: KeyModifiers::NONE });
        assert_eq!(
            to_action(m(MouseEventKind::ScrollDown), Mode::Normal, &km),
            Some(Action::Wheel { x: 3, y: 4, delta: 1 })
        );
        assert_eq!(
            to_action(m(MouseEventKind::Down(MouseButton::Left)), Mode::Normal, &km),
            Some(Action::Click { x: 3, y: 4 })
        );
        assert_eq!(to_action(m(MouseEventKind::Moved), Mode::Normal, &km), None);
        assert_eq!(to_action(Event::Resize(80, 24), Mode::Normal, &km), Some(Action::Resize(80, 24)));
    }
}
