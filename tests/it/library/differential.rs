//! The index against a plain scan: for random phrases — CJK, Latin in any
//! case, mixed, and phrases across page-break seams — over a generated
//! shelf of several papers plus the bundled samples (English among them),
//! `Index::search` gives exactly the hits `search_sources` gives by
//! parsing every file and scanning its text.

use crate::common::{archive, data};
use dubao::library::{ArchiveHit, Index, Source, search_sources};
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

fn hits_of(search: impl FnOnce(&mut dyn FnMut(ArchiveHit) -> bool)) -> Vec<ArchiveHit> {
    let mut hits = Vec::new();
    search(&mut |h| {
        hits.push(h);
        true
    });
    hits
}

/// Phrases from the parsed text: substrings of elements (some upper-cased,
/// some with a character changed so that they may match nothing), and for
/// every paragraph the parser healed, the stretch across its seam.
fn phrases(files: &[PathBuf], rng: &mut archive::Rng, count: usize) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < count {
        let f = &files[rng.below(files.len())];
        let raw = fs::read_to_string(f).unwrap_or_default();
        let Ok(parsed) = dubao::parse::parse_issue(&fs::read(f).unwrap(), "x.txt") else { continue };
        for a in parsed.issue.articles() {
            for (_, text) in a.elements() {
                let chars: Vec<char> = text.chars().collect();
                if chars.len() < 2 {
                    continue;
                }
                if rng.below(8) == 0 {
                    let len = rng.range(1, 8).min(chars.len());
                    let start = rng.below(chars.len() - len + 1);
                    let mut q: String = chars[start..start + len].iter().collect();
                    match rng.below(4) {
                        0 => q = q.to_ascii_uppercase(),
                        1 => q.push(chars[rng.below(chars.len())]),
                        _ => {}
                    }
                    out.push(q);
                }
                // A healed seam: the longest start of the text the raw file has.
                let seam =
                    (1..chars.len()).take_while(|&k| raw.contains(&chars[..k].iter().collect::<String>())).last();
                if let Some(k) = seam.filter(|&k| k + 1 < chars.len() && k > 2) {
                    out.push(chars[k - 2..(k + 3).min(chars.len())].iter().collect());
                }
            }
        }
    }
    out
}

#[test]
fn indexed_search_equals_a_plain_scan_for_random_phrases() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = archive::generate_shelf(&dir.path().join("shelf"), 3, 24, 11);
    for entry in fs::read_dir(data::samples()).unwrap() {
        let p = entry.unwrap().path();
        let to = dir.path().join(p.file_name().unwrap());
        fs::copy(&p, &to).unwrap();
        files.push(to);
    }
    let cache = tempfile::tempdir().unwrap();
    let mut index = Index::open(Some(cache.path().to_path_buf()));
    let never = AtomicBool::new(false);
    index.update(&files, &mut |_, _| {}, &never);
    let sources: Vec<Source> = files.iter().cloned().map(Source::File).collect();
    let mut rng = archive::Rng::new(5);
    let mut queries = phrases(&files, &mut rng, 120);
    queries.extend(
        ["5G基站", "app便民", "pm2.5", "GDP核算", "wifi全", "The", "THE ", "e", "。", "运河夜航船", "smart grid"]
            .map(String::from),
    );
    let raws: Vec<String> =
        files.iter().map(|f| fs::read_to_string(f).unwrap_or_default().to_ascii_lowercase()).collect();
    let mut seams = 0;
    for q in &queries {
        let plain = hits_of(|f| {
            search_sources(&sources, q, f, &mut |_, _| {}, &never);
        });
        let indexed = hits_of(|f| {
            let stats = index.search(q, f, &never);
            assert!(!stats.damaged && !stats.stopped, "{q}: {stats:?}");
        });
        assert_eq!(indexed, plain, "{q:?}");
        let in_raw = raws.iter().any(|r| r.contains(&q.to_ascii_lowercase()));
        seams += usize::from(!plain.is_empty() && !in_raw);
    }
    assert!(seams > 0, "some phrases are found only where the parser healed a seam");
}
