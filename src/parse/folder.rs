//! A folder of article files as one issue, as crawlers and e-paper
//! archives save a day: one text file per article, named by date, page
//! and number (`20200101-01-02.txt`), or in one sub-folder per page
//! (`01-要闻/003.txt`). Pages become sections in page order, articles
//! follow their numbers, and an article the site served twice is kept once.
//!
//! Each file is read as what it is: labelled (`标题：`, `内容：`), a head of
//! fixed slots (kicker, headline and deck lines, empty where a paper left
//! one out — the same across the folder), or plain text.

use super::decode::{DecodeError, decode};
use super::lines::Line;
use super::sanitize::sanitize;
use super::text::is_cjk_dominant;
use super::warning::Warning;
use super::{Parsed, meta};
use crate::model::{Article, Block, Issue, Section};

/// One file of the folder: its path under the folder (`/`-separated) and bytes.
pub struct ArticleFile {
    /// Path relative to the folder.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Where in the paper a file's name puts its article: page and number.
fn place(name: &str) -> (Option<u32>, Option<u32>) {
    let (dir, file) = name.rsplit_once('/').map_or(("", name), |(d, f)| (d, f));
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let numbers: Vec<u32> = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty() && n.len() <= 3)
        .filter_map(|n| n.parse().ok())
        .collect();
    let page_dir = dir.rsplit('/').next().and_then(leading_number);
    match (page_dir, numbers.as_slice()) {
        (Some(p), [.., n]) => (Some(p), Some(*n)),
        (None, [.., p, n]) => (Some(*p), Some(*n)),
        (None, [n]) => (None, Some(*n)),
        _ => (page_dir, None),
    }
}

fn leading_number(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    (1..=3).contains(&digits.len()).then(|| digits.parse().ok()).flatten()
}

/// The section a page goes into: a page folder's name as given (`01-要闻`
/// → `01 要闻`), or `第01版` / `Page 1` for a page known by number alone.
fn section_name(name: &str, page: Option<u32>, cjk: bool) -> String {
    if let Some((dir, _)) = name.rsplit_once('/') {
        let d = dir.rsplit('/').next().unwrap_or(dir);
        return d.replace(['-', '_'], " ").trim().to_string();
    }
    match page {
        Some(p) if cjk => format!("第{p:02}版"),
        Some(p) => format!("Page {p}"),
        None => String::new(),
    }
}

/// Reads the folder's files as one issue named `source`.
pub fn parse_folder(files: &[ArticleFile], source: &str) -> Result<Parsed, DecodeError> {
    let mut warnings = Vec::new();
    let mut texts: Vec<(&ArticleFile, String)> = Vec::new();
    for f in files {
        match decode(&f.bytes) {
            Ok(d) => texts.push((f, sanitize(&d.text).trim_start_matches('\u{feff}').to_string())),
            Err(e) => warnings.push(Warning { line: None, message: format!("{}: {e}; left out", f.name) }),
        }
    }
    texts.sort_by_key(|(f, _)| {
        let (p, n) = place(&f.name);
        (p.unwrap_or(u32::MAX), n.unwrap_or(u32::MAX), f.name.clone())
    });
    let slotted = slotted(&texts);
    let cjk = texts.iter().take(8).any(|(_, t)| is_cjk_dominant(super::text::head(t, 2000)));
    let mut sections: Vec<Section> = Vec::new();
    // Headline and body → the file that gave them first.
    let mut seen: std::collections::HashMap<(String, String), &str> = std::collections::HashMap::new();
    for ((f, _), articles) in texts.iter().zip(super::par::map(&texts, |(f, t)| read_file(f, t, slotted))) {
        for article in articles {
            // The same story served twice, whatever its address.
            let body = article
                .blocks
                .iter()
                .filter(|b| matches!(b, Block::Paragraph(_)))
                .map(Block::text)
                .collect::<Vec<_>>()
                .join("\n");
            let key = (article.headline.clone(), body);
            if let Some(name) = seen.get(&key).filter(|_| !key.1.is_empty()) {
                warnings
                    .push(Warning { line: None, message: format!("{} repeats {name}; the copy is left out", f.name) });
                continue;
            }
            seen.insert(key, &f.name);
            let name = section_name(&f.name, place(&f.name).0, cjk);
            match sections.last_mut() {
                Some(s) if s.name == name => s.articles.push(article),
                _ => sections.push(Section { name, articles: vec![article] }),
            }
        }
    }
    if sections.iter().all(|s| s.articles.is_empty()) {
        warnings.push(Warning { line: None, message: "no articles found".into() });
    }
    let stem = std::path::Path::new(source).file_name().and_then(|s| s.to_str()).unwrap_or(source);
    let (title, mut date) = meta::from_file_stem(stem);
    if date.is_none() {
        date = files.iter().find_map(|f| meta::find_date(&f.name).map(|(d, _)| d));
    }
    let mut issue = Issue {
        title: super::visible_str(&title.unwrap_or_else(|| stem.to_string())).into_owned(),
        date,
        source: super::visible_str(source).into_owned(),
        encoding: "folder".into(),
        sections,
        publisher: None,
        language: None,
        masthead: Vec::new(),
    };
    issue.assign_ids();
    Ok(Parsed { issue, warnings, profile: super::plain::profile::Profile::of(&[]), roles: Vec::new() })
}

