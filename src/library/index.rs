//! The archive index: every issue's parsed text and the postings of its
//! n-grams, in segments in the cache directory listed by a manifest, so
//! that a search reads only the issues that can match instead of all the
//! text, and a change costs about the issues it changes.
//!
//! It holds nothing that can't be made again from the issue files: a
//! missing, damaged or older-version index is rebuilt, and where the cache
//! directory can't be written the index lives in memory. Writers lock the
//! directory, write segments whole and replace the manifest by rename, so
//! readers always see a whole index. See `docs/architecture.md`.

mod folders;
mod format;
mod grams;
mod postings;
mod rw;
mod scan;
mod segment;
mod write;

pub use format::IssueMeta;
use format::{Failed, Folders, Listed, Manifest};
#[doc(hidden)]
pub use rw::crash_points_passed;
use segment::Segment;
use std::borrow::Cow;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

/// The manifest's name in its directory: the list of segments, replaced by
/// rename on every change.
pub const FILE_NAME: &str = "manifest";
/// The index file of dubao before segments, removed when a new one is made.
const OLD_FILE_NAME: &str = "archive.idx";
/// The lock writers take, beside the index.
const LOCK_NAME: &str = ".archive.lock";
/// The newest indexed issue's path, beside the index.
const NEWEST_NAME: &str = "newest";

/// The archive index in a cache directory: segments, each a set of issues
/// with their text and the postings of their grams, listed by a manifest.
pub struct Index {
    dir: Option<PathBuf>,
    segments: Vec<Part>,
    failed: Vec<Failed>,
    /// The folders of the last whole walk, while they still tell the truth
    /// (see `folders.rs`).
    folders: Option<Folders>,
    generation: u64,
    /// A search found the index damaged: the next update rebuilds.
    damaged: AtomicBool,
    problem: Option<String>,
}

/// A segment and which of its issues are dead (changed or removed since).
struct Part {
    segment: std::sync::Arc<Segment>,
    id: u64,
    dead: Vec<bool>,
}

impl Part {
    fn listed(&self) -> Listed {
        let dead = self.dead.iter().enumerate().filter(|(_, d)| **d).map(|(k, _)| k as u32).collect();
        Listed { id: self.id, file_len: self.segment.file_len, header_crc: self.segment.header_crc, dead }
    }

    fn live(&self) -> impl Iterator<Item = (usize, &IssueMeta)> {
        self.segment.issues.iter().enumerate().filter(|(k, _)| !self.dead[*k])
    }

    fn live_count(&self) -> usize {
        self.dead.iter().filter(|d| !**d).count()
    }
}

/// The order of issues everywhere: `model::newest_first` by date, title, name.
fn order_key(m: &IssueMeta) -> (std::cmp::Reverse<Option<jiff::civil::Date>>, &str, Cow<'_, str>) {
    let name = match m.path.to_str() {
        Some(s) if !s.starts_with("file://") => Cow::Borrowed(s),
        _ => Cow::Owned(crate::library::name::of_path(&m.path)),
    };
    crate::model::newest_first(m.date, &m.title, name)
}

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateReport {
    /// Files read and parsed (new, changed, or all of them on a rebuild).
    pub parsed: usize,
    /// Unchanged files whose text was kept.
    pub reused: usize,
    /// Files dropped because they were not in the list any more.
    pub removed: usize,
    /// Files that could not be read or are not issues: the path as given, and what is wrong.
    pub errors: Vec<(PathBuf, crate::library::Problem)>,
    /// The index was damaged (or of another version) and was rebuilt.
    pub rebuilt: bool,
    /// Stopped early by `cancel`; what was parsed is kept.
    pub cancelled: bool,
    /// Why the index could not be saved (it is kept in memory instead).
    pub unsaved: Option<String>,
    /// The files parsed (absolute), while no more than [`READ_LISTED`]
    /// were; beyond, `parsed` alone says how many.
    pub read: Vec<PathBuf>,
}

