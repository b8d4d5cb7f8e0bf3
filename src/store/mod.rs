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
//! - A directory that can't be written leaves the store working in memory.
//!
//! Time is always passed in (`now`), never read here.

mod disk;
mod format;
mod recover;
mod state;

use crate::model::{ArticleId, Bookmark, Change, Positions};
use format::Part;
use jiff::Timestamp;
use state::{Bookmarks, Places, ReadMarks};
use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

/// How long removals (of bookmarks and read marks) are remembered.
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

/// A real I/O failure while saving.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading, writing or locking a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
}

/// One state file in memory.
#[derive(Debug, Default)]
struct Slot<P> {
    part: P,
    /// Never written: a newer dubao's file, or a damaged one that couldn't be moved aside.
    frozen: bool,
}

/// The reader's durable state: loaded once, changed in memory, saved (merged) on demand.
#[derive(Debug)]
pub struct Store {
    dir: Option<PathBuf>,
    writable: bool,
    bookmarks: Slot<Bookmarks>,
    read: Slot<ReadMarks>,
    places: Slot<Places>,
    dirty: bool,
    messages: Vec<String>,
}

/// What reading one file into its slot found.
struct Merged {
    /// Something the reader would see changed.
    visible: bool,
    /// The file's bytes on disk (`None`: no file now).
    bytes: Option<Vec<u8>>,
    /// A damaged file was moved aside.
    moved: bool,
}

/// Reads one file and merges it into its slot. A damaged file is moved aside
/// when the directory is writable, else the slot is frozen; either way once, with a message.
fn load_into<P: Part>(
    slot: &mut Slot<P>,
    dir: &Path,
    writable: bool,
    now: Timestamp,
    messages: &mut Vec<String>,
) -> Merged {
    let disk = disk::read::<P>(dir);
    let mut bytes = disk.bytes;
    let mut moved = false;
    if let Some(v) = disk.newer
        && !slot.frozen
    {
        slot.frozen = true;
        let (file, noun) = (P::FILE, P::NOUN.1);
        messages.push(format!("{file} is from a newer dubao (version {v}); changes to {noun} won't be saved"));
    }
    if let Some(reason) = disk.damage
        && !slot.frozen
    {
        let n = disk.part.count();
        let noun = if n == 1 { P::NOUN.0 } else { P::NOUN.1 };
        let file = P::FILE;
        if !writable {
            messages.push(format!("{file} could not be read ({reason}); {n} {noun} recovered"));
        } else {
            match disk::move_aside(dir, file, now) {
                Ok(aside) => {
                    messages.push(format!(
                        "{file} could not be read ({reason}); moved aside to {aside}; {n} {noun} recovered"
                    ));
                    bytes = None;
                    moved = true;
                }
                Err(e) => {
                    slot.frozen = true;
                    let many = P::NOUN.1;
                    messages.push(format!(
                        "{file} could not be read ({reason}) nor moved aside ({e}); {n} {noun} recovered; changes to {many} won't be saved"
                    ));
                }
            }
        }
    }
    let visible = slot.part.merge(&disk.part);
    Merged { visible, bytes, moved }
}

/// Under the lock: reads one file, merges, prunes, writes it if it changed.
fn sync<P: Part>(
    slot: &mut Slot<P>,
    dir: &Path,
    now: Timestamp,
    messages: &mut Vec<String>,
) -> Result<bool, (PathBuf, io::Error)> {
    let merged = load_into(slot, dir, true, now, messages);
    if let Ok(horizon) = now.checked_sub(jiff::SignedDuration::from_hours(24 * TOMBSTONE_DAYS)) {
        slot.part.prune(horizon);
    }
    if !slot.frozen {
        let text = slot.part.render();
        if merged.bytes.as_deref() != Some(text.as_bytes()) {
            disk::write_atomic(dir, P::FILE, text.as_bytes())?;
        }
    }
    Ok(merged.visible)
}

