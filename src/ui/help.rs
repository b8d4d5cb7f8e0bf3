//! The help overlay: every binding of the active keymap.

use super::Theme;
use super::cells::{put, truncate};
use crate::app::{Action, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

/// Draws help centred over `area`, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, scroll: u16) {
    let amb = state.settings.layout.ambiguous;
    let lines: Vec<(String, &str)> = Action::BINDABLE
        .iter()
        .map(|a| {
            let keys: Vec<String> = state.keymap.keys_for(a).iter().map(|k| k.label()).collect();
            (keys.join(" "), a.describe())
        })
        .collect();
    let key_w = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0).min(18);
    let desc_w = lines.iter().map(|(_, d)| d.chars().count()).max().unwrap_or(0);
    let want_w = (key_w + 2 + desc_w + 4) as u16;
    let w = want_w.min(area.width);
    let h = (lines.len() as u16 + 4).min(area.height);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    frame.render_widget(Clear, r);
    frame.render_widget(Block::default().borders(Borders::ALL).border_style(theme.border_focused), r);
    let buf = frame.buffer_mut();
    let title = " dubao · keys (Esc closes) ";
    put(
        buf,
        r.x + 2,
        r.y,
        r.right().saturating_sub(1),
        &truncate(title, usize::from(w.saturating_sub(4)), amb),
        theme.title,
        amb,
    );
    let inner = crate::app::geometry::inner(r);
    let visible = usize::from(inner.height.saturating_sub(1));
    let scroll = usize::from(scroll).min(lines.len().saturating_sub(visible));
    for (k, (keys, what)) in lines.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + 1 + k as u16;
        let x = put(buf, inner.x + 1, y, inner.right(), &truncate(keys, key_w, amb), theme.key, amb);
        let x = x.max(inner.x + 1 + key_w as u16 + 2);
        put(buf, x, y, inner.right(), what, Default::default(), amb);
    }
}
