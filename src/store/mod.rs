//! What the reader keeps between sessions: bookmarks, read marks and reading
//! positions, in three TOML files in one directory (`bookmarks.toml`,
//! `read.toml`, `positions.toml`).
//!
//! - Writes are atomic (temp file, fsync, rename, fsync the directory).
//! - Saving takes a lock in the directory, re-reads the files, merges them
//!   with this reader's state and writes the result, so two dubaos at once
//!   both keep their changes. Entries merge last-writer-wins per article,
//!   removals kept as tombstones for 90 days so they aren't undone.
//! - A file that can't be read is never overwritten: it is moved aside to
//!   `<name>.corrupt-<time>` and what could be read of it is kept.
//! - A save that fails says why ([`StoreError`]) and is tried again with
//!   the next one; until one succeeds, what is not on disk ([`Store::unsaved`])
//!   is kept in a journal elsewhere ([`journal_dirs`]), which the next save
//!   that can write — in this dubao or the next — takes in.
//!
//! Time is always passed in (`now`), never read here.

mod conflict;
mod disk;
mod format;
mod journal;
mod markers;
mod notice;
mod recover;
mod state;

pub use journal::dirs as journal_dirs;
pub use notice::{Notice, Said};
pub use state::KEEP_REMOVALS;

use crate::model::{ArticleId, Bookmark, Change, Positions};
use format::Stored;
use jiff::Timestamp;
use state::Part;
use state::{Bookmarks, PositionEntries, ReadMarks};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io;
use std::path::{Path, PathBuf};

/// How long removals (of bookmarks and read marks) are remembered, at least
/// ([`KEEP_REMOVALS`] of them are for ever).
const TOMBSTONE_DAYS: i64 = 90;

/// The state directory dubao uses: `config_local_dir()` of `ProjectDirs` (honours `XDG_CONFIG_HOME`).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|d| d.config_local_dir().to_path_buf())
}

/// What the reader starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Articles read.
    pub read: HashSet<ArticleId>,
    /// Bookmarks (not removed ones), `added` filled.
    pub bookmarks: BTreeMap<ArticleId, Bookmark>,
    /// Where the reader was.
    pub positions: Positions,
}

/// What this reader has that is not on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unsaved {
    /// Articles whose bookmark (its note, its removal) is not saved.
    pub bookmarks: BTreeSet<ArticleId>,
    /// Articles whose read or unread mark is not saved.
    pub read: BTreeSet<ArticleId>,
    /// Reading positions not saved (the last article open, the last
    /// article of an issue, how far down an article).
    pub positions: usize,
}

impl Unsaved {
    /// How many changes.
    pub fn count(&self) -> usize {
        self.bookmarks.len() + self.read.len() + self.positions
    }

    /// True when everything is saved.
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }
}

/// Why changes are not on disk.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// There is no state directory.
    #[error("there is no home directory to keep them in")]
    NoDir,
    /// Creating or locking the directory, or writing a file, failed.
    #[error("{name}: {}", disk::plain(source))]
    Io {
        /// What failed, as the user knows it: the state file (`bookmarks.toml`), else the directory.
        name: String,
        /// Its path.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// A file this dubao doesn't write over holds changes not saved.
    #[error("{file} {why}")]
    Frozen {
        /// The state file.
        file: &'static str,
        /// Why it isn't written.
        why: Notice,
    },
}

impl StoreError {
    fn io(name: impl Into<String>, path: PathBuf, source: io::Error) -> StoreError {
        StoreError::Io { name: name.into(), path, source }
    }

    fn dir(dir: &Path, source: io::Error) -> StoreError {
        StoreError::io(dir.display().to_string(), dir.to_path_buf(), source)
    }
}

/// Where the changes that could not be saved are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// In the journal in this folder.
    In(PathBuf),
    /// Only in memory: why no journal could be written.
    Nowhere(String),
}

/// One state file in memory.
#[derive(Debug, Default)]
struct StateFile<P> {
    part: P,
    /// What the file on disk holds, as this reader last read or wrote it:
    /// what `part` has beyond that is not saved.
    disk: P,
    /// Why it is never written: a newer dubao's file, or a damaged one that couldn't be moved aside.
    frozen: Option<Notice>,
    /// `part` is what was last written, unchanged since: nothing to compare.
    synced: bool,
}

