//! Recognisers for the furniture of a news page: section markers, bylines,
//! datelines, attributions, photo credits, headline-like lines.
//!
//! Each is a pure predicate over one line of text. They encode newspaper
//! conventions (Chinese first, Latin too) that no crate provides.

use super::text::{ends_sentence, is_cjk_dominant, is_han, is_opening, is_pause, last_char};

/// Longest line (in characters) that can still be a headline, deck or subhead.
const TITLE_MAX_CJK: usize = 48;
const TITLE_MAX_LATIN: usize = 120;

/// Bullets and ornaments papers put before captions and bylines.
fn strip_ornament(line: &str) -> &str {
    line.trim_start_matches(['■', '□', '●', '○', '◆', '◇', '★', '☆', '▲', '△', '▼', '▽', '►', '▶', '·', '*', '•'])
        .trim_start()
}

/// True for a page/section marker line: `第01版：要闻`, `第1版 要闻`,
/// `A3版 社会`, `【要闻】`, `Page 2 — Sports`, `PAGE A1`, `Section B: Business`.
pub fn is_section_marker(line: &str) -> bool {
    let line = line.trim();
    // 30 characters are at most 120 bytes; count characters only below that.
    if line.is_empty() || line.len() > 120 || line.chars().count() > 30 {
        return false;
    }
    if !line.starts_with(['第', '【', 'P', 'p', 'S', 's']) && !line.contains('版') {
        return false;
    }
    chinese_page(line) || bracket_section(line) || latin_page(line)
}

