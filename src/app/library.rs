//! The issues the reader knows: found on disk in the background, ordered
//! newest first (`model::newest_first`), read one at a time when opened.
//! Each is known by its source's name (`library::name`), never by where it
//! is in the list, which the background walk re-sorts.

use crate::library::LoadError;
use crate::measure::Length;
use crate::model::{Issue, newest_first};
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::Arc;

/// What is known of an issue before it is read: its name, title and date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueInfo {
    /// The source's name (a path or `bundled:NAME`; see `library::name`),
    /// shared with the librarian's list of files: at 100,000 issues a copy
    /// of every path is 11 MB.
    pub name: Arc<str>,
    /// The title (from the index, else the file name), shared with the
    /// other issues of that title where the index read them.
    pub title: Arc<str>,
    /// The date (from the index, else the file name).
    pub date: Option<Date>,
    /// How many articles it has, once the index or a read says.
    pub articles: Option<usize>,
}

impl IssueInfo {
    /// What the name alone says (`东昌府报-20221119.txt`).
    pub fn from_name(name: &str) -> IssueInfo {
        IssueInfo::named(Arc::from(name))
    }

    /// [`IssueInfo::from_name`], the name shared.
    pub fn named(name: Arc<str>) -> IssueInfo {
        let known = Known::from_name(&name);
        IssueInfo::of(name, known)
    }

    /// The issue of this name, as `known` says.
    pub fn of(name: Arc<str>, known: Known) -> IssueInfo {
        let Known { title, date, articles } = known;
        IssueInfo { name, title, date, articles }
    }

    /// The name as people see it.
    pub fn shown(&self) -> String {
        crate::library::name::shown(&self.name)
    }
}

/// What the index read of an issue, sent in the order of the last list
/// found (`Action::Indexed`) and so without its name: at 100,000 issues
/// the names again would be 11 MB.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    /// The title (from the index, else the file name).
    pub title: Arc<str>,
    /// The date (from the index, else the file name).
    pub date: Option<Date>,
    /// How many articles it has, if the index read it.
    pub articles: Option<usize>,
}

impl Known {
    /// What the name alone says (`IssueInfo::from_name`).
    pub fn from_name(name: &str) -> Known {
        let (title, date) = crate::parse::title_from_name(&crate::library::name::shown(name));
        Known { title: title.into(), date, articles: None }
    }
}

/// One issue of the library.
#[derive(Debug, Clone)]
pub struct Slot {
    /// Name, title and date.
    pub info: IssueInfo,
    /// The parsed issue, once read.
    pub issue: Option<Arc<Issue>>,
    /// Why it could not be read.
    pub error: Option<Box<LoadError>>,
    /// Each article's length to read, in reading order, once read.
    pub lengths: Arc<[Length]>,
    /// Another issue of the library has the same title and date: the
    /// picker says which folder this one is in.
    pub twin: bool,
    /// Title, date (in each way it is written: `2002-01-30`, `20020130`,
    /// `0130`, `2002年1月30日`) and file name in lower case: what the picker
    /// filters on, made once so that typing filters 10,000 issues without
    /// allocating. (Not the folders: `2024` would find every issue kept
    /// under `archive-2024/`.)
    key: String,
    /// Its place in the last list found (`u32::MAX`: in none), which
    /// `Action::Indexed` follows.
    listed: u32,
}

/// What the picker filters an issue on (`Slot::key`).
fn key_of(info: &IssueInfo) -> String {
    let date = info.date.map(|d| {
        let (y, m, d) = (d.year(), d.month(), d.day());
        format!("{y}-{m:02}-{d:02} {y}{m:02}{d:02} {m:02}{d:02} {y}年{m}月{d}日")
    });
    let date = date.unwrap_or_default();
    let shown = info.shown();
    let file = shown.rsplit(['/', '\\', ':']).next().unwrap_or(&shown);
    format!("{} {date} {file}", info.title).to_lowercase()
}

