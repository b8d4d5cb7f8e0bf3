//! The reader's state, split by concern, and what can be read off it.
//! Changed only by `update` (and the moves in `nav.rs` it calls).

use super::geometry::{Focus, Geometry};
use super::keymap::{Keymap, Mode};
use super::library::{IssueInfo, Library, Slot};
use super::marks::Marks;
use super::overlay::{ArchiveView, Overlay};
use super::rows::{Row, rows};
use super::search::Search;
use super::shown::Shown;
use super::view::View;
use crate::i18n::{Arg, Lang};
use crate::layout::LayoutOptions;
use crate::measure::Rates;
use crate::model::{Article, ArticleId, Change, Pos, Positions};
use crate::script::Script;

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
    /// Reading speeds, for reading times.
    pub rates: Rates,
    /// The script the config chose: which traditional form the script key
    /// cycles through (`layout.script` is the one shown now).
    pub script: Script,
    /// The language of the interface.
    pub lang: Lang,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            layout: LayoutOptions::default(),
            list_percent: 32,
            mark_read: MarkRead::OnOpen,
            rates: Rates::default(),
            script: Script::Original,
            lang: Lang::En,
        }
    }
}

/// Where the reader is headed: a jump (a bookmark, an archive match, the
/// issue last read) sets it; it is done once its issue is read and the
/// article shown.
#[derive(Debug, Clone, Default)]
pub(crate) struct Heading {
    /// The article to select when its issue has been read.
    pub article: Option<ArticleId>,
    /// A place to bring into view once its article is shown (an archive match).
    pub reveal: Option<(ArticleId, Pos)>,
}

/// What this update hands the shell to keep.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outbox {
    /// Changes made (read marks, bookmarks, notes), for `Effect::Record`.
    pub changes: Vec<Change>,
    /// The reading place last handed over (issue name, article, anchor).
    pub place: Option<(String, ArticleId, Option<Pos>)>,
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
    /// Search in the current issue.
    pub search: Search,
    /// Help, bookmarks, the picker or the archive search, over everything else.
    pub overlay: Option<Overlay>,
    /// The current issue's names in the script shown.
    pub shown: Shown,
    /// A transient message for the bottom line.
    pub status: Option<String>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Layout and pane settings.
    pub settings: Settings,
    /// The active keymap.
    pub keymap: Keymap,
    /// Where a jump is headed.
    pub(crate) heading: Heading,
    /// What to hand the shell to keep.
    pub(crate) outbox: Outbox,
    /// The archive search last closed, to go back to its results.
    pub(crate) archive_kept: Option<ArchiveView>,
}

impl State {
    /// A reader over the named issues, none loaded yet (more may be found
    /// later: `Action::Library`).
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
            shown: Shown::default(),
            status: None,
            size,
            settings,
            keymap,
            heading: Heading::default(),
            outbox: Outbox::default(),
            archive_kept: None,
        }
    }

    /// The interface's message `id` (see `i18n`).
    pub fn t(&self, id: &str) -> String {
        self.settings.lang.t(id)
    }

    /// The interface's message `id` with its arguments.
    pub fn f(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.settings.lang.f(id, args)
    }

    /// The screen layout for the current size and focus.
    pub fn geometry(&self) -> Geometry {
        Geometry::of(self.size.0, self.size.1, self.nav.focus, self.settings.list_percent)
    }

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        let reading = if self.search.prompt.is_some() { Mode::Prompt } else { Mode::Normal };
        self.overlay.as_ref().and_then(Overlay::mode).unwrap_or(reading)
    }

    /// The selected article of the current issue.
    pub fn article(&self) -> Option<&Article> {
        self.library.issue()?.articles().nth(self.nav.selected)
    }

    /// The list rows of the current issue.
    pub fn rows(&self) -> Vec<Row> {
        self.library.issue().map(|i| rows(i)).unwrap_or_default()
    }

    /// How many articles the current issue has.
    pub(crate) fn article_count(&self) -> usize {
        self.library.issue().map_or(0, |i| i.articles().count())
    }

    /// Rows of the list pane.
    pub(crate) fn list_height(&self) -> usize {
        self.geometry().list_inner().map_or(1, |r| usize::from(r.height).max(1))
    }

    /// Lines of the article pane.
    pub(crate) fn article_height(&self) -> usize {
        // In a narrow screen the article pane appears only when focused;
        // page sizes are those it will have.
        let g = Geometry::of(self.size.0, self.size.1, Focus::Article, self.settings.list_percent);
        g.article_inner().map_or(1, |r| usize::from(r.height).max(1))
    }
}
