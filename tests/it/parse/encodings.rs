//! Every encoding dubao promises to read, detected without being told:
//! each fixture parses to the same structure as its UTF-8 original.

use dubao::model::Issue;
use dubao::parse::parse_issue;

fn parse(name: &str) -> Issue {
    let path = crate::common::data::fixture("encodings").join(name);
    // One source name for all, so titles and ids agree between encodings.
    parse_issue(&std::fs::read(&path).unwrap(), "issue.txt").unwrap().issue
}

fn same_structure(name: &str, original: &str, encoding: &str) {
    let got = parse(name);
    let want = parse(original);
    assert_eq!(got.encoding, encoding, "{name}");
    assert_eq!(got.sections, want.sections, "{name} parsed differently from {original}");
}

#[test]
fn utf8_with_bom() {
    same_structure("zh.utf8-bom.txt", "zh.txt", "UTF-8 (BOM)");
}

#[test]
fn utf16_with_boms() {
    same_structure("zh.utf16le.txt", "zh.txt", "UTF-16LE");
    same_structure("zh.utf16be.txt", "zh.txt", "UTF-16BE");
}

#[test]
fn utf16_without_bom() {
    same_structure("en.utf16le-nobom.txt", "en.txt", "UTF-16LE");
    same_structure("en.utf16be-nobom.txt", "en.txt", "UTF-16BE");
}

#[test]
fn gb18030_including_four_byte_characters() {
    same_structure("zh.gb18030.txt", "zh.txt", "GB18030");
    assert!(parse("zh.gb18030.txt").articles().any(|a| a.blocks.iter().any(|b| b.text().contains("𠮷大爷"))));
}

#[test]
fn big5_hkscs() {
    same_structure("zh-hant.big5hkscs.txt", "zh-hant.txt", "Big5");
    let issue = parse("zh-hant.big5hkscs.txt");
    let a = issue.articles().next().unwrap();
    assert_eq!(a.dateline.as_deref(), Some("本報香港3月9日訊"));
    assert_eq!(a.byline.as_deref(), Some("本報記者 陳家樂"));
    assert!(a.blocks[0].text().contains("預計兩日內"), "page break healed in traditional text");
    assert!(a.blocks[0].text().contains("嘅港島東區"), "HKSCS characters decoded");
}

#[test]
fn crlf_and_cr_line_ends() {
    same_structure("zh.crlf.txt", "zh.txt", "UTF-8");
    same_structure("zh.cr.txt", "zh.txt", "UTF-8");
}

#[test]
fn the_utf8_original_is_what_we_expect() {
    let issue = parse("zh.txt");
    let names: Vec<&str> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["第01版：要闻", "第02版：民生"]);
    let a = issue.articles().next().unwrap();
    assert_eq!(a.headline, "北湖新区春季植树活动启动");
    assert_eq!(a.decks, ["全区今年计划新增绿地120公顷"]);
    assert_eq!(a.dateline.as_deref(), Some("北湖讯"));
    assert_eq!(a.attribution.as_deref(), Some("融媒体中心 白晓川 邱一苇"));
    assert_eq!(a.blocks.len(), 2);
    assert!(a.blocks[0].text().contains("银杏、国槐"));
    assert_eq!(issue.articles().count(), 2);
}
