//! Bringing the index up to date: look at every file's size and mtime,
//! parse the new and changed ones on every core, and write the index anew
//! (unchanged issues' text copied from the old one and checked on the way)
//! to a temporary file renamed over the old. Under the directory's lock, so
//! two dubaos never write at once and the second finds the first's work.

use super::format::{self, BLOCK, Failed, HEADER_LEN, Header, IssueMeta};
use super::{FILE_NAME, Index, LOCK_NAME, Text, UpdateReport, read_exact_at};
use crate::library::archive::{Shape, encode};
use crate::library::name;
use crate::library::pool::{run_indexed, workers};
use crate::library::source::Problem;
use crate::model::newest_first;
use crate::parse::parse_issue;
use fnv::{FnvHashMap as HashMap, FnvHashSet as HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::SystemTime;

const TEMP_PREFIX: &str = ".archive.idx.tmp-";
const SPILL_PREFIX: &str = ".archive.spill-";

/// A file to index, as found on disk now.
struct Target<'a> {
    given: &'a Path,
    abs: PathBuf,
    size: u64,
    modified: SystemTime,
}

/// What parsing one file gave.
enum Outcome {
    Issue {
        title: String,
        date: Option<jiff::civil::Date>,
        shapes: Vec<Shape>,
        text: Vec<u8>,
        crc: u32,
    },
    /// Not an issue (binary, undecodable): remembered until the file changes.
    NotIssue(String),
    /// Could not be read now: tried again next time.
    Unreadable(String),
}

/// Where an issue's text comes from when the index is written: the old
/// index text or the spill, at an offset.
#[derive(Clone, Copy)]
enum Origin {
    Old(u64),
    Spill(u64),
}

/// Unchanged text failed its check while being copied.
struct Damaged;

