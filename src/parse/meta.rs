//! Issue title and date: from TOML front matter, else the file name.

use super::warning::Warning;
use jiff::civil::Date;

/// What the front matter says about the issue.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    /// `title = "…"`
    pub title: Option<String>,
    /// `date = 2022-11-19` (a TOML date or a string)
    pub date: Option<Date>,
    /// `publisher = "…"`
    pub publisher: Option<String>,
    /// `language = "zh"`
    pub language: Option<String>,
    /// `masthead = ["东昌府报", "2022年11月19日 星期六"]`
    pub masthead: Vec<String>,
}

/// Front matter at the top of a file: dubao's own TOML between `+++`
/// lines, or the YAML between `---` lines that static-site and archive
/// exports write (`title: …`, `date: …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatter<'a> {
    /// `+++` … `+++`
    Toml(&'a str),
    /// `---` … `---`
    Yaml(&'a str),
}

/// Splits front matter off the text. Returns it (if any), the rest of the
/// text and the line number the rest starts on.
pub fn split_front_matter(text: &str) -> (Option<FrontMatter<'_>>, &str, usize) {
    let first_end = text.find('\n').unwrap_or(text.len());
    let fence = text[..first_end].trim();
    if fence != "+++" && fence != "---" {
        return (None, text, 1);
    }
    let mut offset = (first_end + 1).min(text.len());
    let mut line_no = 2;
    while offset < text.len() && (fence == "+++" || line_no <= 60) {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        if text[offset..end].trim() == fence {
            let body_start = (end + 1).min(text.len());
            let inner = &text[first_end + 1..offset];
            let fm = match fence {
                "+++" => FrontMatter::Toml(inner),
                // A rule of dashes over ordinary text is no front matter.
                _ if inner.lines().any(|l| yaml_pair(l).is_some()) => FrontMatter::Yaml(inner),
                _ => return (None, text, 1),
            };
            return (Some(fm), &text[body_start..], line_no + 1);
        }
        offset = end + 1;
        line_no += 1;
    }
    (None, text, 1)
}

/// `key: value` at the start of a YAML line, quotes taken off the value.
fn yaml_pair(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key_ok = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    key_ok.then(|| (key, value.trim().trim_matches(|c| c == '"' || c == '\'')))
}

/// Reads the few keys of YAML front matter that say what the issue is:
/// `title`, `date`, `publisher`, `language`. Other keys (layout, tags,
/// images) belong to the site that wrote the file and are left alone.
pub fn read_yaml_front_matter(yaml: &str) -> Meta {
    let mut meta = Meta::default();
    for (key, value) in yaml.lines().filter_map(yaml_pair) {
        let value = Some(value.to_string()).filter(|v| !v.is_empty());
        match key {
            "title" => meta.title = value,
            "date" => meta.date = value.and_then(|v| find_date(&v)).map(|(d, _)| d),
            "publisher" | "source" => meta.publisher = value,
            "language" | "lang" => meta.language = value,
            _ => {}
        }
    }
    meta
}

/// Reads front matter TOML; problems become warnings (with the file's line
/// numbers: the TOML starts on line 2) and the keys that parsed are kept.
pub fn read_front_matter(toml_text: &str, warnings: &mut Vec<Warning>) -> Meta {
    let table: toml::Table = match toml_text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e.span().map(|s| 2 + toml_text[..s.start.min(toml_text.len())].matches('\n').count());
            warnings.push(Warning { line, message: format!("front matter is not valid TOML: {}", e.message()) });
            return Meta::default();
        }
    };
    let line_of = |key: &str| toml_text.lines().position(|l| l.trim_start().starts_with(key)).map(|i| i + 2);
    let mut meta = Meta::default();
    for (key, value) in &table {
        let mut bad =
            |what: &str| warnings.push(Warning { line: line_of(key), message: format!("front matter `{key}` {what}") });
        match key.as_str() {
            "title" | "publisher" | "language" => match value.as_str() {
                Some(s) => {
                    let slot = match key.as_str() {
                        "title" => &mut meta.title,
                        "publisher" => &mut meta.publisher,
                        _ => &mut meta.language,
                    };
                    *slot = Some(s.trim().to_string()).filter(|s| !s.is_empty());
                }
                None => bad("must be a string"),
            },
            "date" => {
                let parsed = match value {
                    toml::Value::Datetime(dt) => {
                        dt.date.and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok())
                    }
                    toml::Value::String(s) => find_date(s).map(|(d, _)| d),
                    _ => None,
                };
                match parsed {
                    Some(d) => meta.date = Some(d),
                    None => bad("must be a date like 2022-11-19"),
                }
            }
            "masthead" => match value.as_array().map(|a| a.iter().map(|v| v.as_str()).collect::<Option<Vec<_>>>()) {
                Some(Some(lines)) => meta.masthead = lines.into_iter().map(str::to_string).collect(),
                _ => bad("must be a list of strings"),
            },
            _ => bad("is not a known key (title, date, publisher, language, masthead); ignored"),
        }
    }
    meta
}

