//! The `dubao` binary: arguments in, config read, a command run.

mod cmd;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cmd::color::Color;
use dubao::layout::Ambiguous;
use dubao::script::Script;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dubao",
    version,
    about = "读报 — a keyboard-driven terminal newspaper reader",
    long_about = "读报 — a keyboard-driven terminal newspaper reader.\n\n\
                  Opens newspaper issue files (raw plain text as papers publish it, or dubao's light markup). \
                  With no PATH, opens the library from the config, else the sample issues built into dubao. \
                  With its output piped, prints what `dubao list` prints.",
    subcommand_precedence_over_arg = true,
    after_help = cmd::man::examples_help(dubao::i18n::Lang::En)
)]
struct Cli {
    /// Issue files or directories (read recursively) to open.
    paths: Vec<PathBuf>,
    // The usual place differs by system (Linux, macOS, Windows): said as it is here.
    #[arg(long, global = true, value_name = "FILE", help = cmd::paths::config_help(dubao::i18n::Lang::En))]
    config: Option<PathBuf>,
    /// When to colour: auto (a terminal, unless NO_COLOR or TERM=dumb; CLICOLOR_FORCE forces), always, never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = Color::Auto)]
    color: Color,
    /// Print straight to the terminal, never through a pager.
    #[arg(long, global = true)]
    no_pager: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

/// `--width` as the config takes `max_width`, refused with its words.
fn pane_width(s: &str) -> Result<u16, String> {
    let v: i64 = s.trim().parse().map_err(|_| format!("must be a number, not the text {s:?}"))?;
    dubao::config::in_range(v, &dubao::config::COLUMN_WIDTHS)
}

#[derive(Subcommand)]
enum Command {
    /// Print what the parser made of issues: every field of every article.
    Dump {
        /// Print JSON: {"issues":[{"title","date","source","encoding","sections":[…]}]}.
        #[arg(long, conflicts_with = "markup")]
        json: bool,
        /// Print one issue as dubao markup, which parses back to the same structure.
        #[arg(long, conflicts_with = "explain")]
        markup: bool,
        /// Print the shape found in each file and why, then every source line
        /// with the role it was given (headline, deck, paragraph, noise, …).
        #[arg(long, conflicts_with = "json")]
        explain: bool,
        /// Print the text in another script (the files are not changed).
        #[arg(long, value_name = "SCRIPT", value_parser = script_names(), conflicts_with = "explain")]
        script: Option<String>,
        /// Issue files or directories (default: the library, else the bundled samples).
        paths: Vec<PathBuf>,
    },
    /// Print articles laid out exactly as the article pane shows them.
    Show {
        /// The issue file.
        path: PathBuf,
        /// Which article: 1-based in list order, or the id `dubao list` prints (default: all).
        #[arg(long, short)]
        article: Option<String>,
        /// Pane width in cells, 20 to 240, as `max_width` allows (default: the terminal width, else 80).
        #[arg(long, short, value_parser = pane_width)]
        width: Option<u16>,
        /// Width of ambiguous characters like “ ” … — in this terminal.
        #[arg(long, value_enum, default_value_t = AmbiguousArg::Narrow)]
        ambiguous: AmbiguousArg,
        /// Show unreadable lines (noise) instead of folding each stretch into one line.
        #[arg(long)]
        noise: bool,
        /// The script to show the text in (default: the config's `[display] script`).
        #[arg(long, value_name = "SCRIPT", value_parser = script_names())]
        script: Option<String>,
    },
    /// Print your bookmarks, newest first.
    Bookmarks {
        /// Print JSON: {"bookmarks":[{"headline","issue","date","note","section","source","id","added"}]}.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown list.
        #[arg(long)]
        markdown: bool,
    },
    /// List issues → sections → headlines, with article ids.
    List {
        /// Issue files or directories (default: the library, else the bundled samples).
        paths: Vec<PathBuf>,
    },
    /// Search every article of the archive: one line per match, newest issue first.
    Search {
        /// The phrase: CJK as a substring, ASCII letters in any case.
        phrase: String,
        /// Issue files or directories (default: the library, else the bundled samples).
        paths: Vec<PathBuf>,
        /// Parse every file instead of using the index in the cache directory.
        #[arg(long)]
        no_index: bool,
        /// Walk every folder and look at every file. Without it, only the
        /// folders changed since the index's last walk are looked at again: a
        /// file rewritten in place, its folder left alone, is not seen.
        #[arg(long)]
        fresh: bool,
    },
    /// Write issues as Markdown, EPUB or HTML files (one per issue, or per article).
    Export {
        /// Issue files or directories (default: the library, else the bundled samples).
        paths: Vec<PathBuf>,
        /// The format to write.
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        to: ExportFormat,
        /// A file (for one issue), a folder, or - for stdout (default: `dir` in the config's [export]).
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// One file per article instead of one per issue.
        #[arg(long)]
        per_article: bool,
    },
    /// Print where the config file, the state files and the cache are.
    Paths,
    /// Print the man page (roff): dubao man | man -l -
    Man,
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

/// `--script`'s values: original, simplified, traditional, taiwan, hongkong.
fn script_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Script::ALL.map(Script::name))
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Markdown,
    Epub,
    Html,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum AmbiguousArg {
    Narrow,
    Wide,
}

fn main() -> ExitCode {
    dubao::crash::install();
    // Before the arguments are read: `--help` is said in this language.
    let lang = cmd::language();
    // The help in Chinese is a tree of texts replaced: built only when clap
    // has something to say (help, version, an error), not on every run.
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(_) => cmd::help::localized(Cli::command(), lang).get_matches(),
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Some(Command::Completions { shell }) = cli.command {
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "dubao", &mut out);
        return finish(cmd::write_stdout(&out).map(|()| ExitCode::SUCCESS));
    }
    // Where things are is worth knowing most when the config is broken.
    match cli.command {
        Some(Command::Paths) => {
            return finish(cmd::paths::paths(&cmd::paths::Paths::find(cli.config.as_deref()), lang));
        }
        Some(Command::Man) => {
            let paths = cmd::paths::Paths::find(cli.config.as_deref());
            let page = cmd::man::page(Cli::command(), &paths);
            return finish(page.and_then(|p| cmd::write_stdout(&p)).map(|()| ExitCode::SUCCESS));
        }
        _ => {}
    }
    // A bad config stops everything, before anything is read or written.
    let config = match dubao::config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            cmd::warn(cmd::config_error(lang, &e));
            return ExitCode::from(cmd::USAGE);
        }
    };
    finish(run(cli, config))
}

