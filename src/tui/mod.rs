//! The terminal shell: sets the terminal up and restores it (on quit,
//! error and panic), turns terminal events into actions, performs effects.

mod events;

pub use events::to_action;

use crate::app::{self, Action, Effect, Keymap, Settings, State};
use crate::layout::Ambiguous;
use crate::library::Source;
use crate::ui::{self, Theme};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{cursor, execute, style::Print, terminal};
use std::collections::VecDeque;
use std::io::{self, Write, stdout};
use std::sync::Arc;

/// How the width of ambiguous characters is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmbiguousSetting {
    /// Ask the terminal at start-up; narrow if it can't say.
    Auto,
    /// As configured.
    Fixed(Ambiguous),
}

/// Runs the reader on `sources` until the user quits.
pub fn run(
    sources: Vec<Source>,
    mut settings: Settings,
    keymap: Keymap,
    theme: Theme,
    ambiguous: AmbiguousSetting,
) -> io::Result<()> {
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
        let names = sources.iter().map(Source::display_name).collect();
        let mut state = State::new(names, settings, keymap, (size.width, size.height));
        event_loop(&mut term, &mut state, &sources, &theme)
    })();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(term: &mut DefaultTerminal, state: &mut State, sources: &[Source], theme: &Theme) -> io::Result<()> {
    let mut queue: VecDeque<Action> = VecDeque::new();
    if !sources.is_empty() {
        queue.push_back(Action::Loaded { index: 0, result: load(&sources[0]) });
    }
    loop {
        while let Some(action) = queue.pop_front() {
            for effect in app::update(state, action) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => suspend(term)?,
                    Effect::Load(i) => {
                        if let Some(source) = sources.get(i) {
                            queue.push_back(Action::Loaded { index: i, result: load(source) });
                        }
                    }
                }
            }
        }
        term.draw(|frame| ui::draw(frame, state, theme))?;
        if let Some(action) = to_action(event::read()?, state.mode(), &state.keymap) {
            queue.push_back(action);
        }
    }
}

fn load(source: &Source) -> Result<Arc<crate::model::Issue>, String> {
    source.load().map(|p| Arc::new(p.issue)).map_err(|e| e.to_string())
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
    execute!(stdout(), terminal::EnterAlternateScreen, EnableMouseCapture)?;
    term.clear()
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
