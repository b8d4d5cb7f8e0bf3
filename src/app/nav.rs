//! The moves every part of the reader shares: select and open an article,
//! go to an issue (or to where an overlay sends the reader), mark read,
//! highlight the search's matches; and `sync`, which brings derived state in
//! line after every action.

use super::action::Effect;
use super::geometry::{Focus, Geometry};
use super::overlay::{Overlay, Target};
use super::rows::Row;
use super::search::find;
use super::state::State;
use crate::library::{ArchiveHit, LoadError, name};
use crate::model::{Bookmark, Change, Issue};
use std::sync::Arc;

/// Selects an article without opening it (the article pane previews it).
pub(super) fn select(state: &mut State, index: usize) {
    if index != state.nav.selected {
        state.nav.selected = index;
        state.view.clear();
    }
}

/// Selects an article and focuses the article pane (where it counts as
/// read when the policy says: `session::count_read`).
pub(super) fn open(state: &mut State, index: usize) {
    if index >= state.article_count() {
        return;
    }
    select(state, index);
    state.nav.focus = Focus::Article;
}

/// Marks the selected article read or unread.
pub(super) fn set_read(state: &mut State, read: bool) {
    let Some(id) = state.article().map(|a| a.id.clone()) else { return };
    let changed = if read { state.marks.read.insert(id.clone()) } else { state.marks.read.remove(&id) };
    if changed {
        state.outbox.changes.push(Change::Read(id, read));
    }
}

/// Makes issue `target` (an index into the library) current, at the
/// article last read in it; asks for it to be read if it isn't yet.
pub(super) fn go_to_issue(state: &mut State, target: usize, effects: &mut Vec<Effect>) {
    if target != state.library.current {
        state.library.current = target;
        state.nav.selected = 0;
        state.nav.list_top = 0;
        state.view.clear();
        state.search.clear();
    }
    let Some(slot) = state.library.slots.get(target) else { return };
    match &slot.issue {
        Some(issue) => {
            let issue = issue.clone();
            select_remembered(state, &issue);
        }
        None if slot.error.is_none() => effects.push(Effect::Load(slot.name().to_string())),
        None => {}
    }
}

/// Goes where an overlay sends the reader.
pub(super) fn go_to(state: &mut State, target: Target, effects: &mut Vec<Effect>) {
    match target {
        Target::Issue(name) => {
            if let Some(i) = state.library.position(&name) {
                go_to_issue(state, i, effects);
            }
        }
        Target::Bookmark(b) => go_to_bookmark(state, &b, effects),
        Target::Match { hit, phrase } => go_to_match(state, &hit, &phrase, effects),
        Target::Article(index) => open(state, index),
    }
}

/// Every jump to an article reads it: the article pane has the keys,
/// whether the article is there yet or its issue is still being read.
fn jumped(state: &mut State) {
    state.nav.focus = Focus::Article;
}

/// A bookmarked article: its issue if the library has it, else the issue
/// file it was read from, added to the library.
fn go_to_bookmark(state: &mut State, b: &Bookmark, effects: &mut Vec<Effect>) {
    if state.marks.missing.contains(&b.source) {
        state.status = Some(state.f("st-file-gone", &[("file", name::shown(&b.source).into())]));
        return;
    }
    let slot = state.library.add(&b.source);
    state.heading.article = Some(b.id.clone());
    go_to_issue(state, slot, effects);
    jumped(state);
    let loaded = state.library.issue().is_some();
    if loaded && state.article().map(|a| &a.id) != Some(&b.id) {
        let args = [("headline", b.headline.as_str().into()), ("file", name::shown(&b.source).into())];
        state.status = Some(state.f("st-no-longer", &args));
    }
}

/// An archive match: its issue, its article, scrolled to the match, the
/// phrase highlighted (`n` / `N` going on from this match).
fn go_to_match(state: &mut State, hit: &ArchiveHit, phrase: &str, effects: &mut Vec<Effect>) {
    // Bundled samples come back under their `bundled:` names, files as paths.
    let slot = state.library.add(&name::of_path(&hit.path));
    state.heading.article = Some(hit.article.clone());
    state.heading.reveal = Some((hit.article.clone(), hit.pos));
    go_to_issue(state, slot, effects);
    jumped(state);
    state.search.query = phrase.to_string();
    highlight(state);
}