impl<P: Stored> StateFile<P> {
    /// What `part` has that the file doesn't.
    fn unsaved(&self) -> P {
        if self.synced { P::default() } else { self.part.uncovered(&self.disk) }
    }
}

/// The reader's durable state: loaded once, changed in memory, saved (merged) on demand.
#[derive(Debug)]
pub struct Store {
    dir: Option<PathBuf>,
    /// Where a journal may be kept, in the order tried.
    journals: Vec<PathBuf>,
    /// Only listing: nothing is ever written, moved or removed.
    listing: bool,
    bookmarks: StateFile<Bookmarks>,
    read: StateFile<ReadMarks>,
    positions: StateFile<PositionEntries>,
    /// Temporary files of writers that died have been removed.
    cleaned: bool,
    kept: Option<Kept>,
    /// Journals taken in at open, and how many changes each brought.
    taken: Vec<(PathBuf, usize)>,
    /// Where conflict copies go once merged.
    aside: conflict::Aside,
    messages: Vec<Notice>,
}

/// Where a store keeps things: the state directory, and where the cache
/// directory keeps what belongs to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// The state directory (`None`: no home to find one in; the store then works in memory).
    pub state: Option<PathBuf>,
    /// Where changes that could not be saved may be kept, in the order tried ([`journal_dirs`]).
    pub journals: Vec<PathBuf>,
    /// Where conflict copies go once merged into the state files (`None`:
    /// they are merged and left where they are).
    pub conflicts: Option<PathBuf>,
}

impl Places {
    /// This user's: [`default_dir`], its journals, and its folder of
    /// conflict copies under the cache directory (`conflicts/<FNV of the state dir>`).
    pub fn user() -> Places {
        let state = default_dir();
        let journals = state.as_deref().map(journal_dirs).unwrap_or_default();
        let conflicts = state.as_deref().and_then(conflicts_dir);
        Places { state, journals, conflicts }
    }
}

/// Where the conflict copies of the state directory `state` go once merged:
/// `$XDG_CACHE_HOME/dubao/conflicts/<FNV of the state dir>/`.
pub fn conflicts_dir(state: &Path) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|p| p.cache_dir().join("conflicts").join(journal::key(state)))
}

/// What reading one file into its slot found.
struct ReadBack {
    /// Something the reader would see changed.
    visible: bool,
    /// The file's bytes on disk (`None`: no file now).
    bytes: Option<Vec<u8>>,
    /// The file held git conflict markers (both sides were taken in).
    conflicted: bool,
}

/// Reads one file and merges it into its slot. A damaged file is moved aside
/// when the directory is writable, else the slot is frozen; either way once, with a message.
fn load_into<P: Stored>(
    slot: &mut StateFile<P>,
    dir: &Path,
    writable: bool,
    now: Timestamp,
    messages: &mut Vec<Notice>,
) -> ReadBack {
    let disk = disk::read::<P>(dir);
    let mut bytes = disk.bytes;
    let mut on_disk = true;
    if let Some(v) = disk.newer
        && slot.frozen.is_none()
    {
        let (file, version) = (P::FILE, Said::Text(v.to_string()));
        slot.frozen = Some(Notice::new("store-frozen-newer", vec![("version", version.clone())]));
        let args = vec![("file", file.into()), ("version", version), ("kind", notice::kind(file))];
        messages.push(Notice::new("store-newer", args));
    }
    if let Some(reason) = disk.damage
        && slot.frozen.is_none()
    {
        let file = P::FILE;
        let mut args = vec![
            ("file", file.into()),
            ("why", Said::Text(reason)),
            ("count", notice::count(file, disk.part.count()).into()),
            ("kind", notice::kind(file)),
        ];
        if !writable {
            messages.push(Notice::new("store-damaged-left", args));
        } else {
            match disk::move_aside(dir, file, "corrupt", now) {
                Ok(aside) => {
                    args.push(("aside", aside.into()));
                    messages.push(Notice::new("store-moved-aside", args));
                    bytes = None;
                    on_disk = false;
                }
                Err(e) => {
                    slot.frozen = Some(Notice::new("store-frozen-stuck", vec![("error", (&e).into())]));
                    args.push(("error", Said::Text(e.to_string())));
                    messages.push(Notice::new("store-not-moved", args));
                }
            }
        }
    }
    let visible = slot.part.merge(&disk.part);
    // Of a file git left with markers only the first side counts as on
    // disk: what the other brought is saved (and the file made sound) at once.
    let conflicted = disk.conflicted.is_some();
    slot.disk = match (on_disk, disk.conflicted) {
        (false, _) => P::default(),
        (true, Some(ours)) => ours,
        (true, None) => disk.part,
    };
    slot.synced = false;
    ReadBack { visible, bytes, conflicted }
}

