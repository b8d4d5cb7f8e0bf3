//! `?`: every binding of the active keymap, scrolled.

use super::component::{Ctx, Outcome};
use crate::app::action::Action;

/// The help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HelpView {
    /// Lines scrolled.
    pub scroll: u16,
}

impl HelpView {
    /// Scrolls, or closes; no other key acts while help is up.
    pub fn handle(&mut self, action: &Action, _ctx: &mut Ctx<'_>) -> Outcome {
        self.scroll = match action {
            Action::Help | Action::Back | Action::Quit => return Outcome::Close,
            Action::Down => self.scroll.saturating_add(1),
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.scroll.saturating_add(10),
            Action::PageUp | Action::HalfPageUp => self.scroll.saturating_sub(10),
            Action::Top => 0,
            _ => self.scroll,
        };
        Outcome::Stay
    }
}
