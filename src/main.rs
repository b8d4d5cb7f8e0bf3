//! The `dubao` binary: arguments in, issues loaded, text or the reader out.

use clap::{CommandFactory, Parser, Subcommand};
use dubao::library::{self, Source};
use dubao::model::Issue;
use dubao::{export, parse};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dubao",
    version,
    about = "读报 — a keyboard-driven terminal newspaper reader",
    long_about = "读报 — a keyboard-driven terminal newspaper reader.\n\n\
                  Opens newspaper issue files (raw plain text as papers publish it, or dubao's light markup). \
                  With no PATH, opens the sample issues built into dubao.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Issue files or directories (read recursively) to open.
    paths: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print what the parser made of issues: every field of every article.
    Dump {
        /// Print JSON: {"issues":[{"title","date","source","encoding","sections":[…]}]}.
        #[arg(long, conflicts_with = "markup")]
        json: bool,
        /// Print one issue as dubao markup, which parses back to the same structure.
        #[arg(long)]
        markup: bool,
        /// Issue files or directories (default: the bundled samples).
        paths: Vec<PathBuf>,
    },
    /// Print articles laid out exactly as the article pane shows them.
    Show {
        /// The issue file.
        path: PathBuf,
        /// Which article, 1-based in list order (default: all).
        #[arg(long, short)]
        article: Option<usize>,
        /// Pane width in cells (default: the terminal width, else 80).
        #[arg(long, short)]
        width: Option<u16>,
        /// Width of ambiguous characters like “ ” … — in this terminal.
        #[arg(long, value_enum, default_value_t = AmbiguousArg::Narrow)]
        ambiguous: AmbiguousArg,
        /// Colour the output (auto: only when writing to a terminal).
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// List issues → sections → headlines, with article ids.
    List {
        /// Issue files or directories (default: the bundled samples).
        paths: Vec<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum AmbiguousArg {
    Narrow,
    Wide,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Exit status when some files failed to load (the rest were printed).
const SOME_FAILED: u8 = 1;
/// Exit status for usage errors (clap uses it too).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None if io::stdout().is_terminal() => run_reader(&cli.paths),
        None => run_list(&cli.paths),
        Some(Command::Show { path, article, width, ambiguous, color }) => {
            run_show(&path, article, width, ambiguous, color)
        }
        Some(Command::List { paths }) => run_list(&paths),
        Some(Command::Dump { json, markup, paths }) => run_dump(&paths, json, markup),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dubao", &mut out);
            write_stdout(&out).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dubao: {e}");
            ExitCode::from(SOME_FAILED)
        }
    }
}

/// Loads every issue named by `paths` (the bundled ones when empty),
/// reporting failures and warnings on stderr. Returns the issues and whether
/// anything failed.
fn load_all(paths: &[PathBuf]) -> (Vec<Issue>, bool) {
    let (sources, errors): (Vec<Source>, _) =
        if paths.is_empty() { (library::bundled(), Vec::new()) } else { library::collect(paths) };
    let mut failed = !errors.is_empty();
    for e in errors {
        eprintln!("dubao: {e}");
    }
    let mut issues = Vec::with_capacity(sources.len());
    for source in sources {
        match source.load() {
            Ok(parsed) => {
                for w in &parsed.warnings {
                    report_warning(&parsed.issue.source, w);
                }
                issues.push(parsed.issue);
            }
            Err(e) => {
                eprintln!("dubao: {e}");
                failed = true;
            }
        }
    }
    (issues, failed)
}

fn report_warning(source: &str, w: &parse::Warning) {
    match w.line {
        Some(n) => eprintln!("dubao: {source}:{n}: warning: {}", w.message),
        None => eprintln!("dubao: {source}: warning: {}", w.message),
    }
}

fn status(failed: bool) -> ExitCode {
    if failed { ExitCode::from(SOME_FAILED) } else { ExitCode::SUCCESS }
}

/// The two-pane reader on the given paths (the bundled samples when none).
fn run_reader(paths: &[PathBuf]) -> io::Result<ExitCode> {
    let (sources, errors) = if paths.is_empty() { (library::bundled(), Vec::new()) } else { library::collect(paths) };
    for e in &errors {
        eprintln!("dubao: {e}");
    }
    if sources.is_empty() {
        return Ok(ExitCode::from(SOME_FAILED));
    }
    let settings = dubao::app::Settings::default();
    let ambiguous = dubao::tui::AmbiguousSetting::Auto;
    dubao::tui::run(sources, settings, Default::default(), dubao::ui::Theme::from_env(), ambiguous)?;
    // Problems with paths were printed before the reader took the screen;
    // say them again where they can be read.
    for e in &errors {
        eprintln!("dubao: {e}");
    }
    Ok(status(!errors.is_empty()))
}

/// `dubao show`: articles laid out as the article pane shows them.
fn run_show(
    path: &std::path::Path,
    article: Option<usize>,
    width: Option<u16>,
    amb: AmbiguousArg,
    color: ColorArg,
) -> io::Result<ExitCode> {
    let (issues, failed) = load_all(&[path.to_path_buf()]);
    let Some(issue) = issues.first() else { return Ok(status(true)) };
    let articles: Vec<&dubao::model::Article> = issue.articles().collect();
    let chosen: Vec<&dubao::model::Article> = match article {
        None => articles.clone(),
        Some(n) if (1..=articles.len()).contains(&n) => vec![articles[n - 1]],
        Some(n) => {
            eprintln!("dubao: {}: no article {n} (the issue has {})", issue.source, articles.len());
            return Ok(ExitCode::from(USAGE));
        }
    };
    let tty = io::stdout().is_terminal();
    let width = width
        .or_else(|| tty.then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w)).flatten())
        .unwrap_or(80);
    let ambiguous = match amb {
        AmbiguousArg::Narrow => dubao::layout::Ambiguous::Narrow,
        AmbiguousArg::Wide => dubao::layout::Ambiguous::Wide,
    };
    let options = dubao::layout::LayoutOptions { ambiguous, ..Default::default() };
    let colored = color == ColorArg::Always || color == ColorArg::Auto && tty;
    let theme = dubao::ui::Theme::from_env();
    let mut out = String::new();
    for (k, a) in chosen.iter().enumerate() {
        if k > 0 {
            out.push_str("\n\n");
        }
        let laid = dubao::layout::layout(a, width, &options);
        out.push_str(&if colored { dubao::ui::ansi(&laid, &theme) } else { dubao::layout::to_plain_text(&laid) });
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(status(failed))
}

fn run_list(paths: &[PathBuf]) -> io::Result<ExitCode> {
    let (issues, failed) = load_all(paths);
    let text: String = issues.iter().map(export::list).collect::<Vec<_>>().join("\n");
    write_stdout(text.as_bytes())?;
    Ok(status(failed))
}

fn run_dump(paths: &[PathBuf], json: bool, markup: bool) -> io::Result<ExitCode> {
    let (issues, failed) = load_all(paths);
    let text = if json {
        let refs: Vec<&Issue> = issues.iter().collect();
        export::json(&refs) + "\n"
    } else if markup {
        match issues.as_slice() {
            [issue] => parse::markup::to_markup(issue),
            [] => return Ok(status(true)),
            _ => {
                eprintln!("dubao: dump --markup writes one issue; {} were given", issues.len());
                return Ok(ExitCode::from(USAGE));
            }
        }
    } else {
        issues.iter().map(export::dump).collect::<Vec<_>>().join("\n")
    };
    write_stdout(text.as_bytes())?;
    Ok(status(failed))
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
