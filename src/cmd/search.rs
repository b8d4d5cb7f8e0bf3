//! `dubao search PHRASE [PATH...]`: every matching article across the
//! archive, one line each, newest issue first, through the index in the
//! cache directory (built or brought up to date first).

use super::color::Paint;
use super::{USAGE, sources};
use dubao::config::Config;
use dubao::library::{self, ArchiveHit, Index, Source, UpdateReport};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// How long an index no search has used is kept.
const UNUSED: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// Prints `date<TAB>issue title<TAB>headline<TAB>snippet` for every article
/// matching `phrase` (coloured: the match in the snippet as the reader
/// shows matches). Exit status 0 with matches, 1 without. Unless `fresh`,
/// only the folders changed since the index's last walk are looked at
/// ([`Index::update_by_folders`]); with it, every folder and file.
pub fn search(
    phrase: &str,
    paths: &[PathBuf],
    no_index: bool,
    fresh: bool,
    config: &Config,
    paint: &Paint,
) -> io::Result<ExitCode> {
    if phrase.trim().is_empty() {
        eprintln!("dubao: {}", config.settings.lang.t("cli-search-empty"));
        return Ok(ExitCode::from(USAGE));
    }
    let roots = if paths.is_empty() { config.library.as_slice() } else { paths };
    let dir = library::cache_dir_for(roots).filter(|d| !no_index && Index::writable(d));
    let out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let mut out = Printer { out, error: None, skip: 0, paint, phrase };
    let never = AtomicBool::new(false);
    let lang = config.settings.lang;
    let mut index = dir.as_ref().map(|d| Index::open(Some(d.clone())));
    let trusted = index.as_mut().filter(|_| !fresh && !roots.is_empty()).and_then(|i| i.update_by_folders(roots));
    let hits = match (index, trusted) {
        (Some(mut index), Some(report)) => {
            errors_of(&report, lang);
            through(&mut index, None, roots, &mut out, lang)
        }
        (index, _) => {
            let taken = std::time::SystemTime::now();
            let (found, errors, walked) = match roots {
                [] => {
                    let (found, errors) = sources(paths, config);
                    (found, errors, None)
                }
                _ => library::collect_walked(roots),
            };
            for e in &errors {
                eprintln!("dubao: {}", dubao::i18n::problems::load_error(lang, e));
            }
            // Through the index, the files alone (moved, not copied: 100,000 paths).
            match index.filter(|_| found.iter().all(|s| matches!(s, Source::File(_)))) {
                Some(mut index) => {
                    let files = found.into_iter().filter_map(Source::into_file);
                    let files = files.collect::<Vec<PathBuf>>();
                    let report = update(&mut index, &files, &never, lang);
                    if let Some(walked) = walked.filter(|_| errors.is_empty()) {
                        index.record_folders(roots, &walked, taken, &report);
                    }
                    through(&mut index, Some(files), roots, &mut out, lang)
                }
                None => {
                    let mut on_error = |name: String, problem: String| {
                        eprintln!("dubao: {}", lang.f("err-at", &[("path", name.into()), ("problem", problem.into())]));
                    };
                    library::search_sources(&found, phrase, &mut |hit| out.print(&hit), &mut on_error, &never).hits
                }
            }
        }
    };
    if let Some(e) = out.error {
        return Err(e);
    }
    out.out.flush()?;
    Ok(if hits > 0 { ExitCode::SUCCESS } else { ExitCode::from(super::SOME_FAILED) })
}

/// Searches the index brought up to date with `files` (`None`: by its
/// folders); a damaged one is rebuilt from a whole walk, the search going
/// on after what it printed.
fn through<W: Write>(
    index: &mut Index,
    files: Option<Vec<PathBuf>>,
    roots: &[PathBuf],
    out: &mut Printer<'_, W>,
    lang: dubao::i18n::Lang,
) -> usize {
    let never = &AtomicBool::new(false);
    // Indexes of folders searched once, long ago, go.
    if let Some(dir) = index.dir()
        && let Some(root) = dir.parent()
    {
        library::prune(root, dir, UNUSED);
    }
    let phrase = out.phrase;
    let stats = index.search(phrase, &mut |hit| out.print(&hit), never);
    let mut hits = stats.hits;
    if stats.damaged && out.error.is_none() {
        // What was printed is right; rebuild and go on after it.
        let files = files.unwrap_or_else(|| {
            let found = library::collect(roots).0.into_iter();
            found.filter_map(Source::into_file).collect()
        });
        update(index, &files, never, lang);
        out.skip = stats.hits;
        hits = index.search(phrase, &mut |hit| out.print(&hit), never).hits;
    }
    hits
}

/// Brings the index up to date, showing progress on a terminal and problems on stderr.
fn update(index: &mut Index, files: &[PathBuf], never: &AtomicBool, lang: dubao::i18n::Lang) -> UpdateReport {
    let tty = io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if tty && total > 0 && (done.is_multiple_of(64) || done == total) {
            let said = lang.f("cli-indexing", &[("done", done.into()), ("all", total.into())]);
            eprint!("\rdubao: {said}\x1b[K");
            if done == total {
                eprint!("\r\x1b[K");
            }
        }
    };
    let report = index.update(files, &mut progress, never);
    errors_of(&report, lang);
    report
}

/// Problems an update met, on stderr, and whether it rebuilt the index.
fn errors_of(report: &UpdateReport, lang: dubao::i18n::Lang) {
    if report.rebuilt {
        eprintln!("dubao: {}", lang.t("cli-index-rebuilt"));
    }
    for (path, problem) in &report.errors {
        let problem = dubao::i18n::problems::problem(lang, problem);
        let args = [("path", path.display().to_string().into()), ("problem", problem.into())];
        eprintln!("dubao: {}", lang.f("err-at", &args));
    }
}

/// Writes hits as lines; remembers the first write error (a closed pipe)
/// and then asks for no more.
struct Printer<'a, W: Write> {
    out: W,
    error: Option<io::Error>,
    /// Hits already printed by an earlier pass.
    skip: usize,
    paint: &'a Paint,
    phrase: &'a str,
}

impl<W: Write> Printer<'_, W> {
    fn print(&mut self, hit: &ArchiveHit) -> bool {
        if self.skip > 0 {
            self.skip -= 1;
            return true;
        }
        let (out, paint) = (&mut self.out, self.paint);
        let date = hit.date.map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())).unwrap_or_default();
        let headline = paint.with(&field(&hit.headline), |t| t.headline);
        let snippet = highlight(&field(&hit.snippet), self.phrase, paint);
        let written =
            writeln!(out, "{}\t{}\t{headline}\t{snippet}", paint.with(&date, |t| t.byline), field(&hit.issue_title));
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

/// `snippet` with each match of `phrase` (ASCII letters in any case, as
/// the search matched them) in the theme's match style.
fn highlight(snippet: &str, phrase: &str, paint: &Paint) -> String {
    if !paint.on() || phrase.is_empty() {
        return snippet.to_string();
    }
    // Lower-casing ASCII keeps every byte where it was.
    let (hay, needle) = (snippet.to_ascii_lowercase(), phrase.to_ascii_lowercase());
    let mut out = String::with_capacity(snippet.len() + 32);
    let mut at = 0;
    for start in memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()) {
        if start < at {
            continue;
        }
        let end = start + needle.len();
        out.push_str(&snippet[at..start]);
        out.push_str(&paint.with(&snippet[start..end], |t| t.matched));
        at = end;
    }
    out.push_str(&snippet[at..]);
    out
}
