//! The archive search overlay: the phrase, then matching articles across
//! the library as they come in, each with a snippet around the match.

use super::frame::{Hint, framed, key_list};
use crate::app::{Action, ArchiveView, State};
use crate::ui::Theme;
use crate::ui::cells::{put, truncate};
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

/// Draws the overlay centred over `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, v: &ArchiveView) {
    let amb = state.settings.layout.ambiguous;
    let size = (area.width.saturating_sub(4).min(110), area.height.saturating_sub(2));
    let state_text = match (v.running, v.searched, state.library.progress) {
        // A search waits for the index to take in what is new.
        (true, _, Some((done, all))) if v.results.is_empty() => {
            state.f("archive-indexing", &[("done", done.into()), ("all", all.into())])
        }
        (true, _, _) => state.f("archive-searching", &[("n", v.total.into())]),
        (false, Some(n), _) if v.total > v.results.len() => state.f(
            "archive-found-listed",
            &[("n", v.total.into()), ("issues", n.into()), ("listed", v.results.len().into())],
        ),
        (false, Some(n), _) => state.f("archive-found", &[("n", v.total.into()), ("issues", n.into())]),
        _ => state.t("archive-every"),
    };
    let title = format!(" {} ", state.f("archive-title", &[("state", state_text.into())]));
    let inner = framed(frame, area, size, &title, state, theme);
    let buf = frame.buffer_mut();
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let style = if v.typing { theme.key } else { theme.read };
    let phrase = format!("{} ", state.t("archive-phrase"));
    let x = put(buf, inner.x + 1, inner.y, inner.right(), &phrase, style, amb);
    // The last search's phrase, shown selected: typing replaces it.
    let q_style = if v.typing && v.fresh { theme.selected } else { style };
    let room = usize::from(inner.right().saturating_sub(x + 1));
    let x = put(buf, x, inner.y, inner.right(), &truncate(&v.query, room, amb), q_style, amb);
    if v.typing {
        put(buf, x, inner.y, inner.right(), "▏", style, amb);
    }
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
        put(buf, x, y, inner.right(), &truncate(&f.headline, room, amb), line.patch(theme.unread), amb);
        if y + 1 < inner.bottom() {
            let m = &f.snippet_match;
            let ok = m.start <= m.end && f.snippet.is_char_boundary(m.start) && f.snippet.is_char_boundary(m.end);
            let (before, hit, after) = if ok {
                (&f.snippet[..m.start], &f.snippet[m.start..m.end], &f.snippet[m.end..])
            } else {
                (f.snippet.as_str(), "", "")
            };
            let end = inner.right();
            let x = put(buf, inner.x + 3, y + 1, end, before, line, amb);
            let x = put(buf, x, y + 1, end, hit, theme.matched, amb);
            put(buf, x, y + 1, end, after, line, amb);
        }
    }
}
