//! The reader's state and its one update step. No I/O: work the shell
//! must do (load an issue, quit, suspend) comes back as [`Effect`]s.

pub mod action;
pub mod geometry;
pub mod keymap;
mod nav;
pub mod search;
mod view;

pub use action::Action;
pub use geometry::{Focus, Geometry};
pub use keymap::{Key, KeyCode, Keymap, Mode};
pub use nav::Row;
pub use view::View;

use crate::layout::LayoutOptions;
use crate::model::{Article, ArticleId, Issue};
use search::Hit;
use std::collections::HashSet;
use std::sync::Arc;

/// Narrowest and widest text column `+`/`-` allow.
const COLUMN_RANGE: (u16, u16) = (20, 240);
/// Lines of the previous page kept in view when paging.
const PAGE_OVERLAP: usize = 2;

/// Something the shell must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load issue number n and send back [`Action::Loaded`].
    Load(usize),
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop until resumed, then redraw.
    Suspend,
}

/// One issue of the library: its name, and once loaded the issue or why not.
#[derive(Debug, Clone)]
pub struct Slot {
    /// The source as the user knows it (a path or `bundled:NAME`).
    pub name: String,
    /// The parsed issue.
    pub issue: Option<Arc<Issue>>,
    /// Why it could not be loaded.
    pub error: Option<String>,
}

/// The issues the reader was opened on, and which one is current.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Every issue, in order.
    pub slots: Vec<Slot>,
    /// Index of the current issue.
    pub current: usize,
}

impl Library {
    /// The current issue, when loaded.
    pub fn issue(&self) -> Option<&Arc<Issue>> {
        self.slots.get(self.current)?.issue.as_ref()
    }
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

/// Read marks and bookmarks, by article id.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Articles read.
    pub read: HashSet<ArticleId>,
    /// Articles bookmarked.
    pub bookmarks: HashSet<ArticleId>,
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
    /// Search.
    pub search: Search,
    /// The help overlay, when open: its scroll offset.
    pub help: Option<u16>,
    /// A transient message for the bottom line.
    pub status: Option<String>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Layout and pane settings.
    pub settings: Settings,
    /// The active keymap.
    pub keymap: Keymap,
}

impl State {
    /// A reader over the named issues, none loaded yet.
    pub fn new(names: Vec<String>, settings: Settings, keymap: Keymap, size: (u16, u16)) -> State {
        let slots = names.into_iter().map(|name| Slot { name, issue: None, error: None }).collect();
        State {
            library: Library { slots, current: 0 },
            nav: Nav::default(),
            view: View::default(),
            marks: Marks::default(),
            search: Search::default(),
            help: None,
            status: None,
            size,
            settings,
            keymap,
        }
    }

