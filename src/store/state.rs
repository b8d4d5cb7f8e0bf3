//! What the state files hold, in memory, and how two versions of it merge.
//!
//! Every entry carries the time it last changed, and removals are kept as
//! entries too (tombstones), so merging is last-writer-wins per key: the
//! newer entry replaces the older, whichever side it comes from. Which is
//! newer is the entries' derived order — the time first, then a fixed rule
//! for ties (read beats unread, a removal beats a bookmark, then their
//! fields) — so any two readers merging the same versions end with the same
//! result whatever the order, and nothing about the files' format (see
//! `format/`, which only reads and writes) can change who wins.
//!
//! Clocks of different machines disagree, so two rules keep a removed
//! bookmark removed whatever they say:
//!
//! - A removal beats every version of the bookmark it removed — the same
//!   act of bookmarking, its note edited later or not — whatever their
//!   times: a machine whose clock runs ahead can't bring a bookmark back by
//!   writing its note before it heard of the removal. Bookmarking the
//!   article again is a new act, and the times decide as ever.
//! - Removals are forgotten only once they are 90 days old *and* not among
//!   the newest [`KEEP_REMOVALS`]: a clock set ahead can't forget one early.

use crate::model::{ArticleId, Bookmark, Change, LastOpen, Pos, Positions};
use jiff::Timestamp;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use toml::Table;

/// Fields (or keys) this version doesn't know, kept as they were read and
/// written back. They have no order of their own: equal, and ordered, by
/// their TOML text, so that two entries alike in all else still merge the
/// same way on both sides.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unknown(pub Table);

impl Unknown {
    fn text(&self) -> String {
        if self.0.is_empty() { String::new() } else { self.0.to_string() }
    }
}

impl From<Table> for Unknown {
    fn from(t: Table) -> Unknown {
        Unknown(t)
    }
}

impl PartialEq for Unknown {
    fn eq(&self, other: &Unknown) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Unknown {}

impl PartialOrd for Unknown {
    fn partial_cmp(&self, other: &Unknown) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Unknown {
    fn cmp(&self, other: &Unknown) -> Ordering {
        match (self.0.is_empty(), other.0.is_empty()) {
            (true, true) => Ordering::Equal,
            _ => self.text().cmp(&other.text()),
        }
    }
}

/// An article marked read (or unread again) at a time. In merge order:
/// the later mark wins, and at the same instant read beats unread.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ReadMark {
    /// When.
    pub at: Timestamp,
    /// Read, or unread again (a tombstone for the read mark).
    pub read: bool,
}

/// A bookmark, or that it was removed; in merge order: at the same instant
/// a removal beats a bookmark.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Mark {
    /// Bookmarked, `added` always filled.
    Bookmarked(Bookmark),
    /// Removed (a tombstone).
    Removed,
}

/// A bookmark, or the memory of its removal, as of a time. In its derived
/// order: the later change; then [`Mark`]'s rule; then the fields. A merge
/// asks [`Lww::beats`], which puts a removal over the bookmark it removed first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct BookmarkEntry {
    /// When it was added, changed or removed.
    pub changed: Timestamp,
    /// The bookmark, or its removal.
    pub mark: Mark,
    /// The article.
    pub id: ArticleId,
    /// Fields this version doesn't know, kept as they were read.
    pub extra: Unknown,
    /// Which act of bookmarking this is a version of, by its time: for a
    /// bookmark, when it was last bookmarked (its note may have changed
    /// since); for a removal, that of the bookmark it removed, when known.
    pub bookmarked: Option<Timestamp>,
}

impl BookmarkEntry {
    /// The bookmark; `None` once removed.
    pub fn bookmark(&self) -> Option<&Bookmark> {
        match &self.mark {
            Mark::Bookmarked(b) => Some(b),
            Mark::Removed => None,
        }
    }

    /// Whether this is the removal of the bookmarking `other` is a version of.
    fn removes(&self, other: &BookmarkEntry) -> bool {
        matches!((&self.mark, &other.mark), (Mark::Removed, Mark::Bookmarked(_)))
            && self.bookmarked.is_some()
            && self.bookmarked == other.bookmarked
    }
}

/// A position value and when it was last set. In merge order: the later
/// wins, then the value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Stamped<T> {
    /// When it was set.
    pub updated: Timestamp,
    /// The value.
    pub value: T,
    /// Fields this version doesn't know, kept as they were read.
    pub extra: Unknown,
}

