//! Living with dubao like any good command-line tool: what it installs as
//! (`cargo package --list`), `--color` on every command, `dubao paths`,
//! and the man page and `--help` (what they say, and that `man` renders it).

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A home of its own: HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME inside it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home { dir: tempfile::tempdir().unwrap() }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("xdg-config")
    }

    fn cache(&self) -> PathBuf {
        self.dir.path().join("xdg-cache")
    }

    /// dubao with only this home and `env` in its environment.
    fn dubao(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.command(args, env).output().expect("run dubao")
    }

    /// The command [`Home::dubao`] runs, to run otherwise.
    fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut cmd = crate::common::dubao_command();
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.config())
            .env("XDG_CACHE_HOME", self.cache())
            .stdin(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Every subcommand, with arguments that make it do its work quickly.
fn every_command(issue: &str) -> Vec<Vec<String>> {
    let own = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        own(&[issue]),
        own(&["list", issue]),
        own(&["dump", issue]),
        own(&["dump", "--json", issue]),
        own(&["dump", "--markup", issue]),
        own(&["dump", "--explain", issue]),
        own(&["show", issue, "--article", "1"]),
        own(&["search", "清河", issue]),
        own(&["bookmarks"]),
        own(&["completions", "bash"]),
        own(&["paths"]),
        own(&["man"]),
    ]
}

/// Whether output holds an escape sequence.
fn colored(o: &Output) -> bool {
    o.stdout.contains(&0x1b)
}

#[test]
fn every_command_takes_color_and_never_means_never() {
    let home = Home::new();
    let issue = crate::common::data::samples().join("清河日报-20240308.txt").display().to_string();
    for args in every_command(&issue) {
        for when in ["auto", "always", "never"] {
            let mut with: Vec<&str> = args.iter().map(String::as_str).collect();
            with.extend(["--color", when]);
            let o = home.dubao(&with, &[("CLICOLOR_FORCE", "1")]);
            assert!(o.status.success(), "{with:?}: {}", stderr(&o));
            if when == "never" {
                assert!(!colored(&o), "{with:?} coloured");
            }
        }
    }
    let o = home.dubao(&["list", &issue, "--color", "sometimes"], &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_commands_that_colour_colour_by_the_conventions() {
    let home = Home::new();
    let issue = crate::common::data::samples().join("清河日报-20240308.txt").display().to_string();
    let colouring: [&[&str]; 5] = [
        &["list", &issue],
        &["dump", &issue],
        &["show", &issue, "--article", "1"],
        &["search", "清河", &issue],
        &[&issue],
    ];
    for args in colouring {
        let run = |extra: &[&str], env: &[(&str, &str)]| {
            let mut all = args.to_vec();
            all.extend(extra);
            colored(&home.dubao(&all, env))
        };
        assert!(!run(&[], &[]), "{args:?}: not a terminal, so no colour");
        assert!(run(&["--color", "always"], &[]), "{args:?}");
        assert!(run(&["--color", "always"], &[("NO_COLOR", "1")]), "{args:?}: the flag beats NO_COLOR");
        assert!(run(&[], &[("CLICOLOR_FORCE", "1")]), "{args:?}: CLICOLOR_FORCE colours a pipe");
        assert!(!run(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]), "{args:?}: NO_COLOR first");
        assert!(!run(&[], &[("CLICOLOR_FORCE", "0")]), "{args:?}");
        assert!(!run(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]), "{args:?}");
    }
    // Machine formats are never coloured unless asked for.
    for args in [&["dump", "--json", issue.as_str()][..], &["dump", "--markup", &issue], &["bookmarks", "--json"]] {
        let o = home.dubao(args, &[("CLICOLOR_FORCE", "1")]);
        assert!(!colored(&o), "{args:?}");
    }
}

#[test]
fn the_package_holds_only_what_builds_and_documents_dubao() {
    let root = crate::common::data::root();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let o = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root)
        .output()
        .expect("cargo package --list");
    assert!(o.status.success(), "{}", stderr(&o));
    let listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    let bad = |f: &String| {
        ["fuzz/", "benches/", "tests/", ".ci/", "target/"].iter().any(|d| f.starts_with(d))
            || f.ends_with(".snap")
            || f.contains("proptest-regressions")
    };
    assert_eq!(listed.iter().filter(|f| bad(f)).collect::<Vec<_>>(), Vec::<&String>::new(), "{listed:?}");
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "config.example.toml",
        "src/main.rs",
        "src/lib.rs",
    ] {
        assert!(listed.iter().any(|f| f == needed), "{needed} is packaged: {listed:?}");
    }
    // Everything the source includes at build time is packaged: the
    // samples and the interface's messages.
    for lang in ["en", "zh-Hans", "zh-Hant"] {
        assert!(listed.contains(&format!("src/i18n/{lang}.ftl")), "src/i18n/{lang}.ftl is packaged: {listed:?}");
    }
    for sample in std::fs::read_dir(root.join("issues")).unwrap() {
        let name = sample.unwrap().file_name().to_string_lossy().into_owned();
        assert!(listed.contains(&format!("issues/{name}")), "issues/{name}");
    }
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let license = manifest.lines().find(|l| l.starts_with("license = ")).unwrap_or_default();
    assert_eq!(license, "license = \"MIT OR Apache-2.0\"", "the licence files are the manifest's");
    assert!(std::fs::read_to_string(root.join("LICENSE-MIT")).unwrap().starts_with("MIT License"));
    let apache = std::fs::read_to_string(root.join("LICENSE-APACHE")).unwrap();
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
}

