//! The two-pane reader.

use super::{SOME_FAILED, sources, status, warn};
use dubao::config::Config;
use dubao::library::Source;
use dubao::store::Store;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Reads the given paths (the library or the samples when none), resuming
/// where the reader left off.
pub fn read(paths: &[PathBuf], config: Config) -> io::Result<ExitCode> {
    let (sources, errors) = sources(paths, &config);
    for e in &errors {
        warn(e);
    }
    if sources.is_empty() {
        return Ok(ExitCode::from(SOME_FAILED));
    }
    let (store, messages) = Store::open(dubao::store::default_dir(), jiff::Timestamp::now());
    let theme = config.theme.clone().for_env();
    dubao::tui::run(dubao::tui::Start {
        sources: sources.into_iter().map(Source::absolute).collect(),
        settings: config.settings,
        keymap: config.keymap,
        theme,
        ambiguous: config.ambiguous,
        store,
        messages,
        resume: paths.is_empty(),
    })?;
    // Problems with paths were printed before the reader took the screen;
    // say them again where they can be read.
    for e in &errors {
        warn(e);
    }
    Ok(status(!errors.is_empty()))
}
