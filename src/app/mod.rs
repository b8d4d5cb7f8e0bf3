//! The reader's state and its one update step. No I/O: work the shell
//! must do (load an issue, save, quit, suspend) comes back as [`Effect`]s.

pub mod action;
mod archive;
pub mod geometry;
pub mod keymap;
mod library;
mod marks;
mod nav;
mod overlay;
mod picker;
mod reading;
pub mod search;
mod view;

pub use action::Action;
pub use archive::{ArchiveView, Found};
pub use geometry::{Focus, Geometry};
pub use keymap::{Key, KeyCode, Keymap, Mode};
pub use library::{IssueInfo, Library, Slot, sort_newest_first};
pub use marks::{Marks, SaveReport, Saved, Unsaved};
pub use nav::Row;
pub use overlay::{Overlay, bookmark_list as overlay_list};
pub use view::{NoiseToggle, View};

use crate::layout::LayoutOptions;
use crate::model::{Article, Change, Positions};
use search::Hit;

/// Something the shell must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load issue number n and send back [`Action::Loaded`].
    Load(usize),
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
    /// The reading position moved: persist [`State::positions`] soon.
    Moved,
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop until resumed, then redraw.
    Suspend,
}

/// Where the reader is in the list.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    /// Reading-order index of the selected article.
    pub selected: usize,
    /// First row of the list on screen.
    pub list_top: usize,
    /// Which pane has the keyboard.
    pub focus: Focus,
}

/// Search in the current issue.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// The query whose matches are highlighted.
    pub query: String,
    /// Its matches in the current issue, in reading order.
    pub hits: Vec<Hit>,
    /// The match last jumped to.
    pub current: Option<usize>,
}

/// When an article counts as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkRead {
    /// As soon as it is opened.
    #[default]
    OnOpen,
    /// When its end has been on screen.
    OnEnd,
}

/// Settings the update step reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// How articles are laid out.
    pub layout: LayoutOptions,
    /// Width of the list pane, in percent of the screen.
    pub list_percent: u16,
    /// When an article counts as read.
    pub mark_read: MarkRead,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { layout: LayoutOptions::default(), list_percent: 32, mark_read: MarkRead::OnOpen }
    }
}

/// Everything the reader shows, split by concern.
#[derive(Debug)]
pub struct State {
    /// The issues and the current one.
    pub library: Library,
    /// Selection, list scroll and focus.
    pub nav: Nav,
    /// The article pane.
    pub view: View,
    /// Read marks and bookmarks.
    pub marks: Marks,
    /// Where the reader was, kept for next time.
    pub positions: Positions,
    /// Search.
    pub search: Search,
    /// Help or bookmarks, over everything else.
    pub overlay: Option<Overlay>,
    /// A transient message for the bottom line.
    pub status: Option<String>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Layout and pane settings.
    pub settings: Settings,
    /// The active keymap.
    pub keymap: Keymap,
    /// Changes made during this update, handed to the shell as effects.
    changes: Vec<Change>,
    /// An article to select when its issue has loaded (resume, bookmark jump).
    pending: Option<crate::model::ArticleId>,
    /// The place last handed to the shell for saving.
    saved_place: Option<(usize, crate::model::ArticleId, Option<crate::model::Pos>)>,
    /// A place to bring into view once its article is shown (an archive match).
    reveal: Option<(crate::model::ArticleId, crate::model::Pos)>,
    /// The last archive search, to go back to its results.
    last_archive: Option<ArchiveView>,
    /// Archive searches started.
    archive_searches: u64,
}

impl State {
    /// A reader over the named issues, none loaded yet (more may be found
    /// later: [`Action::Library`]).
    pub fn new(names: Vec<String>, settings: Settings, keymap: Keymap, size: (u16, u16)) -> State {
        let slots = names.iter().map(|n| Slot::new(IssueInfo::from_name(n))).collect();
        State {
            library: Library { slots, current: 0, progress: None },
            nav: Nav::default(),
            view: View::default(),
            marks: Marks::default(),
            positions: Positions::default(),
            search: Search::default(),
            overlay: None,
            status: None,
            size,
            settings,
            keymap,
            changes: Vec::new(),
            pending: None,
            saved_place: None,
            reveal: None,
            last_archive: None,
            archive_searches: 0,
        }
    }

