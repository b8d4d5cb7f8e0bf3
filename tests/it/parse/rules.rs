//! One small issue per parsing rule: what each heuristic does on its own,
//! and what it must leave alone.

use dubao::model::{Block, Issue};
use dubao::parse::parse_issue;

fn parse(src: &str) -> Issue {
    parse_issue(src.as_bytes(), "rules.txt").unwrap().issue
}

fn shape(issue: &Issue) -> Vec<String> {
    let mut out = Vec::new();
    for s in &issue.sections {
        if !s.name.is_empty() {
            out.push(format!("# {}", s.name));
        }
        for a in &s.articles {
            out.extend(a.kicker.iter().map(|k| format!("kicker {k}")));
            out.push(format!("## {}", a.headline));
            out.extend(a.decks.iter().map(|d| format!("deck {d}")));
            out.extend(a.byline.iter().map(|b| format!("by {b}")));
            out.extend(a.dateline.iter().map(|d| format!("dateline {d}")));
            for b in &a.blocks {
                out.push(match b {
                    Block::Paragraph(t) => format!("p {t}"),
                    Block::Subhead(t) => format!("s {t}"),
                    Block::Caption(t) => format!("c {t}"),
                    Block::Table(t) => format!("t {t}"),
                    Block::Noise(t) => format!("n {t}"),
                });
            }
            out.extend(a.attribution.iter().map(|x| format!("attr {x}")));
        }
    }
    out
}

#[test]
fn empty_and_blank_files_have_no_articles_and_say_so() {
    for src in ["", "\n\n  \n\u{3000}\n", "\u{feff}"] {
        let parsed = parse_issue(src.as_bytes(), "empty.txt").unwrap();
        assert_eq!(parsed.issue.articles().count(), 0);
        assert!(parsed.warnings.iter().any(|w| w.message.contains("no articles")));
    }
}

#[test]
fn text_without_any_headline_is_one_untitled_article() {
    let issue = parse("第一段文字到此结束。\n\n第二段文字到此结束。\n");
    assert_eq!(shape(&issue), ["## ", "p 第一段文字到此结束。", "p 第二段文字到此结束。"]);
}

#[test]
fn exclaimed_headline_followed_by_byline() {
    let issue = parse("好消息!\n\n记者 张三\n\n全区今天正式开通公交新线路。\n");
    assert_eq!(shape(&issue), ["## 好消息!", "by 记者 张三", "p 全区今天正式开通公交新线路。"]);
}

#[test]
fn exclaimed_sentence_in_running_text_is_not_a_headline() {
    let issue = parse("标题一行\n\n记者 张三\n\n第一段。\n\n太好了!\n\n第二段。\n");
    assert_eq!(issue.articles().count(), 1);
}

#[test]
fn byline_over_two_lines() {
    let issue = parse("标题一行\n\n记者 张三\n通讯员 李四\n\n正文开始了。\n");
    assert_eq!(shape(&issue), ["## 标题一行", "by 记者 张三 通讯员 李四", "p 正文开始了。"]);
}

#[test]
fn byline_in_parentheses_under_the_headline() {
    let issue = parse("标题一行\n\n（本报记者 王五）\n\n正文开始了。\n");
    assert_eq!(shape(&issue), ["## 标题一行", "by （本报记者 王五）", "p 正文开始了。"]);
}

#[test]
fn attribution_only_when_the_article_ends_there() {
    let closing = parse("标题\n\n记者 张三\n\n正文。\n\n(记者 张三)\n\n下一篇标题\n\n记者 李四\n\n正文二。\n");
    assert_eq!(closing.articles().next().unwrap().attribution.as_deref(), Some("记者 张三"));
    assert_eq!(closing.articles().count(), 2);
    let aside = parse("标题\n\n记者 张三\n\n正文。\n\n(图片由区文旅局提供)\n\n接着说的话。\n");
    let a = aside.articles().next().unwrap();
    assert_eq!(a.attribution, None);
    assert_eq!(a.blocks.len(), 3);
}

#[test]
fn page_break_before_a_comma_heals() {
    let issue = parse("标题\n\n记者 张三\n\n志愿者们把电子阅读终端\n\n,读者扫码即可借阅。\n");
    let a = issue.articles().next().unwrap();
    assert_eq!(a.blocks, [Block::Paragraph("志愿者们把电子阅读终端,读者扫码即可借阅。".into())]);
}

#[test]
fn page_breaks_by_form_feed_heal() {
    let issue = parse("标题\n\n记者 张三\n\n会议要求各部门抓紧推进各项重点工作,确保\x0c按期完成全年目标任务。\n");
    let text = issue.articles().next().unwrap().blocks[0].text().to_string();
    assert_eq!(text, "会议要求各部门抓紧推进各项重点工作,确保按期完成全年目标任务。");
}

#[test]
fn complete_paragraphs_are_never_joined() {
    let issue = parse("标题\n\n记者 张三\n\n第一段说完了。\n\n“第二段是引语。”\n\n第三段!\n");
    assert_eq!(issue.articles().next().unwrap().blocks.len(), 3);
}

#[test]
fn masthead_above_the_first_page_gives_title_and_date() {
    let issue = parse_issue(
        "东昌府报\n\n2022年11月19日 星期六\n\n第01版：要闻\n\n标题\n\n记者 张三\n\n正文。\n".as_bytes(),
        "scan-0001.txt",
    )
    .unwrap()
    .issue;
    assert_eq!(issue.masthead, ["东昌府报", "2022年11月19日 星期六"]);
    assert_eq!(issue.title, "东昌府报");
    assert_eq!(issue.date, Some("2022-11-19".parse().unwrap()));
    assert_eq!(shape(&issue)[0], "# 第01版：要闻");
}

