//! Issues that arrive as something other than one text file: e-paper and
//! article pages (HTML), JSON crawls and JSON Lines. Each reads into the
//! same model as a text issue.

use dubao::model::{Block, Issue};
use dubao::parse::parse_issue;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(crate::common::data::fixture("formats").join(name)).unwrap()
}

fn parse(bytes: &[u8], source: &str) -> Issue {
    parse_issue(bytes, source).unwrap_or_else(|e| panic!("{source}: {e}")).issue
}

#[test]
fn an_epaper_page_gives_its_page_as_a_section_and_each_article_whole() {
    let issue = parse(&fixture("epaper-page.html"), "epaper-page.html");
    assert_eq!(issue.title, "望川日报", "the site's name, not the page's <title>");
    assert_eq!(issue.date, Some("2024-05-16".parse().unwrap()));
    assert_eq!(issue.sections.len(), 1);
    assert_eq!(issue.sections[0].name, "第02版：民生");
    let a = &issue.sections[0].articles;
    assert_eq!(a.len(), 2, "{:#?}", a.iter().map(|a| &a.headline).collect::<Vec<_>>());
    assert_eq!(a[0].kicker.as_deref(), Some("老旧小区改造再提速——"));
    assert_eq!(a[0].headline, "城南片区雨污分流改造进入收尾阶段");
    assert_eq!(a[0].byline.as_deref(), Some("融媒体中心 万千里"));
    assert!(matches!(&a[0].blocks[2], Block::Caption(c) if c.starts_with("图为施工人员")), "{:?}", a[0].blocks);
    assert!(a[0].blocks.contains(&Block::Subhead("九成工程量已完成".into())));
    // Indents of full-width spaces are the paper's, not the text's.
    assert!(a[0].blocks[0].text().starts_with('“'));
    assert_eq!(a[1].dateline.as_deref(), Some("望川讯"));
    let rows: Vec<_> = a[1].blocks.iter().filter(|b| matches!(b, Block::Table(_))).collect();
    assert_eq!(rows.len(), 3, "{:?}", a[1].blocks);
    // Navigation, scripts, share boxes and the footer are not read.
    let all: String = issue.articles().flat_map(|a| a.blocks.iter().map(|b| b.text().to_string())).collect();
    for left_out in ["首页", "广告位", "分享到", "版权所有"] {
        assert!(!all.contains(left_out), "{left_out} was read as text");
    }
}

#[test]
fn a_gbk_page_is_read_by_its_meta_charset() {
    let gbk = fixture("epaper-page.gbk.html");
    assert!(std::str::from_utf8(&gbk).is_err(), "the fixture must really be GBK");
    let issue = parse(&gbk, "epaper-page.html");
    assert_eq!(issue.encoding, "GB18030");
    assert_eq!(issue.sections, parse(&fixture("epaper-page.html"), "epaper-page.html").sections);
}

#[test]
fn a_saved_article_page_keeps_its_head_and_drops_the_site_around_it() {
    let issue = parse(&fixture("article-page.html"), "article-page.html");
    assert_eq!(issue.title, "The Riverton Courier");
    assert_eq!(issue.date, Some("2024-03-08".parse().unwrap()));
    let a: Vec<_> = issue.articles().collect();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].kicker.as_deref(), Some("Infrastructure"));
    assert_eq!(a[0].headline, "Bridge reopens after two-year rebuild");
    assert_eq!(a[0].decks, ["Traffic returns to Main Street as the council reviews the bill"]);
    assert_eq!(a[0].byline.as_deref(), Some("By Ana Ruiz"));
    assert_eq!(a[0].dateline.as_deref(), Some("RIVERTON"));
    // A hard-wrapped <p> is one paragraph; <br> parts one.
    assert!(a[0].blocks[0].text().contains("rebuild that cost"), "{:?}", a[0].blocks);
    assert_eq!(a[0].blocks.len(), 3, "{:?}", a[0].blocks);
    let all: String = a[0].blocks.iter().map(Block::text).collect();
    for left_out in ["Sports", "Related", "Subscribe", "comment"] {
        assert!(!all.contains(left_out), "{left_out} was read as text");
    }
}

#[test]
fn html_nested_too_deep_or_without_text_is_refused_with_a_reason() {
    let deep = format!("<html><body>{}x</body></html>", "<div>".repeat(50_000));
    let err = parse_issue(deep.as_bytes(), "deep.html").unwrap_err().to_string();
    assert!(err.contains("nested") && err.contains("deep"), "{err}");
    let err = parse_issue(b"<html><body><script>x()</script></body></html>", "empty.html").unwrap_err();
    assert!(err.to_string().contains("without text"), "{err}");
    // Named otherwise, text that opens with a tag is read as text.
    let text = parse(b"<b>\n\nA headline\n\nA paragraph that says something.\n", "notes.txt");
    assert!(text.articles().count() > 0);
}