/// Runs the command the arguments name, with the config read.
fn run(cli: Cli, config: dubao::config::Config) -> io::Result<ExitCode> {
    let out = cmd::Out {
        paint: cmd::color::Paint::new(&config.theme, cmd::color::for_stdout(cli.color)),
        pager: cmd::pager::Pager { off: cli.no_pager, configured: config.pager.clone() },
        lang: config.settings.lang,
    };
    match cli.command {
        None if io::stdout().is_terminal() => cmd::read::read(&cli.paths, config, cli.color),
        None => cmd::text::list(&cli.paths, &config, &out),
        Some(Command::List { paths }) => cmd::text::list(&paths, &config, &out),
        Some(Command::Dump { explain: true, paths, .. }) => cmd::text::explain(&paths, &config, &out),
        Some(Command::Dump { json, markup, paths, script, .. }) => {
            let script = script.as_deref().and_then(Script::from_name).unwrap_or_default();
            cmd::text::dump(&paths, &cmd::text::DumpAs { json, markup, script }, &config, &out)
        }
        Some(Command::Show { path, article, width, ambiguous, noise, script }) => {
            let amb = match ambiguous {
                AmbiguousArg::Narrow => Ambiguous::Narrow,
                AmbiguousArg::Wide => Ambiguous::Wide,
            };
            let script = script.as_deref().and_then(Script::from_name).unwrap_or(config.settings.layout.script);
            let how = cmd::show::How { article, width, ambiguous: amb, noise, script };
            cmd::show::show(&path, &how, &config, &out)
        }
        Some(Command::Bookmarks { json, markdown }) => {
            let format = match (json, markdown) {
                (true, _) => cmd::bookmarks::Format::Json,
                (_, true) => cmd::bookmarks::Format::Markdown,
                _ => cmd::bookmarks::Format::Text,
            };
            cmd::bookmarks::bookmarks(format, &out.paint, out.lang)
        }
        Some(Command::Search { phrase, paths, no_index, fresh }) => {
            cmd::search::search(&phrase, &paths, no_index, fresh, &config, &out.paint)
        }
        Some(Command::Export { paths, to, output, per_article }) => {
            let to = match to {
                ExportFormat::Markdown => dubao::export::Format::Markdown,
                ExportFormat::Epub => dubao::export::Format::Epub,
                ExportFormat::Html => dubao::export::Format::Html,
            };
            cmd::export::export(&paths, &cmd::export::How { to, out: output, per_article }, &config)
        }
        Some(Command::Completions { .. } | Command::Paths | Command::Man) => Ok(ExitCode::SUCCESS),
    }
}

