//! Terminal input, read on its own thread and sent to the event loop, and
//! handed over: while a piped command has the terminal, the thread stops
//! reading so that every key goes to the command.
//!
//! The thread waits for input at most [`POLL`] at a time so that a pause
//! takes effect between two waits; a key that arrives is read at once.

use ratatui::crossterm::event::{self, Event};
use std::io;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// Longest a pause waits for the reading thread to let go.
const POLL: Duration = Duration::from_millis(50);

#[derive(Default)]
struct Flags {
    /// Asked to stop reading.
    paused: bool,
    /// Has stopped reading (not inside a wait for input).
    idle: bool,
}

/// The reading thread's switch.
#[derive(Clone, Default)]
pub struct Input(Arc<(Mutex<Flags>, Condvar)>);

impl Input {
    /// Starts reading; every event (or the error that ends reading) goes
    /// to `send`, until it returns false.
    pub fn start(send: impl Fn(io::Result<Event>) -> bool + Send + 'static) -> Input {
        let input = Input::default();
        let pair = input.0.clone();
        std::thread::spawn(move || {
            loop {
                {
                    let (lock, cv) = &*pair;
                    let mut flags = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while flags.paused {
                        flags.idle = true;
                        cv.notify_all();
                        flags = cv.wait(flags).unwrap_or_else(|e| e.into_inner());
                    }
                    flags.idle = false;
                }
                let got = match event::poll(POLL) {
                    Ok(false) => continue,
                    Ok(true) => event::read(),
                    Err(e) => Err(e),
                };
                let failed = got.is_err();
                if !send(got) || failed {
                    break;
                }
            }
        });
        input
    }

    /// Stops reading; returns once nothing is being read.
    pub fn pause(&self) {
        let (lock, cv) = &*self.0;
        let mut flags = lock.lock().unwrap_or_else(|e| e.into_inner());
        flags.paused = true;
        while !flags.idle {
            let (f, timeout) = cv.wait_timeout(flags, POLL * 4).unwrap_or_else(|e| e.into_inner());
            flags = f;
            // The thread has ended (the terminal is gone): nothing reads.
            if timeout.timed_out() && !flags.idle {
                break;
            }
        }
    }

    /// Reads again.
    pub fn resume(&self) {
        let (lock, cv) = &*self.0;
        let mut flags = lock.lock().unwrap_or_else(|e| e.into_inner());
        flags.paused = false;
        cv.notify_all();
    }
}
