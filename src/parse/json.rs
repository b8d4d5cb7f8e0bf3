//! JSON from crawlers and exports: an array of article objects, an object
//! holding one (`{"articles": […]}`), or JSON Lines. Common field names are
//! recognised; `content` is split into paragraphs at line breaks or, where
//! the crawler joined them, at runs of spaces after a sentence.

use super::classify::{byline_after_dateline, closing_credit, dateline};
use super::meta::find_date;
use super::plain::split_paragraphs;
use super::warning::Warning;
use crate::model::{Article, Block, Section};
use serde_json::{Map, Value};

/// Largest JSON document read: a crawl of a day is a few megabytes; past
/// this, the parsed tree would take more memory than a reader should.
pub const MAX_BYTES: usize = 256 << 20;

/// What a JSON issue gave.
pub struct JsonIssue {
    /// Sections (by page or section field, in the order met), of articles.
    pub sections: Vec<Section>,
    /// The issue's date: the one most articles carry.
    pub date: Option<jiff::civil::Date>,
}

/// Why JSON could not be read as an issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Larger than [`MAX_BYTES`].
    TooLarge(super::too_large::TooLarge),
    /// Not JSON at all, or broken (with serde_json's line and column).
    Invalid(String),
    /// JSON, but no article objects in it.
    NoArticles,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JsonError::TooLarge(t) => t.fmt(f),
            JsonError::Invalid(e) => write!(f, "not valid JSON: {e}"),
            JsonError::NoArticles => f.write_str("JSON without articles (no objects with a title and a text)"),
        }
    }
}

/// Whether text looks like JSON (its first character opens an array or an
/// object): only then is it read as JSON.
pub fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().starts_with(['[', '{'])
}

/// Reads JSON text as an issue.
pub fn read(text: &str, warnings: &mut Vec<Warning>) -> Result<JsonIssue, JsonError> {
    if text.len() > MAX_BYTES {
        return Err(JsonError::TooLarge(super::too_large::TooLarge {
            format: "JSON",
            len: text.len(),
            most: MAX_BYTES,
        }));
    }
    let records = records(text)?;
    let mut read: Vec<(Option<jiff::civil::Date>, String, Article)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (k, obj) in records.iter().enumerate() {
        let Some(article) = article(obj) else { continue };
        let key = (article.headline.clone(), article.blocks.first().map(|b| b.text().to_string()));
        if !seen.insert(key) {
            warnings
                .push(Warning { line: None, message: format!("article {} repeats an earlier one; left out", k + 1) });
            continue;
        }
        let date = field(obj, DATE).and_then(|d| find_date(&d)).map(|d| d.0);
        read.push((date, field(obj, PAGE).unwrap_or_default(), article));
    }
    if read.is_empty() {
        return Err(JsonError::NoArticles);
    }
    let dates: Vec<_> = read.iter().filter_map(|r| r.0).collect();
    let days = dates.iter().collect::<std::collections::BTreeSet<_>>().len();
    Ok(JsonIssue { sections: grouped(read, days > 1), date: commonest(dates) })
}

/// Articles in sections by page, in the order pages first appear; a crawl
/// of several days is grouped by day first, oldest day first, each
/// section named by its day.
fn grouped(mut read: Vec<(Option<jiff::civil::Date>, String, Article)>, by_day: bool) -> Vec<Section> {
    if by_day {
        // Stable: pages keep their order within a day.
        read.sort_by_key(|r| r.0);
    }
    let mut sections: Vec<Section> = Vec::new();
    for (date, page, article) in read {
        let name = match date {
            Some(d) if by_day && page.is_empty() => d.to_string(),
            Some(d) if by_day => format!("{d} · {page}"),
            _ => page,
        };
        match sections.iter_mut().find(|s| s.name == name) {
            Some(s) => s.articles.push(article),
            None => sections.push(Section { name, articles: vec![article] }),
        }
    }
    sections
}

/// The article objects: the array itself, the array an object holds under
/// a name like `articles`, or one object per line (JSON Lines).
fn records(text: &str) -> Result<Vec<Map<String, Value>>, JsonError> {
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(whole) => {
            // JSON Lines: every non-blank line an object.
            let lines: Result<Vec<Value>, _> =
                text.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect();
            match lines {
                Ok(values) if values.len() > 1 => Value::Array(values),
                _ => return Err(JsonError::Invalid(whole.to_string())),
            }
        }
    };
    let list = match value {
        Value::Array(items) => items,
        Value::Object(mut obj) => {
            let key = ["articles", "items", "data", "results", "news", "docs", "records"]
                .iter()
                .find(|k| obj.get(**k).is_some_and(Value::is_array));
            match key.and_then(|k| obj.remove(*k)) {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(obj)],
            }
        }
        _ => return Err(JsonError::NoArticles),
    };
    Ok(list
        .into_iter()
        .filter_map(|v| match v {
            Value::Object(o) => Some(o),
            _ => None,
        })
        .collect())
}