/// Selects the article a jump is headed for, or the one last read in this issue.
fn select_remembered(state: &mut State, issue: &Issue) {
    let count = issue.articles().count();
    if std::mem::take(&mut state.heading.end) && count > 0 {
        open(state, count - 1);
        sync(state);
        return state.view.scroll_to(usize::MAX, state.article_height());
    }
    if std::mem::take(&mut state.heading.unread) {
        match issue.articles().position(|a| !state.marks.read.contains(&a.id)) {
            Some(i) => return open(state, i),
            None => state.status = Some(state.t("st-no-unread-either")),
        }
    }
    let wanted = state.heading.article.take().or_else(|| state.positions.issues.get(&issue.key()).cloned());
    if let Some(i) = wanted.and_then(|id| issue.articles().position(|a| a.id == id)) {
        select(state, i);
    }
}

/// An issue was read, or could not be: the current one opens where the
/// reader is headed; a failure is said.
pub(super) fn loaded(state: &mut State, name: &str, result: Result<Arc<Issue>, LoadError>) {
    let Some(current) = state.library.loaded(name, &result) else { return };
    match result {
        Ok(issue) if current => {
            select_remembered(state, &issue);
            highlight(state);
        }
        Ok(_) => {}
        Err(e) => {
            state.heading.end = false;
            state.status = Some(crate::i18n::problems::load_error(state.settings.lang, &e));
        }
    }
}

/// Highlights the matches of the search query in the current issue (an
/// archive search's phrase, once the issue it opened is loaded), the one
/// being revealed as the current match.
pub(super) fn highlight(state: &mut State) {
    let Some(issue) = state.library.issue() else { return };
    if state.search.query.is_empty() {
        return;
    }
    state.search.hits = find(issue, &state.search.query);
    let here =
        state.heading.reveal.as_ref().and_then(|(id, pos)| Some((issue.articles().position(|a| &a.id == id)?, *pos)));
    state.search.current =
        here.and_then(|(a, pos)| state.search.hits.iter().position(|h| h.article == a && h.pos == pos));
}

/// Brings derived state in line after an action: the selection within the
/// issue, the list scrolled to show it, the article laid out for the pane
/// (and a place a jump was headed for brought into view).
pub(super) fn sync(state: &mut State) {
    let name = state.library.current_name();
    state.shown.refresh(&name, state.library.issue(), state.settings.layout.script);
    if let (Some(Overlay::Front(v)), Some(issue)) = (&mut state.overlay, state.library.issue()) {
        v.refresh(issue, state.size.0, &state.settings.layout);
    }
    let count = state.article_count();
    state.nav.selected = state.nav.selected.min(count.saturating_sub(1));
    scroll_list(state);
    let g = Geometry::of(state.size.0, state.size.1, Focus::Article, state.settings.list_percent);
    let (Some(area), Some(issue)) = (g.article_inner(), state.library.issue().cloned()) else {
        state.view.clear();
        return;
    };
    let Some(article) = issue.articles().nth(state.nav.selected) else {
        state.view.clear();
        return;
    };
    let h = usize::from(area.height).max(1);
    let saved = state.positions.anchors.get(&article.id).copied();
    let opts = &state.settings.layout;
    state.view.show(&name, article, area.width, opts, h, saved);
    if let Some((id, pos)) = state.heading.reveal.take() {
        if id == article.id {
            // A match inside folded noise is shown unfolded.
            if state.view.unfold_at(pos) {
                state.view.show(&name, article, area.width, opts, h, saved);
            }
            state.view.reveal(pos, h);
        } else {
            state.heading.reveal = Some((id, pos));
        }
    }
}

/// Scrolls the list so the selection shows, with the heading above the
/// first article of a section.
fn scroll_list(state: &mut State) {
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
}
