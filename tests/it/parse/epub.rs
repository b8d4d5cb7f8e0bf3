//! EPUB periodicals as calibre's news recipes build them, and archives
//! built to hurt: each read into sections and articles, or refused with a
//! reason.

use dubao::model::Block;
use dubao::parse::parse_issue;
use std::io::Write;
use zip::write::SimpleFileOptions;

/// A zip of `(name, bytes)` entries, `mimetype` stored first as EPUBs have it.
pub fn zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/epub+zip").unwrap();
    for (name, bytes) in entries {
        out.start_file(*name, SimpleFileOptions::default()).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const CONTAINER: &str = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;

fn page(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>{body}</body></html>"#
    )
    .into_bytes()
}

fn article(title: &str, byline: &str, paras: &[&str]) -> Vec<u8> {
    let navbar = r#"<div class="calibre_navbar">| <a href="../article_1/index.html">Next</a> | <a href="../index.html">Section menu</a> | <a href="../../index.html">Main menu</a> |</div>"#;
    let paras: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
    page(&format!(
        r#"{navbar}<div><h1>{title}</h1><div class="byline">{byline}</div>{paras}</div>
<hr/><div class="calibre_navbar">This article was downloaded by <b>calibre</b> from <a href="https://example.org/a">https://example.org/a</a></div>{navbar}"#
    ))
}

/// A periodical of two sections of two articles, with the section index
/// pages and the masthead calibre writes.
fn periodical() -> Vec<u8> {
    let docs = [
        ("index.html", page("<h1>望川日报</h1><ul><li><a href='feed_0/index.html'>要闻</a></li></ul>")),
        ("feed_0/index.html", page("<h2>要闻</h2><ul><li><a href='article_0/index.html'>城南改造收尾</a></li></ul>")),
        (
            "feed_0/article_0/index.html",
            article(
                "城南片区雨污分流改造进入收尾阶段",
                "本报记者 万千里",
                &["目前工程总体进度已完成92%。", "预计6月底前全面完工。"],
            ),
        ),
        (
            "feed_0/article_1/index.html",
            article("全市春季招聘月启动", "本报记者 李明", &["首场招聘会吸引230余家企业进场。"]),
        ),
        ("feed_1/index.html", page("<h2>体育</h2><ul><li>…</li></ul>")),
        ("feed_1/article_0/index.html", article("望川队主场取胜", "本报记者 周舟", &["望川队以2比1取胜。"])),
        ("feed_1/article_1/index.html", article("全民健身日活动举行", "本报记者 周舟", &["两万市民参加。"])),
    ];
    let items: String = docs
        .iter()
        .enumerate()
        .map(|(i, (h, _))| format!(r#"<item id="d{i}" href="{h}" media-type="application/xhtml+xml"/>"#))
        .collect();
    let spine: String = (0..docs.len()).map(|i| format!(r#"<itemref idref="d{i}"/>"#)).collect();
    let opf = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>望川日报 [2024年5月16日]</dc:title>
<dc:language>zh</dc:language><dc:publisher>calibre</dc:publisher><dc:date>2024-05-16T06:00:00+00:00</dc:date>
<dc:identifier id="id">urn:uuid:1</dc:identifier></metadata>
<manifest>{items}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
<spine toc="ncx">{spine}</spine></package>"#
    );
    let point = |id: &str, label: &str, src: &str, kids: &str| {
        format!(
            r#"<navPoint id="{id}"><navLabel><text>{label}</text></navLabel><content src="{src}"/>{kids}</navPoint>"#
        )
    };
    let feed = |n: usize, name: &str, a: [&str; 2]| {
        let kids = point(&format!("a{n}0"), a[0], &format!("feed_{n}/article_0/index.html"), "")
            + &point(&format!("a{n}1"), a[1], &format!("feed_{n}/article_1/index.html"), "");
        point(&format!("f{n}"), name, &format!("feed_{n}/index.html"), &kids)
    };
    let ncx = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>望川日报</text></docTitle>
<navMap>{}{}</navMap></ncx>"#,
        feed(0, "要闻", ["城南改造收尾", "春季招聘月"]),
        feed(1, "体育", ["望川队取胜", "全民健身日"])
    );
    let mut entries =
        vec![("META-INF/container.xml", CONTAINER.as_bytes().to_vec()), ("content.opf", opf.into_bytes())];
    entries.push(("toc.ncx", ncx.into_bytes()));
    entries.extend(docs.iter().map(|(h, b)| (*h, b.clone())));
    zip(&entries)
}

#[test]
fn a_calibre_periodical_gives_its_sections_and_articles() {
    let issue = parse_issue(&periodical(), "wangchuan.epub").unwrap().issue;
    assert_eq!(issue.title, "望川日报 [2024年5月16日]");
    assert_eq!(issue.date, Some("2024-05-16".parse().unwrap()));
    assert_eq!(issue.encoding, "EPUB");
    let names: Vec<_> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["要闻", "体育"]);
    let heads: Vec<_> = issue.articles().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        heads,
        ["城南片区雨污分流改造进入收尾阶段", "全市春季招聘月启动", "望川队主场取胜", "全民健身日活动举行"]
    );
    let a = &issue.sections[0].articles[0];
    assert_eq!(a.byline.as_deref(), Some("本报记者 万千里"));
    assert_eq!(
        a.blocks,
        [Block::Paragraph("目前工程总体进度已完成92%。".into()), Block::Paragraph("预计6月底前全面完工。".into())]
    );
    // Navigation bars and calibre's download notes are not text.
    let all: String = issue.articles().flat_map(|a| a.blocks.iter().map(|b| b.text().to_string())).collect();
    assert!(!all.contains("Section menu") && !all.contains("calibre"), "{all}");
}

#[test]
fn an_epub_not_named_epub_is_still_read_by_its_content() {
    let issue = parse_issue(&periodical(), "download").unwrap().issue;
    assert_eq!(issue.articles().count(), 4);
}

fn refused(bytes: &[u8]) -> String {
    match parse_issue(bytes, "bad.epub") {
        Ok(p) => panic!("read as {} articles", p.issue.articles().count()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn entries_leaving_the_archive_are_refused() {
    for evil in ["../../etc/passwd", "/etc/passwd", "OEBPS/../../x.html"] {
        let err = refused(&zip(&[("META-INF/container.xml", CONTAINER.into()), (evil, page("<p>x</p>"))]));
        assert!(err.contains("outside the archive") && err.contains(evil), "{evil}: {err}");
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_read() {
    let bomb = vec![0u8; 4 << 20];
    let err = refused(&zip(&[("META-INF/container.xml", CONTAINER.into()), ("content.opf", bomb)]));
    assert!(err.contains("expands"), "{err}");
}

#[test]
fn deeply_nested_markup_is_refused_by_entry() {
    let deep = page(&"<div>".repeat(20_000));
    let err = refused(&zip(&[("META-INF/container.xml", CONTAINER.into()), ("a.xhtml", deep)]));
    assert!(err.contains("a.xhtml") && err.contains("deep"), "{err}");
}

#[test]
fn broken_and_empty_archives_are_refused_with_a_reason() {
    let mut cut = periodical();
    cut.truncate(cut.len() / 2);
    assert!(refused(&cut).contains("not a readable EPUB"));
    assert!(refused(&zip(&[])).contains("not a readable EPUB"));
    let no_text = zip(&[("META-INF/container.xml", CONTAINER.into()), ("content.opf", b"<package/>".to_vec())]);
    assert!(!refused(&no_text).is_empty());
}