/// What `dubao paths` must print in `home`, the config file being `config`.
fn paths_of(home: &Home, config: &std::path::Path) -> String {
    let (state, cache) = (home.config().join("dubao"), home.cache().join("dubao"));
    format!("config\t{}\nstate\t{}\ncache\t{}\n", config.display(), state.display(), cache.display())
}

#[test]
fn paths_prints_exactly_the_places_in_use() {
    let home = Home::new();
    let o = home.dubao(&["paths"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), paths_of(&home, &home.config().join("dubao/config.toml")));
    assert_eq!(stderr(&o), "");
    // --config, relative to where dubao starts, whether or not it is there.
    let mut cmd = home.command(&["--config", "mine.toml", "paths"], &[]);
    let o = cmd.current_dir(home.dir.path()).output().unwrap();
    assert_eq!(stdout(&o), paths_of(&home, &home.dir.path().join("mine.toml")));
    // A broken config is when its place is most worth knowing.
    std::fs::create_dir_all(home.config().join("dubao")).unwrap();
    std::fs::write(home.config().join("dubao/config.toml"), "[layout\n").unwrap();
    let o = home.dubao(&["paths"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), paths_of(&home, &home.config().join("dubao/config.toml")));
    // Nothing was made by asking.
    assert!(!home.cache().exists());
}

#[test]
fn help_names_the_config_file_of_this_system_and_shows_the_examples() {
    let home = Home::new();
    let help = stdout(&home.dubao(&["--help"], &[]));
    let config = home.config().join("dubao/config.toml");
    assert!(help.contains(&format!("instead of {}", config.display())), "{help}");
    assert!(!help.contains("~/.config/dubao/config.toml"), "{help}");
    let page = stdout(&home.dubao(&["man"], &[]));
    let examples = help.split_once("Examples:").map(|(_, e)| e).expect("an Examples heading");
    let lines: Vec<&str> = examples.lines().filter_map(|l| l.strip_prefix("  ")).collect();
    assert!(lines.len() >= 5, "{examples}");
    for line in lines {
        let (command, _) = line.split_once("  ").expect("a command and what it does");
        // The page has it too, dashes escaped as roff wants them.
        assert!(page.contains(&command.trim().replace('-', "\\-")), "{command} is in the man page");
    }
}

#[test]
fn the_man_page_has_every_section_and_the_real_paths() {
    let home = Home::new();
    let o = home.dubao(&["man"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.starts_with(".ie") && page.contains(".TH DUBAO 1"), "{page}");
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXAMPLES", "FILES", "ENVIRONMENT"] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "{section}");
    }
    assert!(page.contains("\n.SH \"EXIT STATUS\"\n") || page.contains("\n.SH EXIT STATUS\n"), "EXIT STATUS");
    assert_eq!(page.matches(".el .ds Aq").count(), 1, "one preamble");

    let Some(rendered) = man(&page) else { return };
    let rendered_lines: Vec<&str> = rendered.lines().collect();
    for section in
        ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXAMPLES", "FILES", "ENVIRONMENT", "EXIT STATUS"]
    {
        assert!(rendered_lines.contains(&section), "{section} rendered:\n{rendered}");
    }
    let files = rendered.split_once("\nFILES\n").unwrap().1.split_once("\nENVIRONMENT\n").unwrap().0;
    let listed = |p: PathBuf| files.lines().any(|l| l.trim() == p.display().to_string());
    assert!(listed(home.config().join("dubao/config.toml")), "the config file:\n{files}");
    assert!(listed(home.config().join("dubao/")), "the state directory:\n{files}");
    assert!(listed(home.cache().join("dubao/index")), "the index:\n{files}");
    let environment = rendered.split_once("\nENVIRONMENT\n").unwrap().1;
    for name in ["XDG_CONFIG_HOME", "XDG_CACHE_HOME", "NO_COLOR", "CLICOLOR_FORCE", "PAGER", "DUBAO_PAGER", "LANG"] {
        assert!(environment.contains(name), "{name}:\n{environment}");
    }
    for command in ["dubao show", "dubao search", "dubao paths", "dubao man", "--article"] {
        assert!(rendered.contains(command), "{command}:\n{rendered}");
    }
}

/// `page` through `man -l -` as plain text, warnings on; `None` (and a
/// note) when there is no man-db `man` here.
fn man(page: &str) -> Option<String> {
    use std::io::Write;
    // man-db's `man` says `man 2.x`; mandoc's and stubs (minimised images) don't.
    let version = Command::new("man").arg("--version").stderr(Stdio::null()).output();
    if !version.is_ok_and(|v| v.status.success() && stdout(&v).starts_with("man ")) {
        crate::common::skipped("rendering dubao's man page with man -l", "there is no man-db `man` here");
        return None;
    }
    let spawned = Command::new("man")
        .args(["--warnings", "-l", "-"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = spawned.expect("run man");
    child.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "man -l -: {}", stderr(&o));
    // Lines too long to fill (a long temporary path) are not the page's fault.
    let warnings: Vec<&str> = std::str::from_utf8(&o.stderr)
        .unwrap()
        .lines()
        .filter(|l| !l.contains("cannot adjust line") && !l.contains("can't break line"))
        .collect();
    assert!(warnings.is_empty(), "man warns: {warnings:?}");
    Some(stdout(&o))
}
