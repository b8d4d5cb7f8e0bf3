//! The index's reads and writes at an offset, and the crash points the
//! fault test kills an update at.

use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

/// Files being written start so; a writer that died leaves them, and the
/// next one (holding the lock) removes them.
pub(super) const TEMP_PREFIX: &str = ".tmp-";

#[cfg(unix)]
pub(super) fn read_exact_at(f: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

#[cfg(windows)]
pub(super) fn read_exact_at(f: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(f, buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(unix)]
pub(super) fn write_all_at(f: &File, buf: &[u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, offset)
}

#[cfg(windows)]
pub(super) fn write_all_at(f: &File, mut buf: &[u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(f, buf, offset)?;
        buf = &buf[n..];
        offset += n as u64;
    }
    Ok(())
}

/// Points of an update where a crash leaves something behind, passed so far.
static CRASH_POINTS: AtomicU64 = AtomicU64::new(0);

/// For the fault test: with `DUBAO_INDEX_CRASH_AT=n` in the environment the
/// process is killed (as by `kill -9`: nothing flushed, nothing cleaned up)
/// at the `n`th point of index writing where a crash could leave a file
/// half written or a step half done. Otherwise only counts.
pub(super) fn crash_point() {
    static AT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let passed = CRASH_POINTS.fetch_add(1, Ordering::Relaxed);
    let at = AT.get_or_init(|| std::env::var("DUBAO_INDEX_CRASH_AT").ok()?.parse().ok());
    if *at == Some(passed) {
        #[cfg(unix)]
        // SAFETY: raising a signal at our own process.
        unsafe {
            libc::raise(libc::SIGKILL);
        }
        std::process::abort();
    }
}

/// How many crash points index writing has passed in this process (for the fault test).
#[doc(hidden)]
pub fn crash_points_passed() -> u64 {
    CRASH_POINTS.load(Ordering::Relaxed)
}
