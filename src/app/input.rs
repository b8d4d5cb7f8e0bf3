//! A line being typed — a search phrase, the picker's filter, a note —
//! edited as a shell edits one: the cursor moves (←/→, Home/End, Ctrl-a/e),
//! Delete and Backspace take the character after or before it, Ctrl-u,
//! Ctrl-k and Ctrl-w cut to the start, to the end, or the word before it.

use super::action::{Action, LineEdit};

/// Where the cursor is in the line typed, in characters from its end. At
/// the end (0, the default) typing appends, so a line the reader sets (the
/// last phrase, a note written before) is typed on at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Caret {
    /// Characters after the cursor.
    pub back: usize,
}

impl Caret {
    /// The cursor's byte offset in `text`.
    pub fn at(self, text: &str) -> usize {
        match self.back {
            0 => text.len(),
            back => text.char_indices().rev().nth(back - 1).map_or(0, |(at, _)| at),
        }
    }

    /// Applies a typing action to `text`: `Some(true)` when the text
    /// changed, `Some(false)` when only the cursor moved, `None` when the
    /// action is not one of typing.
    pub fn apply(&mut self, text: &mut String, action: &Action) -> Option<bool> {
        let len = text.chars().count();
        self.back = self.back.min(len);
        let at = self.at(text);
        let changed = match action {
            Action::Input(c) => {
                text.insert(at, *c);
                true
            }
            Action::InputBackspace => match text[..at].chars().next_back() {
                Some(c) => {
                    text.remove(at - c.len_utf8());
                    true
                }
                None => false,
            },
            Action::InputEdit(edit) => return Some(self.edit(text, at, *edit)),
            _ => return None,
        };
        Some(changed)
    }

    fn edit(&mut self, text: &mut String, at: usize, edit: LineEdit) -> bool {
        let len = text.chars().count();
        match edit {
            LineEdit::Left => self.back = (self.back + 1).min(len),
            LineEdit::Right => self.back = self.back.saturating_sub(1),
            LineEdit::Home => self.back = len,
            LineEdit::End => self.back = 0,
            LineEdit::Delete if self.back > 0 => {
                text.remove(at);
                self.back -= 1;
                return true;
            }
            LineEdit::Delete => {}
            LineEdit::KillStart => {
                text.replace_range(..at, "");
                return at > 0;
            }
            LineEdit::KillEnd => {
                text.truncate(at);
                let cut = self.back > 0;
                self.back = 0;
                return cut;
            }
            LineEdit::KillWord => {
                let before = &text[..at];
                let word = before.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                text.replace_range(word..at, "");
                return word < at;
            }
        }
        false
    }
}