/// One file's articles.
fn read_file(f: &ArticleFile, text: &str, slotted: bool) -> Vec<Article> {
    read_as(f, text, slotted).1
}

/// One file's articles and how the file was read.
fn read_as(f: &ArticleFile, text: &str, slotted: bool) -> (&'static str, Vec<Article>) {
    if let Some(a) = labelled(text) {
        return ("labelled", vec![a]);
    }
    if slotted && let Some(a) = slots(text) {
        return ("head slots", vec![a]);
    }
    // One article in Markdown: its `# ` heading is the headline, not a
    // section as in dubao's markup.
    let (how, text) = match markdown_title(text) {
        Some(plain) => ("markdown", plain),
        None => ("plain text", std::borrow::Cow::Borrowed(text)),
    };
    // Decoded and sanitised already (`parse_folder`): not again.
    match super::parse_decoded(&text, &f.name, "UTF-8") {
        Ok(p) => (how, p.issue.sections.into_iter().flat_map(|s| s.articles).collect()),
        Err(_) => ("unreadable", Vec::new()),
    }
}

/// A file opening with one `# Heading` and holding no `## ` heads, with
/// the heading made a plain first line.
fn markdown_title(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    let body = text.trim_start();
    let title = body.strip_prefix("# ")?;
    if body.lines().skip(1).any(|l| l.starts_with("# ") || l.starts_with("## ")) {
        return None;
    }
    Some(std::borrow::Cow::Owned(title.to_string()))
}

/// `dump --explain` for a folder issue: how each file was read, into which
/// section, and the head it gave.
pub fn explain(files: &[ArticleFile], source: &str) -> String {
    use std::fmt::Write;
    let parsed = parse_folder(files, source);
    let texts: Vec<(&ArticleFile, String)> = files
        .iter()
        .filter_map(|f| {
            decode(&f.bytes).ok().map(|d| (f, sanitize(&d.text).trim_start_matches('\u{feff}').to_string()))
        })
        .collect();
    let slotted = slotted(&texts);
    let mut out = String::new();
    let _ = writeln!(out, "file      {source}");
    let _ = writeln!(out, "shape     a folder of {} article files, read as one issue", files.len());
    let how = if slotted {
        "a head of three slots (kicker, headline, deck) in every file"
    } else {
        "each file by its own shape"
    };
    let _ = writeln!(out, "reading   pages and numbers from the names; {how}; a story served twice kept once\n");
    for (f, text) in &texts {
        let (as_what, articles) = read_as(f, text, slotted);
        let heads: Vec<&str> = articles.iter().map(|a| a.headline.as_str()).collect();
        let _ = writeln!(out, "{:<28} {as_what:<11} {}", f.name, heads.join(" · "));
    }
    if let Ok(p) = parsed {
        for w in p.warnings {
            let _ = writeln!(out, "warning   {}", w.message);
        }
    }
    out
}

