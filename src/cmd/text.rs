//! `dubao list` and `dubao dump`: issues as text.

use super::{Out, USAGE, color, load_all, sources, status, warn};
use dubao::config::Config;
use dubao::library::{self, Source};
use dubao::model::Issue;
use dubao::script::{Script, convert_issue};
use dubao::{export, parse};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

/// Issue → section → headline tree, with article ids.
pub fn list(paths: &[PathBuf], config: &Config, out: &Out) -> io::Result<ExitCode> {
    let (issues, failed) = load_all(paths, config);
    let text: String = issues.iter().map(|i| export::list(i, &config.settings.rates)).collect::<Vec<_>>().join("\n");
    out.page(&color::list(&text, &out.paint))?;
    Ok(status(failed))
}

/// How `dump` prints.
pub struct DumpAs {
    /// The pinned JSON.
    pub json: bool,
    /// One issue as markup.
    pub markup: bool,
    /// The script the text is printed in.
    pub script: Script,
}

/// Every field of every article: readable, JSON, or one issue as markup,
/// in the script asked for. JSON and markup are never coloured: they are
/// for programs and files.
pub fn dump(paths: &[PathBuf], how: &DumpAs, config: &Config, out: &Out) -> io::Result<ExitCode> {
    let &DumpAs { json, markup, script } = how;
    let (issues, failed) = load_all(paths, config);
    let issues: Vec<Issue> = issues.iter().map(|i| convert_issue(i, script)).collect();
    let text = if json {
        let refs: Vec<&Issue> = issues.iter().collect();
        export::json(&refs) + "\n"
    } else if markup {
        match issues.as_slice() {
            [issue] => parse::markup::to_markup(issue),
            [] => return Ok(status(true)),
            _ => {
                warn(out.lang.f("cli-markup-one", &[("n", issues.len().into())]));
                return Ok(ExitCode::from(USAGE));
            }
        }
    } else {
        color::dump(&issues.iter().map(export::dump).collect::<Vec<_>>().join("\n"), &out.paint)
    };
    out.page(&text)?;
    Ok(status(failed))
}

/// The shape found in each file and the role of each of its lines.
pub fn explain(paths: &[PathBuf], config: &Config, out: &Out) -> io::Result<ExitCode> {
    let (sources, errors) = sources(paths, config);
    let mut failed = !errors.is_empty();
    for e in &errors {
        warn(dubao::i18n::problems::load_error(out.lang, e));
    }
    let mut text = Vec::new();
    for source in sources {
        // A folder issue is explained file by file.
        if let Source::File(dir) = &source
            && dir.is_dir()
        {
            match library::folder::read(dir) {
                Ok(files) => text.push(parse::folder::explain(&files, &source.display_name())),
                Err(e) => {
                    let problem = dubao::i18n::problems::io_error(out.lang, &e);
                    warn(
                        out.lang
                            .f("err-at", &[("path", dir.display().to_string().into()), ("problem", problem.into())]),
                    );
                    failed = true;
                }
            }
            continue;
        }
        let explained = source.bytes().and_then(|bytes| Ok((source.load()?, bytes)));
        match explained {
            Ok((parsed, bytes)) => text.push(parsed.explain(&bytes)),
            Err(e) => {
                warn(dubao::i18n::problems::load_error(out.lang, &e));
                failed = true;
            }
        }
    }
    out.page(&text.join("\n"))?;
    Ok(status(failed))
}