/// `read.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ReadMarks {
    pub marks: BTreeMap<ArticleId, ReadMark>,
    /// Top-level keys this version doesn't know.
    pub extra: Table,
}

/// `bookmarks.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Bookmarks {
    pub entries: BTreeMap<ArticleId, BookmarkEntry>,
    /// Top-level keys this version doesn't know.
    pub extra: Table,
}

/// `positions.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PositionEntries {
    pub last: Option<Stamped<LastOpen>>,
    pub issues: BTreeMap<String, Stamped<ArticleId>>,
    pub anchors: BTreeMap<ArticleId, Stamped<Pos>>,
    pub places: BTreeMap<String, Stamped<String>>,
    /// Top-level keys this version doesn't know.
    pub extra: Table,
}

/// One of the three parts of what is kept (a state file's worth): what
/// the store does with each, whatever its format.
pub(crate) trait Part: Default + Clone + PartialEq {
    /// Merges another version in; true when the reader would see a difference.
    fn merge(&mut self, other: &Self) -> bool;
    /// Forgets tombstones older than `horizon`.
    fn prune(&mut self, horizon: Timestamp);
    /// How many entries the reader would see.
    fn count(&self) -> usize;
    /// How many entries there are, removals included.
    fn entries(&self) -> usize;
    /// The entries `by` doesn't hold, the same or newer: what writing `by`
    /// would lose (top-level keys left out).
    fn uncovered(&self, by: &Self) -> Self;
    /// True when there are no entries.
    fn is_empty(&self) -> bool {
        self.entries() == 0
    }
}

/// An entry that merges by last writer wins: the one that beats the other
/// replaces it. For any two different entries exactly one beats the other,
/// so both sides of a merge keep the same one.
pub(crate) trait Lww {
    /// Whether `self` replaces `other` in a merge.
    fn beats(&self, other: &Self) -> bool;
    /// Whether replacing `old` (or nothing) by `self` changes what the reader sees.
    fn visible_over(&self, old: Option<&Self>) -> bool;
}

/// How many removals (of bookmarks, of read marks) are kept however old:
/// pruning by age trusts the clock of the machine that prunes, and one set
/// ahead would otherwise forget a removal made yesterday, letting a copy
/// that still has the bookmark bring it back.
pub const KEEP_REMOVALS: usize = 1000;

/// The time of the [`KEEP_REMOVALS`]-th newest of `times`: everything at or
/// after it is kept; with fewer, everything is.
fn kept_from(times: impl Iterator<Item = Timestamp>) -> Timestamp {
    let mut times: Vec<Timestamp> = times.collect();
    if times.len() <= KEEP_REMOVALS {
        return Timestamp::MIN;
    }
    let (_, nth, _) = times.select_nth_unstable_by(KEEP_REMOVALS - 1, |a, b| b.cmp(a));
    *nth
}

/// The time for a change this reader makes at `now` to an entry last written
/// at `old`: never earlier than `old`, so that a clock set back (or two
/// changes in one clock tick) can't make a change lose to the one it replaced.
fn after(now: Timestamp, old: Option<Timestamp>) -> Timestamp {
    match old.and_then(|o| o.checked_add(jiff::SignedDuration::from_nanos(1)).ok()) {
        Some(next) => now.max(next),
        None => now,
    }
}

/// Adds an entry unless the one already there is newer.
pub(crate) fn put<K: Ord, E: Lww>(map: &mut BTreeMap<K, E>, key: K, entry: E) {
    match map.get(&key) {
        Some(old) if !entry.beats(old) => {}
        _ => {
            map.insert(key, entry);
        }
    }
}

/// Merges `other` into `mine` entry by entry; true when the reader would see a difference.
fn merge_map<K: Ord + Clone, E: Lww + Clone>(mine: &mut BTreeMap<K, E>, other: &BTreeMap<K, E>) -> bool {
    let mut visible = false;
    for (key, theirs) in other {
        let old = mine.get(key);
        if old.is_none_or(|old| theirs.beats(old)) {
            visible |= theirs.visible_over(old);
            mine.insert(key.clone(), theirs.clone());
        }
    }
    visible
}

