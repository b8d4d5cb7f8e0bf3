//! A library of 100,000 issues (~2.3 GB, ten papers of 10,000 days; the
//! generator is `tests/it/common/archive.rs`, run once into
//! `target/bench-archive/`): every figure next to a baseline from the same
//! run, medians. Benches only, never `cargo test`; slow (the cold build
//! alone parses every file). `cargo bench --bench library`
//! (`DUBAO_BENCH_ISSUES=5000` for a quick run).
//!
//! - first frame (real binary, pty): `dubao FILE` vs `dubao DIR` never
//!   seen (no index), and with the index;
//! - `dubao search` warm vs `rg -F -c` on the same files: a rare phrase, a
//!   common one, a Latin word; a phrase in every issue vs `rg -F` printing
//!   its lines (both bounded by writing them);
//! - the cold build (`dubao search` with an empty cache) vs `rg -F -c`;
//!   peak RSS of each (wait4); the reader's VmHWM; index size / text size;
//! - one issue changed, added, removed: `Index::update_some` (what the
//!   reader's watcher calls) and a search that sees it;
//! - a key typed in the picker over 100,000 issues vs over one
//!   (`DUBAO_BENCH_ONLY=picker` for that alone; `=reader` for the build,
//!   the first frames and the reader's memory; `=search` for the warm
//!   searches alone, on an index kept beside the shelf, built the first
//!   time).

#[path = "../tests/it/common/archive.rs"]
mod archive;
#[path = "common/mod.rs"]
mod common;
#[path = "../tests/it/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use common::median;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const SEED: u64 = 20_240_308;
const PAPERS: usize = 10;
const RUNS: usize = 5;
/// A common phrase: one of the generator's sixteen headline endings, in
/// many issues but far from all (the bench prints how many lines).
const COMMON_SOME: &str = "数字政府建设培训班";

/// One finished run: wall time, peak RSS (KiB), lines printed.
struct Run {
    time: Duration,
    rss_kib: u64,
    lines: usize,
}

/// Runs `cmd` to the end (stdout counted, stderr dropped) and measures it.
fn run(mut cmd: Command) -> Run {
    let start = Instant::now();
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn");
    let mut out = child.stdout.take().unwrap();
    let counter = std::thread::spawn(move || {
        use std::io::Read;
        let (mut buf, mut lines) = (vec![0u8; 1 << 16], 0);
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            lines += buf[..n].iter().filter(|&&b| b == b'\n').count();
        }
        lines
    });
    let (_, rss_kib) = common::reap(child);
    Run { time: start.elapsed(), rss_kib, lines: counter.join().unwrap() }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Env {
    exe: PathBuf,
    papers: PathBuf,
    home: PathBuf,
}

impl Env {
    fn dubao(&self, cache: &Path, args: &[&str]) -> Command {
        let mut c = Command::new(&self.exe);
        c.args(args).arg(&self.papers);
        c.env("HOME", &self.home).env("XDG_CONFIG_HOME", self.home.join(".config")).env("XDG_CACHE_HOME", cache);
        c
    }

    fn rg(&self, args: &[&str]) -> Command {
        let mut c = Command::new("rg");
        c.args(["--no-config"]).args(args).arg(&self.papers);
        c
    }
}

fn main() {
    let n = archive::bench_issues(100_000);
    // `DUBAO_BENCH_ONLY=picker` measures the picker alone (no archive needed).
    if std::env::var("DUBAO_BENCH_ONLY").is_ok_and(|o| o == "picker") {
        picker(n);
        return;
    }
    let root = archive::bench_dir(&format!("shelf-{n}-{SEED}"), |papers| {
        archive::generate_shelf(papers, PAPERS, n, SEED);
    });
    let papers = root.join("papers");
    if std::env::var("DUBAO_BENCH_ONLY").is_ok_and(|o| o == "search") {
        warm_only(&root, &papers);
        return;
    }
    let scratch = tempfile::tempdir_in(&root).unwrap();
    let home = scratch.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let env = Env { exe: PathBuf::from(env!("CARGO_BIN_EXE_dubao")), papers: papers.clone(), home };
    let files: Vec<PathBuf> = (0..n).map(|i| archive::shelf_path(&papers, PAPERS, i)).collect();
    let raw: u64 = files.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    println!("\nlibrary bench: {n} issues, {:.2} GB of files, 2 cores shared; medians", raw as f64 / 1e9);

    // Cold build: an empty cache, once; it leaves the index for the rest.
    let warm = scratch.path().join("cache");
    let rg_rare: Vec<f64> = (0..3).map(|_| ms(run(env.rg(&["-F", "-c", archive::RARE])).time)).collect();
    let rg_rare = median(rg_rare);
    let cold = run(env.dubao(&warm, &["search", archive::RARE]));
    println!(
        "cold build + search  {:>9.0} ms  peak RSS {:>6.1} MB   rg -F -c (warm) {:>7.0} ms   x{:.2}",
        ms(cold.time),
        cold.rss_kib as f64 / 1024.0,
        rg_rare,
        ms(cold.time) / rg_rare
    );
    let index: u64 = walk_sizes(&warm);
    println!(
        "index on disk        {:>9.2} GB = {:.0}% of the files' bytes",
        index as f64 / 1e9,
        100.0 * index as f64 / raw as f64
    );

    // `DUBAO_BENCH_ONLY=reader`: the build, then the first frames and the reader alone.
    if std::env::var("DUBAO_BENCH_ONLY").is_ok_and(|o| o == "reader") {
        first_frames(&env, &files, &warm, n);
        return;
    }
    warm_searches(&env, &warm);
    first_frames(&env, &files, &warm, n);
    one_issue(&files, &warm, &papers);
    picker(n);
}