/// Under the lock: reads one file and its conflict copies, merges, prunes,
/// writes it if it changed, then puts the copies aside.
fn sync<P: Stored>(
    slot: &mut StateFile<P>,
    dir: &Path,
    now: Timestamp,
    messages: &mut Vec<Notice>,
    aside: &mut conflict::Aside,
) -> Result<bool, StoreError> {
    let merged = load_into(slot, dir, true, now, messages);
    let (copies, from_copies) = conflict::merge_copies(&mut slot.part, &slot.disk, dir);
    if let Ok(horizon) = now.checked_sub(jiff::SignedDuration::from_hours(24 * TOMBSTONE_DAYS)) {
        slot.part.prune(horizon);
    }
    let io = |e: io::Error| StoreError::io(P::FILE, dir.join(P::FILE), e);
    if slot.frozen.is_none() {
        let text = slot.part.render();
        if merged.bytes.as_deref() != Some(text.as_bytes()) {
            if let (true, Some(bytes)) = (merged.conflicted, &merged.bytes) {
                aside.keep_marked(dir, P::FILE, bytes, now, messages).map_err(io)?;
            }
            // Whatever failed (the temp file, the rename), the file the user knows is the one not saved.
            disk::write_atomic(dir, P::FILE, text.as_bytes()).map_err(|(_, e)| io(e))?;
        }
        slot.disk = slot.part.clone();
        slot.synced = true;
        aside.settle(&copies, P::FILE, messages);
    } else {
        aside.found(&copies, false, P::FILE, messages);
    }
    Ok(merged.visible | from_copies)
}

/// The changes in `slot` a frozen file keeps from being saved.
fn frozen<P: Stored>(slot: &StateFile<P>) -> Option<StoreError> {
    let why = slot.frozen.as_ref()?;
    let unsaved = !slot.unsaved().is_empty();
    unsaved.then(|| StoreError::Frozen { file: P::FILE, why: why.clone() })
}

impl Store {
    /// Opens (creating) the state directory and loads what is there. Never fails: problems become messages for the status line.
    ///
    /// With no directory (no home to find one in) the store works in memory.
    pub fn open(dir: Option<PathBuf>, now: Timestamp) -> (Store, Vec<Notice>) {
        Store::open_with(dir, Vec::new(), now)
    }

    /// Like [`Store::open`], with journals (changes an earlier dubao could
    /// not save) looked for, and kept when a save fails, in `journals`
    /// ([`journal_dirs`]). What a journal holds is taken in, to be saved
    /// with the next save.
    pub fn open_with(dir: Option<PathBuf>, journals: Vec<PathBuf>, now: Timestamp) -> (Store, Vec<Notice>) {
        Store::load(Places { state: dir, journals, conflicts: None }, false, now)
    }

    /// Like [`Store::open_with`], with conflict copies (a sync tool's, or
    /// git's markers) merged in and, once saved, put aside in `places.conflicts`.
    pub fn open_in(places: Places, now: Timestamp) -> (Store, Vec<Notice>) {
        Store::load(places, false, now)
    }

    /// [`Store::listing`] of what is kept in `places`.
    pub fn listing_in(places: Places, now: Timestamp) -> (Store, Vec<Notice>) {
        Store::load(places, true, now)
    }

    /// Loads what is kept to list it (`dubao bookmarks`): nothing is
    /// created, moved aside or written, damage is only reported, journals
    /// are read but left for the reader to save. [`Store::save`] does nothing.
    pub fn listing(dir: Option<PathBuf>, journals: Vec<PathBuf>, now: Timestamp) -> (Store, Vec<Notice>) {
        Store::load(Places { state: dir, journals, conflicts: None }, true, now)
    }

