//! Conflict copies: what sync tools leave beside a state file when two
//! machines changed it before hearing of each other.
//!
//! Syncthing keeps the loser as `bookmarks.sync-conflict-20240308-101502-ABCDEFG.toml`,
//! Dropbox and Nextcloud as `bookmarks (conflicted copy 2024-03-08 101502).toml`
//! (`(Jane's conflicted copy …)`), ownCloud as `bookmarks_conflict-20240308-101502.toml`.
//! Each is a whole state file from another machine: the store merges it by
//! its usual rule, and once the merge is on disk puts the copy aside under
//! the cache directory — never deleting it, since it may be the only copy
//! of something.

use super::disk;
use super::format::Stored;
use super::notice::{self, Notice, Said};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The note left in the folder the copies are put in.
const NOTE: &str = "README.txt";

/// Whether `name`, a file beside the state file `file`, is a conflict copy of it.
pub(crate) fn is_copy_of(name: &str, file: &str) -> bool {
    let Some((stem, ext)) = file.rsplit_once('.') else { return false };
    let Some(rest) = name.strip_prefix(stem) else { return false };
    let Some(middle) = rest.strip_suffix(ext).and_then(|m| m.strip_suffix('.')) else { return false };
    middle.starts_with(['.', ' ', '_', '-']) && middle.to_lowercase().contains("conflict")
}

/// The conflict copies of `file` in `dir`, by name.
pub(crate) fn copies(dir: &Path, file: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| e.file_name().to_str().is_some_and(|n| is_copy_of(n, file)))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// A conflict copy taken in.
#[derive(Debug, Clone)]
pub(crate) struct Copy {
    /// Where it is.
    pub path: PathBuf,
    /// How many of its entries were new or newer than the state's.
    pub news: usize,
    /// Why it is damaged, if it is (what could be read was taken in).
    pub damage: Option<String>,
    /// Its size and modification time, to know it again.
    pub stamp: (u64, Option<std::time::SystemTime>),
}

impl Copy {
    /// The copy's file name.
    pub fn name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// Merges every conflict copy of `P::FILE` in `dir` into `part`: what each
/// brought beyond `file` (the state file as read), and whether the reader
/// would see a difference.
pub(crate) fn merge_copies<P: Stored>(part: &mut P, file: &P, dir: &Path) -> (Vec<Copy>, bool) {
    let mut taken = Vec::new();
    let mut visible = false;
    for path in copies(dir, P::FILE) {
        let stamp = fs::metadata(&path).map(|m| (m.len(), m.modified().ok())).unwrap_or_default();
        let copy = disk::read_file::<P>(&path);
        let news = copy.part.uncovered(file).entries();
        visible |= part.merge(&copy.part);
        taken.push(Copy { path, news, damage: copy.damage, stamp });
    }
    (taken, visible)
}

/// Where conflict copies go once merged, and which were said already.
#[derive(Debug, Default)]
pub(crate) struct Aside {
    /// The folder under the cache directory; `None`: copies stay where they are.
    pub dir: Option<PathBuf>,
    /// Copies said already (by path, size and time), so each is said once.
    said: std::collections::HashSet<(PathBuf, (u64, Option<std::time::SystemTime>))>,
}

/// `3 bookmarks new or newer`, `nothing new`: what a copy of `file` brought.
fn news(n: usize, file: &str) -> Said {
    Notice::new("store-news", vec![("n", n.into()), ("count", notice::count(file, n).into())]).into()
}

impl Aside {
    /// In `dir`, or nowhere.
    pub fn new(dir: Option<PathBuf>) -> Aside {
        Aside { dir, said: Default::default() }
    }

    /// Whether `copy` is said already; from now on it is.
    fn said_before(&mut self, copy: &Copy) -> bool {
        !self.said.insert((copy.path.clone(), copy.stamp))
    }

    /// Once the merge of `copies` into `file` is on disk: puts each aside,
    /// saying what it brought.
    pub fn settle(&mut self, copies: &[Copy], file: &str, messages: &mut Vec<Notice>) {
        for copy in copies {
            let merged = vec![("copy", copy.name().into()), ("news", news(copy.news, file)), ("file", file.into())];
            let damage = match &copy.damage {
                Some(d) => Notice::new("store-merged-damaged", vec![("why", d.as_str().into())]).into(),
                None => Said::Text(String::new()),
            };
            let mut args = vec![("merged", Notice::new("store-merged", merged).into()), ("damage", damage)];
            let Some(dir) = self.dir.clone() else {
                if !self.said_before(copy) {
                    messages.push(Notice::new("store-copy-left", args));
                }
                continue;
            };
            match put_aside(&copy.path, &dir) {
                Ok(to) => {
                    self.said_before(copy);
                    args.push(("to", to.as_path().into()));
                    messages.push(Notice::new("store-copy-now", args));
                }
                Err(e) if !self.said_before(copy) => {
                    args.extend([("dir", dir.as_path().into()), ("why", (&e).into())]);
                    messages.push(Notice::new("store-copy-stuck", args));
                }
                Err(_) => {}
            }
        }
    }

