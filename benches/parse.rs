//! Parse throughput: the seed issue repeated to ~10 MB, next to a plain
//! newline count of the same bytes (the floor any parser must pay).
//!
//! `cargo bench --bench parse`; report MB/s of both and their ratio.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const TARGET: usize = 10 * 1024 * 1024;

fn corpus(name: &str, one: &[u8]) -> (String, Vec<u8>) {
    let mut bytes = Vec::with_capacity(TARGET + one.len());
    while bytes.len() < TARGET {
        bytes.extend_from_slice(one);
        bytes.extend_from_slice(b"\n\n");
    }
    (name.to_string(), bytes)
}

fn seed() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    std::fs::read(path).unwrap_or_else(|_| {
        eprintln!("seed issue not found at {path}; benchmarking the bundled sample instead");
        include_bytes!("../issues/清河日报-20240308.txt").to_vec()
    })
}

fn bench(c: &mut Criterion) {
    let inputs = [
        corpus("seed-utf8", &seed()),
        corpus("english-hardwrapped", include_bytes!("../issues/Riverton Courier 2024-03-08.txt")),
        corpus("gb18030", include_bytes!("../issues/清河日报-20240309.txt")),
        // The other shapes the profile tells apart, from the test fixtures.
        corpus("no-blank-gbk", include_bytes!("../tests/fixtures/styles/no-blank-flush.gbk.txt")),
        corpus("indented-per-line", include_bytes!("../tests/fixtures/styles/indented-per-line.txt")),
        corpus("ocr-columns", include_bytes!("../tests/fixtures/styles/ocr-columns.txt")),
        corpus("article-per-line", include_bytes!("../tests/fixtures/styles/article-per-line.txt")),
    ];
    let mut group = c.benchmark_group("parse");
    group.sample_size(20);
    for (name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("newline-count/{name}"), |b| {
            b.iter(|| memchr::memchr_iter(b'\n', black_box(bytes)).count())
        });
        group.bench_function(format!("parse_issue/{name}"), |b| {
            b.iter(|| dubao::parse::parse_issue(black_box(bytes), "bench.txt").map(|p| p.issue.sections.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
