//! Paging long output, as git does: through `$DUBAO_PAGER`, else the
//! config's `pager`, else `$PAGER`, else `less -FRX` — only when stdout is
//! a terminal and the text is taller than it. An empty pager (or `cat`)
//! and `--no-pager` print straight; a pager that isn't there prints
//! straight too, without a word.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The pager used when nothing names one.
pub const DEFAULT: &str = "less -FRX";

/// Whether and how to page.
pub struct Pager {
    /// `--no-pager`.
    pub off: bool,
    /// The config's `pager`, when it sets one.
    pub configured: Option<String>,
}

/// The pager command to run, from `$DUBAO_PAGER`, the config, `$PAGER`,
/// the default, in that order; `None` when the first one set is empty or `cat`.
pub fn command(configured: Option<&str>, env: impl Fn(&str) -> Option<OsString>) -> Option<String> {
    let chosen = env("DUBAO_PAGER")
        .map(|v| v.to_string_lossy().into_owned())
        .or_else(|| configured.map(str::to_string))
        .or_else(|| env("PAGER").map(|v| v.to_string_lossy().into_owned()))
        .unwrap_or_else(|| DEFAULT.to_string());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_string())
}

/// How many terminal rows `text` takes at `cols` columns (escape sequences
/// take none, wide characters two cells).
pub fn rows(text: &str, cols: u16) -> usize {
    let cols = usize::from(cols.max(1));
    text.lines().map(|line| visible_width(line).div_ceil(cols).max(1)).sum()
}

fn visible_width(line: &str) -> usize {
    let mut width = 0;
    let mut rest = line;
    while let Some(at) = rest.find('\x1b') {
        width += unicode_width::UnicodeWidthStr::width(&rest[..at]);
        let after = &rest[at + 1..];
        rest = match after.strip_prefix('[') {
            Some(csi) => csi.find(|c: char| ('\x40'..='\x7e').contains(&c)).map_or("", |end| &csi[end + 1..]),
            None => after,
        };
    }
    width + unicode_width::UnicodeWidthStr::width(rest)
}

/// Prints `text` on stdout, through the pager when it is one's to page.
pub fn print(text: &str, pager: &Pager) -> io::Result<()> {
    let out = io::stdout();
    if pager.off || !out.is_terminal() {
        return write_stdout(text.as_bytes());
    }
    let fits = ratatui::crossterm::terminal::size().is_ok_and(|(cols, height)| rows(text, cols) < usize::from(height));
    let program = command(pager.configured.as_deref(), |k| std::env::var_os(k));
    match program.filter(|_| !fits).and_then(|p| spawn(&p)) {
        Some(child) => feed(child, text),
        None => write_stdout(text.as_bytes()),
    }
}

/// Starts the pager with its stdin a pipe; `None` when it isn't there.
fn spawn(program: &str) -> Option<std::process::Child> {
    let words: Vec<&str> = program.split_whitespace().collect();
    // `LESS=R less`: the program is the first word that sets nothing.
    let found = found(words.iter().find(|w| !w.contains('='))?)?;
    // Anything a shell would read differently goes through one, as git does.
    let mut cmd = if program.contains(|c: char| "|&;<>()$`\\\"'*?[]#~=%".contains(c)) {
        let mut sh = Command::new("sh");
        sh.args(["-c", program]);
        sh
    } else {
        let mut cmd = Command::new(found);
        cmd.args(&words[1..]);
        cmd
    };
    // What git sets, so that a plain `less` still shows colours and quits on short text.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        cmd.env("LV", "-c");
    }
    cmd.stdin(Stdio::piped()).spawn().ok()
}

/// The program a command's first word names, looked up on `$PATH`.
fn found(word: &str) -> Option<PathBuf> {
    let is_file = |p: &Path| p.is_file();
    if word.contains(std::path::MAIN_SEPARATOR) || word.contains('/') {
        let path = PathBuf::from(word);
        return is_file(&path).then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(word)).find(|p| is_file(p))
}

/// Writes `text` into the pager and waits for it to end. Quitting the
/// pager early closes the pipe: not an error. While it runs, Ctrl-C is the
/// pager's (less keeps the terminal), not a reason for dubao to leave it.
fn feed(mut child: std::process::Child, text: &str) -> io::Result<()> {
    let _ignoring = IgnoreInterrupt::new();
    let written = child.stdin.take().map_or(Ok(()), |mut stdin| stdin.write_all(text.as_bytes()));
    let waited = child.wait();
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
        _ => waited.map(|_| ()),
    }
}

/// Ignores SIGINT while alive (the pager started before it, so it keeps
/// its own), then puts back what was there.
struct IgnoreInterrupt {
    #[cfg(unix)]
    old: libc::sighandler_t,
}

impl IgnoreInterrupt {
    fn new() -> IgnoreInterrupt {
        #[cfg(unix)]
        {
            // SAFETY: setting a signal's disposition to SIG_IGN has no preconditions.
            let old = unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) };
            IgnoreInterrupt { old }
        }
        #[cfg(not(unix))]
        IgnoreInterrupt {}
    }
}

impl Drop for IgnoreInterrupt {
    fn drop(&mut self) {
        #[cfg(unix)]
        if self.old != libc::SIG_ERR {
            // SAFETY: putting back the disposition `signal` returned.
            unsafe {
                libc::signal(libc::SIGINT, self.old);
            }
        }
    }
}

/// Writes all of `bytes` to stdout.
pub fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |k| vars.iter().find(|(name, _)| *name == k).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn the_pager_is_chosen_in_gits_order() {
        assert_eq!(command(None, env(&[])).as_deref(), Some(DEFAULT));
        assert_eq!(command(None, env(&[("PAGER", "more")])).as_deref(), Some("more"));
        assert_eq!(command(Some("bat"), env(&[("PAGER", "more")])).as_deref(), Some("bat"));
        assert_eq!(command(Some("bat"), env(&[("DUBAO_PAGER", "most"), ("PAGER", "more")])).as_deref(), Some("most"));
        assert_eq!(command(Some(""), env(&[("PAGER", "more")])), None, "pager = \"\" turns it off");
        assert_eq!(command(None, env(&[("PAGER", "")])), None);
        assert_eq!(command(None, env(&[("DUBAO_PAGER", "cat")])), None);
        assert_eq!(command(Some(""), env(&[("DUBAO_PAGER", "less")])).as_deref(), Some("less"));
    }

    #[test]
    fn rows_count_wrapped_lines_wide_characters_and_no_escapes() {
        assert_eq!(rows("a\nb\n", 80), 2);
        assert_eq!(rows("", 80), 0);
        assert_eq!(rows("\n\n", 80), 2);
        assert_eq!(rows(&"x".repeat(81), 80), 2);
        assert_eq!(rows(&"读".repeat(40), 80), 1);
        assert_eq!(rows(&"读".repeat(41), 80), 2);
        assert_eq!(rows(&format!("\x1b[1;31m{}\x1b[0m", "x".repeat(80)), 80), 1);
    }

    #[test]
    fn a_missing_program_is_not_found() {
        assert_eq!(found("/no/such/pager"), None);
        assert_eq!(found("no-such-pager-for-dubao"), None);
        assert!(found("sh").is_some());
    }
}
