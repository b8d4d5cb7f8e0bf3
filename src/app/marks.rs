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

/// A save done: marks as now stored, what is not saved marked so, and the
/// bottom line saying what happened — a change just made that could not be
/// saved is never left reported as done.
pub(super) fn saved(state: &mut State, report: SaveReport) {
    let before = std::mem::take(&mut state.marks.unsaved);
    if let Some(marks) = report.marks {
        state.marks = marks;
    }
    state.marks.unsaved = report.unsaved;
    let now = &state.marks.unsaved;
    let done = state.status.take();
    let mut say: Vec<String> = Vec::new();
    match &now.why {
        Some(why) if report.change => {
            let n = now.marks.max(1);
            let aside = if now.kept { " kept aside," } else { "" };
            // A change with nothing said for it (an article read on opening) is "not saved" alone.
            let done = done.map(|d| format!("{d} — ")).unwrap_or_default();
            say.push(format!("{done}not saved: {why} · {n} unsaved,{aside} retried with each change and at quit"));
        }
        // The reading place: said when it first fails, unless a message
        // (one at start saying changes can't be saved) is up already.
        Some(why) if before.why.as_ref() != Some(why) && done.is_none() => {
            say.push(format!("reading place not saved: {why}"));
        }
        _ => {
            say.extend(done);
            if now.why.is_none() && !before.is_empty() {
                say.push(match before.marks {
                    0 => "saved now".to_string(),
                    1 => "the unsaved change is saved now".to_string(),
                    n => format!("all {n} unsaved changes are saved now"),
                });
            }
        }
    }
    say.extend(report.messages);
    state.status = (!say.is_empty()).then(|| say.join(" · "));
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
