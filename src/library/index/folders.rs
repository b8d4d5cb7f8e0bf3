//! The folder snapshot, as `mlocate` and git's untracked cache keep one:
//! when the index is brought up to date from a whole walk, every folder
//! walked is recorded with its mtime, ctime and inode, and the time the
//! walk began. Adding, removing or renaming a file changes its folder's
//! mtime, so a later search need only `stat` the folders: one unchanged
//! holds the issue files the index has. Only the folders that changed are
//! listed again (their files looked at, new folders in them walked).
//!
//! A folder whose mtime is not older than the walk by [`RACY`] may have
//! changed again within its clock's step after it was listed: it is
//! listed again each time, until a snapshot finds it older (what git does
//! with entries racily clean). A file rewritten in place leaves its folder
//! alone and is not seen this way: `dubao search --fresh` walks and looks
//! at every file, as the reader does after its first frame.

use super::format::{Folders, Seen, stamp};
use super::{Index, UpdateReport, absolute_roots};
use crate::library::folder::is_article_folder;
use crate::library::source::Source;
use crate::library::walk::{Walked, relist};
use fnv::{FnvHashMap as HashMap, FnvHashSet as HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::SystemTime;

/// How much older than the walk a folder's mtime must be for the folder to
/// be trusted unchanged: more than a clock's step (coarse timestamps,
/// filesystems of whole seconds), in nanoseconds.
const RACY: i128 = 2_000_000_000;

/// A folder as found now against the snapshot.
#[derive(Clone, Copy)]
enum State {
    /// Unchanged, and old enough: its issue files are the indexed ones.
    Trusted,
    /// Changed (or racy, or one issue): looked at again; its stamps now.
    Changed(Stamps),
    Gone,
}

/// mtime and ctime (ns since 1970) and inode.
type Stamps = (i128, i128, u64);

/// A folder's stamps now; `None` when it is gone or no folder any more.
fn look(path: &Path) -> io::Result<Option<Stamps>> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Ok(Some(stamps(&m))),
        Ok(_) => Ok(None),
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
fn stamps(m: &std::fs::Metadata) -> Stamps {
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
    (ns(m.mtime(), m.mtime_nsec()), ns(m.ctime(), m.ctime_nsec()), m.ino())
}

#[cfg(not(unix))]
fn stamps(m: &std::fs::Metadata) -> Stamps {
    (m.modified().map_or(0, stamp), 0, 0)
}

/// Each recorded folder now; `None` when one can't be looked at.
fn survey(folders: &Folders) -> Option<Vec<State>> {
    let racy = folders.taken - RACY;
    let state = |s: &Seen| match look(&s.path) {
        Err(_) => None,
        Ok(None) => Some(State::Gone),
        Ok(Some(now)) if !s.issue && now == (s.mtime, s.ctime, s.inode) && s.mtime < racy => Some(State::Trusted),
        Ok(Some(now)) => Some(State::Changed(now)),
    };
    folders.seen.iter().map(state).collect()
}

/// Seen as found now.
fn seen(path: PathBuf, issue: bool) -> Option<Seen> {
    let (mtime, ctime, inode) = look(&path).ok()??;
    Some(Seen { path, mtime, ctime, inode, issue })
}

/// The issue files in the folders that changed, as they are now, and the
/// folders found new in them; `None` when a folder's kind changed (one
/// walked into is now one issue, or the other way) or anything is odd.
fn relisted(folders: &Folders, survey: &[State]) -> Option<(Vec<PathBuf>, Walked)> {
    // Each folder recorded: one issue or not, and whether it is still there.
    let recorded: HashMap<&Path, (bool, bool)> = folders
        .seen
        .iter()
        .zip(survey)
        .map(|(s, state)| (s.path.as_path(), (s.issue, !matches!(state, State::Gone))))
        .collect();
    let known = |p: &Path| recorded.get(p).is_some_and(|&(_, here)| here);
    let (mut found, mut errors, mut walked) = (Vec::new(), Vec::new(), Walked::default());
    for (s, state) in folders.seen.iter().zip(survey) {
        let State::Changed(_) = state else { continue };
        if s.issue != is_article_folder(&s.path) {
            return None;
        }
        if s.issue {
            continue;
        }
        // A page folder's files can make the folder it is in one issue.
        if let Some(parent) = s.path.parent()
            && recorded.get(parent) == Some(&(false, true))
            && is_article_folder(parent)
        {
            return None;
        }
        relist(&s.path, &known, &mut found, &mut errors, &mut walked);
    }
    if !errors.is_empty() || walked.links {
        return None;
    }
    let files = found.into_iter().filter_map(Source::into_file).collect();
    Some((files, walked))
}

impl Index {
    /// Records the folders a whole walk went through, after the index was
    /// brought up to date with what it found (`report`), so that a later
    /// [`Index::update_by_folders`] need not walk again. `taken` is when the
    /// walk began. Nothing is recorded unless the update took in every
    /// file (none unreadable) and was saved.
    pub fn record_folders(&mut self, roots: &[PathBuf], walked: &Walked, taken: SystemTime, report: &UpdateReport) {
        let clean = report.errors.len() == self.failed.len() && !report.cancelled && report.unsaved.is_none();
        if !clean || self.damaged.load(Ordering::Relaxed) || self.dir.is_none() {
            return;
        }
        let generation = self.generation;
        let absolute = |p: &PathBuf| std::path::absolute(p).ok().map(|p| p.components().collect::<PathBuf>());
        let dirs = walked.dirs.iter().filter_map(absolute).map(|p| seen(p, false));
        let issues = walked.issue_dirs.iter().filter_map(absolute).map(|p| seen(p, true));
        let all: Option<Vec<Seen>> = dirs.chain(issues).collect();
        let Some(seen) = all.filter(|s| s.len() == walked.dirs.len() + walked.issue_dirs.len()) else { return };
        self.commit_folders(Folders { taken: stamp(taken), roots: absolute_roots(roots), seen }, generation);
    }

    /// Brings the index up to date with the issue files under `roots` by
    /// the folders recorded with it: each is `stat`ed, and only those that
    /// changed are listed again, their files looked at. `None` when there
    /// is no record for these roots, or it can't tell (a folder can't be
    /// looked at, a link, a folder that became one issue): then walk, and
    /// [`Index::update`]. A file rewritten in place in a folder left alone
    /// is not seen (see the module's notes).
    pub fn update_by_folders(&mut self, roots: &[PathBuf]) -> Option<UpdateReport> {
        let folders = self.folders.as_ref()?;
        if self.damaged.load(Ordering::Relaxed) || folders.roots != absolute_roots(roots) {
            return None;
        }
        let taken = stamp(SystemTime::now());
        let survey = survey(folders)?;
        let gone_root = folders
            .seen
            .iter()
            .zip(&survey)
            .any(|(s, st)| matches!(st, State::Gone) && folders.roots.contains(&s.path));
        if gone_root {
            return None;
        }
        let mut check = self.untrusted(folders, &survey)?;
        let (found, walked) = relisted(folders, &survey)?;
        check.extend(found);
        check.sort_unstable();
        check.dedup();
        // Folder issues are looked at each time, changed or not.
        let changed = folders.seen.iter().zip(&survey).any(|(s, state)| match *state {
            State::Trusted => false,
            State::Changed(now) => !s.issue || now != (s.mtime, s.ctime, s.inode),
            State::Gone => true,
        });
        let refreshed = if changed { refresh(folders, &survey, &walked, taken) } else { None };
        let mut report = UpdateReport::default();
        if self.differs(&check) {
            // Committed with the update, unless it found another's index to
            // take up first (whose folders are kept) or a file unreadable.
            self.folders = refreshed.or_else(|| self.folders.take());
            report = self.update_some(&check, &std::sync::atomic::AtomicBool::new(false))?;
            if self.segments.iter().all(|p| p.live_count() == 0) && self.failed.is_empty() {
                return None;
            }
        } else if let Some(refreshed) = refreshed {
            self.commit_folders(refreshed, self.generation);
        }
        self.failed_as_walked(roots, &mut report);
        Some(report)
    }

    /// The indexed files in folders not trusted, and the folder issues
    /// (their files are looked at each time); `None` if the index holds a
    /// file in no folder recorded.
    fn untrusted(&self, folders: &Folders, survey: &[State]) -> Option<Vec<PathBuf>> {
        let at: HashMap<&[u8], usize> =
            folders.seen.iter().enumerate().map(|(k, s)| (s.path.as_os_str().as_encoded_bytes(), k)).collect();
        let mut out = Vec::new();
        let live = self.live_issues().map(|m| m.path.as_path());
        for path in live.chain(self.failed.iter().map(|f| f.path.as_path())) {
            let k = *at.get(path.parent()?.as_os_str().as_encoded_bytes())?;
            if folders.seen[k].issue {
                return None;
            }
            if !matches!(survey[k], State::Trusted) {
                out.push(path.to_path_buf());
            }
        }
        out.extend(folders.seen.iter().filter(|s| s.issue).map(|s| s.path.clone()));
        Some(out)
    }

    /// The files that are not issues, reported as a whole update reports
    /// them (by the paths under the roots as given), with what else went wrong.
    fn failed_as_walked(&self, roots: &[PathBuf], report: &mut UpdateReport) {
        let failed: HashSet<&Path> = self.failed.iter().map(|f| f.path.as_path()).collect();
        let mut errors: Vec<(PathBuf, crate::library::Problem)> =
            self.failed.iter().map(|f| (f.path.clone(), f.problem.clone())).collect();
        errors.extend(std::mem::take(&mut report.errors).into_iter().filter(|(p, _)| !failed.contains(p.as_path())));
        errors.sort_by(|a, b| a.0.cmp(&b.0));
        let given: Vec<(PathBuf, &PathBuf)> =
            roots.iter().filter_map(|r| Some((std::path::absolute(r).ok()?.components().collect(), r))).collect();
        for (path, _) in &mut errors {
            if let Some(rest) = given.iter().find_map(|(abs, r)| Some(r.join(path.strip_prefix(abs).ok()?))) {
                *path = rest;
            }
        }
        report.errors = errors;
    }
}

/// The record after this look: folders unchanged as they were, the others
/// as they are now, the new ones as found, taken when the look began.
fn refresh(folders: &Folders, survey: &[State], walked: &Walked, taken: i128) -> Option<Folders> {
    let mut seen = Vec::with_capacity(folders.seen.len() + walked.dirs.len());
    for (s, state) in folders.seen.iter().zip(survey) {
        match *state {
            State::Trusted => seen.push(s.clone()),
            State::Changed((mtime, ctime, inode)) => {
                seen.push(Seen { path: s.path.clone(), mtime, ctime, inode, issue: s.issue })
            }
            State::Gone => {}
        }
    }
    for d in &walked.dirs {
        seen.push(self::seen(d.clone(), false)?);
    }
    for d in &walked.issue_dirs {
        seen.push(self::seen(d.clone(), true)?);
    }
    Some(Folders { taken, roots: folders.roots.clone(), seen })
}
