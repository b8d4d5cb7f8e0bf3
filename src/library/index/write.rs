//! Bringing the index up to date at the cost of what changed: every file's
//! size and mtime are looked at; new and changed files are parsed on every
//! core into new segments (their grams gathered as they come, a segment
//! written whenever the postings in memory reach [`BUDGET`]); the old
//! copies of changed and removed files are marked dead; and a new manifest
//! is renamed into place — the one step that commits. Small segments are
//! merged as updates go, big ones by [`Index::maintain`], in the
//! background. Under the directory's lock, so two dubaos never write at
//! once and the second finds the first's work.

use super::format::{self, Failed, Folders, IssueMeta, Manifest};
use super::grams::{Articles, Distinct, Gram};
use super::rw::{TEMP_PREFIX, crash_point};
use super::segment::{self, Builder, Segment};
use super::{FILE_NAME, Index, LOCK_NAME, OLD_FILE_NAME, Part, UpdateReport, order_key};
use crate::library::archive::encode;
use crate::library::name::{self, key};
use crate::library::pool::{run_indexed, workers};
use crate::library::source::Problem;
use crate::model::newest_first;
use crate::parse::parse_issue;
use fnv::{FnvHashMap as HashMap, FnvHashSet as HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::SystemTime;

/// Postings gathered in memory before a segment is written: what bounds
/// the memory of a build however big the archive.
const BUDGET: usize = 24 << 20;
/// Segments under this size are merged together as updates go, once there
/// are [`SMALL_COUNT`] of them: a merge that costs a few milliseconds.
const SMALL: u64 = 4 << 20;
const SMALL_COUNT: usize = 4;
/// [`Index::maintain`] merges segments while there are more than this, but
/// only small ones, never more of them at once than [`MERGED`] holds: a
/// merge's postings are gathered in memory as a build's are, and it is the
/// reader that merges. A build's full segments are left as they are (the
/// reader merging two of them at 100,000 issues held some 40 MB more than
/// it needs to read; merging a build's last, partial segment into a full one
/// 25 MB more, to save one segment of eighteen).
const MANY: usize = 16;
/// The postings a merge of [`Index::maintain`] gathers, at most: a quarter
/// of a build's. Issues that come a few at a time gather into segments of
/// about this size; a search reads a few more segments over the years.
const MERGED: usize = BUDGET / 4;

/// A file to index, as found on disk now.
struct Target<'a> {
    given: &'a Path,
    /// The absolute path, when `given` is not it already.
    abs: Option<PathBuf>,
    size: u64,
    modified: SystemTime,
}

impl Target<'_> {
    fn abs(&self) -> &Path {
        self.abs.as_deref().unwrap_or(self.given)
    }
}

/// What parsing one file gave.
enum Outcome {
    Issue {
        title: String,
        date: Option<jiff::civil::Date>,
        articles: usize,
        /// As `format::encode_record` wrote it.
        record: Vec<u8>,
        grams: Vec<(Gram, Articles)>,
    },
    /// Not an issue (binary, undecodable): remembered until the file changes.
    NotIssue(Problem),
    /// Could not be read now: tried again next time.
    Unreadable(Problem),
}

/// Where a known file is: a live issue of a segment, or a file that failed.
#[derive(Clone, Copy)]
enum Place {
    Issue(usize, usize),
    Failed(usize),
}

/// What an update does with each file.
struct Plan<'t> {
    /// Issues of segments that are now dead (changed or gone).
    dead: Vec<(usize, usize)>,
    /// Files that failed before and have not changed.
    failed: Vec<Failed>,
    /// Files to parse.
    to_parse: Vec<&'t Target<'t>>,
}