impl Slot {
    /// A slot for an issue not read yet.
    pub fn new(info: IssueInfo) -> Slot {
        let key = key_of(&info);
        Slot { info, issue: None, error: None, lengths: Arc::new([]), twin: false, key, listed: u32::MAX }
    }

    /// Whether every one of `words` (lower case) is in the title, date or
    /// file name; a number only where a number starts or ends (`2001` is
    /// the year, not the middle of `20200130`; `0130` is its month and
    /// day), a word starting with one (`1月30日`) only where a number starts.
    pub fn matches(&self, words: &[memchr::memmem::Finder<'_>]) -> bool {
        let key = self.key.as_bytes();
        words.iter().all(|w| {
            let needle = w.needle();
            let numeric = needle.first().is_some_and(u8::is_ascii_digit);
            let number = needle.iter().all(u8::is_ascii_digit);
            let edge = |at: usize| {
                let starts = at == 0 || !key[at - 1].is_ascii_digit();
                starts || number && key.get(at + needle.len()).is_none_or(|b| !b.is_ascii_digit())
            };
            w.find_iter(key).any(|at| !numeric || edge(at))
        })
    }

    /// Title, date and file name in lower case, as the picker filters them.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Takes what the index read, the filter key made again if it changed.
    fn learn(&mut self, k: Known) {
        let info = &mut self.info;
        if (&info.title, info.date, info.articles) != (&k.title, k.date, k.articles) {
            (info.title, info.date, info.articles) = (k.title, k.date, k.articles);
            self.key = key_of(&self.info);
        }
    }

    /// The source name.
    pub fn name(&self) -> &str {
        &self.info.name
    }
}

/// The issues, newest first, and which one is current.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Every issue, newest first once the library is known.
    pub slots: Vec<Slot>,
    /// Index of the current issue.
    pub current: usize,
    /// Issues found so far / in all while the library is being read.
    pub progress: Option<(usize, usize)>,
}

impl Library {
    /// The current issue, when loaded.
    pub fn issue(&self) -> Option<&Arc<Issue>> {
        self.slots.get(self.current)?.issue.as_ref()
    }

    /// The current issue's source name: the one that finds its file again
    /// (`Issue::source` is only how it is shown).
    pub fn current_name(&self) -> String {
        self.slots.get(self.current).map(|s| s.name().to_string()).unwrap_or_default()
    }

