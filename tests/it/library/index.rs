//! Archive-wide search through the index, on generated archives in
//! temporary directories: the same answers as parsing every file and
//! searching it with the in-issue search; incremental updates; damage;
//! writers at once; a cache directory that can't be written.

use crate::common::archive;
use crate::common::data::age;

use dubao::library::{ArchiveHit, Index, SearchStats, Source, UpdateReport, newest_hint, search_sources};
use dubao::model::{ArticleId, Element, Pos};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

const SEED: u64 = 7;

/// What a hit is, for comparing: the issue file, the article, the place.
type Found = (PathBuf, ArticleId, Pos);

fn never() -> AtomicBool {
    AtomicBool::new(false)
}

fn generated(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let files = archive::generate(dir.path(), n, SEED);
    (dir, files)
}

fn update(index: &mut Index, files: &[PathBuf]) -> UpdateReport {
    index.update(files, &mut |_, _| {}, &never())
}

fn search(index: &Index, query: &str) -> (Vec<ArchiveHit>, SearchStats) {
    let mut hits = Vec::new();
    let stats = index.search(
        query,
        &mut |h| {
            hits.push(h);
            true
        },
        &never(),
    );
    (hits, stats)
}

fn found(hits: &[ArchiveHit]) -> Vec<Found> {
    hits.iter().map(|h| (h.path.clone(), h.article.clone(), h.pos)).collect()
}

/// The answer by brute force: parse every file, search it with the in-issue
/// search, keep each article's first match, newest issue first.
fn reference(files: &[PathBuf], query: &str) -> Vec<Found> {
    reference_in(&parse_all(files), query)
}

/// Every file parsed (those that parse; a folder that is one issue as the
/// reader reads it), newest first.
fn parse_all(files: &[PathBuf]) -> Vec<dubao::model::Issue> {
    let mut issues: Vec<dubao::model::Issue> = files
        .iter()
        .filter_map(|f| Source::File(std::path::absolute(f).unwrap()).load().ok().map(|p| p.issue))
        .collect();
    issues.sort_by(|a, b| match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.source.cmp(&b.source)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => Path::new(&a.source).cmp(Path::new(&b.source)),
    });
    issues
}

fn reference_in(issues: &[dubao::model::Issue], query: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for issue in issues {
        let articles: Vec<&dubao::model::Article> = issue.articles().collect();
        let mut last = None;
        for hit in dubao::app::search::find(issue, query) {
            if last != Some(hit.article) {
                last = Some(hit.article);
                out.push((PathBuf::from(&issue.source), articles[hit.article].id.clone(), hit.pos));
            }
        }
    }
    out
}

/// Issue numbers (days since the first) of the hits' files.
fn issue_numbers(hits: &[ArchiveHit], files: &[PathBuf]) -> Vec<usize> {
    let mut n: Vec<usize> = hits
        .iter()
        .map(|h| files.iter().position(|f| std::path::absolute(f).unwrap() == h.path).expect("a hit in a known file"))
        .collect();
    n.dedup();
    n.sort_unstable();
    n
}

/// Substrings of the archive's parsed text, some with Latin letters in another case.
fn sampled_queries(files: &[PathBuf], count: usize) -> Vec<String> {
    let mut rng = archive::Rng::new(99);
    let mut out = Vec::new();
    while out.len() < count {
        let f = &files[rng.below(files.len())];
        let issue = dubao::parse::parse_issue(&fs::read(f).unwrap(), "x.txt").unwrap().issue;
        let articles: Vec<_> = issue.articles().collect();
        let a = articles[rng.below(articles.len())];
        let elements: Vec<(Element, &str)> = a.elements().collect();
        let text: Vec<char> = elements[rng.below(elements.len())].1.chars().collect();
        if text.is_empty() {
            continue;
        }
        let len = rng.range(1, 10).min(text.len());
        let start = rng.below(text.len() - len + 1);
        let q: String = text[start..start + len].iter().collect();
        if q.trim().is_empty() {
            continue;
        }
        out.push(if rng.below(3) == 0 { q.to_ascii_uppercase() } else { q });
    }
    out
}

