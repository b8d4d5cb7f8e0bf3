//! The reader's state and its one update step. No I/O: work the shell
//! must do (read an issue, save, search the archive, quit, suspend) comes
//! back as [`Effect`]s.
//!
//! Floors, lowest first (each file imports only floors below it):
//! - data: `action` (what comes in and goes out), `keymap`, `geometry`,
//!   `rows`, `view`, `search`, `library`, `marks`, `shown`, `words`;
//! - components: `overlay/` (help, bookmarks, picker, archive search), each a
//!   view that answers a key with an [`overlay::Outcome`], seeing only the
//!   parts of the state it is given;
//! - `state`: [`State`], everything the reader shows;
//! - `nav`: the moves everyone shares (select, open, go to an issue, mark
//!   read, highlight) and `sync`;
//! - `reading` (reading keys) and `session` (start-up, saves, what to keep);
//! - this file: [`update`], the router.

pub mod action;
pub mod geometry;
pub mod input;
pub mod keymap;
mod library;
mod marks;
mod nav;
pub mod overlay;
mod reading;
mod rows;
pub mod search;
mod session;
mod shown;
mod state;
mod view;
pub mod words;

pub use action::{Action, Dir, Effect};
pub use geometry::{Focus, Geometry};
pub use keymap::{Key, KeyCode, Keymap, Mode};
pub use library::{IssueInfo, Known, Library, Slot};
pub use marks::{Marks, SaveReport, Saved, Unsaved};
pub use overlay::{ArchiveView, BookmarksView, FrontView, HelpView, Overlay, PickerView, PipeView};
pub use rows::Row;
pub use search::Search;
pub use session::{first_file, resumed};
pub use shown::Shown;
pub use state::{MarkRead, Nav, PageTurn, Settings, State};
pub use view::{Conversion, Converted, NoiseToggle, View};

use overlay::{Ctx, Outcome};

/// Applies one action. Returns what the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    if !action.is_event() {
        state.status = None;
    }
    route(state, action, &mut effects);
    nav::sync(state);
    effects.extend(state.view.wanted().map(|c| Effect::Convert(Box::new(c))));
    session::after_update(state, &mut effects);
    effects
}

/// Who handles what: an open overlay takes the keys; background events go
/// to their owners; overlay-opening actions open one; the rest are reading
/// keys.
fn route(state: &mut State, action: Action, effects: &mut Vec<Effect>) {
    let for_overlay = !action.is_event() && !matches!(action, Action::Restore(_) | Action::Suspend);
    if for_overlay && let Some(overlay) = state.overlay.take() {
        return to_overlay(state, overlay, action, effects);
    }
    match action {
        Action::Library(found) => {
            let load = picker_kept(state, |s| s.library.found(found));
            effects.extend(load.map(Effect::Load));
        }
        Action::Indexed(known) => {
            let load = picker_kept(state, |s| s.library.indexed(known));
            effects.extend(load.map(Effect::Load));
        }
        Action::Changed { gone, found } => {
            let load = picker_kept(state, |s| s.library.changed(&gone, found));
            effects.extend(load.map(Effect::Load));
        }
        Action::Progress(p) => state.library.progress = p,
        Action::Converted(answer) => state.view.adopt(*answer),
        // What was read may move in the list: it says its own title and date.
        Action::Loaded { name, result } => picker_kept(state, |s| nav::loaded(s, &name, result)),
        Action::Found { search, results } => {
            if let Some(Overlay::Archive(v)) = &mut state.overlay {
                v.found(search, results);
            }
        }
        Action::FoundAll { search, issues } => {
            if let Some(Overlay::Archive(v)) = &mut state.overlay {
                v.finished(search, issues);
            }
        }
        Action::Restore(saved) => session::restore(state, *saved, effects),
        Action::Saved(report) => session::saved(state, *report),
        Action::Notice(text) => state.status = Some(text),
        Action::Unindexed { path, problem, more } => unindexed(state, &path, &problem, more),
        Action::Resize(w, h) => state.size = (w, h),
        Action::Help => state.overlay = Some(Overlay::Help(HelpView::default())),
        Action::Bookmarks => match BookmarksView::open(&state.marks, &state.keymap, state.settings.lang) {
            Ok(v) => state.overlay = Some(Overlay::Bookmarks(v)),
            Err(why) => state.status = Some(why),
        },
        Action::Issues => state.overlay = Some(Overlay::Picker(PickerView::open(&state.library))),
        Action::FrontPage => {
            if let Some(issue) = state.library.issue() {
                let section = state.rows().iter().find_map(|r| match r {
                    Row::Article { index, section } if *index == state.nav.selected => Some(*section),
                    _ => None,
                });
                state.overlay = Some(Overlay::Front(FrontView::open(issue, section.unwrap_or(0), state.nav.selected)));
            }
        }
        Action::ArchiveSearch => {
            state.overlay = Some(Overlay::Archive(ArchiveView::reopen(state.archive_kept.take())));
        }
        Action::Pipe => match state.article() {
            Some(a) => {
                let text = crate::export::text(a);
                let view = PipeView::open(text, &state.pipe_history, &state.settings.pipe_command);
                state.overlay = Some(Overlay::Pipe(view));
            }
            None => state.status = Some(state.t("pipe-no-article")),
        },
        Action::Piped { command, result } => {
            let cmd = || ("command", command.as_str().into());
            state.status = Some(match &result {
                Ok(0) => state.f("pipe-done", &[cmd()]),
                Ok(code) => state.f("pipe-exit", &[cmd(), ("code", code.to_string().into())]),
                Err(why) => format!("{command}: {why}"),
            });
            state.pipe_history.retain(|c| *c != command);
            state.pipe_history.push(command);
        }
        Action::Export => export(state, effects),
        other => reading::handle(state, other, effects),
    }
}

