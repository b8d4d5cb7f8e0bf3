//! The help overlay: every binding of the active keymap, scrolled, with
//! `↑ more` / `more ↓` on its frame where lines are out of view.

use super::frame::{Hint, framed, key_list};
use crate::app::overlay::help::rows_shown;
use crate::app::{Action, HelpView, State};
use crate::layout::str_width;
use crate::ui::Theme;
use crate::ui::cells::{put, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The help's own keys: scrolling, and closing it.
pub fn hint(state: &State, theme: &Theme) -> Hint {
    let keys: [(&[Action], &str); 2] =
        [(&[Action::Down, Action::Up], "help-scroll"), (&[Action::Top, Action::Bottom], "help-top-end")];
    Hint::keys(key_list(&state.keymap, state.settings.lang, &keys), theme)
}

/// Each binding's keys and what it does.
fn lines(state: &State) -> Vec<(String, String)> {
    Action::BINDABLE
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
        .collect()
}

/// Cells for the keys column. (Cells, not characters: Chinese
/// descriptions are two cells a character.)
fn key_width(lines: &[(String, String)], amb: crate::layout::Ambiguous) -> usize {
    lines.iter().map(|(k, _)| str_width(k, amb)).max().unwrap_or(0).min(18)
}

/// Room for every line, and a blank line above and below them.
pub fn size(state: &State) -> (u16, u16) {
    let amb = state.settings.layout.ambiguous;
    let lines = lines(state);
    let desc_w = lines.iter().map(|(_, d)| str_width(d, amb)).max().unwrap_or(0);
    ((key_width(&lines, amb) + 2 + desc_w + 4) as u16, lines.len() as u16 + 4)
}

/// Draws help in `r`, scrolled as the view says.
pub fn draw(frame: &mut Frame, r: Rect, state: &State, theme: &Theme, view: &HelpView) {
    let amb = state.settings.layout.ambiguous;
    let lines = lines(state);
    let key_w = key_width(&lines, amb);
    let title = format!(" {} ", state.t("help-title"));
    let inner = framed(frame, r, &title, state, theme);
    let buf = frame.buffer_mut();
    let visible = rows_shown(state.size.1).min(usize::from(inner.height.saturating_sub(1)));
    let scroll = usize::from(view.scroll).min(lines.len().saturating_sub(visible));
    for (k, (keys, what)) in lines.iter().skip(scroll).take(visible).enumerate() {
        let y = inner.y + 1 + k as u16;
        let x = put(buf, inner.x + 1, y, inner.right(), &truncate(keys, key_w, amb), theme.key, amb);
        let x = x.max(inner.x + 1 + key_w as u16 + 2);
        let room = usize::from(inner.right().saturating_sub(x + 1));
        put(buf, x, y, inner.right(), &truncate(what, room, amb), Default::default(), amb);
    }
    let end = r.right().saturating_sub(2);
    let mark = |id: &str| {
        let text = format!(" {} ", state.t(id));
        let from = end.saturating_sub(crate::layout::str_width(&text, amb) as u16);
        (from, text)
    };
    if scroll > 0 && r.width >= 40 {
        let (x, text) = mark("help-more-up");
        put(buf, x, r.y, end, &text, theme.key, amb);
    }
    if scroll + visible < lines.len() && r.width > 12 && r.height > 1 {
        let (x, text) = mark("help-more-down");
        put(buf, x, r.bottom() - 1, end, &text, theme.key, amb);
    }
}