/// Title and date from a file stem: `东昌府报-20221119` → title `东昌府报`
/// and the date; `2022-11-19` → the date alone; `paper_20010101_pku_gbk`
/// → `paper pku` (separators and encoding or source tokens dropped);
/// `rmrb_200101` → January 2001 (a year and month are read as the month's
/// first day). A stem without a date gives neither (the stem itself is
/// the last resort).
pub fn from_file_stem(stem: &str) -> (Option<String>, Option<Date>) {
    match find_date(stem).or_else(|| year_month(stem)) {
        Some((date, range)) => {
            let rest = format!("{} {}", &stem[..range.start], &stem[range.end..]);
            let title = clean_title(&rest);
            (Some(title).filter(|t| !t.is_empty()), Some(date))
        }
        None => (None, None),
    }
}

/// A file name's words without separators and the tokens that say how the
/// file was made rather than what it is (`utf8`, `gbk`, `ocr`, `scan`).
pub fn clean_title(name: &str) -> String {
    const TECHNICAL: [&str; 24] = [
        "utf8",
        "utf16",
        "utf",
        "gbk",
        "gb2312",
        "gb18030",
        "big5",
        "big5hkscs",
        "hkscs",
        "latin1",
        "iso8859",
        "ascii",
        "ansi",
        "unicode",
        "cp1252",
        "win1252",
        "ocr",
        "scan",
        "scanned",
        "txt",
        "raw",
        "crlf",
        "lf",
        "bom",
    ];
    let lower =
        name.to_lowercase().replace("utf-8", "utf8").replace("utf-16", "utf16").replace("big5-hkscs", "big5hkscs");
    let mut words = Vec::new();
    let mut at = 0;
    for piece in lower.split(|c: char| c.is_whitespace() || "-_.·,，、()（）[]".contains(c)) {
        let len = piece.len();
        // Keep the original letters (the lower-cased copy has the same
        // byte offsets only for ASCII; fall back to it otherwise).
        let original = if lower.len() == name.len() { name.get(at..at + len).unwrap_or(piece) } else { piece };
        at += len + lower[at + len..].chars().next().map_or(0, char::len_utf8);
        let digits_only = piece.chars().all(|c| c.is_ascii_digit());
        if piece.is_empty() || TECHNICAL.contains(&piece) || digits_only && piece.len() <= 1 {
            continue;
        }
        words.push(original.to_string());
    }
    words.join(" ")
}

/// The paper's name in its masthead lines: a `Title:` line of an
/// archive's header, else the first line that is a name rather than a
/// date, a folio or OCR noise.
pub fn masthead_title(masthead: &[String]) -> Option<String> {
    use super::classify::{is_folio, is_noise};
    if let Some(t) = masthead.iter().find_map(|l| l.strip_prefix("Title:")) {
        return Some(t.trim().to_string()).filter(|t| !t.is_empty());
    }
    masthead
        .iter()
        .map(|l| l.trim())
        .find(|l| {
            let dated = find_date(l).is_some_and(|(_, r)| r.len() * 5 >= l.len() * 2);
            !l.is_empty() && l.chars().count() <= 40 && !dated && !is_folio(l) && !is_noise(l)
        })
        .map(|l| name_case(l.trim_end_matches([',', '.', '，', '。'])))
}