fn chinese_page(line: &str) -> bool {
    let rest = line.strip_prefix('第').unwrap_or(line);
    let Some(pos) = rest.find('版') else {
        return false;
    };
    let (num, after) = (&rest[..pos], &rest['版'.len_utf8() + pos..]);
    let numeric = !num.is_empty()
        && num.chars().count() <= 4
        && num.chars().all(|c| {
            c.is_ascii_alphanumeric() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十百".contains(c)
        })
        && num.chars().any(|c| !c.is_ascii_alphabetic());
    let plausible_name = after.chars().count() <= 20 && !ends_sentence(after) && !after.contains(['，', '。']);
    // Without 第 only `A3版` / `03版` style numbers count; `出版` is prose.
    numeric && plausible_name && (line.starts_with('第') || num.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn bracket_section(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('【').and_then(|l| l.strip_suffix('】')) else {
        return false;
    };
    let n = inner.chars().count();
    (1..=10).contains(&n)
        && !inner.chars().any(|c| c.is_ascii_punctuation() || super::text::is_terminal(c) || is_pause(c))
}

fn latin_page(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("page") {
        r
    } else if let Some(r) = lower.strip_prefix("section") {
        r
    } else {
        return false;
    };
    if !rest.is_empty() && !rest.starts_with([' ', ':']) {
        return false;
    }
    let rest = rest.trim_start();
    let label: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let after = rest[label.len()..].trim_start();
    let has_label =
        !label.is_empty() && label.len() <= 4 && (label.chars().any(|c| c.is_ascii_digit()) || label.len() == 1);
    let named = after.starts_with([':', '-', '|', '·']) || after.starts_with('—') || after.starts_with('–');
    (has_label && (after.is_empty() || named))
        || (lower.starts_with("section") && label.is_empty() && rest.starts_with(':'))
}

/// True for a byline: `融媒体中心 徐振鑫 通讯员 杨晓翠`, `本报记者 王五`,
/// `记者 赵六`, `文/孙七 图/周八`, `By Ana Ruiz`.
pub fn is_byline(line: &str) -> bool {
    let line = strip_ornament(line.trim());
    if line.is_empty() || ends_sentence(line) {
        return false;
    }
    latin_byline(line) || !line.is_ascii() && chinese_byline(line)
}

/// Words that make a short line a byline, in simplified and traditional forms.
const ROLES: [&str; 26] = [
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "融媒体中心",
    "融媒體中心",
    "特约",
    "特約",
    "实习生",
    "實習生",
    "撰稿",
    "作者",
    "文/",
    "文／",
    "图/",
    "圖/",
    "图／",
    "圖／",
    "摄影",
    "攝影",
    "编译",
    "編譯",
    "评论员",
    "評論員",
    "撰文",
    "报道员",
];

fn chinese_byline(line: &str) -> bool {
    if line.len() > 200 || line.chars().count() > 50 || line.contains(['，', '。', '；', ',', ';']) {
        return false;
    }
    let tokens = || line.split([' ', '\u{3000}']).filter(|t| !t.is_empty());
    let count = tokens().count();
    if count > 12 || tokens().any(|t| t.chars().count() > 12) {
        return false;
    }
    // A role must open a token (`本报记者`, `记者张三`, `通讯员`): `记者从…获悉`
    // in running text is a sentence, and sentences have longer tokens.
    tokens().any(|t| {
        let t = t.trim_start_matches(['本', '报', '報']);
        let t = t.trim_start_matches("新华社").trim_start_matches("新華社").trim_start_matches("特派");
        ROLES.iter().any(|r| t.starts_with(r)) || t.ends_with("记者") || t.ends_with("記者")
    }) && count >= 2
        || count == 1 && (line.starts_with("文/") || line.starts_with("文／")) && line.chars().count() <= 12
}

fn latin_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")).or_else(|| line.strip_prefix("by "))
    else {
        return false;
    };
    let words = rest.split_whitespace().count();
    words > 0 && words <= 14 && rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().count() <= 100
}

/// The dateline opening a first paragraph, if any: `东昌府讯`,
/// `本报北京12月31日讯`, `新华社北京6月30日电`, `本报讯`, `WASHINGTON`,
/// `LONDON, June 3 (Reuters)`. The paragraph keeps it; this only reports it.
pub fn dateline(paragraph: &str) -> Option<&str> {
    chinese_dateline(paragraph).or_else(|| latin_dateline(paragraph))
}

/// The credit in parentheses right after a dateline, when it names the
/// writers: `本报讯(记者 钟岚)…` → `记者 钟岚`.
pub fn byline_after_dateline(paragraph: &str) -> Option<&str> {
    let rest = paragraph[dateline(paragraph)?.len()..].trim_start();
    let (open, close) = if rest.starts_with('(') { ('(', ')') } else { ('（', '）') };
    let inner = rest.strip_prefix(open)?;
    let inner = inner[..inner.find(close)?].trim();
    is_byline(inner).then_some(inner)
}

const AGENCIES: [&str; 12] = [
    "本报",
    "本報",
    "新华社",
    "新華社",
    "中新社",
    "中新网",
    "中新網",
    "人民网",
    "人民網",
    "央视网",
    "新华网",
    "据新华社",
];

fn chinese_dateline(p: &str) -> Option<&str> {
    if !p.starts_with(is_han) {
        return None;
    }
    let mut end = None;
    for (i, c) in p.char_indices() {
        if i > 60 {
            break;
        }
        match c {
            '讯' | '电' | '訊' | '電' => {
                end = Some(i + c.len_utf8());
                break;
            }
            c if is_han(c) || c.is_ascii_digit() || c == ' ' || c == '\u{3000}' => {}
            _ => return None,
        }
    }
    let end = end?;
    let head = p[..end].trim_end();
    // 讯/电/訊/電 are all three bytes in UTF-8.
    let prefix = &head[..head.len() - 3];
    if prefix.trim().is_empty() || prefix.contains(' ') && !prefix.trim_end().ends_with('日') {
        return None;
    }
    let known = AGENCIES.iter().any(|a| prefix.starts_with(a));
    let dated = prefix.ends_with('日');
    // `东昌府讯 11月18日` / `东昌府讯11月18日` / `本报讯(记者…)`; but not
    // `通讯员…` or `资讯显示`, where an ideograph follows.
    // A dateline opens running text; a line ending in 讯 (`侯营镇简讯`) is a headline.
    let next = p[end..].chars().next()?;
    if p[end..].trim().is_empty() {
        return None;
    }
    let free = !is_han(next) && prefix.chars().count() >= 2;
    let is_dian = head.ends_with('电') || head.ends_with('電');
    let ok = if is_dian { known || dated } else { known || dated || free };
    (ok && prefix.chars().count() <= 16).then_some(head)
}

fn latin_dateline(p: &str) -> Option<&str> {
    // The place opens in capitals (`WASHINGTON`, `ST. LOUIS`): most lines
    // fail on their second letter, before any searching.
    let mut letters = p.chars().take_while(|c| c.is_alphabetic()).take(2);
    if !(letters.next().is_some_and(char::is_uppercase) && letters.next().is_none_or(char::is_uppercase)) {
        return None;
    }
    // The first dash within 60 characters: `—` anywhere, `–`, `-` and `--`
    // only between spaces (`WINSTON-SALEM —` keeps its hyphen).
    let spaced = |i: usize, len: usize| p[..i].ends_with(' ') && p[i + len..].starts_with(' ');
    let dash = p.char_indices().take(60).find_map(|(i, c)| match c {
        '—' => Some(i),
        '–' if spaced(i, c.len_utf8()) => Some(i),
        '-' if spaced(i, 1) || p[i..].starts_with("--") && spaced(i, 2) => Some(i),
        _ => None,
    })?;
    let head = p[..dash].trim_end();
    let head = head.strip_suffix(',').unwrap_or(head).trim_end();
    // The place is in capitals: `WASHINGTON`, `ST. LOUIS`, `PORTLAND, Ore.`,
    // then maybe a date and an agency in parentheses.
    let place = &head[..head.find([',', '(']).unwrap_or(head.len())];
    let caps = place.chars().filter(|c| c.is_uppercase()).count();
    let place_ok = caps >= 2
        && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && place.trim().len() >= 3;
    (place_ok && head.chars().count() <= 50).then_some(head)
}

/// The text of a closing attribution line: `(融媒体中心 徐振鑫 朱晓斌)`,
/// `（本报记者 王五）`, `(AP)`. Jump lines (`(下转第2版)`) are not attributions.
pub fn attribution(line: &str) -> Option<&str> {
    let line = line.trim();
    let inner = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| line.strip_prefix('（').and_then(|l| l.strip_suffix('）')))?
        .trim();
    let n = inner.chars().count();
    let jump = is_jump(inner);
    let nested = inner.contains(['(', ')', '（', '）']);
    let sentence = inner.contains('。') || inner.contains("! ") || inner.contains(". ");
    ((2..=60).contains(&n) && !jump && !nested && !sentence).then_some(inner)
}