#[test]
fn the_index_answers_as_parsing_every_file_would() {
    let (_dir, files) = generated(80);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    let report = update(&mut index, &files);
    assert_eq!((report.parsed, report.reused, report.errors.len()), (80, 0, 0), "{report:?}");
    let mut queries: Vec<String> = [
        archive::RARE,
        archive::SEAM,
        archive::LATIN,
        "SMART grid",
        archive::COMMON,
        archive::ABSENT,
        "5g",
        "区委",
        "。",
    ]
    .map(String::from)
    .to_vec();
    queries.extend(sampled_queries(&files, 24));
    let sources: Vec<Source> = files.iter().cloned().map(Source::File).collect();
    let issues = parse_all(&files);
    for (k, q) in queries.iter().enumerate() {
        let (hits, stats) = search(&index, q);
        assert!(!stats.damaged && !stats.stopped, "{q}: {stats:?}");
        assert_eq!(found(&hits), reference_in(&issues, q), "{q}");
        for h in &hits {
            assert!(h.snippet[h.snippet_match.clone()].eq_ignore_ascii_case(q), "{q}: {h:?}");
            assert!(!h.snippet.contains(['\n', '\t']));
            assert_eq!(h.issue_title, archive::TITLE);
            assert!(h.date.is_some() && !h.headline.is_empty());
        }
        if k % 8 != 0 {
            continue;
        }
        let mut direct = Vec::new();
        search_sources(
            &sources,
            q,
            &mut |h| {
                direct.push(h);
                true
            },
            &mut |n, p| panic!("{n}: {p}"),
            &never(),
        );
        assert_eq!(direct, hits, "{q}: without the index");
    }
}

#[test]
fn planted_phrases_are_found_in_exactly_their_issues() {
    let n = 240;
    let (_dir, files) = generated(n);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update(&mut index, &files);
    let (rare, _) = search(&index, archive::RARE);
    assert_eq!(issue_numbers(&rare, &files), (0..n).filter(|&i| archive::has_rare(i)).collect::<Vec<_>>());
    let (latin, _) = search(&index, "Smart GRID");
    assert_eq!(issue_numbers(&latin, &files), (0..n).filter(|&i| archive::latin_form(i).is_some()).collect::<Vec<_>>());
    assert!(search(&index, archive::ABSENT).0.is_empty());

    // Newest first.
    let dates: Vec<_> = rare.iter().map(|h| h.date.unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] > w[1]), "{dates:?}");
}

#[test]
fn a_phrase_cut_by_a_page_break_is_found_as_the_parser_healed_it() {
    let n = 120;
    let (_dir, files) = generated(n);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update(&mut index, &files);
    let (hits, _) = search(&index, archive::SEAM);
    let seams: Vec<usize> = (0..n).filter(|&i| archive::has_seam(i)).collect();
    assert!(!seams.is_empty());
    assert_eq!(issue_numbers(&hits, &files), seams);
    for &i in &seams {
        let raw = fs::read_to_string(&files[i]).unwrap();
        assert!(!raw.contains(archive::SEAM), "issue {i}: the raw file must have it cut");
    }
    for h in &hits {
        let issue =
            dubao::parse::parse_issue(&fs::read(&h.path).unwrap(), &h.path.display().to_string()).unwrap().issue;
        let article = issue.articles().find(|a| a.id == h.article).unwrap();
        let text = article.element_text(h.pos.element).unwrap();
        assert!(text[h.pos.offset..].starts_with(archive::SEAM));
        assert!(matches!(h.pos.element, Element::Block(_)));
    }
}

/// An issue of one article whose body is `filler` ideographs, then `needle`.
fn long_issue(dir: &Path, name: &str, filler: usize, needle: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, format!("标题\n\n{}{needle}。\n", "一".repeat(filler))).unwrap();
    path
}