    fn load(places: Places, listing: bool, now: Timestamp) -> (Store, Vec<Notice>) {
        let Places { state: dir, journals, conflicts } = places;
        let mut store = Store {
            dir: dir.clone(),
            journals,
            listing,
            bookmarks: StateFile::default(),
            read: StateFile::default(),
            positions: StateFile::default(),
            cleaned: false,
            kept: None,
            taken: Vec::new(),
            aside: conflict::Aside::new(conflicts),
            messages: Vec::new(),
        };
        let mut messages = Vec::new();
        match dir {
            None => messages.push(Notice::new("store-no-home", Vec::new())),
            Some(dir) if listing => {
                for w in [&mut store.bookmarks as &mut dyn Loader, &mut store.read, &mut store.positions] {
                    w.load(&dir, false, now, &mut store.aside, &mut messages);
                }
            }
            Some(dir) => store.load_dir(&dir, now, &mut messages),
        }
        store.take_journals(&mut messages);
        (store, messages)
    }

    fn load_dir(&mut self, dir: &Path, now: Timestamp, messages: &mut Vec<Notice>) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            messages.push(Notice::new("store-not-created", vec![("dir", dir.into()), ("why", (&e).into())]));
            return;
        }
        // Reading under the lock means never seeing another dubao move a file aside halfway.
        // An existing lock file can be opened in a read-only directory, so probe too.
        let lock = match disk::Lock::acquire(dir).and_then(|lock| disk::probe(dir).map(|()| lock)) {
            Ok(lock) => Some(lock),
            Err(e) if disk::is_unwritable(&e) => {
                messages.push(Notice::new("store-read-only", vec![("dir", dir.into())]));
                None
            }
            Err(e) => {
                messages.push(Notice::new("store-cannot-write", vec![("dir", dir.into()), ("why", (&e).into())]));
                None
            }
        };
        let writable = lock.is_some();
        if writable {
            disk::remove_stale_temps(dir);
            self.cleaned = true;
        }
        // What is recovered from a file moved aside, or merged from a conflict
        // copy, is not on disk: it is written at the next save.
        for w in [&mut self.bookmarks as &mut dyn Loader, &mut self.read, &mut self.positions] {
            w.load(dir, writable, now, &mut self.aside, messages);
        }
    }

    /// Takes in every journal there is: its changes become this reader's, not saved yet.
    fn take_journals(&mut self, messages: &mut Vec<Notice>) {
        for dir in self.journals.clone() {
            let (_, n) = self.take_journal(&dir, messages);
            if n > 0 {
                self.taken.push((dir, n));
            }
        }
    }

    /// Takes in the journal in `dir`: whether the reader would see a
    /// difference, and how many of its changes are news (not on disk, not
    /// already this reader's).
    fn take_journal(&mut self, dir: &Path, messages: &mut Vec<Notice>) -> (bool, usize) {
        let Some(kept) = journal::read(dir, messages) else { return (false, 0) };
        let before = self.unsaved_parts().entries();
        let visible = self.bookmarks.part.merge(&kept.bookmarks)
            | self.read.part.merge(&kept.read)
            | self.positions.part.merge(&kept.positions);
        self.bookmarks.synced = false;
        self.read.synced = false;
        self.positions.synced = false;
        (visible, self.unsaved_parts().entries().saturating_sub(before))
    }

    /// Takes in a journal found while saving: another dubao's.
    fn take_others_journal(&mut self, dir: &Path) -> bool {
        let mut messages = Vec::new();
        let (visible, n) = self.take_journal(dir, &mut messages);
        if n > 0 {
            messages.push(Notice::new("store-taken-in", vec![("n", n.into()), ("dir", dir.into())]));
        }
        self.messages.append(&mut messages);
        visible
    }

    /// The changes earlier dubaos could not save that journals held when
    /// this store was opened, taken in to be saved: where, and how many.
    pub fn taken_in(&self) -> &[(PathBuf, usize)] {
        &self.taken
    }

    /// What the reader starts with (and refreshes from after a save that merged).
    pub fn loaded(&self) -> Loaded {
        let read = self.read.part.marks.iter().filter(|(_, m)| m.read).map(|(id, _)| id.clone()).collect();
        let bookmarks = self.bookmarks.part.live().map(|b| (b.id.clone(), b.clone())).collect();
        Loaded { read, bookmarks, positions: self.positions.part.positions() }
    }

    /// Records one change made by this reader at `now`.
    pub fn record(&mut self, change: &Change, now: Timestamp) {
        state::apply(&mut self.read.part, &mut self.bookmarks.part, change, now);
        self.read.synced = false;
        self.bookmarks.synced = false;
    }

    /// Replaces this reader's positions; entries that differ from what is stored get `now` as their time.
    ///
    /// Entries missing from `positions` are kept: another dubao may have added them.
    pub fn set_positions(&mut self, positions: &Positions, now: Timestamp) {
        if self.positions.part.set(positions, now) {
            self.positions.synced = false;
        }
    }

    /// True when there are changes not on disk.
    pub fn is_dirty(&self) -> bool {
        !self.unsaved_parts().is_empty()
    }

    /// The changes not on disk, by kind.
    pub fn unsaved(&self) -> Unsaved {
        let parts = self.unsaved_parts();
        Unsaved {
            bookmarks: parts.bookmarks.entries.into_keys().collect(),
            read: parts.read.marks.into_keys().collect(),
            positions: parts.positions.count(),
        }
    }

    fn unsaved_parts(&self) -> journal::Parts {
        journal::Parts {
            bookmarks: self.bookmarks.unsaved(),
            read: self.read.unsaved(),
            positions: self.positions.unsaved(),
        }
    }

    /// Where the changes not on disk are kept, after the last save that left some.
    pub fn kept(&self) -> Option<&Kept> {
        self.kept.as_ref()
    }

    /// Locks, re-reads, merges, writes atomically. Ok(true) when other
    /// processes' changes were merged in (the caller then refreshes from
    /// `loaded()`), Ok(false) otherwise. Err when anything is left unsaved,
    /// saying why in the user's words (`bookmarks.toml: disk full`); every
    /// file that could be written was, and the changes not on disk are kept
    /// in a journal ([`Store::kept`]). Journals found are taken in first,
    /// and cleared once everything is saved.
    ///
    /// Only files whose text changed are written. Messages (a file moved
    /// aside) wait in [`Store::take_messages`]. A listing store saves nothing.
    pub fn save(&mut self, now: Timestamp) -> Result<bool, StoreError> {
        if self.listing {
            return Ok(false);
        }
        // Journals are locked while taken in and until settled, so that a
        // journal another dubao writes meanwhile is never cleared unread.
        let mut held = Vec::new();
        let mut visible = false;
        for dir in self.journals.clone() {
            if journal::exists(&dir)
                && let Ok(lock) = journal::lock(&dir)
            {
                visible |= self.take_others_journal(&dir);
                held.push((dir, lock));
            }
        }
        let result = match self.dir.clone() {
            None => Err(StoreError::NoDir),
            Some(dir) => self.save_locked(&dir, now),
        };
        let result = result.and_then(|merged| {
            let frozen = frozen(&self.bookmarks).or_else(|| frozen(&self.read)).or_else(|| frozen(&self.positions));
            frozen.map_or(Ok(merged || visible), Err)
        });
        self.settle(held, result.as_ref().err());
        // A failure that costs nothing (no changes to save) is no failure.
        match result {
            Err(_) if self.unsaved_parts().is_empty() => Ok(visible),
            other => other,
        }
    }

    fn save_locked(&mut self, dir: &Path, now: Timestamp) -> Result<bool, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::dir(dir, e))?;
        // A read-only file system refuses even to open the lock file for writing.
        let _lock = disk::Lock::acquire(dir).map_err(|e| StoreError::dir(dir, e))?;
        if !self.cleaned {
            disk::remove_stale_temps(dir);
            self.cleaned = true;
        }
        // Each file is tried, whatever happened to the one before.
        let results = [
            sync(&mut self.bookmarks, dir, now, &mut self.messages, &mut self.aside),
            sync(&mut self.read, dir, now, &mut self.messages, &mut self.aside),
            sync(&mut self.positions, dir, now, &mut self.messages, &mut self.aside),
        ];
        let mut merged = false;
        let mut failed = None;
        for r in results {
            match r {
                Ok(visible) => merged |= visible,
                Err(e) => {
                    failed.get_or_insert(e);
                }
            }
        }
        failed.map_or(Ok(merged), Err)
    }

    /// After a save: with nothing left unsaved, clears the journals held;
    /// else writes what is not on disk to the first journal that can be
    /// written (taking in first any there that wasn't yet), clearing the others.
    fn settle(&mut self, mut held: Vec<(PathBuf, disk::Lock)>, why: Option<&StoreError>) {
        if self.unsaved_parts().is_empty() {
            for (dir, _) in &held {
                journal::clear(dir);
            }
            self.kept = None;
            return;
        }
        let why = why.map(ToString::to_string).unwrap_or_default();
        let state = self.dir.clone().unwrap_or_default();
        let mut problems = Vec::new();
        for dir in self.journals.clone() {
            if !held.iter().any(|(d, _)| *d == dir) {
                match journal::lock(&dir) {
                    Ok(lock) => {
                        self.take_others_journal(&dir);
                        held.push((dir.clone(), lock));
                    }
                    Err(e) => {
                        problems.push(format!("{}: {}", dir.display(), disk::plain(&e)));
                        continue;
                    }
                }
            }
            match journal::write(&dir, &self.unsaved_parts(), &state, &why) {
                Ok(()) => {
                    for (other, _) in held.iter().filter(|(d, _)| *d != dir) {
                        journal::clear(other);
                    }
                    self.kept = Some(Kept::In(dir));
                    return;
                }
                Err(e) => problems.push(format!("{}: {}", dir.display(), disk::plain(&e))),
            }
        }
        if problems.is_empty() {
            problems.push("there is no place to keep them".into());
        }
        self.kept = Some(Kept::Nowhere(problems.join("; ")));
    }

    /// Messages that came up while saving, each returned once.
    pub fn take_messages(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.messages)
    }

    /// Every bookmark, live ones only, for `dubao bookmarks` and the overlay (sorted newest first).
    pub fn bookmarks(&self) -> Vec<Bookmark> {
        let mut all: Vec<Bookmark> = self.bookmarks.part.live().cloned().collect();
        all.sort_by(|a, b| b.added.cmp(&a.added).then_with(|| a.id.cmp(&b.id)));
        all
    }

    /// The state directory, if there is one.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The commands `|` piped to, oldest first (`pipe_history`, one a line).
    pub fn pipe_history(&self) -> Vec<String> {
        let Some(dir) = &self.dir else { return Vec::new() };
        let text = std::fs::read_to_string(dir.join(PIPE_HISTORY)).unwrap_or_default();
        text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
    }

    /// Keeps `command` as the newest of the pipe history, the newest
    /// [`PIPE_KEPT`] kept.
    pub fn keep_pipe_command(&self, command: &str) -> io::Result<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        let mut list = self.pipe_history();
        list.retain(|c| c != command);
        list.push(command.replace('\n', " "));
        let from = list.len().saturating_sub(PIPE_KEPT);
        let text: String = list[from..].iter().map(|c| format!("{c}\n")).collect();
        disk::write_atomic(dir, PIPE_HISTORY, text.as_bytes()).map_err(|(_, e)| e)
    }
}