/// Print furniture pointing to another page, which means nothing in a
/// reader where the story simply goes on: `(下转第2版)`, `(上接第1版)`,
/// `(Continued on Page 3)`, `Continued from A1`.
pub fn is_jump_line(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 160 || !t.starts_with(['(', '（', '[', 'C', 'c', 'S']) {
        return false;
    }
    let inner = t.strip_prefix(['(', '（', '[']).and_then(|l| l.strip_suffix([')', '）', ']'])).unwrap_or(t).trim();
    inner.chars().count() <= 40 && is_jump(inner) && (inner.len() < t.len() || !inner.starts_with("See "))
}

fn is_jump(inner: &str) -> bool {
    let zh = ["上接", "下转", "转第", "接第", "续第", "转A", "转B", "接A", "接B"].iter().any(|j| inner.starts_with(j))
        && (inner.contains('版') || inner.contains("页"));
    let starts = |p: &str| inner.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let en = ["continued on", "continued from", "see ", "cont. on", "cont. from", "from page", "from a"]
        .iter()
        .any(|j| starts(j))
        && (inner.to_ascii_lowercase().contains("page") || inner.chars().any(|c| c.is_ascii_digit()));
    zh || en
}

/// Photo captions and credits, which sit between body paragraphs and must
/// never be taken for headlines: `图为…。 记者 张三 摄`, `▲ …`,
/// `图片来源：…`, `Photo: … / Courier`.
pub fn is_credit(line: &str) -> bool {
    let t = line.trim();
    let stripped = strip_ornament(t);
    let starts = [
        "图为",
        "圖為",
        "图片来源",
        "圖片來源",
        "图片由",
        "供图",
        "资料图",
        "Photo:",
        "PHOTO:",
        "Photo by",
        "Photograph",
        "(Photo",
        "Caption:",
    ];
    let ends =
        ["摄", "攝", "摄影", "攝影", "供图", "供圖", "摄)", "摄）", "攝)", "攝）", "供图)", "供图）", "/图", "／图"];
    stripped.len() != t.len() && t.starts_with(['▲', '△', '▼', '▽', '■'])
        || starts.iter().any(|s| stripped.starts_with(s))
        || t.len() <= 480 && ends.iter().any(|e| t.ends_with(e)) && t.chars().count() <= 120
}