/// The entries of `mine` that `by` doesn't hold, the same or newer: what
/// writing `by` would lose of `mine`.
fn uncovered_map<K: Ord + Clone, E: Lww + Clone>(mine: &BTreeMap<K, E>, by: &BTreeMap<K, E>) -> BTreeMap<K, E> {
    mine.iter().filter(|(k, e)| by.get(k).is_none_or(|b| e.beats(b))).map(|(k, e)| (k.clone(), e.clone())).collect()
}

/// Merges unknown top-level keys: the other side's (read from disk) win.
fn merge_extra(mine: &mut Table, other: &Table) {
    for (key, value) in other {
        mine.insert(key.clone(), value.clone());
    }
}

impl Lww for ReadMark {
    fn beats(&self, other: &Self) -> bool {
        self > other
    }

    fn visible_over(&self, old: Option<&Self>) -> bool {
        self.read != old.is_some_and(|o| o.read)
    }
}

impl Lww for BookmarkEntry {
    /// The later change, by the derived order; but a removal always beats
    /// the bookmark it removed, however its note was changed after.
    fn beats(&self, other: &Self) -> bool {
        if self.removes(other) {
            return true;
        }
        if other.removes(self) {
            return false;
        }
        self > other
    }

    fn visible_over(&self, old: Option<&Self>) -> bool {
        self.bookmark() != old.and_then(BookmarkEntry::bookmark)
    }
}

impl<T: Ord> Lww for Stamped<T> {
    fn beats(&self, other: &Self) -> bool {
        self > other
    }

    fn visible_over(&self, old: Option<&Self>) -> bool {
        Some(&self.value) != old.map(|o| &o.value)
    }
}

impl Part for ReadMarks {
    fn merge(&mut self, other: &ReadMarks) -> bool {
        merge_extra(&mut self.extra, &other.extra);
        merge_map(&mut self.marks, &other.marks)
    }

    /// Forgets unread marks older than `horizon`, but for the newest [`KEEP_REMOVALS`].
    fn prune(&mut self, horizon: Timestamp) {
        let horizon = horizon.min(kept_from(self.marks.values().filter(|m| !m.read).map(|m| m.at)));
        self.marks.retain(|_, m| m.read || m.at >= horizon);
    }

    /// How many articles are read.
    fn count(&self) -> usize {
        self.marks.values().filter(|m| m.read).count()
    }

    fn entries(&self) -> usize {
        self.marks.len()
    }

    fn uncovered(&self, by: &ReadMarks) -> ReadMarks {
        ReadMarks { marks: uncovered_map(&self.marks, &by.marks), extra: Table::new() }
    }
}

impl Part for Bookmarks {
    fn merge(&mut self, other: &Bookmarks) -> bool {
        merge_extra(&mut self.extra, &other.extra);
        merge_map(&mut self.entries, &other.entries)
    }

    /// Forgets removals older than `horizon`, but for the newest [`KEEP_REMOVALS`].
    fn prune(&mut self, horizon: Timestamp) {
        let removals = self.entries.values().filter(|e| e.bookmark().is_none()).map(|e| e.changed);
        let horizon = horizon.min(kept_from(removals));
        self.entries.retain(|_, e| e.bookmark().is_some() || e.changed >= horizon);
    }

    /// How many bookmarks there are (removed ones not counted).
    fn count(&self) -> usize {
        self.live().count()
    }

    fn entries(&self) -> usize {
        self.entries.len()
    }

    fn uncovered(&self, by: &Bookmarks) -> Bookmarks {
        Bookmarks { entries: uncovered_map(&self.entries, &by.entries), extra: Table::new() }
    }
}

impl Part for PositionEntries {
    fn merge(&mut self, other: &PositionEntries) -> bool {
        merge_extra(&mut self.extra, &other.extra);
        let mut visible = false;
        if let Some(theirs) = &other.last
            && self.last.as_ref().is_none_or(|mine| theirs.beats(mine))
        {
            visible |= theirs.visible_over(self.last.as_ref());
            self.last = Some(theirs.clone());
        }
        visible |= merge_map(&mut self.issues, &other.issues);
        visible |= merge_map(&mut self.places, &other.places);
        visible | merge_map(&mut self.anchors, &other.anchors)
    }

    /// Positions are never removed, so there is nothing to forget.
    fn prune(&mut self, _horizon: Timestamp) {}

    fn count(&self) -> usize {
        usize::from(self.last.is_some()) + self.issues.len() + self.anchors.len() + self.places.len()
    }

