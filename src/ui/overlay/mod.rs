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

/// Draws the overlay centred over `area`.
pub fn draw(frame: &mut Frame, area: Rect, state: &State, theme: &Theme, overlay: &Overlay) {
    match overlay {
        Overlay::Help(v) => help::draw(frame, area, state, theme, v),
        Overlay::Bookmarks(v) => bookmarks::draw(frame, area, state, theme, v),
        Overlay::Picker(v) => picker::draw(frame, area, state, theme, v),
        Overlay::Archive(v) => archive::draw(frame, area, state, theme, v),
        Overlay::Front(v) => front::draw(frame, area, state, theme, v),
    }
}

/// The overlay's line for the bottom of the screen; `None`: the reader's.
pub fn hint(state: &State, theme: &Theme, overlay: &Overlay) -> Option<Hint> {
    match overlay {
        Overlay::Help(_) => None,
        Overlay::Bookmarks(v) => Some(bookmarks::hint(state, theme, v)),
        Overlay::Picker(_) => Some(picker::hint(state, theme)),
        Overlay::Archive(v) => Some(archive::hint(state, theme, v)),
        Overlay::Front(_) => Some(front::hint(state, theme)),
    }
}
