//! The real binary in a pseudo-terminal: keys in, screen read back through
//! vt100. Waiting is polling the screen for what should appear, with a
//! deadline — never sleeping for a guessed time.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long anything may take to appear before a test fails.
const DEADLINE: Duration = Duration::from_secs(15);

/// A running dubao in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// The home directory the process runs with.
    pub home: PathBuf,
    /// Keeps a temporary home alive as long as the process needs it.
    tmp: Option<tempfile::TempDir>,
}

impl Pty {
    /// Starts `dubao ARGS` at `cols`×`rows` with a fresh temporary HOME and
    /// XDG_CONFIG_HOME, as a terminal that draws ambiguous characters narrow.
    pub fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        let home = tempfile::tempdir().unwrap();
        Pty::spawn_in(args, cols, rows, home, false)
    }

    /// Like [`Pty::spawn`] with a given home (to restart in the same one);
    /// `wide_ambiguous` makes the terminal answer the width probe as a
    /// CJK-configured terminal would (the screen model itself stays narrow).
    pub fn spawn_in(args: &[&str], cols: u16, rows: u16, home: tempfile::TempDir, wide_ambiguous: bool) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dubao"));
        cmd.args(args);
        let path = home.path().to_path_buf();
        Pty::start(cmd, cols, rows, path, Some(home), wide_ambiguous, &[])
    }

    /// Like [`Pty::spawn_in`] with arguments that need not be UTF-8 (file names).
    pub fn spawn_os(args: &[&std::ffi::OsStr], cols: u16, rows: u16, home: tempfile::TempDir) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dubao"));
        cmd.args(args);
        let path = home.path().to_path_buf();
        Pty::start(cmd, cols, rows, path, Some(home), false, &[])
    }

    /// Like [`Pty::spawn_in`] with extra environment variables.
    pub fn spawn_env(args: &[&str], cols: u16, rows: u16, home: tempfile::TempDir, env: &[(&str, &str)]) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dubao"));
        cmd.args(args);
        let path = home.path().to_path_buf();
        Pty::start(cmd, cols, rows, path, Some(home), false, env)
    }

    /// Like [`Pty::spawn`] in a home another process uses too.
    pub fn spawn_at(args: &[&str], cols: u16, rows: u16, home: &Path) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dubao"));
        cmd.args(args);
        Pty::start(cmd, cols, rows, home.to_path_buf(), None, false, &[])
    }

    /// Hands the temporary home over (to restart dubao in it).
    pub fn take_home(&mut self) -> tempfile::TempDir {
        self.tmp.take().expect("a temporary home")
    }

    /// Runs dubao from a bash script with job control on (`set -m`), as a
    /// shell would: `$DUBAO` is the binary.
    pub fn spawn_shell(script: &str, cols: u16, rows: u16) -> Pty {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["-c", script]);
        let home = tempfile::tempdir().unwrap();
        let path = home.path().to_path_buf();
        Pty::start(cmd, cols, rows, path, Some(home), false, &[])
    }

    /// Runs `PREFIX… bash -c SCRIPT bash ARGS…` in `home` (`$DUBAO` is the binary):
    /// a script that may mount, start dubao and change its files while it runs.
    pub fn spawn_script(
        prefix: &[&str],
        script: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        home: tempfile::TempDir,
    ) -> Pty {
        let mut cmd = CommandBuilder::new(prefix.first().copied().unwrap_or("bash"));
        if !prefix.is_empty() {
            cmd.args(&prefix[1..]);
            cmd.arg("bash");
        }
        cmd.args(["-c", script, "bash"]);
        cmd.args(args);
        let path = home.path().to_path_buf();
        Pty::start(cmd, cols, rows, path, Some(home), false, &[])
    }

    fn start(
        mut cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        home: PathBuf,
        tmp: Option<tempfile::TempDir>,
        wide_ambiguous: bool,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair =
            native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env_clear();
        cmd.env("DUBAO", env!("CARGO_BIN_EXE_dubao"));
        cmd.env("HOME", &home);
        cmd.env("XDG_CONFIG_HOME", home.join(".config"));
        cmd.env("XDG_CACHE_HOME", home.join(".cache"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn dubao");
        drop(pair.slave);
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (s, r, w) = (screen.clone(), raw.clone(), writer.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let chunk = &buf[..n];
                let mut parser = s.lock().unwrap();
                parser.process(chunk);
                r.lock().unwrap().extend_from_slice(chunk);
                // Answer cursor-position queries (the ambiguous-width probe)
                // as a real terminal would.
                if chunk.windows(4).any(|w| w == b"\x1b[6n") {
                    let (row, col) = parser.screen().cursor_position();
                    let col = if wide_ambiguous { col + 1 } else { col };
                    let _ = write!(w.lock().unwrap(), "\x1b[{};{}R", row + 1, col + 1);
                }
            }
        });
        Pty { master: pair.master, writer, child, screen, raw, home, tmp }
    }

    /// Types keys (raw bytes: `"j"`, `"\r"`, `"\x1b"`).
    pub fn send(&self, keys: &str) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// The screen's text, row by row.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// The characters drawn on a background colour (search matches), row
    /// by row, runs parted by spaces.
    pub fn highlighted(&self) -> String {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut out = String::new();
        for r in 0..rows.get() {
            let mut last = false;
            for c in 0..cols.get() {
                let Some(cell) = screen.cell(r, c).filter(|c| !c.is_wide_continuation()) else { continue };
                let lit = cell.bgcolor() != vt100::Color::Default;
                if lit {
                    out.push_str(cell.contents());
                } else if last {
                    out.push(' ');
                }
                last = lit;
            }
        }
        out
    }

    /// What the terminal shows in the cell at (`col`, `row`): its text, or
    /// `None` for the right half of a wide character (or outside the screen).
    pub fn cell(&self, col: u16, row: u16) -> Option<String> {
        let parser = self.screen.lock().unwrap();
        let cell = parser.screen().cell(row, col)?;
        (!cell.is_wide_continuation()).then(|| cell.contents().to_string())
    }

    /// Whether the cell at (`col`, `row`) is drawn bold.
    pub fn bold(&self, col: u16, row: u16) -> bool {
        let parser = self.screen.lock().unwrap();
        parser.screen().cell(row, col).is_some_and(|c| c.bold())
    }

    /// Where the cursor is: (column, row).
    pub fn cursor(&self) -> (u16, u16) {
        let (row, col) = self.screen.lock().unwrap().screen().cursor_position();
        (col, row)
    }

    /// Waits until the screen satisfies `ok`; fails the test with the screen otherwise.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let text = self.contents();
            if ok(&text) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; the screen:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Resizes the terminal (and the screen model) to `cols`×`rows`.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.screen.lock().unwrap().screen_mut().set_size(nz(rows), nz(cols));
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    }

    /// Whether the alternate screen is active.
    pub fn alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    /// Every byte the program wrote to the terminal.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("dubao did not exit; the screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Waits until the bytes written to the terminal contain `needle`.
    pub fn wait_raw(&self, what: &str, needle: &[u8]) {
        let start = Instant::now();
        while !self.raw().windows(needle.len()).any(|w| w == needle) {
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; the screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the program at once (SIGKILL), as a crash or `kill -9` would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// True when the terminal is in canonical mode with echo: out of raw mode.
    #[cfg(unix)]
    pub fn cooked(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("pty fd");
        // SAFETY: tcgetattr fills a plain C struct for a valid descriptor.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// vt100 wants non-zero sizes; a 0 stands for 1.
fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}
