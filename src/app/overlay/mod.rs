//! What sits over the panes: help, the bookmarks list, the issue picker,
//! the archive search. Each is a component in its own file: a view it owns
//! and `handle(&mut self, action, ctx) -> Outcome`. `update` takes the open
//! overlay out of the state while it handles a key (never cloning it),
//! then carries out the outcome. Drawing each is in `ui/overlay/`.
//!
//! A new overlay: a file here with its view and `handle`, a variant below,
//! the action that opens it in `update`; a file in `ui/overlay/` that draws
//! it and says its key hints.

pub mod archive;
pub mod bookmarks;
pub mod component;
pub mod front;
pub mod help;
pub mod picker;
pub mod pipe;

pub use archive::ArchiveView;
pub use bookmarks::BookmarksView;
pub use component::{Ctx, Outcome, Target};
pub use front::FrontView;
pub use help::HelpView;
pub use picker::PickerView;
pub use pipe::PipeView;

use crate::app::action::Action;
use crate::app::keymap::Mode;

/// The open overlay and its own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The list of bindings.
    Help(HelpView),
    /// Every bookmark, newest first.
    Bookmarks(BookmarksView),
    /// The issue picker.
    Picker(PickerView),
    /// Searching every issue.
    Archive(ArchiveView),
    /// The section's front page.
    Front(FrontView),
    /// The command to pipe the article to.
    Pipe(PipeView),
}

impl Overlay {
    /// Lets the overlay take the key; says what should happen next.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        match self {
            Overlay::Help(v) => v.handle(action, ctx),
            Overlay::Bookmarks(v) => v.handle(action, ctx),
            Overlay::Picker(v) => v.handle(action, ctx),
            Overlay::Archive(v) => v.handle(action, ctx),
            Overlay::Front(v) => v.handle(action, ctx),
            Overlay::Pipe(v) => v.handle(action, ctx),
        }
    }

    /// How keys are read while it is open; `None`: as without it.
    pub fn mode(&self) -> Option<Mode> {
        match self {
            Overlay::Bookmarks(BookmarksView { note: Some(_), .. }) => Some(Mode::Prompt),
            Overlay::Archive(v) if v.typing => Some(Mode::Filter),
            Overlay::Picker(_) | Overlay::Pipe(_) => Some(Mode::Filter),
            Overlay::Front(_) => Some(Mode::Front),
            _ => None,
        }
    }
}
