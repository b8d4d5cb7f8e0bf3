//! Drawing the overlays: one file per overlay, each drawing its view and
//! saying its key hints; this file only dispatches.

mod archive;
mod bookmarks;
mod frame;
mod front;
mod help;
mod picker;

pub use frame::Hint;

use crate::app::{Overlay, State};
use crate::ui::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Where the overlay is drawn on a screen `area`, its frame included:
/// centred, each as large as it needs.
pub fn rect(area: Rect, state: &State, overlay: &Overlay) -> Rect {
    let size = match overlay {
        Overlay::Help(_) => help::size(state),
        Overlay::Bookmarks(_) => bookmarks::size(area, state),
        Overlay::Picker(_) => picker::size(area),
        Overlay::Archive(_) => archive::size(area),
        // On the bottom line only: nothing over the panes.
        Overlay::Pipe(_) => return Rect::new(area.x, area.y, 0, 0),
        // Everything between the top and bottom bars.
        Overlay::Front(_) => return Rect { y: area.y + 1, height: area.height.saturating_sub(2), ..area },
    };
    frame::centred(area, size)
}

/// Draws the overlay centred over `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, overlay: &Overlay) {
    let r = rect(area, state, overlay);
    match overlay {
        Overlay::Help(v) => help::draw(frame, r, state, theme, v),
        Overlay::Bookmarks(v) => bookmarks::draw(frame, r, state, theme, v),
        Overlay::Picker(v) => picker::draw(frame, r, state, theme, v),
        Overlay::Archive(v) => archive::draw(frame, r, state, theme, v),
        Overlay::Front(v) => front::draw(frame, r, state, theme, v),
        // A prompt on the bottom line only: the article stays in view.
        Overlay::Pipe(_) => {}
    }
}

/// The overlay's line for the bottom of the screen; `None`: the reader's.
pub fn hint(state: &State, theme: &Theme, overlay: &Overlay) -> Option<Hint> {
    match overlay {
        Overlay::Help(_) => Some(help::hint(state, theme)),
        Overlay::Bookmarks(v) => Some(bookmarks::hint(state, theme, v)),
        Overlay::Picker(_) => Some(picker::hint(state, theme)),
        Overlay::Archive(v) => Some(archive::hint(state, theme, v)),
        Overlay::Front(_) => Some(front::hint(state, theme)),
        Overlay::Pipe(v) => {
            let amb = state.settings.layout.ambiguous;
            let keys = format!("  {}", state.t("pipe-keys"));
            let room = usize::from(state.size.0).saturating_sub(2 + crate::layout::str_width(&keys, amb)).max(10);
            let text = crate::ui::cells::typed(&v.line, v.caret, room, amb);
            Some(Hint { text: format!("|{text}{keys}"), style: theme.key, over_status: true })
        }
    }
}
