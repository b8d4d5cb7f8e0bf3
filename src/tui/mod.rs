//! The terminal shell: sets the terminal up and restores it (on quit,
//! error and panic), turns terminal events into actions, performs effects:
//! loading issues, saving what the reader keeps, stopping for Ctrl-z.

mod events;
mod worker;

pub use events::to_action;
pub use worker::Shelf;

use crate::app::{self, Action, Effect, Keymap, Marks, Saved, Settings, State};
use crate::layout::Ambiguous;
use crate::library::Source;
use crate::store::Store;
use crate::ui::{self, Theme};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::{cursor, execute, style::Print, terminal};
use std::collections::VecDeque;
use std::io::{self, Write, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use worker::Worker;

/// How long the reading place may go unsaved after it moves: saves are
/// batched while scrolling, yet a crash loses at most this much.
const POSITION_DEBOUNCE: Duration = Duration::from_millis(300);

/// How the width of ambiguous characters is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmbiguousSetting {
    /// Ask the terminal at start-up; narrow if it can't say.
    Auto,
    /// As configured.
    Fixed(Ambiguous),
}

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
    pub ambiguous: AmbiguousSetting,
    /// Where bookmarks, read marks and positions are kept.
    pub store: Store,
    /// Problems met opening the store, for the status line.
    pub messages: Vec<String>,
    /// Go back to the last issue read (no PATH was given).
    pub resume: bool,
    /// Where the archive index lives (`None`: don't keep one).
    pub cache: Option<PathBuf>,
}

/// Everything the event loop waits for.
enum Msg {
    /// A key, mouse or resize event.
    Term(Event),
    /// The terminal could not be read.
    TermError(io::Error),
    /// A report from the background worker.
    Work(Action),
}

/// Runs the reader until the user quits.
pub fn run(start: Start) -> io::Result<()> {
    let Start { known, shelf, mut settings, keymap, theme, ambiguous, mut store, messages, resume, cache } = start;
    // ratatui::init enters raw mode and the alternate screen and installs a
    // panic hook that restores the terminal before the panic is reported.
    let mut term = ratatui::init();
    let result = (|| {
        execute!(stdout(), EnableMouseCapture)?;
        settings.layout.ambiguous = match ambiguous {
            AmbiguousSetting::Fixed(a) => a,
            AmbiguousSetting::Auto => probe_ambiguous(),
        };
        let size = term.size()?;
        let names = known.iter().map(Source::name).collect();
        let mut state = State::new(names, settings, keymap, (size.width, size.height));
        let saved = saved_from(&store, messages, resume);
        // One channel for everything: terminal input (read on its own thread,
        // after the width probe has had its answer) and background reports.
        let (tx, rx) = mpsc::channel();
        let input = tx.clone();
        std::thread::spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(e) => Msg::Term(e),
                    Err(e) => Msg::TermError(e),
                };
                let failed = matches!(msg, Msg::TermError(_));
                if input.send(msg).is_err() || failed {
                    break;
                }
            }
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
        let worker = Worker::start(shelf, cache, work_tx);
        let mut shell = Shell { store: &mut store, worker, moved: None };
        shell.event_loop(&mut term, &mut state, &theme, &rx, Action::Restore(Box::new(saved)))
    })();
    // Whatever happened, what was kept is written before leaving.
    let _ = store.save(jiff::Timestamp::now());
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

struct Shell<'a> {
    store: &'a mut Store,
    worker: Worker,
    /// When the reading place last moved without being saved.
    moved: Option<Instant>,
}

impl Shell<'_> {
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
                            self.worker.cancel();
                            self.save_positions(state, &mut queue);
                            return Ok(());
                        }
                        Effect::Suspend => suspend(term)?,
                        Effect::Load(i) => queue.push_back(Action::Loaded { index: i, result: load(state, i) }),
                        Effect::Record(change) => {
                            bookmarks_changed |= !matches!(change, crate::model::Change::Read(..));
                            self.store.record(&change, jiff::Timestamp::now());
                            urgent = true;
                        }
                        Effect::Moved => {
                            self.moved.get_or_insert_with(Instant::now);
                        }
                        Effect::ArchiveSearch { search, query } => self.worker.search(search, query),
                        Effect::CancelArchiveSearch => self.worker.cancel(),
                    }
                }
            }
            // A bookmark or read mark is on disk before the screen says so.
            if urgent {
                self.save(state, &mut queue, bookmarks_changed);
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
            term.draw(|frame| ui::draw(frame, state, theme))?;
            self.worker.begin();
            // To check crash reporting end to end: crash once the screen is up.
            if std::env::var_os("DUBAO_TEST_PANIC").is_some() {
                panic!("DUBAO_TEST_PANIC is set");
            }
            let msg = match self.moved.map(|t| POSITION_DEBOUNCE.saturating_sub(t.elapsed())) {
                Some(wait) => match rx.recv_timeout(wait) {
                    Ok(msg) => msg,
                    Err(RecvTimeoutError::Timeout) => {
                        self.save_positions(state, &mut queue);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return Ok(()),
                },
                None => match rx.recv() {
                    Ok(msg) => msg,
                    Err(_) => return Ok(()),
                },
            };
            match msg {
                Msg::Term(e) => queue.extend(to_action(e, state.mode(), &state.keymap)),
                Msg::TermError(e) => return Err(e),
                Msg::Work(action) => queue.push_back(action),
            }
        }
    }

    fn save_positions(&mut self, state: &State, queue: &mut VecDeque<Action>) {
        if self.moved.take().is_some() {
            self.store.set_positions(&state.positions, jiff::Timestamp::now());
            self.save(state, queue, false);
        }
    }

    /// Saves; when other readers' changes came in, or this reader's
    /// bookmarks changed (the store stamps their times), hands the stored
    /// marks back to the app.
    fn save(&mut self, state: &State, queue: &mut VecDeque<Action>, refresh: bool) {
        match self.store.save(jiff::Timestamp::now()) {
            Ok(merged) if merged || refresh => {
                let mut saved = saved_from(self.store, Vec::new(), false);
                saved.positions = state.positions.clone();
                queue.push_back(Action::Merged(Box::new(saved)));
            }
            Ok(_) => {}
            Err(e) => queue.push_back(Action::Notice(format!("could not save: {e}"))),
        }
    }
}

/// Reads issue `i` of the library, by its name.
fn load(state: &State, i: usize) -> Result<Arc<crate::model::Issue>, String> {
    let slot = state.library.slots.get(i).ok_or_else(|| format!("no issue {i}"))?;
    Source::from_name(slot.name()).load().map(|p| Arc::new(p.issue)).map_err(|e| e.to_string())
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
        marks: Marks { read: loaded.read, bookmarks: loaded.bookmarks, missing },
        positions: loaded.positions,
        messages,
        resume,
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
