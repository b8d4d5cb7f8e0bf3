//! Recognisers for the furniture of a news page: section markers, bylines,
//! datelines, attributions, photo credits, headline-like lines.
//!
//! Each is a pure predicate over one line of text. They encode newspaper
//! conventions (Chinese first, Latin too) that no crate provides.

mod credit;
mod dateline;
mod jump;

pub use credit::{attribution, closing_credit, is_byline, is_credit, is_signature};
pub use dateline::{byline_after_dateline, dateline};
pub use jump::is_jump_line;

use super::text::{ends_sentence, is_cjk_dominant, is_han, is_opening, is_pause, last_char};

/// Longest line (in characters) that can still be a headline, deck or subhead.
const TITLE_MAX_CJK: usize = 48;
const TITLE_MAX_LATIN: usize = 120;

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
    let spelled = PAGE_WORDS.contains(&label.as_str());
    let has_label = !label.is_empty()
        && (label.len() <= 4 && (label.chars().any(|c| c.is_ascii_digit()) || label.len() == 1) || spelled);
    let named = after.starts_with([':', '-', '|', '·']) || after.starts_with('—') || after.starts_with('–');
    (has_label && (after.is_empty() || after == "." || named))
        || (lower.starts_with("section") && label.is_empty() && rest.starts_with(':'))
}

/// Short lines that can be a headline, deck or subhead: no sentence-final
/// or pause mark at the end, short for their script.
pub fn is_title_like(line: &str) -> bool {
    let t = line.trim();
    if let Some(tag) = column_tag(t) {
        // `新年开训，我在站位！（军营之声）`: a column's name after the head
        // may follow a `！` or `？`.
        let head = t[..t.len() - tag.len()].trim_end();
        let n = head.chars().count();
        return n > 0 && n <= TITLE_MAX_CJK && (is_title_like(head) || head.ends_with(['！', '？', '!', '?']));
    }
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

/// The column's name in brackets at the end of a headline, brackets
/// included: `（今日谈）`, `(记者探营)`, `（第一落点·关注巡回检察②）`.
pub fn column_tag(line: &str) -> Option<&str> {
    let s = line.trim_end();
    let (open, close) = match s.chars().next_back()? {
        '）' => ('（', '）'),
        ')' => ('(', ')'),
        _ => return None,
    };
    let start = s.rfind(open)?;
    let inner = &s[start + open.len_utf8()..s.len() - close.len_utf8()];
    let n = inner.chars().count();
    let plain = !inner.contains(['。', '，', ',', '；', '(', '（']) && inner.chars().any(is_han);
    (start > 0 && (2..=16).contains(&n) && plain).then_some(&s[start..])
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
        numeral_then(rest, &[',', '，', '、', ':', '：']) || chapter(rest)
    } else {
        numeral_then(t, &['、']) || digits_then(t, &['、', '.', '．'])
    }
}

/// The parts of a law or report: `第一章 总则`, `第3条`, `第二部分`.
fn chapter(rest: &str) -> bool {
    let num = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(c));
    num.len() < rest.len()
        && ["章", "节", "條", "条", "部分", "编", "編", "款", "卷", "回"].iter().any(|p| num.starts_with(p))
}

/// An all-capitals Latin line (OCR'd headlines).
pub fn is_all_caps(line: &str) -> bool {
    let mut letters = line.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(2).is_some() && letters.all(|c| c.is_uppercase() && !is_han(c))
}

/// Capitals as OCR reads them: at least four Latin letters, nearly all of
/// them upper case (`CITY WOli JLFF`, `IE II1S`).
pub fn is_mostly_caps(line: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if is_han(c) {
            return false;
        }
    }
    upper >= 4 && lower * 4 <= upper
}

/// A short all-capitals Latin line, which heads an item even when it ends
/// in a full stop, as old papers print them: `CHARIVARIA.`, `THE TRUCE.`,
/// `RUSSIA IN TO STAY.`.
pub fn is_caps_heading(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 100 && t.chars().count() <= 80 && is_all_caps(t) && !t.ends_with([',', ';', ':'])
}