    /// The screen layout for the current size and focus.
    pub fn geometry(&self) -> Geometry {
        Geometry::of(self.size.0, self.size.1, self.nav.focus, self.settings.list_percent)
    }

    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        if self.search.prompt.is_some() { Mode::SearchPrompt } else { Mode::Normal }
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
    if !matches!(action, Action::Resize(..) | Action::Loaded { .. }) {
        state.status = None;
    }
    if state.help.is_some() && handle_help(state, &action) {
        return effects;
    }
    match action {
        Action::Down => move_or_scroll(state, 1, 1),
        Action::Up => move_or_scroll(state, -1, -1),
        Action::PageDown => page(state, 1),
        Action::PageUp => page(state, -1),
        Action::HalfPageDown => {
            let h = state.article_height() / 2;
            move_or_scroll(state, (state.list_height() / 2).max(1) as isize, h.max(1) as isize)
        }
        Action::HalfPageUp => {
            let h = state.article_height() / 2;
            move_or_scroll(state, -((state.list_height() / 2).max(1) as isize), -(h.max(1) as isize))
        }
        Action::Top => match state.nav.focus {
            Focus::List => select(state, 0),
            Focus::Article => state.view.scroll_to(0, state.article_height()),
        },
        Action::Bottom => match state.nav.focus {
            Focus::List => select(state, state.article_count().saturating_sub(1)),
            Focus::Article => state.view.scroll_to(usize::MAX, state.article_height()),
        },
        Action::Open => open(state, state.nav.selected),
        Action::Back => {
            if state.search.current.is_some() || !state.search.hits.is_empty() && state.nav.focus == Focus::List {
                clear_search(state);
            }
            state.nav.focus = Focus::List;
        }
        Action::SwitchPane => {
            state.nav.focus = match state.nav.focus {
                Focus::List => Focus::Article,
                Focus::Article => Focus::List,
            }
        }
        Action::NextArticle => {
            let n = state.nav.selected + 1;
            if n < state.article_count() {
                open(state, n);
            } else {
                state.status = Some("last article of this issue".into());
            }
        }
        Action::PrevArticle => match state.nav.selected.checked_sub(1) {
            Some(n) => open(state, n),
            None => state.status = Some("first article of this issue".into()),
        },
        Action::NextSection => jump_section(state, 1),
        Action::PrevSection => jump_section(state, -1),
        Action::NextUnread => next_unread(state),
        Action::NextIssue => switch_issue(state, 1, &mut effects),
        Action::PrevIssue => switch_issue(state, -1, &mut effects),
        Action::Search => state.search.prompt = Some(String::new()),
        Action::SearchInput(c) => {
            if let Some(p) = &mut state.search.prompt {
                p.push(c);
                let q = p.clone();
                set_query(state, &q);
            }
        }
        Action::SearchBackspace => {
            if let Some(p) = &mut state.search.prompt {
                p.pop();
                let q = p.clone();
                set_query(state, &q);
            }
        }
        Action::SearchSubmit => {
            state.search.prompt = None;
            if state.search.hits.is_empty() {
                if !state.search.query.is_empty() {
                    state.status = Some(format!("not found: {}", state.search.query));
                }
            } else {
                let from = first_hit_from_here(state);
                jump_to_hit(state, from);
            }
        }
        Action::SearchCancel => {
            state.search.prompt = None;
            clear_search(state);
        }
        Action::SearchNext | Action::SearchPrev => {
            let n = state.search.hits.len();
            if n == 0 {
                state.status = Some("no search (press / to search)".into());
            } else {
                let next = match (state.search.current, action == Action::SearchNext) {
                    (None, _) => first_hit_from_here(state),
                    (Some(c), true) => (c + 1) % n,
                    (Some(c), false) => (c + n - 1) % n,
                };
                jump_to_hit(state, next);
            }
        }
        Action::ToggleBookmark => toggle(state, true),
        Action::ToggleRead => toggle(state, false),
        Action::Wider | Action::Narrower => {
            let step: i32 = if action == Action::Wider { 4 } else { -4 };
            let w = (i32::from(state.settings.layout.max_width) + step)
                .clamp(i32::from(COLUMN_RANGE.0), i32::from(COLUMN_RANGE.1)) as u16;
            state.settings.layout.max_width = w;
            state.status = Some(format!("text column at most {w} cells"));
        }
        Action::Help => state.help = Some(0),
        Action::Quit => effects.push(Effect::Quit),
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Resize(w, h) => state.size = (w, h),
        Action::Wheel { x, y, delta } => wheel(state, x, y, delta),
        Action::Click { x, y } => click(state, x, y),
        Action::Loaded { index, result } => loaded(state, index, result),
    }
    sync(state);
    effects
}

/// Keys while help is open: scroll it or close it. Returns true if handled.
fn handle_help(state: &mut State, action: &Action) -> bool {
    let scroll = state.help.unwrap_or(0);
    state.help = match action {
        Action::Help | Action::Back | Action::Quit => None,
        Action::Down => Some(scroll.saturating_add(1)),
        Action::Up => Some(scroll.saturating_sub(1)),
        Action::PageDown | Action::HalfPageDown => Some(scroll.saturating_add(10)),
        Action::PageUp | Action::HalfPageUp => Some(scroll.saturating_sub(10)),
        Action::Top => Some(0),
        Action::Resize(..) | Action::Loaded { .. } | Action::Suspend => return false,
        _ => Some(scroll),
    };
    true
}

fn move_or_scroll(state: &mut State, rows: isize, lines: isize) {
    match state.nav.focus {
        Focus::List => {
            let n = state.nav.selected.saturating_add_signed(rows);
            select(state, n.min(state.article_count().saturating_sub(1)));
        }
        Focus::Article => state.view.scroll(lines, state.article_height()),
    }
}

fn page(state: &mut State, dir: isize) {
    match state.nav.focus {
        Focus::List => {
            let rows = state.list_height().saturating_sub(1).max(1) as isize;
            move_or_scroll(state, dir * rows, 0);
        }
        Focus::Article => {
            let h = state.article_height();
            // Space at the end of an article goes on to the next one, as in a pager.
            if dir > 0 && state.view.at_end(h) && state.nav.selected + 1 < state.article_count() {
                open(state, state.nav.selected + 1);
                return;
            }
            state.view.scroll(dir * h.saturating_sub(PAGE_OVERLAP).max(1) as isize, h);
        }
    }
}

/// Selects an article without opening it (the article pane previews it).
fn select(state: &mut State, index: usize) {
    if index != state.nav.selected {
        state.nav.selected = index;
        state.view.clear();
    }
}

/// Selects an article, focuses the article pane, and marks it read.
fn open(state: &mut State, index: usize) {
    if index >= state.article_count() {
        return;
    }
    select(state, index);
    state.nav.focus = Focus::Article;
    if let Some(id) = state.article().map(|a| a.id.clone()) {
        state.marks.read.insert(id);
    }
}

