//! The `dubao` binary: arguments in, issues loaded, text or the reader out.

use clap::{CommandFactory, Parser, Subcommand};
use dubao::library::{self, Source};
use dubao::model::Issue;
use dubao::{export, parse};
use std::io::{self, Write};
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

/// Exit status when some files failed to load (the rest were printed).
const SOME_FAILED: u8 = 1;
/// Exit status for usage errors (clap uses it too).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => run_list(&cli.paths),
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
