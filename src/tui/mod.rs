//! The terminal shell: sets the terminal up and restores it (on quit,
//! error and panic), turns terminal events into actions, performs effects:
//! loading issues, saving what the reader keeps, stopping for Ctrl-z.

mod events;
mod input;
mod pipe;
mod worker;

pub use events::to_action;
pub use worker::Shelf;

use crate::app::{self, Action, Effect, Keymap, Marks, SaveReport, Saved, Settings, State, Unsaved};
use crate::i18n::{Lang, problems};
use crate::layout::{Ambiguous, AmbiguousWidth};
use crate::library::Source;
use crate::store::{Kept, Notice, Store};
use crate::ui::{self, Theme};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::{cursor, execute, style::Print, terminal};
use std::collections::VecDeque;
use std::io::{self, Write, stdout};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use worker::Worker;

/// How long the reading place may go unsaved after it moves: saves are
/// batched while scrolling, yet a crash loses at most this much.
const POSITION_DEBOUNCE: Duration = Duration::from_millis(300);
/// How long a frame waits for an issue being read: most arrive well within
/// it, and a frame that says "loading…" only to be replaced would flash.
const LOAD_GRACE: Duration = Duration::from_millis(150);

/// What the reader is started with.
pub struct Start {
    /// The issues known before the library is read (the one to open first).
    pub known: Vec<Source>,
    /// Where the rest of the library is.
    pub shelf: Shelf,
    /// Layout and pane settings.
    pub settings: Settings,
    /// The keymap.
    pub keymap: Keymap,
    /// The theme.
    pub theme: Theme,
    /// How to find the width of ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// Where bookmarks, read marks and positions are kept.
    pub store: Store,
    /// Problems met opening the store, for the status line.
    pub messages: Vec<Notice>,
    /// Go back to the last issue read (no PATH was given).
    pub resume: bool,
    /// The key of the paths given, to go back to the issue last read among
    /// them (`Saved::place`).
    pub place: Option<String>,
    /// Where the archive index lives (`None`: don't keep one).
    pub cache: Option<PathBuf>,
    /// Where `x` writes (empty: the working directory), and in what format.
    pub export: (PathBuf, crate::export::Format),
}

/// What the reader says as it quits (for stderr), and whether it leaves
/// changes unsaved.
#[derive(Debug, Default)]
pub struct Ending {
    /// What the user should know: damaged files moved aside, saves that
    /// failed, what is not saved and where it is kept.
    pub lines: Vec<String>,
    /// Changes were left unsaved (kept in a journal, or lost).
    pub unsaved: bool,
}

/// Everything the event loop waits for.
enum Msg {
    /// A key, mouse or resize event.
    Term(Event),
    /// The terminal could not be read.
    TermError(io::Error),
    /// A report from the background worker.
    Work(Action),
    /// Everything that could send a message is gone.
    Gone,
}

/// Runs the reader until the user quits; then saves what is not saved yet
/// and says what became of it.
pub fn run(start: Start) -> io::Result<Ending> {
    few_arenas();
    let Start {
        known,
        shelf,
        mut settings,
        keymap,
        theme,
        ambiguous,
        mut store,
        messages,
        resume,
        place,
        cache,
        export,
    } = start;
    let lang = settings.lang;
    let mut messages: Vec<String> = messages.iter().map(|m| m.say(lang)).collect();
    let mut told = messages.clone();
    let mut failed = None;
    // ratatui::init enters raw mode and the alternate screen and installs a
    // panic hook that restores the terminal before the panic is reported.
    let mut term = ratatui::init();
    let result = (|| {
        execute!(stdout(), EnableMouseCapture)?;
        settings.layout.ambiguous = ambiguous.fixed().unwrap_or_else(probe_ambiguous);
        let size = term.size()?;
        let names = known.iter().map(Source::name).collect();
        let mut state = State::new(names, settings, keymap, (size.width, size.height));
        let mut shell = Shell {
            store: &mut store,
            worker: None,
            moved: None,
            loading: None,
            held: VecDeque::new(),
            told: &mut told,
            failed: &mut failed,
            input: input::Input::default(),
            export,
            lang: state.settings.lang,
        };
        let why = shell.save_at_start(&mut messages);
        let messages = messages.iter().map(|m| home_as_tilde(m)).collect();
        let mut saved = saved_from(shell.store, messages, resume);
        saved.place = place;
        saved.marks.unsaved.why = why;
        // One channel for everything: terminal input (read on its own thread,
        // after the width probe has had its answer) and background reports.
        let (tx, rx) = mpsc::channel();
        let input = tx.clone();
        shell.input = input::Input::start(move |got| {
            let msg = match got {
                Ok(e) => Msg::Term(e),
                Err(e) => Msg::TermError(e),
            };
            input.send(msg).is_ok()
        });
        let (work_tx, work_rx) = mpsc::channel();
        let forward = tx.clone();
        std::thread::spawn(move || {
            while let Ok(action) = work_rx.recv() {
                if forward.send(Msg::Work(action)).is_err() {
                    break;
                }
            }
        });
        shell.worker = Some(Worker::start(shelf, cache, work_tx));
        shell.event_loop(&mut term, &mut state, &theme, &rx, Action::Restore(Box::new(saved)))
    })();
    // Whatever happened, what was kept is written before leaving.
    let ending = ending(&mut store, told, failed, lang);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map(|()| ending)
}