    /// Before `file`, as git left it with conflict markers, is written over
    /// with both sides merged: keeps it in the folder, else beside itself as
    /// `<file>.git-conflict-<time>`, and says so.
    pub fn keep_marked(
        &mut self,
        state: &Path,
        file: &str,
        bytes: &[u8],
        now: jiff::Timestamp,
        messages: &mut Vec<Notice>,
    ) -> io::Result<()> {
        let kept = match self.dir.as_deref().map(|dir| keep(bytes, file, dir, now)) {
            Some(Ok(path)) => path,
            _ => state.join(disk::move_aside(state, file, "git-conflict", now)?),
        };
        messages.push(Notice::new("store-marked-kept", vec![("file", file.into()), ("kept", kept.as_path().into())]));
        Ok(())
    }

    /// Says once what was taken in where nothing is written (a listing, a
    /// directory that can't be written): the copies, the markers.
    pub fn found(&mut self, copies: &[Copy], marked: bool, file: &str, messages: &mut Vec<Notice>) {
        if marked {
            messages.push(Notice::new("store-marked-found", vec![("file", file.into())]));
        }
        for copy in copies {
            if !self.said_before(copy) {
                let args = vec![("copy", copy.name().into()), ("file", file.into()), ("news", news(copy.news, file))];
                messages.push(Notice::new("store-copy-found", args));
            }
        }
    }
}

/// Moves a conflict copy into `aside` (under its own name, `-2`, `-3`… if
/// taken), copying it across file systems; returns where it went.
pub(crate) fn put_aside(path: &Path, aside: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let target = free_name(aside, &name)?;
    if fs::rename(path, &target).is_err() {
        let bytes = fs::read(path)?;
        let target_name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        disk::write_atomic(aside, &target_name, &bytes).map_err(|(_, e)| e)?;
        fs::remove_file(path)?;
    }
    Ok(target)
}

/// Keeps `bytes` — a state file as git left it, markers and all — in
/// `aside` as `<file>.git-conflict-<UTC time>`; returns where.
pub(crate) fn keep(bytes: &[u8], file: &str, aside: &Path, now: jiff::Timestamp) -> io::Result<PathBuf> {
    let target = free_name(aside, &format!("{file}.git-conflict-{}", now.strftime("%Y%m%dT%H%M%SZ")))?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    disk::write_atomic(aside, &name, bytes).map_err(|(_, e)| e)?;
    Ok(target)
}

/// A path in `aside` (created, with a note saying what it holds) for a file
/// called `name`, or `name-2`, `name-3`…: never one that exists.
fn free_name(aside: &Path, name: &str) -> io::Result<PathBuf> {
    fs::create_dir_all(aside)?;
    if !aside.join(NOTE).exists() {
        let note = "Conflict copies of dubao's state files (bookmarks, read marks, reading\n\
                    positions) that a sync tool or git left, already merged into the state\n\
                    files by dubao. Nothing here is needed any more: delete what you like.\n";
        disk::write_atomic(aside, NOTE, note.as_bytes()).map_err(|(_, e)| e)?;
    }
    for n in 1..1000 {
        let candidate = if n == 1 { aside.join(name) } else { aside.join(format!("{name}-{n}")) };
        if fs::symlink_metadata(&candidate).is_err() {
            return Ok(candidate);
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("too many copies of {name}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_known_by_the_names_sync_tools_give_them() {
        for name in [
            "bookmarks.sync-conflict-20240308-101502-ABCDEFG.toml",
            "bookmarks (conflicted copy 2024-03-08).toml",
            "bookmarks (Jane's conflicted copy 2024-03-08 (1)).toml",
            "bookmarks (conflicted copy 2024-03-08 101502).toml",
            "bookmarks_conflict-20240308-101502.toml",
            "bookmarks.Conflict.toml",
            // How the README has a machine's own files join a clone.
            "bookmarks.conflict-mine.toml",
        ] {
            assert!(is_copy_of(name, "bookmarks.toml"), "{name}");
        }
        for name in [
            "bookmarks.toml",
            "bookmarks.toml.corrupt-20240308T101502",
            ".bookmarks.toml.tmp-1-2",
            "read.sync-conflict-20240308-101502-ABCDEFG.toml",
            "bookmarksconflict.toml",
            "bookmarks.sync-conflict-20240308-101502-ABCDEFG.toml.tmp",
            "bookmarks.old.toml",
        ] {
            assert!(!is_copy_of(name, "bookmarks.toml"), "{name}");
        }
        assert!(is_copy_of("read.sync-conflict-20240308-101502-ABCDEFG.toml", "read.toml"));
        assert!(!is_copy_of("readings (conflicted copy).toml", "read.toml"));
    }

    #[test]
    fn nothing_is_put_over_what_is_aside_already() {
        let dir = tempfile::tempdir().unwrap();
        let aside = dir.path().join("aside");
        for n in 0..3 {
            let copy = dir.path().join("read (conflicted copy).toml");
            fs::write(&copy, format!("copy {n}")).unwrap();
            let to = put_aside(&copy, &aside).unwrap();
            assert!(!copy.exists());
            assert_eq!(fs::read_to_string(&to).unwrap(), format!("copy {n}"));
        }
        let mut names: Vec<String> =
            fs::read_dir(&aside).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "README.txt",
                "read (conflicted copy).toml",
                "read (conflicted copy).toml-2",
                "read (conflicted copy).toml-3"
            ]
        );
    }
}