fn jump_section(state: &mut State, dir: isize) {
    let Some(issue) = state.library.issue().cloned() else { return };
    let starts = nav::section_starts(&issue);
    let here = starts.iter().rposition(|&s| s <= state.nav.selected).unwrap_or(0);
    let target = match dir {
        1 => starts.get(here + 1).copied(),
        _ if starts.get(here).is_some_and(|&s| s < state.nav.selected) => starts.get(here).copied(),
        _ => here.checked_sub(1).and_then(|h| starts.get(h).copied()),
    };
    match target {
        Some(t) if state.nav.focus == Focus::Article => open(state, t),
        Some(t) => select(state, t),
        None => state.status = Some(if dir > 0 { "last section" } else { "first section" }.into()),
    }
}

fn next_unread(state: &mut State) {
    let Some(issue) = state.library.issue().cloned() else { return };
    let ids: Vec<&ArticleId> = issue.articles().map(|a| &a.id).collect();
    let n = ids.len();
    let found = (1..=n).map(|k| (state.nav.selected + k) % n).find(|&i| !state.marks.read.contains(ids[i]));
    match found {
        Some(i) => open(state, i),
        None => state.status = Some("no unread articles in this issue".into()),
    }
}

fn switch_issue(state: &mut State, dir: isize, effects: &mut Vec<Effect>) {
    let n = state.library.slots.len();
    let target = state.library.current.checked_add_signed(dir).filter(|&t| t < n);
    let Some(target) = target else {
        state.status = Some(if dir > 0 { "last issue" } else { "first issue" }.into());
        return;
    };
    state.library.current = target;
    state.nav.selected = 0;
    state.nav.list_top = 0;
    state.view.clear();
    clear_search(state);
    if state.library.slots[target].issue.is_none() && state.library.slots[target].error.is_none() {
        effects.push(Effect::Load(target));
    }
}

fn loaded(state: &mut State, index: usize, result: Result<Arc<Issue>, String>) {
    let Some(slot) = state.library.slots.get_mut(index) else { return };
    match result {
        Ok(issue) => slot.issue = Some(issue),
        Err(e) => {
            state.status = Some(e.clone());
            slot.error = Some(e);
        }
    }
}

fn set_query(state: &mut State, query: &str) {
    state.search.query = query.to_string();
    state.search.current = None;
    state.search.hits = state.library.issue().map(|i| search::find(i, query)).unwrap_or_default();
}

fn clear_search(state: &mut State) {
    state.search.query.clear();
    state.search.hits.clear();
    state.search.current = None;
}

/// The first match at or after the reading position, wrapping to the start.
fn first_hit_from_here(state: &State) -> usize {
    let here = state.nav.selected;
    let top = state.view.layout().and_then(|l| l.lines().get(state.view.top)).map(|l| l.start());
    state
        .search
        .hits
        .iter()
        .position(|h| h.article > here || h.article == here && top.is_none_or(|t| h.pos >= t))
        .unwrap_or(0)
}

fn jump_to_hit(state: &mut State, index: usize) {
    let Some(hit) = state.search.hits.get(index).copied() else { return };
    state.search.current = Some(index);
    open(state, hit.article);
    sync(state);
    state.view.reveal(hit.pos, state.article_height());
    state.status = Some(format!("match {} of {}", index + 1, state.search.hits.len()));
}

fn toggle(state: &mut State, bookmark: bool) {
    let Some(id) = state.article().map(|a| a.id.clone()) else { return };
    let (set, on, off) = if bookmark {
        (&mut state.marks.bookmarks, "bookmarked", "bookmark removed")
    } else {
        (&mut state.marks.read, "marked read", "marked unread")
    };
    let msg = if set.remove(&id) {
        off
    } else {
        set.insert(id);
        on
    };
    state.status = Some(msg.into());
}

fn wheel(state: &mut State, x: u16, y: u16, delta: i16) {
    let g = state.geometry();
    if g.list.is_some_and(|r| geometry::contains(r, x, y)) {
        let n = state.nav.selected.saturating_add_signed(isize::from(delta));
        select(state, n.min(state.article_count().saturating_sub(1)));
    } else if g.article.is_some_and(|r| geometry::contains(r, x, y)) {
        state.view.scroll(isize::from(delta) * 3, state.article_height());
    }
}

fn click(state: &mut State, x: u16, y: u16) {
    let g = state.geometry();
    if let Some(inner) = g.list_inner().filter(|r| geometry::contains(*r, x, y)) {
        let row = state.nav.list_top + usize::from(y - inner.y);
        if let Some(Row::Article { index, .. }) = state.rows().get(row) {
            let index = *index;
            select(state, index);
            state.nav.focus = Focus::List;
        }
    } else if g.article.is_some_and(|r| geometry::contains(r, x, y)) {
        state.nav.focus = Focus::Article;
    }
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
            state.view.show(state.library.current, article, area.width, &state.settings.layout, h);
        }
        None => state.view.clear(),
    }
}