const TITLE: &[&str] = &["title", "headline", "heading", "name", "标题", "標題"];
const TEXT: &[&str] = &["content", "body", "text", "article", "articleBody", "maintext", "正文", "内容", "內容"];
const AUTHOR: &[&str] = &["author", "byline", "authors", "writer", "reporter", "作者", "记者", "記者"];
const DECK: &[&str] = &["subtitle", "deck", "subheadline", "subhead", "副标题", "副題"];
const KICKER: &[&str] = &["kicker", "overline", "pretitle", "引题", "肩题"];
const DATE: &[&str] = &["date", "published", "publish_date", "pubdate", "datetime", "time", "日期", "时间", "時間"];
const PAGE: &[&str] = &["page", "section", "plate", "category", "版面", "版次", "版名", "栏目", "欄目", "分类", "分類"];

/// The first of `names` present as text (or a list of texts, joined).
fn field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        let v = obj.get(*n).or_else(|| obj.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, v)| v))?;
        let s = match v {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            // `["A", "B"]` or `[{"name": "A"}]`, as crawlers write authors.
            Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().or_else(|| i.get("name").and_then(Value::as_str)))
                .collect::<Vec<_>>()
                .join("、"),
            Value::Object(o) => o.get("name").and_then(Value::as_str)?.trim().to_string(),
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    })
}

fn article(obj: &Map<String, Value>) -> Option<Article> {
    let headline = field(obj, TITLE);
    let text = field(obj, TEXT);
    if headline.is_none() && text.is_none() {
        return None;
    }
    let visible = |s: String| super::visible_str(&s).into_owned();
    let mut a = Article::new(headline.map(visible).unwrap_or_default());
    a.kicker = field(obj, KICKER).map(visible);
    a.decks = field(obj, DECK).map(visible).into_iter().collect();
    a.byline = field(obj, AUTHOR).map(visible);
    // Split before control characters are made visible: a line break in
    // the text parts paragraphs.
    let mut paragraphs: Vec<String> =
        text.map(|t| split_paragraphs(&t.replace("\r\n", "\n")).into_iter().map(visible).collect()).unwrap_or_default();
    if let Some(last) = paragraphs.last_mut()
        && let Some((at, inner)) = closing_credit(last)
    {
        a.attribution = Some(inner.to_string());
        last.truncate(at);
        let end = last.trim_end().len();
        last.truncate(end);
        if last.is_empty() {
            paragraphs.pop();
        }
    }
    if let Some(first) = paragraphs.first() {
        a.dateline = dateline(first).map(str::to_string);
        if a.byline.is_none() {
            a.byline = byline_after_dateline(first).map(str::to_string);
        }
    }
    a.blocks = paragraphs.into_iter().map(Block::Paragraph).collect();
    Some(a)
}

fn commonest(mut dates: Vec<jiff::civil::Date>) -> Option<jiff::civil::Date> {
    dates.sort();
    let mut best: Option<(jiff::civil::Date, usize)> = None;
    for chunk in dates.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| chunk.len() > n) {
            best = Some((chunk[0], chunk.len()));
        }
    }
    best.map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(text: &str) -> JsonIssue {
        read(text, &mut Vec::new()).unwrap()
    }

    #[test]
    fn an_array_of_articles() {
        let j = issue(
            r#"[{"title":"大橋開通","content":"【本報訊】大橋昨日開通。  市民踴躍前往。（中央社）","date":"2017/11/26","category":"社會"},
                {"title":"市集開幕","content":"市集昨日開幕。","date":"2017/11/26"}]"#,
        );
        let a = &j.sections[0].articles[0];
        assert_eq!(a.headline, "大橋開通");
        assert_eq!(a.dateline.as_deref(), Some("【本報訊】"));
        assert_eq!(a.attribution.as_deref(), Some("中央社"));
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(j.date, Some("2017-11-26".parse().unwrap()));
    }

    #[test]
    fn other_names_pages_and_json_lines() {
        let j = issue(
            "{\"headline\":\"Bridge reopens\",\"body\":\"RIVERTON — It reopened.\\nTraffic was light.\",\"byline\":\"Ana Ruiz\",\"page\":\"A1\"}\n\
             {\"headline\":\"Library hours\",\"text\":\"Longer on Sundays.\",\"page\":\"A2\",\"subtitle\":\"From April\"}\n",
        );
        assert_eq!(j.sections.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["A1", "A2"]);
        let a = &j.sections[0].articles[0];
        assert_eq!((a.byline.as_deref(), a.blocks.len()), (Some("Ana Ruiz"), 2));
        assert_eq!(j.sections[1].articles[0].decks, ["From April"]);
    }

    #[test]
    fn what_is_not_an_issue_says_why() {
        assert_eq!(read("[1, 2, 3]", &mut Vec::new()).err(), Some(JsonError::NoArticles));
        assert!(matches!(read("[{\"title\": ", &mut Vec::new()), Err(JsonError::Invalid(_))));
        let deep = "[".repeat(100_000);
        assert!(matches!(read(&deep, &mut Vec::new()), Err(JsonError::Invalid(_))), "nesting is bounded");
    }
}