/// `x`: the article being read, or in the list the whole issue.
fn export(state: &mut State, effects: &mut Vec<Effect>) {
    let Some(issue) = state.library.issue().cloned() else {
        state.status = Some(state.t("export-no-issue"));
        return;
    };
    let article = match state.nav.focus {
        Focus::Article => state.article().map(|a| a.id.clone()),
        Focus::List => None,
    };
    effects.push(Effect::Export { issue, article });
}

/// Changes the library, an open picker filtered again over it and kept on
/// the issue it had selected.
fn picker_kept<T>(state: &mut State, change: impl FnOnce(&mut State) -> T) -> T {
    let picked = match &state.overlay {
        Some(Overlay::Picker(p)) => p.selected_name(&state.library),
        _ => None,
    };
    let out = change(state);
    if let Some(Overlay::Picker(p)) = &mut state.overlay {
        p.library_changed(&state.library, picked);
    }
    out
}

/// Says which file the index could not read (and how many more).
fn unindexed(state: &mut State, path: &std::path::Path, problem: &crate::library::Problem, more: usize) {
    let problem = crate::i18n::problems::problem(state.settings.lang, problem);
    let at = state.f("err-at", &[("path", path.display().to_string().into()), ("problem", problem.into())]);
    state.status = Some(match more {
        0 => at,
        n => state.f("st-unindexed-more", &[("first", at.into()), ("n", n.into())]),
    });
}

/// The open overlay (taken out of the state) handles the key; its outcome
/// is carried out through `nav`.
fn to_overlay(state: &mut State, mut overlay: Overlay, action: Action, effects: &mut Vec<Effect>) {
    let mut ctx = Ctx {
        library: &state.library,
        keymap: &state.keymap,
        marks: &mut state.marks,
        changes: &mut state.outbox.changes,
        status: &mut state.status,
        effects,
        lang: state.settings.lang,
        size: state.size,
    };
    let outcome = overlay.handle(&action, &mut ctx);
    if outcome == Outcome::Stay {
        state.overlay = Some(overlay);
        return;
    }
    // A closed archive search is kept to come back to.
    if let Overlay::Archive(v) = overlay {
        state.archive_kept = Some(v);
    }
    match outcome {
        Outcome::Pass => route(state, action, effects),
        Outcome::GoTo(target) => nav::go_to(state, target, effects),
        Outcome::Stay | Outcome::Close => {}
    }
}
