//! `--help` in the interface's language. clap speaks English only: the
//! command the derive makes is built (which adds `--help`, `--version` and
//! the `help` command), then each of its texts is replaced from the
//! `.ftl` files, command by command: what a command does, each argument's
//! help, the headings (by a help template per command) and the examples.
//! English keeps the derive's own texts; en.ftl holds the same words (a
//! test holds them equal), for the other languages to be checked against.
//! clap's parse errors (`error: unexpected argument …`) stay English.

use clap::{Arg, Command};
use dubao::i18n::Lang;

/// `cli` with its help in `lang`.
pub fn localized(cli: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cli;
    }
    let mut cli = cli;
    cli.build();
    let cli = command(cli, lang, None);
    cli.after_help(super::man::examples_help(lang))
}

/// One command and those under it; `sub`: its name, `None` for dubao itself.
fn command(cmd: Command, lang: Lang, sub: Option<&str>) -> Command {
    let (about, long) = match sub {
        None => ("cli-about".to_string(), Some("cli-long-about".to_string())),
        Some(name) => (format!("cli-{name}-about"), None),
    };
    let mut cmd = cmd;
    if let Some(text) = lang.get(&about, &[]) {
        cmd = cmd.about(text);
        if let Some(text) = long.and_then(|id| lang.get(&id, &[])) {
            cmd = cmd.long_about(text);
        }
    }
    let template = template(&cmd, lang);
    let cmd = cmd.help_template(template).mut_args(|a| arg(a, lang, sub));
    cmd.mut_subcommands(|s| {
        let name = s.get_name().to_string();
        command(s, lang, Some(&name))
    })
}

/// Where an argument's help is: the command's own message, else the one
/// the commands share (`paths`), else that of dubao's global options.
pub fn arg_ids(id: &str, sub: Option<&str>) -> Vec<String> {
    match sub {
        None => vec![format!("cli-arg-{id}")],
        Some(name) => vec![format!("cli-{name}-{id}"), format!("cli-sub-{id}"), format!("cli-arg-{id}")],
    }
}

fn arg(a: Arg, lang: Lang, sub: Option<&str>) -> Arg {
    let id = a.get_id().as_str().to_string();
    let help = match id.as_str() {
        "help" if a.get_long_help().is_some() => {
            return a.help(lang.t("cli-flag-help-more")).long_help(lang.t("cli-flag-help-summary"));
        }
        "help" => Some(lang.t("cli-flag-help")),
        "version" => Some(lang.t("cli-flag-version")),
        "config" => Some(super::paths::config_help(lang)),
        _ => arg_ids(&id, sub).iter().find_map(|m| lang.get(m, &[])),
    };
    let Some(help) = help else { return a };
    let notes = values(&a, &help, lang);
    let help = help + &notes;
    a.help(help).long_help(None::<&str>).hide_possible_values(true).hide_default_value(true)
}

/// `（可选：…；默认：…）`: what clap says after a help in English, said here.
fn values(a: &Arg, help: &str, lang: Lang) -> String {
    if !a.get_action().takes_values() {
        return String::new();
    }
    let mut notes = Vec::new();
    let possible: Vec<String> =
        a.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_string()).collect();
    // Unless the help names them already.
    let named = |help: &str| possible.iter().all(|v| help.contains(v.as_str()));
    if !possible.is_empty() && !a.is_hide_possible_values_set() && !named(help) {
        notes.push(lang.f("cli-possible", &[("values", possible.join(&lang.t("cli-list-comma")).into())]));
    }
    let default: Vec<String> = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !default.is_empty() && !a.is_hide_default_value_set() {
        notes.push(lang.f("cli-default", &[("value", default.join(" ").into())]));
    }
    if notes.is_empty() {
        return String::new();
    }
    lang.f("cli-notes", &[("notes", notes.join(&lang.t("cli-notes-sep")).into())])
}

/// clap's help layout with the headings in `lang`: the sections a command has.
fn template(cmd: &Command, lang: Lang) -> String {
    let styles = clap::builder::Styles::default();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let heading = |id: &str| format!("{}{}{}\n", header.render(), lang.t(id), header.render_reset());
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        sections.push(heading("cli-commands") + "{subcommands}");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(heading("cli-arguments") + "{positionals}");
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        sections.push(heading("cli-options") + "{options}");
    }
    let mut out = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}{}{{usage}}",
        usage.render(),
        lang.t("cli-usage"),
        usage.render_reset()
    );
    if !sections.is_empty() {
        out.push_str("\n\n");
        out.push_str(&sections.join("\n\n"));
    }
    out + "{after-help}"
}