/// A nameplate in capitals (`RIVERTON COURIER`, `THE NEW-YORK TRIBUNE`)
/// named as it reads in running text: `Riverton Courier`.
fn name_case(name: &str) -> String {
    if !super::classify::is_all_caps(name) || !name.is_ascii() {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        out.push(if start { c } else { c.to_ascii_lowercase() });
        start = !c.is_ascii_alphanumeric() && c != '\'';
    }
    out
}

/// `200101` in a file name: a year and a month standing alone.
fn year_month(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 6 {
            let (y, m) = (&text[i..i + 4], &text[i + 4..i + 6]);
            if let Some(d) = ymd(y, m, "1") {
                return Some((d, i..i + 6));
            }
        }
        i += run.max(1);
    }
    None
}

/// Finds the first date in text: `2022-11-19`, `2022_11_19`, `2022.11.19`,
/// `20221119`, `2022年11月19日`. Returns it and its byte range.
pub fn find_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || i > 0 && bytes[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let found = match run {
            8 => ymd(&text[i..i + 4], &text[i + 4..i + 6], &text[i + 6..i + 8]).map(|d| (d, i..i + 8)),
            4 => separated(text, i),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        i += run;
    }
    english_date(text)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `September 2, 1914`, `Sept. 2 1914`, `2 September 1914`, in any case.
fn english_date(text: &str) -> Option<(Date, std::ops::Range<usize>)> {
    if !text.is_ascii() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let words: Vec<(usize, &str)> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && m.starts_with(w) && (w.len() >= 4 || m.len() <= 4 || w.len() == 3))
            .map(|k| k + 1)
    };
    let num = |w: &str, max: usize| w.parse::<usize>().ok().filter(|n| (1..=max).contains(n) && w.len() <= 4);
    for k in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (words[k], words[k + 1], words[k + 2]);
        let (m, d, y) = match (month(a.1), month(b.1)) {
            (Some(m), _) => (m, num(b.1, 31), c.1),
            (None, Some(m)) => (m, num(a.1, 31), c.1),
            _ => continue,
        };
        let Some(d) = d else { continue };
        if y.len() != 4 {
            continue;
        }
        if let Some(date) = ymd(y, &m.to_string(), &d.to_string()) {
            return Some((date, a.0..c.0 + c.1.len()));
        }
    }
    None
}

fn separated(text: &str, start: usize) -> Option<(Date, std::ops::Range<usize>)> {
    let year = &text[start..start + 4];
    let rest = &text[start + 4..];
    let sep = rest.chars().next()?;
    let (month_sep, day_sep, end_mark) = match sep {
        '-' | '_' | '.' | '/' => (sep, sep, None),
        '年' => ('年', '月', Some('日')),
        _ => return None,
    };
    let rest = &rest[month_sep.len_utf8()..];
    let month: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let rest = rest[month.len()..].strip_prefix(day_sep)?;
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let mut end = text.len() - rest.len() + day.len();
    if let Some(mark) = end_mark
        && rest[day.len()..].starts_with(mark)
    {
        end += mark.len_utf8();
    }
    if !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
        return None;
    }
    ymd(year, &month, &day).map(|d| (d, start..end))
}

