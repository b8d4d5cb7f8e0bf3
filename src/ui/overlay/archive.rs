//! The archive search overlay: the phrase, then matching articles across
//! the library as they come in, each with a snippet around the match.

use super::frame::{Hint, framed, key_list};
use crate::app::{Action, ArchiveView, State};
use crate::layout::str_width;
use crate::library::ArchiveHit;
use crate::ui::Theme;
use crate::ui::cells::{put, set_like_article, truncate, truncate_start, typed};
use ratatui::Frame;
use ratatui::layout::Rect;

/// While typing: what Enter does; else the keys for the results.
pub fn hint(state: &State, theme: &Theme, v: &ArchiveView) -> Hint {
    let text = match (v.typing, v.fresh && !v.results.is_empty()) {
        (true, true) => format!(" {}", state.t("archive-hint-retype")),
        (true, false) => format!(" {}", state.t("archive-hint-type")),
        (false, _) => {
            let keys: [(&[Action], &str); 3] = [
                (&[Action::Down, Action::Up], "archive-choose"),
                (&[Action::Open], "archive-read"),
                (&[Action::ArchiveSearch], "archive-new"),
            ];
            key_list(&state.keymap, state.settings.lang, &keys)
        }
    };
    Hint::keys(text, theme)
}

/// The overlay's size on a screen `area`.
pub fn size(area: Rect) -> (u16, u16) {
    (area.width.saturating_sub(4).min(110), area.height.saturating_sub(2))
}

/// Draws the overlay in `r`.
pub fn draw(frame: &mut Frame, r: Rect, state: &State, theme: &Theme, v: &ArchiveView) {
    let amb = state.settings.layout.ambiguous;
    // A search does not wait for the index: it reads what is indexed so far
    // (the bottom line says how far indexing is).
    let state_text = match (v.running, v.searched) {
        (true, _) => state.f("archive-searching", &[("n", v.total.into()), ("issues", v.issues.into())]),
        (false, Some(n)) if v.total == 0 => state.f("archive-none", &[("issues", n.into())]),
        (false, Some(n)) if v.total > v.results.len() => state.f(
            "archive-found-listed",
            &[
                ("n", v.total.into()),
                ("found", v.issues.into()),
                ("issues", n.into()),
                ("listed", v.results.len().into()),
            ],
        ),
        (false, Some(n)) => {
            state.f("archive-found", &[("n", v.total.into()), ("found", v.issues.into()), ("issues", n.into())])
        }
        _ => state.t("archive-every"),
    };
    let title = format!(" {} ", state.f("archive-title", &[("state", state_text.into())]));
    let inner = framed(frame, r, &title, state, theme);
    let buf = frame.buffer_mut();
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let style = if v.typing { theme.key } else { theme.read };
    let phrase = format!("{} ", state.t("archive-phrase"));
    let x = put(buf, inner.x + 1, inner.y, inner.right(), &phrase, style, amb);
    // The last search's phrase, shown selected: typing replaces it.
    let q_style = if v.typing && v.fresh { theme.selected } else { style };
    let room = usize::from(inner.right().saturating_sub(x));
    let shown = if v.typing { typed(&v.query, v.caret, room, amb) } else { truncate(&v.query, room, amb) };
    put(buf, x, inner.y, inner.right(), &shown, q_style, amb);
    let per_page = usize::from((inner.height - 1) / 2).max(1);
    let first = v.selected.saturating_sub(per_page - 1);
    let width = usize::from(inner.width.saturating_sub(2));
    for (k, f) in v.results.iter().enumerate().skip(first).take(per_page) {
        let y = inner.y + 1 + ((k - first) * 2) as u16;
        let chosen = k == v.selected && !v.typing;
        let line = if chosen { theme.selected } else { Default::default() };
        if chosen {
            buf.set_style(Rect::new(inner.x, y, inner.width, 2.min(inner.bottom() - y)), line);
        }
        let date = f.date.map(|d| d.to_string()).unwrap_or_default();
        let head = format!("{date}  {}  ", f.issue_title);
        let x = put(buf, inner.x + 1, y, inner.right(), &truncate(&head, width / 2, amb), line.patch(theme.read), amb);
        let room = usize::from(inner.right().saturating_sub(x));
        let headline = set_like_article(&f.headline, state.settings.layout.fullwidth_punct);
        put(buf, x, y, inner.right(), &truncate(&headline, room, amb), line.patch(theme.unread), amb);
        if y + 1 < inner.bottom() {
            let [before, hit, after] = snippet(f, width.saturating_sub(2), state);
            let end = inner.right();
            let x = put(buf, inner.x + 3, y + 1, end, &before, line, amb);
            let x = put(buf, x, y + 1, end, &hit, theme.matched, amb);
            put(buf, x, y + 1, end, &after, line, amb);
        }
    }
}

/// A match's snippet set as the article pane sets text (ASCII marks among
/// Chinese full-width, when the layout does so) and cut to `width` cells
/// with `…` where cut, the match in view: before it, the match, after it.
fn snippet(f: &ArchiveHit, width: usize, state: &State) -> [String; 3] {
    let amb = state.settings.layout.ambiguous;
    let m = &f.snippet_match;
    let ok = m.start <= m.end && f.snippet.is_char_boundary(m.start) && f.snippet.is_char_boundary(m.end);
    let (text, m) = match (ok, state.settings.layout.fullwidth_punct) {
        (false, _) => (f.snippet.clone(), 0..0),
        (true, true) => crate::layout::widened(&f.snippet, m.clone()),
        (true, false) => (f.snippet.clone(), m.clone()),
    };
    let (before, hit, after) = (&text[..m.start], &text[m.start..m.end], &text[m.end..]);
    let hit = truncate(hit, width, amb);
    let left = width.saturating_sub(str_width(&hit, amb));
    // The context before the match gets up to half of what is left, more
    // when the context after it is short.
    let after_needs = str_width(after, amb);
    let before_room = (left / 2).max(left.saturating_sub(after_needs));
    let before = truncate_start(before, before_room, amb);
    let after = truncate(after, left.saturating_sub(str_width(&before, amb)), amb);
    [before, hit, after]
}
