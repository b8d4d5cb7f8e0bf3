//! What every overlay is given and what it answers: an overlay owns its
//! view, takes a key with [`Ctx`] (the parts of the reader's state it may
//! read or change) and says what should happen next ([`Outcome`]); `update`
//! carries that out.

use crate::app::action::{Action, Effect};
use crate::app::keymap::Keymap;
use crate::app::library::Library;
use crate::app::marks::Marks;
use crate::i18n::Lang;
use crate::library::ArchiveHit;
use crate::model::{Bookmark, Change};

/// The parts of the reader's state an overlay works with.
pub struct Ctx<'a> {
    /// The issues (read only: an overlay goes to one through [`Outcome::GoTo`]).
    pub library: &'a Library,
    /// The keys, for messages that name one.
    pub keymap: &'a Keymap,
    /// Read marks and bookmarks.
    pub marks: &'a mut Marks,
    /// Changes to keep, handed to the shell after the update.
    pub changes: &'a mut Vec<Change>,
    /// The bottom line's message.
    pub status: &'a mut Option<String>,
    /// Work for the shell.
    pub effects: &'a mut Vec<Effect>,
    /// The interface's language, for what an overlay says.
    pub lang: Lang,
    /// The screen's size (columns, rows), for pages and scrolling.
    pub size: (u16, u16),
}

/// What an overlay wants after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stay open.
    Stay,
    /// Close.
    Close,
    /// Close, and let the reader have the key (help asked for from the
    /// bookmarks list opens help).
    Pass,
    /// Close and go somewhere.
    GoTo(Target),
}

/// Where an overlay sends the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An issue, by its source's name, at the article last read in it.
    Issue(String),
    /// A bookmarked article: its issue (added to the library if need be),
    /// the article, the article pane.
    Bookmark(Bookmark),
    /// An article of the current issue, by its reading-order index, opened.
    Article(usize),
    /// An archive search's match: its issue and article, scrolled to the
    /// match, the phrase highlighted in the issue.
    Match {
        /// The match.
        hit: ArchiveHit,
        /// The phrase searched for.
        phrase: String,
    },
}

/// Moves a selection among `len` entries for a movement key (a page is
/// ten entries); `None` for any other action.
pub fn step(selected: usize, len: usize, action: &Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let to = match action {
        Action::Down => selected + 1,
        Action::Up => selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => selected + 10,
        Action::PageUp | Action::HalfPageUp => selected.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}
