//! `|`: the article's text piped to a shell command that has the terminal
//! to itself (the reader's screen put away, raw mode off) until it ends
//! and Enter is pressed, as `less` does for `!command`.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{execute, terminal};
use std::io::{self, BufRead, Write, stdout};
use std::process::{Command, Stdio};

/// Runs `command` with `text` on its stdin; the terminal is the reader's
/// again afterwards, whatever happened. The outer error: the terminal could
/// not be taken back; the inner: the command's exit status, or why it
/// could not be run.
pub fn run(term: &mut DefaultTerminal, command: &str, text: &str) -> io::Result<Result<i32, String>> {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    let result = spawn(command, text);
    let said = match &result {
        Ok(0) => String::new(),
        Ok(code) => format!(" (exit status {code})"),
        Err(why) => format!(" ({why})"),
    };
    print!("\n[dubao: {command} done{said} — press Enter to return to the reader]");
    let _ = stdout().flush();
    let _ = io::stdin().lock().read_line(&mut String::new());
    terminal::enable_raw_mode()?;
    execute!(stdout(), terminal::EnterAlternateScreen, EnableMouseCapture, terminal::Clear(terminal::ClearType::All))?;
    // Forget what was on screen so the next frame is drawn whole.
    term.swap_buffers();
    term.swap_buffers();
    Ok(result)
}

fn spawn(command: &str, text: &str) -> Result<i32, String> {
    let mut child = shell(command).stdin(Stdio::piped()).spawn().map_err(|e| format!("could not run: {e}"))?;
    // Written from another thread: a command that reads little (`head`)
    // must not leave the reader stuck on a full pipe.
    let writer = child.stdin.take().map(|mut stdin| {
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = stdin.write_all(text.as_bytes());
        })
    });
    let status = child.wait().map_err(|e| e.to_string())?;
    if let Some(w) = writer {
        let _ = w.join();
    }
    Ok(status.code().unwrap_or(-1))
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c").arg(command);
    c
}

#[cfg(not(unix))]
fn shell(command: &str) -> Command {
    let mut c = Command::new("cmd");
    c.arg("/C").arg(command);
    c
}
