//! What comes into the update step and what goes out: one [`Action`] enum
//! for the keymap (by its snake_case name) and for the update step, and the
//! [`Effect`]s the shell carries out.

use super::library::{IssueInfo, Known};
use super::marks::{SaveReport, Saved};
use crate::library::{ArchiveHit, LoadError};
use crate::model::{Change, Issue};
use std::sync::Arc;

/// A change requested of the app: from a key, the mouse, the terminal or
/// finished background work. Bindable actions have snake_case names used in
/// the config's `[keys]` table; the others are events and can't be bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move down in the list / scroll the article one line.
    Down,
    /// Move up in the list / scroll the article one line.
    Up,
    /// Page down.
    PageDown,
    /// Page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// Go to the first row / top of the article.
    Top,
    /// Go to the last row / end of the article.
    Bottom,
    /// Open the selected article and read it; in the article, fold or
    /// unfold the noise on screen.
    Open,
    /// Back to the list.
    Back,
    /// Switch focus between the list and the article.
    SwitchPane,
    /// Open the next article.
    NextArticle,
    /// Open the previous article.
    PrevArticle,
    /// Go to the first article of the next section.
    NextSection,
    /// Go to the first article of the previous section.
    PrevSection,
    /// Open the next unread article.
    NextUnread,
    /// Open the next issue: the one older (issues are listed newest first).
    NextIssue,
    /// Open the previous issue: the one newer.
    PrevIssue,
    /// Start an incremental search in this issue.
    Search,
    /// Jump to the next search match.
    SearchNext,
    /// Jump to the previous search match.
    SearchPrev,
    /// Bookmark the current article, or remove its bookmark.
    ToggleBookmark,
    /// Show every bookmark, across issues.
    Bookmarks,
    /// Pick an issue from the library (type to filter).
    Issues,
    /// Search the whole library.
    ArchiveSearch,
    /// In the bookmarks list: delete the selected bookmark.
    DeleteBookmark,
    /// In the bookmarks list: write a note on the selected bookmark.
    EditNote,
    /// Mark the current article read or unread.
    ToggleRead,
    /// Widen the text column.
    Wider,
    /// Narrow the text column.
    Narrower,
    /// Show the text in the next script: as printed → 简体 → 繁體.
    CycleScript,
    /// The front page (版面) of the current section; again to leave it.
    FrontPage,
    /// Write the article (in the list: the issue) to the export folder.
    Export,
    /// Pipe the article's text to a command typed at a prompt.
    Pipe,
    /// Show or hide the help overlay.
    Help,
    /// Quit dubao.
    Quit,
    /// Suspend to the shell (Ctrl-z).
    Suspend,

    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// Mouse wheel at (column, row): positive scrolls down.
    Wheel { x: u16, y: u16, delta: i16 },
    /// Mouse click at (column, row).
    Click { x: u16, y: u16 },
    /// A move between the blocks of the front page (arrows, `h/j/k/l`).
    Grid(Dir),
    /// A character typed into a prompt (search, note).
    Input(char),
    /// Backspace in a prompt.
    InputBackspace,
    /// Moving the cursor or cutting in a prompt.
    InputEdit(LineEdit),
    /// Enter in a prompt: search jumps to the first match, a note is kept.
    InputSubmit,
    /// Esc in a prompt: close it (search also clears its highlights).
    InputCancel,
    /// What was kept from earlier sessions, at start-up.
    Restore(Box<Saved>),
    /// What became of a save: marks as stored now (another reader's
    /// changes merged in), what is not saved, why.
    Saved(Box<SaveReport>),
    /// Something the reader should know (a save that failed).
    Notice(String),
    /// Files the index could not read: the first, why, and how many more.
    Unindexed {
        /// The first such file.
        path: std::path::PathBuf,
        /// Why it could not be read, as the index says.
        problem: crate::library::Problem,
        /// How many more could not be read.
        more: usize,
    },
    /// The issues found in the library, in any order.
    Library(Vec<IssueInfo>),
    /// What the index read of each issue of the last `Library`, in its order.
    Indexed(Vec<Known>),
    /// A few issue files changed since (what a watcher saw): these are gone,
    /// these are new or changed, as the index now has them. The rest of the
    /// list is as it was: at 100,000 issues the whole list again cost the
    /// reader 0.2 s per new issue.
    Changed { gone: Vec<std::sync::Arc<str>>, found: Vec<IssueInfo> },
    /// Reading the library: issues done of all (`None` when finished).
    Progress(Option<(usize, usize)>),
    /// More results of archive search number `search`.
    Found {
        /// Which search (results of one given up on are dropped).
        search: u64,
        /// The matching articles.
        results: Vec<ArchiveHit>,
    },
    /// Archive search number `search` has finished: issues searched.
    FoundAll {
        /// Which search.
        search: u64,
        /// Issues searched.
        issues: usize,
    },
    /// A piped command has finished: its exit status, or why it did not run.
    Piped {
        /// The command.
        command: String,
        /// Its exit status, or why it could not be run.
        result: Result<i32, String>,
    },
    /// An article shown in part in another script, converted whole (or
    /// given up for a newer one).
    Converted(Box<super::view::Converted>),
    /// The issue named `name` was read (or could not be).
    Loaded {
        /// Which issue: its source's name (`library::name`).
        name: String,
        /// The issue, or why it could not be read.
        result: Result<Arc<Issue>, LoadError>,
    },
}

/// A direction on the front page's grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// The block to the left (the one before).
    Left,
    /// The block to the right (the one after).
    Right,
    /// The block above.
    Up,
    /// The block below.
    Down,
}