impl Store {
    /// Opens (creating) the state directory and loads what is there. Never fails: problems become messages for the status line.
    ///
    /// With no directory (no home to find one in) the store works in memory.
    pub fn open(dir: Option<PathBuf>, now: Timestamp) -> (Store, Vec<String>) {
        let mut store = Store {
            dir: dir.clone(),
            writable: false,
            bookmarks: Slot::default(),
            read: Slot::default(),
            places: Slot::default(),
            dirty: false,
            messages: Vec::new(),
        };
        let mut messages = Vec::new();
        let Some(dir) = dir else {
            messages.push("changes can't be saved: there is no home directory to keep them in".to_string());
            return (store, messages);
        };
        if let Err(e) = std::fs::create_dir_all(&dir) {
            messages.push(format!("changes can't be saved: {} could not be created ({e})", dir.display()));
            return (store, messages);
        }
        // Reading under the lock means never seeing another dubao move a file aside halfway.
        // An existing lock file can be opened in a read-only directory, so probe too.
        let lock = match disk::Lock::acquire(&dir).and_then(|lock| disk::probe(&dir).map(|()| lock)) {
            Ok(lock) => Some(lock),
            Err(e) if disk::is_unwritable(&e) => {
                messages.push(format!("changes can't be saved: {} is read-only", dir.display()));
                None
            }
            Err(e) => {
                messages.push(format!("changes can't be saved: {}: {e}", dir.display()));
                None
            }
        };
        store.writable = lock.is_some();
        if store.writable {
            disk::remove_stale_temps(&dir);
        }
        let w = store.writable;
        let moved = load_into(&mut store.bookmarks, &dir, w, now, &mut messages).moved
            | load_into(&mut store.read, &dir, w, now, &mut messages).moved
            | load_into(&mut store.places, &dir, w, now, &mut messages).moved;
        // What was recovered from a file moved aside is written anew at the next save.
        store.dirty = moved;
        drop(lock);
        (store, messages)
    }

    /// What the reader starts with (and refreshes from after a save that merged).
    pub fn loaded(&self) -> Loaded {
        let read = self.read.part.marks.iter().filter(|(_, m)| m.read).map(|(id, _)| id.clone()).collect();
        let bookmarks = self.bookmarks.part.live().map(|b| (b.id.clone(), b.clone())).collect();
        Loaded { read, bookmarks, positions: self.places.part.positions() }
    }

    /// Records one change made by this reader at `now`.
    pub fn record(&mut self, change: &Change, now: Timestamp) {
        state::apply(&mut self.read.part, &mut self.bookmarks.part, change, now);
        self.dirty = true;
    }

    /// Replaces this reader's positions; entries that differ from what is stored get `now` as their time.
    ///
    /// Entries missing from `positions` are kept: another dubao may have added them.
    pub fn set_positions(&mut self, positions: &Positions, now: Timestamp) {
        if self.places.part.set(positions, now) {
            self.dirty = true;
        }
    }

    /// True when there are changes not yet written.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Locks, re-reads, merges, writes atomically. Ok(true) when other processes' changes were merged in (the caller then refreshes from `loaded()`), Ok(false) otherwise (also when not writable). Err only for real I/O failures, with the path in the message.
    ///
    /// Only files whose text changed are written. Messages (a file moved
    /// aside, the directory turned read-only) wait in [`Store::take_messages`].
    pub fn save(&mut self, now: Timestamp) -> Result<bool, StoreError> {
        let Some(dir) = self.dir.clone() else { return Ok(false) };
        if !self.writable {
            return Ok(false);
        }
        match self.save_locked(&dir, now) {
            Ok(merged) => Ok(merged),
            Err((_, e)) if disk::is_unwritable(&e) => {
                self.writable = false;
                self.messages.push(format!("changes can't be saved: {} is read-only", dir.display()));
                Ok(false)
            }
            Err((path, source)) => Err(StoreError::Io { path, source }),
        }
    }

    fn save_locked(&mut self, dir: &Path, now: Timestamp) -> Result<bool, (PathBuf, io::Error)> {
        std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
        let _lock = disk::Lock::acquire(dir).map_err(|e| (dir.join(disk::LOCK), e))?;
        let merged = sync(&mut self.bookmarks, dir, now, &mut self.messages)?
            | sync(&mut self.read, dir, now, &mut self.messages)?
            | sync(&mut self.places, dir, now, &mut self.messages)?;
        self.dirty = false;
        Ok(merged)
    }

    /// Messages that came up while saving, each returned once.
    pub fn take_messages(&mut self) -> Vec<String> {
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

    /// Whether changes reach the disk (false: working in memory).
    pub fn is_writable(&self) -> bool {
        self.writable
    }
}
