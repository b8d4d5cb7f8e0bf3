//! Keys and the keymap: a pure resolver from a key press (in the current
//! input mode) to an [`Action`]. No terminal types: the shell converts its
//! key events into [`Key`]s.

use super::action::{Action, Dir, LineEdit};
use std::fmt;
use std::str::FromStr;

/// A key without modifiers. Shifted characters are their own characters (`G`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character.
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key, F1–F24.
    F(u8),
}

/// A key press: a key and the Ctrl/Alt modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false, alt: false }
    }

    /// A plain character key.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), ctrl: true, alt: false }
    }

    /// A short label for hints and help: `j`, `⏎`, `^d`, `PgDn`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "⏎".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "⌫".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("^{base}"),
            (_, true) => format!("M-{base}"),
            _ => base,
        }
    }
}

/// A key name that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown key `{0}` (examples: j, G, ?, ctrl-d, alt-x, enter, esc, tab, space, up, pgdn, home, f1)")]
pub struct BadKey(pub String);

impl FromStr for Key {
    type Err = BadKey;

    /// Reads config key names: `j`, `G`, `?`, `ctrl-d`, `c-d`, `alt-x`,
    /// `enter`, `esc`, `tab`, `backtab`, `space`, `up`, `pgdn`, `f5`.
    fn from_str(s: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(s.to_string());
        let mut rest = s;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) =
                ["ctrl-", "ctrl+", "c-", "^"].iter().find_map(|p| lower.strip_prefix(p)).filter(|r| !r.is_empty())
            {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) =
                ["alt-", "alt+", "m-", "meta-"].iter().find_map(|p| lower.strip_prefix(p)).filter(|r| !r.is_empty())
            {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" | "ret" | "cr" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "s-tab" | "shift-tab" => KeyCode::BackTab,
                "backspace" | "bs" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "space" | "spc" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    /// The canonical config name, which [`FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("backtab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::F(n) => write!(f, "f{n}"),
        }
    }
}

/// How keys are read right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: keys are looked up in the keymap.
    Normal,
    /// Typing into a prompt (search, note): characters go to the text.
    Prompt,
    /// A list filtered by typing: characters filter, arrows move.
    Filter,
    /// The front page: arrows and `h/j/k/l` move between blocks, the
    /// rest as when reading.
    Front,
}

/// The line-editing key `key` is while typing, as in a shell.
fn line_edit(key: Key) -> Option<LineEdit> {
    use LineEdit::*;
    Some(match (key.code, key.ctrl, key.alt) {
        (KeyCode::Left, false, false) | (KeyCode::Char('b'), true, false) => Left,
        (KeyCode::Right, false, false) | (KeyCode::Char('f'), true, false) => Right,
        (KeyCode::Home, false, false) | (KeyCode::Char('a'), true, false) => Home,
        (KeyCode::End, false, false) | (KeyCode::Char('e'), true, false) => End,
        (KeyCode::Delete, false, false) | (KeyCode::Char('d'), true, false) => Delete,
        (KeyCode::Char('u'), true, false) => KillStart,
        (KeyCode::Char('k'), true, false) => KillEnd,
        (KeyCode::Char('w'), true, false) => KillWord,
        _ => return None,
    })
}

