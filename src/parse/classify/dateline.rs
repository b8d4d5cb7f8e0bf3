//! Datelines: the place, agency and date that open a story's first
//! paragraph (`新华社北京6月30日电`, `本报讯`, `WASHINGTON —`,
//! `Riverton, March 4.—`), and the writers' credit glued to them.

use super::super::text::{head, is_han};
use super::credit::{is_byline, roles_at};

/// The dateline opening a first paragraph, if any: `东昌府讯`,
/// `本报北京12月31日讯`, `新华社北京6月30日电`, `本报讯`, `WASHINGTON`,
/// `LONDON, June 3 (Reuters)`, `Riverton, March 4.`. The paragraph keeps
/// it; this only reports it.
pub fn dateline(paragraph: &str) -> Option<&str> {
    bracketed(paragraph)
        .or_else(|| chinese_dateline(paragraph))
        .or_else(|| latin_dateline(paragraph))
        .or_else(|| dated_place(paragraph))
}

/// A dateline in lenticular brackets, as Hong Kong and Taiwan papers set
/// it: `【本報訊】`, `【明報專訊】`, `【星島日報報道】`.
fn bracketed(p: &str) -> Option<&str> {
    let inner = p.strip_prefix('【')?;
    let end = inner.find('】')?;
    let name = &inner[..end];
    let ends = ["訊", "讯", "電", "电", "報道", "报道"].iter().any(|e| name.ends_with(e));
    let rest = inner[end + '】'.len_utf8()..].trim();
    (ends && (2..=14).contains(&name.chars().count()) && !rest.is_empty())
        .then(|| &p[..'【'.len_utf8() + end + '】'.len_utf8()])
}

/// The writers' credit right after a dateline: in parentheses
/// (`本报讯(记者 钟岚)…` → `记者 钟岚`, `（记者林小雨、马骏）`) or glued on
/// (`本报江城3月2日电记者林小雨、马骏报道：` → `记者林小雨、马骏`).
pub fn byline_after_dateline(paragraph: &str) -> Option<&str> {
    let rest = paragraph[dateline(paragraph)?.len()..].trim_start();
    let paren = rest.starts_with('(') || rest.starts_with('（');
    if !paren {
        return glued_byline(rest);
    }
    let (open, close) = if rest.starts_with('(') { ('(', ')') } else { ('（', '）') };
    let inner = rest.strip_prefix(open)?;
    let inner = inner[..inner.find(close)?].trim();
    is_byline(inner).then_some(inner)
}

