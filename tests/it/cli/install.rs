//! Living with dubao like any good command-line tool: what it installs as
//! (`cargo package --list`), and `--color` on every command.

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
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dubao"));
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
        cmd.output().expect("run dubao")
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
    // Everything the source includes at build time is packaged.
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