#[test]
fn a_match_across_a_block_boundary_is_found_once() {
    const BLOCK: usize = 1 << 20;
    let dir = tempfile::tempdir().unwrap();
    // "标题\n" is 7 bytes: with 349,522 ideographs before it the needle
    // starts 3 bytes before the first 1 MiB block ends.
    let filler = (BLOCK - 7) / 3 - 1;
    let files = vec![
        long_issue(dir.path(), "报-20240102.txt", filler, "甲乙丙"),
        long_issue(dir.path(), "报-20240101.txt", 200_000, "甲乙丙"),
    ];
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update(&mut index, &files);
    let (hits, stats) = search(&index, "甲乙丙");
    assert!(stats.bytes > BLOCK as u64 && !stats.damaged, "{stats:?}");
    assert_eq!(found(&hits), reference(&files, "甲乙丙"));
    assert_eq!(hits[0].pos, Pos { element: Element::Block(0), offset: filler * 3 });
    assert_eq!(hits.len(), 2);
    for q in ["标题", "一一甲", "丙。"] {
        assert_eq!(found(&search(&index, q).0), reference(&files, q), "{q}");
    }
}

#[test]
fn only_new_and_changed_files_are_parsed_again() {
    let (dir, mut files) = generated(40);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    assert_eq!(update(&mut index, &files).parsed, 40);
    assert_eq!(newest_hint(cache.path()), Some(files[39].clone()), "the newest issue is noted beside the index");
    let again = update(&mut index, &files);
    assert_eq!((again.parsed, again.reused, again.removed), (0, 40, 0));

    // Another process (a fresh open) finds it all indexed.
    let mut other = Index::open(Some(cache.path().to_path_buf()));
    assert_eq!(other.issues().len(), 40);
    assert_eq!(update(&mut other, &files).parsed, 0);

    // Touched: parsed again, same results.
    let f = fs::File::options().write(true).open(&files[3]).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5)).unwrap();
    drop(f);
    let r = update(&mut index, &files);
    assert_eq!((r.parsed, r.reused), (1, 39), "{r:?}");
    assert_eq!(found(&search(&index, archive::RARE).0), reference(&files, archive::RARE));

    // Changed: the new text is searched.
    let mut text = fs::read_to_string(&files[5]).unwrap();
    text.push_str("\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n");
    fs::write(&files[5], text).unwrap();
    let r = update(&mut index, &files);
    assert_eq!((r.parsed, r.reused), (1, 39), "{r:?}");
    assert_eq!(issue_numbers(&search(&index, "鲸落博物馆").0, &files), [5]);

    // Deleted and dropped from the list: gone from the index.
    fs::remove_file(&files[3]).unwrap();
    files.remove(3);
    let r = update(&mut index, &files);
    assert_eq!((r.parsed, r.reused, r.removed), (0, 39, 1), "{r:?}");
    assert_eq!(index.issues().len(), 39);
    assert_eq!(found(&search(&index, archive::COMMON).0), reference(&files, archive::COMMON));

    // Added.
    let new = archive::generate(&dir.path().join("more"), 41, SEED).pop().unwrap();
    files.push(new);
    let r = update(&mut index, &files);
    assert_eq!((r.parsed, r.reused), (1, 39), "{r:?}");
    assert_eq!(found(&search(&index, archive::RARE).0), reference(&files, archive::RARE));

    // Newest first.
    let dates: Vec<_> = index.issues().iter().map(|i| i.date.unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(index.issues()[0].date, Some(archive::date(40)));
    assert_eq!(newest_hint(cache.path()).as_ref(), files.last());
    fs::remove_file(files.last().unwrap()).unwrap();
    assert_eq!(newest_hint(cache.path()), None, "a hint at a file that is gone is no hint");
}

