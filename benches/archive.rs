//! Archive search over 10,000 generated issues (~200 MB): the real
//! `dubao search` (warm: index built; cold: a fresh cache directory) next to
//! `rg -F -c PHRASE DIR` on the same files, as medians of several runs, with
//! each process's peak RSS (wait4's rusage, the per-child form of
//! getrusage(RUSAGE_CHILDREN)) and a check that dubao finds at least the
//! issues `rg -l` finds. Then criterion times the search in-process next to
//! a plain read-every-file-and-memmem loop.
//!
//! `cargo bench --bench archive` (`DUBAO_BENCH_ISSUES=2000` for a quick run).
//! The archive is generated once into `target/bench-archive/` and reused.

#[path = "../tests/it/common/archive.rs"]
mod archive;
#[path = "common/mod.rs"]
mod common;
#[path = "../tests/it/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use common::{median, reap};

use criterion::Criterion;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

const SEED: u64 = 20_240_308;
const WARM_RUNS: usize = 11;
const COLD_RUNS: usize = 3;

/// The generated archive, made once per size and seed.
fn archive_dir(n: usize) -> PathBuf {
    archive::bench_dir(&format!("{n}-{SEED}"), |papers| {
        archive::generate(papers, n, SEED);
    })
}

/// The dubao binary cargo built for this bench (building it if need be).
fn dubao_exe() -> PathBuf {
    if let Some(p) = option_env!("CARGO_BIN_EXE_dubao").map(PathBuf::from).filter(|p| p.exists()) {
        return p;
    }
    let p = archive::target_dir().join("release").join(if cfg!(windows) { "dubao.exe" } else { "dubao" });
    if !p.exists() {
        let ok = Command::new(env!("CARGO")).args(["build", "--release", "--bin", "dubao"]).status();
        assert!(ok.is_ok_and(|s| s.success()), "cargo build --release failed");
    }
    p
}

/// One finished run: wall time, peak RSS (KiB), stdout.
struct Run {
    time: Duration,
    rss_kib: u64,
    stdout: String,
    status: i32,
}

/// Runs `cmd` to the end, its stdout in a file, and measures it. Through
/// a copy of this bench in runner mode: a child's peak RSS counts the
/// memory of the process that spawned it (Linux records the spawner's
/// high-water mark when the child execs), and the runner is small.
fn run(cmd: Command, scratch: &Path) -> Run {
    let out_path = scratch.join("stdout");
    let out = std::fs::File::create(&out_path).unwrap();
    let mut runner = Command::new(std::env::current_exe().unwrap());
    runner.env(RUNNER, "1").arg("--").arg(cmd.get_program()).args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => runner.env(k, v),
            None => runner.env_remove(k),
        };
    }
    let o = runner.stdout(Stdio::from(out)).stderr(Stdio::piped()).output().expect("runner");
    let report = String::from_utf8_lossy(&o.stderr);
    let mut fields = report.split_whitespace().map(|f| f.parse::<u64>().unwrap_or(0));
    let (nanos, rss_kib, status) =
        (fields.next().unwrap_or(0), fields.next().unwrap_or(0), fields.next().unwrap_or(99));
    let stdout = String::from_utf8(std::fs::read(&out_path).unwrap()).unwrap();
    Run { time: Duration::from_nanos(nanos), rss_kib, stdout, status: status as i32 }
}

/// Set in the environment of this bench run as a runner.
const RUNNER: &str = "DUBAO_BENCH_RUNNER";

/// Runner mode: runs the command after `--`, then prints its wall time
/// (ns), peak RSS (KiB) and exit status on stderr.
fn runner() -> ! {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip_while(|a| a != "--").skip(1).collect();
    let start = Instant::now();
    let child =
        Command::new(&args[0]).args(&args[1..]).env_remove(RUNNER).stderr(Stdio::null()).spawn().expect("spawn");
    let (status, rss_kib) = reap(child);
    eprintln!("{} {rss_kib} {status}", start.elapsed().as_nanos());
    std::process::exit(0)
}