/// Labels a crawler writes before each field, in Chinese and English.
const HEAD: [&str; 6] = ["标题", "標題", "题目", "Title", "TITLE", "title"];
const BODY: [&str; 8] = ["内容", "內容", "正文", "Content", "CONTENT", "content", "Body", "Text"];
const LINK: [&str; 7] = ["连接", "链接", "連結", "網址", "URL", "Url", "url"];
const AUTHOR: [&str; 5] = ["作者", "记者", "記者", "Author", "Byline"];

/// `标题：…` at the start of a line: the label and what follows it.
fn label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|l| line.strip_prefix(l)).and_then(|r| r.strip_prefix(['：', ':'])).map(str::trim)
}

/// A labelled file: `连接：URL`, `标题：` with the head lines from it up to
/// `内容：`, then the body. The head keeps its slots: an empty line under
/// the label is a part the page did not print.
fn labelled(text: &str) -> Option<Article> {
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let head_at = lines.iter().position(|l| label(l.trim_start(), &HEAD).is_some())?;
    let body_at = head_at + lines[head_at..].iter().position(|l| label(l.trim_start(), &BODY).is_some())?;
    let mut head = vec![label(lines[head_at].trim_start(), &HEAD).unwrap_or("")];
    head.extend(lines[head_at + 1..body_at].iter().map(|l| l.trim()));
    let mut article = from_slots(&head)?;
    for l in lines[..head_at].iter().chain(&lines[head_at + 1..body_at]) {
        if let Some(a) = label(l.trim_start(), &AUTHOR).filter(|a| !a.is_empty()) {
            article.byline = Some(a.to_string());
        }
    }
    let mut body: Vec<&str> = vec![label(lines[body_at].trim_start(), &BODY).unwrap_or("")];
    body.extend(&lines[body_at + 1..]);
    fill_body(&mut article, &body);
    if let Some(url) = lines[..head_at].iter().find_map(|l| label(l.trim_start(), &LINK)).filter(|u| !u.is_empty()) {
        article.blocks.push(Block::Caption(url.to_string()));
    }
    Some(article)
}

/// A file whose first three lines are the head's slots: kicker, headline,
/// deck, empty where absent.
fn slots(text: &str) -> Option<Article> {
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    if lines.len() < 3 {
        return None;
    }
    let mut article = from_slots(&lines[..3])?;
    fill_body(&mut article, &lines[3..]);
    Some(article)
}

/// Kicker, headline and deck from slots: three slots are the three parts;
/// otherwise the lines are read as any head.
fn from_slots(head: &[&str]) -> Option<Article> {
    let filled: Vec<&str> = head.iter().copied().filter(|l| !l.is_empty()).collect();
    if filled.is_empty() {
        return None;
    }
    let mut a = Article::new(String::new());
    if head.len() == 3 && !head[1].is_empty() {
        a.kicker = Some(head[0].to_string()).filter(|k| !k.is_empty());
        a.headline = head[1].to_string();
        a.decks = Some(head[2].to_string()).filter(|d| !d.is_empty()).into_iter().collect();
    } else {
        let lines: Vec<(&str, bool)> = filled.iter().map(|l| (*l, true)).collect();
        let (h, _) = super::plain::split_head(&lines);
        a.kicker = h.kicker;
        a.headline = h.headline;
        a.decks = h.decks;
    }
    Some(a)
}

/// The body under a head: its paragraphs read by the plain-text rules
/// (datelines, bylines, closing credits, captions), one article's worth.
fn fill_body(article: &mut Article, body: &[&str]) {
    let text = body.join("\n");
    let lines = Line::split(&text, 1);
    let profile = super::plain::profile::Profile::of(&lines);
    let mut asm = super::plain::assemble::Assembler::new(&profile);
    asm.begin(std::mem::replace(article, Article::new(String::new())));
    asm.feed(super::plain::units::units(&lines, &profile, &mut Vec::new()));
    let (sections, _) = asm.finish();
    let mut articles = sections.into_iter().flat_map(|s| s.articles);
    if let Some(first) = articles.next() {
        *article = first;
    }
    // What the body's own rules took for more stories stays in this one.
    for extra in articles {
        if !extra.headline.is_empty() {
            article.blocks.push(Block::Subhead(extra.headline));
        }
        article.blocks.extend(extra.blocks);
    }
}

