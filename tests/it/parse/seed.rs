//! The reference issue (`../shared/seeds/000_5f9f883e554d2686.txt`, a raw
//! issue of a Chinese district paper) must come out exactly as a reader
//! would split it by hand.

use dubao::model::{Article, Block, Issue};
use dubao::parse::parse_issue;
use std::path::PathBuf;

const SEED: &str = "000_5f9f883e554d2686.txt";

/// The seed's path: `$DUBAO_SEED_DIR` or `../shared/seeds` beside the repo.
fn seed_path() -> PathBuf {
    let dir = std::env::var_os("DUBAO_SEED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    dir.join(SEED)
}

fn seed() -> Issue {
    let path = seed_path();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "\n\n*** THE SEED ISSUE IS MISSING: {} ({e}).\n*** These tests need ../shared/seeds beside the checkout \
             (CI has it) or DUBAO_SEED_DIR pointing at the folder holding {SEED}.\n\n",
            path.display()
        )
    });
    parse_issue(&bytes, &path.display().to_string()).unwrap().issue
}

fn paragraphs(a: &Article) -> usize {
    a.blocks.iter().filter(|b| matches!(b, Block::Paragraph(_))).count()
}

#[test]
fn seed_is_five_articles_in_one_section() {
    let issue = seed();
    assert_eq!(issue.encoding, "UTF-8");
    assert_eq!(issue.sections.len(), 1);
    let headlines: Vec<&str> = issue.articles().map(|a| a.headline.as_str()).collect();
    assert_eq!(
        headlines,
        [
            "山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开",
            "全市新冠肺炎疫情防控工作视频会议召开",
            "暖心! 3360斤爱心蔬菜送进隔离居民家中",
            "双拥花开 鱼水情深",
            "让每一位脱贫群众稳稳的收获幸福",
        ]
    );
}

#[test]
fn seed_article_1() {
    let issue = seed();
    let a = issue.articles().next().unwrap();
    assert_eq!(a.decks, ["强化使命担当勇于开拓创新 聚力推进绿色低碳高质量发展先行区建设", "我区设分会场组织收听收看"]);
    assert_eq!(a.dateline.as_deref(), Some("东昌府讯"));
    assert_eq!(a.byline, None);
    assert_eq!(paragraphs(a), 4);
    assert_eq!(a.blocks.len(), 4);
    assert_eq!(a.attribution.as_deref(), Some("融媒体中心 徐振鑫 朱晓斌"));
    assert!(a.blocks[0].text().starts_with("东昌府讯 11月18日,"), "the dateline stays in the paragraph");
}

#[test]
fn seed_article_2() {
    let issue = seed();
    let a = issue.articles().nth(1).unwrap();
    assert_eq!(a.decks, ["我区设分会场组织收听收看"]);
    assert_eq!(paragraphs(a), 6);
    assert_eq!(a.blocks.len(), 6);
    assert_eq!(a.attribution.as_deref(), Some("融媒体中心 全兴社 朱晓斌"));
}

#[test]
fn seed_article_3() {
    let issue = seed();
    let a = issue.articles().nth(2).unwrap();
    assert!(a.decks.is_empty());
    assert_eq!(a.byline.as_deref(), Some("融媒体中心 徐振鑫 通讯员 杨晓翠"));
    assert_eq!(paragraphs(a), 8);
    assert_eq!(a.blocks.len(), 8);
    assert_eq!(a.attribution, None);
}

#[test]
fn seed_article_4_has_three_subheads() {
    let issue = seed();
    let a = issue.articles().nth(3).unwrap();
    assert_eq!(a.decks, ["——全区深入推进双拥工作纪实"]);
    assert_eq!(a.byline.as_deref(), Some("融媒体中心 全兴社 通讯员 郭瑛琦"));
    let shape: Vec<String> = a
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "p".into(),
            Block::Subhead(t) => t.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        shape,
        [
            "p",
            "打造拥军文化新阵地",
            "p",
            "p",
            "p",
            "千企万店齐拥军",
            "p",
            "p",
            "p",
            "创新双拥共建新模式",
            "p",
            "p",
            "p"
        ]
    );
}

#[test]
fn seed_article_5() {
    let issue = seed();
    let a = issue.articles().nth(4).unwrap();
    assert_eq!(a.decks, ["侯营镇持续巩固脱贫攻坚成果 助力乡村振兴"]);
    assert_eq!(a.byline.as_deref(), Some("融媒体中心 全兴社 通讯员 潘凤艳"));
    assert_eq!(paragraphs(a), 4);
    assert_eq!(a.blocks.len(), 4);
}

