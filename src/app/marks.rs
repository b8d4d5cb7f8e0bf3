//! What the reader keeps between sessions, as the app sees it: read marks
//! and bookmarks, what of them is not saved, and what the shell reports of
//! its saves. Plain data: `session.rs` acts on it.

use crate::model::{ArticleId, Bookmark, Positions};
use std::collections::{BTreeMap, HashSet};

/// Read marks and bookmarks, by article id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Articles read.
    pub read: HashSet<ArticleId>,
    /// Articles bookmarked.
    pub bookmarks: BTreeMap<ArticleId, Bookmark>,
    /// Sources of bookmarked issues whose files are gone.
    pub missing: HashSet<String>,
    /// What of these is not on disk.
    pub unsaved: Unsaved,
}

/// What the reader shows that is not saved: marked so until a save succeeds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unsaved {
    /// Articles whose bookmark or read mark (or its removal) is not saved.
    pub articles: HashSet<ArticleId>,
    /// How many bookmark and read-mark changes are not saved.
    pub marks: usize,
    /// How many reading positions are not saved.
    pub positions: usize,
    /// Why the last save failed.
    pub why: Option<String>,
    /// Whether the changes are kept aside (in a journal) until they can be saved.
    pub kept: bool,
}

impl Unsaved {
    /// True when everything shown is saved.
    pub fn is_empty(&self) -> bool {
        self.marks == 0 && self.positions == 0
    }
}

/// What became of a save, for the marks on screen and the bottom line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// Marks as stored now, when they changed: another reader's came in,
    /// this reader's were stamped, or a save failed.
    pub marks: Option<Marks>,
    /// What is not saved now.
    pub unsaved: Unsaved,
    /// The save was of a change just made (a bookmark, a read mark), not
    /// of the reading place.
    pub change: bool,
    /// Other news from the save: a damaged file moved aside, and where.
    pub messages: Vec<String>,
}

/// What the shell hands the app from earlier sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// Read marks and bookmarks.
    pub marks: Marks,
    /// Where the reader was.
    pub positions: Positions,
    /// Problems met loading them, for the status line.
    pub messages: Vec<String>,
    /// Go back to the last issue read (dubao was started without a PATH).
    pub resume: bool,
    /// The paths given on the command line (`library::place_key`): go back
    /// to the issue last read among them, and keep it under this key.
    pub place: Option<String>,
    /// Commands piped to before, oldest first.
    pub pipe_history: Vec<String>,
}