/// Whether the folder's files keep a head of three slots: most start with
/// three lines over their body, the first or third of them often empty.
fn slotted(texts: &[(&ArticleFile, String)]) -> bool {
    let heads: Vec<[bool; 3]> = texts
        .iter()
        .filter(|(_, t)| labelled(t).is_none())
        .filter_map(|(_, t)| {
            let l: Vec<&str> = t.split('\n').map(str::trim).collect();
            (l.len() > 3).then(|| [l[0].is_empty(), l[1].is_empty(), l[2].is_empty()])
        })
        .collect();
    let n = heads.len();
    let empty_first = heads.iter().filter(|h| h[0]).count();
    let empty_third = heads.iter().filter(|h| h[2]).count();
    let headline = heads.iter().filter(|h| !h[1]).count();
    n >= 2 && headline * 10 >= n * 9 && (empty_first + empty_third) * 2 >= n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> ArticleFile {
        ArticleFile { name: name.into(), bytes: text.as_bytes().to_vec() }
    }

    #[test]
    fn places_from_names() {
        assert_eq!(place("20200101-01-02.txt"), (Some(1), Some(2)));
        assert_eq!(place("01-要闻/003.txt"), (Some(1), Some(3)));
        assert_eq!(place("2024-03-08/p02_05.txt"), (Some(2), Some(5)));
    }

    #[test]
    fn labelled_files_pages_and_duplicates() {
        let a = "连接：http://example.com/1\n标题：引题在此——\n主标题\n\n内容：\n　　本报讯 第一段。\n　　第二段。\n";
        let b = "连接：http://example.com/2\n标题：\n第二篇\n副题一行\n内容：\n　　正文。\n";
        let files = [file("20240308-02-01.txt", b), file("20240308-01-01.txt", a), file("20240308-01-02.txt", a)];
        let p = parse_folder(&files, "清河日报-20240308").unwrap();
        let names: Vec<&str> = p.issue.sections.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["第01版", "第02版"]);
        let first = &p.issue.sections[0].articles[0];
        assert_eq!(first.kicker.as_deref(), Some("引题在此——"));
        assert_eq!(first.headline, "主标题");
        assert_eq!(first.dateline.as_deref(), Some("本报讯"));
        assert_eq!(p.issue.sections[0].articles.len(), 1, "the copy is kept once");
        assert!(p.warnings.iter().any(|w| w.message.contains("20240308-01-02.txt repeats 20240308-01-01.txt")));
        let second = &p.issue.sections[1].articles[0];
        assert_eq!(
            (second.headline.as_str(), second.decks.as_slice()),
            ("第二篇", ["副题一行".to_string()].as_slice())
        );
        assert_eq!(p.issue.title, "清河日报");
    }

    #[test]
    fn slots_kept_across_the_folder() {
        let files = [
            file("1.txt", "\n新年戏曲晚会在京举行\n习近平等出席观看\n　　新华社北京12月31日电 晚会举行。\n"),
            file("2.txt", "李克强签署国务院令\n公布《外商投资法实施条例》\n\n　　新华社北京12月31日电 条例公布。\n"),
            file("3.txt", "\n在现场\n\n　　第一段。\n"),
        ];
        let p = parse_folder(&files, "day").unwrap();
        let arts: Vec<&Article> = p.issue.articles().collect();
        assert_eq!(arts[1].kicker.as_deref(), Some("李克强签署国务院令"), "the slot says kicker");
        assert_eq!(arts[1].headline, "公布《外商投资法实施条例》");
        assert_eq!(arts[0].decks, ["习近平等出席观看"]);
        assert_eq!(arts[2].headline, "在现场");
    }
}
