//! Work off the event loop: reading the issue the reader opens, finding
//! the library's issue files, keeping the archive index up to date (and
//! merging its segments when idle), watching library folders for new
//! issues, and searching every issue — on a thread of its own, from what
//! the index has committed, so a search never waits for an update.
//! Reports come back as actions; the event loop never blocks on any of it.

use crate::app::{Action, Conversion, Converted, IssueInfo, Known};
use crate::library::{self, ArchiveHit, Index, LoadError, Problem, Source, UpdateReport};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Where the library is.
#[derive(Debug, Clone)]
pub enum Shelf {
    /// The samples built into dubao: nothing to find or index.
    Bundled,
    /// Files and folders on disk.
    Paths(Vec<PathBuf>),
}

/// What the worker is asked to do.
enum Job {
    /// The first frame is up: start finding and indexing.
    Begin,
    /// Archive search number `id`, until `cancel` is set.
    Search { id: u64, query: String, cancel: Arc<AtomicBool> },
    /// Files changed under a watched folder: these issue files (`Some`), or
    /// anything else (`None`: walk again).
    Rescan(Option<Vec<PathBuf>>),
    /// A search found the index damaged: rebuild it.
    Rebuild,
}

/// The handle the event loop keeps.
pub struct Worker {
    jobs: Sender<Job>,
    /// Archive searches.
    searches: Sender<Job>,
    /// Issues to read, by name: a thread of their own, so that an issue
    /// opened never waits for the library's walk or index.
    loads: Sender<String>,
    /// Articles to convert whole to another script: a thread of their own.
    converts: Sender<Box<Conversion>>,
    /// Where reports go, for an answer when the reading thread is gone.
    out: Sender<Action>,
    /// The flag that stops the latest search.
    cancel: Arc<AtomicBool>,
    begun: bool,
}

/// How long changes in a watched folder settle before it is read again:
/// copying an issue in makes a burst of events.
const SETTLE: Duration = Duration::from_millis(400);
/// How often search results are handed over while they stream in.
const BATCH: Duration = Duration::from_millis(60);

impl Worker {
    /// Starts the worker, idle until [`Worker::begin`] (or any job): the
    /// first frame does not share the CPU or the disk with the library.
    /// Its reports arrive on `out` as actions.
    pub fn start(shelf: Shelf, cache: Option<PathBuf>, out: Sender<Action>) -> Worker {
        let (loads, to_load) = channel::<String>();
        let reader = out.clone();
        let answers = out.clone();
        std::thread::spawn(move || {
            while let Ok(name) = to_load.recv() {
                let _answer = Answer { name: name.clone(), out: reader.clone() };
                let result = Source::from_name(&name).load().map(|p| Arc::new(p.issue));
                let _ = reader.send(Action::Loaded { name, result });
            }
        });
        let (converts, to_convert) = channel();
        let converted = out.clone();
        std::thread::spawn(move || convert_latest(&to_convert, &converted));
        let (jobs, inbox) = channel();
        let rescan = jobs.clone();
        let librarian = jobs.clone();
        let (searches, to_search) = channel();
        let (for_search, found) = ((shelf.clone(), cache.clone()), answers.clone());
        let scanned = Latch::default();
        let opens = OpenOnDrop(scanned.clone());
        std::thread::spawn(move || {
            let Ok(first) = inbox.recv() else { return };
            let _watcher = watch(&shelf, rescan);
            let mut w = Librarian {
                shelf,
                index: Index::open(cache),
                out: answers,
                files: Vec::new(),
                listed: false,
                sent: false,
            };
            w.scan();
            drop(opens);
            w.run(first, inbox);
        });
        std::thread::spawn(move || searcher(for_search.0, for_search.1, to_search, librarian, found, scanned));
        Worker { jobs, searches, loads, converts, out, cancel: Arc::new(AtomicBool::new(false)), begun: false }
    }

    /// Reads the issue with this source name; it comes back as [`Action::Loaded`].
    pub fn load(&self, name: String) {
        if let Err(std::sync::mpsc::SendError(name)) = self.loads.send(name) {
            let result = Err(LoadError::new(name.clone(), Problem::Other("dubao can no longer read issues".into())));
            let _ = self.out.send(Action::Loaded { name, result });
        }
    }

