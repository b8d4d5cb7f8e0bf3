//! Reading: moving through the list and the article, opening articles,
//! sections and issues, search, the mouse.

use super::{Action, Effect, Focus, Row, State, geometry, marks, nav, search, sync};
use crate::model::{ArticleId, Issue};
use std::sync::Arc;

/// Narrowest and widest text column `+`/`-` allow.
const COLUMN_RANGE: (u16, u16) = (20, 240);
/// Lines of the previous page kept in view when paging.
const PAGE_OVERLAP: usize = 2;

/// Applies an action while no overlay has it.
pub(super) fn handle(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::Down => move_or_scroll(state, 1, 1),
        Action::Up => move_or_scroll(state, -1, -1),
        Action::PageDown => page(state, 1),
        Action::PageUp => page(state, -1),
        Action::HalfPageDown | Action::HalfPageUp => {
            let dir = if action == Action::HalfPageDown { 1 } else { -1 };
            let rows = (state.list_height() / 2).max(1) as isize;
            let lines = (state.article_height() / 2).max(1) as isize;
            move_or_scroll(state, dir * rows, dir * lines);
        }
        Action::Top => match state.nav.focus {
            Focus::List => select(state, 0),
            Focus::Article => state.view.scroll_to(0, state.article_height()),
        },
        Action::Bottom => match state.nav.focus {
            Focus::List => select(state, state.article_count().saturating_sub(1)),
            Focus::Article => state.view.scroll_to(usize::MAX, state.article_height()),
        },
        Action::Open => {
            // In the article, the open key folds and unfolds noise on screen.
            let in_article = state.nav.focus == Focus::Article && state.geometry().article.is_some();
            if !(in_article && state.view.toggle_noise(state.article_height())) {
                open(state, state.nav.selected);
            }
        }
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
        Action::NextIssue => switch_issue(state, 1, effects),
        Action::PrevIssue => switch_issue(state, -1, effects),
        Action::Search => state.search.prompt = Some(String::new()),
        Action::Input(c) => edit_query(state, |q| q.push(c)),
        Action::InputBackspace => edit_query(state, |q| {
            q.pop();
        }),
        Action::InputSubmit => {
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
        Action::InputCancel => {
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
        Action::ToggleBookmark => marks::toggle_bookmark(state),
        Action::ToggleRead => marks::toggle_read(state),
        Action::Bookmarks => super::overlay::open_bookmarks(state),
        Action::Issues => super::picker::open(state),
        Action::ArchiveSearch => super::archive::open(state),
        Action::Library(found) => {
            let picked = super::picker::selected_name(state);
            state.library.replace(found);
            super::picker::library_changed(state, picked);
            // The first issues found, when none was known at start.
            let cur = state.library.current;
            if state.library.slots.get(cur).is_some_and(|s| s.issue.is_none() && s.error.is_none()) {
                effects.push(Effect::Load(cur));
            }
        }
        Action::Progress(p) => state.library.progress = p,
        Action::Found { search, results } => super::archive::found(state, search, results),
        Action::FoundAll { search, issues } => super::archive::finished(state, search, issues),
        Action::DeleteBookmark | Action::EditNote => {
            state.status = Some(format!("press {} for the bookmarks list", state.keymap.hint(&[Action::Bookmarks])));
        }
        Action::Wider | Action::Narrower => {
            let step: i32 = if action == Action::Wider { 4 } else { -4 };
            let w = (i32::from(state.settings.layout.max_width) + step)
                .clamp(i32::from(COLUMN_RANGE.0), i32::from(COLUMN_RANGE.1)) as u16;
            state.settings.layout.max_width = w;
            state.status = Some(format!("text column at most {w} cells"));
        }
        Action::Help => state.overlay = Some(super::Overlay::Help { scroll: 0 }),
        Action::Quit => effects.push(Effect::Quit),
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Resize(w, h) => state.size = (w, h),
        Action::Wheel { x, y, delta } => wheel(state, x, y, delta),
        Action::Click { x, y } => click(state, x, y),
        Action::Loaded { index, result } => loaded(state, index, result),
        Action::Restore(saved) => marks::restore(state, *saved, effects),
        Action::Saved(report) => marks::saved(state, *report),
        Action::Notice(text) => state.status = Some(text),
    }
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
pub(super) fn select(state: &mut State, index: usize) {
    if index != state.nav.selected {
        state.nav.selected = index;
        state.view.clear();
    }
}

/// Selects an article and focuses the article pane; marks it read when the
/// policy says opening does.
pub(super) fn open(state: &mut State, index: usize) {
    if index >= state.article_count() {
        return;
    }
    select(state, index);
    state.nav.focus = Focus::Article;
    if state.settings.mark_read == super::MarkRead::OnOpen {
        marks::set_read(state, true);
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
    match state.library.current.checked_add_signed(dir).filter(|&t| t < n) {
        Some(target) => go_to_issue(state, target, effects),
        None => state.status = Some(if dir > 0 { "last issue" } else { "first issue" }.into()),
    }
}

/// Makes issue `target` current, at the article last read in it.
pub(super) fn go_to_issue(state: &mut State, target: usize, effects: &mut Vec<Effect>) {
    if target != state.library.current {
        state.library.current = target;
        state.nav.selected = 0;
        state.nav.list_top = 0;
        state.view.clear();
        clear_search(state);
    }
    let Some(slot) = state.library.slots.get(target) else { return };
    match &slot.issue {
        Some(issue) => {
            let issue = issue.clone();
            select_remembered(state, &issue);
        }
        None if slot.error.is_none() => effects.push(Effect::Load(target)),
        None => {}
    }
}

/// Selects the pending article (a bookmark jump) or the one last read in
/// this issue.
fn select_remembered(state: &mut State, issue: &Issue) {
    let wanted = state.pending.take().or_else(|| state.positions.issues.get(&issue.key()).cloned());
    if let Some(i) = wanted.and_then(|id| issue.articles().position(|a| a.id == id)) {
        select(state, i);
    }
}

fn loaded(state: &mut State, index: usize, result: Result<Arc<Issue>, String>) {
    let Some(slot) = state.library.slots.get_mut(index) else { return };
    match result {
        Ok(issue) => {
            slot.issue = Some(issue.clone());
            if index == state.library.current {
                select_remembered(state, &issue);
                highlight(state);
            }
        }
        Err(e) => {
            state.status = Some(e.clone());
            slot.error = Some(e);
        }
    }
}

fn edit_query(state: &mut State, edit: impl FnOnce(&mut String)) {
    let Some(p) = &mut state.search.prompt else { return };
    edit(p);
    let query = p.clone();
    state.search.query = query.clone();
    state.search.current = None;
    state.search.hits = state.library.issue().map(|i| search::find(i, &query)).unwrap_or_default();
}

/// Highlights the matches of the search query in the current issue (an
/// archive search's phrase, once the issue it opened is loaded), the one
/// being revealed as the current match.
pub(super) fn highlight(state: &mut State) {
    let Some(issue) = state.library.issue() else { return };
    if state.search.query.is_empty() {
        return;
    }
    state.search.hits = search::find(issue, &state.search.query);
    let here = state.reveal.as_ref().and_then(|(id, pos)| Some((issue.articles().position(|a| &a.id == id)?, *pos)));
    state.search.current =
        here.and_then(|(a, pos)| state.search.hits.iter().position(|h| h.article == a && h.pos == pos));
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
    let Some(id) = state.library.issue().and_then(|i| i.articles().nth(hit.article)).map(|a| a.id.clone()) else {
        return;
    };
    state.search.current = Some(index);
    open(state, hit.article);
    // Brought into view (and out of folded noise) as the article is shown.
    state.reveal = Some((id, hit.pos));
    sync(state);
    state.status = Some(format!("match {} of {}", index + 1, state.search.hits.len()));
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
    } else if let Some(inner) = g.article_inner().filter(|r| geometry::contains(*r, x, y)) {
        // A click on a fold line folds or unfolds its noise.
        state.view.toggle_noise_at(state.view.top + usize::from(y - inner.y));
        state.nav.focus = Focus::Article;
    } else if g.article.is_some_and(|r| geometry::contains(r, x, y)) {
        state.nav.focus = Focus::Article;
    }
}
