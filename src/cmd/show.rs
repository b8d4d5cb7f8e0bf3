//! `dubao show`: articles set exactly as the article pane shows them.

use super::{Out, USAGE, load_all, status, warn};
use dubao::config::Config;
use dubao::layout::{self, Ambiguous};
use dubao::script::Script;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

/// What `dubao show` prints, and how.
pub struct How {
    /// Which article: 1-based, or its id as `dubao list` prints it (all
    /// when `None`).
    pub article: Option<String>,
    /// Pane width in cells (default: the terminal's, else 80).
    pub width: Option<u16>,
    /// Width of ambiguous characters.
    pub ambiguous: Ambiguous,
    /// Show noise line by line instead of folded.
    pub noise: bool,
    /// The script the text is shown in.
    pub script: Script,
}

/// Prints the chosen articles of the issue at `path`, laid out as the
/// article pane would (noise folded, as a pane shows it before Enter).
pub fn show(path: &Path, how: &How, config: &Config, to: &Out) -> io::Result<ExitCode> {
    let How { article, width, ambiguous, noise, script } = how;
    let (width, ambiguous, noise, script) = (*width, *ambiguous, *noise, *script);
    if path.is_dir() {
        warn(to.lang.f("cli-is-directory", &[("path", path.display().to_string().into())]));
        return Ok(ExitCode::from(USAGE));
    }
    let (issues, failed) = load_all(&[path.to_path_buf()], config);
    let Some(issue) = issues.first() else { return Ok(status(true)) };
    let articles: Vec<&dubao::model::Article> = issue.articles().collect();
    let chosen: Vec<&dubao::model::Article> = match article {
        None => articles.clone(),
        Some(which) => {
            let which = which.as_str();
            let by_number = which.parse::<usize>().ok().and_then(|n| articles.get(n.checked_sub(1)?));
            match by_number.or_else(|| articles.iter().find(|a| a.id.0 == which)) {
                Some(a) => vec![*a],
                None => {
                    let args =
                        [("source", issue.source.as_str().into()), ("n", which.into()), ("all", articles.len().into())];
                    warn(to.lang.f("cli-no-article", &args));
                    return Ok(ExitCode::from(USAGE));
                }
            }
        }
    };
    let tty = io::stdout().is_terminal();
    let width = width
        .or_else(|| tty.then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w)).flatten())
        .unwrap_or(80);
    let options = layout::LayoutOptions { ambiguous, script, ..config.settings.layout.clone() };
    let mut out = String::new();
    for (k, a) in chosen.iter().enumerate() {
        if k > 0 {
            out.push_str("\n\n");
        }
        let unfolded: Vec<usize> =
            if noise { layout::noise_runs(a).iter().map(|r| r.start).collect() } else { Vec::new() };
        let laid = layout::layout_unfolded(a, width, &options, &unfolded);
        out.push_str(&match &to.paint.theme {
            Some(theme) => dubao::ui::ansi(&laid, theme),
            None => layout::to_plain_text(&laid),
        });
        out.push('\n');
    }
    to.page(&out)?;
    Ok(status(failed))
}
