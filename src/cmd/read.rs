//! The two-pane reader.

use super::{SOME_FAILED, sources, status};
use dubao::config::Config;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Reads the given paths (the library or the samples when none).
pub fn read(paths: &[PathBuf], config: Config) -> io::Result<ExitCode> {
    let (sources, errors) = sources(paths, &config);
    for e in &errors {
        eprintln!("dubao: {e}");
    }
    if sources.is_empty() {
        return Ok(ExitCode::from(SOME_FAILED));
    }
    let theme = config.theme.clone().for_env();
    dubao::tui::run(sources, config.settings, config.keymap, theme, config.ambiguous)?;
    // Problems with paths were printed before the reader took the screen;
    // say them again where they can be read.
    for e in &errors {
        eprintln!("dubao: {e}");
    }
    Ok(status(!errors.is_empty()))
}
