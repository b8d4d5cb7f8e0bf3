//! What the reader keeps between sessions: read marks, bookmarks and the
//! reading place. The app records changes; the shell persists them.

use super::{Effect, Focus, IssueInfo, MarkRead, Slot, State, reading};
use crate::model::{ArticleId, Bookmark, Change, LastOpen, Positions};
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
}

/// Marks the selected article read or unread.
pub(super) fn set_read(state: &mut State, read: bool) {
    let Some(id) = state.article().map(|a| a.id.clone()) else { return };
    let changed = if read { state.marks.read.insert(id.clone()) } else { state.marks.read.remove(&id) };
    if changed {
        state.changes.push(Change::Read(id, read));
    }
}

/// `r`: read ↔ unread.
pub(super) fn toggle_read(state: &mut State) {
    let Some(read) = state.article().map(|a| state.marks.read.contains(&a.id)) else { return };
    set_read(state, !read);
    state.status = Some(if read { "marked unread" } else { "marked read" }.into());
}

/// `m`: bookmark the selected article, or remove its bookmark.
pub(super) fn toggle_bookmark(state: &mut State) {
    let Some(issue) = state.library.issue().cloned() else { return };
    let Some((section, article)) =
        issue.sections.iter().flat_map(|s| s.articles.iter().map(move |a| (s, a))).nth(state.nav.selected)
    else {
        return;
    };
    if state.marks.bookmarks.remove(&article.id).is_some() {
        state.changes.push(Change::Unbookmark(article.id.clone()));
        state.status = Some("bookmark removed".into());
        return;
    }
    let b = Bookmark {
        id: article.id.clone(),
        headline: article.label(),
        section: section.name.clone(),
        issue: issue.title.clone(),
        date: issue.date,
        source: current_name(state),
        added: None,
        note: String::new(),
    };
    state.marks.bookmarks.insert(b.id.clone(), b.clone());
    state.changes.push(Change::Bookmark(b));
    state.status = Some("bookmarked".into());
}

/// Start-up: marks, bookmarks and positions from earlier sessions; the
/// issue to start with (the last one read, when resuming).
pub(super) fn restore(state: &mut State, saved: Saved, effects: &mut Vec<Effect>) {
    state.marks = saved.marks;
    state.positions = saved.positions;
    if !saved.messages.is_empty() {
        state.status = Some(saved.messages.join(" · "));
    }
    let mut start = state.library.current;
    if let Some(last) = state.positions.last.clone().filter(|_| saved.resume) {
        start = match state.library.position(&last.source) {
            Some(i) => i,
            None if !state.marks.missing.contains(&last.source) && !state.library.slots.is_empty() => {
                state.library.slots.insert(0, Slot::new(IssueInfo::from_name(&last.source)));
                0
            }
            None => start,
        };
    }
    if start < state.library.slots.len() {
        // Make `start` current without the usual reset, then load or select.
        state.library.current = start;
        reading::go_to_issue(state, start, effects);
    }
}

/// Another reader's saved changes merged in: marks and bookmarks as now stored.
pub(super) fn merged(state: &mut State, saved: Saved) {
    state.marks = saved.marks;
}

/// After every update: changes become effects to persist; an article read
/// to its end counts as read under that policy; a moved reading place is
/// noted for saving.
pub(super) fn after_update(state: &mut State, effects: &mut Vec<Effect>) {
    if state.settings.mark_read == MarkRead::OnEnd
        && state.nav.focus == Focus::Article
        && !state.view.is_empty()
        && state.view.at_end(state.article_height())
    {
        set_read(state, true);
    }
    effects.extend(state.changes.drain(..).map(Effect::Record));
    let Some(issue) = state.library.issue().cloned() else { return };
    let Some(article) = issue.articles().nth(state.nav.selected) else { return };
    let anchor = if state.view.top > 0 { state.view.anchor() } else { None };
    let place = (state.library.current, article.id.clone(), anchor);
    if state.saved_place.as_ref() == Some(&place) {
        return;
    }
    let key = issue.key();
    let source = current_name(state);
    let p = &mut state.positions;
    p.last = Some(LastOpen { source, issue: key.clone(), article: article.id.clone() });
    p.issues.insert(key, article.id.clone());
    match anchor {
        Some(a) => p.anchors.insert(article.id.clone(), a),
        None => p.anchors.remove(&article.id),
    };
    state.saved_place = Some(place);
    effects.push(Effect::Moved);
}

/// The current issue's source name: the one that finds its file again
/// (`Issue::source` is only how it is shown).
fn current_name(state: &State) -> String {
    state.library.slots.get(state.library.current).map(|s| s.name().to_string()).unwrap_or_default()
}