#[test]
fn issues_without_a_date_come_last_and_files_that_are_not_issues_are_reported_once_parsed() {
    let (dir, mut files) = generated(5);
    let undated = dir.path().join("b-notes.txt");
    fs::write(&undated, "随笔\n\n运河夜航船的故事。\n").unwrap();
    let also = dir.path().join("a-notes.txt");
    fs::write(&also, "又一篇\n\n运河夜航船再启航。\n").unwrap();
    let binary = dir.path().join("scan.txt");
    fs::write(&binary, [0u8, 159, 146, 150, 0, 0, 1, 2, 0, 0, 0, 0].repeat(50)).unwrap();
    let missing = dir.path().join("gone.txt");
    files.extend([undated.clone(), also.clone(), binary.clone(), missing.clone()]);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    let r = update(&mut index, &files);
    let bad: Vec<&PathBuf> = r.errors.iter().map(|(p, _)| p).collect();
    assert_eq!(bad, [&missing, &binary], "{r:?}");
    assert_eq!(r.parsed, 8);
    let order: Vec<PathBuf> = index.issues().iter().map(|i| i.path.to_path_buf()).collect();
    assert_eq!(order.len(), 7);
    assert_eq!(order[5..], [std::path::absolute(&also).unwrap(), std::path::absolute(&undated).unwrap()]);
    let (hits, _) = search(&index, "运河夜航船");
    assert_eq!(found(&hits), reference(&files, "运河夜航船"));
    assert_eq!(hits.last().unwrap().date, None);

    let r = update(&mut index, &files);
    assert_eq!(r.parsed, 0, "the binary file is remembered, not read again");
    assert_eq!(r.errors.len(), 2, "but still reported: {r:?}");
}

#[test]
fn a_file_given_twice_is_one_issue_and_an_unchanged_library_is_not_read_again() {
    let (dir, files) = generated(3);
    // Overlapping roots give a file twice, once spelled another way.
    let again = dir.path().join(".").join(files[1].file_name().unwrap());
    let given = [files[1].clone(), files[0].clone(), again, files[2].clone(), files[1].clone()];
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    let r = update(&mut index, &given);
    assert_eq!((r.parsed, index.issues().len()), (3, 3), "{r:?}");
    let r = update(&mut index, &given);
    assert_eq!((r.parsed, r.reused), (0, 3), "{r:?}");
}

#[test]
fn cancelling_an_update_keeps_what_was_parsed() {
    let (_dir, files) = generated(30);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let r = index.update(
        &files,
        &mut |done, total| {
            seen.push((done, total));
            if done == 10 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(r.cancelled && r.parsed == 10, "{r:?}");
    assert_eq!(seen.first(), Some(&(0, 30)));
    assert_eq!(index.issues().len(), 10);
    let mut reopened = Index::open(Some(cache.path().to_path_buf()));
    assert_eq!(reopened.issues().len(), 10);
    let r = update(&mut reopened, &files);
    assert_eq!((r.parsed, r.reused), (20, 10));
}

#[test]
fn a_search_stops_when_the_caller_has_enough_or_cancels() {
    let (_dir, files) = generated(60);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update(&mut index, &files);
    let mut n = 0;
    let stats = index.search(
        archive::COMMON,
        &mut |_| {
            n += 1;
            n < 3
        },
        &never(),
    );
    assert_eq!((n, stats.hits, stats.stopped), (3, 3, true));
    let cancelled = AtomicBool::new(true);
    let stats = index.search(archive::COMMON, &mut |_| true, &cancelled);
    assert!(stats.stopped);
    assert!(search(&index, " ").0.is_empty());
}

/// The index's files in `cache`: the manifest and its segments, by name.
fn index_files(cache: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap()))
        .filter(|(name, _)| name == dubao::library::index::FILE_NAME || name.ends_with(".dx"))
        .collect();
    files.sort();
    files
}

