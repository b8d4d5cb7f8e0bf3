//! `B`: every bookmark across issues, newest first: jump to a story,
//! delete it, write a note on it.

use super::component::{Ctx, Outcome, Target, step};
use crate::app::action::Action;
use crate::app::input::Caret;
use crate::app::keymap::Keymap;
use crate::app::marks::Marks;
use crate::i18n::Lang;
use crate::model::{Bookmark, Change};

/// The bookmarks list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BookmarksView {
    /// Index of the selected bookmark.
    pub selected: usize,
    /// The note being written, while the note prompt is open.
    pub note: Option<String>,
    /// The cursor in the note.
    pub caret: Caret,
    /// The bookmark just deleted, while the next key may undo that.
    pub deleted: Option<Bookmark>,
}

/// Every bookmark in the order the list shows them: newest first.
pub fn list(marks: &Marks) -> Vec<&Bookmark> {
    let mut list: Vec<&Bookmark> = marks.bookmarks.values().collect();
    // Not yet saved (no time) is newest of all.
    list.sort_by(|a, b| b.added.is_none().cmp(&a.added.is_none()).then(b.added.cmp(&a.added)).then(a.id.cmp(&b.id)));
    list
}

impl BookmarksView {
    /// The list, or why there is none to show (a message naming the key that bookmarks).
    pub fn open(marks: &Marks, keymap: &Keymap, lang: Lang) -> Result<BookmarksView, String> {
        if marks.bookmarks.is_empty() {
            let key = keymap.hint(&[Action::ToggleBookmark]);
            Err(lang.f("bm-none", &[("key", key.into())]))
        } else {
            Ok(BookmarksView::default())
        }
    }

    /// Keys while the list is open.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        if self.note.is_some() {
            return self.note_prompt(action, ctx);
        }
        // The key right after a deletion may undo it (`u`, the key of
        // the next unread article elsewhere); any other ends that chance.
        if let Some(b) = self.deleted.take() {
            if *action == Action::NextUnread {
                self.restore(b, ctx);
                return Outcome::Stay;
            }
            if ctx.marks.bookmarks.is_empty() {
                return Outcome::Close;
            }
        }
        if let Some(to) = step(self.selected, ctx.marks.bookmarks.len(), action) {
            self.selected = to;
            return Outcome::Stay;
        }
        let chosen = list(ctx.marks).get(self.selected).map(|b| (*b).clone());
        match (action, chosen) {
            (Action::Bookmarks | Action::Back | Action::Quit, _) => Outcome::Close,
            (Action::Help, _) => Outcome::Pass,
            (Action::Export, _) => {
                let all = list(ctx.marks).into_iter().cloned().collect();
                ctx.effects.push(crate::app::action::Effect::ExportBookmarks(all));
                Outcome::Stay
            }
            (Action::Open, Some(b)) => Outcome::GoTo(Target::Bookmark(b)),
            (Action::DeleteBookmark, Some(b)) => {
                self.delete(b, ctx);
                Outcome::Stay
            }
            (Action::EditNote, Some(b)) => {
                self.note = Some(b.note);
                self.caret = Caret::default();
                Outcome::Stay
            }
            (Action::Open | Action::DeleteBookmark | Action::EditNote, None) => Outcome::Close,
            _ => Outcome::Stay,
        }
    }

    /// Deletes `b`, the selection kept on a bookmark that is still there.
    fn delete(&mut self, b: Bookmark, ctx: &mut Ctx<'_>) {
        let undo = ctx.keymap.hint(&[Action::NextUnread]);
        ctx.marks.bookmarks.remove(&b.id);
        ctx.changes.push(Change::Unbookmark(b.id.clone()));
        *ctx.status =
            Some(ctx.lang.f("bm-deleted", &[("headline", b.headline.as_str().into()), ("undo", undo.into())]));
        self.selected = self.selected.min(ctx.marks.bookmarks.len().saturating_sub(1));
        self.deleted = Some(b);
    }

    /// Puts a deleted bookmark back as it was (when added, its note) and
    /// selects it.
    fn restore(&mut self, b: Bookmark, ctx: &mut Ctx<'_>) {
        *ctx.status = Some(ctx.lang.f("bm-restored", &[("headline", b.headline.as_str().into())]));
        ctx.marks.bookmarks.insert(b.id.clone(), b.clone());
        self.selected = list(ctx.marks).iter().position(|m| m.id == b.id).unwrap_or(0);
        ctx.changes.push(Change::Bookmark(b));
    }

    fn note_prompt(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        let Some(text) = &mut self.note else { return Outcome::Stay };
        if self.caret.apply(text, action).is_some() {
            return Outcome::Stay;
        }
        match action {
            Action::InputSubmit => {
                let note = text.trim().to_string();
                let id = list(ctx.marks).get(self.selected).map(|b| b.id.clone());
                if let Some(b) = id.and_then(|id| ctx.marks.bookmarks.get_mut(&id)) {
                    b.note = note;
                    ctx.changes.push(Change::Note(b.id.clone(), b.note.clone()));
                    *ctx.status = Some(ctx.lang.t(if b.note.is_empty() { "bm-note-removed" } else { "bm-note-set" }));
                }
                self.note = None;
            }
            Action::InputCancel => self.note = None,
            Action::Quit => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }
}
