//! `dubao export`: Markdown that keeps every paragraph, EPUB that epubcheck
//! passes and dubao reads back, HTML that reads back; files never
//! overwritten unless named.

use dubao::export::{Format, markdown};
use dubao::model::{Block, Issue};
use dubao::parse::parse_issue;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn issue(path: &Path) -> Issue {
    let (sources, errors) = dubao::library::collect(&[path.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(sources.len(), 1, "{}", path.display());
    sources[0].load().unwrap().issue
}

/// The seed, every bundled sample, and a day of the corpus read as a
/// folder of article files.
fn issues() -> Vec<Issue> {
    let mut paths = vec![crate::common::data::seed_path()];
    let mut samples: Vec<PathBuf> =
        std::fs::read_dir(crate::common::data::samples()).unwrap().map(|e| e.unwrap().path()).collect();
    samples.sort();
    paths.extend(samples);
    paths.push(crate::parse::corpus::corpus_dir().join("zh_rmrb_20200112_crlf"));
    paths.iter().map(|p| issue(p)).collect()
}

fn paragraphs(issue: &Issue) -> Vec<&str> {
    issue
        .articles()
        .flat_map(|a| a.blocks.iter())
        .filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn markdown_keeps_every_paragraph_once_and_in_order() {
    for issue in issues() {
        let md = String::from_utf8(Format::Markdown.render(&issue, None).unwrap()).unwrap();
        assert!(md.starts_with("---\ntitle: "), "{}: front matter", issue.source);
        // Paragraphs are the Markdown's blank-line blocks, escapes and the
        // dateline's bold taken out.
        let blocks: Vec<String> = md.split("\n\n").map(|b| markdown::unescape(&b.replacen("**", "", 2))).collect();
        let mut at = 0;
        for p in paragraphs(&issue) {
            let found = blocks[at..].iter().position(|b| b == p);
            let Some(k) = found else { panic!("{}: paragraph missing or out of order: {p}", issue.source) };
            at += k + 1;
            assert_eq!(
                blocks.iter().filter(|b| *b == p).count(),
                paragraphs(&issue).iter().filter(|q| **q == p).count()
            );
        }
    }
}

#[test]
fn markdown_text_that_looks_like_markup_stays_text() {
    let mut issue = parse_issue(b"Head\n\nA plain paragraph here.\n", "x.txt").unwrap().issue;
    let a = &mut issue.sections[0].articles[0];
    a.blocks = ["- not a list", "1. not a list either", "# not a heading", "*not* _emphasis_ [not a link]"]
        .map(|t| Block::Paragraph(t.into()))
        .to_vec();
    let md = String::from_utf8(Format::Markdown.render(&issue, None).unwrap()).unwrap();
    for line in
        ["\\- not a list", "1\\. not a list either", "\\# not a heading", "\\*not\\* \\_emphasis\\_ \\[not a link\\]"]
    {
        assert!(md.contains(&format!("\n{line}\n")), "{line} not escaped in:\n{md}");
    }
}

/// A headline and its paragraphs.
type Story = (String, Vec<String>);

/// Sections, headlines and paragraphs of an issue: what must survive a
/// trip out and back in.
fn shape(issue: &Issue) -> Vec<(String, Vec<Story>)> {
    issue
        .sections
        .iter()
        .map(|s| {
            let arts = s.articles.iter().map(|a| (a.headline.clone(), paragraphs_of(a))).collect();
            (s.name.clone(), arts)
        })
        .collect()
}

/// The paragraphs and the closing credit, which a reader may take either
/// as the last paragraph or as the credit: its brackets left out.
fn paragraphs_of(a: &dubao::model::Article) -> Vec<String> {
    // Runs of white space (no-break spaces too) are one space in HTML.
    let bare =
        |t: &str| t.trim_matches(['（', '）', '(', ')', '—', ' ']).split_whitespace().collect::<Vec<_>>().join(" ");
    let paras = a.blocks.iter().filter(|b| matches!(b, Block::Paragraph(_))).map(|b| bare(b.text()));
    paras.chain(a.attribution.as_deref().map(bare)).collect()
}

#[test]
fn epub_and_html_read_back_as_the_same_issue() {
    for issue in issues() {
        for format in [Format::Epub, Format::Html] {
            let bytes = format.render(&issue, None).unwrap();
            let back = parse_issue(&bytes, &format!("back.{}", format.extension())).unwrap().issue;
            let (want, got) = (shape(&issue), shape(&back));
            // An issue without section names comes back under its title's page.
            let names = |s: &[(String, _)]| s.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
            if issue.sections.iter().all(|s| !s.name.is_empty()) {
                assert_eq!(names(&got), names(&want), "{} via {format:?}", issue.source);
            }
            let flat = |s: Vec<(String, Vec<Story>)>| s.into_iter().flat_map(|x| x.1).collect::<Vec<_>>();
            let (got, want) = (flat(got), flat(want));
            // The first article that differs, not the whole issue.
            if let Some((g, w)) = got.iter().zip(&want).find(|(g, w)| g != w) {
                assert_eq!(g, w, "{} via {format:?}", issue.source);
            }
            assert_eq!(got.len(), want.len(), "{} via {format:?}: articles", issue.source);
        }
    }
}

/// epubcheck, however this system installs it; `None` when it is not
/// installed (`.ci/run` installs it and sets DUBAO_REQUIRE_EPUBCHECK).
fn epubcheck(file: &Path) -> Option<Output> {
    let jar = Path::new("/usr/share/java/epubcheck.jar");
    let run = if jar.exists() {
        Command::new("java").arg("-jar").arg(jar).arg(file).output()
    } else {
        Command::new("epubcheck").arg(file).output()
    };
    match run {
        Ok(o) => Some(o),
        Err(_) if std::env::var_os("DUBAO_REQUIRE_EPUBCHECK").is_none() => None,
        Err(e) => panic!("epubcheck required but not runnable: {e}"),
    }
}

#[test]
fn epub_export_passes_epubcheck() {
    let dir = tempfile::tempdir().unwrap();
    for (n, issue) in issues().iter().enumerate() {
        let file = dir.path().join(format!("{n}.epub"));
        std::fs::write(&file, Format::Epub.render(issue, None).unwrap()).unwrap();
        let Some(o) = epubcheck(&file) else {
            crate::common::fault::skipped("epub_export_passes_epubcheck", "epubcheck is not installed");
            return;
        };
        let text = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success() && text.contains("0 errors"), "{}:\n{text}", issue.source);
    }
}

fn dubao(home: &Path, args: &[&str]) -> Output {
    crate::common::dubao_command()
        .args(args)
        .current_dir(home)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .output()
        .unwrap()
}

#[test]
fn export_writes_files_and_never_replaces_one_it_did_not_name() {
    let home = tempfile::tempdir().unwrap();
    let seed = crate::common::data::seed_path();
    let seed = seed.to_str().unwrap();
    // Into the config's folder, twice: the second gets a new name.
    std::fs::create_dir_all(home.path().join(".config/dubao")).unwrap();
    std::fs::write(home.path().join(".config/dubao/config.toml"), "[export]\ndir = \"out\"\n").unwrap();
    let first = dubao(home.path(), &["export", seed]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let second = dubao(home.path(), &["export", seed]);
    let (a, b) = (String::from_utf8(first.stdout).unwrap(), String::from_utf8(second.stdout).unwrap());
    assert!(a.trim().ends_with(".md") && b.trim().ends_with("-2.md"), "{a} {b}");
    assert!(Path::new(a.trim()).starts_with(home.path().join(".config/dubao/out")), "{a}");
    // A file named with -o; per article into a folder; to stdout.
    let named = dubao(home.path(), &["export", seed, "--to", "html", "-o", "today.html"]);
    assert!(named.status.success() && home.path().join("today.html").is_file());
    let per = dubao(home.path(), &["export", seed, "--per-article", "-o", "articles"]);
    let written = String::from_utf8(per.stdout).unwrap();
    assert_eq!(written.lines().count(), issue(Path::new(seed)).articles().count());
    assert!(written.lines().all(|l| home.path().join(l).is_file()), "{written}");
    let out = dubao(home.path(), &["export", seed, "--to", "epub", "-o", "-"]);
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
    // Two issues and one file named: refused, nothing written.
    let samples = crate::common::data::samples();
    let two = dubao(home.path(), &["export", samples.to_str().unwrap(), "-o", "both.md"]);
    assert_eq!(two.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&two.stderr).contains("give a folder"));
    assert!(!home.path().join("both.md").exists());
}