/// Puts `pristine` (an index of `files`) with file `which` damaged by
/// `damage` in a fresh cache directory, and checks that the answers to
/// `query` are never wrong: right, or cut short where the damage was
/// noticed, after which an update rebuilds and answers `want`.
fn survives(
    files: &[PathBuf],
    pristine: &[(String, Vec<u8>)],
    which: usize,
    query: &str,
    want: &[Found],
    what: &str,
    damage: impl Fn(&mut Vec<u8>),
) {
    let cache = tempfile::tempdir().unwrap();
    for (k, (name, bytes)) in pristine.iter().enumerate() {
        let mut bytes = bytes.clone();
        if k == which {
            damage(&mut bytes);
        }
        fs::write(cache.path().join(name), &bytes).unwrap();
    }
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    let mut noticed = index.problem().is_some();
    if !noticed {
        let (hits, stats) = search(&index, query);
        assert_eq!(found(&hits), want[..hits.len().min(want.len())], "{what}: hits before the damage are right");
        assert!(stats.damaged || found(&hits) == want, "{what}: wrong results, damage not noticed");
        noticed = stats.damaged;
        assert_eq!(index.problem().is_some(), noticed, "{what}");
    }
    let r = update(&mut index, files);
    assert_eq!(r.rebuilt && r.parsed == files.len(), noticed, "{what}: rebuilt when noticed: {r:?}");
    let (hits, stats) = search(&index, query);
    assert!(!stats.damaged, "{what}");
    assert_eq!(found(&hits), want, "{what}");
    assert!(Index::open(Some(cache.path().to_path_buf())).problem().is_none(), "{what}: sound on disk");
}

#[test]
fn a_damaged_index_is_noticed_and_rebuilt_and_never_answers_wrong() {
    let (_dir, files) = generated(16);
    let cache = tempfile::tempdir().unwrap();
    update(&mut Index::open(Some(cache.path().to_path_buf())), &files);
    let pristine = index_files(cache.path());
    assert_eq!(
        pristine.len(),
        2,
        "a manifest and one segment: {:?}",
        pristine.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (query, seed) in [(archive::COMMON, 1), (archive::RARE, 2)] {
        let want = reference(&files, query);
        let mut rng = archive::Rng::new(seed);
        for which in 0..pristine.len() {
            let len = pristine[which].1.len();
            let check = |what: &str, damage: &dyn Fn(&mut Vec<u8>)| {
                survives(
                    &files,
                    &pristine,
                    which,
                    query,
                    &want,
                    &format!("{query} {}: {what}", pristine[which].0),
                    damage,
                )
            };
            let mut places: Vec<usize> =
                [0, 9, 20, 30, 61, 64, len / 2, len - 5, len - 1].into_iter().filter(|&p| p < len).collect();
            places.extend((0..6).map(|_| rng.below(len)));
            for at in places {
                check(&format!("byte {at} flipped"), &|b| b[at] ^= 0x41);
                check(&format!("cut at {at}"), &|b| b.truncate(at));
            }
            check("garbage", &|b| *b = b"not an index at all".to_vec());
        }
    }
}

#[test]
fn a_segment_gone_missing_or_an_index_of_an_older_dubao_is_rebuilt() {
    let (_dir, files) = generated(12);
    let cache = tempfile::tempdir().unwrap();
    update(&mut Index::open(Some(cache.path().to_path_buf())), &files);
    for (name, _) in index_files(cache.path()).iter().filter(|(n, _)| n.ends_with(".dx")) {
        fs::remove_file(cache.path().join(name)).unwrap();
    }
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    assert!(index.problem().is_some());
    let r = update(&mut index, &files);
    assert!(r.rebuilt && r.parsed == 12, "{r:?}");
    assert_eq!(found(&search(&index, archive::COMMON).0), reference(&files, archive::COMMON));

    let old = tempfile::tempdir().unwrap();
    fs::write(old.path().join("archive.idx"), b"DUBAOIX\0 an index of version 2").unwrap();
    let mut index = Index::open(Some(old.path().to_path_buf()));
    assert!(index.problem().unwrap().contains("older"), "{:?}", index.problem());
    assert!(update(&mut index, &files).rebuilt);
    assert!(!old.path().join("archive.idx").exists(), "the old file goes");
}

#[test]
fn threads_updating_at_once_agree_and_leave_a_sound_index() {
    let (_dir, files) = generated(50);
    let cache = tempfile::tempdir().unwrap();
    let want = reference(&files, archive::RARE);
    let parsed: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut index = Index::open(Some(cache.path().to_path_buf()));
                    let r = update(&mut index, &files);
                    assert!(r.unsaved.is_none(), "{r:?}");
                    assert_eq!(found(&search(&index, archive::RARE).0), want);
                    r.parsed
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(parsed.iter().sum::<usize>(), 50, "one thread parsed, the others found its work: {parsed:?}");
    let index = Index::open(Some(cache.path().to_path_buf()));
    assert!(index.problem().is_none());
    assert_eq!(found(&search(&index, archive::RARE).0), want);
}

#[test]
fn readers_never_see_a_torn_index_while_a_writer_replaces_it() {
    let (_dir, files) = generated(40);
    let cache = tempfile::tempdir().unwrap();
    update(&mut Index::open(Some(cache.path().to_path_buf())), &files);
    let want = reference(&files, archive::COMMON).len();
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            for round in 0..8 {
                let f = fs::File::options().write(true).open(&files[round]).unwrap();
                f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(round as u64 + 1))
                    .unwrap();
                drop(f);
                let r = update(&mut Index::open(Some(cache.path().to_path_buf())), &files);
                assert_eq!(r.parsed, 1, "{r:?}");
            }
            done.store(true, Ordering::Relaxed);
        });
        let mut searches = 0;
        while !done.load(Ordering::Relaxed) || searches < 3 {
            let index = Index::open(Some(cache.path().to_path_buf()));
            assert!(index.problem().is_none(), "{:?}", index.problem());
            let (hits, stats) = search(&index, archive::COMMON);
            assert!(!stats.damaged);
            assert_eq!(hits.len(), want);
            searches += 1;
        }
    });
}