enum WriteError {
    Damaged,
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

impl Index {
    /// Brings the index up to date with exactly these files (new or changed
    /// ones parsed, removed ones dropped), persisting it; calls
    /// `progress(done, total)` as files are parsed; stops early when
    /// `cancel` is set (what was done is kept). Unreadable or unparsable
    /// files are reported back, not fatal.
    pub fn update(
        &mut self,
        files: &[PathBuf],
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> UpdateReport {
        let mut report = UpdateReport::default();
        let targets = stat_all(files, &mut report.errors);
        self.mark_used();
        if self.up_to_date(&targets) {
            self.report_unchanged(&targets, &mut report);
            return report;
        }
        let lock = match self.dir.as_deref().map(|d| (d, lock(d))) {
            Some((_, Ok(lock))) => Some(lock),
            Some((d, Err(e))) => {
                report.unsaved = Some(format!("{}: {e}", d.display()));
                None
            }
            None => None,
        };
        if lock.is_some() {
            self.reload_if_replaced();
            if let Some(dir) = &self.dir {
                remove_stale_temps(dir);
            }
            if self.up_to_date(&targets) {
                self.report_unchanged(&targets, &mut report);
                return report;
            }
        }
        let persist = lock.is_some();
        let rebuild = self.damaged.load(Ordering::Relaxed);
        let before = report.clone();
        if let Err(Damaged) = self.rewrite(&targets, rebuild, persist, &mut report, progress, cancel) {
            // Text kept from the old index failed its check: parse everything.
            report = before;
            let _ = self.rewrite(&targets, true, persist, &mut report, progress, cancel);
        }
        drop(lock);
        report
    }

    /// Stamps the lock file with the time, so that [`super::prune`] can
    /// tell indexes in use from forgotten ones.
    fn mark_used(&self) {
        if let Some(dir) = &self.dir
            && let Ok(f) = OpenOptions::new().write(true).open(dir.join(LOCK_NAME))
        {
            let _ = f.set_modified(SystemTime::now());
        }
    }

    /// Whether the index holds exactly these files as they are now.
    fn up_to_date(&self, targets: &[Target<'_>]) -> bool {
        if self.damaged.load(Ordering::Relaxed) || targets.len() != self.issues.len() + self.failed.len() {
            return false;
        }
        let known = self.known();
        targets.iter().all(|t| known.get(t.abs.as_path()).is_some_and(|&(s, m, _)| s == t.size && m == t.modified))
    }

    /// Every indexed file: size, mtime, and its place in `issues` (`Ok`) or `failed` (`Err`).
    fn known(&self) -> HashMap<&Path, (u64, SystemTime, Result<usize, usize>)> {
        let issues = self.issues.iter().enumerate().map(|(k, i)| (i.path.as_path(), (i.size, i.modified, Ok(k))));
        let failed = self.failed.iter().enumerate().map(|(k, f)| (f.path.as_path(), (f.size, f.modified, Err(k))));
        issues.chain(failed).collect()
    }

    fn report_unchanged(&self, targets: &[Target<'_>], report: &mut UpdateReport) {
        report.reused = self.issues.len();
        let failed: HashMap<&Path, &str> = self.failed.iter().map(|f| (f.path.as_path(), f.message.as_str())).collect();
        for t in targets {
            if let Some(message) = failed.get(t.abs.as_path()) {
                report.errors.push((t.given.to_path_buf(), message.to_string()));
            }
        }
    }

    /// Takes up the index on disk if another dubao wrote a new one since this was read.
    fn reload_if_replaced(&mut self) {
        let Some(dir) = self.dir.clone() else { return };
        let mut head = [0u8; HEADER_LEN as usize];
        let on_disk = File::open(dir.join(FILE_NAME))
            .and_then(|f| read_exact_at(&f, &mut head, 0))
            .ok()
            .and_then(|()| Header::decode(&head).ok())
            .map(|h| h.generation);
        if on_disk.is_some_and(|g| g != self.generation) {
            let fresh = Index::open(Some(dir));
            if fresh.problem.is_none() {
                *self = fresh;
            }
        }
    }

    /// Parses what changed (everything when `rebuild`) and writes the index
    /// anew: to disk when `persist`, else (or if that fails) in memory.
    fn rewrite(
        &mut self,
        targets: &[Target<'_>],
        rebuild: bool,
        persist: bool,
        report: &mut UpdateReport,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<(), Damaged> {
        report.rebuilt = rebuild;
        let Plan { keep, mut failed, to_parse } = self.plan(targets, rebuild, report);
        let dir = self.dir.clone().filter(|_| persist);
        let mut spill = Spill::new(dir.as_deref());
        let mut entries: Vec<(IssueMeta, Origin)> = Vec::with_capacity(targets.len());
        parse_all(&to_parse, &mut spill, &mut entries, &mut failed, report, progress, cancel);

        let mut old: Vec<Option<IssueMeta>> = std::mem::take(&mut self.issues).into_iter().map(Some).collect();
        for k in keep {
            if let Some(meta) = old[k].take() {
                let start = meta.start;
                entries.push((meta, Origin::Old(start)));
            }
        }
        entries.sort_by_cached_key(|(meta, _)| newest_first(meta.date, meta.title.clone(), name::of_path(&meta.path)));
        failed.sort_by(|a, b| a.path.cmp(&b.path));

        let spill = match spill.finish() {
            Ok(s) => s,
            Err(e) => {
                report.unsaved.get_or_insert_with(|| e.to_string());
                SpillText::Memory(Vec::new())
            }
        };
        let (text, blocks, text_len, generation) = self.write(dir.as_deref(), &spill, &mut entries, &failed, report)?;
        self.issues = entries.into_iter().map(|(m, _)| m).collect();
        self.failed = failed;
        self.blocks = blocks;
        self.text_len = text_len;
        self.text = text;
        self.generation = generation;
        self.damaged.store(false, Ordering::Relaxed);
        self.problem = None;
        Ok(())
    }

    /// Which indexed issues are kept as they are, which files failed
    /// before and are unchanged, and which to parse.
    fn plan<'t>(&self, targets: &'t [Target<'t>], rebuild: bool, report: &mut UpdateReport) -> Plan<'t> {
        let mut plan = Plan { keep: Vec::new(), failed: Vec::new(), to_parse: Vec::new() };
        let mut changed = 0;
        let known = self.known();
        for target in targets {
            match known.get(target.abs.as_path()) {
                Some(&(s, m, place)) if !rebuild && s == target.size && m == target.modified => match place {
                    Ok(k) => plan.keep.push(k),
                    Err(k) => {
                        report.errors.push((target.given.to_path_buf(), self.failed[k].message.clone()));
                        plan.failed.push(self.failed[k].clone());
                    }
                },
                known_place => {
                    changed += usize::from(known_place.is_some());
                    plan.to_parse.push(target);
                }
            }
        }
        report.reused = plan.keep.len();
        if !rebuild {
            let before = self.issues.len() + self.failed.len();
            report.removed = before.saturating_sub(plan.keep.len() + plan.failed.len() + changed);
        }
        plan
    }

    /// Writes the entries' text: to `dir` when given (and the spill is on
    /// disk), else — or if that fails — in memory.
    fn write(
        &self,
        dir: Option<&Path>,
        spill: &SpillText,
        entries: &mut Vec<(IssueMeta, Origin)>,
        failed: &[Failed],
        report: &mut UpdateReport,
    ) -> Result<(Text, Vec<u32>, u64, u64), Damaged> {
        if let (Some(dir), SpillText::Disk(_)) = (dir, spill) {
            match write_disk(dir, &self.text, spill, entries, failed) {
                Ok(done) => return Ok(done),
                Err(WriteError::Damaged) => return Err(Damaged),
                Err(WriteError::Io(e)) => report.unsaved = Some(format!("{}: {e}", dir.display())),
            }
        }
        let mut memory = Vec::new();
        match copy_text(&self.text, spill, entries, &mut memory) {
            Ok((blocks, len)) => Ok((Text::Memory(memory), blocks, len, new_generation())),
            Err(WriteError::Damaged) => Err(Damaged),
            Err(WriteError::Io(e)) => {
                // Only the spill can fail here; what could not be read is left out.
                report.unsaved.get_or_insert_with(|| e.to_string());
                entries.clear();
                Ok((Text::None, Vec::new(), 0, new_generation()))
            }
        }
    }
}

/// What an update does with each file.
struct Plan<'t> {
    /// Indexed issues kept, by their place in the index.
    keep: Vec<usize>,
    /// Files that failed before and have not changed.
    failed: Vec<Failed>,
    /// Files to parse.
    to_parse: Vec<&'t Target<'t>>,
}

/// Parses files on every core, their text into the spill, as they come.
fn parse_all(
    to_parse: &[&Target<'_>],
    spill: &mut Spill,
    entries: &mut Vec<(IssueMeta, Origin)>,
    failed: &mut Vec<Failed>,
    report: &mut UpdateReport,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) {
    let total = to_parse.len();
    progress(0, total);
    let parse = |_: &mut (), k: usize| parse_file(&to_parse[k].abs);
    let done = run_indexed(
        total,
        32,
        cancel,
        || (),
        parse,
        |k, outcome| {
            let target = to_parse[k];
            match outcome {
                Outcome::Issue { title, date, shapes, text, crc } => match spill.push(&text) {
                    Ok(at) => {
                        let meta = IssueMeta {
                            path: target.abs.clone(),
                            title,
                            date,
                            articles: shapes.len(),
                            size: target.size,
                            modified: target.modified,
                            start: 0,
                            len: text.len() as u64,
                            crc,
                            shapes,
                        };
                        entries.push((meta, Origin::Spill(at)));
                    }
                    Err(e) => {
                        report.unsaved.get_or_insert_with(|| e.to_string());
                    }
                },
                Outcome::NotIssue(message) => {
                    report.errors.push((target.given.to_path_buf(), message.clone()));
                    failed.push(Failed {
                        path: target.abs.clone(),
                        size: target.size,
                        modified: target.modified,
                        message,
                    });
                }
                Outcome::Unreadable(message) => report.errors.push((target.given.to_path_buf(), message)),
            }
            report.parsed += 1;
            progress(k + 1, total);
            true
        },
    );
    report.cancelled = !done;
}

/// Reads and parses one file into its indexed form.
fn parse_file(path: &Path) -> Outcome {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return Outcome::Unreadable(Problem::of_io(&e).to_string()),
    };
    match parse_issue(&bytes, &path.display().to_string()) {
        Ok(parsed) => {
            let mut text = Vec::with_capacity(bytes.len());
            let shapes = encode(&parsed.issue, &mut text);
            let crc = crc32fast::hash(&text);
            Outcome::Issue { title: parsed.issue.title, date: parsed.issue.date, shapes, text, crc }
        }
        Err(e) => Outcome::NotIssue(e.to_string()),
    }
}

/// Every file's absolute path, size and mtime; those that can't be looked
/// at go to `errors`. Looked at on every core: for a big archive this is
/// most of the work when nothing changed.
fn stat_all<'a>(files: &'a [PathBuf], errors: &mut Vec<(PathBuf, String)>) -> Vec<Target<'a>> {
    let cwd = std::env::current_dir().ok();
    let chunk = files.len().div_ceil(workers()).max(256);
    let parts: Vec<&'a [PathBuf]> = files.chunks(chunk).collect();
    let mut looked: Vec<(&'a PathBuf, io::Result<fs::Metadata>)> = Vec::with_capacity(files.len());
    let look = |_: &mut (), k: usize| parts[k].iter().map(|p| (p, fs::metadata(p))).collect::<Vec<_>>();
    run_indexed(
        parts.len(),
        parts.len(),
        &AtomicBool::new(false),
        || (),
        look,
        |_, part| {
            looked.extend(part);
            true
        },
    );
    let mut seen = HashSet::with_capacity_and_hasher(files.len(), Default::default());
    let mut targets = Vec::with_capacity(files.len());
    for (given, meta) in looked {
        let meta = match meta {
            Ok(m) if m.is_dir() => match crate::library::folder::stamp(given) {
                // A folder issue: its files' bytes and newest time.
                Ok((size, modified)) if crate::library::folder::is_article_folder(given) => {
                    if let Ok(abs) = std::path::absolute(given)
                        && seen.insert(abs.clone())
                    {
                        targets.push(Target { given, abs, size, modified });
                    }
                    continue;
                }
                _ => {
                    errors.push((given.clone(), "is a directory".into()));
                    continue;
                }
            },
            Ok(m) => m,
            Err(e) => {
                errors.push((given.clone(), Problem::of_io(&e).to_string()));
                continue;
            }
        };
        // `absolute` asks the OS for the working directory each time it is given a relative path.
        let joined = match &cwd {
            Some(cwd) if given.is_relative() => std::path::absolute(cwd.join(given)),
            _ => std::path::absolute(given),
        };
        let abs = joined.unwrap_or_else(|_| given.clone());
        if seen.insert(abs.clone()) {
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            targets.push(Target { given, abs, size: meta.len(), modified });
        }
    }
    targets
}

/// Parsed text waiting to be put in order: a temporary file in the index
/// directory, or memory when there is none.
enum Spill {
    Disk(BufWriter<File>, u64),
    Memory(Vec<u8>),
}

/// The spill, written and ready to be read back.
enum SpillText {
    Disk(File),
    Memory(Vec<u8>),
}

impl Spill {
    fn new(dir: Option<&Path>) -> Spill {
        let Some(dir) = dir else { return Spill::Memory(Vec::new()) };
        let path =
            dir.join(format!("{SPILL_PREFIX}{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
        match OpenOptions::new().read(true).write(true).create_new(true).open(&path) {
            Ok(file) => {
                // Unix keeps an open file whose name is gone; elsewhere the
                // next writer's clean-up removes it.
                let _ = fs::remove_file(&path);
                Spill::Disk(BufWriter::with_capacity(1 << 20, file), 0)
            }
            Err(_) => Spill::Memory(Vec::new()),
        }
    }

    /// Appends text; returns where it starts.
    fn push(&mut self, text: &[u8]) -> io::Result<u64> {
        match self {
            Spill::Disk(w, len) => {
                w.write_all(text)?;
                let at = *len;
                *len += text.len() as u64;
                Ok(at)
            }
            Spill::Memory(v) => {
                let at = v.len() as u64;
                v.extend_from_slice(text);
                Ok(at)
            }
        }
    }

    fn finish(self) -> io::Result<SpillText> {
        match self {
            Spill::Disk(w, _) => w.into_inner().map(SpillText::Disk).map_err(|e| e.into_error()),
            Spill::Memory(v) => Ok(SpillText::Memory(v)),
        }
    }
}

impl SpillText {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        match self {
            SpillText::Disk(f) => read_exact_at(f, buf, offset),
            SpillText::Memory(v) => {
                let src = usize::try_from(offset).ok().and_then(|s| v.get(s..s + buf.len()));
                buf.copy_from_slice(src.ok_or(io::ErrorKind::UnexpectedEof)?);
                Ok(())
            }
        }
    }
}

/// Writes the index to a temporary file in `dir` and renames it into place.
fn write_disk(
    dir: &Path,
    old: &Text,
    spill: &SpillText,
    entries: &mut [(IssueMeta, Origin)],
    failed: &[Failed],
) -> Result<(Text, Vec<u32>, u64, u64), WriteError> {
    let temp = dir.join(format!("{TEMP_PREFIX}{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    let result = (|| {
        let mut file = OpenOptions::new().read(true).write(true).create_new(true).open(&temp)?;
        file.write_all(&[0u8; HEADER_LEN as usize])?;
        let (blocks, text_len) = copy_text(old, spill, entries, &mut file)?;
        let issues: Vec<&IssueMeta> = entries.iter().map(|(m, _)| m).collect();
        let meta = format::encode_meta(&blocks, &issues, failed);
        file.write_all(&meta)?;
        let generation = new_generation();
        let header = Header { generation, text_len, meta_len: meta.len() as u64, meta_crc: crc32fast::hash(&meta) };
        write_all_at(&file, &header.encode(), 0)?;
        // No fsync: the index is a cache, checked whenever it is read, and
        // rebuilt if a crash left it torn.
        fs::rename(&temp, dir.join(FILE_NAME))?;
        note_newest(dir, entries.first().map(|(m, _)| m.path.as_path()));
        Ok((Text::Disk(file), blocks, text_len, generation))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Notes the newest issue's path beside the index, for a reader to open
/// before it has walked the library (see [`super::newest_hint`]); a hint
/// only, so failing to write it is no error.
fn note_newest(dir: &Path, newest: Option<&Path>) {
    let hint = dir.join(super::NEWEST_NAME);
    let Some(path) = newest.and_then(|p| p.to_str()) else {
        let _ = fs::remove_file(hint);
        return;
    };
    let temp = dir.join(format!("{TEMP_PREFIX}{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    if fs::write(&temp, path).and_then(|()| fs::rename(&temp, &hint)).is_err() {
        let _ = fs::remove_file(&temp);
    }
}

/// Writes every entry's text in order into `sink`, setting each entry's
/// start, checking each against its checksum, and checksumming the blocks.
fn copy_text(
    old: &Text,
    spill: &SpillText,
    entries: &mut [(IssueMeta, Origin)],
    sink: &mut dyn Write,
) -> Result<(Vec<u32>, u64), WriteError> {
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK);
    let mut blocks = Vec::new();
    let mut pos = 0u64;
    for (meta, origin) in entries.iter_mut() {
        meta.start = pos;
        let mut hasher = crc32fast::Hasher::new();
        let (mut from, mut left) = (
            match *origin {
                Origin::Old(o) | Origin::Spill(o) => o,
            },
            meta.len,
        );
        while left > 0 {
            let n = left.min((BLOCK - buf.len()) as u64) as usize;
            let at = buf.len();
            buf.resize(at + n, 0);
            match origin {
                Origin::Old(_) => old.read_at(&mut buf[at..], from).map_err(|_| WriteError::Damaged)?,
                Origin::Spill(_) => spill.read_at(&mut buf[at..], from)?,
            }
            hasher.update(&buf[at..]);
            (from, left, pos) = (from + n as u64, left - n as u64, pos + n as u64);
            if buf.len() == BLOCK {
                blocks.push(crc32fast::hash(&buf));
                sink.write_all(&buf)?;
                buf.clear();
            }
        }
        if hasher.finalize() != meta.crc {
            return Err(match origin {
                Origin::Old(_) => WriteError::Damaged,
                Origin::Spill(_) => WriteError::Io(io::Error::other("temporary file changed while indexing")),
            });
        }
    }
    if !buf.is_empty() {
        blocks.push(crc32fast::hash(&buf));
        sink.write_all(&buf)?;
    }
    Ok((blocks, pos))
}

#[cfg(unix)]
fn write_all_at(f: &File, buf: &[u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, offset)
}

#[cfg(windows)]
fn write_all_at(f: &File, mut buf: &[u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(f, buf, offset)?;
        buf = &buf[n..];
        offset += n as u64;
    }
    Ok(())
}

/// Waits for the directory's lock (creating the directory), which writers
/// hold while they read, parse and write.
fn lock(dir: &Path) -> io::Result<Lock> {
    fs::create_dir_all(dir)?;
    let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(dir.join(LOCK_NAME))?;
    file.lock()?;
    Ok(Lock(file))
}

/// An exclusive lock on the index directory, released when dropped.
struct Lock(File);

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Removes temporary files a writer that died left. Call with the lock
/// held: then no other writer has one open.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) || name.starts_with(SPILL_PREFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A number no earlier write of the index is likely to have used.
fn new_generation() -> u64 {
    let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    let mix = nanos ^ u64::from(std::process::id()).rotate_left(32) ^ COUNTER.fetch_add(1, Ordering::Relaxed) << 48;
    mix | 1
}
