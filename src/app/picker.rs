//! `i`: pick an issue from the library, newest first, typing to filter by
//! title, date or file name.

use super::{Action, Effect, Library, Overlay, State, reading};
use memchr::memmem::Finder;

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

/// Opens the picker at the current issue.
pub(super) fn open(state: &mut State) {
    let matches = (0..state.library.slots.len()).collect();
    state.overlay = Some(Overlay::Issues { filter: String::new(), selected: state.library.current, matches });
}

/// The library changed under an open picker: filter it again, keeping the
/// selected issue selected.
pub(super) fn library_changed(state: &mut State, before: Option<String>) {
    let Some(Overlay::Issues { filter, selected, matches }) = &mut state.overlay else { return };
    *matches = matching(&state.library, filter, None);
    let slots = &state.library.slots;
    *selected = before.and_then(|name| matches.iter().position(|&i| slots[i].name() == name)).unwrap_or(0);
}

/// The name of the issue selected in an open picker.
pub(super) fn selected_name(state: &State) -> Option<String> {
    let Some(Overlay::Issues { selected, matches, .. }) = &state.overlay else { return None };
    Some(state.library.slots.get(*matches.get(*selected)?)?.name().to_string())
}

/// Keys while the picker is open.
pub(super) fn handle(
    state: &mut State,
    mut filter: String,
    selected: usize,
    mut matches: Vec<usize>,
    action: &Action,
    effects: &mut Vec<Effect>,
) {
    let mut selected = selected.min(matches.len().saturating_sub(1));
    match action {
        Action::Input(c) => {
            filter.push(*c);
            // A longer word matches a subset, except a number: `0401` may
            // end a number where `040` was inside it.
            let numeric = filter.split_whitespace().last().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
            matches = matching(&state.library, &filter, (!numeric).then_some(&matches[..]));
            selected = 0;
        }
        Action::InputBackspace => {
            filter.pop();
            matches = matching(&state.library, &filter, None);
            selected = 0;
        }
        Action::InputSubmit => {
            state.overlay = None;
            if let Some(&i) = matches.get(selected) {
                reading::go_to_issue(state, i, effects);
            }
            return;
        }
        Action::InputCancel | Action::Quit => {
            state.overlay = None;
            return;
        }
        _ => selected = super::overlay::step(selected, matches.len(), action).unwrap_or(selected),
    }
    state.overlay = Some(Overlay::Issues { filter, selected, matches });
}
