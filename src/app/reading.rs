//! Reading keys: moving through the list and the article, opening
//! articles, sections and issues, the search in this issue, marks, the
//! mouse. Background events and overlays are routed elsewhere by `update`.

use super::action::{Action, Effect};
use super::geometry::{self, Focus};
use super::nav::{self, open, select};
use super::rows::{Row, section_starts};
use super::state::{PageTurn, State};
use crate::model::{ArticleId, Bookmark, Change};
use crate::script::Script;

/// Narrowest and widest text column `+`/`-` allow.
const COLUMN_RANGE: (u16, u16) = (20, 240);
/// Lines of the previous page kept in view when paging.
const PAGE_OVERLAP: usize = 2;

/// Applies a reading key.
pub(super) fn handle(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::Down | Action::Up | Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
            movement(state, &action, effects)
        }
        Action::Top | Action::Bottom => ends(state, action == Action::Top),
        Action::Open => {
            // In the article, the open key folds and unfolds noise on screen.
            let in_article = state.nav.focus == Focus::Article && state.geometry().article.is_some();
            if !(in_article && state.view.toggle_noise(state.article_height())) {
                open(state, state.nav.selected);
            }
        }
        Action::Back => {
            if state.search.current.is_some() || !state.search.hits.is_empty() && state.nav.focus == Focus::List {
                state.search.clear();
            }
            state.nav.focus = Focus::List;
        }
        Action::SwitchPane => {
            state.nav.focus = match state.nav.focus {
                Focus::List => Focus::Article,
                Focus::Article => Focus::List,
            }
        }
        Action::NextArticle | Action::PrevArticle => next_article(state, action == Action::NextArticle),
        Action::NextSection => jump_section(state, 1),
        Action::PrevSection => jump_section(state, -1),
        Action::NextUnread => next_unread(state, effects),
        Action::NextIssue => switch_issue(state, 1, effects),
        Action::PrevIssue => switch_issue(state, -1, effects),
        Action::Search
        | Action::Input(_)
        | Action::InputBackspace
        | Action::InputEdit(_)
        | Action::InputSubmit
        | Action::InputCancel
        | Action::SearchNext
        | Action::SearchPrev => search(state, action),
        Action::ToggleBookmark => toggle_bookmark(state),
        Action::ToggleRead => toggle_read(state),
        Action::DeleteBookmark | Action::EditNote => {
            let key = state.keymap.hint(&[Action::Bookmarks]);
            state.status = Some(state.f("st-press-bookmarks", &[("key", key.into())]));
        }
        Action::Wider | Action::Narrower => column(state, action == Action::Wider),
        Action::CycleScript => cycle_script(state),
        Action::Quit => effects.push(Effect::Quit),
        Action::Suspend => effects.push(Effect::Suspend),
        Action::Wheel { x, y, delta } => wheel(state, x, y, delta),
        Action::Click { x, y } => click(state, x, y),
        // Overlays and events: `update` routes them elsewhere.
        _ => {}
    }
}

/// A line, a page or half a page: the list's selection or the article's scroll.
fn movement(state: &mut State, action: &Action, effects: &mut Vec<Effect>) {
    match action {
        Action::Down => move_or_scroll(state, 1, 1),
        Action::Up => move_or_scroll(state, -1, -1),
        Action::PageDown => page(state, 1, effects),
        Action::PageUp => page(state, -1, effects),
        _ => {
            let dir = if *action == Action::HalfPageDown { 1 } else { -1 };
            let rows = (state.list_height() / 2).max(1) as isize;
            let lines = (state.article_height() / 2).max(1) as isize;
            move_or_scroll(state, dir * rows, dir * lines);
        }
    }
}