/// The other half of `processes_updating_at_once_leave_a_sound_index`.
#[test]
fn child_updater() {
    let (Ok(cache), Ok(list)) = (std::env::var("DUBAO_INDEX_TEST_CACHE"), std::env::var("DUBAO_INDEX_TEST_FILES"))
    else {
        return;
    };
    let files: Vec<PathBuf> = list.lines().map(PathBuf::from).collect();
    let mut index = Index::open(Some(PathBuf::from(cache)));
    let r = update(&mut index, &files);
    assert!(r.errors.is_empty() && r.unsaved.is_none(), "{r:?}");
    assert_eq!(found(&search(&index, archive::RARE).0), reference(&files, archive::RARE));
}

#[test]
fn processes_updating_at_once_leave_a_sound_index() {
    let (_dir, files) = generated(40);
    let cache = tempfile::tempdir().unwrap();
    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(&exe)
                .args(["--exact", &crate::common::test_name(module_path!(), "child_updater"), "--test-threads", "1"])
                .env("DUBAO_INDEX_TEST_CACHE", cache.path())
                .env("DUBAO_INDEX_TEST_FILES", &list)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let index = Index::open(Some(cache.path().to_path_buf()));
    assert!(index.problem().is_none());
    assert_eq!(index.issues().len(), 40);
    let leftovers: Vec<_> = fs::read_dir(cache.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp") || n.contains("spill"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_cache_directory_that_cant_be_written_still_searches() {
    let (dir, files) = generated(30);
    // A file where the directory should be: no one, not even root, can create it.
    let blocked = dir.path().join("not-a-dir");
    fs::write(&blocked, "x").unwrap();
    let cache = blocked.join("dubao");
    assert!(!Index::writable(&cache));
    let mut index = Index::open(Some(cache.clone()));
    let r = update(&mut index, &files);
    assert!(r.unsaved.is_some() && r.parsed == 30, "{r:?}");
    assert_eq!(found(&search(&index, archive::RARE).0), reference(&files, archive::RARE));
    assert_eq!(update(&mut index, &files).parsed, 0, "kept in memory");

    let mut memory = Index::open(None);
    update(&mut memory, &files);
    assert_eq!(found(&search(&memory, archive::SEAM).0), reference(&files, archive::SEAM));
}

#[test]
fn files_a_watcher_names_are_taken_in_without_looking_at_the_rest() {
    let (dir, mut files) = generated(20);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update(&mut index, &files);
    let mut text = fs::read_to_string(&files[4]).unwrap();
    text.push_str("\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n");
    fs::write(&files[4], text).unwrap();
    let r = index.update_some(&files[4..5], &never()).unwrap();
    assert_eq!((r.parsed, r.reused, r.removed), (1, 19, 0), "{r:?}");
    assert_eq!(issue_numbers(&search(&index, "鲸落博物馆").0, &files), [4]);

    let new = archive::generate(&dir.path().join("more"), 21, SEED).pop().unwrap();
    fs::remove_file(&files[7]).unwrap();
    let r = index.update_some(&[new.clone(), files[7].clone()], &never()).unwrap();
    assert_eq!((r.parsed, r.removed), (1, 1), "{r:?}");
    files.remove(7);
    files.push(new);
    for q in [archive::RARE, archive::COMMON, "鲸落博物馆"] {
        assert_eq!(found(&search(&index, q).0), reference(&files, q), "{q}");
    }
    assert_eq!(update(&mut index, &files).parsed, 0, "the same as a whole update would have made");
}

/// The issue files a walk of `root` finds now.
fn walk(root: &Path) -> Vec<PathBuf> {
    let (found, _) = dubao::library::collect(&[root.to_path_buf()]);
    found.into_iter().filter_map(Source::into_file).collect()
}

/// What `dubao search` does without a record of the folders: walks,
/// updates, and records the folders walked.
fn update_and_record(index: &mut Index, root: &Path) {
    let taken = std::time::SystemTime::now();
    let roots = [root.to_path_buf()];
    let (found, errors, walked) = dubao::library::collect_walked(&roots);
    assert!(errors.is_empty(), "{errors:?}");
    let files: Vec<PathBuf> = found.into_iter().filter_map(Source::into_file).collect();
    let report = update(index, &files);
    index.record_folders(&roots, &walked.expect("a whole walk"), taken, &report);
}

/// The index, brought up to date by its folders (not walking), answers
/// as parsing every file a walk finds now would.
fn agrees_with_a_walk(index: &mut Index, root: &Path, what: &str) -> UpdateReport {
    let report = index.update_by_folders(&[root.to_path_buf()]).unwrap_or_else(|| panic!("{what}: by the folders"));
    let files = walk(root);
    for q in [archive::RARE, archive::COMMON, "鲸落博物馆"] {
        assert_eq!(found(&search(index, q).0), reference(&files, q), "{what}: {q}");
    }
    report
}

#[test]
fn by_its_folders_the_index_finds_what_a_walk_finds_as_files_come_go_and_move() {
    let (dir, files) = generated(40);
    let root = dir.path();
    age(root);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update_and_record(&mut index, root);
    let r = agrees_with_a_walk(&mut index, root, "nothing changed");
    assert_eq!((r.parsed, r.removed), (0, 0), "{r:?}");
    let mut text = fs::read_to_string(&files[3]).unwrap();
    text.push_str("\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n");

    // (a) A file added to a folder that was there.
    let added = files[3].with_file_name("增刊-20240101.txt");
    fs::write(&added, &text).unwrap();
    let r = agrees_with_a_walk(&mut index, root, "added");
    assert_eq!((r.parsed, r.removed), (1, 0), "only the new file is read: {r:?}");
    // (b) One removed.
    fs::remove_file(&files[5]).unwrap();
    assert_eq!(agrees_with_a_walk(&mut index, root, "removed").removed, 1);
    // (c) One renamed in its folder, and one moved to another.
    fs::rename(&files[6], files[6].with_file_name("改名-20240102.txt")).unwrap();
    fs::rename(&added, files[35].with_file_name("搬来-20240103.txt")).unwrap();
    agrees_with_a_walk(&mut index, root, "renamed and moved");
    // (d) A new folder of folders with issues.
    let deep = root.join("2099").join("01");
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("新刊-20990101.txt"), &text).unwrap();
    fs::write(deep.join("新刊-20990102.txt"), &text).unwrap();
    let r = agrees_with_a_walk(&mut index, root, "a new folder");
    assert_eq!(r.parsed, 2, "{r:?}");
    // A folder gone with its issues.
    fs::remove_dir_all(files[0].parent().unwrap()).unwrap();
    agrees_with_a_walk(&mut index, root, "a folder removed");
    assert_eq!(update(&mut index, &walk(root)).parsed, 0, "the same as a whole update would have made");
}