/// How many of the files parsed an [`UpdateReport`] names.
pub const READ_LISTED: usize = 256;

/// dubao's cache directory (`$XDG_CACHE_HOME/dubao` on Linux), if there is a home.
pub fn default_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|d| d.cache_dir().to_path_buf())
}

/// The directory for the index of the issues under `roots` (the paths a
/// reader gave, or the library): one index per set of roots, in the cache
/// directory, so searching a folder now and then does not throw away the
/// library's index.
pub fn cache_dir_for(roots: &[PathBuf]) -> Option<PathBuf> {
    Some(default_cache_dir()?.join("index").join(roots_key(roots)))
}

/// A set of roots as one list, the same however they are ordered or
/// spelled (relative or absolute).
fn absolute_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    // Through components: `papers/` and `papers/.` are `papers`.
    let absolute = |r: &PathBuf| std::path::absolute(r).unwrap_or_else(|_| r.clone()).components().collect();
    let mut roots: Vec<PathBuf> = roots.iter().map(absolute).collect();
    roots.sort();
    roots.dedup();
    roots
}

/// What the reader keeps the last issue read under for a set of paths
/// given on the command line (`/papers/a + /papers/b`), however they are
/// ordered or spelled.
pub fn place_key(roots: &[PathBuf]) -> String {
    let roots: Vec<String> = absolute_roots(roots).iter().map(|r| r.display().to_string()).collect();
    roots.join(" + ")
}

/// A name for a set of roots: the same however they are ordered or spelled
/// (relative or absolute).
fn roots_key(roots: &[PathBuf]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    for r in &absolute_roots(roots) {
        h.write(r.as_os_str().as_encoded_bytes());
        h.write(&[0]);
    }
    format!("{:016x}", h.finish())
}

/// Removes the indexes in `root` (the cache's `index/` directory, as
/// [`cache_dir_for`] lays them out) that no update has used for `max_age`,
/// except `keep`. An index another dubao is writing is left alone.
pub fn prune(root: &Path, keep: &Path, max_age: std::time::Duration) {
    let Ok(entries) = fs::read_dir(root) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let dir = entry.path();
        let lock_path = dir.join(LOCK_NAME);
        let Ok(used) = fs::metadata(&lock_path).and_then(|m| m.modified()) else { continue };
        if dir == keep || now.duration_since(used).is_ok_and(|age| age < max_age) {
            continue;
        }
        let Ok(lock) = fs::OpenOptions::new().write(true).open(&lock_path) else { continue };
        if lock.try_lock().is_ok() {
            let _ = fs::remove_file(dir.join(FILE_NAME));
            let _ = fs::remove_dir_all(&dir);
        }
    }
}

/// The newest issue the index in `dir` held when last written, if that
/// file is still there: what a reader opens at once while it walks the
/// library, without reading the index itself.
pub fn newest_hint(dir: &Path) -> Option<PathBuf> {
    let path = PathBuf::from(fs::read_to_string(dir.join(NEWEST_NAME)).ok()?);
    path.is_file().then_some(path)
}

impl Index {
    /// Opens the index in `dir` (creating nothing yet); a missing or damaged
    /// index opens empty (and will be rebuilt), never an error. With no
    /// `dir` the index lives in memory.
    pub fn open(dir: Option<PathBuf>) -> Index {
        let mut index = Index {
            dir,
            segments: Vec::new(),
            failed: Vec::new(),
            folders: None,
            generation: 0,
            damaged: AtomicBool::new(false),
            problem: None,
        };
        let Some(dir) = index.dir.clone() else { return index };
        match load(&dir) {
            Ok(None) => {}
            Ok(Some((manifest, segments))) => {
                index.generation = manifest.generation;
                index.failed = manifest.failed;
                index.folders = manifest.folders;
                index.segments = segments;
            }
            Err(problem) => {
                index.problem = Some(format!("{}: {problem}", dir.join(FILE_NAME).display()));
                index.damaged = AtomicBool::new(true);
            }
        }
        index
    }

