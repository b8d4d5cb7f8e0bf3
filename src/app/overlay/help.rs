//! `?`: every binding of the active keymap, scrolled.

use super::component::{Ctx, Outcome};
use crate::app::action::Action;

/// The help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HelpView {
    /// Lines scrolled.
    pub scroll: u16,
}

/// Lines of help: one per bindable action.
pub const LINES: usize = Action::BINDABLE.len();

/// How many lines of help show on a screen `height` rows tall: the box
/// keeps the title and bottom lines clear, and has a border and a blank
/// line above the first binding.
pub fn rows_shown(height: u16) -> usize {
    let room = if height > 4 { height - 2 } else { height };
    usize::from(room).min(LINES + 4).saturating_sub(3).max(1)
}

impl HelpView {
    /// Scrolls, or closes; no other key acts while help is up.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        let last = LINES.saturating_sub(rows_shown(ctx.size.1)) as u16;
        self.scroll = match action {
            Action::Help | Action::Back | Action::Quit => return Outcome::Close,
            Action::Down => self.scroll.saturating_add(1),
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.scroll.saturating_add(10),
            Action::PageUp | Action::HalfPageUp => self.scroll.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.scroll,
        }
        .min(last);
        Outcome::Stay
    }
}