    /// Converts an article whole; it comes back as [`Action::Converted`].
    pub fn convert(&self, c: Box<Conversion>) {
        let _ = self.converts.send(c);
    }

    /// The first frame is on screen: find and index the library.
    pub fn begin(&mut self) {
        if !self.begun {
            self.begun = true;
            let _ = self.jobs.send(Job::Begin);
        }
    }

    /// Searches every issue; results come back as [`Action::Found`] and
    /// [`Action::FoundAll`] numbered `id`. A search still under way is
    /// given up.
    pub fn search(&mut self, id: u64, query: String) {
        self.cancel();
        self.cancel = Arc::new(AtomicBool::new(false));
        let _ = self.searches.send(Job::Search { id, query, cancel: self.cancel.clone() });
    }

    /// Stops the search under way.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// Converts each article asked for, the newest first: one asked for
/// before a newer arrived is given up (and said to be), so that paging
/// through long articles never queues their conversions.
fn convert_latest(inbox: &Receiver<Box<Conversion>>, out: &Sender<Action>) {
    let answer = |c: &Conversion, done| {
        let (issue, id, script) = (c.issue.clone(), c.article.id.clone(), c.script);
        Action::Converted(Box::new(Converted { issue, id, script, done }))
    };
    while let Ok(mut c) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            let _ = out.send(answer(&c, None));
            c = newer;
        }
        let done = Arc::new(crate::script::convert_article(&c.article, c.script));
        if out.send(answer(&c, Some(done))).is_err() {
            return;
        }
    }
}

struct Librarian {
    shelf: Shelf,
    index: Index,
    out: Sender<Action>,
    /// The issue files found, by name: the reader's list shares them.
    files: Vec<Arc<str>>,
    /// The reader's list was last sent as `files` are now, in their order:
    /// what the index read can follow it without the names.
    listed: bool,
    /// A list was sent: a walk again tells the reader what changed, not the list.
    sent: bool,
}

impl Librarian {
    fn run(&mut self, first: Job, inbox: Receiver<Job>) {
        let mut next = Some(first);
        while let Some(job) = next.take().or_else(|| inbox.recv().ok()) {
            match job {
                Job::Begin => {}
                Job::Rebuild => {
                    self.index.mark_damaged();
                    self.update_index();
                }
                Job::Search { id, query, cancel } => search(&self.shelf, &self.index, &self.out, id, &query, &cancel),
                Job::Rescan(mut paths) => {
                    // Let a burst of file events settle, then read once; a
                    // search asked for meanwhile runs on what is found.
                    let until = Instant::now() + SETTLE;
                    loop {
                        match inbox.recv_timeout(until.saturating_duration_since(Instant::now())) {
                            Ok(Job::Rescan(more)) => match (&mut paths, more) {
                                (Some(p), Some(more)) => p.extend(more),
                                _ => paths = None,
                            },
                            Ok(Job::Begin) => {}
                            Ok(other) => {
                                next = Some(other);
                                break;
                            }
                            Err(_) => break,
                        }
                    }
                    match paths.filter(|p| self.known_folders(p)) {
                        Some(paths) => self.changed(paths),
                        None => self.scan(),
                    }
                }
            }
        }
    }

    /// Whether every path lies in a folder of issues already known (not in
    /// a folder that is one issue, nor a new folder): then only those files
    /// need looking at.
    fn known_folders(&self, paths: &[PathBuf]) -> bool {
        // A few paths (what one issue copied in makes) are looked for in the
        // list one by one: sets of every file and folder were 7 MB and tens
        // of ms at 100,000 issues, on every event.
        if paths.len() <= 16 {
            return paths.iter().all(|p| {
                let name = library::name::of_path(p);
                let known = self.files.iter().any(|f| **f == *name);
                let dir = p.parent();
                let shelved = dir.is_some() && self.files.iter().any(|f| library::name::as_path(f).parent() == dir);
                shelved && (known || !self.files.iter().any(|f| p.starts_with(library::name::as_path(f))))
            });
        }
        let files = paths_of(&self.files);
        let inside = |p: &Path| !files.iter().any(|f| p.starts_with(f));
        let folders: std::collections::HashSet<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        let known: std::collections::HashSet<&Path> = files.iter().map(AsRef::as_ref).collect();
        paths
            .iter()
            .all(|p| p.parent().is_some_and(|d| folders.contains(d)) && (known.contains(p.as_path()) || inside(p)))
    }

