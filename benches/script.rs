//! Script conversion of a ~1 MB article next to the layout of the same
//! article: converting must not be felt on the key that opens it. Also the
//! search fold over the same text.
//!
//! `open/*` is what the key that opens the article costs in the reader
//! (`View::show`): in another script, the part around the reading place is
//! converted at once and the rest off the key path (not measured here: it
//! is `convert/*`, on a thread of its own).
//!
//! `cargo bench --bench script`; report medians and the ratios to
//! `layout/printed` and `open/printed` (the article as printed, the
//! baselines).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dubao::app::View;
use dubao::layout::{LayoutOptions, layout};
use dubao::model::{Article, Block};
use dubao::script::{Script, convert_article, fold_into};
use std::hint::black_box;

const TARGET: usize = 1024 * 1024;

fn megabyte_article() -> Article {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("seed issue missing at {path}: {e}"));
    let issue = dubao::parse::parse_issue(&bytes, path).expect("seed parses").issue;
    let paras: Vec<String> = issue
        .articles()
        .flat_map(|a| a.blocks.iter())
        .filter(|&b| matches!(b, Block::Paragraph(_)))
        .map(|b| b.text().to_string())
        .collect();
    let mut a = Article::new("山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开".into());
    let mut size = 0;
    for p in paras.iter().cycle() {
        if size >= TARGET {
            break;
        }
        size += p.len();
        a.blocks.push(Block::Paragraph(p.clone()));
    }
    a
}

fn bench(c: &mut Criterion) {
    let article = megabyte_article();
    let bytes: usize = article.blocks.iter().map(|b| b.text().len()).sum();
    let traditional = convert_article(&article, Script::Traditional).0;
    let printed = LayoutOptions::default();
    let taiwan = LayoutOptions { script: Script::Taiwan, ..LayoutOptions::default() };
    let mut group = c.benchmark_group("script");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("layout/printed/w80", |b| b.iter(|| layout(black_box(&article), 80, &printed)));
    let whole: String = article.blocks.iter().map(|b| b.text()).collect::<Vec<_>>().join("\n");
    let s2t = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2t).unwrap();
    group.bench_function("ferrous-opencc s2t, whole text, no map", |b| b.iter(|| s2t.convert(black_box(&whole))));
    group.bench_function("convert/traditional", |b| {
        b.iter(|| convert_article(black_box(&article), Script::Traditional))
    });
    group.bench_function("convert/taiwan", |b| b.iter(|| convert_article(black_box(&article), Script::Taiwan)));
    group.bench_function("convert/simplified (of traditional)", |b| {
        b.iter(|| convert_article(black_box(&traditional), Script::Simplified))
    });
    group.bench_function("layout/taiwan/w80 (convert + layout)", |b| {
        b.iter(|| layout(black_box(&article), 80, &taiwan))
    });
    let traditional_opts = LayoutOptions { script: Script::Traditional, ..LayoutOptions::default() };
    for (name, opts) in [("printed", &printed), ("traditional", &traditional_opts), ("taiwan", &taiwan)] {
        group.bench_function(format!("open/{name}/w80 (the key that opens it)"), |b| {
            b.iter(|| {
                let mut view = View::default();
                view.show("bench", black_box(&article), 80, opts, 40, None);
                view
            })
        });
    }
    let mut text: Vec<u8> = traditional.blocks.iter().flat_map(|b| b.text().bytes()).collect();
    group.bench_function("fold/traditional", |b| b.iter(|| fold_into(black_box(&mut text))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
