//! The two-pane reader.

use super::{SOME_FAILED, UNSAVED, status, warn};
use dubao::config::Config;
use dubao::i18n::problems;
use dubao::library::{self, LoadError, Problem, Source};
use dubao::store::Store;
use dubao::tui::Shelf;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Reads the given paths (the library or the samples when none), resuming
/// where the reader left off. Only what is needed for the first screen is
/// read before it shows; the rest of the library is found in the background.
pub fn read(paths: &[PathBuf], config: Config, color: super::color::Color) -> io::Result<ExitCode> {
    let roots = if paths.is_empty() { config.library.clone() } else { paths.to_vec() };
    let (known, shelf, missing) = if roots.is_empty() {
        (library::bundled(), Shelf::Bundled, Vec::new())
    } else {
        let (found, missing): (Vec<PathBuf>, Vec<PathBuf>) = roots.into_iter().partition(|p| p.exists());
        let files = found.iter().filter(|p| p.is_file()).map(|p| Source::File(p.clone()).absolute()).collect();
        (files, Shelf::Paths(found), missing)
    };
    let lang = config.settings.lang;
    let not_found = |p: &PathBuf| LoadError { path: p.display().to_string(), problem: Problem::NotFound };
    let errors: Vec<String> = missing.iter().map(|p| problems::load_error(lang, &not_found(p))).collect();
    for e in &errors {
        warn(e);
    }
    if matches!(&shelf, Shelf::Paths(p) if p.is_empty()) {
        return Ok(ExitCode::from(SOME_FAILED));
    }
    // The same index `dubao search` keeps for these roots.
    let cache = match &shelf {
        Shelf::Paths(roots) => library::cache_dir_for(roots),
        Shelf::Bundled => None,
    };
    // Conflict copies a sync tool left are merged, then put aside in the cache.
    let (store, messages) = Store::open_in(dubao::store::Places::user(), jiff::Timestamp::now());
    // Folders only: rather than wait for them to be walked, start with the
    // issue `app::first_file` says; the walk fills in the rest.
    // Paths given: the issue last read among them is kept under their key.
    let place = (!paths.is_empty()).then(|| library::place_key(paths));
    let mut known = known;
    if let (true, Shelf::Paths(roots)) = (known.is_empty(), &shelf) {
        let in_folders =
            |p: &Path| p.is_file() && roots.iter().any(|r| p.starts_with(std::path::absolute(r).unwrap_or_default()));
        // The newest the index noted; on a folder never indexed, the newest
        // by the dates in the names, reading only the folders that tell.
        let newest = || cache.as_deref().and_then(library::newest_hint).or_else(|| library::newest_by_name(roots));
        let positions = store.loaded().positions;
        let resumed = dubao::app::resumed(&positions, paths.is_empty(), place.as_deref());
        if let Some(path) = dubao::app::first_file(resumed, in_folders, newest) {
            known.push(Source::File(path));
        }
    }
    let theme = super::color::theme(&config.theme, super::color::for_stdout(color));
    let ending = dubao::tui::run(dubao::tui::Start {
        known,
        shelf,
        settings: config.settings,
        keymap: config.keymap,
        theme,
        ambiguous: config.ambiguous,
        store,
        messages,
        resume: paths.is_empty(),
        place,
        cache,
        export: (config.export.dir.clone(), config.export.format),
    })?;
    // Problems with paths were printed before the reader took the screen;
    // say them again where they can be read, and what became of the saves.
    for e in errors.iter().chain(&ending.lines) {
        warn(e);
    }
    if ending.unsaved {
        return Ok(ExitCode::from(UNSAVED));
    }
    Ok(status(!errors.is_empty()))
}