    fn entries(&self) -> usize {
        self.count()
    }

    fn uncovered(&self, by: &PositionEntries) -> PositionEntries {
        let last = self.last.clone().filter(|mine| by.last.as_ref().is_none_or(|b| mine.beats(b)));
        PositionEntries {
            last,
            issues: uncovered_map(&self.issues, &by.issues),
            anchors: uncovered_map(&self.anchors, &by.anchors),
            places: uncovered_map(&self.places, &by.places),
            extra: Table::new(),
        }
    }
}

impl Bookmarks {
    /// The bookmarks, removed ones left out.
    pub fn live(&self) -> impl Iterator<Item = &Bookmark> {
        self.entries.values().filter_map(BookmarkEntry::bookmark)
    }

    /// Applies a bookmark change made at `now`.
    fn apply(&mut self, change: &Change, now: Timestamp) {
        match change {
            Change::Bookmark(b) => {
                let old = self.entries.get(&b.id);
                let old_mark = old.and_then(BookmarkEntry::bookmark);
                let mut bookmark = b.clone();
                // Bookmarking again refreshes what is known about the article
                // but keeps when it was first added and the reader's note.
                bookmark.added = b.added.or(old_mark.and_then(|o| o.added)).or(Some(now));
                if bookmark.note.is_empty() {
                    bookmark.note = old_mark.map(|o| o.note.clone()).unwrap_or_default();
                }
                let extra = old.map(|e| e.extra.clone()).unwrap_or_default();
                let changed = after(now, old.map(|e| e.changed));
                let mark = Mark::Bookmarked(bookmark);
                let entry = BookmarkEntry { changed, mark, id: b.id.clone(), extra, bookmarked: Some(changed) };
                self.entries.insert(b.id.clone(), entry);
            }
            Change::Unbookmark(id) => {
                // Even an id this reader doesn't know is remembered as removed:
                // another reader may have bookmarked it.
                let old = self.entries.get(id);
                let extra = old.map(|e| e.extra.clone()).unwrap_or_default();
                let changed = after(now, old.map(|e| e.changed));
                let bookmarked = old.and_then(|e| e.bookmarked);
                let entry = BookmarkEntry { changed, mark: Mark::Removed, id: id.clone(), extra, bookmarked };
                self.entries.insert(id.clone(), entry);
            }
            Change::Note(id, note) => {
                if let Some(entry) = self.entries.get_mut(id)
                    && let Mark::Bookmarked(bookmark) = &mut entry.mark
                {
                    bookmark.note = note.clone();
                    entry.changed = after(now, Some(entry.changed));
                }
            }
            Change::Read(..) => {}
        }
    }
}

impl PositionEntries {
    /// The positions as the reader uses them.
    pub fn positions(&self) -> Positions {
        Positions {
            last: self.last.as_ref().map(|s| s.value.clone()),
            issues: self.issues.iter().map(|(k, s)| (k.clone(), s.value.clone())).collect(),
            anchors: self.anchors.iter().map(|(k, s)| (k.clone(), s.value)).collect(),
            places: self.places.iter().map(|(k, s)| (k.clone(), s.value.clone())).collect(),
        }
    }

    /// Takes the reader's positions; what differs gets `now`. True if anything did.
    ///
    /// Entries missing from `positions` are kept: another reader may have
    /// added them since this one last refreshed.
    pub fn set(&mut self, positions: &Positions, now: Timestamp) -> bool {
        let mut changed = false;
        if let Some(last) = &positions.last
            && self.last.as_ref().is_none_or(|s| &s.value != last)
        {
            let old = self.last.take();
            let updated = after(now, old.as_ref().map(|s| s.updated));
            let extra = old.map(|s| s.extra).unwrap_or_default();
            self.last = Some(Stamped { updated, value: last.clone(), extra });
            changed = true;
        }
        changed |= set_map(&mut self.issues, &positions.issues, now);
        changed |= set_map(&mut self.places, &positions.places, now);
        changed | set_map(&mut self.anchors, &positions.anchors, now)
    }
}

