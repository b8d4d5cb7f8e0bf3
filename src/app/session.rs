//! The reader's session with what it keeps: where it starts (what resuming
//! means — the one place that decides it, for the shell before the first
//! frame and for the app when the kept state arrives), what became of each
//! save (the bottom line never says a change is done when it is not on
//! disk), and the changes and moves handed to the shell after every update.

use super::action::Effect;
use super::geometry::Focus;
use super::library::{IssueInfo, Slot};
use super::marks::{SaveReport, Saved};
use super::nav;
use super::state::{MarkRead, State};
use crate::library::name;
use crate::model::{LastOpen, Positions};
use std::path::{Path, PathBuf};

/// The issue file the shell reads before the first frame when the reader
/// was given folders only (files named are read as named): the issue last
/// read there (`resumed`) if `in_folders` says it lies in them; else the
/// newest issue the index noted last time. The rest comes from the walk.
pub fn first_file(
    resumed: Option<&str>,
    in_folders: impl Fn(&Path) -> bool,
    newest: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    let last = resumed.map(name::to_path).filter(|p| in_folders(p));
    last.or_else(newest)
}

/// The source of the issue to resume, as `Saved` says: the one last read
/// among the paths given, or with no paths the one last read anywhere.
pub fn resumed<'a>(positions: &'a Positions, resume: bool, place: Option<&str>) -> Option<&'a str> {
    match place {
        Some(key) => positions.places.get(key).map(String::as_str),
        None => positions.last.as_ref().filter(|_| resume).map(|l| l.source.as_str()),
    }
}

/// Start-up: marks, bookmarks and positions from earlier sessions; the
/// issue to start with — when resuming, the last one read (added to the
/// library if it came from elsewhere and is still there); any issue opens
/// at the article and place last read in it.
pub(super) fn restore(state: &mut State, saved: Saved, effects: &mut Vec<Effect>) {
    state.marks = saved.marks;
    state.positions = saved.positions;
    if !saved.messages.is_empty() {
        state.status = Some(saved.messages.join(" · "));
    }
    state.place = saved.place.clone();
    state.pipe_history = saved.pipe_history.clone();
    // The column as `+`/`-` left it last time.
    if let Some(c) = state.positions.last.as_ref().and_then(|l| l.column) {
        state.column = Some(c);
        state.settings.layout.max_width = c;
    }
    let mut start = state.library.current;
    let reading = state.positions.last.as_ref().filter(|l| l.reading).map(|l| l.source.clone());
    if let Some(last) = resumed(&state.positions, saved.resume, saved.place.as_deref()).map(str::to_string) {
        start = match state.library.position(&last) {
            Some(i) => i,
            // Only the library's own last issue comes from anywhere: the
            // one of paths given lies in them.
            None if saved.place.is_none()
                && !state.marks.missing.contains(&last)
                && !state.library.slots.is_empty() =>
            {
                state.library.slots.insert(0, Slot::new(IssueInfo::from_name(&last)));
                0
            }
            None => start,
        };
    }
    if start < state.library.slots.len() {
        // Make `start` current without the usual reset, then load or select.
        state.library.current = start;
        nav::go_to_issue(state, start, effects);
        // Back in the article pane when that is where the reader left it.
        if reading.is_some_and(|r| r == state.library.current_name()) {
            state.nav.focus = crate::app::Focus::Article;
        }
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
            let aside = if now.kept { state.t("st-kept-aside") } else { String::new() };
            // A change with nothing said for it (an article read on opening) is "not saved" alone.
            let done = done.map(|d| format!("{d} — ")).unwrap_or_default();
            let args = [("why", why.as_str().into()), ("n", n.into()), ("aside", aside.into())];
            say.push(format!("{done}{}", state.f("st-not-saved", &args)));
        }
        // The reading place: said when it first fails, unless a message
        // (one at start saying changes can't be saved) is up already.
        Some(why) if before.why.as_ref() != Some(why) && done.is_none() => {
            say.push(state.f("st-place-not-saved", &[("why", why.as_str().into())]));
        }
        _ => {
            say.extend(done);
            if now.why.is_none() && !before.is_empty() {
                say.push(match before.marks {
                    0 => state.t("st-saved-now"),
                    1 => state.t("st-saved-one"),
                    n => state.f("st-saved-all", &[("n", n.into())]),
                });
            }
        }
    }
    say.extend(report.messages);
    state.status = (!say.is_empty()).then(|| say.join(" · "));
}

/// Marks the selected article read when the policy says it now counts:
/// open in the article pane (`on_open`), shown there at all (`on_view`),
/// its end on screen there (`on_end`). Once a visit — while it stays open
/// (or, `on_view`, shown) `r` can mark it unread again — whichever way it was
/// opened.
fn count_read(state: &mut State) {
    let Some(id) = state.article().map(|a| a.id.clone()) else { return };
    let shown = state.geometry().article.is_some() && !state.view.is_empty();
    let open = shown && state.nav.focus == Focus::Article;
    let (present, due) = match state.settings.mark_read {
        MarkRead::OnOpen => (open, open),
        MarkRead::OnView => (shown, shown),
        MarkRead::OnEnd => (open, open && state.view.at_end(state.article_height())),
    };
    if !present {
        state.nav.counted = None;
    } else if due && state.nav.counted.as_ref() != Some(&id) {
        nav::set_read(state, true);
        state.nav.counted = Some(id);
    }
}

/// After every update: an article counts as read as the policy says;
/// changes become effects to persist; a moved reading place is noted for
/// saving.
pub(super) fn after_update(state: &mut State, effects: &mut Vec<Effect>) {
    count_read(state);
    effects.extend(state.outbox.changes.drain(..).map(Effect::Record));
    let Some(issue) = state.library.issue().cloned() else { return };
    let Some(article) = issue.articles().nth(state.nav.selected) else { return };
    let anchor = if state.view.top > 0 { state.view.anchor() } else { None };
    let here = LastOpen {
        source: state.library.current_name(),
        issue: issue.key(),
        article: article.id.clone(),
        reading: state.nav.focus == crate::app::Focus::Article,
        column: state.column,
    };
    let place = (here.clone(), anchor);
    if state.outbox.place.as_ref() == Some(&place) {
        return;
    }
    let Positions { last, issues, anchors, places } = &mut state.positions;
    if let Some(key) = &state.place {
        places.insert(key.clone(), here.source.clone());
    }
    issues.insert(here.issue.clone(), article.id.clone());
    *last = Some(here);
    match anchor {
        Some(a) => anchors.insert(article.id.clone(), a),
        None => anchors.remove(&article.id),
    };
    state.outbox.place = Some(place);
    effects.push(Effect::Moved);
}