    /// The index of the issue with this source name.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.slots.iter().position(|s| &*s.info.name == name)
    }

    /// The index of the issue with this source name, added at the end if
    /// the library doesn't have it (a bookmark from elsewhere).
    pub fn add(&mut self, name: &str) -> usize {
        self.position(name).unwrap_or_else(|| {
            self.slots.push(Slot::new(IssueInfo::from_name(name)));
            self.slots.len() - 1
        })
    }

    /// Replaces the list with what was found on disk: newest first, issues
    /// already read kept, the current one still current (kept even if it is
    /// no longer found, so the reader is never pulled away mid-article).
    pub fn replace(&mut self, found: Vec<IssueInfo>) {
        let current = self.slots.get(self.current).cloned();
        let kept = current.as_ref().filter(|c| !found.iter().any(|f| f.name == c.info.name)).cloned();
        // Only what a slot learnt (its issue read, or why not) is carried
        // over: over 100,000 issues a map of every old slot beside the old
        // list and the new one would double the reader's memory.
        let learnt = |s: &Slot| s.issue.is_some() || s.error.is_some() || !s.lengths.is_empty();
        let slots = std::mem::take(&mut self.slots).into_iter().filter(learnt);
        let mut old: HashMap<Arc<str>, Slot> = slots.map(|s| (s.info.name.clone(), s)).collect();
        let mut slots = Vec::with_capacity(found.len() + 1);
        for (k, mut info) in found.into_iter().enumerate() {
            let mut slot = match old.remove(&info.name) {
                Some(slot) => {
                    // An issue read knows its own title and date better than a file name.
                    if let Some(issue) = &slot.issue {
                        info.title = issue.title.as_str().into();
                        info.date = issue.date;
                        info.articles = Some(issue.articles().count());
                    }
                    Slot { issue: slot.issue, error: slot.error, lengths: slot.lengths, ..Slot::new(info) }
                }
                None => Slot::new(info),
            };
            slot.listed = k as u32;
            slots.push(slot);
        }
        slots.extend(kept.map(|c| Slot { listed: u32::MAX, ..c }));
        self.slots = slots;
        self.settle(current.as_ref().map(|c| c.name()));
    }

    /// Sorts the list newest first, `current` (a name) still current, and
    /// marks the twins.
    fn settle(&mut self, current: Option<&str>) {
        fn key(s: &Slot) -> (std::cmp::Reverse<Option<Date>>, &str, &str) {
            newest_first(s.info.date, &s.info.title, &s.info.name)
        }
        self.slots.sort_by(|a, b| key(a).cmp(&key(b)));
        self.current = current.and_then(|c| self.position(c)).unwrap_or(0);
        // Sorted by date, then title: twins lie side by side (a map of every
        // title and date cost 6 MB at 100,000 issues).
        let same = |a: &Slot, b: &Slot| a.info.date == b.info.date && a.info.title == b.info.title;
        for k in 0..self.slots.len() {
            let before = k > 0 && same(&self.slots[k - 1], &self.slots[k]);
            let after = self.slots.get(k + 1).is_some_and(|next| same(&self.slots[k], next));
            self.slots[k].twin = before || after;
        }
    }

    /// The list found on disk replaces this one ([`Library::replace`]);
    /// returns the name of the current issue when it is yet to be read
    /// (the first issues found, when none was known at start).
    pub fn found(&mut self, found: Vec<IssueInfo>) -> Option<String> {
        self.replace(found);
        self.unread_current()
    }

    /// What the index read of each issue of the last list found, in its
    /// order: each issue not read yet takes it, and the list is sorted
    /// again. Returns what [`Library::found`] returns.
    pub fn indexed(&mut self, mut known: Vec<Known>) -> Option<String> {
        let current = self.slots.get(self.current).map(|s| s.info.name.clone());
        for slot in self.slots.iter_mut().filter(|s| s.issue.is_none()) {
            if let Some(k) = known.get_mut(slot.listed as usize).map(std::mem::take) {
                slot.learn(k);
            }
        }
        self.settle(current.as_deref());
        self.unread_current()
    }

    /// A few issues changed on disk ([`Action::Changed`]): those `gone`
    /// leave the list (the current one stays, as [`Library::replace`]
    /// keeps it), those `found` take what the index read or join the list.
    /// Costs about the list's length in comparisons, not a new list.
    pub fn changed(&mut self, gone: &[Arc<str>], found: Vec<IssueInfo>) -> Option<String> {
        let current = self.slots.get(self.current).map(|s| s.info.name.clone());
        if !gone.is_empty() {
            let gone: std::collections::HashSet<&str> = gone.iter().map(|n| &**n).collect();
            self.slots.retain(|s| !gone.contains(&*s.info.name) || Some(&s.info.name) == current.as_ref());
        }
        // Many found (a folder of them) are looked up through a map of the
        // list; a few, one by one.
        let places: Option<HashMap<Arc<str>, usize>> =
            (found.len() > 16).then(|| self.slots.iter().enumerate().map(|(k, s)| (s.info.name.clone(), k)).collect());
        for info in found {
            let at = match &places {
                Some(places) => places.get(&*info.name).copied(),
                None => self.position(&info.name),
            };
            match at {
                Some(k) if self.slots[k].issue.is_none() => {
                    let IssueInfo { title, date, articles, .. } = info;
                    self.slots[k].learn(Known { title, date, articles });
                }
                Some(_) => {}
                None => self.slots.push(Slot::new(info)),
            }
        }
        self.settle(current.as_deref());
        self.unread_current()
    }

    /// The current issue's name, when it is yet to be read.
    fn unread_current(&self) -> Option<String> {
        let slot = self.slots.get(self.current)?;
        (slot.issue.is_none() && slot.error.is_none()).then(|| slot.name().to_string())
    }

    /// An issue was read, or could not be: kept in its slot. Returns
    /// whether it is the current issue; `None` when the library has no
    /// issue of that name.
    ///
    /// An issue read says its own title and date (`清河周末`, not the file's
    /// `qinghe weekend`); where they differ from what was known, the slot
    /// takes them and the list is sorted again.
    pub fn loaded(&mut self, name: &str, result: &Result<Arc<Issue>, LoadError>) -> Option<bool> {
        let i = self.position(name)?;
        let current = i == self.current;
        let slot = &mut self.slots[i];
        match result {
            Ok(issue) if *slot.info.title != *issue.title || slot.info.date != issue.date => {
                let articles = Some(issue.articles().count());
                let name = slot.info.name.clone();
                let info = IssueInfo { name, title: issue.title.as_str().into(), date: issue.date, articles };
                *slot = Slot {
                    issue: Some(issue.clone()),
                    lengths: crate::measure::lengths(issue).into(),
                    listed: slot.listed,
                    ..Slot::new(info)
                };
                let current = self.slots.get(self.current).map(|s| s.info.name.clone());
                self.settle(current.as_deref());
            }
            Ok(issue) => {
                slot.info.articles = Some(issue.articles().count());
                slot.lengths = crate::measure::lengths(issue).into();
                slot.issue = Some(issue.clone());
            }
            Err(e) => slot.error = Some(Box::new(e.clone())),
        }
        Some(current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str) -> IssueInfo {
        IssueInfo::from_name(name)
    }

    #[test]
    fn what_the_index_read_follows_the_last_list_in_its_order() {
        let mut lib = Library::default();
        lib.replace(["/x/a.txt", "/x/b.txt", "/x/c.txt"].iter().map(|n| info(n)).collect());
        lib.current = lib.position("/x/c.txt").unwrap();
        let issue = crate::parse::parse_issue("标题\n\n正文。\n".as_bytes(), "/x/b.txt").unwrap().issue;
        lib.loaded("/x/b.txt", &Ok(Arc::new(issue)));
        let known = |title: &str, day: i8| Known {
            title: title.into(),
            date: Some(jiff::civil::date(2024, 3, day)),
            articles: Some(day as usize),
        };
        // In the order of the list: a, b, c.
        let load = lib.indexed(vec![known("甲报", 1), known("乙报", 9), known("丙报", 5)]);
        let got: Vec<(&str, &str)> = lib.slots.iter().map(|s| (s.name(), &*s.info.title)).collect();
        // b was read: it keeps its own title (and no date), not 乙报 of the 9th.
        assert_eq!(got, [("/x/c.txt", "丙报"), ("/x/a.txt", "甲报"), ("/x/b.txt", "b")], "newest first");
        assert_eq!(lib.slots[lib.current].name(), "/x/c.txt", "still current");
        assert_eq!(load.as_deref(), Some("/x/c.txt"), "not read yet");
        let a = &lib.slots[lib.position("/x/a.txt").unwrap()];
        assert!(a.key().starts_with("甲报 2024-03-01"), "the filter key made again: {}", a.key());
        // A slot of no list (a bookmark from elsewhere) takes nothing.
        lib.add("/y/d.txt");
        lib.indexed(vec![known("甲报", 1); 4]);
        let titles: Vec<&str> = lib.slots.iter().map(|s| &*s.info.title).collect();
        assert_eq!(titles, ["甲报", "甲报", "b", "d"]);
    }

    #[test]
    fn a_few_issues_changed_on_disk_change_just_their_slots() {
        let mut lib = Library::default();
        lib.replace(["/x/日报-20240101.txt", "/x/日报-20240102.txt", "/x/日报-20240103.txt"].map(info).to_vec());
        lib.current = lib.position("/x/日报-20240101.txt").unwrap();
        let names = |lib: &Library| lib.slots.iter().map(|s| (s.name().to_string(), s.twin)).collect::<Vec<_>>();
        // One new (a twin of the 2nd, from another folder), one changed, two gone (one of them current).
        let changed = IssueInfo { title: "号外".into(), ..info("/x/日报-20240103.txt") };
        let gone: Vec<Arc<str>> = vec!["/x/日报-20240102.txt".into(), "/x/日报-20240101.txt".into()];
        let load = lib.changed(&gone, vec![info("/y/日报-20240102.txt"), changed]);
        assert_eq!(
            names(&lib),
            [
                ("/x/日报-20240103.txt".to_string(), false),
                ("/y/日报-20240102.txt".to_string(), false),
                ("/x/日报-20240101.txt".to_string(), false)
            ],
            "newest first; the one being read stays"
        );
        assert_eq!(&*lib.slots[0].info.title, "号外");
        assert!(lib.slots[0].key().starts_with("号外"), "the filter key made again");
        assert_eq!(
            (lib.slots[lib.current].name(), load.as_deref()),
            ("/x/日报-20240101.txt", Some("/x/日报-20240101.txt"))
        );
        lib.changed(&[], vec![info("/x/日报-20240102.txt")]);
        assert!(lib.slots[1].twin && lib.slots[2].twin, "twins side by side: {:?}", names(&lib));
    }

    #[test]
    fn issues_of_one_title_and_date_are_twins_wherever_they_sort() {
        let mut lib = Library::default();
        let names = ["/b/晚报-20240102.txt", "/a/日报-20240102.txt", "/c/日报-20240102.txt", "/a/日报-20240101.txt"];
        lib.replace(names.iter().map(|n| info(n)).collect());
        let twins: Vec<(&str, bool)> = lib.slots.iter().map(|s| (s.name(), s.twin)).collect();
        assert_eq!(
            twins,
            [
                ("/a/日报-20240102.txt", true),
                ("/c/日报-20240102.txt", true),
                ("/b/晚报-20240102.txt", false),
                ("/a/日报-20240101.txt", false),
            ]
        );
    }

    #[test]
    fn the_picker_matches_title_date_and_file_name_and_numbers_where_they_start() {
        let matches = |name: &str, filter: &str| {
            let words: Vec<_> = filter.split_whitespace().map(memchr::memmem::Finder::new).collect();
            Slot::new(info(name)).matches(&words)
        };
        assert!(matches("/papers/2001/东昌府报-20010305.txt", "2001 03"));
        assert!(matches("/papers/2001/东昌府报-20010305.txt", "东昌 -03-05"));
        assert!(!matches("/papers/2020/东昌府报-20200130.txt", "2001"), "not inside 20200130");
        assert!(matches("/papers/2020/东昌府报-20200130.txt", "0130"), "its month and day");
        assert!(!matches("/archive-2024/东昌府报-20200130.txt", "2024"), "not the folders");
        assert!(matches("/p/Riverton Courier 2024-03-08.txt", "courier 2024"));
        assert!(!matches("/p/Riverton Courier 2024-03-08.txt", "courier 2023"));
    }

    #[test]
    fn names_give_titles_and_dates() {
        let i = info("/papers/1996/01/东昌府报-19960102.txt");
        assert_eq!(&*i.title, "东昌府报");
        assert_eq!(i.date, Some("1996-01-02".parse().unwrap()));
        assert_eq!(&*info("bundled:x.txt").title, "x");
    }

    #[test]
    fn replacing_sorts_newest_first_and_keeps_the_current_issue() {
        let mut lib = Library {
            slots: vec![Slot::new(info("a/东昌府报-19960103.txt")), Slot::new(info("gone.txt"))],
            current: 1,
            progress: None,
        };
        lib.replace(vec![info("a/东昌府报-19960101.txt"), info("a/东昌府报-19960103.txt"), info("b/undated.txt")]);
        let names: Vec<&str> = lib.slots.iter().map(Slot::name).collect();
        assert_eq!(names, ["a/东昌府报-19960103.txt", "a/东昌府报-19960101.txt", "gone.txt", "b/undated.txt"]);
        assert_eq!(lib.current, 2, "the issue being read stays, and stays current");
    }
}
