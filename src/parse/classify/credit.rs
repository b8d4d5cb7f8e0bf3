//! Who made it: bylines, closing attributions (on their own line or in
//! parentheses after a paragraph's last full stop), photo captions and
//! the credit lines of designers, editors and photo agencies.

use super::super::text::{ends_sentence, is_closing, is_han, is_terminal};
use super::jump::is_jump;

/// Bullets and ornaments papers put before captions and bylines.
fn strip_ornament(line: &str) -> &str {
    line.trim_start_matches(['■', '□', '●', '○', '◆', '◇', '★', '☆', '▲', '△', '▼', '▽', '►', '▶', '·', '*', '•'])
        .trim_start()
}

/// True for a byline: `融媒体中心 徐振鑫 通讯员 杨晓翠`, `本报记者 王五`,
/// `记者 赵六`, `记者林小雨、马骏`, `文/孙七 图/周八`, `By Ana Ruiz`,
/// `BY THE ASSOCIATED PRESS.`, `Special to The Tribune.`.
pub fn is_byline(line: &str) -> bool {
    let line = strip_ornament(line.trim());
    if line.is_empty() {
        return false;
    }
    if line.is_ascii() || !line.chars().any(is_han) {
        return latin_byline(line);
    }
    !ends_sentence(line) && chinese_byline(line)
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

/// The role a token opens with, past `本报`/`新华社`/`特派`: `本报记者`,
/// `记者张三`, `通讯员`. None for `记者从…获悉` in running text only by the
/// caller's length checks.
pub fn roles_at(token: &str) -> Option<&'static str> {
    let t = token.trim_start_matches(['本', '报', '報']);
    let t = t.trim_start_matches("新华社").trim_start_matches("新華社").trim_start_matches("特派");
    ROLES.iter().copied().find(|r| t.starts_with(r))
}

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
    let role_token = tokens().any(|t| roles_at(t).is_some() || t.ends_with("记者") || t.ends_with("記者"));
    if role_token && count >= 2 {
        return true;
    }
    // One token: a role glued to the names (`记者林小雨、马骏`, `文/孙七`).
    count == 1
        && roles_at(line).is_some_and(|r| {
            let names = line.trim_start_matches(['本', '报', '報']).trim_start_matches(r);
            self::names(names).is_some()
        })
}

/// Words that may follow `By` in a byline without a capital.
const BY_LOWER: [&str; 14] =
    ["and", "of", "the", "de", "da", "van", "von", "der", "le", "la", "to", "for", "from", "in"];

/// Wire and staff credits that open a line.
const WIRE: [&str; 8] = [
    "Special to ",
    "Special Cable to ",
    "Special Dispatch to ",
    "By Cable to ",
    "By Telegraph to ",
    "By Wireless to ",
    "From Our Own Correspondent",
    "From a Staff Correspondent",
];

fn latin_byline(line: &str) -> bool {
    // Most lines fail on their first two letters, before any splitting.
    let line = line.trim_start_matches(['(', '{', '[']);
    if !["By", "BY", "by", "Sp", "SP", "sp", "Fr", "FR"].iter().any(|p| line.starts_with(p)) {
        return false;
    }
    let line = line.trim_end_matches([')', '}', ']', '.', ',']);
    if line.chars().count() > 100 {
        return false;
    }
    if WIRE.iter().any(|w| line.starts_with(w) || line.to_ascii_lowercase().starts_with(&w.to_ascii_lowercase())) {
        return line.split_whitespace().count() <= 12;
    }
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")).or_else(|| line.strip_prefix("by "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    // `By a vote of the council…` is a sentence: a byline is names, in
    // capitals, with at most a few small words between them.
    let named = |w: &&str| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic());
    let small = words.iter().filter(|w| !named(w)).count();
    !words.is_empty()
        && words.len() <= 14
        && named(&words[0])
        && !matches!(words[0], "A" | "An")
        && small <= 2
        && words.iter().all(|w| named(w) || BY_LOWER.contains(w))
}

/// The text of a closing attribution line: `(融媒体中心 徐振鑫 朱晓斌)`,
/// `（本报记者 王五）`, `(AP)`. Jump lines (`(下转第2版)`) are not attributions.
pub fn attribution(line: &str) -> Option<&str> {
    let line = line.trim();
    if let Some(source) = source_line(line) {
        return Some(source);
    }
    let inner = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| line.strip_prefix('（').and_then(|l| l.strip_suffix('）')))?
        .trim();
    let n = inner.chars().count();
    let jump = is_jump(inner);
    let nested = inner.contains(['(', ')', '（', '）']);
    let sentence = inner.contains('。') || inner.contains("! ") || inner.contains(". ");
    let limit = if credit_words(inner) { 200 } else { 60 };
    ((2..=limit).contains(&n) && !jump && !nested && !sentence).then_some(inner)
}