#[test]
fn front_matter_beats_masthead_beats_file_name() {
    let src = "+++\ntitle = \"前置标题\"\n+++\n东昌府报\n\n第01版：要闻\n\n标题\n\n记者 张三\n\n正文。\n";
    let issue = parse_issue(src.as_bytes(), "东昌府报-20221119.txt").unwrap().issue;
    assert_eq!(issue.title, "前置标题");
    assert_eq!(issue.date, Some("2022-11-19".parse().unwrap()));
    let issue =
        parse_issue("东昌府报\n\n第01版：要闻\n\n标题\n\n正文。\n".as_bytes(), "晚报-20221119.txt").unwrap().issue;
    assert_eq!(issue.title, "东昌府报", "the paper names itself in its masthead");
    assert_eq!(issue.date, Some("2022-11-19".parse().unwrap()), "the file name still dates it");
    let issue = parse_issue("第01版：要闻\n\n标题\n\n正文。\n".as_bytes(), "paper_20221119_pku_gbk.txt").unwrap().issue;
    assert_eq!(issue.title, "paper pku", "no masthead: the file name without its technical words");
}

#[test]
fn section_marker_forms() {
    let src = "第01版：要闻\n\n标题甲\n\n记者 张三\n\n正文。\n\n第2版 民生\n\n标题乙\n\n记者 李四\n\n正文。\n\n【文化】\n\n标题丙\n\n记者 王五\n\n正文。\n\nPage 4 — Sports\n\nTitle D\n\nBy Ana Ruiz\n\nText.\n";
    let names: Vec<String> = parse(src).sections.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, ["第01版：要闻", "第2版 民生", "【文化】", "Page 4 — Sports"]);
}

#[test]
fn ids_survive_edits_elsewhere_in_the_issue() {
    let before = parse("甲标题\n\n记者 张三\n\n正文。\n\n乙标题\n\n记者 李四\n\n正文。\n");
    let after = parse(
        "新插入的标题\n\n记者 赵六\n\n新文章。\n\n甲标题\n\n记者 张三\n\n改过的正文。\n\n乙标题\n\n记者 李四\n\n正文。\n",
    );
    let ids = |i: &Issue| i.articles().map(|a| (a.headline.clone(), a.id.clone())).collect::<Vec<_>>();
    let (b, a) = (ids(&before), ids(&after));
    assert_eq!(a[1], b[0]);
    assert_eq!(a[2], b[1]);
}

#[test]
fn duplicate_headlines_get_distinct_ids() {
    let issue = parse("简讯\n\n记者 张三\n\n一。\n\n简讯\n\n记者 李四\n\n二。\n");
    let ids: Vec<_> = issue.articles().map(|a| a.id.clone()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn explicit_markup_overrides_heuristics() {
    let src = "# 第01版 要闻\n\n## 标题\ndeck: 副题\nbyline: 记者 张三\ndateline: 清河讯\n\n清河讯 正文第一段。\n多行会被连起来。\n\n### 小标题\n\n记者 李四\n\nattribution: 记者 张三\n";
    let issue = parse(src);
    assert_eq!(
        shape(&issue),
        [
            "# 第01版 要闻",
            "## 标题",
            "deck 副题",
            "by 记者 张三",
            "dateline 清河讯",
            "p 清河讯 正文第一段。多行会被连起来。",
            "s 小标题",
            "p 记者 李四",
            "attr 记者 张三"
        ]
    );
}

#[test]
fn sections_by_markup_with_heuristic_articles_inside() {
    let issue = parse("# 要闻\n\n标题\n\n记者 张三\n\n正文。\n");
    assert_eq!(shape(&issue), ["# 要闻", "## 标题", "by 记者 张三", "p 正文。"]);
}

#[test]
fn a_stray_line_after_a_headline_is_warned_about_with_its_line() {
    let parsed = parse_issue("## 标题\nnot a field\n\n正文。\n".as_bytes(), "x.dubao").unwrap();
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].line, Some(2));
    let blocks: Vec<&str> = parsed.issue.articles().next().unwrap().blocks.iter().map(|b| b.text()).collect();
    assert_eq!(blocks, ["not a field", "正文。"]);
}

#[test]
fn latin_text_in_chinese_and_english_joins_correctly() {
    let issue = parse("Title Here\n\nBy Ana Ruiz\n\nThe committee will meet again in\n\nApril to review the plan.\n");
    assert_eq!(
        issue.articles().next().unwrap().blocks[0].text(),
        "The committee will meet again in April to review the plan."
    );
}

#[test]
fn control_characters_never_reach_the_model() {
    let issue = parse("标题\n\n记者 张三\n\n正文\x1b]52;c;aGk=\x07结束。\n");
    let text = issue.articles().next().unwrap().blocks[0].text().to_string();
    assert!(!text.chars().any(char::is_control), "{text:?}");
    assert!(text.contains('\u{241b}'), "ESC shown as ␛");
}

#[test]
fn lines_between_a_long_head_and_a_table_are_kept() {
    // Found by the property test: a head takes at most five lines, and the
    // line after them, over a table, was dropped.
    let issue = parse(
        "」\n山东省\n山东省山东省\n山东省\n3360\n山东省）\nRIVERTON3360山东省\nCOVID-19\n山东省新华社北京6月30日电\n山东省Page 2",
    );
    let text = shape(&issue).join("\n");
    assert!(text.contains("山东省）"), "{text}");
    assert!(text.contains("t 山东省Page 2"), "{text}");
}
