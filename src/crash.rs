//! What happens when dubao panics anyway: the terminal is restored (by
//! the hook `ratatui::init` puts in front of this one), a report with the
//! backtrace is written to the cache directory, and a short message says
//! where. A panic on a background thread ends the process too, rather
//! than leave a reader that no longer answers.

use std::backtrace::Backtrace;
use std::io::Write;
use std::path::PathBuf;

/// Installs the crash reporter. Call once, first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("unknown cause");
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let thread = std::thread::current().name().unwrap_or("unnamed").to_string();
        let report = format!(
            "dubao {} crashed\n\nwhat: {what}\nwhere: {place}\nthread: {thread}\nargs: {:?}\n\nbacktrace:\n{}\n",
            env!("CARGO_PKG_VERSION"),
            std::env::args().collect::<Vec<_>>(),
            Backtrace::force_capture()
        );
        match write_report(&report) {
            Some(path) => eprintln!(
                "dubao crashed: {what} ({place}).\nA report is in {} — please send it, with the issue file you had open.",
                path.display()
            ),
            None => eprintln!("dubao crashed: {what} ({place}).\n{report}"),
        }
        if thread != "main" {
            std::process::exit(101);
        }
    }));
}

/// Writes the report to the cache directory (else the temp directory).
fn write_report(report: &str) -> Option<PathBuf> {
    let cache = directories::ProjectDirs::from("", "", "dubao").map(|d| d.cache_dir().to_path_buf());
    let dirs = [cache, Some(std::env::temp_dir())];
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S");
    for dir in dirs.into_iter().flatten() {
        let path = dir.join(format!("crash-{stamp}-{}.txt", std::process::id()));
        let written = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::File::create(&path))
            .and_then(|mut f| f.write_all(report.as_bytes()));
        if written.is_ok() {
            return Some(path);
        }
    }
    None
}
