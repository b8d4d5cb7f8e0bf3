//! `dubao export`: issues (or each of their articles) written as Markdown,
//! EPUB or HTML files, or one of them to stdout.

use super::{load_all, status, warn, write_stdout};
use dubao::config::Config;
use dubao::export::{Format, file_name};
use dubao::i18n::Lang;
use dubao::model::{Article, Issue};
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to export and where.
pub struct How {
    /// The format.
    pub to: Format,
    /// A file (one issue), a folder, or `-` for stdout; `None`: the
    /// config's `export_dir`.
    pub out: Option<PathBuf>,
    /// One file per article instead of one per issue.
    pub per_article: bool,
}

/// Exports every issue the paths name; prints each file written.
pub fn export(paths: &[PathBuf], how: &How, config: &Config) -> io::Result<ExitCode> {
    let (issues, mut failed) = load_all(paths, config);
    let files: Vec<(String, Vec<u8>)> =
        issues.iter().flat_map(|i| rendered(i, how, config.settings.lang, &mut failed)).collect();
    let stdout = how.out.as_deref() == Some(Path::new("-"));
    // `-o news.md` names a file; `-o exports/` (or a name without an
    // ending) a folder.
    let file = how.out.as_deref().filter(|o| !stdout && !o.is_dir() && o.extension().is_some());
    if stdout || file.is_some() {
        if files.len() != 1 {
            warn(config.settings.lang.f("cli-export-one", &[("n", files.len().into())]));
            return Ok(ExitCode::from(super::USAGE));
        }
        let bytes = &files[0].1;
        return match file {
            Some(path) => write_to(path, bytes).map(|()| status(failed)),
            None => write_stdout(bytes).map(|()| status(failed)),
        };
    }
    let dir = how.out.clone().unwrap_or_else(|| config.export.dir.clone());
    for (stem, bytes) in files {
        match dubao::store::save_export(&dir, &stem, how.to.extension(), &bytes) {
            Ok(path) => println!("{}", path.display()),
            Err((path, e)) => {
                let problem = dubao::i18n::problems::io_error(config.settings.lang, &e);
                let args = [("path", path.display().to_string().into()), ("problem", problem.into())];
                warn(config.settings.lang.f("err-at", &args));
                failed = true;
            }
        }
    }
    Ok(status(failed))
}

/// The files an issue becomes: names (without extension) and bytes.
fn rendered(issue: &Issue, how: &How, lang: Lang, failed: &mut bool) -> Vec<(String, Vec<u8>)> {
    let dated = dubao::export::dated_title(issue);
    let articles: Vec<Option<&Article>> =
        if how.per_article { issue.articles().map(Some).collect() } else { vec![None] };
    let mut out = Vec::new();
    for (n, article) in articles.into_iter().enumerate() {
        let stem = match article {
            Some(a) => file_name(&format!("{dated} {:02} {}", n + 1, a.headline)),
            None => file_name(&dated),
        };
        match how.to.render(issue, article) {
            Ok(bytes) => out.push((stem, bytes)),
            Err(e) => {
                warn(lang.f("err-at", &[("path", issue.source.as_str().into()), ("problem", e.to_string().into())]));
                *failed = true;
            }
        }
    }
    out
}

/// Writes the file the user named, replacing it: they asked for that name.
fn write_to(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    println!("{}", path.display());
    Ok(())
}
