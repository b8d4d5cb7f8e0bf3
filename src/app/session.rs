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
/// was given folders only (files named are read as named): when resuming,
/// the issue last read if `in_folders` says it lies in them; else the
/// newest issue the index noted last time. The rest comes from the walk.
pub fn first_file(
    resuming: bool,
    last: Option<&LastOpen>,
    in_folders: impl Fn(&Path) -> bool,
    newest: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    let last = last.map(|l| name::to_path(&l.source)).filter(|p| resuming && in_folders(p));
    last.or_else(newest)
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
        nav::go_to_issue(state, start, effects);
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

/// After every update: changes become effects to persist; an article read
/// to its end counts as read under that policy; a moved reading place is
/// noted for saving.
pub(super) fn after_update(state: &mut State, effects: &mut Vec<Effect>) {
    if state.settings.mark_read == MarkRead::OnEnd
        && state.nav.focus == Focus::Article
        && !state.view.is_empty()
        && state.view.at_end(state.article_height())
    {
        nav::set_read(state, true);
    }
    effects.extend(state.outbox.changes.drain(..).map(Effect::Record));
    let Some(issue) = state.library.issue().cloned() else { return };
    let Some(article) = issue.articles().nth(state.nav.selected) else { return };
    let anchor = if state.view.top > 0 { state.view.anchor() } else { None };
    let source = state.library.current_name();
    let place = (source.clone(), article.id.clone(), anchor);
    if state.outbox.place.as_ref() == Some(&place) {
        return;
    }
    let key = issue.key();
    let Positions { last, issues, anchors } = &mut state.positions;
    *last = Some(LastOpen { source, issue: key.clone(), article: article.id.clone() });
    issues.insert(key, article.id.clone());
    match anchor {
        Some(a) => anchors.insert(article.id.clone(), a),
        None => anchors.remove(&article.id),
    };
    state.outbox.place = Some(place);
    effects.push(Effect::Moved);
}