    /// Issue files changed, appeared or went: the index takes in just those
    /// (about one issue's work, however big the library), then the list.
    fn changed(&mut self, mut paths: Vec<PathBuf>) {
        paths.sort();
        paths.dedup();
        let Some(report) = self.index.update_some(&paths, &AtomicBool::new(false)) else {
            return self.scan();
        };
        let (mut gone, mut found) = (Vec::new(), Vec::new());
        for p in &paths {
            let (here, name) = (p.is_file(), library::name::of_path(p));
            match (self.files.iter().position(|f| **f == *name), here) {
                (None, true) => {
                    let name: Arc<str> = name.into();
                    self.files.push(name.clone());
                    found.push(name);
                }
                (Some(k), false) => gone.push(self.files.swap_remove(k)),
                (Some(k), true) => {
                    found.push(self.files[k].clone());
                    continue;
                }
                (None, false) => continue,
            }
            // The places of the last list sent are not the files' any more.
            self.listed = false;
        }
        self.unindexed(&report);
        // Just these, as the index now has them: the reader's list is not
        // sent again whole for one issue.
        let found = found.into_iter().map(|n| self.indexed_info(n)).collect();
        let _ = self.out.send(Action::Changed { gone, found });
    }

    /// Finds the issue files, reports them at once by name, then indexes
    /// them (reporting progress) and reports them again with what the
    /// index knows (titles and dates from inside the files).
    fn scan(&mut self) {
        let Shelf::Paths(paths) = &self.shelf else {
            // The samples are few and small: read at once for their own
            // titles and dates, so that they are listed by them.
            let read = library::bundled().into_iter().filter_map(|s| Some((s.name(), s.load().ok()?.issue)));
            let info = |(name, i): (String, crate::model::Issue)| {
                let articles = Some(i.articles().count());
                IssueInfo { name: name.into(), title: i.title.into(), date: i.date, articles }
            };
            let infos = read.map(info).collect();
            let _ = self.out.send(Action::Library(infos));
            return;
        };
        let taken = std::time::SystemTime::now();
        let (sources, errors, walked) = library::collect_walked(paths);
        // Each name shares the index's copy of the path where it has one.
        let mut files = self.index.names(sources.into_iter().filter_map(|s| s.absolute().into_file()));
        // Kept as long as the reader runs: at its length (collected through
        // a filter, it had room for twice as many).
        files.shrink_to_fit();
        let mut titles = library::name::Shared::default();
        let mut info = |n: &Arc<str>| {
            let info = IssueInfo::named(n.clone());
            IssueInfo { title: titles.get(&info.title), ..info }
        };
        // (The first walk has nothing to compare with.)
        let changes = self.sent.then(|| differences(&self.files, &files));
        if let Some((gone, new)) = changes.filter(|(gone, new)| gone.len() + new.len() <= FEW) {
            // Walked again (a new folder): what changed, not the whole list
            // beside the reader's own (36 MB more at 100,000 issues).
            let found = new.iter().map(&mut info).collect();
            let _ = self.out.send(Action::Changed { gone, found });
            self.listed = false;
        } else {
            let _ = self.out.send(Action::Library(files.iter().map(info).collect()));
            (self.listed, self.sent) = (true, true);
        }
        self.files = files;
        let report = self.update_index();
        // What a search from the command line then need not walk again.
        if let (Some(walked), Shelf::Paths(paths)) = (walked.filter(|_| errors.is_empty()), &self.shelf) {
            self.index.record_folders(paths, &walked, taken, &report);
        }
    }

    fn update_index(&mut self) -> UpdateReport {
        let out = self.out.clone();
        let mut last = Instant::now();
        let mut progress = |done: usize, all: usize| {
            if last.elapsed() > Duration::from_millis(100) {
                last = Instant::now();
                let _ = out.send(Action::Progress(Some((done, all))));
            }
        };
        let never = AtomicBool::new(false);
        let files = paths_of(&self.files);
        let report = self.index.update(&files, &mut progress, &never);
        drop(files);
        let _ = self.out.send(Action::Progress(None));
        self.unindexed(&report);
        self.report_indexed(&report);
        // Merging segments costs what it merges; searches go on meanwhile.
        while self.index.maintain() {}
        report
    }

