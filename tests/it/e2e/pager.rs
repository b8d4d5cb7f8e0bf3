//! Paging: `show`, `dump` and `list` on a terminal go through the pager
//! when taller than it — a fake pager here, a script that records what it
//! was given — and never when piped, short, turned off or missing.

use crate::common::data::samples;
use crate::common::pty::Pty;
use std::path::Path;

/// A home with a fake pager in it: `pager.sh` writes its input to `paged`
/// (whole, once it has it all) and `$LESS` to `less`.
fn home_with_pager() -> (tempfile::TempDir, String) {
    let home = tempfile::tempdir().unwrap();
    let script = home.path().join("pager.sh");
    let body = format!(
        "#!/bin/sh\nprintf '%s' \"$LESS\" > '{dir}/less'\ncat > '{dir}/paged.part' && mv '{dir}/paged.part' '{dir}/paged'\n",
        dir = home.path().display()
    );
    std::fs::write(&script, body).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let script = script.display().to_string();
    (home, script)
}

fn paged(home: &Path) -> Option<String> {
    std::fs::read_to_string(home.join("paged")).ok()
}

fn issue() -> String {
    samples().join("清河日报-20240308.txt").display().to_string()
}

/// What dubao prints piped, with colour as on a terminal: what the pager must get.
fn piped(args: &[&str], home: &Path) -> String {
    let o = crate::common::dubao_command()
        .args(args)
        .args(["--color", "always"])
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// Runs `dubao ARGS` on an 80×24 terminal with `env` until it has exited 0.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)], home: tempfile::TempDir) -> Pty {
    let mut t = Pty::spawn_env(args, 80, 24, home, env);
    assert_eq!(t.wait_exit(), 0, "{}", t.contents());
    t
}

/// What the terminal got (all of it, once `wait_raw` has seen the end).
fn raw(t: &Pty) -> String {
    String::from_utf8_lossy(&t.raw()).into_owned()
}

const HEADLINE: &str = "清河区召开2024年重点项目建设推进会";

#[test]
fn show_dump_and_list_are_paged_on_a_terminal_when_taller_than_it() {
    let issue = issue();
    let samples = samples().display().to_string();
    for args in [vec!["show", issue.as_str()], vec!["dump", issue.as_str()], vec!["list", samples.as_str()]] {
        let (home, pager) = home_with_pager();
        let mut t = on_a_terminal(&args, &[("DUBAO_PAGER", &pager)], home);
        let home = t.take_home();
        let want = piped(&args, home.path());
        assert!(want.lines().count() > 24, "{args:?} is taller than the terminal");
        assert_eq!(paged(home.path()).as_deref(), Some(want.as_str()), "{args:?}: the pager got it all, coloured");
        assert!(!raw(&t).contains(HEADLINE), "{args:?}: only the pager printed: {}", raw(&t));
        assert_eq!(std::fs::read_to_string(home.path().join("less")).unwrap(), "FRX", "LESS set for the pager");
    }
}

#[test]
fn piped_output_is_never_paged() {
    let (home, pager) = home_with_pager();
    let o = crate::common::dubao_command()
        .args(["show", &issue()])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("DUBAO_PAGER", &pager)
        .env("PAGER", &pager)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("清河区召开2024年重点项目建设推进会"));
    assert_eq!(paged(home.path()), None, "the pager was not run");
}

#[test]
fn no_pager_an_empty_pager_and_short_output_print_straight() {
    let issue = issue();
    let short = crate::common::data::fixture("styles/captions.txt").display().to_string();
    let config = |home: &Path, text: &str| {
        let dir = home.join(".config/dubao");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), text).unwrap();
    };
    type Setup = fn(&Path, &dyn Fn(&Path, &str));
    let cases: [(&str, Vec<&str>, Setup, &str); 4] = [
        ("--no-pager", vec!["show", &issue, "--no-pager"], |_, _| {}, HEADLINE),
        ("pager = \"\"", vec!["show", &issue], |h, c| c(h, "pager = \"\"\n"), HEADLINE),
        ("pager = \"cat\"", vec!["show", &issue], |h, c| c(h, "pager = \"cat\"\n"), HEADLINE),
        ("short output", vec!["list", &short], |_, _| {}, "清河湿地迎来“护鸟志愿季”"),
    ];
    for (case, args, setup, printed) in cases {
        let (home, pager) = home_with_pager();
        setup(home.path(), &config);
        // $PAGER names the fake: what turns paging off must win over it.
        let mut t = on_a_terminal(&args, &[("PAGER", &pager)], home);
        t.wait_raw(&format!("{case}: printed on the terminal"), printed.as_bytes());
        assert_eq!(paged(t.take_home().path()), None, "{case}: no pager");
    }
}

#[test]
fn a_missing_pager_prints_straight_without_a_word() {
    for missing in ["/no/such/pager", "no-such-pager-for-dubao -R", "LESS=R no-such-pager-for-dubao"] {
        let home = tempfile::tempdir().unwrap();
        let t = on_a_terminal(&["show", &issue()], &[("DUBAO_PAGER", missing)], home);
        t.wait_raw(missing, HEADLINE.as_bytes());
        let said = raw(&t);
        assert!(!said.contains("dubao:") && !said.contains("not found"), "{missing}: {said}");
    }
}

/// `$PAGER` is used when nothing before it names one.
#[test]
fn pager_is_used_when_dubao_pager_and_the_config_say_nothing() {
    let (home, pager) = home_with_pager();
    let mut t = on_a_terminal(&["show", &issue()], &[("PAGER", &pager)], home);
    assert!(paged(t.take_home().path()).is_some_and(|p| p.contains(HEADLINE)));
}