/// `DUBAO_BENCH_ONLY=search`: the warm searches alone, on an index kept in
/// the shelf's directory (built once, the first time, then reused).
fn warm_only(root: &Path, papers: &Path) {
    let kept = root.join("kept");
    let home = kept.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let env = Env { exe: PathBuf::from(env!("CARGO_BIN_EXE_dubao")), papers: papers.to_path_buf(), home };
    let warm = kept.join("cache");
    if !warm.join("dubao/index").exists() {
        let cold = run(env.dubao(&warm, &["search", archive::RARE]));
        println!("cold build + search  {:>9.0} ms (once: the index is kept)", ms(cold.time));
    }
    // Once each beforehand, so that every timed run finds the files cached alike.
    run(env.dubao(&warm, &["search", archive::RARE]));
    run(env.rg(&["-F", "-c", archive::RARE]));
    warm_searches(&env, &warm);
}

/// Bytes of every file under `dir`.
fn walk_sizes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

fn warm_searches(env: &Env, warm: &Path) {
    println!("\nwarm `dubao search` vs rg on the same files (median of {RUNS})");
    let cases: [(&str, &str, &[&str]); 4] = [
        ("rare", archive::RARE, &["-F", "-c"]),
        ("common (a headline's)", COMMON_SOME, &["-F", "-c"]),
        ("Latin word, any case", "Smart Grid", &["-F", "-i", "-c"]),
        ("in every issue", archive::COMMON, &["-F"]),
    ];
    for (label, phrase, flags) in cases {
        let mut rg_args = flags.to_vec();
        rg_args.push(phrase);
        let (mut ours, mut theirs, mut rss, mut lines, mut rg_lines) = (Vec::new(), Vec::new(), 0, 0, 0);
        for _ in 0..RUNS {
            let r = run(env.dubao(warm, &["search", phrase]));
            ours.push(ms(r.time));
            rss = rss.max(r.rss_kib);
            lines = r.lines;
            let r = run(env.rg(&rg_args));
            theirs.push(ms(r.time));
            rg_lines = r.lines;
        }
        let (a, b) = (median(ours), median(theirs));
        println!(
            "  {label:<24} dubao {a:>8.1} ms ({lines:>7} lines, {:>5.1} MB)   rg {} {b:>8.1} ms ({rg_lines:>6} lines)   x{:.2}",
            rss as f64 / 1024.0,
            flags.join(" "),
            a / b
        );
    }
}

/// What the first screen must show: the start of the issue's first article.
fn first_text(path: &Path) -> String {
    let parsed = dubao::parse::parse_issue(&std::fs::read(path).unwrap(), &path.display().to_string()).unwrap();
    parsed.issue.articles().next().unwrap().headline.chars().take(6).collect()
}

/// Milliseconds from spawn to `text` on screen, with this cache.
fn first_frame(args: &[&str], text: &str, cache: Option<&Path>) -> f64 {
    let home = tempfile::tempdir().unwrap();
    if let Some(cache) = cache {
        std::os::unix::fs::symlink(cache, home.path().join(".cache")).unwrap();
    }
    common::first_frame(args, text, home, Duration::from_secs(60))
}

