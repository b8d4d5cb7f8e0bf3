//! `dubao paths`: where the config file, the state files and the cache
//! are on this system — the places `dubao` itself uses, `--config` and the
//! XDG variables honoured. The same paths go into the man page's FILES.

use super::{SOME_FAILED, warn, write_stdout};
use dubao::i18n::Lang;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The places dubao reads and writes; `None` where there is no home
/// directory to put them in.
pub struct Paths {
    /// The config file (`--config FILE`, else the usual place).
    pub config: Option<PathBuf>,
    /// The directory of `bookmarks.toml`, `read.toml` and `positions.toml`.
    pub state: Option<PathBuf>,
    /// The cache directory: the search index, unsaved changes, conflict
    /// copies once merged, crash reports.
    pub cache: Option<PathBuf>,
}

impl Paths {
    /// The places in use, with the config file `--config` names, if any.
    pub fn find(config: Option<&Path>) -> Paths {
        let config = match config {
            // As the config is read: relative to where dubao was started.
            Some(given) => Some(std::path::absolute(given).unwrap_or_else(|_| given.to_path_buf())),
            None => dubao::config::default_path(),
        };
        Paths { config, state: dubao::store::default_dir(), cache: dubao::library::default_cache_dir() }
    }

    /// Each place with its name: `config`, `state`, `cache`.
    pub fn named(&self) -> [(&'static str, Option<&Path>); 3] {
        [("config", self.config.as_deref()), ("state", self.state.as_deref()), ("cache", self.cache.as_deref())]
    }
}

/// What `--config` says in `--help`: the file it stands in for, on this system.
pub fn config_help(lang: Lang) -> String {
    match dubao::config::default_path() {
        Some(p) => {
            let path = dubao::parse::visible_str(&p.display().to_string()).into_owned();
            lang.f("cli-arg-config", &[("path", path.into())])
        }
        None => lang.t("cli-arg-config-nowhere"),
    }
}

/// Prints `NAME<TAB>PATH` for the config file, the state directory and the
/// cache directory, whether or not they exist yet. Without a home
/// directory to find them in, says so and exits 1.
pub fn paths(paths: &Paths, lang: Lang) -> io::Result<ExitCode> {
    let mut out = String::new();
    let mut missing = false;
    for (name, path) in paths.named() {
        match path {
            Some(p) => {
                // Escape sequences in a path must not drive the terminal.
                out.push_str(&format!("{name}\t{}\n", dubao::parse::visible_str(&p.display().to_string())));
            }
            None => {
                warn(lang.f("cli-paths-none", &[("name", name.into())]));
                missing = true;
            }
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(if missing { ExitCode::from(SOME_FAILED) } else { ExitCode::SUCCESS })
}