/// Short lines that can be a headline, deck or subhead: no sentence-final
/// or pause mark at the end, short for their script.
pub fn is_title_like(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || ends_sentence(t) {
        return false;
    }
    let last = last_char(t).unwrap_or(' ');
    if is_pause(last) && !t.ends_with("——") || is_opening(last) {
        return false;
    }
    let max = if is_cjk_dominant(t) { TITLE_MAX_CJK } else { TITLE_MAX_LATIN };
    t.len() <= max * 4 && t.chars().count() <= max
}

/// Lines a deck can start with: `——全区深入推进双拥工作纪实`.
pub fn is_deck_marked(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("——") || t.starts_with("—") || t.starts_with("--")
}

/// Numbered subheads: `一、强化组织领导`, `(一)…`, `1. …`, `第一，…`.
pub fn is_enumerated(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let t = line.trim_start();
    let numeral_then = |s: &str, marks: &[char]| {
        let rest = s.trim_start_matches(|c| NUMERALS.contains(c));
        rest.len() < s.len() && rest.starts_with(marks)
    };
    let digits_then = |s: &str, marks: &[char]| {
        let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.len() < s.len() && rest.starts_with(marks) && !rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    };
    if let Some(rest) = t.strip_prefix(['(', '（']) {
        numeral_then(rest, &[')', '）']) || digits_then(rest, &[')', '）'])
    } else if let Some(rest) = t.strip_prefix('第') {
        numeral_then(rest, &[',', '，', '、', ':', '：'])
    } else {
        numeral_then(t, &['、']) || digits_then(t, &['、', '.', '．'])
    }
}

