//! The commands of the `dubao` binary, over the library crate. Shared here:
//! which issues a command works on, loading them with problems reported on
//! stderr, exit codes, and writing to a stdout that may be a closed pipe.

pub mod bookmarks;
pub mod color;
pub mod export;
pub mod help;
pub mod man;
pub mod pager;
pub use pager::write_stdout;
pub mod paths;
pub mod read;
pub mod search;
pub mod show;
pub mod text;

use dubao::config::Config;
use dubao::i18n::{Lang, problems};
use dubao::library::{self, LoadError, Source};
use dubao::model::Issue;
use dubao::parse;
use std::ffi::OsString;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Where a command's text goes: coloured or not, paged or not.
pub struct Out {
    /// Colours, when there are to be any.
    pub paint: color::Paint,
    /// Whether and through what to page.
    pub pager: pager::Pager,
    /// The language dubao's own messages are in.
    pub lang: dubao::i18n::Lang,
}

impl Out {
    /// Prints `text`, through the pager when it is long and stdout a terminal.
    pub fn page(&self, text: &str) -> io::Result<()> {
        pager::print(text, &self.pager)
    }
}

/// The language of `--help` and of dubao's own messages, known before the
/// arguments are parsed: the config's `ui_language` (of the file
/// `--config` names, else the usual one), on `auto` the locale — as the
/// reader chooses it.
pub fn language() -> Lang {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    Lang::of(dubao::config::ui_language(config_arg(&args).as_deref()))
}

/// The file of `--config FILE` or `--config=FILE` among the arguments.
fn config_arg(args: &[OsString]) -> Option<PathBuf> {
    let mut args = args.iter();
    while let Some(a) = args.next() {
        if a == "--" {
            break;
        }
        if a == "--config" {
            return args.next().map(PathBuf::from);
        }
        if let Some(file) = a.to_str().and_then(|s| s.strip_prefix("--config=")) {
            return Some(PathBuf::from(file));
        }
    }
    None
}

/// Exit status when some files failed to load (the rest were used).
pub const SOME_FAILED: u8 = 1;
/// Exit status for usage errors and a bad config (clap uses it too).
pub const USAGE: u8 = 2;
/// Exit status when the reader quit with changes it could not save.
pub const UNSAVED: u8 = 3;

/// The issues a command works on: the given paths; with none, the config's
/// library; with none configured, the samples built into dubao.
pub fn sources(paths: &[PathBuf], config: &Config) -> (Vec<Source>, Vec<LoadError>) {
    match (paths, config.library.as_slice()) {
        ([], []) => (library::bundled(), Vec::new()),
        ([], lib) => library::collect(lib),
        (given, _) => library::collect(given),
    }
}

/// Loads every issue, reporting failures and warnings on stderr. Returns
/// the issues and whether anything failed.
pub fn load_all(paths: &[PathBuf], config: &Config) -> (Vec<Issue>, bool) {
    let lang = config.settings.lang;
    let (sources, errors) = sources(paths, config);
    let mut failed = !errors.is_empty();
    for e in &errors {
        warn(problems::load_error(lang, e));
    }
    let mut issues = Vec::with_capacity(sources.len());
    for source in sources {
        match source.load() {
            Ok(parsed) => {
                for w in &parsed.warnings {
                    report_warning(lang, &parsed.issue.source, w);
                }
                issues.push(parsed.issue);
            }
            Err(e) => {
                warn(problems::load_error(lang, &e));
                failed = true;
            }
        }
    }
    (issues, failed)
}

/// A parser's warning, after the file (and line) it is about; what it
/// says is the parser's.
fn report_warning(lang: Lang, source: &str, w: &parse::Warning) {
    let at = match w.line {
        Some(n) => format!("{source}:{n}"),
        None => source.to_string(),
    };
    warn(lang.f("cli-warning", &[("at", at.into()), ("message", w.message.as_str().into())]));
}

/// Prints `dubao: MESSAGE` on stderr, control characters (from a file name,
/// say) made visible so that nothing printed can drive the terminal.
pub fn warn(message: impl std::fmt::Display) {
    eprintln!("dubao: {}", parse::visible_str(&message.to_string()));
}

/// A config that can't be used: `FILE:LINE:COLUMN: message` (the message
/// is toml's or serde's, as they say it).
pub fn config_error(lang: Lang, e: &dubao::config::ConfigError) -> String {
    let at = match (e.line, e.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", e.path),
        (Some(l), None) => format!("{}:{l}", e.path),
        _ => e.path.clone(),
    };
    lang.f("err-config", &[("at", at.into()), ("problem", e.message.as_str().into())])
}

/// Success, or the some-files-failed status.
pub fn status(failed: bool) -> ExitCode {
    if failed { ExitCode::from(SOME_FAILED) } else { ExitCode::SUCCESS }
}