fn has_rg() -> bool {
    Command::new("rg").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// The issues (dates) on dubao's lines.
fn dubao_issues(stdout: &str) -> BTreeSet<String> {
    stdout.lines().filter_map(|l| l.split('\t').next()).map(str::to_string).collect()
}

/// The issues (dates, from file names) `rg -l` lists.
fn rg_issues(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .filter_map(|l| {
            let stem = Path::new(l).file_stem()?.to_str()?;
            let d = stem.rsplit('-').next()?;
            (d.len() == 8).then(|| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
        })
        .collect()
}

struct Row {
    phrase: String,
    what: String,
    median: Duration,
    rss_kib: u64,
    rg: Option<Duration>,
}

fn main() {
    if std::env::var_os(RUNNER).is_some() {
        runner();
    }
    let n = archive::bench_issues(10_000);
    let root = archive_dir(n);
    let papers = root.join("papers");
    let exe = dubao_exe();
    let scratch = tempfile::tempdir_in(&root).unwrap();
    let home = scratch.path().join("home");
    let warm_cache = scratch.path().join("warm-cache");
    std::fs::create_dir_all(&home).unwrap();
    let raw_bytes: u64 = walk(&papers).iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum();
    let rg = has_rg();
    if !rg {
        println!("rg (ripgrep) not found: `apt-get install ripgrep` for the comparison; timing dubao alone");
    }
    let dubao = |phrase: &str, cache: &Path, extra: &[&str]| {
        let mut c = Command::new(&exe);
        c.arg("search").args(extra).arg(phrase).arg(&papers);
        c.env("HOME", &home).env("XDG_CONFIG_HOME", home.join(".config")).env("XDG_CACHE_HOME", cache);
        c
    };
    let ripgrep = |phrase: &str, flag: &str| {
        let mut c = Command::new("rg");
        c.args(["-F", flag, "--no-config", "--", phrase]).arg(&papers);
        c
    };

    // Cold: no index yet (each run in a fresh cache directory); this also
    // leaves an index behind for the warm runs.
    let mut rows: Vec<Row> = Vec::new();
    let mut cold = Vec::new();
    let mut cold_rss = 0;
    for k in 0..COLD_RUNS {
        let cache = if k == COLD_RUNS - 1 { warm_cache.clone() } else { scratch.path().join(format!("cold-{k}")) };
        let r = run(dubao(archive::RARE, &cache, &[]), scratch.path());
        assert_eq!(r.status, 0);
        cold.push(r.time);
        cold_rss = cold_rss.max(r.rss_kib);
        let _ = std::fs::remove_dir_all(scratch.path().join(format!("cold-{k}")));
    }
    let no_index = run(dubao(archive::RARE, &warm_cache, &["--no-index"]), scratch.path());

    let mut checks = Vec::new();
    // The rare phrase typed in traditional characters: dubao folds it to
    // the simplified text the archive holds; rg is given that text.
    let rare_traditional = dubao::script::convert(archive::RARE, dubao::script::Script::Traditional).text;
    assert_ne!(rare_traditional, archive::RARE);
    for (phrase, rg_phrase, label, exact) in [
        (archive::RARE, archive::RARE, "rare", true),
        (rare_traditional.as_str(), archive::RARE, "rare, in traditional", true),
        (archive::COMMON, archive::COMMON, "common", false),
        (archive::SEAM, archive::SEAM, "across page breaks", false),
        ("Smart Grid", "Smart Grid", "Latin, any case", true),
    ] {
        let latin = phrase.is_ascii();
        let (flag, list_flag) = if latin { ("-ic", "-il") } else { ("-c", "-l") };
        for _ in 0..2 {
            run(dubao(phrase, &warm_cache, &[]), scratch.path());
            if rg {
                run(ripgrep(rg_phrase, flag), scratch.path());
            }
        }
        let (mut ours, mut theirs, mut rss, mut rg_rss) = (Vec::new(), Vec::new(), 0, 0);
        let mut found = BTreeSet::new();
        for _ in 0..WARM_RUNS {
            let r = run(dubao(phrase, &warm_cache, &[]), scratch.path());
            ours.push(r.time);
            rss = rss.max(r.rss_kib);
            found = dubao_issues(&r.stdout);
            if rg {
                let r = run(ripgrep(rg_phrase, flag), scratch.path());
                theirs.push(r.time);
                rg_rss = rg_rss.max(r.rss_kib);
            }
        }
        let rg_median = rg.then(|| median(theirs.clone()));
        if let Some(t) = rg_median {
            rows.push(Row {
                phrase: label.into(),
                what: format!("rg -F {flag}"),
                median: t,
                rss_kib: rg_rss,
                rg: Some(t),
            });
        }
        rows.push(Row {
            phrase: label.into(),
            what: "dubao search, warm".into(),
            median: median(ours),
            rss_kib: rss,
            rg: rg_median,
        });
        if rg {
            let listed = rg_issues(&run(ripgrep(rg_phrase, list_flag), scratch.path()).stdout);
            let ok = if exact { found == listed } else { found.is_superset(&listed) };
            let how = if exact { "=" } else { "⊇" };
            checks.push(format!(
                "{label:<20} dubao {:>5} issues {how} rg -l {:>5} issues: {}",
                found.len(),
                listed.len(),
                if ok { "yes" } else { "NO" }
            ));
        }
        if phrase == archive::RARE {
            let rg_t = rows.iter().find(|r| r.what.starts_with("rg")).map(|r| r.median);
            rows.push(Row {
                phrase: label.into(),
                what: "dubao search, cold".into(),
                median: median(cold.clone()),
                rss_kib: cold_rss,
                rg: rg_t,
            });
            rows.push(Row {
                phrase: label.into(),
                what: "dubao search --no-index".into(),
                median: no_index.time,
                rss_kib: no_index.rss_kib,
                rg: rg_t,
            });
        }
    }

    let index_bytes: u64 = walk(&warm_cache)
        .iter()
        // The manifest and its segments, under the cache's `index/`.
        .filter(|p| p.components().any(|c| c.as_os_str() == "index"))
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!();
    println!(
        "archive search: {n} issues, {:.0} MB of files, index {:.0} MB, {cores} cores; medians of {WARM_RUNS} warm runs, {COLD_RUNS} cold",
        raw_bytes as f64 / 1e6,
        index_bytes as f64 / 1e6
    );
    println!("{:<20} {:<26} {:>10} {:>12} {:>10}", "phrase", "what", "median", "peak RSS", "÷ rg");
    for r in &rows {
        let ratio = r.rg.map_or("-".to_string(), |t| format!("{:.2}", r.median.as_secs_f64() / t.as_secs_f64()));
        println!(
            "{:<20} {:<26} {:>8.1}ms {:>9.1} MB {:>10}",
            r.phrase,
            r.what,
            r.median.as_secs_f64() * 1e3,
            r.rss_kib as f64 / 1024.0,
            ratio
        );
    }
    println!();
    for c in &checks {
        println!("{c}");
    }
    println!();

    in_process(&papers, &warm_cache);
}

/// Every issue file under `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() { stack.push(p) } else { out.push(p) }
        }
    }
    out.sort();
    out
}

