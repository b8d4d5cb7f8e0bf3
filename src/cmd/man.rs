//! `dubao man`: the man page, generated from the clap definition
//! (clap_mangen) with what clap does not know added: every command's
//! options, EXAMPLES (the same `--help` shows), FILES with the paths in
//! use on this system, ENVIRONMENT and EXIT STATUS.

use super::paths::Paths;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};
use dubao::i18n::Lang;
use std::io;

/// Command lines worth knowing, and (the message id of) what each does:
/// shown by `--help` and, in English, in the man page.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("dubao", "cli-example-read"),
    ("dubao ~/papers", "cli-example-folder"),
    ("dubao show issue.txt --article 3 --width 72", "cli-example-show"),
    ("dubao search 运河 ~/papers", "cli-example-search"),
    ("dubao show issue.txt --script taiwan", "cli-example-script"),
    ("dubao list ~/papers | grep 要闻", "cli-example-list"),
    ("dubao dump --explain issue.txt", "cli-example-explain"),
    ("dubao bookmarks --markdown > bookmarks.md", "cli-example-bookmarks"),
    ("dubao paths", "cli-example-paths"),
    ("dubao man | man -l -", "cli-example-man"),
    ("dubao completions zsh > ~/.zfunc/_dubao", "cli-example-completions"),
];

/// The examples as `--help` prints them after the options, in `lang`, and
/// where to read the rest.
pub fn examples_help(lang: Lang) -> String {
    let header = clap::builder::Styles::default().get_header().to_owned();
    let wide = EXAMPLES.iter().map(|(line, _)| unicode_width::UnicodeWidthStr::width(*line)).max().unwrap_or(0);
    let mut out = format!("{}{}{}\n", header.render(), lang.t("cli-examples"), header.render_reset());
    for (line, what) in EXAMPLES {
        let pad = wide - unicode_width::UnicodeWidthStr::width(*line);
        out.push_str(&format!("  {line}{:pad$}  {}\n", "", lang.t(what)));
    }
    out.push('\n');
    out.push_str(&lang.t("cli-examples-more"));
    out
}

/// What every roff render begins with (how to set apostrophes); the page
/// needs it once, not before every section.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// One of clap_mangen's renders as text, without the preamble.
fn rendered(render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> io::Result<String> {
    let mut out = Vec::new();
    render(&mut out)?;
    let text = String::from_utf8_lossy(&out).into_owned();
    Ok(text.strip_prefix(PREAMBLE).map_or(text.clone(), str::to_string))
}

/// The whole page, as roff.
pub fn page(cli: clap::Command, paths: &Paths) -> io::Result<Vec<u8>> {
    let mut cli = cli;
    cli.build();
    // The examples are a section of their own here, not `--help`'s tail.
    let man = Man::new(cli.clone().after_help(None::<&str>)).title("DUBAO").manual("User Commands");
    let mut out = String::from(PREAMBLE);
    out += &rendered(|w| man.render_title(w))?;
    out += &rendered(|w| man.render_name_section(w))?;
    out += &rendered(|w| man.render_synopsis_section(w))?;
    out += &rendered(|w| man.render_description_section(w))?;
    out += &rendered(|w| man.render_options_section(w))?;
    out += &commands(&cli)?;
    let mut roff = Roff::new();
    examples(&mut roff);
    files(&mut roff, paths);
    environment(&mut roff);
    exit_status(&mut roff);
    out += &rendered(|w| roff.to_writer(w))?;
    out += &rendered(|w| man.render_version_section(w))?;
    Ok(out.into_bytes())
}

/// COMMANDS: each subcommand's usage, what it does and its own options
/// (the global ones are under OPTIONS).
fn commands(cli: &clap::Command) -> io::Result<String> {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    let mut out = rendered(|w| roff.to_writer(w))?;
    for sub in cli.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
        let mut roff = Roff::new();
        roff.control("SS", [usage.as_str()]);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        out += &rendered(|w| roff.to_writer(w))?;
        let own: Vec<clap::Arg> =
            sub.get_arguments().filter(|a| !a.is_global_set() && a.get_id() != "help").cloned().collect();
        if own.is_empty() {
            continue;
        }
        let alone = clap::Command::new("command").disable_help_flag(true).args(own);
        let options = rendered(|w| Man::new(alone).render_options_section(w))?;
        // Its options as a list under the command, not a section of their own.
        out += options.strip_prefix(".SH OPTIONS\n").unwrap_or(&options);
    }
    Ok(out)
}

