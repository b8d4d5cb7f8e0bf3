//! The help overlay: every binding of the active keymap.

use super::frame::framed;
use crate::app::{Action, HelpView, State};
use crate::layout::str_width;
use crate::ui::Theme;
use crate::ui::cells::{put, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws help centred over `area`, scrolled as the view says. (Its keys
/// are the reader's: no hint line of its own.)
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, view: &HelpView) {
    let amb = state.settings.layout.ambiguous;
    let lines: Vec<(String, String)> = Action::BINDABLE
        .iter()
        .map(|a| {
            let keys: Vec<String> = state.keymap.keys_for(a).iter().map(|k| k.label()).collect();
            let mut what = state.t(&format!("action-{}", a.name()));
            // Which script is on, beside the key that changes it.
            if *a == Action::CycleScript {
                let script = state.settings.layout.script.label();
                what = state.f("help-now", &[("what", what.into()), ("script", script.into())]);
            }
            (keys.join(" "), what)
        })
        .collect();
    // Cells, not characters: Chinese descriptions are two cells a character.
    let key_w = lines.iter().map(|(k, _)| str_width(k, amb)).max().unwrap_or(0).min(18);
    let desc_w = lines.iter().map(|(_, d)| str_width(d, amb)).max().unwrap_or(0);
    let want_w = (key_w + 2 + desc_w + 4) as u16;
    let h = lines.len() as u16 + 4;
    let title = format!(" {} ", state.t("help-title"));
    let inner = framed(frame, area, (want_w, h), &title, state, theme);
    let buf = frame.buffer_mut();
    let visible = usize::from(inner.height.saturating_sub(1));
    let scroll = usize::from(view.scroll).min(lines.len().saturating_sub(visible));
    for (k, (keys, what)) in lines.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + 1 + k as u16;
        let x = put(buf, inner.x + 1, y, inner.right(), &truncate(keys, key_w, amb), theme.key, amb);
        let x = x.max(inner.x + 1 + key_w as u16 + 2);
        put(buf, x, y, inner.right(), what, Default::default(), amb);
    }
}