/// The first or last headline, the top or end of the article.
fn ends(state: &mut State, top: bool) {
    match (state.nav.focus, top) {
        (Focus::List, true) => select(state, 0),
        (Focus::List, false) => select(state, state.article_count().saturating_sub(1)),
        (Focus::Article, true) => state.view.scroll_to(0, state.article_height()),
        (Focus::Article, false) => state.view.scroll_to(usize::MAX, state.article_height()),
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

fn page(state: &mut State, dir: isize, effects: &mut Vec<Effect>) {
    if state.nav.focus == Focus::List {
        let rows = state.list_height().saturating_sub(1).max(1) as isize;
        move_or_scroll(state, dir * rows, 0);
        return;
    }
    let h = state.article_height();
    match state.page_turn(dir) {
        // Space at the end of an article goes on to the next one, as in a
        // pager; at the end of an issue, to the next issue.
        Some(PageTurn::NextArticle) => open(state, state.nav.selected + 1),
        Some(PageTurn::NextIssue) => {
            nav::go_to_issue(state, state.library.current + 1, effects);
            state.nav.focus = Focus::Article;
            if let Some(slot) = state.library.slots.get(state.library.current) {
                state.status = Some(state.f("st-next-issue", &[("title", (&*slot.info.title).into())]));
            }
        }
        // `b` at the top goes back to the end of the article before.
        Some(PageTurn::PrevArticleEnd) => {
            open(state, state.nav.selected - 1);
            nav::sync(state);
            state.view.scroll_to(usize::MAX, h);
        }
        Some(PageTurn::PrevIssueEnd) => {
            state.heading.end = true;
            nav::go_to_issue(state, state.library.current - 1, effects);
            state.nav.focus = Focus::Article;
            if let Some(slot) = state.library.slots.get(state.library.current) {
                state.status = Some(state.f("st-prev-issue", &[("title", (&*slot.info.title).into())]));
            }
        }
        None if dir > 0 && state.view.at_end(h) => state.status = Some(state.t("st-end-of-last")),
        None => state.view.scroll(dir * h.saturating_sub(PAGE_OVERLAP).max(1) as isize, h),
    }
}

fn next_article(state: &mut State, next: bool) {
    match (next, state.nav.selected.checked_sub(1)) {
        (true, _) if state.nav.selected + 1 < state.article_count() => open(state, state.nav.selected + 1),
        (true, _) => state.status = Some(state.t("st-last-article")),
        (false, Some(n)) => open(state, n),
        (false, None) => state.status = Some(state.t("st-first-article")),
    }
}

fn jump_section(state: &mut State, dir: isize) {
    let Some(issue) = state.library.issue().cloned() else { return };
    let starts = section_starts(&issue);
    let here = starts.iter().rposition(|&s| s <= state.nav.selected).unwrap_or(0);
    let target = match dir {
        1 => starts.get(here + 1).copied(),
        _ if starts.get(here).is_some_and(|&s| s < state.nav.selected) => starts.get(here).copied(),
        _ => here.checked_sub(1).and_then(|h| starts.get(h).copied()),
    };
    match target {
        Some(t) if state.nav.focus == Focus::Article => open(state, t),
        Some(t) => select(state, t),
        None => state.status = Some(state.t(if dir > 0 { "st-last-section" } else { "st-first-section" })),
    }
}

fn next_unread(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(issue) = state.library.issue().cloned() else { return };
    let ids: Vec<&ArticleId> = issue.articles().map(|a| &a.id).collect();
    let n = ids.len();
    let found = (1..=n).map(|k| (state.nav.selected + k) % n).find(|&i| !state.marks.read.contains(ids[i]));
    match found {
        Some(i) => open(state, i),
        // On to the next (older) issue's first unread article.
        None if state.library.current + 1 < state.library.slots.len() => {
            state.heading.unread = true;
            nav::go_to_issue(state, state.library.current + 1, effects);
            state.nav.focus = Focus::Article;
        }
        None => state.status = Some(state.t("st-no-unread-older")),
    }
}

fn switch_issue(state: &mut State, dir: isize, effects: &mut Vec<Effect>) {
    let n = state.library.slots.len();
    match state.library.current.checked_add_signed(dir).filter(|&t| t < n) {
        Some(target) => nav::go_to_issue(state, target, effects),
        None => state.status = Some(state.t(if dir > 0 { "st-last-issue" } else { "st-first-issue" })),
    }
}

/// `/`, typing the query, `n` and `N`.
fn search(state: &mut State, action: Action) {
    match action {
        Action::Search => {
            let last = state.search.last.clone();
            state.search.caret = Default::default();
            state.search.prompt = Some(String::new());
            // The last phrase, ready to search again or to be typed over.
            last.chars().for_each(|c| edit_query(state, &Action::Input(c)));
            state.search.fresh = !last.is_empty();
        }
        Action::Input(_) | Action::InputBackspace | Action::InputEdit(_) => edit_query(state, &action),
        Action::InputSubmit => {
            state.search.prompt = None;
            state.search.fresh = false;
            if !state.search.query.is_empty() {
                state.search.last = state.search.query.clone();
            }
            if state.search.hits.is_empty() {
                if !state.search.query.is_empty() {
                    state.status = Some(state.f("st-not-found", &[("query", state.search.query.as_str().into())]));
                }
            } else {
                let from = first_hit_from_here(state);
                jump_to_hit(state, from);
            }
        }
        Action::InputCancel => {
            state.search.prompt = None;
            state.search.fresh = false;
            state.search.clear();
        }
        _ => {
            let n = state.search.hits.len();
            if n == 0 {
                state.status = Some(state.t("st-no-search"));
                return;
            }
            let next = match (state.search.current, action == Action::SearchNext) {
                (None, _) => first_hit_from_here(state),
                (Some(c), true) => (c + 1) % n,
                (Some(c), false) => (c + n - 1) % n,
            };
            // Past the last match to the first, or back past the first: as in less and vim.
            let wrapped = state.search.current.is_some_and(|c| (action == Action::SearchNext) == (next <= c));
            jump_to_hit(state, next);
            if wrapped && n > 1 {
                let at = state.status.take().unwrap_or_default();
                state.status = Some(state.f("st-search-wrapped", &[("at", at.into())]));
            }
        }
    }
}

fn edit_query(state: &mut State, action: &Action) {
    let Some(p) = &mut state.search.prompt else { return };
    if std::mem::take(&mut state.search.fresh) && matches!(action, Action::Input(_)) {
        p.clear();
        state.search.caret = Default::default();
    }
    if state.search.caret.apply(p, action) != Some(true) {
        return;
    }
    let query = p.clone();
    state.search.query = query.clone();
    state.search.current = None;
    state.search.hits = state.library.issue().map(|i| super::search::find(i, &query)).unwrap_or_default();
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
    state.heading.reveal = Some((id, hit.pos));
    nav::sync(state);
    state.status = Some(state.f("st-match", &[("n", (index + 1).into()), ("all", state.search.hits.len().into())]));
}

/// `r`: read ↔ unread.
fn toggle_read(state: &mut State) {
    let Some(read) = state.article().map(|a| state.marks.read.contains(&a.id)) else { return };
    nav::set_read(state, !read);
    state.status = Some(state.t(if read { "st-marked-unread" } else { "st-marked-read" }));
}

/// `m`: bookmark the selected article, or remove its bookmark.
fn toggle_bookmark(state: &mut State) {
    let Some(issue) = state.library.issue().cloned() else { return };
    let Some((section, article)) =
        issue.sections.iter().flat_map(|s| s.articles.iter().map(move |a| (s, a))).nth(state.nav.selected)
    else {
        return;
    };
    if state.marks.bookmarks.remove(&article.id).is_some() {
        state.outbox.changes.push(Change::Unbookmark(article.id.clone()));
        state.status = Some(state.t("st-bookmark-removed"));
        return;
    }
    let b = Bookmark {
        id: article.id.clone(),
        headline: article.label(),
        section: section.name.clone(),
        issue: issue.title.clone(),
        date: issue.date,
        source: state.library.current_name(),
        added: None,
        note: String::new(),
    };
    state.marks.bookmarks.insert(b.id.clone(), b.clone());
    state.outbox.changes.push(Change::Bookmark(b));
    state.status = Some(state.t("st-bookmarked"));
}

/// `+` / `-`: the text column, within bounds.
fn column(state: &mut State, wider: bool) {
    let step: i32 = if wider { 4 } else { -4 };
    let w = (i32::from(state.settings.layout.max_width) + step)
        .clamp(i32::from(COLUMN_RANGE.0), i32::from(COLUMN_RANGE.1)) as u16;
    state.settings.layout.max_width = w;
    state.column = Some(w);
    state.status = Some(state.f("st-column", &[("n", w.into())]));
}

/// `T`: the next script. Only what is shown changes; the reading place is
/// a place in the source, so it stays where it was.
fn cycle_script(state: &mut State) {
    let configured = state.settings.script;
    let mut next = state.settings.layout.script.next(configured);
    // A script that would show this article as printed (简体 for a paper
    // printed in simplified characters) is passed over.
    if let Some(a) = state.article() {
        let sample: String = a.elements().take(6).map(|(_, t)| t).collect();
        for _ in 0..Script::ALL.len() {
            if next == Script::Original || crate::script::convert(&sample, next).text != sample {
                break;
            }
            next = next.next(configured);
        }
    }
    state.settings.layout.script = next;
    state.status = Some(state.f("st-script", &[("script", next.label().into())]));
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