    /// What the index has of one file (a look at every issue: for a few).
    fn indexed_info(&self, name: Arc<str>) -> IssueInfo {
        let known = self.index.find(&library::name::as_path(&name)).map_or_else(|| Known::from_name(&name), known_of);
        IssueInfo::of(name, known)
    }

    /// Says which files an update could not read, if any (the reader words it).
    fn unindexed(&self, report: &UpdateReport) {
        if let Some((path, problem)) = report.errors.first() {
            let (path, problem, more) = (path.clone(), problem.clone(), report.errors.len() - 1);
            let _ = self.out.send(Action::Unindexed { path, problem, more });
        }
    }

    /// Reports the issues as the index read them (titles and dates from
    /// inside the files); a file the index does not hold (not an issue, or
    /// not read yet) as its name says, so that one unreadable file among
    /// them does not keep every other title from the list. In the order of
    /// the list last sent, without the names, unless the files changed since.
    fn report_indexed(&mut self, report: &UpdateReport) {
        use library::name::key;
        // The list was sent as what changed, and the index read only a few
        // files: just those, as it now has them.
        if !self.listed && report.read.len() == report.parsed && report.parsed <= FEW {
            let found = report.read.iter().map(|p| self.indexed_info(library::name::of_path(p).into())).collect();
            let _ = self.out.send(Action::Changed { gone: Vec::new(), found });
            return;
        }
        let mut metas = self.index.issues();
        metas.sort_unstable_by(|a, b| key(&a.path).cmp(key(&b.path)));
        let known = |n: &Arc<str>| {
            let path = library::name::as_path(n);
            match metas.binary_search_by(|m| key(&m.path).cmp(key(&path))) {
                Ok(k) => known_of(metas[k]),
                Err(_) => Known::from_name(n),
            }
        };
        if self.listed {
            let _ = self.out.send(Action::Indexed(self.files.iter().map(known).collect()));
            return;
        }
        let info = |n: &Arc<str>| IssueInfo::of(n.clone(), known(n));
        let _ = self.out.send(Action::Library(self.files.iter().map(info).collect()));
        self.listed = true;
    }
}

/// What the index read of an issue.
fn known_of(m: &library::IssueMeta) -> Known {
    Known { title: m.title.clone(), date: m.date, articles: Some(m.articles) }
}

/// The files found, as paths.
fn paths_of(files: &[Arc<str>]) -> Vec<Cow<'_, Path>> {
    files.iter().map(|n| library::name::as_path(n)).collect()
}

/// Changes to the reader's list sent as such rather than a new list: a few
/// issues (a new folder of them), each looked up in the list.
const FEW: usize = 256;

/// The names in `old` and not in `new`, and those in `new` and not in `old`.
fn differences(old: &[Arc<str>], new: &[Arc<str>]) -> (Vec<Arc<str>>, Vec<Arc<str>>) {
    fn sorted(names: &[Arc<str>]) -> Vec<&Arc<str>> {
        let mut v: Vec<&Arc<str>> = names.iter().collect();
        v.sort_unstable();
        v
    }
    let (a, b) = (sorted(old), sorted(new));
    let missing = |from: &[&Arc<str>], other: &[&Arc<str>]| -> Vec<Arc<str>> {
        from.iter().filter(|n| other.binary_search(n).is_err()).map(|n| Arc::clone(n)).collect()
    };
    (missing(&a, &b), missing(&b, &a))
}

