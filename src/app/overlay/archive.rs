//! `S`: searching the whole library — the prompt, results streaming in as
//! the background search finds them, opening a result at its match.

use super::component::{Ctx, Outcome, Target, step};
use crate::app::action::{Action, Effect};
use crate::app::input::Caret;
use crate::library::ArchiveHit;

/// Most results kept: a phrase in every article of years of issues would
/// otherwise grow without end.
pub const MAX_RESULTS: usize = 5000;

/// The archive search overlay. When it closes, `update` keeps it to come
/// back to (`S` again), so the search numbers it hands out only grow.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArchiveView {
    /// The phrase.
    pub query: String,
    /// The cursor in it.
    pub caret: Caret,
    /// The phrase is being typed.
    pub typing: bool,
    /// The phrase is the last search's, shown again: typing replaces it,
    /// Enter goes back to its results.
    pub fresh: bool,
    /// Matching articles so far (the first [`MAX_RESULTS`]).
    pub results: Vec<ArchiveHit>,
    /// How many articles matched, listed or not.
    pub total: usize,
    /// The selected result.
    pub selected: usize,
    /// The number of the search the results are from (the last one started).
    pub search: u64,
    /// A search is under way.
    pub running: bool,
    /// When finished: how many issues were searched.
    pub searched: Option<usize>,
    /// How many issues matched so far (hits come issue by issue).
    pub issues: usize,
    /// The issue of the last hit counted.
    last_issue: Option<std::path::PathBuf>,
}

impl ArchiveView {
    /// The overlay again as it was left (`kept`), its phrase ready to be
    /// replaced and its results ready to go back to; else a new one.
    pub fn reopen(kept: Option<ArchiveView>) -> ArchiveView {
        let v = kept.unwrap_or_default();
        ArchiveView { typing: true, fresh: !v.query.is_empty(), ..v }
    }

    /// Keys while the overlay is open.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        if self.typing {
            return self.typed(action, ctx);
        }
        if let Some(to) = step(self.selected, self.results.len(), action) {
            self.selected = to;
            return Outcome::Stay;
        }
        match action {
            Action::Search | Action::ArchiveSearch => {
                self.typing = true;
                self.fresh = true;
            }
            Action::Open => {
                if let Some(hit) = self.results.get(self.selected).cloned() {
                    let phrase = self.query.clone();
                    self.leave(ctx);
                    return Outcome::GoTo(Target::Match { hit, phrase });
                }
            }
            Action::Back | Action::Quit => {
                self.leave(ctx);
                return Outcome::Close;
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// Keys while the phrase is being typed.
    fn typed(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        let has_results = !self.results.is_empty();
        match action {
            Action::Input(_) | Action::InputBackspace | Action::InputEdit(_) => {
                // The last phrase, shown again, is replaced by what is typed;
                // moving the cursor keeps it to edit.
                if self.fresh && matches!(action, Action::Input(_)) {
                    self.query.clear();
                    self.caret = Caret::default();
                }
                self.fresh = false;
                if self.caret.apply(&mut self.query, action) == Some(true) {
                    self.edited();
                }
            }
            // Back to the results of the phrase shown.
            Action::InputSubmit | Action::Down if self.fresh && has_results => {
                self.typing = false;
                self.fresh = false;
            }
            Action::InputSubmit if !self.query.trim().is_empty() => {
                if self.running {
                    ctx.effects.push(Effect::CancelArchiveSearch);
                }
                let search = self.search + 1;
                let query = self.query.trim().to_string();
                ctx.effects.push(Effect::ArchiveSearch { search, query: query.clone() });
                *self = ArchiveView { query, search, running: true, ..Default::default() };
            }
            Action::Down if has_results => self.typing = false,
            Action::InputCancel | Action::Quit => {
                self.leave(ctx);
                return Outcome::Close;
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// A changed phrase: the results shown were for another.
    fn edited(&mut self) {
        if !self.running {
            self.results.clear();
            self.total = 0;
            self.searched = None;
            self.selected = 0;
        }
        self.fresh = false;
    }

    /// Made ready to be kept as the overlay closes: a search under way is
    /// cancelled (and only its phrase kept).
    fn leave(&mut self, ctx: &mut Ctx<'_>) {
        if self.running {
            ctx.effects.push(Effect::CancelArchiveSearch);
            *self = ArchiveView { query: std::mem::take(&mut self.query), search: self.search, ..Default::default() };
        }
        self.typing = false;
        self.fresh = false;
    }

    /// Results coming in from the background search (dropped if they are
    /// from a search given up on).
    pub fn found(&mut self, search: u64, more: Vec<ArchiveHit>) {
        if self.running && self.search == search {
            let room = MAX_RESULTS.saturating_sub(self.results.len());
            self.total += more.len();
            // Hits come issue by issue: a new issue is a new path.
            for hit in &more {
                if self.last_issue.as_ref() != Some(&hit.path) {
                    self.issues += 1;
                    self.last_issue = Some(hit.path.clone());
                }
            }
            self.results.extend(more.into_iter().take(room));
        }
    }

    /// The background search has finished.
    pub fn finished(&mut self, search: u64, searched: usize) {
        if self.running && self.search == search {
            self.running = false;
            self.searched = Some(searched);
        }
    }
}