/// The last save, and what to say about the session's saves.
fn ending(store: &mut Store, mut told: Vec<String>, failed: Option<String>, lang: Lang) -> Ending {
    let result = store.save(jiff::Timestamp::now());
    told.extend(store.take_messages().iter().map(|m| m.say(lang)));
    let mut lines: Vec<String> = Vec::new();
    for line in told {
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    let unsaved = store.unsaved();
    match result {
        Err(e) if !unsaved.is_empty() => {
            let n = unsaved.count();
            let what = problems::unsaved(lang, &unsaved);
            let why = problems::store_error(lang, &e);
            lines.push(lang.f("exit-not-saved", &[("n", n.into()), ("what", what.into()), ("why", why.into())]));
            lines.push(problems::kept(lang, store.kept(), n));
            return Ending { lines, unsaved: true };
        }
        _ => {}
    }
    if let Some(why) = failed {
        lines.push(lang.f("exit-saved-after-all", &[("why", why.into())]));
    }
    Ending { lines, unsaved: false }
}

struct Shell<'a> {
    store: &'a mut Store,
    worker: Option<Worker>,
    /// When the reading place last moved without being saved.
    moved: Option<Instant>,
    /// The issue being read for the reader, and since when.
    loading: Option<(String, Instant)>,
    /// Terminal input that came while it was read: keys meant for it.
    held: VecDeque<Event>,
    /// What to say again at exit.
    told: &'a mut Vec<String>,
    /// The first reason a save failed.
    failed: &'a mut Option<String>,
    /// The terminal input thread, paused while a piped command runs.
    input: input::Input,
    /// Where and how `x` exports.
    export: (PathBuf, crate::export::Format),
    /// The interface's language, for what the shell says.
    lang: Lang,
}

