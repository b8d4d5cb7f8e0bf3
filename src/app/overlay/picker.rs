//! `i`: pick an issue from the library, newest first, typing to filter by
//! title, date or file name.

use super::component::{Ctx, Outcome, Target, step};
use crate::app::action::Action;
use crate::app::input::Caret;
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
    /// The cursor in the filter.
    pub caret: Caret,
    /// Each shorter filter typed on the way here and its matches, so that
    /// a backspace (or Ctrl-W) at the end costs nothing however big the
    /// library.
    earlier: Vec<(String, Vec<usize>)>,
    /// The library's runs of digits, once a number is typed.
    numbers: Option<Numbers>,
}

/// Which issues each run of digits of their keys (`2024`, `03`,
/// `20240308`) stands in: a number typed matches where it starts or ends a
/// run, so it is looked up among the few thousand distinct runs instead of
/// searched for in every issue's key — what keeps typing a date in the
/// picker of 100,000 issues within a frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Numbers {
    runs: Vec<(String, Vec<u32>)>,
    slots: usize,
    /// Each issue's date, side by side: ranking 100,000 issues by date
    /// read each from its slot, 136 bytes apart, and that was most of a key.
    dates: Vec<Option<jiff::civil::Date>>,
}

impl Numbers {
    fn of(library: &Library) -> Numbers {
        let mut map: fnv::FnvHashMap<&str, Vec<u32>> = fnv::FnvHashMap::default();
        for (i, slot) in library.slots.iter().enumerate() {
            for run in slot.key().split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()) {
                let list = map.entry(run).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let runs = map.into_iter().map(|(run, list)| (run.to_string(), list)).collect();
        let dates = library.slots.iter().map(|s| s.info.date).collect();
        Numbers { runs, slots: library.slots.len(), dates }
    }

    /// The issues (ascending) where `digits` starts or ends a run of digits:
    /// exactly where `Slot::matches` finds a word of digits.
    fn find(&self, digits: &str) -> Vec<usize> {
        // A bit per issue: `20` is in nearly every one of 100,000.
        let mut hit = vec![0u64; self.slots.div_ceil(64)];
        for (run, list) in self.runs.iter().filter(|(run, _)| run.starts_with(digits) || run.ends_with(digits)) {
            debug_assert!(run.contains(digits));
            list.iter().for_each(|&i| hit[i as usize / 64] |= 1 << (i % 64));
        }
        let mut out = Vec::new();
        for (w, &word) in hit.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                out.push(w * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        out
    }
}

/// Indices of the issues matching `filter` (every word, case ignored),
/// among `within` when given (a filter only grew: its matches are a
/// subset of the last ones), else among all; those whose date the
/// filter's numbers say best first (`2001 03`: March before December 3),
/// else in the library's order.
pub fn matching(library: &Library, filter: &str, within: Option<&[usize]>) -> Vec<usize> {
    let lower = filter.to_lowercase();
    let words: Vec<Finder<'_>> = lower.split_whitespace().map(Finder::new).collect();
    let slots = &library.slots;
    let mut found: Vec<usize> = match within {
        Some(list) => list.iter().copied().filter(|&i| slots.get(i).is_some_and(|s| s.matches(&words))).collect(),
        None => (0..slots.len()).filter(|&i| slots[i].matches(&words)).collect(),
    };
    by_date(&|i| slots[i].info.date, &lower, &mut found);
    found
}

/// Those whose date (`date_of` an issue) the filter's numbers say best
/// first, else in the library's order.
fn by_date(date_of: &dyn Fn(usize) -> Option<jiff::civil::Date>, lower: &str, found: &mut Vec<usize>) {
    let numbers = date_numbers(lower);
    if numbers.is_empty() {
        return;
    }
    // A rank is how many of the numbers match: a handful. One stable pass
    // per rank, best first, over the library's order; a sort of 100,000
    // issues by rank was most of the time of a digit typed.
    if !found.is_sorted() {
        found.sort_unstable();
    }
    let ranks: Vec<usize> = found.iter().map(|&i| date_rank(date_of(i), &numbers)).collect();
    let mut out = Vec::with_capacity(found.len());
    for r in (0..=ranks.iter().copied().max().unwrap_or(0)).rev() {
        out.extend(found.iter().zip(&ranks).filter(|(_, k)| **k == r).map(|(i, _)| *i));
    }
    *found = out;
}

/// The numbers of a filter's date-like words, in order: `2002-01-30`,
/// `20020130` and `2002 01 30` are 2002, 1, 30; `0130` and `1月30日` are
/// 1, 30.
fn date_numbers(filter: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for w in filter.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_digit())) {
        if !w.bytes().all(|b| b.is_ascii_digit()) {
            out.extend(w.split(|c: char| !c.is_ascii_digit()).filter_map(|p| p.parse::<u32>().ok()));
            continue;
        }
        let n = |r: std::ops::Range<usize>| w[r].parse::<u32>().unwrap_or(0);
        match w.len() {
            8 => out.extend([n(0..4), n(4..6), n(6..8)]),
            6 => out.extend([n(0..4), n(4..6)]),
            4 if n(0..2) <= 12 => out.extend([n(0..2), n(2..4)]),
            _ => out.push(w.parse().unwrap_or(0)),
        }
    }
    out
}

/// How well a date answers a filter's numbers: how many of them, in
/// order, are its year, month and day, or its month and day.
fn date_rank(date: Option<jiff::civil::Date>, numbers: &[u32]) -> usize {
    let Some(d) = date else { return 0 };
    let (y, m, d) = (d.year() as u32, d.month() as u32, d.day() as u32);
    let prefix = |parts: &[u32]| parts.iter().zip(numbers).take_while(|(a, b)| a == b).count();
    prefix(&[y, m, d]).max(prefix(&[m, d]))
}

