//! Layout throughput on the seed's paragraphs repeated to ~10 MB at widths
//! 40 and 80, next to textwrap 0.16 and a naive per-character wrapper (the
//! floor: greedy, breaks anywhere, no rules), and the time to lay out one
//! ~15 KB article. Before timing, each wrapper's output is checked for
//! clreq violations (forbidden line starts and ends, over-wide lines).
//!
//! `cargo bench --bench layout`; report medians and the ratios between them.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dubao::layout::{Ambiguous, LayoutOptions, layout, str_width};
use dubao::model::{Article, Block};
use std::hint::black_box;
use unicode_width::UnicodeWidthChar;

const TARGET: usize = 10 * 1024 * 1024;

fn seed_paragraphs() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("seed issue missing at {path}: {e}"));
    let issue = dubao::parse::parse_issue(&bytes, path).expect("seed parses").issue;
    issue
        .articles()
        .flat_map(|a| a.blocks.iter())
        .filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The baseline floor: greedy, per character, breaks anywhere.
fn naive(p: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut w = 0;
    for c in p.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            w = 0;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn no_start(c: char) -> bool {
    "、,，。.．;；:：!！?？)）]］}｝」』》〉】〕”’·%％﹐﹑﹒﹔﹕﹖﹗､｡".contains(c)
}

fn opening(c: char) -> bool {
    "“‘(（[［{｛《〈「『【〔".contains(c)
}

/// Forbidden starts, forbidden ends and over-wide lines among `lines`,
/// each line given as (text, cells, the cells it may take).
#[derive(Default, Debug)]
struct Violations {
    starts: usize,
    ends: usize,
    wide: usize,
    lines: usize,
}

impl Violations {
    /// `last` is false for a paragraph's last line, which may end as it likes.
    fn count(&mut self, text: &str, width: usize, limit: usize, last: bool) {
        let text = text.trim_start_matches([' ', '\u{3000}']);
        self.lines += 1;
        self.starts += usize::from(text.starts_with(no_start));
        self.ends += usize::from(!last && text.trim_end().ends_with(opening));
        self.wide += usize::from(width > limit);
    }
}

fn report(name: &str, width: usize, paras: &[String], opts: &LayoutOptions) {
    let amb = Ambiguous::Narrow;
    let mut tw = Violations::default();
    let mut nv = Violations::default();
    for p in paras {
        let lines = textwrap::wrap(p, width);
        for (i, l) in lines.iter().enumerate() {
            tw.count(l, str_width(l, amb), width, i + 1 == lines.len());
        }
        let lines = naive(p, width);
        for (i, l) in lines.iter().enumerate() {
            nv.count(l, str_width(l, amb), width, i + 1 == lines.len());
        }
    }
    let mut ours = Violations::default();
    let article = article_of(paras);
    let l = layout(&article, width as u16, opts);
    let lines = l.lines();
    for (i, line) in lines.iter().enumerate() {
        if line.source_range().is_none() {
            continue;
        }
        let last = lines.get(i + 1).is_none_or(|n| n.source_range().is_none());
        let w = (l.margin() + line.width()) as usize;
        ours.count(line.text(), w, width, last);
    }
    eprintln!("violations {name} w{width} (forbidden starts / ends / over-wide of lines):");
    for (who, v) in [("textwrap", tw), ("naive", nv), ("dubao", ours)] {
        eprintln!("  {who:9} {:6} / {:6} / {:6} of {}", v.starts, v.ends, v.wide, v.lines);
    }
}

fn article_of(paras: &[String]) -> Article {
    let mut a = Article::new(String::new());
    a.blocks = paras.iter().cloned().map(Block::Paragraph).collect();
    a
}

fn bench(c: &mut Criterion) {
    let seed = seed_paragraphs();
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET {
        for p in &seed {
            bytes += p.len();
            corpus.push(p.clone());
        }
    }
    let opts = LayoutOptions::default();
    let article = article_of(&corpus);

    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    for width in [40usize, 80] {
        report("seed paragraphs", width, &seed, &opts);
        group.bench_function(format!("naive/w{width}"), |b| {
            b.iter(|| corpus.iter().map(|p| naive(black_box(p), width)).collect::<Vec<_>>())
        });
        group.bench_function(format!("textwrap/w{width}"), |b| {
            b.iter(|| corpus.iter().map(|p| textwrap::wrap(black_box(p), width)).collect::<Vec<_>>())
        });
        group
            .bench_function(format!("dubao/w{width}"), |b| b.iter(|| layout(black_box(&article), width as u16, &opts)));
    }
    group.finish();

    // The seed's paragraphs come to ~13 KB: cycle them to a ~15 KB article.
    let mut one = Article::new("山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开".into());
    let mut size = 0;
    for p in seed.iter().cycle() {
        if size >= 15 * 1024 {
            break;
        }
        size += p.len();
        one.blocks.push(Block::Paragraph(p.clone()));
    }
    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Bytes(size as u64));
    group.bench_function(format!("dubao/{}KB/w80", size / 1024), |b| b.iter(|| layout(black_box(&one), 80, &opts)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