    /// Whether an index in `dir` can be saved: the directory exists or can
    /// be made, and files can be created in it.
    pub fn writable(dir: &Path) -> bool {
        fs::create_dir_all(dir).is_ok()
            && fs::OpenOptions::new().write(true).create(true).truncate(false).open(dir.join(LOCK_NAME)).is_ok()
    }

    /// Indexed issues, newest first (`model::newest_first`: date descending, undated last, by title, by name).
    pub fn issues(&self) -> Vec<&IssueMeta> {
        let mut all: Vec<&IssueMeta> = self.live_issues().collect();
        if self.segments.len() > 1 {
            all.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        }
        all
    }

    /// The indexed issue of this file, if the index holds it (a look at
    /// every issue: for a few files, not for many).
    pub fn find(&self, path: &Path) -> Option<&IssueMeta> {
        let key = crate::library::name::key(path);
        self.live_issues().find(|m| crate::library::name::key(&m.path) == key)
    }

    /// The names of these files, each sharing the index's copy of its path
    /// where the index holds the file ([`crate::library::name::FilePath`]).
    pub fn names(&self, paths: impl IntoIterator<Item = PathBuf>) -> Vec<std::sync::Arc<str>> {
        use crate::library::name::key;
        let mut held: Vec<&IssueMeta> = self.live_issues().collect();
        held.sort_unstable_by(|a, b| key(&a.path).cmp(key(&b.path)));
        let name = |p: PathBuf| match held.binary_search_by(|m| key(&m.path).cmp(key(&p))) {
            Ok(k) => held[k].path.name(),
            Err(_) => crate::library::name::of_path(&p).into(),
        };
        paths.into_iter().map(name).collect()
    }

    /// Every live issue, segment by segment (each newest first).
    fn live_issues(&self) -> impl Iterator<Item = &IssueMeta> {
        self.segments.iter().flat_map(|p| p.live().map(|(_, m)| m))
    }

    /// Why the index found on disk was not used (damaged, another version),
    /// or that a search found it damaged; `None` when all is well.
    pub fn problem(&self) -> Option<String> {
        if self.damaged.load(Ordering::Relaxed) && self.problem.is_none() {
            return Some("the index is damaged".into());
        }
        self.problem.clone()
    }

    /// The directory the index lives in, if it is kept on disk.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// How many segments the index has now (small ones are merged as
    /// updates go, big ones by [`Index::maintain`]).
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }
}

