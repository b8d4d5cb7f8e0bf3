//! `dubao search PHRASE [PATH...]`: every matching article across the
//! archive, one line each, newest issue first, through the index in the
//! cache directory (built or brought up to date first).

use super::{USAGE, sources};
use dubao::config::Config;
use dubao::library::{self, ArchiveHit, Index, Source};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// How long an index no search has used is kept.
const UNUSED: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// Prints `date<TAB>issue title<TAB>headline<TAB>snippet` for every article
/// matching `phrase`. Exit status 0 with matches, 1 without.
pub fn search(phrase: &str, paths: &[PathBuf], no_index: bool, config: &Config) -> io::Result<ExitCode> {
    if phrase.trim().is_empty() {
        eprintln!("dubao: search: the phrase is empty");
        return Ok(ExitCode::from(USAGE));
    }
    let (found, errors) = sources(paths, config);
    for e in &errors {
        eprintln!("dubao: {e}");
    }
    let files: Option<Vec<PathBuf>> = found
        .iter()
        .map(|s| match s {
            Source::File(p) => Some(p.clone()),
            Source::Bundled { .. } => None,
        })
        .collect();
    let roots = if paths.is_empty() { config.library.as_slice() } else { paths };
    let dir = library::cache_dir_for(roots).filter(|d| !no_index && Index::writable(d));
    let mut out = Printer { out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()), error: None, skip: 0 };
    let never = AtomicBool::new(false);
    let hits = match (files, dir) {
        (Some(files), Some(dir)) => {
            // Indexes of folders searched once, long ago, go.
            if let Some(root) = dir.parent() {
                library::prune(root, &dir, UNUSED);
            }
            let mut index = Index::open(Some(dir));
            update(&mut index, &files, &never);
            let stats = index.search(phrase, &mut |hit| out.print(&hit), &never);
            let mut hits = stats.hits;
            if stats.damaged && out.error.is_none() {
                // What was printed is right; rebuild and go on after it.
                update(&mut index, &files, &never);
                out.skip = stats.hits;
                hits = index.search(phrase, &mut |hit| out.print(&hit), &never).hits;
            }
            hits
        }
        _ => {
            let mut on_error = |name: String, problem: String| eprintln!("dubao: {name}: {problem}");
            library::search_sources(&found, phrase, &mut |hit| out.print(&hit), &mut on_error, &never).hits
        }
    };
    if let Some(e) = out.error {
        return Err(e);
    }
    out.out.flush()?;
    Ok(if hits > 0 { ExitCode::SUCCESS } else { ExitCode::from(super::SOME_FAILED) })
}

/// Brings the index up to date, showing progress on a terminal and problems on stderr.
fn update(index: &mut Index, files: &[PathBuf], never: &AtomicBool) {
    let tty = io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if tty && total > 0 && (done.is_multiple_of(64) || done == total) {
            eprint!("\rdubao: indexing {done}/{total}\x1b[K");
            if done == total {
                eprint!("\r\x1b[K");
            }
        }
    };
    let report = index.update(files, &mut progress, never);
    for (path, problem) in &report.errors {
        eprintln!("dubao: {}: {problem}", path.display());
    }
}

/// Writes hits as lines; remembers the first write error (a closed pipe)
/// and then asks for no more.
struct Printer<W: Write> {
    out: W,
    error: Option<io::Error>,
    /// Hits already printed by an earlier pass.
    skip: usize,
}

impl<W: Write> Printer<W> {
    fn print(&mut self, hit: &ArchiveHit) -> bool {
        if self.skip > 0 {
            self.skip -= 1;
            return true;
        }
        let out = &mut self.out;
        let written = match hit.date {
            Some(d) => write!(out, "{:04}-{:02}-{:02}\t", d.year(), d.month(), d.day()),
            None => out.write_all(b"\t"),
        }
        .and_then(|()| writeln!(out, "{}\t{}\t{}", field(&hit.issue_title), field(&hit.headline), field(&hit.snippet)));
        match written {
            Ok(()) => true,
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }
}

/// A field on one line without tabs, so that the columns stay columns.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr3(b'\t', b'\n', b'\r', s.as_bytes()).is_some() {
        s.replace(['\t', '\n', '\r'], " ").into()
    } else {
        s.into()
    }
}