#[test]
fn seed_all_nine_page_break_splits_are_healed() {
    let issue = seed();
    let text: Vec<&str> = issue.articles().flat_map(|a| a.blocks.iter().map(Block::text)).collect();
    let seams = [
        "为山东发展提供了重大战略机遇。",
        "对外开放新高地、共同富裕新范例",
        "聚力用好“关键一招”,加快建设改革开放新高地",
        "统一到习近平总书记重要讲话精神上来,全面理解",
        "更加精准做好居家隔离和居家健康监测",
        "项目工地不停、物资运输不停。",
        "可享受打折和礼品赠送等贴心服务。",
        "让军嫂、兵妈妈感受到社会的关心关爱……",
        "尚能照顾家务和农活。",
    ];
    for seam in seams {
        assert_eq!(text.iter().filter(|p| p.contains(seam)).count(), 1, "{seam} is not whole in exactly one paragraph");
    }
    assert!(text.iter().all(|p| !p.contains('\n')));
}

#[test]
fn seed_ids_are_stable_and_distinct() {
    let a = seed();
    let b = seed();
    let ids: Vec<&str> = a.articles().map(|x| x.id.0.as_str()).collect();
    assert_eq!(ids, b.articles().map(|x| x.id.0.as_str()).collect::<Vec<_>>());
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 5);
    assert!(ids.iter().all(|id| id.len() == 12 && id.chars().all(|c| c.is_ascii_hexdigit())));
}

/// The seed's text as a person would write it out differently.
fn seed_text() -> String {
    String::from_utf8(std::fs::read(seed_path()).expect("the seed (see above)")).unwrap()
}

/// Everything a reader sees of an issue's articles, punctuation folded to
/// one width so that the full-width variant compares equal.
fn structure(issue: &Issue) -> Vec<String> {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '，' => ',',
                '；' => ';',
                '：' => ':',
                '！' => '!',
                '？' => '?',
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect()
    };
    let mut out = Vec::new();
    for a in issue.articles() {
        out.push(format!("## {}", fold(&a.headline)));
        out.extend(a.kicker.iter().map(|k| format!("kicker {}", fold(k))));
        out.extend(a.decks.iter().map(|d| format!("deck {}", fold(d))));
        out.extend(a.byline.iter().map(|b| format!("by {}", fold(b))));
        out.extend(a.dateline.iter().map(|d| format!("dateline {}", fold(d))));
        for b in &a.blocks {
            out.push(format!("{:?}", b).chars().take(12).collect::<String>() + &fold(b.text()));
        }
        out.extend(a.attribution.iter().map(|x| format!("attr {}", fold(x))));
    }
    out
}

fn parse_text(text: &str) -> Issue {
    parse_issue(text.as_bytes(), SEED).unwrap().issue
}

fn assert_same_as_seed(variant: &str, text: &str) {
    let want = structure(&parse_text(&seed_text()));
    let got = structure(&parse_text(text));
    let first = want.iter().zip(&got).position(|(a, b)| a != b);
    assert!(
        want == got,
        "{variant}: differs from the seed at {first:?}:\n  seed:    {:?}\n  variant: {:?}",
        first.and_then(|k| want.get(k)),
        first.and_then(|k| got.get(k))
    );
}

#[test]
fn seed_with_extra_blank_lines_and_trailing_spaces() {
    let text = seed_text().replace("\n\n", "\n  \n\n").replace('\n', "   \n");
    assert_same_as_seed("extra blank lines", &text);
}

#[test]
fn seed_with_ideographic_indents() {
    // Paragraphs indented as Chinese print sets them; heads stay flush.
    let text: String = seed_text()
        .lines()
        .map(|l| if l.chars().count() > 40 { format!("　　{l}\n") } else { format!("{l}\n") })
        .collect();
    assert_same_as_seed("indented", &text);
}

#[test]
fn seed_with_full_width_punctuation() {
    let text: String = seed_text()
        .chars()
        .map(|c| match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '!' => '！',
            '?' => '？',
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect();
    assert_same_as_seed("full-width punctuation", &text);
}

#[test]
fn seed_without_any_blank_line() {
    let text: String = seed_text().lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{l}\n")).collect();
    assert_same_as_seed("no blank lines", &text);
}

#[test]
fn seed_with_crlf_line_ends() {
    assert_same_as_seed("CRLF", &seed_text().replace('\n', "\r\n"));
}

#[test]
fn seed_with_page_markers() {
    let text = seed_text();
    let at = text.find("暖心!").unwrap();
    let marked = format!("第01版：要闻\n\n{}\n第02版：民生\n\n{}", &text[..at], &text[at..]);
    assert_same_as_seed("page markers", &marked);
    let issue = parse_text(&marked);
    let names: Vec<&str> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["第01版：要闻", "第02版：民生"]);
    assert_eq!(issue.sections[0].articles.len(), 2);
}