/// The exit code; a closed stdout pipe is not an error (`dubao list | head`).
fn finish(result: io::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            cmd::warn(e);
            ExitCode::from(cmd::SOME_FAILED)
        }
    }
}

#[cfg(test)]
mod tests {
    //! `--help` in every language (here, where the derive's `Cli` is).
    use super::Cli;
    use crate::cmd::help::{arg_ids, localized};
    use clap::{Arg, Command, CommandFactory};
    use dubao::i18n::Lang;

    /// Every argument of every command, with the name of its command.
    fn each_arg(cmd: &Command, sub: Option<&str>, out: &mut Vec<(Option<String>, Arg)>) {
        for a in cmd.get_arguments() {
            out.push((sub.map(str::to_string), a.clone()));
        }
        for s in cmd.get_subcommands() {
            each_arg(s, Some(s.get_name()), out);
        }
    }

    fn plain(s: Option<&clap::builder::StyledStr>) -> String {
        s.map(ToString::to_string).unwrap_or_default()
    }

    #[test]
    fn en_ftl_says_what_the_derive_says() {
        let cli = Cli::command();
        assert_eq!(Lang::En.get("cli-about", &[]), Some(plain(cli.get_about())));
        assert_eq!(Lang::En.get("cli-long-about", &[]), Some(plain(cli.get_long_about())));
        let mut args = Vec::new();
        each_arg(&cli, None, &mut args);
        for (sub, a) in args {
            let id = a.get_id().as_str();
            if id == "config" {
                continue;
            }
            let said = arg_ids(id, sub.as_deref()).iter().find_map(|m| Lang::En.get(m, &[]));
            assert_eq!(said, Some(plain(a.get_help())), "{sub:?} {id}");
        }
        for s in cli.get_subcommands() {
            let said = Lang::En.get(&format!("cli-{}-about", s.get_name()), &[]);
            assert_eq!(said, Some(plain(s.get_about())), "{}", s.get_name());
        }
    }

    #[test]
    fn chinese_help_has_every_text() {
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            let cli = localized(Cli::command(), lang);
            let mut args = Vec::new();
            each_arg(&cli, None, &mut args);
            for (sub, a) in args {
                let help = plain(a.get_help());
                assert!(!help.is_empty() && !help.is_ascii(), "{lang:?} {sub:?} {}: {help}", a.get_id());
            }
            for s in cli.get_subcommands() {
                assert!(!plain(s.get_about()).is_ascii(), "{lang:?} {}", s.get_name());
            }
        }
    }
}
