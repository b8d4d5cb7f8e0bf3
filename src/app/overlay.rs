//! What sits over the panes: help, and the bookmarks list across issues
//! (jump to a story, delete it, write a note on it).

use super::{Action, Effect, Focus, State, reading};
use crate::model::{Bookmark, Change};

/// An overlay and its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The list of bindings, scrolled by `scroll` lines.
    Help {
        /// Lines scrolled.
        scroll: u16,
    },
    /// Every bookmark, newest first.
    Bookmarks {
        /// Index of the selected bookmark.
        selected: usize,
        /// The note being written, while the note prompt is open.
        note: Option<String>,
    },
    /// The issue picker.
    Issues {
        /// What has been typed.
        filter: String,
        /// Index of the selected entry among those matching.
        selected: usize,
        /// The issues matching the filter (indices into the library).
        matches: Vec<usize>,
    },
    /// Searching every issue.
    Archive(super::archive::ArchiveView),
}

/// Opens the bookmarks list.
pub(super) fn open_bookmarks(state: &mut State) {
    if state.marks.bookmarks.is_empty() {
        let key = state.keymap.hint(&[Action::ToggleBookmark]);
        state.status = Some(format!("no bookmarks yet — {key} bookmarks the article you are reading"));
    } else {
        state.overlay = Some(Overlay::Bookmarks { selected: 0, note: None });
    }
}

/// Every bookmark in the order the list shows them: newest first.
pub fn bookmark_list(state: &State) -> Vec<&Bookmark> {
    let mut list: Vec<&Bookmark> = state.marks.bookmarks.values().collect();
    // Not yet saved (no time) is newest of all.
    list.sort_by(|a, b| b.added.is_none().cmp(&a.added.is_none()).then(b.added.cmp(&a.added)).then(a.id.cmp(&b.id)));
    list
}

/// Lets the overlay take the action. Returns false when it doesn't (no
/// overlay, or an event every state must see).
pub(super) fn handle(state: &mut State, action: &Action, effects: &mut Vec<Effect>) -> bool {
    if action.is_event() || matches!(action, Action::Restore(_) | Action::Suspend) {
        return false;
    }
    // Taken, not cloned (the search overlay may hold thousands of results);
    // every handler puts back what should stay open.
    match state.overlay.take() {
        None => false,
        Some(Overlay::Issues { filter, selected, matches }) => {
            super::picker::handle(state, filter, selected, matches, action, effects);
            true
        }
        Some(Overlay::Archive(view)) => {
            super::archive::handle(state, view, action, effects);
            true
        }
        Some(Overlay::Help { scroll }) => {
            state.overlay = match action {
                Action::Help | Action::Back | Action::Quit => None,
                Action::Down => Some(Overlay::Help { scroll: scroll.saturating_add(1) }),
                Action::Up => Some(Overlay::Help { scroll: scroll.saturating_sub(1) }),
                Action::PageDown | Action::HalfPageDown => Some(Overlay::Help { scroll: scroll.saturating_add(10) }),
                Action::PageUp | Action::HalfPageUp => Some(Overlay::Help { scroll: scroll.saturating_sub(10) }),
                Action::Top => Some(Overlay::Help { scroll: 0 }),
                _ => Some(Overlay::Help { scroll }),
            };
            true
        }
        Some(Overlay::Bookmarks { selected, note: Some(text) }) => {
            note_prompt(state, selected, text, action);
            true
        }
        Some(Overlay::Bookmarks { selected, note: None }) => {
            bookmarks(state, selected, action, effects);
            true
        }
    }
}

/// Moves a selection among `len` entries for a movement key (a page is
/// ten entries); `None` for any other action.
pub(super) fn step(selected: usize, len: usize, action: &Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let to = match action {
        Action::Down => selected + 1,
        Action::Up => selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => selected + 10,
        Action::PageUp | Action::HalfPageUp => selected.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}

fn bookmarks(state: &mut State, selected: usize, action: &Action, effects: &mut Vec<Effect>) {
    let list = |selected| Some(Overlay::Bookmarks { selected, note: None });
    if let Some(to) = step(selected, state.marks.bookmarks.len(), action) {
        state.overlay = list(to);
        return;
    }
    let chosen = || bookmark_list(state).get(selected).map(|b| (*b).clone());
    state.overlay = match action {
        Action::Bookmarks | Action::Back | Action::Quit => None,
        Action::Help => Some(Overlay::Help { scroll: 0 }),
        Action::Open => {
            if let Some(b) = chosen() {
                jump(state, &b, effects);
            }
            None
        }
        Action::DeleteBookmark => match chosen() {
            Some(b) => {
                state.marks.bookmarks.remove(&b.id);
                state.changes.push(Change::Unbookmark(b.id.clone()));
                state.status = Some(format!("bookmark deleted: {}", b.headline));
                if state.marks.bookmarks.is_empty() { None } else { list(selected) }
            }
            None => None,
        },
        Action::EditNote => chosen().map(|b| Overlay::Bookmarks { selected, note: Some(b.note) }),
        _ => list(selected),
    };
}

fn note_prompt(state: &mut State, selected: usize, mut text: String, action: &Action) {
    let keep = |text: String| Some(Overlay::Bookmarks { selected, note: Some(text) });
    state.overlay = match action {
        Action::Input(c) => {
            text.push(*c);
            keep(text)
        }
        Action::InputBackspace => {
            text.pop();
            keep(text)
        }
        Action::InputSubmit => {
            let id = bookmark_list(state).get(selected).map(|b| b.id.clone());
            if let Some(b) = id.and_then(|id| state.marks.bookmarks.get_mut(&id)) {
                b.note = text.trim().to_string();
                state.changes.push(Change::Note(b.id.clone(), b.note.clone()));
                state.status = Some(if b.note.is_empty() { "note removed" } else { "note set" }.into());
            }
            Some(Overlay::Bookmarks { selected, note: None })
        }
        Action::InputCancel => Some(Overlay::Bookmarks { selected, note: None }),
        Action::Quit => None,
        _ => keep(text),
    };
}

/// Goes to a bookmarked article: its issue if the library has it, else
/// the issue file it was read from, added to the library.
fn jump(state: &mut State, b: &Bookmark, effects: &mut Vec<Effect>) {
    if state.marks.missing.contains(&b.source) {
        state.status = Some(format!("the issue file is gone: {}", crate::library::name::shown(&b.source)));
        return;
    }
    let slot = state.library.add(&b.source);
    state.pending = Some(b.id.clone());
    reading::go_to_issue(state, slot, effects);
    state.nav.focus = Focus::Article;
    let loaded = state.library.issue().is_some();
    if loaded && state.article().map(|a| &a.id) != Some(&b.id) {
        state.status = Some(format!("“{}” is no longer in {}", b.headline, crate::library::name::shown(&b.source)));
    }
}