impl Shell<'_> {
    /// Saves first what a journal or a damaged file brought in, adding what
    /// became of it to the start-up messages; returns why it failed.
    fn save_at_start(&mut self, messages: &mut Vec<String>) -> Option<String> {
        if !self.store.is_dirty() {
            return None;
        }
        let taken: Vec<(PathBuf, usize)> = self.store.taken_in().to_vec();
        let n: usize = taken.iter().map(|(_, n)| n).sum();
        let report = self.save_report(false, true);
        messages.extend(report.messages);
        let lang = self.lang;
        match (&report.unsaved.why, n) {
            (None, 0) => messages.push(lang.t("st-saved")),
            (Some(why), 0) => messages.push(lang.f("st-still-not-saved", &[("why", why.as_str().into())])),
            (None, _) => {
                messages.insert(0, lang.f("st-last-saved", &[("n", n.into())]));
                let dirs: Vec<String> = taken.iter().map(|(d, _)| d.display().to_string()).collect();
                self.told.push(lang.f("st-last-saved-in", &[("n", n.into()), ("dirs", dirs.join(", ").into())]));
            }
            (Some(why), _) => {
                messages.insert(0, lang.f("st-last-not-saved", &[("n", n.into()), ("why", why.as_str().into())]));
            }
        }
        report.unsaved.why
    }

    fn event_loop(
        &mut self,
        term: &mut DefaultTerminal,
        state: &mut State,
        theme: &Theme,
        rx: &Receiver<Msg>,
        first: Action,
    ) -> io::Result<()> {
        let mut queue: VecDeque<Action> = VecDeque::from([first]);
        loop {
            let mut urgent = false;
            let mut bookmarks_changed = false;
            while let Some(action) = queue.pop_front() {
                for effect in app::update(state, action) {
                    match effect {
                        Effect::Quit => {
                            self.quit(state);
                            return Ok(());
                        }
                        Effect::Suspend => suspend(term)?,
                        Effect::Pipe { command, text } => queue.push_back(self.pipe(term, command, &text)?),
                        Effect::Export { issue, article } => {
                            queue.push_back(Action::Notice(self.export(&issue, article)))
                        }
                        Effect::ExportBookmarks(list) => queue.push_back(Action::Notice(self.export_bookmarks(&list))),
                        Effect::Record(change) => {
                            bookmarks_changed |= !matches!(change, crate::model::Change::Read(..));
                            self.store.record(&change, jiff::Timestamp::now());
                            urgent = true;
                        }
                        other => self.hand_over(other),
                    }
                }
            }
            // A bookmark or read mark is on disk before the screen says so,
            // or the screen says it is not.
            if urgent {
                self.save(state, &mut queue, true, bookmarks_changed);
                if !queue.is_empty() {
                    continue;
                }
            }
            // Catch up with a resize whose event is still on its way.
            let size = term.size()?;
            if (size.width, size.height) != state.size {
                queue.push_back(Action::Resize(size.width, size.height));
                continue;
            }
            if self.drawing() {
                term.draw(|frame| ui::draw(frame, state, theme))?;
                if let Some(w) = &mut self.worker {
                    w.begin();
                }
                // To check crash reporting end to end: crash once the screen is up.
                if std::env::var_os("DUBAO_TEST_PANIC").is_some() {
                    panic!("DUBAO_TEST_PANIC is set");
                }
            }
            let Some(msg) = self.next_msg(rx, state, &mut queue) else { continue };
            match msg {
                Msg::Term(e) if self.loading.is_some() => self.held.push_back(e),
                Msg::Term(e) => queue.extend(to_action(e, state.mode(), &state.keymap)),
                Msg::TermError(e) => return Err(e),
                Msg::Work(action) => {
                    if let Action::Loaded { name, .. } = &action
                        && self.loading.as_ref().is_some_and(|(n, _)| n == name)
                    {
                        self.loading = None;
                    }
                    queue.push_back(action);
                }
                Msg::Gone => return Ok(()),
            }
        }
    }

    /// Effects for the worker, and the reading place to save soon.
    fn hand_over(&mut self, effect: Effect) {
        match effect {
            Effect::Load(name) => {
                // Keys wait for the issue they are meant for.
                self.loading = Some((name.clone(), Instant::now()));
                if let Some(w) = &self.worker {
                    w.load(name);
                }
            }
            Effect::ArchiveSearch { search, query } => {
                if let Some(w) = &mut self.worker {
                    w.search(search, query);
                }
            }
            Effect::CancelArchiveSearch => {
                if let Some(w) = &self.worker {
                    w.cancel();
                }
            }
            Effect::Convert(c) => {
                if let Some(w) = &self.worker {
                    w.convert(c);
                }
            }
            Effect::Moved => {
                self.moved.get_or_insert_with(Instant::now);
            }
            Effect::Quit
            | Effect::Suspend
            | Effect::Record(_)
            | Effect::Pipe { .. }
            | Effect::Export { .. }
            | Effect::ExportBookmarks(_) => {}
        }
    }

    /// `|`: the text piped to a command, which has the terminal meanwhile;
    /// the action that says how it went.
    fn pipe(&mut self, term: &mut DefaultTerminal, command: String, text: &str) -> io::Result<Action> {
        self.input.pause();
        let result = pipe::run(term, &command, text);
        self.input.resume();
        // A convenience, not a mark: a failure to keep it is not told.
        let _ = self.store.keep_pipe_command(&command);
        Ok(Action::Piped { command, result: result? })
    }

    /// `x` in the bookmarks: all of them as Markdown in the export folder.
    fn export_bookmarks(&self, list: &[crate::model::Bookmark]) -> String {
        let md = crate::export::markdown::bookmarks(list);
        let saved = crate::store::save_export(&self.export.0, "bookmarks", "md", md.as_bytes());
        said(self.lang, saved, &self.lang.f("export-what-bookmarks", &[("n", list.len().into())]))
    }

    /// `x`: the issue, or one article of it, written to the export folder.
    fn export(&self, issue: &crate::model::Issue, article: Option<crate::model::ArticleId>) -> String {
        let (dir, format) = &self.export;
        let article = article.and_then(|id| issue.articles().find(|a| a.id == id));
        let title = article.map_or_else(|| crate::export::dated_title(issue), |a| a.headline.clone());
        let saved =
            format.render(issue, article).map_err(|e| (PathBuf::from(&issue.source), io::Error::other(e))).and_then(
                |bytes| crate::store::save_export(dir, &crate::export::file_name(&title), format.extension(), &bytes),
            );
        let what = self.lang.t(if article.is_some() { "export-what-article" } else { "export-what-issue" });
        said(self.lang, saved, &what)
    }

    /// Quitting: the worker stops; the reading place is saved with
    /// everything else on the way out.
    fn quit(&mut self, state: &State) {
        if let Some(w) = &self.worker {
            w.cancel();
        }
        if self.moved.take().is_some() {
            self.store.set_positions(&state.positions, jiff::Timestamp::now());
        }
    }

    /// Whether to draw now: not while an issue being read is likely to
    /// arrive in a moment (a frame saying "loading…" would only flash).
    fn drawing(&self) -> bool {
        self.loading.as_ref().is_none_or(|(_, since)| since.elapsed() >= LOAD_GRACE)
    }

    /// What to act on next: a key held while an issue was read, else the
    /// next message — waiting at most until the reading place is due to be
    /// saved (then saving it) or a frame is due. `None`: nothing came.
    fn next_msg(&mut self, rx: &Receiver<Msg>, state: &State, queue: &mut VecDeque<Action>) -> Option<Msg> {
        if self.loading.is_none()
            && let Some(e) = self.held.pop_front()
        {
            return Some(Msg::Term(e));
        }
        let save_in = self.moved.map(|t| POSITION_DEBOUNCE.saturating_sub(t.elapsed()));
        let draw_in = self.loading.as_ref().map(|(_, since)| LOAD_GRACE.saturating_sub(since.elapsed()));
        let wait = match (save_in, draw_in.filter(|d| !d.is_zero())) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let msg = match wait {
            Some(wait) => rx.recv_timeout(wait).map_err(|e| e == RecvTimeoutError::Disconnected),
            None => rx.recv().map_err(|_| true),
        };
        match msg {
            Ok(msg) => Some(msg),
            Err(true) => Some(Msg::Gone),
            Err(false) => {
                if self.moved.is_some_and(|t| t.elapsed() >= POSITION_DEBOUNCE) {
                    self.save_positions(state, queue);
                }
                None
            }
        }
    }

    fn save_positions(&mut self, state: &State, queue: &mut VecDeque<Action>) {
        if self.moved.take().is_some() {
            self.store.set_positions(&state.positions, jiff::Timestamp::now());
            self.save(state, queue, false, false);
        }
    }

    /// Saves and tells the app what became of it (when there is anything to
    /// tell). `change`: the save is of a change just made; `refresh`: hand
    /// the stored marks back (the store stamps bookmarks' times).
    fn save(&mut self, state: &State, queue: &mut VecDeque<Action>, change: bool, refresh: bool) {
        let quiet = state.marks.unsaved.is_empty() && state.marks.unsaved.why.is_none();
        let report = self.save_report(change, refresh);
        if quiet && report.marks.is_none() && report.messages.is_empty() && report.unsaved.why.is_none() {
            return;
        }
        queue.push_back(Action::Saved(Box::new(report)));
    }

    /// Saves, noting for the exit what the user should hear again.
    fn save_report(&mut self, change: bool, refresh: bool) -> SaveReport {
        let result = self.store.save(jiff::Timestamp::now());
        let messages: Vec<String> = self.store.take_messages().iter().map(|m| m.say(self.lang)).collect();
        self.told.extend(messages.iter().cloned());
        let why = result.as_ref().err().map(|e| problems::store_error(self.lang, e));
        if let Some(why) = &why {
            self.failed.get_or_insert_with(|| why.clone());
        }
        let refresh = refresh || why.is_some() || matches!(result, Ok(true));
        let marks = refresh.then(|| saved_from(self.store, Vec::new(), false).marks);
        let unsaved = unsaved(self.store, why.map(|w| home_as_tilde(&w)));
        let messages = messages.iter().map(|m| home_as_tilde(m)).collect();
        SaveReport { marks, unsaved, change, messages }
    }
}

