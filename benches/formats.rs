//! Issues that are not one text file, against a text issue of the same
//! articles: a day of 200 articles as a JSON crawl, a periodical of 50
//! documents as an EPUB, and a folder of 200 article files — time from
//! spawn to the first article on screen (the real binary in a
//! pseudo-terminal), and the parse alone. Medians; the text issue of the
//! same size is the baseline, measured in the same run.
//!
//! `cargo bench --bench formats`.

#[path = "common/mod.rs"]
mod common;
#[path = "../tests/it/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use common::median;

use dubao::model::{Article, Block, Issue, Section};
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

/// The seed's headlines and paragraphs, to build issues of real Chinese text from.
fn seed() -> (Vec<String>, Vec<String>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    let bytes = std::fs::read(path).unwrap_or_else(|_| include_bytes!("../issues/清河日报-20240308.txt").to_vec());
    let issue = dubao::parse::parse_issue(&bytes, "seed.txt").unwrap().issue;
    let heads = issue.articles().map(|a| a.headline.clone()).collect();
    let paras = issue.articles().flat_map(|a| a.blocks.iter().map(|b| b.text().to_string()));
    (heads, paras.filter(|p| p.len() > 60).collect())
}

/// `sections` × `per` articles of six paragraphs each, every one different.
fn issue(sections: usize, per: usize) -> Issue {
    let (heads, paras) = seed();
    let mut k = 0;
    let sections = (0..sections)
        .map(|s| Section {
            name: format!("第{:02}版", s + 1),
            articles: (0..per)
                .map(|a| {
                    let mut art = Article::new(format!("{}（之{}）", heads[k % heads.len()], s * per + a + 1));
                    for i in 0..6 {
                        let p = &paras[k % paras.len()];
                        art.blocks.push(Block::Paragraph(format!("{p}（{}-{}-{}）", s + 1, a + 1, i + 1)));
                        k += 1;
                    }
                    art
                })
                .collect(),
        })
        .collect();
    let mut issue = Issue {
        title: "基准日报".into(),
        date: Some("2024-05-16".parse().unwrap()),
        source: "bench".into(),
        encoding: "UTF-8".into(),
        sections,
        publisher: None,
        language: None,
        masthead: Vec::new(),
    };
    issue.assign_ids();
    issue
}

/// The issue as a paper publishes it in plain text: a page line, then each
/// headline over its paragraphs.
fn text(issue: &Issue) -> String {
    let mut out = String::from("基准日报\n2024年5月16日\n\n");
    for s in &issue.sections {
        for a in &s.articles {
            out.push_str(&format!("\n{}\n\n", a.headline));
            for b in &a.blocks {
                out.push_str(&format!("　　{}\n\n", b.text()));
            }
        }
    }
    out
}

fn json(issue: &Issue) -> String {
    let items: Vec<serde_json::Value> = issue
        .sections
        .iter()
        .flat_map(|s| {
            s.articles.iter().map(move |a| {
                let content: Vec<&str> = a.blocks.iter().map(Block::text).collect();
                serde_json::json!({"title": a.headline, "content": content.join("\n"), "page": s.name, "date": "2024-05-16"})
            })
        })
        .collect();
    serde_json::to_string(&items).unwrap()
}

/// One file per article, `YYYYMMDD-PP-NN.txt`: headline, blank, paragraphs.
fn folder(issue: &Issue, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (p, s) in issue.sections.iter().enumerate() {
        for (n, a) in s.articles.iter().enumerate() {
            let body: Vec<&str> = a.blocks.iter().map(Block::text).collect();
            let text = format!("{}\n\n{}\n", a.headline, body.join("\n\n"));
            std::fs::write(dir.join(format!("20240516-{:02}-{:02}.txt", p + 1, n + 1)), text).unwrap();
        }
    }
}

fn first_frame(path: &Path, text: &str) -> f64 {
    common::first_frame(&[path.to_str().unwrap()], text, tempfile::tempdir().unwrap(), Duration::from_secs(30))
}

/// Median milliseconds to parse `path` as the reader does.
fn parse_ms(path: &Path) -> f64 {
    let (sources, _) = dubao::library::collect(&[path.to_path_buf()]);
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(sources[0].load().unwrap());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn dir_size(path: &Path) -> u64 {
    match std::fs::read_dir(path) {
        Ok(entries) => entries.map(|e| e.unwrap().metadata().unwrap().len()).sum(),
        Err(_) => std::fs::metadata(path).unwrap().len(),
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let day = issue(10, 20);
    let periodical = issue(5, 10);
    let files = [
        ("text, 200 articles", "day.txt", text(&day).into_bytes()),
        ("JSON crawl, 200 articles", "day.json", json(&day).into_bytes()),
        ("text, 50 articles", "periodical.txt", text(&periodical).into_bytes()),
        ("EPUB, 50 documents", "periodical.epub", dubao::export::Format::Epub.render(&periodical, None).unwrap()),
    ];
    for (_, name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    folder(&day, &dir.path().join("day"));
    let first: String = day.articles().next().unwrap().headline.chars().take(12).collect();
    println!("\nfirst frame and parse, medians of {RUNS} (pty, 120x36)");
    let mut base = (0.0, 0.0);
    // Each format right after the text issue it is measured against.
    let mut rows: Vec<(&str, String)> = files.iter().map(|(what, name, _)| (*what, name.to_string())).collect();
    rows.insert(2, ("folder of 200 article files", "day".to_string()));
    for (what, name) in rows {
        let path = dir.path().join(&name);
        let frame = median((0..RUNS).map(|_| first_frame(&path, &first)).collect());
        let parse = parse_ms(&path);
        if what.starts_with("text") {
            base = (frame, parse);
        }
        let bytes = dir_size(&path);
        println!(
            "  {what:<28} {:5} KB   first frame {frame:7.1} ms x{:.2}   parse {parse:7.2} ms x{:.2}",
            bytes / 1024,
            frame / base.0,
            parse / base.1
        );
    }
}