fn examples(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    for (line, what) in EXAMPLES {
        roff.control("TP", []);
        roff.text([bold(*line)]);
        roff.text([roman(Lang::En.t(what))]);
    }
}

/// A `.TP` item: `head` in bold, then `text`.
fn item(roff: &mut Roff, head: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(head)]);
    roff.text([roman(text)]);
}

fn files(roff: &mut Roff, paths: &Paths) {
    roff.control("SH", ["FILES"]);
    let show = |p: Option<&std::path::Path>, rest: &str| match p {
        Some(p) => dubao::parse::visible_str(&p.join(rest).display().to_string()).into_owned(),
        None => format!("(no home directory){}{rest}", std::path::MAIN_SEPARATOR),
    };
    let (config, state, cache) = (paths.config.as_deref(), paths.state.as_deref(), paths.cache.as_deref());
    let config = config
        .map_or("(no home directory)".into(), |p| dubao::parse::visible_str(&p.display().to_string()).into_owned());
    item(
        roff,
        &config,
        "The config file (--config FILE reads another): the library, the text column, colours, keys, the pager. \
         A missing file means the defaults; config.example.toml, beside the README, lists every key.",
    );
    roff.control("TP", []);
    roff.text([bold(show(state, ""))]);
    roff.text([roman(
        "bookmarks.toml, read.toml and positions.toml: bookmarks, read marks and reading positions, saved atomically and merged with other dubaos. \
         Conflict copies beside them (Syncthing's bookmarks.sync-conflict-*.toml, a cloud drive's \
         bookmarks (conflicted copy ...).toml) and git conflict markers inside them are merged in; \
         a removed bookmark stays removed.",
    )]);
    item(roff, &show(cache, "index"), "The search index: only a cache, rebuilt when missing.");
    item(roff, &show(cache, "unsaved"), "Changes that could not be saved yet, saved by the next dubao that can.");
    item(roff, &show(cache, "conflicts"), "Conflict copies, kept here once merged; never deleted.");
    roff.control("TP", []);
    roff.text([bold(show(cache, "crash-")), italic("TIME-PID"), bold(".txt")]);
    roff.text([roman("A report, if dubao ever crashes.")]);
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        (
            "XDG_CONFIG_HOME",
            "The config file and the state files are in $XDG_CONFIG_HOME/dubao (unset: ~/.config/dubao).",
        ),
        ("XDG_CACHE_HOME", "The cache is $XDG_CACHE_HOME/dubao (unset: ~/.cache/dubao)."),
        ("HOME", "Where the two above are when they are unset."),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "The first that is set chooses the interface's language when ui_language is auto: zh_CN, zh_SG 简体中文; zh_TW, zh_HK, zh_MO 繁體中文; else English.",
        ),
        ("NO_COLOR", "Set and not empty: no colours with --color auto (bold, dim and reverse stay). Goes first."),
        ("CLICOLOR_FORCE", "Set and not 0: colours with --color auto even when output is not a terminal."),
        ("CLICOLOR", "0: no colours with --color auto."),
        ("TERM", "dumb: no colours with --color auto."),
        (
            "DUBAO_PAGER",
            "The pager for show, dump and list output taller than the terminal; before the config's pager and \
             $PAGER. Empty or cat: no pager.",
        ),
        ("PAGER", "The pager when neither $DUBAO_PAGER nor the config names one (unset: less -FRX)."),
        ("LESS", "Passed to the pager; set to FRX when unset."),
        (
            "LANG, LC_ALL, LC_CTYPE",
            "Not read: each issue's encoding is found from its bytes, and output is UTF-8 whatever the locale. \
             Whether the terminal draws ambiguous characters (“ ” … —) two cells wide, as CJK locales often do, \
             is measured at start-up.",
        ),
        ("TMPDIR", "Where unsaved changes are kept when the cache cannot be written."),
    ] {
        item(roff, name, what);
    }
}

fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in [
        ("0", "Success; for search, something matched."),
        (
            "1",
            "Some files could not be read (the rest were used); for search, nothing matched; for paths, no home directory.",
        ),
        ("2", "A usage error, or a mistake in the config file (named with its line and column)."),
        ("3", "The reader quit with changes it could not save (they are kept; see FILES)."),
    ] {
        item(roff, code, what);
    }
}