/// Bindings from keys to actions, defaults first and user overrides merged over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use Action::*;
        use KeyCode as K;
        let p = Key::plain;
        let c = Key::char;
        let bindings = vec![
            (c('j'), Down),
            (p(K::Down), Down),
            (c('k'), Up),
            (p(K::Up), Up),
            (c(' '), PageDown),
            (p(K::PageDown), PageDown),
            (c('b'), PageUp),
            (p(K::PageUp), PageUp),
            (Key::ctrl('d'), HalfPageDown),
            (Key::ctrl('u'), HalfPageUp),
            (c('g'), Top),
            (p(K::Home), Top),
            (c('G'), Bottom),
            (p(K::End), Bottom),
            (p(K::Enter), Open),
            (c('l'), Open),
            (p(K::Right), Open),
            (c('h'), Back),
            (p(K::Left), Back),
            (p(K::Esc), Back),
            (p(K::Tab), SwitchPane),
            (p(K::BackTab), SwitchPane),
            (c(']'), NextArticle),
            (c('['), PrevArticle),
            (c('}'), NextSection),
            (c('{'), PrevSection),
            (c('u'), NextUnread),
            (c('>'), NextIssue),
            (c('<'), PrevIssue),
            (c('/'), Search),
            (c('n'), SearchNext),
            (c('N'), SearchPrev),
            (c('m'), ToggleBookmark),
            (c('B'), Bookmarks),
            (c('i'), Issues),
            (c('S'), ArchiveSearch),
            (Key::ctrl('f'), ArchiveSearch),
            (c('d'), DeleteBookmark),
            (c('e'), EditNote),
            (c('r'), ToggleRead),
            (c('+'), Wider),
            (c('='), Wider),
            (c('-'), Narrower),
            (c('T'), CycleScript),
            (c('o'), FrontPage),
            (c('x'), Export),
            (c('|'), Pipe),
            (c('?'), Help),
            (c('q'), Quit),
            (Key::ctrl('c'), Quit),
            (Key::ctrl('z'), Suspend),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// Replaces the keys of the given actions (`toggle_bookmark = ["m", "ctrl-b"]`);
    /// a key taken from another action moves to the new one.
    pub fn rebind(&mut self, action: Action, keys: &[Key]) {
        self.bindings.retain(|(k, a)| *a != action && !keys.contains(k));
        self.bindings.extend(keys.iter().map(|k| (*k, action.clone())));
    }

    /// The action a key triggers in a mode, if any.
    pub fn resolve(&self, mode: Mode, key: Key) -> Option<Action> {
        if key == Key::ctrl('c') {
            return Some(Action::Quit);
        }
        if let Some(edit) = line_edit(key).filter(|_| mode != Mode::Normal) {
            return Some(Action::InputEdit(edit));
        }
        match mode {
            Mode::Prompt => match key.code {
                KeyCode::Enter => Some(Action::InputSubmit),
                KeyCode::Esc => Some(Action::InputCancel),
                KeyCode::Backspace => Some(Action::InputBackspace),
                KeyCode::Char(c) if !key.ctrl && !key.alt => Some(Action::Input(c)),
                _ => None,
            },
            Mode::Filter => match key.code {
                KeyCode::Enter => Some(Action::InputSubmit),
                KeyCode::Esc => Some(Action::InputCancel),
                KeyCode::Backspace => Some(Action::InputBackspace),
                KeyCode::Up => Some(Action::Up),
                KeyCode::Down => Some(Action::Down),
                KeyCode::PageUp => Some(Action::PageUp),
                KeyCode::PageDown => Some(Action::PageDown),
                KeyCode::Char(c) if !key.ctrl && !key.alt => Some(Action::Input(c)),
                _ => None,
            },
            Mode::Front => {
                let plain = !key.ctrl && !key.alt;
                let dir = match key.code {
                    KeyCode::Left | KeyCode::Char('h') if plain => Some(Dir::Left),
                    KeyCode::Right | KeyCode::Char('l') if plain => Some(Dir::Right),
                    KeyCode::Up | KeyCode::Char('k') if plain => Some(Dir::Up),
                    KeyCode::Down | KeyCode::Char('j') if plain => Some(Dir::Down),
                    _ => None,
                };
                match (dir, key.code) {
                    (Some(d), _) => Some(Action::Grid(d)),
                    (None, KeyCode::Enter) => Some(Action::Open),
                    _ => self.resolve(Mode::Normal, key),
                }
            }
            Mode::Normal => self.bindings.iter().find(|(k, _)| *k == key).map(|(_, a)| a.clone()),
        }
    }

    /// The keys bound to an action, in binding order.
    pub fn keys_for(&self, action: &Action) -> Vec<Key> {
        self.bindings.iter().filter(|(_, a)| a == action).map(|(k, _)| *k).collect()
    }

    /// `j/k`-style label of the first key of each action, joined by `/`.
    pub fn hint(&self, actions: &[Action]) -> String {
        actions.iter().filter_map(|a| self.keys_for(a).first().map(Key::label)).collect::<Vec<_>>().join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_key_names() {
        for (name, key) in [
            ("j", Key::char('j')),
            ("G", Key::char('G')),
            ("?", Key::char('?')),
            ("ctrl-d", Key::ctrl('d')),
            ("C-D", Key::ctrl('d')),
            ("^u", Key::ctrl('u')),
            ("enter", Key::plain(KeyCode::Enter)),
            ("Return", Key::plain(KeyCode::Enter)),
            ("space", Key::char(' ')),
            ("pgdn", Key::plain(KeyCode::PageDown)),
            ("PageUp", Key::plain(KeyCode::PageUp)),
            ("f5", Key::plain(KeyCode::F(5))),
            ("alt-x", Key { code: KeyCode::Char('x'), ctrl: false, alt: true }),
            ("-", Key::char('-')),
            ("书", Key::char('书')),
        ] {
            assert_eq!(name.parse::<Key>(), Ok(key), "{name}");
            assert_eq!(key.to_string().parse::<Key>(), Ok(key), "{key}");
        }
        for bad in ["", "ctrl-", "f99", "hyper-x", "jj", "enterr"] {
            assert!(bad.parse::<Key>().is_err(), "{bad}");
        }
    }

    #[test]
    fn defaults_resolve() {
        let km = Keymap::default();
        let n = |k: Key| km.resolve(Mode::Normal, k);
        assert_eq!(n(Key::char('j')), Some(Action::Down));
        assert_eq!(n(Key::plain(KeyCode::Down)), Some(Action::Down));
        assert_eq!(n(Key::char(']')), Some(Action::NextArticle));
        assert_eq!(n(Key::char('}')), Some(Action::NextSection));
        assert_eq!(n(Key::char('>')), Some(Action::NextIssue));
        assert_eq!(n(Key::ctrl('d')), Some(Action::HalfPageDown));
        assert_eq!(n(Key::char('m')), Some(Action::ToggleBookmark));
        assert_eq!(n(Key::char('?')), Some(Action::Help));
        assert_eq!(n(Key::char('x')), Some(Action::Export));
        assert_eq!(n(Key::char('|')), Some(Action::Pipe));
        assert_eq!(n(Key::char('X')), None);
        assert_eq!(n(Key::ctrl('c')), Some(Action::Quit));
    }

    #[test]
    fn every_action_has_a_default_key() {
        let km = Keymap::default();
        for a in Action::BINDABLE {
            assert!(!km.keys_for(&a).is_empty(), "{a:?} has no key");
        }
    }

    #[test]
    fn no_key_is_bound_twice() {
        let km = Keymap::default();
        let mut keys: Vec<Key> = km.bindings.iter().map(|(k, _)| *k).collect();
        let n = keys.len();
        keys.sort_by_key(|k| k.to_string());
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    #[test]
    fn search_prompt_takes_characters() {
        let km = Keymap::default();
        let s = |k: Key| km.resolve(Mode::Prompt, k);
        assert_eq!(s(Key::char('q')), Some(Action::Input('q')));
        assert_eq!(s(Key::char('侯')), Some(Action::Input('侯')));
        assert_eq!(s(Key::plain(KeyCode::Enter)), Some(Action::InputSubmit));
        assert_eq!(s(Key::plain(KeyCode::Esc)), Some(Action::InputCancel));
        assert_eq!(s(Key::plain(KeyCode::Backspace)), Some(Action::InputBackspace));
        assert_eq!(s(Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(s(Key::plain(KeyCode::Up)), None);
    }

    #[test]
    fn rebinding_moves_keys() {
        let mut km = Keymap::default();
        km.rebind(Action::ToggleBookmark, &[Key::char('b'), Key::ctrl('b')]);
        assert_eq!(km.resolve(Mode::Normal, Key::char('b')), Some(Action::ToggleBookmark));
        assert_eq!(km.resolve(Mode::Normal, Key::char('m')), None);
        assert_eq!(km.keys_for(&Action::PageUp), [Key::plain(KeyCode::PageUp)]);
    }

    #[test]
    fn hints_use_first_keys() {
        let km = Keymap::default();
        assert_eq!(km.hint(&[Action::Down, Action::Up]), "j/k");
        assert_eq!(km.hint(&[Action::Open]), "⏎");
    }
}