/// Updates the entries whose values differ; true if any did.
fn set_map<K: Ord + Clone, V: PartialEq + Clone>(
    mine: &mut BTreeMap<K, Stamped<V>>,
    new: &BTreeMap<K, V>,
    now: Timestamp,
) -> bool {
    let mut changed = false;
    for (key, value) in new {
        match mine.get_mut(key) {
            Some(s) if &s.value == value => {}
            Some(s) => {
                s.value = value.clone();
                s.updated = after(now, Some(s.updated));
                changed = true;
            }
            None => {
                mine.insert(key.clone(), Stamped { updated: now, value: value.clone(), extra: Unknown::default() });
                changed = true;
            }
        }
    }
    changed
}

/// Applies a change made at `now` to the part it concerns.
pub(crate) fn apply(read: &mut ReadMarks, bookmarks: &mut Bookmarks, change: &Change, now: Timestamp) {
    match change {
        Change::Read(id, is_read) => {
            let at = after(now, read.marks.get(id).map(|m| m.at));
            read.marks.insert(id.clone(), ReadMark { read: *is_read, at });
        }
        _ => bookmarks.apply(change, now),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Element;

    fn t(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn id(s: &str) -> ArticleId {
        ArticleId(s.to_string())
    }

    fn bm(s: &str) -> Bookmark {
        Bookmark {
            id: id(s),
            headline: format!("headline {s}"),
            section: "第01版".into(),
            issue: "清河日报".into(),
            date: None,
            source: "x.txt".into(),
            added: None,
            note: String::new(),
        }
    }

    fn with(changes: &[(Change, i64)]) -> (ReadMarks, Bookmarks) {
        let (mut r, mut b) = Default::default();
        for (c, at) in changes {
            apply(&mut r, &mut b, c, t(*at));
        }
        (r, b)
    }

    #[test]
    fn newer_wins_whichever_side_it_is_on() {
        let (_, mut a) = with(&[(Change::Bookmark(bm("x")), 1)]);
        let (_, b) = with(&[(Change::Bookmark(bm("x")), 0), (Change::Unbookmark(id("x")), 2)]);
        let mut a2 = a.clone();
        assert!(a.merge(&b));
        assert_eq!(a.count(), 0);
        let mut b2 = b.clone();
        assert!(!b2.merge(&a2));
        assert!(a2.merge(&b));
        assert_eq!(a, b2);
    }

    #[test]
    fn ties_are_decided_the_same_on_both_sides() {
        let (ra, ba) = with(&[(Change::Read(id("x"), true), 5), (Change::Bookmark(bm("x")), 5)]);
        let (rb, bb) = with(&[(Change::Read(id("x"), false), 5), (Change::Unbookmark(id("x")), 5)]);
        let (mut r1, mut b1, mut r2, mut b2) = (ra.clone(), ba.clone(), rb.clone(), bb.clone());
        r1.merge(&rb);
        b1.merge(&bb);
        r2.merge(&ra);
        b2.merge(&ba);
        assert_eq!((&r1, &b1), (&r2, &b2));
        assert_eq!(r1.count(), 1, "read beats unread");
        assert_eq!(b1.count(), 0, "removal beats bookmarking");
    }

    #[test]
    fn two_bookmarks_of_one_instant_are_told_apart_by_their_fields_alone() {
        let (_, plain) = with(&[(Change::Bookmark(bm("x")), 5)]);
        let mut noted = plain.clone();
        if let Some(e) = noted.entries.get_mut(&id("x")) {
            e.extra = Table::from_iter([("k".into(), "v".into())]).into();
        }
        let (mut a, mut b) = (plain.clone(), noted.clone());
        a.merge(&noted);
        b.merge(&plain);
        assert_eq!(a, b, "the same winner on both sides");
        assert_eq!(a, noted, "unknown fields decide last, by their text");
    }

    #[test]
    fn bookmarking_again_keeps_added_and_note() {
        let (_, b) = with(&[
            (Change::Bookmark(bm("x")), 1),
            (Change::Note(id("x"), "keep".into()), 2),
            (Change::Bookmark(bm("x")), 3),
        ]);
        let e = &b.entries[&id("x")];
        let mark = e.bookmark().cloned().unwrap_or_else(|| bm("none"));
        assert_eq!((mark.added, mark.note.as_str(), e.changed), (Some(t(1)), "keep", t(3)));
    }

    #[test]
    fn a_note_on_no_bookmark_does_nothing() {
        let (_, b) = with(&[(Change::Note(id("x"), "n".into()), 1)]);
        assert!(b.entries.is_empty());
        let (_, b) = with(&[
            (Change::Bookmark(bm("x")), 1),
            (Change::Unbookmark(id("x")), 2),
            (Change::Note(id("x"), "n".into()), 3),
        ]);
        assert_eq!(b.entries[&id("x")].changed, t(2));
    }

    #[test]
    fn a_change_made_with_the_clock_set_back_still_wins() {
        let (mut r, mut b) = with(&[(Change::Read(id("x"), true), 10), (Change::Bookmark(bm("x")), 10)]);
        let (disk_r, disk_b) = (r.clone(), b.clone());
        apply(&mut r, &mut b, &Change::Read(id("x"), false), t(5));
        apply(&mut r, &mut b, &Change::Unbookmark(id("x")), t(5));
        assert!(r.marks[&id("x")].at > t(10));
        r.merge(&disk_r);
        b.merge(&disk_b);
        assert_eq!((r.count(), b.count()), (0, 0));

        let pos = |n| Pos { element: Element::Block(n), offset: 0 };
        let mut p = PositionEntries::default();
        p.set(&Positions { anchors: [(id("a"), pos(1))].into(), ..Positions::default() }, t(10));
        let disk = p.clone();
        p.set(&Positions { anchors: [(id("a"), pos(2))].into(), ..Positions::default() }, t(5));
        p.merge(&disk);
        assert_eq!(p.anchors[&id("a")].value, pos(2));
    }

    #[test]
    fn uncovered_is_what_this_side_has_newer() {
        let (r0, b0) = with(&[(Change::Read(id("a"), true), 1), (Change::Bookmark(bm("x")), 1)]);
        let (mut r, mut b) = (r0.clone(), b0.clone());
        assert_eq!((r.uncovered(&r0).marks.len(), b.uncovered(&b0).entries.len()), (0, 0), "all covered");
        apply(&mut r, &mut b, &Change::Read(id("b"), true), t(2));
        apply(&mut r, &mut b, &Change::Unbookmark(id("x")), t(2));
        assert_eq!(r.uncovered(&r0).marks.keys().collect::<Vec<_>>(), [&id("b")]);
        assert_eq!(b.uncovered(&b0).entries.keys().collect::<Vec<_>>(), [&id("x")], "a removal too");
        assert_eq!(b0.uncovered(&b).entries.len(), 0, "an older entry is covered by a newer one");

        let pos = |n| Pos { element: Element::Block(n), offset: 0 };
        let last = LastOpen { source: "s".into(), issue: "i".into(), article: id("a"), ..Default::default() };
        let mut p = PositionEntries::default();
        p.set(
            &Positions { last: Some(last.clone()), anchors: [(id("a"), pos(1))].into(), ..Positions::default() },
            t(1),
        );
        let disk = p.clone();
        p.set(&Positions { last: Some(last), anchors: [(id("a"), pos(2))].into(), ..Positions::default() }, t(2));
        let u = p.uncovered(&disk);
        assert_eq!((u.last.is_some(), u.anchors.len(), u.count()), (false, 1, 1));
    }

    #[test]
    fn pruning_forgets_only_old_tombstones_beyond_the_newest_kept() {
        let mut changes = vec![
            (Change::Read(id("old-read"), true), 0),
            (Change::Read(id("old-unread"), false), 0),
            (Change::Read(id("new-unread"), false), 10),
            (Change::Bookmark(bm("kept")), 0),
            (Change::Unbookmark(id("old-gone")), 0),
            (Change::Unbookmark(id("new-gone")), 10),
        ];
        let (mut r, mut b) = with(&changes);
        r.prune(t(5));
        b.prune(t(5));
        assert_eq!((r.entries(), b.entries()), (3, 3), "a few removals are kept however old");

        // As many newer removals as are kept push the old ones out.
        for n in 0..KEEP_REMOVALS {
            changes.push((Change::Read(id(&format!("u{n:04}")), false), 20));
            changes.push((Change::Unbookmark(id(&format!("g{n:04}"))), 20));
        }
        let (mut r, mut b) = with(&changes);
        r.prune(t(5));
        b.prune(t(5));
        fn first<'a>(keys: impl Iterator<Item = &'a ArticleId>) -> Vec<&'a str> {
            keys.map(|k| k.0.as_str()).filter(|k| !k.starts_with(['u', 'g'])).collect()
        }
        assert_eq!(first(r.marks.keys()), ["new-unread", "old-read"]);
        assert_eq!(first(b.entries.keys()), ["kept", "new-gone"]);
        assert_eq!((r.entries(), b.entries()), (KEEP_REMOVALS + 2, KEEP_REMOVALS + 2));
    }

    #[test]
    fn a_clock_set_ahead_cant_prune_a_removal_made_yesterday() {
        let (mut r, mut b) = with(&[(Change::Read(id("x"), false), 0), (Change::Unbookmark(id("x")), 0)]);
        let a_year_ahead = t(365 * 24 * 3600);
        r.prune(a_year_ahead);
        b.prune(a_year_ahead);
        assert_eq!((r.entries(), b.entries()), (1, 1));
    }

    /// Machine A's bookmark, as machine B took it in; B removes it while A,
    /// its clock a day ahead, writes a note on it. Whichever merges first,
    /// the bookmark stays removed.
    #[test]
    fn a_note_written_on_a_clock_ahead_doesnt_bring_back_the_bookmark_removed() {
        let day = 24 * 3600;
        let (_, shared) = with(&[(Change::Bookmark(bm("x")), 0)]);
        let mut a = shared.clone();
        a.apply(&Change::Note(id("x"), "read again".into()), t(day + 60));
        let mut b = shared;
        b.apply(&Change::Unbookmark(id("x")), t(30));
        assert!(a.entries[&id("x")].changed > b.entries[&id("x")].changed, "the note is later by the clocks");
        let (mut ab, mut ba) = (a.clone(), b.clone());
        ab.merge(&b);
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.count(), 0, "the removal wins: {ab:?}");
        assert!(!a.entries[&id("x")].beats(&b.entries[&id("x")]));
        assert!(b.entries[&id("x")].beats(&a.entries[&id("x")]));
    }

    #[test]
    fn bookmarking_again_is_a_new_bookmark_that_the_times_decide() {
        let (_, shared) = with(&[(Change::Bookmark(bm("x")), 0)]);
        let mut a = shared.clone();
        a.apply(&Change::Unbookmark(id("x")), t(10));
        a.apply(&Change::Bookmark(bm("x")), t(11));
        let mut b = shared;
        b.apply(&Change::Unbookmark(id("x")), t(5));
        let (mut ab, mut ba) = (a.clone(), b.clone());
        ab.merge(&b);
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.count(), 1, "bookmarked again after both removals");
        // A removal of an article never seen bookmarked goes by the times too.
        let (_, fresh) = with(&[(Change::Bookmark(bm("y")), 20)]);
        let (_, mut gone) = with(&[(Change::Unbookmark(id("y")), 10)]);
        assert!(gone.merge(&fresh));
        assert_eq!(gone.count(), 1);
    }

    #[test]
    fn positions_stamp_only_what_changed_and_keep_what_is_missing() {
        let pos = |n| Pos { element: Element::Block(n), offset: 0 };
        let mut p = PositionEntries::default();
        let mut mine = Positions::default();
        mine.anchors.insert(id("a"), pos(1));
        mine.anchors.insert(id("b"), pos(1));
        assert!(p.set(&mine, t(1)));
        assert!(!p.set(&mine, t(2)));
        mine.anchors.insert(id("b"), pos(2));
        mine.anchors.remove(&id("a"));
        assert!(p.set(&mine, t(3)));
        assert_eq!(p.anchors[&id("a")].updated, t(1));
        assert_eq!((p.anchors[&id("b")].value, p.anchors[&id("b")].updated), (pos(2), t(3)));
    }

    #[test]
    fn newest_position_wins() {
        let pos = |n| Pos { element: Element::Block(n), offset: 0 };
        let last = |a: &str| LastOpen { source: "s".into(), issue: "i".into(), article: id(a), ..Default::default() };
        let mut a = PositionEntries::default();
        let mut b = PositionEntries::default();
        let mut pa = Positions { last: Some(last("a")), ..Positions::default() };
        pa.anchors.insert(id("x"), pos(1));
        let mut pb = Positions { last: Some(last("b")), ..Positions::default() };
        pb.anchors.insert(id("x"), pos(2));
        a.set(&pa, t(2));
        b.set(&pb, t(1));
        let a0 = a.clone();
        assert!(!a.merge(&b));
        assert!(b.merge(&a0));
        assert_eq!(a.positions(), b.positions());
        assert_eq!(a.positions(), pa);
    }
}