impl Index {
    /// Brings the index up to date with exactly these files (new or changed
    /// ones parsed, removed ones dropped), persisting it; calls
    /// `progress(done, total)` as files are parsed; stops early when
    /// `cancel` is set (what was done is kept). Unreadable or unparsable
    /// files are reported back, not fatal.
    pub fn update<P: AsRef<Path> + Sync>(
        &mut self,
        files: &[P],
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> UpdateReport {
        let mut report = UpdateReport::default();
        let targets = stat_all(files, &mut report.errors);
        self.update_to(targets, report, progress, cancel, None)
    }

    /// [`Index::update`] once the files are looked at; with `only`, these
    /// are just the files of that set there still are, the others left as
    /// they are.
    fn update_to(
        &mut self,
        targets: Vec<Target<'_>>,
        mut report: UpdateReport,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
        only: Option<&HashSet<&[u8]>>,
    ) -> UpdateReport {
        self.mark_used();
        if only.is_none() && self.up_to_date(&targets) {
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
            self.remove_stale();
            if only.is_none() && self.up_to_date(&targets) {
                self.report_unchanged(&targets, &mut report);
                return report;
            }
        }
        let before = report.clone();
        if let Err(e) = self.apply(&targets, only, lock.is_some(), &mut report, progress, cancel) {
            // The directory could not take it: the same in memory.
            let why = self.dir.as_ref().map_or(e.to_string(), |d| format!("{}: {e}", d.display()));
            report = UpdateReport { unsaved: Some(why), ..before };
            let _ = self.apply(&targets, only, false, &mut report, progress, cancel);
        }
        if lock.is_some() && !report.cancelled {
            self.merge_small();
        }
        drop(lock);
        report
    }

    /// Brings the index up to date with changes to just these files (what a
    /// watcher saw: new, changed or removed), looking at nothing else — an
    /// update that costs about the issues it touches, however big the
    /// archive. Files not named are taken as the index has them. `None`
    /// when the index is damaged: then only a whole update can rebuild it.
    pub fn update_some(&mut self, changed: &[PathBuf], cancel: &AtomicBool) -> Option<UpdateReport> {
        if self.damaged.load(Ordering::Relaxed) {
            return None;
        }
        // A file named that is gone is no error: it was removed.
        let named = stat_all(changed, &mut Vec::new());
        let abs: Vec<PathBuf> = changed.iter().map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone())).collect();
        let only: HashSet<&[u8]> = abs.iter().map(|p| key(p)).collect();
        Some(self.update_to(named, UpdateReport::default(), &mut |_, _| {}, cancel, Some(&only)))
    }

    /// Whether any of these files is new, changed or gone against the index.
    pub(super) fn differs(&self, files: &[PathBuf]) -> bool {
        let only: HashSet<&[u8]> = files.iter().map(|p| key(p)).collect();
        let known = self.known(false, Some(&only));
        let targets = stat_all(files, &mut Vec::new());
        let same = |t: &Target<'_>| known.get(key(t.abs())).is_some_and(|&(s, m, _)| s == t.size && m == t.modified);
        let here = only.iter().filter(|k| known.contains_key(*k)).count();
        !targets.iter().all(same) || targets.len() != here
    }

    /// Commits `folders` with the index as it is, unless another dubao
    /// committed since `generation` (then what it found is not known here).
    pub(super) fn commit_folders(&mut self, folders: Folders, generation: u64) {
        let Some(dir) = self.dir.clone() else { return };
        let Ok(_lock) = lock(&dir) else { return };
        self.reload_if_replaced();
        if self.generation != generation || self.segments.iter().any(|p| p.segment.in_memory()) {
            return;
        }
        self.folders = Some(folders);
        match commit(&dir, &self.segments, &self.failed, self.folders.as_ref()) {
            Ok(generation) => self.generation = generation,
            Err(_) => self.folders = None,
        }
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
        let live: usize = self.segments.iter().map(Part::live_count).sum();
        if self.damaged.load(Ordering::Relaxed) || targets.len() != live + self.failed.len() {
            return false;
        }
        // Sorted and searched rather than a map: over 100,000 files a map
        // was 8.5 MB of the reader's peak, a list of each one's path, size
        // and time 4, this 0.8.
        let mut live: Vec<&IssueMeta> = self.live_issues().collect();
        live.sort_unstable_by(|a, b| key(&a.path).cmp(key(&b.path)));
        let failed: HashMap<&[u8], &Failed> = self.failed.iter().map(|f| (key(&f.path), f)).collect();
        targets.iter().all(|t| {
            let (k, stamp) = (key(t.abs()), (t.size, t.modified));
            match live.binary_search_by(|m| key(&m.path).cmp(k)) {
                Ok(at) => (live[at].size, live[at].modified) == stamp,
                Err(_) => failed.get(k).is_some_and(|f| (f.size, f.modified) == stamp),
            }
        })
    }

    /// Every indexed file: size, mtime, and where it is; with `on_disk`,
    /// only what is in segments on disk.
    fn known(&self, on_disk: bool, only: Option<&HashSet<&[u8]>>) -> HashMap<&[u8], (u64, SystemTime, Place)> {
        let live: usize = self.segments.iter().map(Part::live_count).sum();
        let room = if only.is_some() { 16 } else { live + self.failed.len() };
        let mut known = HashMap::with_capacity_and_hasher(room, Default::default());
        for (s, part) in self.segments.iter().enumerate().filter(|(_, p)| !on_disk || !p.segment.in_memory()) {
            for (k, m) in part.live().filter(|(_, m)| only.is_none_or(|o| o.contains(key(&m.path)))) {
                known.insert(key(&m.path), (m.size, m.modified, Place::Issue(s, k)));
            }
        }
        for (k, f) in self.failed.iter().enumerate() {
            known.insert(key(&f.path), (f.size, f.modified, Place::Failed(k)));
        }
        known
    }

    fn report_unchanged(&self, targets: &[Target<'_>], report: &mut UpdateReport) {
        report.reused = self.segments.iter().map(Part::live_count).sum();
        let failed: HashMap<&Path, &Problem> = self.failed.iter().map(|f| (f.path.as_path(), &f.problem)).collect();
        for t in targets {
            if let Some(problem) = failed.get(t.abs()) {
                report.errors.push((t.given.to_path_buf(), (*problem).clone()));
            }
        }
    }

    /// Takes up what was committed on disk since this index was opened (by
    /// an updater elsewhere): what a searcher beside an updater calls before
    /// each search. Cheap when nothing changed (the manifest is read).
    pub fn refresh(&mut self) {
        self.reload_if_replaced();
    }

    /// Has the next update rebuild the index (another reader of it found it damaged).
    pub fn mark_damaged(&self) {
        self.damaged.store(true, Ordering::Relaxed);
    }

    /// Takes up the index on disk if another dubao committed a new one since this was read.
    fn reload_if_replaced(&mut self) {
        let Some(dir) = self.dir.clone() else { return };
        // Its first bytes only: before every search, the whole manifest
        // (some 450 KB over 100,000 issues) would be read and decoded for
        // one number.
        let mut head = [0u8; 20];
        let read = fs::File::open(dir.join(FILE_NAME)).and_then(|mut f| io::Read::read_exact(&mut f, &mut head));
        if read.ok().and_then(|()| format::manifest_generation(&head)).is_some_and(|g| g != self.generation) {
            let fresh = Index::open(Some(dir));
            if fresh.problem.is_none() {
                *self = fresh;
            }
        }
    }

    /// Removes what a writer that died left: temporary files, and segments
    /// no manifest lists. Call with the lock held.
    fn remove_stale(&self) {
        let Some(dir) = &self.dir else { return };
        let Ok(entries) = fs::read_dir(dir) else { return };
        let listed: HashSet<String> = self.segments.iter().map(|p| segment::file_name(p.id)).collect();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let segment = name.starts_with("seg-") && name.ends_with(".dx") && !listed.contains(name.as_ref());
            // `.archive.idx.tmp-` and `.archive.spill-` are an older dubao's.
            if segment
                || name.starts_with(TEMP_PREFIX)
                || name.starts_with(".archive.idx.tmp-")
                || name.starts_with(".archive.spill-")
            {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

impl Index {
    /// Parses what changed (everything when damaged) into new segments,
    /// marks the old copies dead and commits: on disk when `persist`, else
    /// in memory. An error means the directory failed on the way; nothing
    /// committed is touched then, and the caller goes on in memory.
    fn apply(
        &mut self,
        targets: &[Target<'_>],
        only: Option<&HashSet<&[u8]>>,
        persist: bool,
        report: &mut UpdateReport,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> io::Result<()> {
        let rebuild = self.damaged.load(Ordering::Relaxed);
        report.rebuilt = rebuild;
        if rebuild {
            self.segments.clear();
            self.failed.clear();
        }
        // A whole update may come of a walk that missed a folder: only a
        // walk known whole records folders again (`record_folders`).
        if rebuild || only.is_none() {
            self.folders = None;
        }
        let Plan { dead, mut failed, mut to_parse } = self.plan(targets, only, persist, report);
        // Newest first by what the names say: the files are not read yet.
        to_parse.sort_by_cached_key(|t| {
            let name = name::of_path(t.abs());
            let (title, date) = crate::parse::title_from_name(&name);
            newest_first(date, title, name)
        });
        let dir = self.dir.clone().filter(|_| persist);
        let (errors_before, failed_before) = (report.errors.len(), failed.len());
        let made = parse_into(&to_parse, dir.as_deref(), &mut failed, report, progress, cancel)?;
        // A file that could not be read is in no segment: its folder can't be trusted.
        if report.errors.len() - errors_before > failed.len() - failed_before {
            self.folders = None;
        }
        let mut parts: Vec<Part> = std::mem::take(&mut self.segments);
        for (s, k) in dead {
            parts[s].dead[k] = true;
        }
        let (gone, mut parts): (Vec<Part>, Vec<Part>) =
            parts.into_iter().partition(|p| p.live_count() == 0 || (persist && p.segment.in_memory()));
        parts.extend(made.into_iter().map(|segment| Part {
            dead: vec![false; segment.issues.len()],
            id: segment.header.id,
            segment: segment::shared(dir.as_deref(), segment),
        }));
        failed.sort_by(|a, b| a.path.cmp(&b.path));
        self.failed = failed;
        self.generation = match &dir {
            Some(dir) => commit(dir, &parts, &self.failed, self.folders.as_ref()).unwrap_or_else(|e| {
                // Kept in memory; the files it wrote are stale to the next writer.
                report.unsaved = Some(format!("{}: {e}", dir.display()));
                new_id()
            }),
            None => new_id(),
        };
        self.segments = parts;
        self.damaged.store(false, Ordering::Relaxed);
        self.problem = None;
        if let Some(dir) = &dir {
            for part in gone.iter().filter(|p| !p.segment.in_memory()) {
                let _ = fs::remove_file(dir.join(segment::file_name(part.id)));
            }
            crash_point();
            let _ = fs::remove_file(dir.join(OLD_FILE_NAME));
            note_newest(dir, self.newest().map(|m| m.path.as_path()));
        }
        Ok(())
    }

    /// Which issues go dead, which failed files stay failed, which to parse.
    fn plan<'t>(
        &self,
        targets: &'t [Target<'t>],
        only: Option<&HashSet<&[u8]>>,
        persist: bool,
        report: &mut UpdateReport,
    ) -> Plan<'t> {
        let mut plan = Plan { dead: Vec::new(), failed: Vec::new(), to_parse: Vec::new() };
        let mut known = self.known(persist, only);
        if let Some(only) = only {
            // Files not named stay as they are.
            plan.failed.extend(self.failed.iter().filter(|f| !only.contains(key(&f.path))).cloned());
            known.retain(|path, _| only.contains(path));
            let named = known.values().filter(|(_, _, p)| matches!(p, Place::Issue(..))).count();
            report.reused = self.segments.iter().map(Part::live_count).sum::<usize>() - named;
        }
        let mut seen: HashSet<&[u8]> = HashSet::with_capacity_and_hasher(targets.len(), Default::default());
        for target in targets {
            seen.insert(key(target.abs()));
            match known.get(key(target.abs())) {
                Some(&(s, m, place)) if s == target.size && m == target.modified => match place {
                    Place::Issue(..) => report.reused += 1,
                    Place::Failed(k) => {
                        report.errors.push((target.given.to_path_buf(), self.failed[k].problem.clone()));
                        plan.failed.push(self.failed[k].clone());
                    }
                },
                other => {
                    if let Some(&(_, _, Place::Issue(s, k))) = other {
                        plan.dead.push((s, k));
                    }
                    plan.to_parse.push(target);
                }
            }
        }
        for (path, &(_, _, place)) in &known {
            if !seen.contains(path) {
                report.removed += 1;
                if let Place::Issue(s, k) = place {
                    plan.dead.push((s, k));
                }
            }
        }
        plan
    }

    /// The newest live issue: the first of some segment.
    fn newest(&self) -> Option<&IssueMeta> {
        self.segments
            .iter()
            .filter_map(|p| p.live().next().map(|(_, m)| m))
            .min_by(|a, b| order_key(a).cmp(&order_key(b)))
    }

    /// Merges the small segments once there are enough of them to be worth it.
    fn merge_small(&mut self) {
        let small: Vec<usize> =
            (0..self.segments.len()).filter(|&s| self.segments[s].segment.file_len < SMALL).collect();
        if small.len() >= SMALL_COUNT {
            let _ = self.merge(&small);
        }
    }

    /// Background work: removes what a writer that died left, and while
    /// there are more than a few segments, merges the smallest ones (as
    /// many as [`MERGED`] holds) into one; a segment mostly dead is
    /// written again with what lives (as much as [`BUDGET`] holds). Costs what
    /// it merges; a search meanwhile reads the segments it opened. Returns
    /// whether it merged anything.
    pub fn maintain(&mut self) -> bool {
        let Some(dir) = self.dir.clone() else { return false };
        let Ok(_lock) = lock(&dir) else { return false };
        self.reload_if_replaced();
        self.remove_stale();
        // What its postings take gathered in memory (`Gather::bytes`), and
        // whether it is mostly dead.
        let segments: Vec<(usize, bool)> = (self.segments.iter())
            .map(|p| {
                let h = &p.segment.header;
                (h.postings_len as usize + h.dict_count as usize * 48, p.live_count() * 2 < p.dead.len())
            })
            .collect();
        let chosen = to_merge(&segments);
        if chosen.is_empty() {
            return false;
        }
        self.merge(&chosen).is_ok()
    }

    /// Writes the live issues of segments `which` into one new segment and
    /// commits it in their place. The caller holds the lock.
    fn merge(&mut self, which: &[usize]) -> io::Result<()> {
        let Some(dir) = self.dir.clone() else { return Ok(()) };
        if which.iter().any(|&s| self.segments[s].segment.in_memory()) {
            return Ok(());
        }
        let mut issues: Vec<(usize, usize)> =
            which.iter().flat_map(|&s| self.segments[s].live().map(move |(k, _)| (s, k))).collect();
        let meta = |&(s, k): &(usize, usize)| &self.segments[s].segment.issues[k];
        issues.sort_by(|a, b| order_key(meta(a)).cmp(&order_key(meta(b))));
        let mut builder = Builder::new(Some(&dir), new_id())?;
        let mut buf = Vec::new();
        for &(s, k) in &issues {
            if self.segments[s].segment.record(k, &mut buf).is_err() {
                builder.abandon();
                self.damaged.store(true, Ordering::Relaxed);
                return Err(io::Error::other("damaged"));
            }
            builder.add(self.segments[s].segment.issues[k].clone(), &buf)?;
        }
        let merged = builder.finish()?;
        let mut parts = Vec::with_capacity(self.segments.len());
        let mut gone = Vec::new();
        for (s, part) in std::mem::take(&mut self.segments).into_iter().enumerate() {
            if which.contains(&s) { gone.push(part) } else { parts.push(part) }
        }
        let (dead, id) = (vec![false; merged.issues.len()], merged.header.id);
        parts.push(Part { dead, id, segment: segment::shared(Some(&dir), merged) });
        match commit(&dir, &parts, &self.failed, self.folders.as_ref()) {
            Ok(generation) => {
                self.generation = generation;
                self.segments = parts;
                for part in gone {
                    let _ = fs::remove_file(dir.join(segment::file_name(part.id)));
                }
                Ok(())
            }
            Err(e) => {
                let merged = parts.pop().map(|p| p.id);
                self.segments = parts;
                // Put back in their places; the merged file is stale.
                for (k, part) in which.iter().zip(gone) {
                    self.segments.insert((*k).min(self.segments.len()), part);
                }
                if let Some(id) = merged {
                    let _ = fs::remove_file(dir.join(segment::file_name(id)));
                }
                Err(e)
            }
        }
    }
}

/// Which segments [`Index::maintain`] merges, given each one's postings
/// size and whether it is mostly dead: while there are more than [`MANY`],
/// the smallest as [`MERGED`] holds; any mostly dead one, as [`BUDGET`]
/// holds. None when that is fewer than two and none is mostly dead.
fn to_merge(segments: &[(usize, bool)]) -> Vec<usize> {
    let mut by_size: Vec<usize> = (0..segments.len()).collect();
    by_size.sort_by_key(|&s| segments[s].0);
    let (mut chosen, mut total) = (Vec::new(), 0);
    for &s in &by_size {
        let (size, dead) = segments[s];
        let many = segments.len() - chosen.len() > MANY / 2 && segments.len() > MANY;
        let room = if dead { BUDGET } else { MERGED };
        if (many || dead) && (total + size <= room || chosen.is_empty() && dead) {
            chosen.push(s);
            total += size;
        }
    }
    chosen.sort_unstable();
    if chosen.len() < 2 && !chosen.iter().any(|&s| segments[s].1) {
        chosen.clear();
    }
    chosen
}

/// Parses files on every core, in order, into new segments.
fn parse_into(
    to_parse: &[&Target<'_>],
    dir: Option<&Path>,
    failed: &mut Vec<Failed>,
    report: &mut UpdateReport,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) -> io::Result<Vec<Segment>> {
    let total = to_parse.len();
    progress(0, total);
    let mut made = Vec::new();
    let mut builder: Option<Builder> = None;
    let mut error: Option<io::Error> = None;
    let parse = |distinct: &mut Distinct, k: usize| parse_file(to_parse[k].abs(), distinct);
    let mut titles = name::Shared::default();
    let done = run_indexed(total, 32, cancel, Distinct::default, parse, |k, outcome| {
        let target = to_parse[k];
        report.parsed += 1;
        if report.parsed <= super::READ_LISTED {
            report.read.push(target.abs().to_path_buf());
        }
        progress(k + 1, total);
        match outcome {
            Outcome::Issue { title, date, articles, record, grams } => {
                let meta = IssueMeta {
                    path: name::FilePath::new(target.abs().to_path_buf()),
                    title: titles.get(&title),
                    date,
                    articles,
                    size: target.size,
                    modified: target.modified,
                    start: 0,
                    len: 0,
                    crc: 0,
                };
                let added = match builder.take() {
                    Some(b) => Ok(b),
                    None => Builder::new(dir, new_id()),
                }
                .and_then(|mut b| b.add_with_grams(meta, &record, &grams).map(|()| b));
                match added {
                    Ok(b) if b.postings_bytes() > BUDGET => match b.finish() {
                        Ok(s) => made.push(s),
                        Err(e) => error = Some(e),
                    },
                    Ok(b) => builder = Some(b),
                    Err(e) => error = Some(e),
                }
            }
            Outcome::NotIssue(problem) => {
                report.errors.push((target.given.to_path_buf(), problem.clone()));
                failed.push(Failed {
                    path: target.abs().to_path_buf(),
                    size: target.size,
                    modified: target.modified,
                    problem,
                });
            }
            Outcome::Unreadable(problem) => report.errors.push((target.given.to_path_buf(), problem)),
        }
        error.is_none()
    });
    report.cancelled = !done && error.is_none();
    if let Some(b) = builder {
        match error {
            None => made.push(b.finish()?),
            Some(_) => b.abandon(),
        }
    }
    if let Some(e) = error {
        for s in made.iter().filter(|_| dir.is_some()) {
            if let Some(dir) = dir {
                let _ = fs::remove_file(dir.join(segment::file_name(s.header.id)));
            }
        }
        return Err(e);
    }
    Ok(made)
}

/// Reads and parses one file into its indexed form and grams.
fn parse_file(path: &Path, distinct: &mut Distinct) -> Outcome {
    // A folder that is one issue (article files) is read as the reader reads it.
    let mut room = 0;
    let parsed = if path.is_dir() {
        crate::library::source::Source::File(path.to_path_buf()).load().map_err(|e| e.problem)
    } else {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return Outcome::Unreadable(Problem::of_io(&e)),
        };
        room = bytes.len();
        parse_issue(&bytes, &path.display().to_string()).map_err(Problem::Decode)
    };
    match parsed {
        Ok(parsed) => {
            let mut text = Vec::with_capacity(room);
            let shapes = encode(&parsed.issue, &mut text);
            let mut record = Vec::new();
            format::encode_record(&shapes, &text, &mut record);
            // From the text `encode` wrote, already in the script fold (the
            // record was made just now: it fits its head).
            let grams = segment::grams_of(&record, shapes.len(), distinct).map(<[_]>::to_vec).unwrap_or_default();
            let (title, date) = (parsed.issue.title, parsed.issue.date);
            Outcome::Issue { title, date, articles: shapes.len(), record, grams }
        }
        Err(e) => Outcome::NotIssue(e),
    }
}

/// Writes the manifest listing `parts` and `failed` and renames it into
/// place: the commit. Returns its generation.
fn commit(dir: &Path, parts: &[Part], failed: &[Failed], folders: Option<&Folders>) -> io::Result<u64> {
    let manifest = Manifest {
        generation: new_id(),
        segments: parts.iter().map(Part::listed).collect(),
        failed: failed.to_vec(),
        folders: folders.cloned(),
    };
    let bytes = format::encode_manifest(&manifest);
    let temp = dir.join(format!("{TEMP_PREFIX}manifest-{}", new_id()));
    let written = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&temp)?;
        let half = bytes.len() / 2;
        f.write_all(&bytes[..half])?;
        crash_point();
        f.write_all(&bytes[half..])?;
        drop(f);
        crash_point();
        fs::rename(&temp, dir.join(FILE_NAME))?;
        crash_point();
        Ok(manifest.generation)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// Every file's absolute path, size and mtime; those that can't be looked
/// at go to `errors`. Looked at on every core: for a big archive this is
/// most of the work when nothing changed.
fn stat_all<'a, P: AsRef<Path> + Sync>(files: &'a [P], errors: &mut Vec<(PathBuf, Problem)>) -> Vec<Target<'a>> {
    let cwd = std::env::current_dir().ok();
    let chunk = files.len().div_ceil(workers() * 8).clamp(256, 4096);
    let parts: Vec<&[P]> = files.chunks(chunk).collect();
    // Only what is needed of each `stat` (its whole answer is ten times
    // that), each part made into targets as it comes: at 100,000 files a
    // list of every answer beside the targets was 4 MB of the reader's peak.
    let look = |_: &mut (), k: usize| {
        let mut dirs = Dirs::default();
        parts[k].iter().map(|p| dirs.stat(p.as_ref())).collect::<Vec<_>>()
    };
    let mut targets = Vec::with_capacity(files.len());
    let mut take = |k: usize, looked: Vec<io::Result<(bool, u64, SystemTime)>>| {
        for (given, meta) in parts[k].iter().map(AsRef::as_ref).zip(looked) {
            let (size, modified) = match meta {
                Ok((true, ..)) => match crate::library::folder::stamp(given) {
                    // A folder issue: its files' bytes and newest time.
                    Ok(stamp) if crate::library::folder::is_article_folder(given) => stamp,
                    _ => {
                        errors.push((given.to_path_buf(), Problem::IsDirectory));
                        continue;
                    }
                },
                Ok((false, size, modified)) => (size, modified),
                Err(e) => {
                    errors.push((given.to_path_buf(), Problem::of_io(&e)));
                    continue;
                }
            };
            // `absolute` asks the OS for the working directory each time it is
            // given a relative path; an absolute one with nothing to tidy is kept.
            let bytes = given.as_os_str().as_encoded_bytes();
            let tidy = given.is_absolute() && !bytes.windows(2).any(|w| w == b"//" || w == b"/.");
            let abs = match &cwd {
                _ if tidy => None,
                Some(cwd) if given.is_relative() => std::path::absolute(cwd.join(given)).ok(),
                _ => std::path::absolute(given).ok(),
            };
            let abs = abs.filter(|a| a != given);
            targets.push(Target { given, abs, size, modified });
        }
        true
    };
    run_indexed(parts.len(), 4, &AtomicBool::new(false), || (), look, &mut take);
    // The same file given twice (two roots that overlap) is one target, the
    // first: found side by side in an order sorted by path (a map of every
    // path's hash to its places was 8 MB at 100,000 files).
    let mut order: Vec<u32> = (0..targets.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| key(targets[a as usize].abs()).cmp(key(targets[b as usize].abs())).then(a.cmp(&b)));
    let mut twice = vec![false; targets.len()];
    for pair in order.windows(2) {
        if key(targets[pair[0] as usize].abs()) == key(targets[pair[1] as usize].abs()) {
            twice[pair[1] as usize] = true;
        }
    }
    drop(order);
    let mut k = 0;
    targets.retain(|_| {
        k += 1;
        !twice[k - 1]
    });
    targets
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

/// `stat` of files that come folder by folder: each relative to its
/// folder, opened once (`fstatat`), so the kernel walks one name, not the
/// whole path, for each of 100,000 files.
#[derive(Default)]
struct Dirs {
    #[cfg(unix)]
    open: Option<(PathBuf, File)>,
}

impl Dirs {
    fn stat(&mut self, path: &Path) -> io::Result<(bool, u64, SystemTime)> {
        #[cfg(unix)]
        if let (Some(dir), Some(name)) = (path.parent(), path.file_name())
            && let Some(found) = self.stat_at(dir, name)
        {
            return found;
        }
        let m = fs::metadata(path)?;
        Ok((m.is_dir(), m.len(), m.modified().unwrap_or(SystemTime::UNIX_EPOCH)))
    }

    /// `None` when the folder can't be opened (then the whole path is looked up).
    #[cfg(unix)]
    fn stat_at(&mut self, dir: &Path, name: &std::ffi::OsStr) -> Option<io::Result<(bool, u64, SystemTime)>> {
        use std::os::fd::AsRawFd;
        use std::os::unix::ffi::OsStrExt;
        if self.open.as_ref().is_none_or(|(d, _)| d != dir) {
            let d = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
            self.open = Some((dir.to_path_buf(), File::open(d).ok()?));
        }
        let (_, fd) = self.open.as_ref()?;
        let name = std::ffi::CString::new(name.as_bytes()).ok()?;
        // SAFETY: `st` is plain data that fstatat fills in; the name is a C string; the fd is open.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstatat(fd.as_raw_fd(), name.as_ptr(), &mut st, 0) } != 0 {
            return Some(Err(io::Error::last_os_error()));
        }
        let modified = if st.st_mtime >= 0 {
            SystemTime::UNIX_EPOCH + std::time::Duration::new(st.st_mtime as u64, st.st_mtime_nsec as u32)
        } else {
            SystemTime::UNIX_EPOCH - std::time::Duration::from_secs(st.st_mtime.unsigned_abs())
                + std::time::Duration::from_nanos(st.st_mtime_nsec as u64)
        };
        Some(Ok((st.st_mode & libc::S_IFMT == libc::S_IFDIR, st.st_size as u64, modified)))
    }
}

