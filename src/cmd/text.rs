//! `dubao list` and `dubao dump`: issues as text.

use super::{USAGE, load_all, status, warn, write_stdout};
use dubao::config::Config;
use dubao::model::Issue;
use dubao::{export, parse};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Issue → section → headline tree, with article ids.
pub fn list(paths: &[PathBuf], config: &Config) -> io::Result<ExitCode> {
    let (issues, failed) = load_all(paths, config);
    let text: String = issues.iter().map(export::list).collect::<Vec<_>>().join("\n");
    write_stdout(text.as_bytes())?;
    Ok(status(failed))
}

/// Every field of every article: readable, JSON, or one issue as markup.
pub fn dump(paths: &[PathBuf], json: bool, markup: bool, config: &Config) -> io::Result<ExitCode> {
    let (issues, failed) = load_all(paths, config);
    let text = if json {
        let refs: Vec<&Issue> = issues.iter().collect();
        export::json(&refs) + "\n"
    } else if markup {
        match issues.as_slice() {
            [issue] => parse::markup::to_markup(issue),
            [] => return Ok(status(true)),
            _ => {
                warn(format!("dump --markup writes one issue; {} were given", issues.len()));
                return Ok(ExitCode::from(USAGE));
            }
        }
    } else {
        issues.iter().map(export::dump).collect::<Vec<_>>().join("\n")
    };
    write_stdout(text.as_bytes())?;
    Ok(status(failed))
}
