//! Changes that could not be saved, kept until a save succeeds.
//!
//! When the state directory can't be written (read-only, disk full, no
//! permission), what this reader has that is not on disk is written to a
//! journal: the same three files holding only those entries, in a folder
//! named for the state directory under the cache directory (else under the
//! temporary directory). Every save takes journals in first — last writer
//! wins, as in any merge — and once nothing is left unsaved clears them;
//! until then each failed save writes the journal anew.

use super::disk::{self, Lock};
use super::format::Stored;
use super::notice::Notice;
use super::state::{Bookmarks, Part, PositionEntries, ReadMarks};
use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};

/// The note left beside a journal for whoever finds it.
const NOTE: &str = "README.txt";

/// Entries of the three files: those not saved, or those read from a journal.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parts {
    pub bookmarks: Bookmarks,
    pub read: ReadMarks,
    pub positions: PositionEntries,
}

impl Parts {
    /// How many entries, removals included.
    pub fn entries(&self) -> usize {
        self.bookmarks.entries() + self.read.entries() + self.positions.entries()
    }

    pub fn is_empty(&self) -> bool {
        self.entries() == 0
    }
}

/// The name of the folders (the journal's, the conflict copies') that
/// belong to the state directory `state`: its path's FNV-1a.
pub(crate) fn key(state: &Path) -> String {
    let mut h = fnv::FnvHasher::default();
    h.write(state.as_os_str().as_encoded_bytes());
    format!("{:016x}", h.finish())
}

/// Where the journal of the state directory `state` may be kept, in the order tried.
pub fn dirs(state: &Path) -> Vec<PathBuf> {
    let key = key(state);
    let mut dirs = Vec::new();
    if let Some(p) = directories::ProjectDirs::from("", "", "dubao") {
        dirs.push(p.cache_dir().join("unsaved").join(&key));
    }
    // A disk full at home is often not full in /tmp.
    dirs.push(std::env::temp_dir().join(format!("dubao-{}", user())).join("unsaved").join(&key));
    dirs
}

#[cfg(unix)]
fn user() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

#[cfg(not(unix))]
fn user() -> String {
    std::env::var("USERNAME").unwrap_or_default()
}

/// Whether `dir` holds a journal.
pub fn exists(dir: &Path) -> bool {
    [Bookmarks::FILE, ReadMarks::FILE, PositionEntries::FILE].iter().any(|f| dir.join(f).exists())
}

/// Reads the journal in `dir`, if there is one; what could be read of a
/// damaged file is kept, and said.
pub fn read(dir: &Path, messages: &mut Vec<Notice>) -> Option<Parts> {
    if !exists(dir) || !private(dir) {
        return None;
    }
    fn part<P: Stored>(dir: &Path, messages: &mut Vec<Notice>) -> P {
        let disk = disk::read::<P>(dir);
        if let Some(reason) = disk.damage {
            let path = dir.join(P::FILE);
            messages.push(Notice::new(
                "store-journal-damaged",
                vec![("path", path.as_path().into()), ("why", reason.into())],
            ));
        }
        disk.part
    }
    Some(Parts { bookmarks: part(dir, messages), read: part(dir, messages), positions: part(dir, messages) })
}

/// Takes the journal's lock in `dir`, creating the folder.
pub fn lock(dir: &Path) -> io::Result<Lock> {
    make(dir)?;
    Lock::acquire(dir)
}

/// Writes `kept` as the journal in `dir`, each file atomically, with a note
/// saying whose changes these are and why they are here.
pub fn write(dir: &Path, kept: &Parts, state: &Path, why: &str) -> io::Result<()> {
    make(dir)?;
    fn part<P: Stored>(dir: &Path, p: &P) -> io::Result<()> {
        if p.is_empty() {
            return remove(&dir.join(P::FILE));
        }
        disk::write_atomic(dir, P::FILE, p.render().as_bytes()).map_err(|(_, e)| e)
    }
    part(dir, &kept.bookmarks)?;
    part(dir, &kept.read)?;
    part(dir, &kept.positions)?;
    let note = format!(
        "dubao could not save these changes to {} ({why}).\n\
         They are kept here, as the files there would hold them, and the next\n\
         dubao that can save there takes them in and removes them.\n\
         Delete this folder to give them up.\n",
        state.display()
    );
    disk::write_atomic(dir, NOTE, note.as_bytes()).map_err(|(_, e)| e)
}

/// Removes the journal's files from `dir`. The folder and its lock stay, so
/// that a dubao waiting for the lock never writes where no one looks.
pub fn clear(dir: &Path) {
    for name in [Bookmarks::FILE, ReadMarks::FILE, PositionEntries::FILE, NOTE] {
        let _ = remove(&dir.join(name));
    }
}

fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Creates `dir`, private to this user.
fn make(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    if private(dir) {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::PermissionDenied, "another user could change it"))
    }
}

/// Whether no other user can have put or changed what is in `dir`: in the
/// shared temporary directory, every folder of the way there is this
/// user's own, no symbolic link, and not writable by all.
fn private(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let tmp = std::env::temp_dir();
        let mut at = dir;
        while at.starts_with(&tmp) && at != tmp {
            let ok = fs::symlink_metadata(at)
                .is_ok_and(|m| m.file_type().is_dir() && m.uid() == user() && m.mode() & 0o002 == 0);
            if !ok {
                return false;
            }
            at = at.parent().unwrap_or(&tmp);
        }
    }
    let _ = dir;
    true
}