/// A number no earlier segment or manifest is likely to have used.
fn new_id() -> u64 {
    let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    let mix = nanos ^ u64::from(std::process::id()).rotate_left(32) ^ COUNTER.fetch_add(1, Ordering::Relaxed) << 48;
    mix | 1
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maintenance_merges_small_segments_and_mostly_dead_ones_never_a_builds_full_ones() {
        // A build's full segment measures less than its budget here (the
        // build counts what its gathering holds, not the bytes written).
        let (full, small) = ((BUDGET * 2 / 3, false), (MERGED / 5, false));
        // A build of 100,000 issues: seventeen full segments and its last, partial one.
        let mut build = vec![full; 17];
        build.push((BUDGET / 3, false));
        assert_eq!(to_merge(&build), Vec::<usize>::new(), "a full and the partial one would gather 24 MB");
        // Updates a few issues at a time left small ones beside them.
        build.extend([small; 6]);
        assert_eq!(to_merge(&build), (18..23).collect::<Vec<_>>(), "the smallest, as many as MERGED holds");
        assert_eq!(to_merge(&[small; 4]), Vec::<usize>::new(), "few segments are left as they are");
        assert_eq!(to_merge(&[full, (BUDGET, true), full]), [1], "a mostly dead one is written again alone");
    }
}