fn first_frames(env: &Env, files: &[PathBuf], warm: &Path, n: usize) {
    // The newest issue by name: the last day, the first paper by name.
    let newest = (n.saturating_sub(PAPERS)..n).map(|i| &files[i]).min_by_key(|p| p.display().to_string()).unwrap();
    let (one, lib, text) = (newest.display().to_string(), env.papers.display().to_string(), first_text(newest));
    // The reader's cache is `$HOME/.cache/dubao`: the warm one holds `dubao/`.
    let (mut base, mut unseen, mut indexed) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        base.push(first_frame(&[&one], &text, None));
        unseen.push(first_frame(&[&lib], &text, None));
        indexed.push(first_frame(&[&lib], &text, Some(warm)));
    }
    let b = median(base);
    println!("\ntime to first frame, median of {RUNS} (pty 120x36)");
    println!("  dubao FILE                          {b:>7.1} ms");
    println!("  dubao DIR, never seen (no index)    {:>7.1} ms   x{:.2}", median(unseen.clone()), median(unseen) / b);
    println!("  dubao DIR, index from before        {:>7.1} ms   x{:.2}", median(indexed.clone()), median(indexed) / b);

    // The reader's peak RSS with every issue found and the index read.
    let home = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(warm, home.path().join(".cache")).unwrap();
    let mut t = pty::Pty::spawn_in(&[&lib], 120, 36, home, false);
    t.wait_text(&text);
    t.send("i");
    t.wait_for("all issues in the picker", |s| s.contains(&format!("of {n} ")));
    t.send("\x1b");
    // The picker is full from the names alone; the index's look at every
    // file, its titles taken in and the searcher come after. The peak is
    // read once it has held for 3 s (a minute at most), after a search.
    let hwm = || {
        let status = std::fs::read_to_string(format!("/proc/{}/status", t.pid())).unwrap_or_default();
        let line = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: 0 kB").to_string();
        line.split_whitespace().nth(1).and_then(|k| k.parse::<u64>().ok()).unwrap_or(0)
    };
    let settled = |mut last: u64| {
        let (start, mut since) = (Instant::now(), Instant::now());
        while since.elapsed() < Duration::from_secs(3) && start.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(100));
            let now = hwm();
            if now != last {
                (last, since) = (now, Instant::now());
            }
        }
        last
    };
    let indexed = settled(hwm());
    t.send("S");
    t.send(&format!("{}\r", archive::RARE));
    t.wait_for("the archive search's answer", |s| s.contains("matches in"));
    let searched = settled(hwm());
    println!(
        "  reader with {n} issues found and indexed: VmHWM {} MB; after an archive search {} MB",
        indexed / 1024,
        searched / 1024
    );
    // Esc and q at once would read as Alt+q.
    t.send("\x1b");
    t.wait_for("the search closed", |s| !s.contains("matches in"));
    t.send("q");
    t.wait_exit();
}

/// A change to make, the file it touches, and whether the phrase is there after.
type Step<'a> = (&'a str, Box<dyn Fn() + 'a>, &'a Path, bool);

/// One issue changed, added and removed, each taken in by
/// `update_some` (the watcher's path) and then searched.
fn one_issue(files: &[PathBuf], warm: &Path, papers: &Path) {
    let dir = dubao::library::cache_dir_for(std::slice::from_ref(&papers.to_path_buf()))
        .and_then(|d| d.file_name().map(|name| warm.join("dubao/index").join(name)));
    let mut index = dubao::library::Index::open(dir);
    let never = AtomicBool::new(false);
    let found = |index: &dubao::library::Index, q: &str| {
        let mut n = 0;
        index.search(
            q,
            &mut |_| {
                n += 1;
                true
            },
            &never,
        );
        n
    };
    let target = &files[files.len() / 2];
    let original = std::fs::read(target).unwrap();
    let added = target.with_file_name("增刊-20991231.txt");
    let (mut work, mut seen) = (Vec::new(), Vec::new());
    for round in 0..3 {
        let phrase = format!("鲸落博物馆第{round}次开馆");
        let mut text = original.clone();
        text.extend_from_slice(format!("\n新增文章标题\n\n本报讯 今天,{phrase}。\n").as_bytes());
        let steps: [Step<'_>; 3] = [
            ("changed", Box::new(|| std::fs::write(target, &text).unwrap()), target, true),
            ("added", Box::new(|| std::fs::write(&added, &text).unwrap()), &added, true),
            ("removed", Box::new(|| std::fs::remove_file(&added).unwrap()), &added, false),
        ];
        for (k, (what, change, path, present)) in steps.iter().enumerate() {
            change();
            let start = Instant::now();
            index.update_some(&[path.to_path_buf()], &never).expect("a sound index");
            let took = start.elapsed();
            let hits = found(&index, &phrase);
            let until = start.elapsed();
            assert!(if *present { hits >= 1 } else { hits == usize::from(k == 2) }, "{what}: {hits}");
            if round == 0 {
                work.push((what.to_string(), Vec::new(), Vec::new()));
            }
            work[k].1.push(ms(took));
            work[k].2.push(ms(until));
        }
        std::fs::write(target, &original).unwrap();
        index.update_some(std::slice::from_ref(target), &never).expect("a sound index");
        seen.push(index.segment_count());
    }
    println!("\none issue, `Index::update_some` (the watcher's path), median of 3; segments after: {seen:?}");
    for (what, took, until) in work {
        println!("  {what:<8} update {:>7.1} ms, searchable after {:>7.1} ms", median(took), median(until));
    }
    let start = Instant::now();
    index.update(files, &mut |_, _| {}, &never);
    println!("  (a whole `update` finding nothing to do, stat of every file: {:.0} ms)", ms(start.elapsed()));
}