/// A message for the bottom line, the home directory written `~` so that
/// paths leave room for what happened.
fn home_as_tilde(message: &str) -> String {
    match directories::BaseDirs::new().map(|d| d.home_dir().to_string_lossy().into_owned()) {
        Some(home) if home.len() > 1 => message.replace(&format!("{home}/"), "~/"),
        _ => message.to_string(),
    }
}

/// What the store has not saved, in the app's terms.
fn unsaved(store: &Store, why: Option<String>) -> Unsaved {
    let u = store.unsaved();
    Unsaved {
        articles: u.bookmarks.iter().chain(&u.read).cloned().collect(),
        marks: u.bookmarks.len() + u.read.len(),
        positions: u.positions,
        why: why.filter(|_| !u.is_empty()),
        kept: matches!(store.kept(), Some(Kept::In(_))),
    }
}

/// What the store holds, in the app's terms; bookmarks of issues whose
/// files are gone are marked missing.
fn saved_from(store: &Store, messages: Vec<String>, resume: bool) -> Saved {
    let loaded = store.loaded();
    let missing = loaded
        .bookmarks
        .values()
        .map(|b| b.source.clone())
        .chain(loaded.positions.last.iter().map(|l| l.source.clone()))
        .filter(|s| !Source::from_name(s).exists())
        .collect();
    Saved {
        marks: Marks { read: loaded.read, bookmarks: loaded.bookmarks, missing, unsaved: unsaved(store, None) },
        positions: loaded.positions,
        messages,
        resume,
        place: None,
        pipe_history: store.pipe_history(),
    }
}

