//! `i`: pick an issue from the library, newest first, typing to filter by
//! title, date or file name.

use super::component::{Ctx, Outcome, Target, step};
use crate::app::action::Action;
use crate::app::library::Library;
use memchr::memmem::Finder;

/// The issue picker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PickerView {
    /// What has been typed.
    pub filter: String,
    /// Index of the selected entry among those matching.
    pub selected: usize,
    /// The issues matching the filter (indices into the library).
    pub matches: Vec<usize>,
    /// The matches of each shorter filter typed on the way here, so that
    /// a backspace costs nothing however big the library.
    earlier: Vec<Vec<usize>>,
}

/// Indices of the issues matching `filter` (every word, case ignored),
/// among `within` when given (a filter only grew: its matches are a
/// subset of the last ones), else among all.
pub fn matching(library: &Library, filter: &str, within: Option<&[usize]>) -> Vec<usize> {
    let lower = filter.to_lowercase();
    let words: Vec<Finder<'_>> = lower.split_whitespace().map(Finder::new).collect();
    let slots = &library.slots;
    match within {
        Some(list) => list.iter().copied().filter(|&i| slots.get(i).is_some_and(|s| s.matches(&words))).collect(),
        None => (0..slots.len()).filter(|&i| slots[i].matches(&words)).collect(),
    }
}

impl PickerView {
    /// The picker over the whole library, at the current issue.
    pub fn open(library: &Library) -> PickerView {
        let matches = (0..library.slots.len()).collect();
        PickerView { filter: String::new(), selected: library.current, matches, earlier: Vec::new() }
    }

    /// The name of the issue selected.
    pub fn selected_name(&self, library: &Library) -> Option<String> {
        Some(library.slots.get(*self.matches.get(self.selected)?)?.name().to_string())
    }

    /// The library changed under the picker: filter it again, keeping the
    /// issue that was selected (`before`) selected.
    pub fn library_changed(&mut self, library: &Library, before: Option<String>) {
        self.matches = matching(library, &self.filter, None);
        self.earlier.clear();
        let slots = &library.slots;
        self.selected = before.and_then(|name| self.matches.iter().position(|&i| slots[i].name() == name)).unwrap_or(0);
    }

    /// Keys while the picker is open.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
        match action {
            Action::Input(c) => {
                self.earlier.push(std::mem::take(&mut self.matches));
                self.filter.push(*c);
                // A longer word matches a subset, except a number: `0401` may
                // end a number where `040` was inside it.
                let numeric =
                    self.filter.split_whitespace().last().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
                let before = self.earlier.last().map(Vec::as_slice).filter(|_| !numeric);
                self.matches = matching(ctx.library, &self.filter, before);
                self.selected = 0;
            }
            Action::InputBackspace => {
                self.filter.pop();
                self.matches = match self.earlier.pop() {
                    Some(earlier) => earlier,
                    None => matching(ctx.library, &self.filter, None),
                };
                self.selected = 0;
            }
            Action::InputSubmit => {
                return match self.selected_name(ctx.library) {
                    Some(name) => Outcome::GoTo(Target::Issue(name)),
                    None => Outcome::Close,
                };
            }
            Action::InputCancel | Action::Quit => return Outcome::Close,
            _ => self.selected = step(self.selected, self.matches.len(), action).unwrap_or(self.selected),
        }
        Outcome::Stay
    }
}
