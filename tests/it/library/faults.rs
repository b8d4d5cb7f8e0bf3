//! An index update killed at every point where a crash could leave
//! something behind (a child process, killed as by `kill -9` at the n-th
//! crash point of the index's writing), then searched: the answers are
//! those of the index before the update or after it, or the damage is
//! noticed and the index rebuilt — never anything else; and the next
//! update leaves an index that answers as a plain scan does.

use crate::common::{archive, test_name};
use dubao::library::{ArchiveHit, Index, Source, search_sources};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const QUERIES: [&str; 5] = [archive::RARE, archive::COMMON, "Smart Grid", "鲸落博物馆", "青石板老街修缮"];

fn never() -> AtomicBool {
    AtomicBool::new(false)
}

fn scan(files: &[PathBuf], q: &str) -> Vec<ArchiveHit> {
    let sources: Vec<Source> = files.iter().cloned().map(Source::File).collect();
    let mut hits = Vec::new();
    let mut keep = |h| {
        hits.push(h);
        true
    };
    search_sources(&sources, q, &mut keep, &mut |_, _| {}, &never());
    hits
}

fn indexed(index: &Index, q: &str) -> (Vec<ArchiveHit>, bool) {
    let mut hits = Vec::new();
    let mut keep = |h| {
        hits.push(h);
        true
    };
    let stats = index.search(q, &mut keep, &never());
    (hits, stats.damaged)
}

/// The other half of `an_update_killed_anywhere_never_leaves_wrong_answers`:
/// updates the index in `DUBAO_FAULT_CACHE` to the files listed in
/// `DUBAO_FAULT_FILES`, and says how many crash points it passed.
#[test]
fn fault_child() {
    let (Ok(cache), Ok(list)) = (std::env::var("DUBAO_FAULT_CACHE"), std::env::var("DUBAO_FAULT_FILES")) else {
        return;
    };
    let files: Vec<PathBuf> = list.lines().map(PathBuf::from).collect();
    Index::open(Some(PathBuf::from(cache))).update(&files, &mut |_, _| {}, &never());
    println!("crash points passed: {}", dubao::library::index::crash_points_passed());
}

fn run_child(cache: &Path, files: &[PathBuf], crash_at: Option<u64>) -> std::process::Output {
    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", &test_name(module_path!(), "fault_child"), "--nocapture", "--test-threads", "1"])
        .env("DUBAO_FAULT_CACHE", cache)
        .env("DUBAO_FAULT_FILES", list);
    match crash_at {
        Some(n) => cmd.env("DUBAO_INDEX_CRASH_AT", n.to_string()),
        None => cmd.env_remove("DUBAO_INDEX_CRASH_AT"),
    };
    cmd.output().unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn an_update_killed_anywhere_never_leaves_wrong_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut before = archive::generate(dir.path(), 14, 3);
    let pristine = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(pristine.path().to_path_buf()));
    // A base segment and two small ones: the update under test adds a
    // fourth, which makes it merge the small ones too.
    index.update(&before[..12], &mut |_, _| {}, &never());
    index.update(&before[..13], &mut |_, _| {}, &never());
    index.update(&before, &mut |_, _| {}, &never());
    drop(index);
    // The update: one issue changed, one removed, one added.
    let mut after = before.clone();
    let mut text = fs::read_to_string(&after[5]).unwrap();
    text.push_str("\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n");
    let changed = dir.path().join("changed").join(after[5].file_name().unwrap());
    fs::create_dir_all(changed.parent().unwrap()).unwrap();
    fs::write(&changed, text).unwrap();
    after[5] = changed;
    after.remove(3);
    after.extend(archive::generate(&dir.path().join("more"), 15, 3).pop());
    before.truncate(14);
    let (old, new): (Vec<Vec<ArchiveHit>>, Vec<Vec<ArchiveHit>>) =
        QUERIES.iter().map(|q| (scan(&before, q), scan(&after, q))).unzip();

    let dry = tempfile::tempdir().unwrap();
    copy_dir(pristine.path(), dry.path());
    let out = String::from_utf8(run_child(dry.path(), &after, None).stdout).unwrap();
    let points: u64 =
        out.split("crash points passed: ").nth(1).and_then(|s| s.split_whitespace().next()?.parse().ok()).unwrap();
    assert!(points >= 6, "segment, manifest and merge writes: {points}");
    for n in 0..points {
        let cache = tempfile::tempdir().unwrap();
        copy_dir(pristine.path(), cache.path());
        let child = run_child(cache.path(), &after, Some(n));
        assert!(!child.status.success(), "killed at crash point {n}");
        let mut index = Index::open(Some(cache.path().to_path_buf()));
        let mut noticed = index.problem().is_some();
        for (k, q) in QUERIES.iter().enumerate() {
            let (hits, damaged) = indexed(&index, q);
            noticed |= damaged;
            assert!(damaged || hits == old[k] || hits == new[k], "crash point {n}, {q}: neither before nor after");
        }
        let r = index.update(&after, &mut |_, _| {}, &never());
        assert_eq!(r.rebuilt, noticed, "crash point {n}: rebuilt when damage was noticed: {r:?}");
        for (k, q) in QUERIES.iter().enumerate() {
            assert_eq!(indexed(&index, q), (new[k].clone(), false), "crash point {n}, {q}, after the next update");
        }
        // What the killed writer left goes with the next maintenance.
        index.maintain();
        let left: Vec<String> = fs::read_dir(cache.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".tmp-"))
            .collect();
        assert!(left.is_empty(), "crash point {n}: {left:?}");
        let segments = fs::read_dir(cache.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "dx"));
        assert_eq!(segments.count(), index.segment_count(), "crash point {n}: no segment left that no manifest lists");
    }
}