    /// The screen layout for the current size and focus.
    pub fn geometry(&self) -> Geometry {
        Geometry::of(self.size.0, self.size.1, self.nav.focus, self.settings.list_percent)
    }

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Bookmarks { note: Some(_), .. }) => Mode::Prompt,
            Some(Overlay::Archive(v)) if v.typing => Mode::Filter,
            Some(Overlay::Issues { .. }) => Mode::Filter,
            _ if self.search.prompt.is_some() => Mode::Prompt,
            _ => Mode::Normal,
        }
    }

    /// The selected article of the current issue.
    pub fn article(&self) -> Option<&Article> {
        self.library.issue()?.articles().nth(self.nav.selected)
    }

    /// The list rows of the current issue.
    pub fn rows(&self) -> Vec<Row> {
        self.library.issue().map(|i| nav::rows(i)).unwrap_or_default()
    }

    fn article_count(&self) -> usize {
        self.library.issue().map_or(0, |i| i.articles().count())
    }

    fn list_height(&self) -> usize {
        self.geometry().list_inner().map_or(1, |r| usize::from(r.height).max(1))
    }

    fn article_height(&self) -> usize {
        // In a narrow screen the article pane appears only when focused;
        // page sizes are those it will have.
        let g = Geometry::of(self.size.0, self.size.1, Focus::Article, self.settings.list_percent);
        g.article_inner().map_or(1, |r| usize::from(r.height).max(1))
    }
}

/// Applies one action. Returns what the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    if !action.is_event() {
        state.status = None;
    }
    if !overlay::handle(state, &action, &mut effects) {
        reading::handle(state, action, &mut effects);
    }
    sync(state);
    marks::after_update(state, &mut effects);
    effects
}

/// Brings derived state in line after an action: the selection within the
/// issue, the list scrolled to show it, the article laid out for the pane.
fn sync(state: &mut State) {
    let count = state.article_count();
    state.nav.selected = state.nav.selected.min(count.saturating_sub(1));
    let rows = state.rows();
    let height = state.list_height();
    let sel_row = rows.iter().position(|r| matches!(r, Row::Article { index, .. } if *index == state.nav.selected));
    if let Some(sel) = sel_row {
        // Keep the section heading above the first article in view too.
        let want_top = if sel > 0 && matches!(rows[sel - 1], Row::Section(_)) { sel - 1 } else { sel };
        if want_top < state.nav.list_top {
            state.nav.list_top = want_top;
        } else if sel >= state.nav.list_top + height {
            state.nav.list_top = sel + 1 - height;
        }
    }
    state.nav.list_top = state.nav.list_top.min(rows.len().saturating_sub(height));
    let g = Geometry::of(state.size.0, state.size.1, Focus::Article, state.settings.list_percent);
    let (Some(area), Some(issue)) = (g.article_inner(), state.library.issue().cloned()) else {
        state.view.clear();
        return;
    };
    match issue.articles().nth(state.nav.selected) {
        Some(article) => {
            let h = usize::from(area.height).max(1);
            let saved = state.positions.anchors.get(&article.id).copied();
            let (cur, opts) = (state.library.current, &state.settings.layout);
            state.view.show(cur, article, area.width, opts, h, saved);
            if let Some((id, pos)) = state.reveal.take() {
                if id == article.id {
                    // A match inside folded noise is shown unfolded.
                    if state.view.unfold_at(pos) {
                        state.view.show(cur, article, area.width, opts, h, saved);
                    }
                    state.view.reveal(pos, h);
                } else {
                    state.reveal = Some((id, pos));
                }
            }
        }
        None => state.view.clear(),
    }
}