/// [`matching`] over the whole library, a word of digits looked up in
/// `numbers` (made from the library the first time one is typed).
fn matching_all(library: &Library, filter: &str, numbers: &mut Option<Numbers>) -> Vec<usize> {
    let lower = filter.to_lowercase();
    let Some(digits) = lower.split_whitespace().find(|w| w.bytes().all(|b| b.is_ascii_digit())) else {
        return matching(library, filter, None);
    };
    let numbers = numbers.get_or_insert_with(|| Numbers::of(library));
    let mut found = numbers.find(digits);
    let rest: Vec<&str> = lower.split_whitespace().filter(|w| *w != digits).collect();
    if !rest.is_empty() {
        found = matching(library, &rest.join(" "), Some(&found));
    }
    // Ranked by the whole filter's numbers, as `matching` ranks.
    by_date(&|i| numbers.dates[i], &lower, &mut found);
    found
}

impl PickerView {
    /// The picker over the whole library, at the current issue.
    pub fn open(library: &Library) -> PickerView {
        let matches = (0..library.slots.len()).collect();
        PickerView {
            filter: String::new(),
            selected: library.current,
            matches,
            caret: Caret::default(),
            earlier: Vec::new(),
            numbers: None,
        }
    }

    /// The name of the issue selected.
    pub fn selected_name(&self, library: &Library) -> Option<String> {
        Some(library.slots.get(*self.matches.get(self.selected)?)?.name().to_string())
    }

    /// The library changed under the picker: filter it again, keeping the
    /// issue that was selected (`before`) selected.
    pub fn library_changed(&mut self, library: &Library, before: Option<String>) {
        self.earlier.clear();
        self.numbers = None;
        self.matches = matching_all(library, &self.filter, &mut self.numbers);
        let slots = &library.slots;
        self.selected = before.and_then(|name| self.matches.iter().position(|&i| slots[i].name() == name)).unwrap_or(0);
    }

    /// The matches after the filter changed from `before`: typed on at the
    /// end, those of the shorter filter narrowed (except after a number:
    /// `0401` may end a number where `040` was inside it); a backspace at
    /// the end, the shorter filter's kept from before; else all anew.
    fn refilter(&mut self, ctx: &Ctx<'_>, before: &str, at_end: bool) {
        let grown = at_end && self.filter.len() > before.len() && self.filter.starts_with(before);
        let shrunk = at_end && self.filter.len() < before.len() && before.starts_with(&self.filter);
        let numeric =
            self.filter.split_whitespace().last().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        // What a shorter filter matched, if it is one typed on the way here
        // (a word cut at once, Ctrl-W, goes back past several).
        let kept = shrunk.then(|| self.earlier.iter().rposition(|(f, _)| *f == self.filter)).flatten();
        if grown {
            self.earlier.push((before.to_string(), std::mem::take(&mut self.matches)));
            self.matches = match self.earlier.last().filter(|_| !numeric) {
                Some((_, within)) => matching(ctx.library, &self.filter, Some(within)),
                None => matching_all(ctx.library, &self.filter, &mut self.numbers),
            };
        } else if let Some(k) = kept {
            self.matches = self.earlier.swap_remove(k).1;
            self.earlier.truncate(k);
        } else {
            self.earlier.clear();
            self.matches = matching_all(ctx.library, &self.filter, &mut self.numbers);
        }
        self.selected = 0;
    }

    /// Keys while the picker is open.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
        match action {
            Action::Input(_) | Action::InputBackspace | Action::InputEdit(_) => {
                let before = self.filter.clone();
                let at_end = self.caret.back == 0;
                if self.caret.apply(&mut self.filter, action) == Some(true) {
                    self.refilter(ctx, &before, at_end && self.caret.back == 0);
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::library::{IssueInfo, Slot};

    #[test]
    fn the_dates_a_filter_names_best_come_first_the_rest_in_the_library_order() {
        let mut library = Library::default();
        let names = ["/p/报-20010103.txt", "/p/报-20011203.txt", "/p/报-20010305.txt", "/p/报-19990303.txt"];
        library.replace(names.iter().map(|n| IssueInfo::from_name(n)).collect());
        let shown =
            |found: Vec<usize>| -> Vec<String> { found.iter().map(|&i| library.slots[i].name().into()).collect() };
        // March 2001 is both numbers; December 3 and January 3 the year only,
        // newest first as the library has them.
        let want = ["/p/报-20010305.txt", "/p/报-20011203.txt", "/p/报-20010103.txt"];
        assert_eq!(shown(matching(&library, "2001 03", None)), want);
        assert_eq!(shown(matching_all(&library, "2001 03", &mut None)), want);
        assert_eq!(shown(matching(&library, "0303", None)), ["/p/报-19990303.txt"]);
    }

    #[test]
    fn numbers_looked_up_match_as_searching_every_key_does() {
        let names = [
            "/p/东昌府报/2001/03/东昌府报-20010305.txt",
            "/p/东昌府报/2020/01/东昌府报-20200130.txt",
            "/p/清河日报/2024/03/清河日报-20240308.txt",
            "/p/Riverton Courier 2024-03-08.txt",
            "/p/notes 7.txt",
            "/p/第3期.txt",
        ];
        let library = Library {
            slots: names.iter().map(|n| Slot::new(IssueInfo::from_name(n))).collect(),
            current: 0,
            progress: None,
        };
        let mut numbers = None;
        for filter in
            ["2", "20", "2001", "0130", "01", "03", "2001 03", "东昌 2001", "7", "3", "08 courier", "99", "2024-03"]
        {
            assert_eq!(matching_all(&library, filter, &mut numbers), matching(&library, filter, None), "{filter}");
        }
    }
}