/// The searching thread: each search on the index as last committed on
/// disk (taken up afresh before each), never waiting for the librarian's
/// update. Where the index can't be kept on disk, the librarian's own copy
/// in memory is the only one, and searches go to it.
fn searcher(
    shelf: Shelf,
    cache: Option<PathBuf>,
    inbox: Receiver<Job>,
    librarian: Sender<Job>,
    out: Sender<Action>,
    scanned: Latch,
) {
    let mut index: Option<Index> = None;
    let mut on_disk = None;
    while let Ok(job) = inbox.recv() {
        let Job::Search { id, query, cancel } = job else { continue };
        let writable = || matches!(shelf, Shelf::Paths(_)) && cache.as_deref().is_some_and(Index::writable);
        if !*on_disk.get_or_insert_with(writable) {
            let _ = librarian.send(Job::Search { id, query, cancel });
            continue;
        }
        // The session's first look at the library comes first: before it, an
        // index never built (a folder never seen) would answer nothing.
        scanned.wait();
        let index = index.get_or_insert_with(|| Index::open(cache.clone()));
        index.refresh();
        search(&shelf, index, &out, id, &query, &cancel);
        if index.problem().is_some() {
            let _ = librarian.send(Job::Rebuild);
        }
    }
}

/// Searches every issue, handing results over in batches.
fn search(shelf: &Shelf, index: &Index, out: &Sender<Action>, search: u64, query: &str, cancel: &AtomicBool) {
    if cancel.load(Ordering::SeqCst) {
        return;
    }
    let mut batch = Vec::new();
    let mut last = Instant::now();
    let mut on_hit = |hit: ArchiveHit| {
        batch.push(hit);
        if last.elapsed() > BATCH {
            last = Instant::now();
            let _ = out.send(Action::Found { search, results: std::mem::take(&mut batch) });
        }
        true
    };
    let stats = match shelf {
        // The bundled samples are few and small: searched without an index.
        Shelf::Bundled => library::search_sources(&library::bundled(), query, &mut on_hit, &mut |_, _| {}, cancel),
        Shelf::Paths(_) => index.search(query, &mut on_hit, cancel),
    };
    let _ = out.send(Action::Found { search, results: batch });
    let _ = out.send(Action::FoundAll { search, issues: stats.issues });
}

/// Should reading an issue ever fail by panicking (a bug: the parser is
/// fuzzed never to), the reader is still answered, so the keys it holds
/// for that issue are not held for ever.
struct Answer {
    name: String,
    out: Sender<Action>,
}

impl Drop for Answer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let problem = Problem::Other("dubao failed reading it (see the crash report)".into());
            let result = Err(LoadError::new(self.name.clone(), problem));
            let _ = self.out.send(Action::Loaded { name: std::mem::take(&mut self.name), result });
        }
    }
}

/// Watches library folders; any change asks for a rescan. `None` when there
/// is nothing to watch or the system can't watch.
fn watch(shelf: &Shelf, rescan: Sender<Job>) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let Shelf::Paths(paths) = shelf else { return None };
    let dirs: Vec<&PathBuf> = paths.iter().filter(|p| p.is_dir()).collect();
    if dirs.is_empty() {
        return None;
    }
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(e) = event else { return };
        if e.kind.is_access() || !e.paths.iter().any(|p| library::is_issue_file(p) || p.is_dir()) {
            return;
        }
        // Issue files alone are looked at alone; a folder is walked again.
        let files = e.paths.iter().all(|p| library::is_issue_file(p) && !p.is_dir());
        let _ = rescan.send(Job::Rescan(files.then(|| e.paths.clone())));
    })
    .ok()?;
    for dir in dirs {
        let _ = watcher.watch(dir, RecursiveMode::Recursive);
    }
    Some(watcher)
}

/// Open once the librarian's first scan of the session is done, or the
/// librarian is gone: what a search waits for, once.
#[derive(Clone, Default)]
struct Latch(Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Latch {
    fn wait(&self) {
        let (lock, cv) = &*self.0;
        let mut open = lock.lock().unwrap_or_else(|e| e.into_inner());
        while !*open {
            open = cv.wait(open).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Opens the latch when dropped: after the first scan, or when the
/// librarian's thread ends any other way (a panic included).
struct OpenOnDrop(Latch);

impl Drop for OpenOnDrop {
    fn drop(&mut self) {
        let (lock, cv) = &*(self.0).0;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_again_tells_what_went_and_what_came() {
        let names = |n: &[&str]| n.iter().map(|&s| Arc::from(s)).collect::<Vec<Arc<str>>>();
        let (gone, new) = differences(&names(&["/p/b", "/p/a", "/p/c"]), &names(&["/p/d", "/p/a", "/p/c", "/q/a"]));
        assert_eq!((gone, new), (names(&["/p/b"]), names(&["/p/d", "/q/a"])));
    }
}
