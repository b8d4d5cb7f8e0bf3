//! The archive index: every issue's parsed text in one file in the cache
//! directory, newest issue first, so that a search streams through it
//! instead of reading and parsing thousands of files.
//!
//! It holds nothing that can't be made again from the issue files: a
//! missing, damaged or older-version index is rebuilt, and where the cache
//! directory can't be written the index lives in memory. Writers lock the
//! directory and replace the file by rename, so readers always see a whole
//! index. See `docs/architecture.md` for the format.

mod format;
mod scan;
mod write;

pub use format::IssueMeta;
use format::{Failed, HEADER_LEN, Header};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

/// The index file's name in its directory.
pub const FILE_NAME: &str = "archive.idx";
/// The lock writers take, beside the index.
const LOCK_NAME: &str = ".archive.lock";
/// The newest indexed issue's path, beside the index.
const NEWEST_NAME: &str = "newest";

/// The archive index in a cache directory.
pub struct Index {
    dir: Option<PathBuf>,
    issues: Vec<IssueMeta>,
    failed: Vec<Failed>,
    blocks: Vec<u32>,
    text_len: u64,
    generation: u64,
    text: Text,
    /// A search found the text damaged: the next update rebuilds.
    damaged: AtomicBool,
    problem: Option<String>,
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
    pub errors: Vec<(PathBuf, String)>,
    /// The index was damaged (or of another version) and was rebuilt.
    pub rebuilt: bool,
    /// Stopped early by `cancel`; what was parsed is kept.
    pub cancelled: bool,
    /// Why the index could not be saved (it is kept in memory instead).
    pub unsaved: Option<String>,
}

/// Where the index's text is.
enum Text {
    None,
    Disk(File),
    Memory(Vec<u8>),
}

impl Text {
    /// Fills `buf` from the text at `offset`.
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        match self {
            Text::None => Err(io::ErrorKind::UnexpectedEof.into()),
            Text::Disk(f) => read_exact_at(f, buf, HEADER_LEN + offset),
            Text::Memory(v) => {
                let start = usize::try_from(offset).map_err(|_| io::Error::from(io::ErrorKind::UnexpectedEof))?;
                let src = v.get(start..start + buf.len()).ok_or(io::ErrorKind::UnexpectedEof)?;
                buf.copy_from_slice(src);
                Ok(())
            }
        }
    }
}

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
            issues: Vec::new(),
            failed: Vec::new(),
            blocks: Vec::new(),
            text_len: 0,
            generation: 0,
            text: Text::None,
            damaged: AtomicBool::new(false),
            problem: None,
        };
        let Some(path) = index.dir.as_ref().map(|d| d.join(FILE_NAME)) else { return index };
        match load(&path) {
            Ok(None) => {}
            Ok(Some((header, meta, file))) => {
                index.issues = meta.issues;
                index.failed = meta.failed;
                index.blocks = meta.blocks;
                index.text_len = header.text_len;
                index.generation = header.generation;
                index.text = Text::Disk(file);
            }
            Err(problem) => {
                index.problem = Some(format!("{}: {problem}", path.display()));
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
        self.issues.iter().collect()
    }

    /// Why the index found on disk was not used (damaged, another version),
    /// or that a search found it damaged; `None` when all is well.
    pub fn problem(&self) -> Option<String> {
        if self.damaged.load(Ordering::Relaxed) && self.problem.is_none() {
            return Some("the index text is damaged".into());
        }
        self.problem.clone()
    }

    /// The directory the index lives in, if it is kept on disk.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}

/// The index at `path`: `None` if there is none, the reason if it is unusable.
fn load(path: &Path) -> Result<Option<(Header, format::Meta, File)>, String> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let size = file.metadata().map_err(|e| e.to_string())?.len();
    let mut head = [0u8; HEADER_LEN as usize];
    read_exact_at(&file, &mut head, 0).map_err(|_| "truncated header".to_string())?;
    let header = Header::decode(&head)?;
    let expected = HEADER_LEN.checked_add(header.text_len).and_then(|n| n.checked_add(header.meta_len));
    if expected != Some(size) {
        return Err(format!("{size} bytes where the header says {}", expected.unwrap_or(u64::MAX)));
    }
    let meta_len = usize::try_from(header.meta_len).map_err(|_| "meta too large".to_string())?;
    let mut meta = vec![0u8; meta_len];
    read_exact_at(&file, &mut meta, HEADER_LEN + header.text_len).map_err(|e| e.to_string())?;
    if crc32fast::hash(&meta) != header.meta_crc {
        return Err("meta checksum mismatch".into());
    }
    let meta = format::decode_meta(&meta, header.text_len).ok_or("meta does not fit the text")?;
    Ok(Some((header, meta, file)))
}

#[cfg(unix)]
fn read_exact_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(f: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(f, buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