/// The index in `dir`: `None` if there is none, the reason if it is unusable.
fn load(dir: &Path) -> Result<Option<(Manifest, Vec<Part>)>, String> {
    let bytes = match fs::read(dir.join(FILE_NAME)) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if dir.join(OLD_FILE_NAME).exists() {
                return Err("an index of an older dubao".into());
            }
            return Ok(None);
        }
        Err(e) => return Err(e.to_string()),
    };
    let manifest = format::decode_manifest(&bytes)?;
    let mut parts = Vec::with_capacity(manifest.segments.len());
    for listed in &manifest.segments {
        let segment = segment::open_shared(dir, listed.id, listed.file_len, listed.header_crc)?;
        if segment.file_len != listed.file_len || segment.header_crc != listed.header_crc {
            return Err(format!("{} is not the segment the manifest lists", segment::file_name(listed.id)));
        }
        let mut dead = vec![false; segment.issues.len()];
        for &d in &listed.dead {
            *dead.get_mut(d as usize).ok_or("the manifest's dead issues do not fit a segment")? = true;
        }
        parts.push(Part { segment, id: listed.id, dead });
    }
    Ok(Some((manifest, parts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_of_one_directory_in_one_process_share_their_segments() {
        let (papers, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let file = papers.path().join("晚报-20240308.txt");
        fs::write(&file, "晚报\n\n运河夜航船今晚启航\n\n记者 张三\n\n运河夜航船活动在梁水镇举行。\n").unwrap();
        let never = AtomicBool::new(false);
        let mut writer = Index::open(Some(cache.path().to_path_buf()));
        writer.update(std::slice::from_ref(&file), &mut |_, _| {}, &never);
        let reader = Index::open(Some(cache.path().to_path_buf()));
        assert_eq!(reader.segments.len(), 1);
        assert!(std::sync::Arc::ptr_eq(&writer.segments[0].segment, &reader.segments[0].segment));
        let mut hits = 0;
        reader.search(
            "夜航船",
            &mut |_| {
                hits += 1;
                true
            },
            &never,
        );
        assert_eq!(hits, 1);
        drop((writer, reader));
        let again = Index::open(Some(cache.path().to_path_buf()));
        assert_eq!((again.segments.len(), again.problem.as_deref()), (1, None), "opened anew once none holds it");
    }

    #[test]
    fn the_librarys_names_share_the_index_copy_of_each_path_and_a_title_is_held_once() {
        let (papers, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let files: Vec<PathBuf> =
            ["晚报-20240308.txt", "晚报-20240309.txt"].iter().map(|n| papers.path().join(n)).collect();
        for f in &files {
            fs::write(f, "晚报\n\n运河夜航船今晚启航\n\n运河夜航船活动在梁水镇举行。\n").unwrap();
        }
        let never = AtomicBool::new(false);
        Index::open(Some(cache.path().to_path_buf())).update(&files, &mut |_, _| {}, &never);
        // Read again from disk, as a reader opens it.
        let index = Index::open(Some(cache.path().to_path_buf()));
        let metas = index.issues();
        assert!(std::sync::Arc::ptr_eq(&metas[0].title, &metas[1].title), "one title, held once");
        let other = papers.path().join("晚报-20240310.txt");
        let names = index.names([files[1].clone(), other.clone(), files[0].clone()]);
        let held = |f: &Path| metas.iter().find(|m| m.path.as_path() == f).unwrap().path.name();
        assert!(std::sync::Arc::ptr_eq(&names[0], &held(&files[1])));
        assert!(std::sync::Arc::ptr_eq(&names[2], &held(&files[0])));
        assert_eq!(&*names[1], crate::library::name::of_path(&other), "a file the index does not hold is named anew");
    }

    #[test]
    fn one_index_directory_per_set_of_roots_however_given() {
        let cwd = std::env::current_dir().unwrap();
        let a = roots_key(&[PathBuf::from("papers"), cwd.join("more")]);
        let b = roots_key(&[cwd.join("more"), cwd.join("papers"), PathBuf::from("papers")]);
        assert_eq!(a, b);
        assert_ne!(a, roots_key(&[PathBuf::from("papers")]));
    }

    #[test]
    fn indexes_unused_for_long_are_pruned() {
        let root = tempfile::tempdir().unwrap();
        let make = |name: &str, age: u64| {
            let dir = root.path().join(name);
            fs::create_dir_all(&dir).unwrap();
            fs::write(dir.join(FILE_NAME), "x").unwrap();
            let lock = fs::File::create(dir.join(LOCK_NAME)).unwrap();
            lock.set_modified(SystemTime::now() - std::time::Duration::from_secs(age)).unwrap();
            dir
        };
        let (old, recent, current) = (make("old", 90 * 86_400), make("recent", 60), make("current", 90 * 86_400));
        fs::create_dir_all(root.path().join("stranger")).unwrap();
        prune(root.path(), &current, std::time::Duration::from_secs(30 * 86_400));
        assert!(!old.exists());
        assert!(recent.exists() && current.exists() && root.path().join("stranger").exists());
    }

    #[test]
    fn a_missing_index_opens_empty_without_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::open(Some(dir.path().join("not-yet")));
        assert!(index.issues().is_empty() && index.problem().is_none());
        assert!(!dir.path().join("not-yet").exists(), "opening creates nothing");
    }
}