/// Words in headline capitals (`Serious Outbreak at the University`):
/// every word that is not a small word starts with a capital.
pub fn is_title_case(line: &str) -> bool {
    const SMALL: [&str; 16] =
        ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is"];
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let big: Vec<&&str> = words.iter().filter(|w| !SMALL.contains(&w.to_lowercase().as_str())).collect();
    words.len() >= 2
        && !big.is_empty()
        && big.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// A rule between items: a line of stars, dots or ornaments (`*  *  *`,
/// `***`, `◆◆◆`, `※ ※ ※`, `———`).
pub fn is_separator_line(line: &str) -> bool {
    let t = line.trim();
    let rule = |c: char| {
        matches!(
            c,
            '*' | '＊'
                | '·'
                | '•'
                | '◆'
                | '◇'
                | '※'
                | '☆'
                | '★'
                | '○'
                | '●'
                | '—'
                | '='
                | '~'
                | '#'
                | '-'
                | '_'
                | '+'
        )
    };
    if !t.starts_with(rule) {
        return false;
    }
    let marks = t.chars().filter(|c| !c.is_whitespace()).count();
    marks >= 3 && t.len() <= 120 && t.chars().all(|c| c.is_whitespace() || rule(c))
}

/// A line of OCR that reads as nothing: fewer than three letters, or
/// letters fewer than half of what is printed (`ee)`, `$55 re +3 +4`,
/// `i' -`, `Its r *********`).
pub fn is_noise(line: &str) -> bool {
    let (mut letters, mut digits, mut printed) = (0usize, 0usize, 0usize);
    for c in line.chars() {
        if c.is_whitespace() {
            continue;
        }
        printed += 1;
        letters += usize::from(c.is_alphabetic());
        digits += usize::from(c.is_ascii_digit());
    }
    // Figures are text too (`Sues for $10,000.`), though not alone.
    letters < 3 || (letters + digits) * 2 < printed
}

/// Numbers spelled out in page markers: `PAGE TWO`, `Page Seven`.
const PAGE_WORDS: [&str; 24] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
];

/// Volume and number lines, prices and page counts of a masthead:
/// `VOL. LIV., No. 208.`, `PRICE THREE CENTS.`, `FOURTEEN PAGES`,
/// `第12345期`, `国内统一连续出版物号 CN11-0065`.
pub fn is_folio(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 120 {
        return false;
    }
    let lower = t.to_lowercase();
    let vol =
        ["vol.", "vol ", "volume", "no. ", "num.", "núm", "price ", "precio", "prix", "preis", "issue no", "jahrgang"]
            .iter()
            .any(|p| lower.starts_with(p));
    // A price alone on a line of a masthead: `25c POR MES`, `FIVE CENTS`, `2d.`
    let price = t.len() <= 40
        && (lower.split_whitespace().any(|w| {
            let digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
            digits.len() < w.len() && ["c", "¢", "cts", "cts.", "d.", "p"].contains(&digits)
        }) || ["cents", "centavos", "pence", "centimes"].iter().any(|c| lower.contains(c)));
    let pages = lower.contains(" pages") && PAGE_WORDS.iter().any(|w| lower.contains(w));
    // `VOL. LXIII…No 20,620.` as OCR reads it: a Roman volume and a number.
    let roman =
        t.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 3 && w.chars().all(|c| "IVXLC".contains(c)));
    let ocr_vol = t.len() <= 60 && roman && t.chars().filter(char::is_ascii_digit).count() >= 3;
    let zh = t.starts_with('第') && t.trim_end_matches(['）', ')']).ends_with('期')
        || ["出版物号", "邮发代号", "郵發代號", "总第", "總第", "国内统一", "國內統一"].iter().any(|p| t.contains(p));
    vol || pages || price || ocr_vol || zh || dated_plate(&lower)
}

/// A masthead's date line: a weekday and a year (`BISBEE, ARIZONA,
/// TUESDAY MORNING, JANUARY 2, 1917.`, `TUCSON, MIERCOLES, ENERO 3 DE 1917.`).
fn dated_plate(lower: &str) -> bool {
    const DAYS: [&str; 27] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "lunes",
        "martes",
        "miercoles",
        "miércoles",
        "jueves",
        "viernes",
        "sabado",
        "sábado",
        "domingo",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "sonntag",
    ];
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20")));
    year && lower.len() <= 100 && lower.split(|c: char| !c.is_alphabetic()).any(|w| DAYS.contains(&w))
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
