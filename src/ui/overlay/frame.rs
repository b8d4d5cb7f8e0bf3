//! What every overlay draws around itself — a frame over the panes — and
//! the line of key hints it puts at the bottom of the screen.

use crate::app::{Action, Key, KeyCode, Keymap, State};
use crate::i18n::Lang;
use crate::ui::Theme;
use crate::ui::cells;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Clear;

/// An overlay's line at the bottom of the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    /// What it says.
    pub text: String,
    /// How.
    pub style: Style,
    /// Shown even over a message (a prompt being typed into).
    pub over_status: bool,
}

impl Hint {
    /// Key hints, in the style of messages, a message shown instead.
    pub fn keys(text: String, theme: &Theme) -> Hint {
        Hint { text, style: theme.status, over_status: false }
    }
}

/// A box of `w`×`h` cells centred in `area`, never larger, and never over
/// the title and bottom lines when it can help it.
pub fn centred(area: Rect, (w, h): (u16, u16)) -> Rect {
    let room = if area.height > 4 { area.height - 2 } else { area.height };
    let (w, h) = (w.clamp(1, area.width.max(1)), h.clamp(1, room.max(1)));
    Rect::new(area.x + area.width.saturating_sub(w) / 2, area.y + area.height.saturating_sub(h) / 2, w, h)
        .intersection(area)
}

/// Clears the box `r`, frames it with `title`, and returns the space inside
/// the frame: how every overlay starts. A wide character of the pane below
/// that straddles the box's left edge is blanked first: ratatui never sends
/// the cell after a wide character, so the border there would not be drawn.
pub fn framed(frame: &mut Frame, r: Rect, title: &str, state: &State, theme: &Theme) -> Rect {
    let amb = state.settings.layout.ambiguous;
    cells::unstraddle(frame.buffer_mut(), r, amb);
    frame.render_widget(Clear, r);
    frame.render_widget(ratatui::widgets::Block::bordered().border_style(theme.border_focused), r);
    let room = usize::from(r.width.saturating_sub(4));
    cells::put(
        frame.buffer_mut(),
        r.x + 2,
        r.y,
        r.right().saturating_sub(1),
        &cells::truncate(title, room, amb),
        theme.title,
        amb,
    );
    crate::app::geometry::inner(r)
}

/// ` ⏎ open · d delete · Esc close`: each action's first key and what it
/// does here (a message id), the key that closes the overlay last.
pub fn key_list(km: &Keymap, lang: Lang, keys: &[(&[Action], &str)]) -> String {
    let mut parts: Vec<String> =
        keys.iter().map(|(actions, what)| format!("{} {}", km.hint(actions), lang.t(what))).collect();
    parts.push(format!("{} {}", close_key(km), lang.t("overlay-close")));
    format!(" {}", parts.join(" · "))
}

/// The key that closes an overlay: Esc where it is bound to that.
fn close_key(km: &Keymap) -> String {
    let esc = Key::plain(KeyCode::Esc);
    if km.keys_for(&Action::Back).contains(&esc) { esc.label() } else { km.hint(&[Action::Back]) }
}
