//! One article per line, as crawlers and exports write them: a short head,
//! a separator repeated on most lines (`@@@@`, a tab, ` | `), then the
//! whole story (`镇上开通首条公交线路@@@@本报讯 昨天上午……`). Inside the
//! story, paragraphs are parted by runs of spaces or by escaped breaks.

use super::super::classify::{byline_after_dateline, closing_credit, dateline, is_section_marker};
use super::super::lines::Line;
use super::super::meta::find_date;
use super::super::text::{head, is_cjk_dominant, is_terminal};
use super::super::warning::Warning;
use crate::model::{Article, Block};
use std::collections::HashMap;

/// What one line of the file became.
pub enum Record {
    /// A page or section marker.
    Section(String),
    /// A story.
    Article(Article),
    /// An exact repeat of an earlier line, dropped.
    Duplicate,
}

/// Reads each non-blank line as a record. Exact repeats of a line are
/// dropped, each with a warning naming both lines.
pub fn records(lines: &[Line<'_>], sep: &str, warnings: &mut Vec<Warning>) -> Vec<(usize, Record)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(lines.len());
    for line in lines.iter().filter(|l| !l.is_blank()) {
        if let Some(&first) = seen.get(line.text) {
            warnings.push(Warning {
                line: Some(line.no),
                message: format!("repeats line {first} exactly; the copy is left out"),
            });
            out.push((line.no, Record::Duplicate));
            continue;
        }
        seen.insert(line.text, line.no);
        let record = if line.text.len() <= 120 && is_section_marker(line.text) {
            Record::Section(line.text.to_string())
        } else {
            Record::Article(article(line.text, sep))
        };
        out.push((line.no, record));
    }
    out
}

/// One line's story: the head fields before the body, the body split into
/// paragraphs.
fn article(text: &str, sep: &str) -> Article {
    let csv;
    let fields: Vec<&str> = if sep == super::profile::CSV {
        csv = csv_fields(text);
        csv.iter().map(String::as_str).collect()
    } else if sep.trim().is_empty() {
        // A run of spaces parts head from body once; runs inside the body
        // part its paragraphs.
        match text.find(sep) {
            Some(at) => vec![&text[..at], &text[at + sep.len()..]],
            None => vec![text],
        }
    } else {
        text.split(sep).collect()
    };
    let fields: Vec<&str> = fields.into_iter().map(str::trim).filter(|f| !f.is_empty()).collect();
    let body_at = fields.iter().enumerate().max_by_key(|(_, f)| f.len()).map_or(0, |(i, _)| i);
    let (head, rest) = fields.split_at(body_at);
    let mut article = Article::new(String::new());
    // Addresses and dates in the head are kept as captions, not headlines.
    let (meta, words): (Vec<&str>, Vec<&str>) = head.iter().partition(|f| is_meta(f));
    let mut words = words.into_iter();
    if let Some(h) = words.next() {
        article.headline = h.to_string();
    }
    article.decks.extend(words.map(str::to_string));
    article.blocks.extend(meta.into_iter().map(|m| Block::Caption(m.to_string())));
    let mut paragraphs = rest.first().map(|b| paragraphs(b)).unwrap_or_default();
    if let Some(last) = paragraphs.last_mut()
        && let Some((at, inner)) = closing_credit(last)
    {
        article.attribution = Some(inner.to_string());
        last.truncate(at);
        let trimmed = last.trim_end().len();
        last.truncate(trimmed);
        if last.is_empty() {
            paragraphs.pop();
        }
    }
    if let Some(first) = paragraphs.first() {
        article.dateline = dateline(first).map(str::to_string);
        article.byline = byline_after_dateline(first).map(str::to_string);
    }
    article.blocks.extend(paragraphs.into_iter().map(Block::Paragraph));
    // Fields after the body (a source, a tag) stay, as captions.
    article.blocks.extend(rest.iter().skip(1).map(|f| Block::Caption(f.to_string())));
    article
}

/// The fields of a CSV row, quotes taken off (`""` inside a field is `"`).
fn csv_fields(row: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// A field that is an address, a date or a number rather than words.
fn is_meta(field: &str) -> bool {
    let f = field.trim();
    f.starts_with("http://")
        || f.starts_with("https://")
        || f.starts_with("www.")
        || find_date(f).is_some_and(|(_, r)| r.len() * 2 >= f.len())
        || f.chars().all(|c| !c.is_alphabetic() && !super::super::text::is_han(c))
}

/// A story's paragraphs: parted by escaped line breaks (`\n`, `<br>`), by
/// an ideographic indent, or by a run of spaces after a sentence ends (two
/// in Chinese, three in Latin text, where two may just follow a full stop).
pub fn paragraphs(body: &str) -> Vec<String> {
    let body = body.replace("\\n", "\n").replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n");
    let cjk = is_cjk_dominant(head(&body, 2048));
    let min_run = if cjk { 2 } else { 3 };
    let mut out = Vec::new();
    for piece in body.split('\n') {
        let mut start = 0;
        let mut run_start = None;
        let mut prev = ' ';
        for (i, c) in piece.char_indices() {
            let space = c == ' ' || c == '\u{3000}';
            match (space, run_start) {
                (true, None) => run_start = Some((i, prev)),
                (false, Some((rs, before))) => {
                    let run = piece[rs..i].chars().map(|c| if c == '\u{3000}' { 2 } else { 1 }).sum::<usize>();
                    let ends = is_terminal(before) || super::super::text::is_closing(before);
                    if run >= min_run && ends {
                        push(&mut out, &piece[start..rs]);
                        start = i;
                    }
                    run_start = None;
                }
                _ => {}
            }
            if !space {
                prev = c;
            }
        }
        push(&mut out, &piece[start..]);
    }
    out
}

fn push(out: &mut Vec<String>, text: &str) {
    let t = text.trim();
    if !t.is_empty() {
        out.push(t.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_separator_body() {
        let a = article(
            "镇上开通首条公交线路@@@@本报讯 昨天上午，首条公交线路开通。  沿线群众出行更方便了。（记者 张三）",
            "@@@@",
        );
        assert_eq!(a.headline, "镇上开通首条公交线路");
        assert_eq!(a.dateline.as_deref(), Some("本报讯"));
        assert_eq!(a.attribution.as_deref(), Some("记者 张三"));
        let texts: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert_eq!(texts, ["本报讯 昨天上午，首条公交线路开通。", "沿线群众出行更方便了。"]);
    }

    #[test]
    fn addresses_and_dates_are_not_headlines() {
        let a = article(
            "https://example.com/a/1 | 2024-03-08 | Bridge reopens | RIVERTON — The bridge reopened on Friday after a long rebuild.",
            " | ",
        );
        assert_eq!(a.headline, "Bridge reopens");
        assert_eq!(a.dateline.as_deref(), Some("RIVERTON"));
        assert!(matches!(&a.blocks[0], Block::Caption(t) if t.starts_with("https://")));
    }

    #[test]
    fn csv_rows() {
        let row = "\"3\",\"Fears for T N pension after talks\",\"Unions representing workers at Turner Newall say they are \"\"disappointed\"\" after talks.\"";
        let a = article(row, super::super::profile::CSV);
        assert_eq!(a.headline, "Fears for T N pension after talks");
        assert!(matches!(&a.blocks[0], Block::Caption(t) if t == "3"));
        assert_eq!(
            a.blocks[1].text(),
            "Unions representing workers at Turner Newall say they are \"disappointed\" after talks."
        );
    }

    #[test]
    fn duplicates_are_dropped_with_a_warning() {
        let text = "标题甲@@@@正文甲。\n标题乙@@@@正文乙。\n标题甲@@@@正文甲。\n";
        let lines = Line::split(text, 1);
        let mut w = Vec::new();
        let r = records(&lines, "@@@@", &mut w);
        assert!(matches!(r[2].1, Record::Duplicate));
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, Some(3));
        assert!(w[0].message.contains("line 1"));
    }
}