#[test]
fn a_change_as_the_folders_are_recorded_is_not_missed() {
    let (dir, files) = generated(20);
    let root = dir.path();
    // Folders changed just now: within a clock's step of the record.
    let month = files[4].parent().unwrap().to_path_buf();
    fs::File::open(&month).unwrap().set_modified(std::time::SystemTime::now()).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update_and_record(&mut index, root);
    let before = fs::metadata(&month).unwrap().modified().unwrap();
    // (e) Rewritten in place, in the same second: its folder's mtime alone can't tell.
    let mut f = fs::OpenOptions::new().append(true).open(&files[4]).unwrap();
    std::io::Write::write_all(&mut f, "\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n".as_bytes()).unwrap();
    drop(f);
    assert_eq!(fs::metadata(&month).unwrap().modified().unwrap(), before, "the folder is as it was");
    agrees_with_a_walk(&mut index, root, "rewritten as recorded");
    assert_eq!(issue_numbers(&search(&index, "鲸落博物馆").0, &files), [4]);
    // And a file added to it, in the same second.
    fs::write(month.join("增刊-20240101.txt"), fs::read(&files[1]).unwrap()).unwrap();
    agrees_with_a_walk(&mut index, root, "added as recorded");
}

#[test]
fn without_a_whole_walk_recorded_the_folders_tell_nothing() {
    let (dir, files) = generated(10);
    let root = dir.path().to_path_buf();
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update(&mut index, &files);
    assert!(index.update_by_folders(std::slice::from_ref(&root)).is_none(), "no record");
    update_and_record(&mut index, &root);
    assert!(index.update_by_folders(&[root.join("2024")]).is_none(), "other roots");
    // A whole update from a walk that may have missed a folder drops the record.
    update(&mut index, &files[1..]);
    assert!(index.update_by_folders(std::slice::from_ref(&root)).is_none(), "dropped");
    // Kept on disk with the index, and through what a watcher names.
    update_and_record(&mut index, &root);
    index.update_some(&files[2..3], &never()).unwrap();
    let mut again = Index::open(Some(cache.path().to_path_buf()));
    assert!(again.update_by_folders(std::slice::from_ref(&root)).is_some(), "read back");
}