fn ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    if !(1800..=2200).contains(&y) {
        return None;
    }
    Date::new(y, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn stems() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(from_file_stem("2022-11-19"), (None, Some(date("2022-11-19"))));
        assert_eq!(from_file_stem("东昌府报-20221119"), (some("东昌府报"), Some(date("2022-11-19"))));
        assert_eq!(from_file_stem("Riverton Courier 2024-03-08"), (some("Riverton Courier"), Some(date("2024-03-08"))));
        assert_eq!(from_file_stem("东昌府报2022年11月19日"), (some("东昌府报"), Some(date("2022-11-19"))));
        assert_eq!(from_file_stem("000_5f9f883e554d2686"), (None, None));
        assert_eq!(from_file_stem("paper-20221399"), (None, None));
        assert_eq!(from_file_stem("paper_20010101_pku_gbk"), (some("paper pku"), Some(date("2001-01-01"))));
        assert_eq!(from_file_stem("rmrb_200103_utf-8"), (some("rmrb"), Some(date("2001-03-01"))));
        assert_eq!(from_file_stem("Courier_2024-03-08_OCR_scan"), (some("Courier"), Some(date("2024-03-08"))));
        assert_eq!(from_file_stem("清河日报_20240308_big5"), (some("清河日报"), Some(date("2024-03-08"))));
    }

    #[test]
    fn masthead_titles() {
        let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            masthead_title(&lines(&["RIVERTON COURIER", "Friday, March 8, 2024"])).as_deref(),
            Some("Riverton Courier")
        );
        assert_eq!(
            masthead_title(&lines(&["VOL. LIV., No. 208.", "THE NEW-YORK TRIBUNE."])).as_deref(),
            Some("The New-York Tribune")
        );
        assert_eq!(masthead_title(&lines(&["2022年11月19日 星期六", "东昌府报"])).as_deref(), Some("东昌府报"));
        assert_eq!(
            masthead_title(&lines(&["Title: Punch, or the London Charivari", "Author: Various"])).as_deref(),
            Some("Punch, or the London Charivari")
        );
    }

    #[test]
    fn english_dates() {
        assert_eq!(find_date("SEPTEMBER 2, 1914.").map(|d| d.0), Some(date("1914-09-02")));
        assert_eq!(find_date("Friday, Sept. 17 1911").map(|d| d.0), Some(date("1911-09-17")));
        assert_eq!(find_date("the 4 July 1976 parade").map(|d| d.0), Some(date("1976-07-04")));
        assert_eq!(find_date("May I say 12 things in 2024"), None);
    }

    #[test]
    fn front_matter_split() {
        let (fm, rest, line) = split_front_matter("+++\ntitle = \"x\"\n+++\n\nbody\n");
        assert_eq!(fm, Some(FrontMatter::Toml("title = \"x\"\n")));
        assert_eq!(rest, "\nbody\n");
        assert_eq!(line, 4);
        assert_eq!(split_front_matter("no\n+++\n").0, None);
        assert_eq!(split_front_matter("+++\nnever closed\n").0, None);
        let (fm, rest, line) =
            split_front_matter("---\ntitle: \"世界這一天\"\ndate: 2018-04-16\ntags:\n  - x\n---\nbody\n");
        let Some(FrontMatter::Yaml(y)) = fm else { panic!("{fm:?}") };
        let m = read_yaml_front_matter(y);
        assert_eq!((m.title.as_deref(), m.date), (Some("世界這一天"), Some(date("2018-04-16"))));
        assert_eq!((rest, line), ("body\n", 7));
        assert_eq!(split_front_matter("---\njust a rule\n---\ntext\n").0, None);
    }

    #[test]
    fn front_matter_values_and_warnings() {
        let mut w = Vec::new();
        let m =
            read_front_matter("title = \"清河周末\"\ndate = 2024-03-10\nlanguage = \"zh\"\ntilte = \"typo\"\n", &mut w);
        assert_eq!(m.title.as_deref(), Some("清河周末"));
        assert_eq!(m.date, Some(date("2024-03-10")));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, Some(5));
        assert!(w[0].message.contains("tilte"));

        let mut w = Vec::new();
        let m = read_front_matter("title = \"a\"\ndate = \"not a date\"\n", &mut w);
        assert_eq!(m.title.as_deref(), Some("a"));
        assert_eq!(w[0].line, Some(3));

        let mut w = Vec::new();
        read_front_matter("title = \"a\"\ndate = = 3\n", &mut w);
        assert_eq!(w[0].line, Some(3), "{w:?}");
    }
}