/// The file of commands piped to, in the state directory.
const PIPE_HISTORY: &str = "pipe_history";
/// How many commands it keeps.
pub const PIPE_KEPT: usize = 100;

/// Loading one slot, whatever its part.
trait Loader {
    fn load(&mut self, dir: &Path, writable: bool, now: Timestamp, aside: &mut conflict::Aside, m: &mut Vec<Notice>);
}

impl<P: Stored> Loader for StateFile<P> {
    /// Reads the file and takes in its conflict copies; where nothing can be
    /// written, says what they were (else the first save does).
    fn load(&mut self, dir: &Path, writable: bool, now: Timestamp, aside: &mut conflict::Aside, m: &mut Vec<Notice>) {
        let read = load_into(self, dir, writable, now, m);
        let (copies, _) = conflict::merge_copies(&mut self.part, &self.disk, dir);
        if !writable {
            aside.found(&copies, read.conflicted, P::FILE, m);
        }
    }
}

/// Writes an export into `dir` (created when missing) as `stem.ext`, or
/// `stem-2.ext`, `stem-3.ext`… when that name is taken: an export never
/// replaces a file already there. Written whole or not at all.
pub fn save_export(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, (PathBuf, std::io::Error)> {
    // An empty folder is the working directory, said in full.
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let dir = &std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let free = (1..10_000)
        .map(|n| if n == 1 { format!("{stem}.{ext}") } else { format!("{stem}-{n}.{ext}") })
        .find(|name| std::fs::symlink_metadata(dir.join(name)).is_err())
        .ok_or_else(|| (dir.join(stem), std::io::Error::other("no free file name")))?;
    disk::write_atomic(dir, &free, bytes)?;
    Ok(dir.join(free))
}