/// A writer's initials signing a piece, as magazines print them:
/// `O. S.`, `A. A. M.`, `M.`, `R. C. L.`.
pub fn is_signature(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 16 || !t.ends_with('.') {
        return false;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    !tokens.is_empty()
        && tokens.len() <= 4
        && tokens.iter().all(|w| {
            let letters = w.trim_end_matches('.');
            // One initial alone (`M.`); in a run, up to two letters each.
            let most = if tokens.len() == 1 { 1 } else { 2 };
            w.ends_with('.')
                && (1..=most).contains(&letters.chars().count())
                && letters.chars().all(|c| c.is_uppercase())
        })
}

/// Where a piece was reprinted from, on a line of its own at the end:
/// `——《城乡月刊》`, `——摘自《读者》2024年第3期`, `（来源：《光明日报》）`.
fn source_line(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("——").or_else(|| line.strip_prefix('—'))?.trim_start();
    let title = ["摘自", "选自", "選自", "原载", "原載", "来源：", "來源："]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let end = title.find('》')?;
    let after = &title[end + '》'.len_utf8()..];
    let dated = after.chars().all(|c| c.is_ascii_digit() || "年月日期第号號版 ".contains(c));
    // A publication's name: `《》` names none.
    let named = title.get('《'.len_utf8()..end).is_some_and(|n| n.chars().any(char::is_alphanumeric));
    (title.starts_with('《') && named && dated && rest.chars().count() <= 40).then_some(rest)
}

/// Words that say a parenthesis credits someone: roles, agencies, `报道`.
fn credit_words(inner: &str) -> bool {
    const WORDS: [&str; 22] = [
        "记者",
        "記者",
        "通讯员",
        "通訊員",
        "报道",
        "報道",
        "整理",
        "供稿",
        "作者",
        "编译",
        "編譯",
        "综合",
        "綜合",
        "新华社",
        "新華社",
        "中新社",
        "中央社",
        "电",
        "電",
        "摄",
        "攝",
        "据",
    ];
    const AGENCIES: [&str; 6] = ["AP", "Reuters", "AFP", "UPI", "Bloomberg", "dpa"];
    WORDS.iter().any(|w| inner.contains(w)) || AGENCIES.iter().any(|a| inner == *a || inner.starts_with(a))
}

/// A credit in parentheses after a paragraph's final full stop:
/// `……全年完成植树两万株。（本报通讯员周小川）` → the byte offset where the
/// credit starts and its text without parentheses. The sentence is
/// finished, and the credit is the article's attribution when the article
/// ends there.
pub fn closing_credit(text: &str) -> Option<(usize, &str)> {
    let t = text.trim_end();
    let close = t.chars().next_back()?;
    let open = match close {
        '）' => '（',
        ')' => '(',
        _ => return None,
    };
    let start = t.rfind(open)?;
    let before = t[..start].trim_end();
    // There must be a sentence before it, ended by a full stop (closing
    // quotes aside): otherwise the parenthesis belongs to the sentence.
    let last = before.chars().rev().find(|&c| !is_closing(c))?;
    if !is_terminal(last) || before.is_empty() {
        return None;
    }
    let inner = attribution(&t[start..])?;
    (credit_words(inner) || names(inner).is_some_and(|n| n >= 2)).then_some((start, inner))
}

/// How many Chinese personal names a text is, when it is only names
/// (`林小雨、马骏`, `王五 赵六`): two to four ideographs each.
pub(super) fn names(text: &str) -> Option<usize> {
    let parts: Vec<&str> = text.split(['、', ' ', '\u{3000}', '·']).filter(|p| !p.is_empty()).collect();
    parts.iter().all(|p| (2..=4).contains(&p.chars().count()) && p.chars().all(is_han)).then_some(parts.len())
}

/// Photo captions and credits, which sit between body paragraphs and must
/// never be taken for headlines: `图为…。 记者 张三 摄`, `▲ …`,
/// `图片来源：…`, `Photo: … / Courier`, `Illustration: …`, `人民视觉`,
/// `制图：蔡华伟`.
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
        "Illustration:",
        "[Illustration",
        "ILLUSTRATION:",
        "Cartoon:",
    ];
    let ends =
        ["摄", "攝", "摄影", "攝影", "供图", "供圖", "摄)", "摄）", "攝)", "攝）", "供图)", "供图）", "/图", "／图"];
    stripped.len() != t.len() && t.starts_with(['▲', '△', '▼', '▽', '■'])
        || starts.iter().any(|s| stripped.starts_with(s))
        || t.len() <= 480 && ends.iter().any(|e| t.ends_with(e)) && t.chars().count() <= 120
        || t.len() <= 120 && (staff_credit(t) || photo_agency(t))
}

