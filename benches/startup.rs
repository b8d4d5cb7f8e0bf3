//! Time to first frame: the real binary in a pseudo-terminal, from spawn
//! until the first article's text is on screen — with one issue, and with a
//! library of 10,000 (resuming the last issue read; and `dubao DIR` with the
//! index from an earlier run) — plus the reader's peak RSS once the 10,000
//! issues are indexed. Medians of several runs, the one-issue case as the
//! baseline measured in the same run.
//!
//! `cargo bench --bench startup` (`DUBAO_BENCH_ISSUES=2000` for a quick run).
//! Shares `target/bench-archive/` with the archive bench.

#[path = "../tests/it/common/archive.rs"]
mod archive;
#[path = "common/mod.rs"]
mod common;
#[path = "../tests/it/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use common::median;

use std::path::{Path, PathBuf};
use std::time::Duration;

const SEED: u64 = 20_240_308;
const RUNS: usize = 21;

/// The generated archive, made once per size and seed.
fn archive_dir(n: usize) -> PathBuf {
    archive::bench_dir(&format!("{n}-{SEED}"), |papers| {
        archive::generate(papers, n, SEED);
    })
}

/// What the first screen must show: the start of the issue's first article.
fn first_text(path: &Path) -> String {
    let parsed = dubao::parse::parse_issue(&std::fs::read(path).unwrap(), &path.display().to_string()).unwrap();
    let a = parsed.issue.articles().next().unwrap().clone();
    a.headline.chars().take(6).collect()
}

/// Milliseconds from spawn to `text` on screen, in a home prepared by `prepare`.
fn first_frame(args: &[&str], text: &str, prepare: &dyn Fn(&Path)) -> f64 {
    let home = tempfile::tempdir().unwrap();
    prepare(home.path());
    common::first_frame(args, text, home, Duration::from_secs(30))
}

fn config(home: &Path, library: &Path) {
    let dir = home.join(".config/dubao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), format!("library = [{:?}]\n", library.display().to_string())).unwrap();
}

/// Positions as a reader who last read `issue` leaves them.
fn resume_at(home: &Path, issue: &Path) {
    let parsed = dubao::parse::parse_issue(&std::fs::read(issue).unwrap(), &issue.display().to_string()).unwrap();
    let article = parsed.issue.articles().next().unwrap().id.clone();
    let (mut store, _) = dubao::store::Store::open(Some(home.join(".config/dubao")), jiff::Timestamp::now());
    let positions = dubao::model::Positions {
        last: Some(dubao::model::LastOpen {
            source: std::path::absolute(issue).unwrap().display().to_string(),
            issue: parsed.issue.key(),
            article,
            ..Default::default()
        }),
        ..Default::default()
    };
    store.set_positions(&positions, jiff::Timestamp::now());
    store.save(jiff::Timestamp::now()).unwrap();
}

fn main() {
    let n = archive::bench_issues(10_000);
    let root = archive_dir(n).join("papers");
    let newest = archive::issue_path(&root, n - 1);
    let middle = archive::issue_path(&root, n / 2);
    let one = newest.display().to_string();
    let lib = root.display().to_string();

    // Warm the page cache and an index for the folder case.
    let cache_home = tempfile::tempdir().unwrap();
    let warm = std::process::Command::new(env!("CARGO_BIN_EXE_dubao"))
        .args(["search", "预热", &lib])
        .env("HOME", cache_home.path())
        .env("XDG_CACHE_HOME", cache_home.path().join(".cache"))
        .env("XDG_CONFIG_HOME", cache_home.path().join(".config"))
        .output()
        .unwrap();
    assert!(warm.status.code().is_some());
    let cache = cache_home.path().join(".cache");
    let with_index = |home: &Path| {
        let _ = std::process::Command::new("cp").arg("-r").arg(&cache).arg(home.join(".cache")).status();
    };

    let mut rows = Vec::new();
    let mut base = Vec::new();
    let mut resumed = Vec::new();
    let mut folder = Vec::new();
    for _ in 0..RUNS {
        base.push(first_frame(&[&one], &first_text(&newest), &|_| {}));
        resumed.push(first_frame(&[], &first_text(&middle), &|h| {
            config(h, &root);
            resume_at(h, &middle);
        }));
        folder.push(first_frame(&[&lib], &first_text(&newest), &with_index));
    }
    let b = median(base);
    rows.push(("1 issue (dubao FILE)", b));
    rows.push(("10,000 issues, resuming (dubao)", median(resumed)));
    rows.push(("10,000 issues, dubao DIR, index from before", median(folder)));
    println!("\ntime to first frame, median of {RUNS} (pty, 120x36)");
    for (what, ms) in &rows {
        println!("  {what:<46} {ms:8.1} ms   x{:.2}", ms / b);
    }

    // Peak RSS of the reader once all issues are found and indexed.
    let home = tempfile::tempdir().unwrap();
    with_index(home.path());
    let mut t = pty::Pty::spawn_in(&[&lib], 120, 36, home, false);
    t.wait_text(&first_text(&newest));
    t.send("i");
    t.wait_for("all issues in the picker", |s| s.contains(&format!("of {n} ")));
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains(&format!("of {n} ")));
    let status = std::fs::read_to_string(format!("/proc/{}/status", t.pid())).unwrap_or_default();
    let hwm = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: ?").to_string();
    println!("reader with {n} issues found and indexed: {hwm}");
    t.send("q");
    t.wait_exit();
}
