//! The bookmarks overlay: every bookmark across issues, newest first, two
//! lines each — the headline, then issue, date, section and note.

use super::frame::{Hint, framed, key_list};
use crate::app::overlay::bookmarks::list;
use crate::app::{Action, BookmarksView, State};
use crate::layout::str_width;
use crate::ui::Theme;
use crate::ui::cells::{put, set_like_article, truncate, typed};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The note prompt while a note is written; else the list's keys.
pub fn hint(state: &State, theme: &Theme, view: &BookmarksView) -> Hint {
    match &view.note {
        Some(n) => {
            let keys = format!("  {}", state.t("bm-note-keys"));
            let room =
                usize::from(state.size.0).saturating_sub(6 + str_width(&keys, state.settings.layout.ambiguous)).max(10);
            let text = typed(n, view.caret, room, state.settings.layout.ambiguous);
            let text = state.f("bm-note-prompt", &[("note", text.into()), ("keys", keys.into())]);
            Hint { text, style: theme.key, over_status: true }
        }
        None => {
            let keys: [(&[Action], &str); 4] = [
                (&[Action::Open], "bm-open"),
                (&[Action::DeleteBookmark], "bm-delete"),
                (&[Action::EditNote], "bm-note"),
                (&[Action::Export], "bm-export-all"),
            ];
            let text = key_list(&state.keymap, state.settings.lang, &keys);
            Hint::keys(text, theme)
        }
    }
}

/// The list's size on a screen `area`: two lines a bookmark.
pub fn size(area: Rect, state: &State) -> (u16, u16) {
    let n = state.marks.bookmarks.len().max(1) as u16;
    (area.width.saturating_sub(4).min(100), n.saturating_mul(2).saturating_add(3))
}

/// Draws the list in `r`, the selected bookmark highlighted.
pub fn draw(frame: &mut Frame, r: Rect, state: &State, theme: &Theme, view: &BookmarksView) {
    let amb = state.settings.layout.ambiguous;
    let selected = view.selected;
    let list = list(&state.marks);
    let title = format!(" {} ", state.f("bm-title", &[("n", list.len().into())]));
    let inner = framed(frame, r, &title, state, theme);
    let buf = frame.buffer_mut();
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    if list.is_empty() {
        put(buf, inner.x + 1, inner.y, inner.right(), &state.t("bm-none-left"), theme.read, amb);
        return;
    }
    let per_page = usize::from(inner.height / 2).max(1);
    let first = selected.saturating_sub(per_page - 1);
    let width = usize::from(inner.width.saturating_sub(2));
    for (k, b) in list.iter().enumerate().skip(first).take(per_page) {
        let y = inner.y + ((k - first) * 2) as u16;
        let chosen = k == selected;
        let line_style = if chosen { theme.selected } else { Default::default() };
        if chosen {
            buf.set_style(Rect::new(inner.x, y, inner.width, 2.min(inner.bottom() - y)), line_style);
        }
        let unsaved = state.marks.unsaved.articles.contains(&b.id);
        let (star, star_style) = match (unsaved, chosen) {
            (false, true) => ("★ ", line_style),
            (false, false) => ("★ ", theme.marker),
            (true, true) => ("☆ ", line_style.patch(theme.unsaved)),
            (true, false) => ("☆ ", theme.marker.patch(theme.unsaved)),
        };
        let x = put(buf, inner.x + 1, y, inner.right(), star, star_style, amb);
        put(
            buf,
            x,
            y,
            inner.right(),
            &truncate(
                &set_like_article(&b.headline, state.settings.layout.fullwidth_punct),
                width.saturating_sub(2),
                amb,
            ),
            line_style.patch(theme.unread),
            amb,
        );
        let mut about = vec![b.issue.clone()];
        if let Some(d) = b.date {
            about.push(d.to_string());
        }
        if !b.section.is_empty() {
            about.push(b.section.clone());
        }
        if state.marks.missing.contains(&b.source) {
            about.push(state.t("bm-missing"));
        }
        if unsaved {
            about.push(state.t("bm-not-saved"));
        }
        if !b.note.is_empty() {
            about.push(format!("✎ {}", b.note));
        }
        if y + 1 < inner.bottom() {
            let style = if chosen { line_style } else { theme.read };
            put(
                buf,
                inner.x + 3,
                y + 1,
                inner.right(),
                &truncate(&about.join(" · "), width.saturating_sub(2), amb),
                style,
                amb,
            );
        }
    }
}
