//! The state directory on disk: the lock, atomic writes, moving damaged files aside.

use super::format::{Stored, VERSION};
use super::{markers, recover};
use jiff::Timestamp;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The lock file every dubao takes before reading to merge and writing.
pub(crate) const LOCK: &str = ".dubao.lock";

/// An exclusive lock on the state directory, released when dropped.
pub(crate) struct Lock(File);

impl Lock {
    /// Waits for the directory's lock. Saves hold it for milliseconds.
    pub fn acquire(dir: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(dir.join(LOCK))?;
        file.lock()?;
        Ok(Lock(file))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; this only makes it prompt.
        let _ = self.0.unlock();
    }
}

/// Whether an error means the directory can't be written (rather than a failure worth reporting each time).
pub(crate) fn is_unwritable(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem)
}

/// Why a write failed, in plain words.
pub(crate) fn plain(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::StorageFull => "disk full".into(),
        io::ErrorKind::QuotaExceeded => "disk quota exceeded".into(),
        io::ErrorKind::ReadOnlyFilesystem => "read-only".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::NotADirectory => "a part of the path is a file, not a directory".into(),
        io::ErrorKind::FileTooLarge => "file too large".into(),
        _ => e.to_string(),
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temporary file name in `dir` no other writer uses: the file's name, this process, a counter.
fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Whether files can be created in `dir`. Call with the lock held, so that
/// [`remove_stale_temps`] in another dubao can't take the probe away.
pub(crate) fn probe(dir: &Path) -> io::Result<()> {
    let path = temp_path(dir, "probe");
    OpenOptions::new().write(true).create_new(true).open(&path)?;
    fs::remove_file(&path)
}

/// Removes temporary files a writer that died left behind. Call with the lock held:
/// then no other writer has one open.
pub(crate) fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = [".bookmarks.toml.tmp-", ".read.toml.tmp-", ".positions.toml.tmp-", ".probe.tmp-"];
        if ours.iter().any(|prefix| name.starts_with(prefix)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Replaces `dir/name` with `bytes` so that a reader sees the old file or the
/// new one, never a mix, even after a crash: temp file, fsync, rename, fsync the directory.
///
/// A symlinked state file (dotfiles kept elsewhere) is written where it points.
pub(crate) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), (PathBuf, io::Error)> {
    let mut target = dir.join(name);
    if fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink())
        && let Ok(real) = fs::canonicalize(&target)
    {
        target = real;
    }
    let parent = target.parent().unwrap_or(dir).to_path_buf();
    let file_name = target.file_name().map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned());
    let temp = temp_path(&parent, &file_name);
    let mut file = OpenOptions::new().write(true).create_new(true).open(&temp).map_err(|e| (temp.clone(), e))?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let result = written
        .map_err(|e| (temp.clone(), e))
        .and_then(|()| fs::rename(&temp, &target).map_err(|e| (target.clone(), e)));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    sync_dir(&parent).map_err(|e| (parent.clone(), e))
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir).and_then(|d| d.sync_all()) {
            // Some file systems can't sync a directory; the rename still happened.
            Err(e) if matches!(e.kind(), io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported) => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Renames a file to `<name>.<why>-<UTC time>` (`corrupt`: damaged; with
/// `-2`, `-3`… if taken), never overwriting anything. Returns the new name.
pub(crate) fn move_aside(dir: &Path, name: &str, why: &str, now: Timestamp) -> io::Result<String> {
    let stem = format!("{name}.{why}-{}", now.strftime("%Y%m%dT%H%M%S"));
    for n in 1..1000 {
        let aside = if n == 1 { stem.clone() } else { format!("{stem}-{n}") };
        let path = dir.join(&aside);
        if fs::symlink_metadata(&path).is_err() {
            fs::rename(dir.join(name), &path)?;
            return Ok(aside);
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("too many {stem} files")))
}

/// One state file as read from disk.
pub(crate) struct OnDisk<P> {
    /// What could be read.
    pub part: P,
    /// The bytes as they are on disk; `None` when there is no file.
    pub bytes: Option<Vec<u8>>,
    /// Why the file is damaged, when it is.
    pub damage: Option<String>,
    /// The version, when it is newer than this dubao writes.
    pub newer: Option<i64>,
    /// It held git conflict markers: `part` is both sides merged, and this
    /// the first side (ours, in git's words) alone.
    pub conflicted: Option<P>,
}

/// Reads one state file, recovering what it can from a damaged one.
pub(crate) fn read<P: Stored>(dir: &Path) -> OnDisk<P> {
    read_file(&dir.join(P::FILE))
}

/// Reads a file in the format of `P` (a state file, a journal's, a
/// conflict copy), recovering what it can from a damaged one and merging
/// both sides of one git left with conflict markers.
pub(crate) fn read_file<P: Stored>(path: &Path) -> OnDisk<P> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        // A directory that isn't there, or a file where one should be: no file.
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            return OnDisk { part: P::default(), bytes: None, damage: None, newer: None, conflicted: None };
        }
        // A directory in its place, no permission: it can't be read, so it is damaged.
        Err(e) => {
            let damage = Some(e.to_string());
            return OnDisk { part: P::default(), bytes: Some(Vec::new()), damage, newer: None, conflicted: None };
        }
    };
    let sides = std::str::from_utf8(&bytes).ok().and_then(markers::sides);
    let Some(sides) = sides else {
        let (part, damage, newer) = parse::<P>(&bytes);
        return OnDisk { part, bytes: Some(bytes), damage, newer, conflicted: None };
    };
    let [(ours, damage, v1), (theirs, damage2, v2)] = sides.map(|side| parse::<P>(side.as_bytes()));
    let mut part = ours.clone();
    part.merge(&theirs);
    OnDisk { part, bytes: Some(bytes), damage: damage.or(damage2), newer: v1.max(v2), conflicted: Some(ours) }
}

/// What a state file's bytes hold, why they are damaged, and their version
/// when it is newer than this dubao's.
fn parse<P: Stored>(bytes: &[u8]) -> (P, Option<String>, Option<i64>) {
    let (mut table, mut damage) = recover::parse(bytes);
    let mut problems = Vec::new();
    let mut newer = None;
    match table.remove("version") {
        Some(toml::Value::Integer(VERSION)) => {}
        Some(toml::Value::Integer(v)) if v > VERSION => newer = Some(v),
        Some(_) => problems.push(format!("`version` is not {VERSION}")),
        None if damage.is_none() => problems.push("no `version`".to_string()),
        None => {}
    }
    let part = P::from_table(table, &mut problems);
    // A newer dubao's file is never written here, so what this version can't
    // make of it is no reason to move it aside.
    if damage.is_none()
        && newer.is_none()
        && let Some(first) = problems.first()
    {
        damage = Some(match problems.len() {
            1 => first.clone(),
            n => format!("{first}; {} more problems", n - 1),
        });
    }
    (part, damage, newer)
}