/// What to say about an export: where it went, or why it did not.
fn said(lang: crate::i18n::Lang, saved: Result<PathBuf, (PathBuf, io::Error)>, what: &str) -> String {
    match saved {
        Ok(path) => {
            let path = home_as_tilde(&path.display().to_string());
            lang.f("export-done", &[("what", what.into()), ("path", path.into())])
        }
        Err((path, e)) => {
            let path = home_as_tilde(&path.display().to_string());
            lang.f("export-failed", &[("path", path.into()), ("why", e.to_string().into())])
        }
    }
}

/// glibc gives each thread that allocates its own arena (up to eight per
/// core) and keeps what is freed there for that arena alone. The reader's
/// librarian, searcher and index workers each use tens of MB once over a
/// big library, then little: at 100,000 issues their arenas kept some 20 MB
/// of the reader's peak that no other thread could use. Two arenas share
/// the freed memory and cost nothing measurable here (the threads seldom
/// allocate at once).
fn few_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tunable of glibc's allocator, under the
    // allocator's own lock; arenas made before it are kept as they are.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Ctrl-z: give the terminal back, stop, and take it again when resumed.
fn suspend(term: &mut DefaultTerminal) -> io::Result<()> {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    #[cfg(unix)]
    // SAFETY: raise only delivers a signal to this process; SIGTSTP's
    // default action stops it until SIGCONT, then execution continues here.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    terminal::enable_raw_mode()?;
    execute!(stdout(), terminal::EnterAlternateScreen, EnableMouseCapture, terminal::Clear(terminal::ClearType::All))?;
    // Forget what was on screen so the next frame is drawn whole. Not
    // `Terminal::clear`: it asks the terminal for the cursor position, and
    // the input thread owns the terminal's answers.
    term.swap_buffers();
    term.swap_buffers();
    Ok(())
}

/// Asks the terminal how wide it draws an ambiguous character: print one
/// at the top-left corner and read where the cursor went.
fn probe_ambiguous() -> Ambiguous {
    let mut out = stdout();
    let asked = execute!(out, cursor::MoveTo(0, 0), Print("“")).and_then(|_| out.flush());
    let answer = asked.and_then(|_| cursor::position());
    let _ = execute!(out, cursor::MoveTo(0, 0), Print("  "), cursor::MoveTo(0, 0));
    match answer {
        Ok((2, _)) => Ambiguous::Wide,
        _ => Ambiguous::Narrow,
    }
}