/// `记者林小雨、马骏报道：…` → `记者林小雨、马骏`: a role, names, and the
/// word for "reports" or a colon, all within a short span.
fn glued_byline(rest: &str) -> Option<&str> {
    roles_at(rest)?;
    let end = ["报道", "報道", "：", ":", " ", "\u{3000}", "，"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .filter(|&e| e > 0 && rest[..e].chars().count() <= 30)?;
    let name = rest[..end].trim();
    let role = roles_at(name)?;
    let names = name.trim_start_matches(['本', '报', '報']).trim_start_matches(role);
    super::credit::names(names).map(|_| name)
}

const AGENCIES: [&str; 14] = [
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
    "據新華社",
    "中央社",
];

fn chinese_dateline(p: &str) -> Option<&str> {
    if !p.starts_with(is_han) {
        return None;
    }
    let mut end = None;
    for (i, c) in p.char_indices() {
        if i > 72 {
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
    // A dateline opens running text; a line ending in 讯 (`侯营镇简讯`) is a headline.
    let after = &p[end..];
    let next = after.chars().next()?;
    if after.trim().is_empty() {
        return None;
    }
    // A bare place before 讯 needs a space, a date or a credit after it
    // (`东昌府讯 11月18日`, `东昌府讯11月18日`, `东昌府讯(记者…)`): `传来喜讯，`
    // and `通讯员…` are sentences.
    let free = matches!(next, ' ' | '\u{3000}' | '(' | '（') || next.is_ascii_digit();
    let free = free && prefix.chars().count() >= 2;
    let is_dian = head.ends_with('电') || head.ends_with('電');
    let ok = if is_dian { known || dated } else { known || dated || free };
    (ok && prefix.chars().count() <= 22).then_some(head)
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

const MONTHS: [&str; 24] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
];

/// A place and a date, in any case, ended by a dash or a full stop before
/// the story: `Riverton, March 4.—`, `Havana. April 30.—`, `NEW YORK.
/// Sept. 16. John D.…`, and OCR's `RIVERTON, March 4.?The`.
fn dated_place(p: &str) -> Option<&str> {
    if !p.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let window = head(p, 70);
    let (m, month) = window
        .match_indices(|c: char| c.is_ascii_uppercase())
        .filter(|&(i, _)| i > 0 && !window[..i].ends_with(|c: char| c.is_alphanumeric()))
        .find_map(|(i, _)| MONTHS.iter().find(|m| word_at(window, i, m)).map(|m| (i, *m)))?;
    if !(3..=45).contains(&m) || !place_words(&window[..m]) {
        return None;
    }
    // After the month: a day (OCR may misread its digits), then the end.
    let after = &window[m + month.len()..];
    let day = after.trim_start_matches(['.', ' ', ',']);
    if !day.starts_with(|c: char| c.is_ascii_digit() || "lIOo".contains(c)) {
        return None;
    }
    let rest_at = window.len() - day.len();
    let day_len = day.find([' ', '.', ',', '—', '-', '?']).unwrap_or(day.len());
    if day_len == 0 || day_len > 4 || !day[..day_len].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let tail = &window[rest_at + day_len..];
    let end = terminator(tail)?;
    Some(p[..rest_at + day_len + end].trim_end())
}

/// Where a dateline's date ends: at `.—`, `—`, `.-`, `.?` (OCR'd dash),
/// or a full stop followed by the story's first capital.
fn terminator(tail: &str) -> Option<usize> {
    let t = tail.trim_start_matches([' ', ',']);
    let lead = tail.len() - t.len();
    for (k, c) in t.char_indices().take(12) {
        match c {
            '—' | '–' => return Some(lead + k),
            '-' | '?' if k > 0 && t[..k].ends_with('.') => return Some(lead + k),
            '.' if t[k + 1..].starts_with(' ') && t[k + 1..].trim_start().starts_with(char::is_uppercase) => {
                return Some(lead + k + 1);
            }
            _ => {}
        }
    }
    None
}

/// Words of a place name: capitalised (`St. Louis`, `Riverton, Ore.`,
/// `NEW YORK.`), at most five.
fn place_words(s: &str) -> bool {
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || c == '\'')
        })
}

fn word_at(s: &str, i: usize, word: &str) -> bool {
    s[i..].starts_with(word) && !s[i + word.len()..].starts_with(|c: char| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("【本報訊】港珠澳大橋首條旅遊巴士線", Some("【本報訊】")),
            ("【明報專訊】政府昨日公布", Some("【明報專訊】")),
            ("【金馬54慶功】金馬影帝", None),
            ("据新华社智利比尼亚德尔马1月10日电  （记者尹南）", Some("据新华社智利比尼亚德尔马1月10日电")),
            ("WASHINGTON — The Senate voted…", Some("WASHINGTON")),
            ("LONDON, June 3 (Reuters) - Shares rose…", Some("LONDON, June 3 (Reuters)")),
            ("SPRINGFIELD (AP) — A fire…", Some("SPRINGFIELD (AP)")),
            ("PORTLAND, Ore. — City officials…", Some("PORTLAND, Ore.")),
            ("Riverton, March 4.—The council met", Some("Riverton, March 4.")),
            ("RIVERTON, March 4.?The council met", Some("RIVERTON, March 4.")),
            ("St. Louis. April 30. — The dedicatory address", Some("St. Louis. April 30.")),
            ("NEW YORK. Sept. 16. John D. Rockefeller Jr. will", Some("NEW YORK. Sept. 16.")),
            ("通讯员李四介绍,…", None),
            ("全市电力供应平稳。", None),
            ("资讯显示,…", None),
            ("传来喜讯，今年全村粮食又获丰收。", None),
            ("会议指出,在习近平总书记、党中央亲切关怀下", None),
            ("The mayor — who was elected…", None),
            ("“目前,为了保障…", None),
            ("侯营镇简讯", None),
            ("本报讯", None),
            ("In March 4 people came.", None),
            ("The council, in May 2019, voted.", None),
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
        assert_eq!(byline_after_dateline("本报江城3月2日电记者林小雨、马骏报道：全市…"), Some("记者林小雨、马骏"));
        assert_eq!(byline_after_dateline("本报江城3月2日电 （记者林小雨、马骏）全市…"), Some("记者林小雨、马骏"));
        assert_eq!(byline_after_dateline("东昌府讯 11月18日,山东省"), None);
        assert_eq!(byline_after_dateline("本报讯(3月7日)近日"), None);
        assert_eq!(byline_after_dateline("全市(记者 钟岚)"), None);
    }
}