/// `制图：蔡华伟`, `版式设计：沈亦伶`, `本期统筹：许诺`, `责任编辑：…`: who
/// laid out, drew or edited the page.
fn staff_credit(t: &str) -> bool {
    const JOBS: [&str; 18] = [
        "版式设计",
        "版面设计",
        "制图",
        "製圖",
        "图表",
        "圖表",
        "统筹",
        "統籌",
        "责任编辑",
        "責任編輯",
        "编辑",
        "編輯",
        "校对",
        "校對",
        "美编",
        "美編",
        "插图",
        "漫画",
    ];
    let Some(colon) = t.find(['：', ':']) else {
        return false;
    };
    let (job, name) = (t[..colon].trim(), t[colon..].trim_start_matches(['：', ':']).trim());
    let job = job.trim_start_matches("本期");
    JOBS.iter().any(|j| job.ends_with(j))
        && job.chars().count() <= 8
        && (1..=30).contains(&name.chars().count())
        && !ends_sentence(name)
}

/// A photo agency's credit alone on a line: `人民视觉`, `视觉中国`,
/// `新华社发`, `（资料图片）`.
fn photo_agency(t: &str) -> bool {
    const AGENCIES: [&str; 8] = ["人民视觉", "人民視覺", "视觉中国", "視覺中國", "东方IC", "東方IC", "CFP", "IC photo"];
    let inner = t.trim_matches(['(', ')', '（', '）']).trim();
    AGENCIES.contains(&inner)
        || inner.chars().count() <= 10 && (inner.ends_with("社发") || inner.ends_with("社發"))
        || matches!(inner, "资料图片" | "資料圖片" | "资料照片" | "資料照片")
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "记者林小雨、马骏",
            "BY THE ASSOCIATED PRESS.",
            "By Associated Press.",
            "Special to The Tribune.",
            "By Leased Wire to The Tribune,",
            "{Special to The New-York Tribune by Trench Cable.)",
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
            "by a vote of the council",
            "By a vote of 7 to 2",
            "记者从区教育局获悉",
        ] {
            assert!(!is_byline(no), "{no}");
        }
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
        assert_eq!(attribution("——《城乡月刊》"), Some("《城乡月刊》"));
        assert_eq!(attribution("——摘自《读者》2024年第3期"), Some("摘自《读者》2024年第3期"));
        assert_eq!(attribution("——全区深入推进双拥工作纪实"), None);
        assert_eq!(attribution("——《城乡月刊》创刊十周年纪事"), None);
    }

    #[test]
    fn signatures() {
        for yes in ["O. S.", "A. A. M.", "M.", "R. C. L."] {
            assert!(is_signature(yes), "{yes}");
        }
        for no in ["Mr. Smith.", "U.S.A", "I am.", "OK."] {
            assert!(!is_signature(no), "{no}");
        }
    }

    #[test]
    fn closing_credits() {
        assert_eq!(closing_credit("……全年完成植树两万株。（本报通讯员周小川）").map(|c| c.1), Some("本报通讯员周小川"));
        assert_eq!(closing_credit("他说：“我们会继续努力。”（中央社）").map(|c| c.1), Some("中央社"));
        assert_eq!(closing_credit("这是新的一年（2020年）"), None, "no full stop before it");
        assert_eq!(closing_credit("详见附表。（下转第2版）"), None, "a jump");
        assert_eq!(closing_credit("会议通过了决议。（图文无关）"), None, "no credit in it");
        assert_eq!(closing_credit("The council agreed. (AP)").map(|c| c.1), Some("AP"));
    }

    #[test]
    fn credits() {
        assert!(is_credit("图为志愿者在社区分拣蔬菜。 融媒体中心 张三 摄"));
        assert!(is_credit("▲ 志愿者在分拣蔬菜(记者 李四 摄)"));
        assert!(is_credit("图片来源：清河融媒"));
        assert!(is_credit("Photo: Volunteers unload vegetables / Courier"));
        assert!(is_credit("制图：蔡华伟"));
        assert!(is_credit("版式设计：沈亦伶"));
        assert!(is_credit("本期统筹：许 诺"));
        assert!(is_credit("人民视觉"));
        assert!(is_credit("新华社发"));
        assert!(is_credit("Illustration: UNDER MARTIAL LAW."));
        assert!(!is_credit("打造拥军文化新阵地"));
        assert!(!is_credit("编辑部的故事"));
        assert!(!is_credit("设计：让城市更宜居的十个办法是这样的一个很长很长的句子。"));
    }
}
