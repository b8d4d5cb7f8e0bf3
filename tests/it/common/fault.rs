//! Faults on real file systems: a tmpfs made read-only (`mount -o
//! remount,bind,ro`: the mount, which a user namespace may change, rather
//! than the file system, which only root may) or filled up while dubao runs. Mounting takes privileges, found in this order: a user and
//! mount namespace (`unshare -rm`: no root needed where the kernel allows
//! unprivileged user namespaces), else a mount namespace as root
//! (`unshare -m`). Where neither works, [`mounts`] says why, and a test
//! falls back to a real equivalent (permissions, for a user they bind) or
//! says loudly that it skipped the case — never passes without checking.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// How this machine lets a test mount a tmpfs.
#[derive(Debug, Clone)]
pub enum Mounts {
    /// Run the command under this prefix; inside, `mount` works.
    Under(Vec<&'static str>),
    /// No way to mount here, and why.
    No(String),
}

/// How to mount here, found once per test binary by trying.
pub fn mounts() -> &'static Mounts {
    static FOUND: OnceLock<Mounts> = OnceLock::new();
    FOUND.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut why = Vec::new();
        for prefix in [vec!["unshare", "-rm"], vec!["unshare", "-m"]] {
            let out = Command::new(prefix[0])
                .args(&prefix[1..])
                .args(["sh", "-c", "mount -t tmpfs -o size=64k dubao-probe \"$0\" && mount -o remount,bind,ro \"$0\""])
                .arg(dir.path())
                .stdin(Stdio::null())
                .output();
            match out {
                Ok(o) if o.status.success() => return Mounts::Under(prefix),
                Ok(o) => why.push(format!("`{}`: {}", prefix.join(" "), String::from_utf8_lossy(&o.stderr).trim())),
                Err(e) => why.push(format!("`{}`: {e}", prefix.join(" "))),
            }
        }
        Mounts::No(why.join("; "))
    })
}

/// Whether permissions bind this user (they don't bind root).
pub fn permissions_bind() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() != 0 }
}

/// Says on the terminal, past cargo's capture of test output, that a case
/// was not checked and why.
pub fn skipped(case: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "\n*** SKIPPED: {case}\n*** because {why}\n");
}

/// `chmod MODE PATH`.
pub fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The script behind a [`Session`]: mounts a tmpfs over the config home
/// (where dubao keeps its state) when given a size, then runs commands
/// from one FIFO in the background (to change the file system while dubao
/// runs) and dubao with the arguments from another in the foreground.
const SCRIPT: &str = r#"
set -u
ctl=$1 runs=$2 acks=$3 size=$4
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
if [ -n "$size" ]; then
  mount -t tmpfs -o "size=$size" dubao-test "$XDG_CONFIG_HOME" || { echo "[mount failed]"; exit 99; }
fi
exec 3<>"$ctl" 4<>"$runs"
(
  while IFS=$'\t' read -r n cmd <&3; do
    [ "$cmd" = quit ] && exit 0
    eval "$cmd" >/dev/null 2>&1
    echo "$n $?" >> "$acks"
  done
) &
echo "[ready]"
while IFS= read -r line <&4; do
  [ "$line" = quit ] && exit 0
  eval "set -- $line"
  "$DUBAO" "$@"
  echo "[dubao exited $?]"
done
"#;

/// dubao run by a script in a pseudo-terminal, its state directory on a
/// tmpfs of its own that the test can make read-only or fill up, in a
/// mount namespace when `prefix` is `unshare …`.
pub struct Session {
    /// The terminal: dubao's screen, then what it printed when it quit.
    pub t: super::pty::Pty,
    ctl: std::fs::File,
    runs: std::fs::File,
    acks: std::path::PathBuf,
    sent: usize,
    runs_done: usize,
    _fifos: tempfile::TempDir,
}

impl Session {
    /// Starts the script under `prefix` with a tmpfs of `size` (`"256k"`)
    /// over `$XDG_CONFIG_HOME`, or none when `size` is empty.
    pub fn start(prefix: &[&str], size: &str, home: tempfile::TempDir) -> Session {
        let fifos = tempfile::tempdir().expect("temp dir");
        let (ctl, runs, acks) = (fifos.path().join("ctl"), fifos.path().join("runs"), fifos.path().join("acks"));
        for fifo in [&ctl, &runs] {
            assert!(Command::new("mkfifo").arg(fifo).status().expect("mkfifo").success());
        }
        let args = [ctl.to_str().unwrap(), runs.to_str().unwrap(), acks.to_str().unwrap(), size];
        let t = super::pty::Pty::spawn_script(prefix, SCRIPT, &args, 120, 36, home);
        t.wait_raw("the script to be ready", b"[ready]");
        // The script holds both FIFOs open, so these opens don't wait.
        let open = |p: &Path| std::fs::OpenOptions::new().write(true).open(p).expect("open fifo");
        Session { ctl: open(&ctl), runs: open(&runs), t, acks, sent: 0, runs_done: 0, _fifos: fifos }
    }

    /// Starts dubao with `args` in the terminal.
    pub fn run(&mut self, args: &[&str]) {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{}'", a.replace('\'', r"'\''"))).collect();
        writeln!(self.runs, "{}", quoted.join(" ")).expect("write fifo");
    }

    /// Waits for the dubao started last to exit; returns its exit status.
    pub fn exited(&mut self) -> i32 {
        self.runs_done += 1;
        let n = self.runs_done;
        self.t.wait_for(&format!("dubao run {n} to exit"), |_| self.exit_code(n).is_some());
        self.exit_code(n).unwrap_or(-1)
    }

    fn exit_code(&self, n: usize) -> Option<i32> {
        let raw = String::from_utf8_lossy(&self.t.raw()).into_owned();
        raw.split("[dubao exited ").nth(n)?.split(']').next()?.parse().ok()
    }

    /// Runs a shell command where the tmpfs is mounted (in the namespace)
    /// while dubao goes on; returns its exit status.
    pub fn sh(&mut self, command: &str) -> i32 {
        self.sent += 1;
        let n = self.sent;
        writeln!(self.ctl, "{n}\t{command}").expect("write fifo");
        self.t.wait_for(&format!("`{command}` to be done"), |_| self.ack(n).is_some());
        self.ack(n).unwrap_or(-1)
    }

    fn ack(&self, n: usize) -> Option<i32> {
        let acks = std::fs::read_to_string(&self.acks).unwrap_or_default();
        acks.lines().find_map(|l| l.strip_prefix(&format!("{n} "))?.parse().ok())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = writeln!(self.ctl, "0\tquit");
        let _ = writeln!(self.runs, "quit");
    }
}
