//! The reader's state, split by concern, and what can be read off it.
//! Changed only by `update` (and the moves in `nav.rs` it calls).

use super::geometry::{Focus, Geometry};
use super::keymap::{Keymap, Mode};
use super::library::{IssueInfo, Library};
use super::marks::Marks;
use super::overlay::{ArchiveView, Overlay};
use super::rows::{Row, rows};
use super::search::Search;
use super::shown::Shown;
use super::view::View;
use crate::i18n::{Arg, Lang};
use crate::layout::LayoutOptions;
use crate::measure::Rates;
use crate::model::{Article, ArticleId, Change, LastOpen, Pos, Positions};
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
    /// The article this visit has counted as read (or found read), so that
    /// it is counted once: `r` may mark it unread again while it stays.
    pub(crate) counted: Option<ArticleId>,
}

/// When an article counts as read. Every way of opening one counts alike:
/// the list, `]`/`[`, `u`, `n`/`N`, a search or bookmark jump, Space paging
/// on, resuming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkRead {
    /// As soon as it is open in the article pane.
    #[default]
    OnOpen,
    /// As soon as it is shown in the article pane, opened or only previewed
    /// beside the list (the article on screen at start-up included).
    OnView,
    /// When its end has been on screen in the article pane, opened.
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
    /// The command the pipe prompt starts with (`""`: none).
    pub pipe_command: String,
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
            pipe_command: String::new(),
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
    /// `u` went on to this issue: open its first unread article.
    pub unread: bool,
    /// `b` went back to this issue: open its last article at its end.
    pub end: bool,
}

/// What this update hands the shell to keep.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outbox {
    /// Changes made (read marks, bookmarks, notes), for `Effect::Record`.
    pub changes: Vec<Change>,
    /// The reading place last handed over, and the anchor in its article.
    pub place: Option<(LastOpen, Option<Pos>)>,
}

/// Where a page key in the article goes past the article's own pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageTurn {
    /// Space at the end: the next article.
    NextArticle,
    /// Space at the end of the issue's last article: the next issue.
    NextIssue,
    /// `b` at the top: the end of the article before.
    PrevArticleEnd,
    /// `b` at the top of the issue's first article: the end of the issue
    /// before (the one Space went on from).
    PrevIssueEnd,
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
    /// Commands piped to this session, oldest first.
    pub(crate) pipe_history: Vec<String>,
    /// The key the issue last read is kept under for the paths given
    /// (`Saved::place`).
    pub(crate) place: Option<String>,
    /// The text column's width when `+`/`-` set it (kept for next time).
    pub(crate) column: Option<u16>,
}

impl State {
    /// What a page key (`dir`: 1 down, -1 up) in the article would do beyond
    /// scrolling it, if anything.
    pub fn page_turn(&self, dir: isize) -> Option<PageTurn> {
        let h = self.article_height();
        let last = self.nav.selected + 1 >= self.article_count();
        match dir {
            1 if !self.view.at_end(h) => None,
            1 if !last => Some(PageTurn::NextArticle),
            1 => (self.library.current + 1 < self.library.slots.len()).then_some(PageTurn::NextIssue),
            _ if self.view.top > 0 => None,
            _ if self.nav.selected > 0 => Some(PageTurn::PrevArticleEnd),
            _ => (self.library.current > 0).then_some(PageTurn::PrevIssueEnd),
        }
    }

    /// A reader over the named issues, none loaded yet (more may be found
    /// later: `Action::Library`).
    pub fn new(names: Vec<String>, settings: Settings, keymap: Keymap, size: (u16, u16)) -> State {
        let mut library = Library::default();
        library.replace(names.iter().map(|n| IssueInfo::from_name(n)).collect());
        State {
            library,
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
            pipe_history: Vec::new(),
            place: None,
            column: None,
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
