//! Key → frame: one update step plus drawing into a 200×60 TestBackend,
//! reading a 1 MB and a 10 MB article (cost must not grow with the
//! article), next to the same on a 15 KB article as the baseline; and
//! the one-off cost of laying out each when it is opened. Then the same
//! step in a library of 10,000 issues (moving through the open issue, and
//! typing into the issue picker that filters all of them) against a
//! library of one; and moving between the blocks of the front page (版面)
//! against moving through the list of the same issue.
//!
//! `cargo bench --bench frame`; report the medians.

use criterion::{Criterion, criterion_group, criterion_main};
use dubao::app::{Action, Dir, IssueInfo, Keymap, Settings, State, update};
use dubao::model::{Article, Block, Issue, Section};
use dubao::ui::{Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;

fn paragraphs() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    let bytes = std::fs::read(path).unwrap_or_else(|_| include_bytes!("../issues/清河日报-20240308.txt").to_vec());
    let issue = dubao::parse::parse_issue(&bytes, "seed.txt").unwrap().issue;
    issue.articles().flat_map(|a| a.blocks.iter().map(|b| b.text().to_string())).collect()
}

fn reader_on(bytes: usize) -> State {
    let paras = paragraphs();
    let mut article = Article::new("一篇很长的文章".into());
    let mut size = 0;
    while size < bytes {
        for p in &paras {
            size += p.len();
            article.blocks.push(Block::Paragraph(p.clone()));
        }
    }
    let mut issue = Issue {
        title: "bench".into(),
        date: None,
        source: "bench".into(),
        encoding: "UTF-8".into(),
        sections: vec![Section { name: String::new(), articles: vec![article] }],
        publisher: None,
        language: None,
        masthead: Vec::new(),
    };
    issue.assign_ids();
    let mut s = State::new(vec!["bench".into()], Settings::default(), Keymap::default(), (200, 60));
    update(&mut s, Action::Loaded { name: "bench".into(), result: Ok(Arc::new(issue)) });
    update(&mut s, Action::Open);
    s
}

/// The seed issue open in a library of `n` issues (the others known by
/// name, title and date, as the background walk reports them).
fn library_of(n: usize) -> State {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    let bytes = std::fs::read(path).unwrap_or_else(|_| include_bytes!("../issues/清河日报-20240308.txt").to_vec());
    let issue = dubao::parse::parse_issue(&bytes, "seed.txt").unwrap().issue;
    let start = jiff::civil::date(2026, 11, 28);
    let infos: Vec<IssueInfo> = (0..n)
        .map(|i| {
            let date = start - jiff::Span::new().days(i as i64);
            let name = format!("papers/东昌府报-{}.txt", date.strftime("%Y%m%d"));
            IssueInfo { name: name.into(), title: "东昌府报".into(), date: Some(date), articles: Some(5) }
        })
        .collect();
    let first = infos[0].name.to_string();
    let mut s = State::new(vec![first.clone()], Settings::default(), Keymap::default(), (200, 60));
    update(&mut s, Action::Library(infos));
    update(&mut s, Action::Loaded { name: first, result: Ok(Arc::new(issue)) });
    s
}

fn bench(c: &mut Criterion) {
    let theme = Theme::colored();
    let mut group = c.benchmark_group("key_to_frame");
    for (name, bytes) in [("15KB-article", 15_000), ("1MB-article", 1_000_000), ("10MB-article", 10_000_000)] {
        let mut state = reader_on(bytes);
        update(&mut state, Action::HalfPageDown);
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                let action = if down { Action::Down } else { Action::Up };
                down = !down;
                black_box(update(&mut state, action));
                term.draw(|f| draw(f, &state, &theme)).unwrap();
            })
        });
    }
    group.finish();
    let mut open = c.benchmark_group("open_article");
    open.sample_size(10);
    for (name, bytes) in [("15KB-article", 15_000), ("1MB-article", 1_000_000), ("10MB-article", 10_000_000)] {
        let state = reader_on(bytes);
        let article = state.article().unwrap().clone();
        let options = state.settings.layout.clone();
        open.bench_function(name, |b| b.iter(|| black_box(dubao::layout::layout(&article, 158, &options))));
    }
    open.finish();

    let mut library = c.benchmark_group("library");
    for (name, n) in [("1-issue/next-article", 1), ("10k-issues/next-article", 10_000)] {
        let mut state = library_of(n);
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut down = true;
        library.bench_function(name, |b| {
            b.iter(|| {
                let action = if down { Action::NextArticle } else { Action::PrevArticle };
                down = !down;
                black_box(update(&mut state, action));
                term.draw(|f| draw(f, &state, &theme)).unwrap();
            })
        });
    }
    for (name, n) in [("1-issue/picker-type", 1), ("10k-issues/picker-type", 10_000)] {
        let mut state = library_of(n);
        update(&mut state, Action::Issues);
        update(&mut state, Action::Input('2'));
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut typed = false;
        library.bench_function(name, |b| {
            b.iter(|| {
                let action = if typed { Action::InputBackspace } else { Action::Input('1') };
                typed = !typed;
                black_box(update(&mut state, action));
                term.draw(|f| draw(f, &state, &theme)).unwrap();
            })
        });
    }
    library.finish();

    // The front page (版面) of the seed, moving between its blocks, next to
    // moving through the list of the same issue (the baseline).
    let mut front = c.benchmark_group("front_page");
    for (name, page) in [("list/next-article", false), ("front-page/next-block", true)] {
        let mut state = library_of(1);
        if page {
            update(&mut state, Action::FrontPage);
        }
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut right = true;
        front.bench_function(name, |b| {
            b.iter(|| {
                let action = match (page, right) {
                    (true, true) => Action::Grid(Dir::Right),
                    (true, false) => Action::Grid(Dir::Left),
                    (false, true) => Action::Down,
                    (false, false) => Action::Up,
                };
                right = !right;
                black_box(update(&mut state, action));
                term.draw(|f| draw(f, &state, &theme)).unwrap();
            })
        });
    }
    front.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
