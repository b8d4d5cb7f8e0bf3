//! Searching the whole library: the prompt, results streaming in as the
//! background search finds them, opening a result at its match.

use super::{Action, Effect, Focus, Overlay, State, reading};
use crate::model::{ArticleId, Pos};
use jiff::civil::Date;
use std::ops::Range;

/// Most results kept: a phrase in every article of years of issues would
/// otherwise grow without end.
pub const MAX_RESULTS: usize = 5000;

/// One matching article somewhere in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The issue's source name.
    pub source: String,
    /// The issue's title.
    pub issue_title: String,
    /// The issue's date.
    pub date: Option<Date>,
    /// The article.
    pub article: ArticleId,
    /// Its headline.
    pub headline: String,
    /// Where the first match starts.
    pub pos: Pos,
    /// Text around the match.
    pub snippet: String,
    /// The match inside `snippet` (bytes).
    pub snippet_match: Range<usize>,
}

/// The archive search overlay.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArchiveView {
    /// The phrase.
    pub query: String,
    /// The phrase is being typed.
    pub typing: bool,
    /// The phrase is the last search's, shown again: typing replaces it,
    /// Enter goes back to its results.
    pub fresh: bool,
    /// Matching articles so far (the first [`MAX_RESULTS`]).
    pub results: Vec<Found>,
    /// How many articles matched, listed or not.
    pub total: usize,
    /// The selected result.
    pub selected: usize,
    /// The number of the search the results are from.
    pub search: u64,
    /// A search is under way.
    pub running: bool,
    /// When finished: how many issues were searched.
    pub searched: Option<usize>,
}

/// `S`: the last search again, its phrase ready to be replaced and its
/// results ready to go back to.
pub(super) fn open(state: &mut State) {
    let v = state.last_archive.take().unwrap_or_default();
    state.overlay = Some(Overlay::Archive(ArchiveView { typing: true, fresh: !v.query.is_empty(), ..v }));
}

/// Closes the overlay, cancelling a search under way and keeping the
/// search to come back to (its phrase only, if it didn't finish).
fn close(state: &mut State, v: ArchiveView, effects: &mut Vec<Effect>) {
    let v = if v.running {
        effects.push(Effect::CancelArchiveSearch);
        ArchiveView { query: v.query, ..Default::default() }
    } else {
        v
    };
    state.last_archive = Some(ArchiveView { typing: false, fresh: false, ..v });
    state.overlay = None;
}

/// A changed phrase: the results shown were for another.
fn edited(v: &mut ArchiveView) {
    if !v.running {
        v.results.clear();
        v.total = 0;
        v.searched = None;
        v.selected = 0;
    }
    v.fresh = false;
}

/// Keys while the archive overlay is open.
pub(super) fn handle(state: &mut State, mut v: ArchiveView, action: &Action, effects: &mut Vec<Effect>) {
    if v.typing {
        let has_results = !v.results.is_empty();
        match action {
            Action::Input(c) => {
                if v.fresh {
                    v.query.clear();
                }
                edited(&mut v);
                v.query.push(*c);
            }
            Action::InputBackspace => {
                edited(&mut v);
                v.query.pop();
            }
            // Back to the results of the phrase shown.
            Action::InputSubmit | Action::Down if v.fresh && has_results => {
                v.typing = false;
                v.fresh = false;
            }
            Action::InputSubmit if !v.query.trim().is_empty() => {
                if v.running {
                    effects.push(Effect::CancelArchiveSearch);
                }
                state.archive_searches += 1;
                let search = state.archive_searches;
                v = ArchiveView { query: v.query.trim().to_string(), search, running: true, ..Default::default() };
                effects.push(Effect::ArchiveSearch { search, query: v.query.clone() });
            }
            Action::Down if has_results => v.typing = false,
            Action::InputCancel | Action::Quit => return close(state, v, effects),
            _ => {}
        }
        state.overlay = Some(Overlay::Archive(v));
        return;
    }
    if let Some(to) = super::overlay::step(v.selected, v.results.len(), action) {
        v.selected = to;
        state.overlay = Some(Overlay::Archive(v));
        return;
    }
    match action {
        Action::Search | Action::ArchiveSearch => {
            v.typing = true;
            v.fresh = true;
        }
        Action::Open => {
            if let Some(found) = v.results.get(v.selected).cloned() {
                let query = v.query.clone();
                close(state, v, effects);
                go_to(state, &found, &query, effects);
                return;
            }
        }
        Action::Back | Action::Quit => return close(state, v, effects),
        _ => {}
    }
    state.overlay = Some(Overlay::Archive(v));
}

/// Results coming in from the background search (dropped if they are
/// from a search given up on).
pub(super) fn found(state: &mut State, search: u64, more: Vec<Found>) {
    if let Some(Overlay::Archive(v)) = &mut state.overlay
        && v.running
        && v.search == search
    {
        let room = MAX_RESULTS.saturating_sub(v.results.len());
        v.total += more.len();
        v.results.extend(more.into_iter().take(room));
    }
}

/// The background search has finished.
pub(super) fn finished(state: &mut State, search: u64, searched: usize) {
    if let Some(Overlay::Archive(v)) = &mut state.overlay
        && v.running
        && v.search == search
    {
        v.running = false;
        v.searched = Some(searched);
    }
}

/// Opens a result: its issue, its article, scrolled to the match.
fn go_to(state: &mut State, found: &Found, query: &str, effects: &mut Vec<Effect>) {
    let slot = state.library.add(&found.source);
    state.pending = Some(found.article.clone());
    state.reveal = Some((found.article.clone(), found.pos));
    reading::go_to_issue(state, slot, effects);
    // The phrase stays highlighted in the issue, n / N going on from this match.
    state.search.query = query.to_string();
    reading::highlight(state);
    state.nav.focus = Focus::Article;
    if state.settings.mark_read == super::MarkRead::OnOpen && state.article().is_some_and(|a| a.id == found.article) {
        super::marks::set_read(state, true);
    }
}