/// A key typed in the picker: 100,000 issues vs one.
fn picker(n: usize) {
    use dubao::app::{Action, IssueInfo, Keymap, Settings, State, update};
    let mut rows: Vec<(usize, f64, f64, f64)> = Vec::new();
    for count in [1, n] {
        let start = jiff::civil::date(2023, 5, 18);
        let infos: Vec<IssueInfo> = (0..count)
            .map(|i| {
                let (title, date) = (archive::SHELF[i % PAPERS], start - jiff::Span::new().days((i / PAPERS) as i64));
                let name = format!("papers/{title}/{title}-{}.txt", date.strftime("%Y%m%d"));
                IssueInfo { name: name.into(), title: title.into(), date: Some(date), articles: None }
            })
            .collect();
        let mut s = State::new(vec![infos[0].name.to_string()], Settings::default(), Keymap::default(), (200, 60));
        update(&mut s, Action::Library(infos));
        update(&mut s, Action::Issues);
        // The first digit also lists the library's runs of digits.
        let t = Instant::now();
        update(&mut s, Action::Input('2'));
        let first = t.elapsed().as_secs_f64() * 1e6;
        let (mut typed, mut erased) = (Vec::new(), Vec::new());
        for k in 0..400 {
            let action = if k % 2 == 0 { Action::Input('0') } else { Action::InputBackspace };
            let t = Instant::now();
            std::hint::black_box(update(&mut s, action));
            let us = t.elapsed().as_secs_f64() * 1e6;
            if k % 2 == 0 { typed.push(us) } else { erased.push(us) }
        }
        rows.push((count, first, median(typed), median(erased)));
        if count == n {
            list_changes(&mut s, n);
        }
    }
    println!("\na key in the picker (`update`; `2` typed, then `0` and Backspace by turns), median of 200 each");
    for (count, first, typed, erased) in &rows {
        println!(
            "  {count:>7} issues  first digit {first:>8.1} µs  typing {typed:>8.1} µs  Backspace {erased:>7.1} µs"
        );
    }
}

/// What the reader's own list costs when one issue is added, changed or
/// removed (after `update_some`): the librarian's `Action::Changed` taken
/// in by `update`, with the picker open.
fn list_changes(s: &mut dubao::app::State, n: usize) {
    list_change(s, n, "picker open");
    s.overlay = None;
    list_change(s, n, "picker closed");
}

fn list_change(s: &mut dubao::app::State, n: usize, picker: &str) {
    use dubao::app::{Action, IssueInfo, update};
    let (mut added, mut changed, mut removed) = (Vec::new(), Vec::new(), Vec::new());
    for k in 0..RUNS {
        let new = IssueInfo::from_name(&format!("papers/new/东昌府报-2030010{k}.txt"));
        let t = Instant::now();
        update(s, Action::Changed { gone: Vec::new(), found: vec![new.clone()] });
        added.push(ms(t.elapsed()));
        let other = IssueInfo { title: "东昌府报（号外）".into(), ..s.library.slots[n / 2].info.clone() };
        let t = Instant::now();
        update(s, Action::Changed { gone: Vec::new(), found: vec![other] });
        changed.push(ms(t.elapsed()));
        let t = Instant::now();
        update(s, Action::Changed { gone: vec![new.name], found: Vec::new() });
        removed.push(ms(t.elapsed()));
    }
    assert_eq!(s.library.slots.len(), n, "each issue added was removed");
    println!(
        "  the reader's list, one issue of {n} ({picker}): added {:.1} ms, changed {:.1} ms, removed {:.1} ms",
        median(added),
        median(changed),
        median(removed)
    );
}
