//! Properties of the parser over generated input: it never panics, and it
//! loses no text — every non-whitespace character of the input appears in
//! the output, in order (markup syntax aside).

use dubao::model::{Block, Element, Issue};
use dubao::parse::classify::is_separator_line;
use dubao::parse::parse_issue;
use proptest::prelude::*;

/// Pieces real issues are made of, so that generated text exercises the
/// heuristics (markers, bylines, datelines, attributions, page breaks).
const ATOMS: &[&str] = &[
    "山东省",
    "绿色低碳",
    "高质量发展",
    "会议指出",
    "的",
    "了",
    "在",
    "和",
    "强化使命担当",
    "我区设分会场组织收听收看",
    ",",
    "。",
    "、",
    ";",
    ":",
    "!",
    "?",
    "，",
    "。",
    "；",
    "：",
    "！",
    "？",
    "……",
    "——",
    "“",
    "”",
    "「",
    "」",
    "《",
    "》",
    "(",
    ")",
    "（",
    "）",
    " ",
    " ",
    "\u{3000}",
    "3360",
    "9:30",
    "11月18日",
    "COVID-19",
    "the",
    "council",
    "voted",
    "Bridge",
    "RIVERTON",
    " — ",
    "By ",
    "Ana Ruiz",
    "融媒体中心",
    "徐振鑫",
    "通讯员",
    "本报记者",
    "记者",
    "东昌府讯",
    "本报讯",
    "新华社北京6月30日电",
    "第01版：",
    "要闻",
    "第2版 ",
    "【",
    "】",
    "Page 2",
    "Page",
    "图为",
    "摄",
    "▲",
    "一、",
    "（一）",
    "comm-",
    "unity",
    "-",
    ".",
    "'",
    "\"",
    "A",
    "z",
    "é",
    "한국어",
    "ひらがな",
    "👨‍👩‍👧",
    "🇨🇳",
    "e\u{301}",
    "\u{200b}",
];

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ATOMS), 0..10).prop_map(|atoms| {
        let l = atoms.concat();
        // Lines that would be markup (`#`, `+++`) are syntax, not text.
        if l.trim_start().starts_with('#') || l.trim_start().starts_with("+++") { format!("x{l}") } else { l }
    })
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_map(|lines| lines.join("\n"))
}

/// Every text the model holds, in reading order, noise aside.
fn output_text(issue: &Issue) -> String {
    let mut out = issue.masthead.concat();
    for section in &issue.sections {
        out.push_str(&section.name);
        for a in &section.articles {
            for (element, text) in a.elements() {
                let noise = matches!(element, Element::Block(i) if matches!(a.blocks[i], Block::Noise(_)));
                if !noise {
                    out.push_str(text);
                }
            }
        }
    }
    out
}

/// Characters the parser may drop: a line-end hyphen joining a word, and
/// the parentheses around an attribution.
fn droppable(c: char) -> bool {
    matches!(c, '-' | '(' | ')' | '（' | '）')
}

fn check_invariants(issue: &Issue) {
    let mut ids = std::collections::HashSet::new();
    for a in issue.articles() {
        assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
        for b in &a.blocks {
            let t = b.text();
            assert!(!t.trim().is_empty(), "empty block");
            assert!(!t.contains('\n'), "newline in block");
            assert!(!t.chars().any(|c| c.is_control()), "control character in {t:?}");
            assert_eq!(t, t.trim(), "untrimmed block");
        }
    }
}

/// Heuristics never end an article on a subhead (markup may).
fn check_no_trailing_subhead(issue: &Issue) {
    for a in issue.articles() {
        assert!(!matches!(a.blocks.last(), Some(Block::Subhead(_))), "an article ends in a subhead: {a:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_text_is_lost(doc in document()) {
        let issue = parse_issue(doc.as_bytes(), "prop.txt").unwrap().issue;
        check_invariants(&issue);
        check_no_trailing_subhead(&issue);
        let kept = |c: &char| !c.is_whitespace() && !droppable(*c);
        let out: Vec<char> = output_text(&issue).chars().filter(kept).collect();
        // A line that is only a rule between items (`*  *  *`, `————`) holds no
        // text. Noise (OCR scraps) is kept but may sit after the byline of
        // the head it was found in: it is checked apart, not in order.
        let parsed = parse_issue(doc.as_bytes(), "prop.txt").unwrap();
        let noise: std::collections::HashSet<usize> = parsed
            .roles
            .iter()
            .filter(|r| r.role == dubao::parse::plain::Role::Noise)
            .flat_map(|r| r.lines.0..=r.lines.1)
            .collect();
        let noise_blocks: Vec<&str> = issue.articles().flat_map(|a| &a.blocks).filter_map(|b| match b {
            Block::Noise(t) => Some(t.as_str()),
            _ => None,
        }).collect();
        for (i, l) in doc.lines().enumerate().filter(|(i, _)| noise.contains(&(i + 1))) {
            prop_assert!(noise_blocks.contains(&l.trim()), "noise line {} lost: {l:?}", i + 1);
        }
        let text: String = doc
            .lines()
            .enumerate()
            .filter(|(i, l)| !is_separator_line(l) && !noise.contains(&(i + 1)))
            .map(|(_, l)| l)
            .collect::<Vec<_>>()
            .join("\n");
        let mut at = 0;
        for c in text.chars().filter(kept) {
            match out[at..].iter().position(|&o| o == c) {
                Some(k) => at += k + 1,
                None => prop_assert!(false, "lost {c:?} (after {} output chars)\ninput:\n{doc}\noutput:\n{}", at, dubao::export::dump(&issue)),
            }
        }
    }

    #[test]
    fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(parsed) = parse_issue(&bytes, "bytes.txt") {
            check_invariants(&parsed.issue);
        }
    }

    #[test]
    fn never_panics_on_any_text(text in "(?s).{0,600}", markup in prop::collection::vec(prop::sample::select(&["# A\n", "## B\n", "### C\n", "+++\n", "deck: d\n", "attribution: a\n", "\n\n", "\r\n", "\x0c", "\t"][..]), 0..8)) {
        let doc = markup.concat() + &text;
        if let Ok(parsed) = parse_issue(doc.as_bytes(), "text.dubao") {
            check_invariants(&parsed.issue);
        }
    }
}
