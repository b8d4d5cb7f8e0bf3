//! Searching the whole library: the prompt, results streaming in as the
//! background search finds them, opening a result at its match.

use super::{Action, Effect, Focus, Overlay, State, reading};
use crate::model::{ArticleId, Pos};
use jiff::civil::Date;
use std::ops::Range;

/// Most results kept: a phrase in every article of years of issues would
/// otherwise grow without end.
const MAX_RESULTS: usize = 5000;

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
    /// Matching articles so far.
    pub results: Vec<Found>,
    /// The selected result.
    pub selected: usize,
    /// A search is under way.
    pub running: bool,
    /// When finished: how many issues were searched.
    pub searched: Option<usize>,
}

/// `S`: a new search, starting from the last phrase.
pub(super) fn open(state: &mut State) {
    let query = match &state.overlay {
        Some(Overlay::Archive(v)) => v.query.clone(),
        _ => state.last_archive_query.clone(),
    };
    state.overlay = Some(Overlay::Archive(ArchiveView { query, typing: true, ..Default::default() }));
}

/// Keys while the archive overlay is open.
pub(super) fn handle(state: &mut State, mut v: ArchiveView, action: &Action, effects: &mut Vec<Effect>) {
    let last = v.results.len().saturating_sub(1);
    if v.typing {
        match action {
            Action::Input(c) => v.query.push(*c),
            Action::InputBackspace => {
                v.query.pop();
            }
            Action::InputSubmit if !v.query.trim().is_empty() => {
                if v.running {
                    effects.push(Effect::CancelArchiveSearch);
                }
                v = ArchiveView { query: v.query.trim().to_string(), running: true, ..Default::default() };
                state.last_archive_query = v.query.clone();
                effects.push(Effect::ArchiveSearch(v.query.clone()));
            }
            Action::InputSubmit => {}
            Action::InputCancel | Action::Quit => {
                if v.running {
                    effects.push(Effect::CancelArchiveSearch);
                }
                state.overlay = None;
                return;
            }
            _ => {}
        }
        state.overlay = Some(Overlay::Archive(v));
        return;
    }
    match action {
        Action::Down => v.selected = (v.selected + 1).min(last),
        Action::Up => v.selected = v.selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => v.selected = (v.selected + 10).min(last),
        Action::PageUp | Action::HalfPageUp => v.selected = v.selected.saturating_sub(10),
        Action::Top => v.selected = 0,
        Action::Bottom => v.selected = last,
        Action::Search | Action::ArchiveSearch => v.typing = true,
        Action::Open => {
            if let Some(found) = v.results.get(v.selected).cloned() {
                if v.running {
                    effects.push(Effect::CancelArchiveSearch);
                }
                state.overlay = None;
                go_to(state, &found, effects);
                return;
            }
        }
        Action::Back | Action::Quit => {
            if v.running {
                effects.push(Effect::CancelArchiveSearch);
            }
            state.overlay = None;
            return;
        }
        _ => {}
    }
    state.overlay = Some(Overlay::Archive(v));
}

/// Results coming in from the background search.
pub(super) fn found(state: &mut State, more: Vec<Found>) {
    if let Some(Overlay::Archive(v)) = &mut state.overlay {
        let room = MAX_RESULTS.saturating_sub(v.results.len());
        v.results.extend(more.into_iter().take(room));
    }
}

/// The background search has finished.
pub(super) fn finished(state: &mut State, searched: usize) {
    if let Some(Overlay::Archive(v)) = &mut state.overlay {
        v.running = false;
        v.searched = Some(searched);
    }
}

/// Opens a result: its issue, its article, scrolled to the match.
fn go_to(state: &mut State, found: &Found, effects: &mut Vec<Effect>) {
    let slot = state.library.add(&found.source);
    state.pending = Some(found.article.clone());
    state.reveal = Some((found.article.clone(), found.pos));
    reading::go_to_issue(state, slot, effects);
    state.nav.focus = Focus::Article;
    if state.settings.mark_read == super::MarkRead::OnOpen && state.article().is_some_and(|a| a.id == found.article) {
        super::marks::set_read(state, true);
    }
}