/// An all-capitals Latin line (OCR'd headlines).
pub fn is_all_caps(line: &str) -> bool {
    let mut letters = line.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(2).is_some() && letters.all(|c| c.is_uppercase() && !is_han(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_markers() {
        for yes in [
            "第01版：要闻",
            "第1版 要闻",
            "第01版:要闻",
            "第A3版 社会",
            "第十二版 文化",
            "A3版 社会",
            "第02版",
            "【要闻】",
            "Page 2 — Sports",
            "PAGE A1",
            "Page 3: Sports",
            "Section B: Business",
            "PAGE 2 — LOCAL",
        ] {
            assert!(is_section_marker(yes), "{yes}");
        }
        for no in [
            "出版社发布新书",
            "第一版本发布了。",
            "【编者按】近日,本报收到读者来信。",
            "Page after page of records were lost.",
            "Pages",
            "第01版：要闻。",
            "【新闻,链接】",
        ] {
            assert!(!is_section_marker(no), "{no}");
        }
    }

    #[test]
    fn bylines() {
        for yes in [
            "融媒体中心 徐振鑫 通讯员 杨晓翠",
            "本报记者 王五",
            "记者 赵六",
            "文/孙七 图/周八",
            "By Ana Ruiz",
            "BY TOM OKAFOR, Courier Staff",
            "■ 本报记者 张三 李四",
            "融媒体中心 全兴社 通讯员 郭瑛琦",
            "文/孙七",
        ] {
            assert!(is_byline(yes), "{yes}");
        }
        for no in [
            "双拥花开 鱼水情深",
            "记者从区教育局获悉,今年全区新建学校3所。",
            "By the end of the year, the city had spent $3m.",
            "徐振鑫 朱晓斌",
            "我区设分会场组织收听收看",
            "by far the largest",
        ] {
            assert!(!is_byline(no), "{no}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            ("东昌府讯 11月18日,山东省…", Some("东昌府讯")),
            ("东昌府讯11月18日上午,全市…", Some("东昌府讯")),
            ("本报北京12月31日讯 记者…", Some("本报北京12月31日讯")),
            ("新华社北京6月30日电 国家…", Some("新华社北京6月30日电")),
            ("本报讯(记者 王五)近日,…", Some("本报讯")),
            ("本报讯记者王五报道…", Some("本报讯")),
            ("本報香港3月9日訊 一年一度…", Some("本報香港3月9日訊")),
            ("WASHINGTON — The Senate voted…", Some("WASHINGTON")),
            ("LONDON, June 3 (Reuters) - Shares rose…", Some("LONDON, June 3 (Reuters)")),
            ("SPRINGFIELD (AP) — A fire…", Some("SPRINGFIELD (AP)")),
            ("PORTLAND, Ore. — City officials…", Some("PORTLAND, Ore.")),
            ("通讯员李四介绍,…", None),
            ("全市电力供应平稳。", None),
            ("资讯显示,…", None),
            ("会议指出,在习近平总书记、党中央亲切关怀下", None),
            ("The mayor — who was elected…", None),
            ("“目前,为了保障…", None),
            ("侯营镇简讯", None),
            ("本报讯", None),
        ];
        for (p, want) in cases {
            assert_eq!(dateline(p), want, "{p}");
        }
    }

    #[test]
    fn bylines_after_datelines() {
        assert_eq!(byline_after_dateline("本报讯(记者 钟岚)“以前上趟六楼"), Some("记者 钟岚"));
        assert_eq!(
            byline_after_dateline("新华社北京3月7日电（记者 何清源 马若楠）以“书香"),
            Some("记者 何清源 马若楠")
        );
        assert_eq!(byline_after_dateline("东昌府讯 11月18日,山东省"), None);
        assert_eq!(byline_after_dateline("本报讯(3月7日)近日"), None);
        assert_eq!(byline_after_dateline("全市(记者 钟岚)"), None);
    }

    #[test]
    fn traditional_chinese_bylines() {
        assert!(is_byline("本報記者 陳家樂"));
        assert!(is_byline("記者 陳家樂 通訊員 李四"));
        assert!(is_credit("圖為街坊在維園參觀。 本報記者 陳家樂 攝"));
    }

    #[test]
    fn attributions() {
        assert_eq!(attribution("(融媒体中心 徐振鑫 朱晓斌)"), Some("融媒体中心 徐振鑫 朱晓斌"));
        assert_eq!(attribution("（本报记者 王五）"), Some("本报记者 王五"));
        assert_eq!(attribution("(AP)"), Some("AP"));
        assert_eq!(attribution("(下转第2版)"), None);
        assert_eq!(attribution("(上接第1版)"), None);
        assert_eq!(attribution("(这是一句完整的话。)"), None);
        assert_eq!(attribution("(融媒体中心 徐振鑫) 文字"), None);
    }

    #[test]
    fn jump_lines() {
        for yes in
            ["(下转第2版)", "（上接第1版）", "(Continued on Page 3)", "Continued from A1", "(See BUDGET, Page 4)"]
        {
            assert!(is_jump_line(yes), "{yes}");
        }
        for no in
            ["(融媒体中心 徐振鑫)", "See you next year, the mayor said.", "下转弯处发生事故", "(Continued applause)"]
        {
            assert!(!is_jump_line(no), "{no}");
        }
    }

    #[test]
    fn credits() {
        assert!(is_credit("图为志愿者在社区分拣蔬菜。 融媒体中心 张三 摄"));
        assert!(is_credit("▲ 志愿者在分拣蔬菜(记者 李四 摄)"));
        assert!(is_credit("图片来源：清河融媒"));
        assert!(is_credit("Photo: Volunteers unload vegetables / Courier"));
        assert!(!is_credit("打造拥军文化新阵地"));
    }

    #[test]
    fn titles() {
        for yes in [
            "山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开",
            "暖心! 3360斤爱心蔬菜送进隔离居民家中",
            "——全区深入推进双拥工作纪实",
            "打造“东昌双拥”品牌",
            "Bridge Reopens After Two-Year Rebuild",
        ] {
            assert!(is_title_like(yes), "{yes}");
        }
        for no in
            ["地、共同富裕新范例、安全和谐示范区。", "会议指出,", "据了解:", "他说“", "The council voted on Friday."]
        {
            assert!(!is_title_like(no), "{no}");
        }
    }

    #[test]
    fn enumerations() {
        for yes in [
            "一、强化组织领导",
            "(一)压实责任",
            "（二）加强督导",
            "1. Plan",
            "2、做好保障",
            "第一,抓好落实",
            "十一、其他",
        ] {
            assert!(is_enumerated(yes), "{yes}");
        }
        for no in ["一直以来", "2022年", "1.5万人", "第三方机构"] {
            assert!(!is_enumerated(no), "{no}");
        }
    }
}
