//! The issue picker: the library newest first, filtered as you type.

use super::frame::{Hint, framed};
use crate::app::{PickerView, State};
use crate::ui::Theme;
use crate::ui::cells::{put, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The picker's keys (its own: typing filters).
pub fn hint(state: &State, theme: &Theme) -> Hint {
    Hint::keys(format!(" {}", state.t("picker-hint")), theme)
}

/// Draws the picker centred over `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, view: &PickerView) {
    let amb = state.settings.layout.ambiguous;
    let (filter, selected, list) = (&view.filter, view.selected, &view.matches[..]);
    let size = (area.width.saturating_sub(4).min(90), area.height.saturating_sub(2));
    let title = format!(
        " {} ",
        state.f("picker-title", &[("n", list.len().into()), ("all", state.library.slots.len().into())])
    );
    let inner = framed(frame, area, size, &title, state, theme);
    let buf = frame.buffer_mut();
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let prompt = format!("{} {filter}▏", state.t("picker-filter"));
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
        let room = usize::from(inner.right().saturating_sub(x));
        put(buf, x, y, inner.right(), &truncate(&slot.info.title, room, amb), style.patch(theme.unread), amb);
    }
}
