//! `dubao show`: articles set exactly as the article pane shows them.

use super::{USAGE, load_all, status, warn, write_stdout};
use dubao::config::Config;
use dubao::layout::{self, Ambiguous};
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

/// Whether to colour the output.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// Only when writing to a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Prints article `article` (1-based; all when `None`) of the issue at
/// `path`, laid out for a pane `width` cells wide.
pub fn show(
    path: &Path,
    article: Option<usize>,
    width: Option<u16>,
    ambiguous: Ambiguous,
    color: Color,
    config: &Config,
) -> io::Result<ExitCode> {
    if path.is_dir() {
        warn(format!("{}: is a directory (dubao show takes one issue file)", path.display()));
        return Ok(ExitCode::from(USAGE));
    }
    let (issues, failed) = load_all(&[path.to_path_buf()], config);
    let Some(issue) = issues.first() else { return Ok(status(true)) };
    let articles: Vec<&dubao::model::Article> = issue.articles().collect();
    let chosen: Vec<&dubao::model::Article> = match article {
        None => articles.clone(),
        Some(n) if (1..=articles.len()).contains(&n) => vec![articles[n - 1]],
        Some(n) => {
            warn(format!("{}: no article {n} (the issue has {})", issue.source, articles.len()));
            return Ok(ExitCode::from(USAGE));
        }
    };
    let tty = io::stdout().is_terminal();
    let width = width
        .or_else(|| tty.then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w)).flatten())
        .unwrap_or(80);
    let options = layout::LayoutOptions { ambiguous, ..config.settings.layout.clone() };
    let colored = color == Color::Always || color == Color::Auto && tty;
    let theme = config.theme.clone().for_env();
    let mut out = String::new();
    for (k, a) in chosen.iter().enumerate() {
        if k > 0 {
            out.push_str("\n\n");
        }
        let laid = layout::layout(a, width, &options);
        out.push_str(&if colored { dubao::ui::ansi(&laid, &theme) } else { layout::to_plain_text(&laid) });
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(status(failed))
}
