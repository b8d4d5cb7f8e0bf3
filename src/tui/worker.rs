//! Work off the event loop: reading the issue the reader opens, finding
//! the library's issue files, keeping the archive index up to date,
//! watching library folders for new issues, and searching every issue.
//! Reports come back as actions; the event loop never blocks on any of it.

use crate::app::{Action, IssueInfo};
use crate::library::{self, ArchiveHit, Index, LoadError, Problem, Source};
use std::path::PathBuf;
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
    Search {
        id: u64,
        query: String,
        cancel: Arc<AtomicBool>,
    },
    Rescan,
}

/// The handle the event loop keeps.
pub struct Worker {
    jobs: Sender<Job>,
    /// Issues to read, by name: a thread of their own, so that an issue
    /// opened never waits for the library's walk or index.
    loads: Sender<String>,
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
        let (jobs, inbox) = channel();
        let rescan = jobs.clone();
        std::thread::spawn(move || {
            let Ok(first) = inbox.recv() else { return };
            let _watcher = watch(&shelf, rescan);
            let mut w = Librarian { shelf, index: Index::open(cache), out: answers, files: Vec::new() };
            w.scan();
            w.run(first, inbox);
        });
        Worker { jobs, loads, out, cancel: Arc::new(AtomicBool::new(false)), begun: false }
    }

    /// Reads the issue with this source name; it comes back as [`Action::Loaded`].
    pub fn load(&self, name: String) {
        if let Err(std::sync::mpsc::SendError(name)) = self.loads.send(name) {
            let result = Err(LoadError::new(name.clone(), Problem::Other("dubao can no longer read issues".into())));
            let _ = self.out.send(Action::Loaded { name, result });
        }
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
        let _ = self.jobs.send(Job::Search { id, query, cancel: self.cancel.clone() });
    }

    /// Stops the search under way.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

struct Librarian {
    shelf: Shelf,
    index: Index,
    out: Sender<Action>,
    files: Vec<PathBuf>,
}

impl Librarian {
    fn run(&mut self, first: Job, inbox: Receiver<Job>) {
        let mut next = Some(first);
        while let Some(job) = next.take().or_else(|| inbox.recv().ok()) {
            match job {
                Job::Begin => {}
                Job::Search { id, query, cancel } => self.search(id, &query, &cancel),
                Job::Rescan => {
                    // Let a burst of file events settle, then read once; a
                    // search asked for meanwhile runs on what is found.
                    let until = Instant::now() + SETTLE;
                    loop {
                        match inbox.recv_timeout(until.saturating_duration_since(Instant::now())) {
                            Ok(Job::Rescan | Job::Begin) => {}
                            Ok(other) => {
                                next = Some(other);
                                break;
                            }
                            Err(_) => break,
                        }
                    }
                    self.scan();
                }
            }
        }
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
                IssueInfo { name, title: i.title, date: i.date, articles }
            };
            let infos = read.map(info).collect();
            let _ = self.out.send(Action::Library(infos));
            return;
        };
        let (sources, _errors) = library::collect(paths);
        self.files = sources
            .into_iter()
            .filter_map(|s| match s.absolute() {
                Source::File(p) => Some(p),
                Source::Bundled { .. } => None,
            })
            .collect();
        let infos: Vec<IssueInfo> =
            self.files.iter().map(|p| IssueInfo::from_name(&library::name::of_path(p))).collect();
        let _ = self.out.send(Action::Library(infos));
        self.update_index();
    }

    fn update_index(&mut self) {
        let total = self.files.len();
        let out = self.out.clone();
        let mut last = Instant::now();
        let mut progress = |done: usize, all: usize| {
            if last.elapsed() > Duration::from_millis(100) {
                last = Instant::now();
                let _ = out.send(Action::Progress(Some((done, all))));
            }
        };
        let never = AtomicBool::new(false);
        let report = self.index.update(&self.files, &mut progress, &never);
        let _ = self.out.send(Action::Progress(None));
        if let Some((path, problem)) = report.errors.first() {
            let more = report.errors.len() - 1;
            let tail = if more > 0 { format!(" (and {more} more)") } else { String::new() };
            let _ = self.out.send(Action::Notice(format!("{}: {problem}{tail}", path.display())));
        }
        let infos: Vec<IssueInfo> = self
            .index
            .issues()
            .into_iter()
            .map(|m| IssueInfo {
                name: library::name::of_path(&m.path),
                title: m.title.clone(),
                date: m.date,
                articles: Some(m.articles),
            })
            .collect();
        if infos.len() == total {
            let _ = self.out.send(Action::Library(infos));
        }
    }

    /// Searches every issue, handing results over in batches.
    fn search(&mut self, search: u64, query: &str, cancel: &AtomicBool) {
        if cancel.load(Ordering::SeqCst) {
            return;
        }
        let out = self.out.clone();
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
        let stats = match &self.shelf {
            // The bundled samples are few and small: searched without an index.
            Shelf::Bundled => library::search_sources(&library::bundled(), query, &mut on_hit, &mut |_, _| {}, cancel),
            Shelf::Paths(_) => self.index.search(query, &mut on_hit, cancel),
        };
        let _ = self.out.send(Action::Found { search, results: batch });
        let _ = self.out.send(Action::FoundAll { search, issues: stats.issues });
    }
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
        let interesting =
            event.is_ok_and(|e| !e.kind.is_access() && e.paths.iter().any(|p| library::is_issue_file(p) || p.is_dir()));
        if interesting {
            let _ = rescan.send(Job::Rescan);
        }
    })
    .ok()?;
    for dir in dirs {
        let _ = watcher.watch(dir, RecursiveMode::Recursive);
    }
    Some(watcher)
}