#[test]
fn a_folder_that_becomes_one_issue_or_a_link_sends_the_search_back_to_walking() {
    let (dir, _files) = generated(10);
    let root = dir.path().to_path_buf();
    let day = root.join("crawl");
    fs::create_dir_all(&day).unwrap();
    fs::write(day.join("20200101-01-01.txt"), "标题一\n\n正文鲸落博物馆。\n").unwrap();
    age(&root);
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    update_and_record(&mut index, &root);
    agrees_with_a_walk(&mut index, &root, "one article file is an issue of its own");
    // A second article of the same day: the folder is one issue now.
    fs::write(day.join("20200101-01-02.txt"), "标题二\n\n正文。\n").unwrap();
    assert!(index.update_by_folders(std::slice::from_ref(&root)).is_none(), "a folder became one issue");
    update_and_record(&mut index, &root);
    agrees_with_a_walk(&mut index, &root, "walked again");
    // Its files are looked at each time: one rewritten in place is seen.
    let mut f = fs::OpenOptions::new().append(true).open(day.join("20200101-01-02.txt")).unwrap();
    std::io::Write::write_all(&mut f, "又一段。\n".as_bytes()).unwrap();
    drop(f);
    let r = agrees_with_a_walk(&mut index, &root, "an article file rewritten");
    assert_eq!(r.parsed, 1, "{r:?}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&day, root.join("link")).unwrap();
        let (_, errors, walked) = dubao::library::collect_walked(std::slice::from_ref(&root));
        assert!(errors.is_empty() && walked.is_none(), "a link followed: no record");
    }
}