/// Criterion timings of the search alone (index open and searched), next to
/// reading every file and looking for the phrase with memmem on one core.
fn in_process(papers: &Path, warm_cache: &Path) {
    let files: Vec<PathBuf> = walk(papers).into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    let dir = dubao::library::cache_dir_for(std::slice::from_ref(&papers.to_path_buf()));
    // The CLI's index for this directory, under the bench's cache.
    let index_dir = dir.and_then(|d| d.file_name().map(|n| warm_cache.join("dubao/index").join(n)));
    let never = AtomicBool::new(false);
    let mut c = Criterion::default().configure_from_args().sample_size(20).measurement_time(Duration::from_secs(8));
    let mut group = c.benchmark_group("archive");
    group.bench_function("read-files+memmem/rare", |b| {
        let finder = memchr::memmem::Finder::new(archive::RARE.as_bytes());
        let mut buf = Vec::new();
        b.iter(|| {
            files
                .iter()
                .filter(|p| {
                    use std::io::Read;
                    buf.clear();
                    std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut buf)).is_ok()
                        && finder.find(&buf).is_some()
                })
                .count()
        })
    });
    let mut index = dubao::library::Index::open(index_dir);
    index.update(&files, &mut |_, _| {}, &never);
    for (name, phrase) in [("rare", archive::RARE), ("common", archive::COMMON), ("latin", "Smart Grid")] {
        group.bench_function(format!("index.search/{name}"), |b| {
            b.iter(|| {
                let mut n = 0usize;
                index.search(
                    phrase,
                    &mut |_| {
                        n += 1;
                        true
                    },
                    &never,
                );
                n
            })
        });
    }
    group.bench_function("index.update/unchanged", |b| b.iter(|| index.update(&files, &mut |_, _| {}, &never).reused));
    group.finish();
    c.final_summary();
}