#[test]
fn json_with_other_field_names_nested_authors_and_a_wrapper_object() {
    let json = r#"{"status": "ok", "articles": [
        {"headline": "Port strike ends", "subtitle": "Dockers back on Monday", "body": "LONDON — The strike ended.\n\nShips sailed.",
         "authors": [{"name": "Kim Lee"}], "section": "Business", "published": "2021-06-04T08:00:00Z"},
        {"headline": "Rain at last", "text": "It rained.", "section": "Weather", "published": "2021-06-04"}]}"#;
    let issue = parse(json.as_bytes(), "crawl.json");
    assert_eq!(issue.date, Some("2021-06-04".parse().unwrap()));
    let names: Vec<_> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Business", "Weather"]);
    let a = &issue.sections[0].articles[0];
    assert_eq!(a.decks, ["Dockers back on Monday"]);
    assert_eq!(a.byline.as_deref(), Some("Kim Lee"));
    assert_eq!(a.dateline.as_deref(), Some("LONDON"));
    assert_eq!(a.blocks.len(), 2);
}

#[test]
fn json_lines_of_several_days_are_grouped_by_day() {
    let jsonl = concat!(
        r#"{"title": "周二新闻", "content": "周二的消息。", "date": "2020-01-07", "page": "要闻"}"#,
        "\n",
        r#"{"title": "周一新闻", "content": "周一的消息。", "date": "2020-01-06", "page": "要闻"}"#,
        "\n",
        r#"{"title": "周一体育", "content": "周一的比赛。", "date": "2020-01-06", "page": "体育"}"#,
        "\n",
    );
    let issue = parse(jsonl.as_bytes(), "feed.jsonl");
    let names: Vec<_> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["2020-01-06 · 要闻", "2020-01-06 · 体育", "2020-01-07 · 要闻"]);
    assert_eq!(issue.sections[0].articles[0].headline, "周一新闻");
}

#[test]
fn json_content_without_newlines_is_split_at_runs_of_spaces() {
    let json = r#"[{"title": "市集開幕", "content": "市集昨日開幕，人潮眾多。    攤商表示生意不錯。    主辦單位說明年再辦。"}]"#;
    let issue = parse(json.as_bytes(), "day.json");
    let a = issue.articles().next().unwrap();
    assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
    assert_eq!(a.blocks[1].text(), "攤商表示生意不錯。");
}

#[test]
fn a_folder_of_page_folders_is_one_issue_in_page_and_number_order() {
    let dir = tempfile::tempdir().unwrap();
    let day = dir.path().join("20240516");
    let write = |rel: &str, text: &str| {
        let p = day.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("1-要闻/2.txt", "第二篇要闻\n\n　　要闻第二篇的正文，写了一件事。\n");
    write("1-要闻/1.txt", "第一篇要闻\n\n　　要闻第一篇的正文，写了另一件事。\n");
    write("1-要闻/10.txt", "第十篇要闻\n\n　　要闻第十篇的正文，写了第三件事。\n");
    write("2-国际/1.md", "# 国际新闻一则\n\n　　国际版的正文，写了远方的事。\n");
    write("10-体育/1.txt", "体育新闻一则\n\n　　体育版的正文，写了一场比赛。\n");
    // The same story served again on another page.
    write("10-体育/2.txt", "第一篇要闻\n\n　　要闻第一篇的正文，写了另一件事。\n");
    let (sources, errors) = dubao::library::collect(std::slice::from_ref(&day));
    assert!(errors.is_empty() && sources.len() == 1, "{errors:?} {}", sources.len());
    let parsed = sources[0].load().unwrap();
    let issue = parsed.issue;
    assert_eq!(issue.date, Some("2024-05-16".parse().unwrap()));
    let names: Vec<_> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["1 要闻", "2 国际", "10 体育"]);
    let heads: Vec<_> = issue.articles().map(|a| a.headline.as_str()).collect();
    assert_eq!(heads, ["第一篇要闻", "第二篇要闻", "第十篇要闻", "国际新闻一则", "体育新闻一则"]);
    assert!(parsed.warnings.iter().any(|w| w.message.contains("repeats")), "{:?}", parsed.warnings);
}
