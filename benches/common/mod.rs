//! What the benches that run the real binary share: the time from spawn to
//! the first frame in a pseudo-terminal, a child's exit status and peak
//! RSS, and medians. Included by path
//! (`#[path = "common/mod.rs"]`), beside `tests/it/common/pty.rs`, which it
//! drives.

#![allow(dead_code)]

use super::pty::Pty;
use std::time::{Duration, Instant};

/// Milliseconds from spawning dubao with `args` in `home` (120×36) until
/// `text` is on screen; then it is told to quit. Panics after `give_up`.
pub fn first_frame(args: &[&str], text: &str, home: tempfile::TempDir, give_up: Duration) -> f64 {
    let start = Instant::now();
    let mut t = Pty::spawn_in(args, 120, 36, home, false);
    // Poll every millisecond: the tests' 20 ms polling would swamp the figure.
    while !t.contents().contains(text) {
        assert!(start.elapsed() < give_up, "no first frame; the screen:\n{}", t.contents());
        std::thread::sleep(Duration::from_millis(1));
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    t.send("q");
    t.wait_exit();
    ms
}

/// The median (the upper one of an even count).
pub fn median<T: PartialOrd + Copy>(mut v: Vec<T>) -> T {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    v[v.len() / 2]
}

/// Waits for the child; its exit status and peak RSS (KiB), from wait4's
/// rusage (the per-child form of getrusage(RUSAGE_CHILDREN)).
#[cfg(unix)]
pub fn reap(child: std::process::Child) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it in for this child only.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4");
    // Reaped: nothing left for `Child` to wait for.
    std::mem::forget(child);
    (libc::WEXITSTATUS(status), usage.ru_maxrss as u64)
}

/// Without wait4: the exit status, and no RSS.
#[cfg(not(unix))]
pub fn reap(mut child: std::process::Child) -> (i32, u64) {
    (child.wait().unwrap().code().unwrap_or(-1), 0)
}
