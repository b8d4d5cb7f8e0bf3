//! Issue title and date: from TOML front matter, else the file name.

use super::Warning;
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

/// Splits `+++` front matter off the text. Returns the front matter's TOML
/// (if any), the rest of the text and the line number the rest starts on.
pub fn split_front_matter(text: &str) -> (Option<&str>, &str, usize) {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim() != "+++" {
        return (None, text, 1);
    }
    let mut offset = (first_end + 1).min(text.len());
    let mut line_no = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        if text[offset..end].trim() == "+++" {
            let body_start = (end + 1).min(text.len());
            return (Some(&text[first_end + 1..offset]), &text[body_start..], line_no + 1);
        }
        offset = end + 1;
        line_no += 1;
    }
    (None, text, 1)
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

/// Title and date from a file stem that carries a date: `东昌府报-20221119`
/// → title `东昌府报` and the date; `2022-11-19` → the date alone.
/// A stem without a date gives neither (the stem itself is the last resort).
pub fn from_file_stem(stem: &str) -> (Option<String>, Option<Date>) {
    match find_date(stem) {
        Some((date, range)) => {
            let rest = format!("{} {}", &stem[..range.start], &stem[range.end..]);
            let title = rest.trim_matches(|c: char| c.is_whitespace() || "-_.·,，、()（）[]".contains(c));
            (Some(title.to_string()).filter(|t| !t.is_empty()), Some(date))
        }
        None => (None, None),
    }
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
    }

    #[test]
    fn front_matter_split() {
        let (fm, rest, line) = split_front_matter("+++\ntitle = \"x\"\n+++\n\nbody\n");
        assert_eq!(fm, Some("title = \"x\"\n"));
        assert_eq!(rest, "\nbody\n");
        assert_eq!(line, 4);
        assert_eq!(split_front_matter("no\n+++\n").0, None);
        assert_eq!(split_front_matter("+++\nnever closed\n").0, None);
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
