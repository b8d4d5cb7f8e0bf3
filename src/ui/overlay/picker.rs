//! The issue picker: the library newest first, filtered as you type.

use super::frame::{Hint, framed};
use crate::app::{PickerView, Slot, State};
use crate::layout::str_width;
use crate::ui::Theme;
use crate::ui::cells::{put, truncate, typed};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The picker's keys (its own: typing filters).
pub fn hint(state: &State, theme: &Theme) -> Hint {
    Hint::keys(format!(" {}", state.t("picker-hint")), theme)
}

/// The picker's size on a screen `area`.
pub fn size(area: Rect) -> (u16, u16) {
    (area.width.saturating_sub(4).min(90), area.height.saturating_sub(2))
}

/// Draws the picker in `r`.
pub fn draw(frame: &mut Frame, r: Rect, state: &State, theme: &Theme, view: &PickerView) {
    let amb = state.settings.layout.ambiguous;
    let (filter, selected, list) = (&view.filter, view.selected, &view.matches[..]);
    let title = format!(
        " {} ",
        state.f("picker-title", &[("n", list.len().into()), ("all", state.library.slots.len().into())])
    );
    let inner = framed(frame, r, &title, state, theme);
    let buf = frame.buffer_mut();
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let label = state.t("picker-filter");
    let room = usize::from(inner.width - 1).saturating_sub(str_width(&label, amb) + 2);
    let prompt = format!("{label} {}", typed(filter, view.caret, room, amb));
    put(
        buf,
        inner.x + 1,
        inner.y,
        inner.right(),
        &truncate(&prompt, usize::from(inner.width - 1), amb),
        theme.key,
        amb,
    );
    let rows = usize::from(inner.height - 1);
    let selected = selected.min(list.len().saturating_sub(1));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (k, &i) in list.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + 1 + (k - first) as u16;
        let Some(slot) = state.library.slots.get(i) else { continue };
        let style = if k == selected { theme.selected } else { Default::default() };
        if k == selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        let current = if i == state.library.current { "▶ " } else { "  " };
        let date = slot.info.date.map(|d| d.to_string()).unwrap_or_else(|| "          ".into());
        let x = put(buf, inner.x + 1, y, inner.right(), current, style.patch(theme.marker), amb);
        let x = put(buf, x, y, inner.right(), &format!("{date}  "), style, amb);
        // At the right: its articles and, once read, how many are unread.
        let title = match folder(slot) {
            Some(f) => format!("{}  {f}", slot.info.title),
            None => slot.info.title.to_string(),
        };
        // The title first: the counts go where they leave it room.
        let mut about = about(slot, state);
        let free = usize::from(inner.right().saturating_sub(x + 1));
        if free < str_width(&about, amb) + 1 + str_width(&title, amb).min(12) {
            about.clear();
        }
        let about_x = inner.right().saturating_sub(str_width(&about, amb) as u16 + 1);
        let room = usize::from(about_x.saturating_sub(x + 1));
        put(buf, x, y, inner.right(), &truncate(&title, room, amb), style.patch(theme.unread), amb);
        if about_x > x {
            put(buf, about_x, y, inner.right(), &about, style.patch(theme.read), amb);
        }
    }
}

/// `12 articles · 3 unread` (unread once the issue has been read), or as
/// much as is known.
fn about(slot: &Slot, state: &State) -> String {
    match (&slot.issue, slot.info.articles) {
        (Some(issue), _) => {
            let unread = issue.articles().filter(|a| !state.marks.read.contains(&a.id)).count();
            state.f("list-title", &[("total", issue.articles().count().into()), ("unread", unread.into())])
        }
        (None, Some(n)) => state.f("count-articles", &[("n", n.into())]),
        (None, None) => String::new(),
    }
}

/// The folder an issue is in, when another issue has its title (`2001/`).
fn folder(slot: &Slot) -> Option<String> {
    let shown = slot.info.shown();
    let parent = std::path::Path::new(&shown).parent()?.file_name()?.to_string_lossy().into_owned();
    slot.twin.then(|| format!("{parent}/"))
}