/// Editing a line being typed, besides typing and Backspace (`input::Caret`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEdit {
    /// ← or Ctrl-b: one character left.
    Left,
    /// → or Ctrl-f: one character right.
    Right,
    /// Home or Ctrl-a: to the start.
    Home,
    /// End or Ctrl-e: to the end.
    End,
    /// Delete or Ctrl-d: the character after the cursor.
    Delete,
    /// Ctrl-u: cut everything before the cursor.
    KillStart,
    /// Ctrl-k: cut everything after the cursor.
    KillEnd,
    /// Ctrl-w: cut the word before the cursor.
    KillWord,
}

/// Something the shell must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the issue with this source name, off the event loop, and send
    /// back [`Action::Loaded`].
    Load(String),
    /// Search the whole library; send back [`Action::Found`] as matches
    /// come, then [`Action::FoundAll`], both with this search's number.
    ArchiveSearch {
        /// The search's number.
        search: u64,
        /// The phrase.
        query: String,
    },
    /// Stop the archive search under way.
    CancelArchiveSearch,
    /// Persist this change now (a bookmark, a read mark).
    Record(Change),
    /// The reading position moved: persist the state's positions soon.
    Moved,
    /// Write the issue (or one article of it) in the configured format to
    /// the export folder; send back a [`Action::Notice`] saying where.
    Export {
        /// The issue.
        issue: Arc<Issue>,
        /// Only this article of it.
        article: Option<crate::model::ArticleId>,
    },
    /// Write these bookmarks as Markdown to the export folder.
    ExportBookmarks(Vec<crate::model::Bookmark>),
    /// Hand the terminal to `command` with `text` on its stdin; send back
    /// [`Action::Piped`].
    Pipe {
        /// The shell command.
        command: String,
        /// What it reads.
        text: String,
    },
    /// Convert this article whole to a script, off the key path; send back
    /// [`Action::Converted`].
    Convert(Box<super::view::Conversion>),
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop until resumed, then redraw.
    Suspend,
}

impl Action {
    /// Bindable actions, in the order help lists them.
    pub const BINDABLE: [Action; 37] = [
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Back,
        Action::SwitchPane,
        Action::NextArticle,
        Action::PrevArticle,
        Action::NextSection,
        Action::PrevSection,
        Action::NextUnread,
        Action::NextIssue,
        Action::PrevIssue,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::ToggleBookmark,
        Action::Bookmarks,
        Action::Issues,
        Action::ArchiveSearch,
        Action::DeleteBookmark,
        Action::EditNote,
        Action::ToggleRead,
        Action::Wider,
        Action::Narrower,
        Action::CycleScript,
        Action::FrontPage,
        Action::Export,
        Action::Pipe,
        Action::Help,
        Action::Quit,
        Action::Suspend,
    ];

    /// The action's config name (`next_article`); `None` for events, which
    /// can't be bound. One match, and no catch-all: a new action can't be
    /// added without naming it (what it does is the message `action-NAME`
    /// in `i18n/*.ftl`, which a test asks of every bindable action).
    fn binding(&self) -> Option<&'static str> {
        Some(match self {
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Back => "back",
            Action::SwitchPane => "switch_pane",
            Action::NextArticle => "next_article",
            Action::PrevArticle => "prev_article",
            Action::NextSection => "next_section",
            Action::PrevSection => "prev_section",
            Action::NextUnread => "next_unread",
            Action::NextIssue => "next_issue",
            Action::PrevIssue => "prev_issue",
            Action::Search => "search",
            Action::SearchNext => "search_next",
            Action::SearchPrev => "search_prev",
            Action::ToggleBookmark => "bookmark",
            Action::Bookmarks => "bookmarks",
            Action::Issues => "issues",
            Action::ArchiveSearch => "archive_search",
            Action::DeleteBookmark => "delete_bookmark",
            Action::EditNote => "edit_note",
            Action::ToggleRead => "toggle_read",
            Action::Wider => "wider",
            Action::Narrower => "narrower",
            Action::CycleScript => "script",
            Action::FrontPage => "front_page",
            Action::Export => "export",
            Action::Pipe => "pipe",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::Resize(..)
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::Grid(_)
            | Action::Input(_)
            | Action::InputBackspace
            | Action::InputEdit(_)
            | Action::InputSubmit
            | Action::InputCancel
            | Action::Restore(_)
            | Action::Saved(_)
            | Action::Notice(_)
            | Action::Unindexed { .. }
            | Action::Library(_)
            | Action::Indexed(_)
            | Action::Changed { .. }
            | Action::Progress(_)
            | Action::Found { .. }
            | Action::FoundAll { .. }
            | Action::Piped { .. }
            | Action::Converted(_)
            | Action::Loaded { .. } => return None,
        })
    }

    /// The action's config name (`next_article`); events have none (`""`).
    pub fn name(&self) -> &'static str {
        self.binding().unwrap_or("")
    }

    /// The bindable action a config name stands for (`next_article`).
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE.into_iter().find(|a| a.name() == name)
    }

    /// True for events (terminal, background work) rather than the reader's
    /// own doing: they leave the status message alone.
    pub fn is_event(&self) -> bool {
        matches!(
            self,
            Action::Resize(..)
                | Action::Loaded { .. }
                | Action::Saved(_)
                | Action::Notice(_)
                | Action::Unindexed { .. }
                | Action::Library(_)
                | Action::Indexed(_)
                | Action::Changed { .. }
                | Action::Progress(_)
                | Action::Found { .. }
                | Action::FoundAll { .. }
                | Action::Piped { .. }
                | Action::Converted(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::BINDABLE {
            let name = a.name();
            assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}");
            assert_eq!(Action::from_name(name), Some(a.clone()));
        }
        assert_eq!(Action::NextArticle.name(), "next_article");
        assert_eq!(Action::ToggleBookmark.name(), "bookmark");
    }
}
