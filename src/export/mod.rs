//! Issues out of dubao: the `list` tree, the readable `dump` and the
//! pinned JSON for the command line; Markdown, HTML and EPUB files to keep
//! and send. Pure: strings and bytes, never files.

pub mod epub;
pub mod html;
pub mod markdown;
mod meta;

pub use meta::{credit, dated_title, file_name, language};

use crate::measure::{Length, Rates, lengths, short};
use crate::model::{Block, Issue};
use serde::Serialize;
use std::fmt::Write;

/// One line per issue, section and article, with article ids and reading
/// times at `rates` (`4′`) after the issue's facts, each section and each
/// headline.
pub fn list(issue: &Issue, rates: &Rates) -> String {
    let mut out = String::new();
    let articles = issue.articles().count();
    let lengths = lengths(issue);
    let time = |l: Length| match l.whole_minutes(rates) {
        0 => String::new(),
        m => format!("  {}", short(m)),
    };
    let _ = writeln!(
        out,
        "{}{}  [{} · {} · {} section{} · {} article{}{}]",
        issue.title,
        issue.date.map(|d| format!(" {d}")).unwrap_or_default(),
        issue.source,
        issue.encoding,
        issue.sections.len(),
        plural(issue.sections.len()),
        articles,
        plural(articles),
        time(lengths.iter().copied().sum()).replacen("  ", " · ", 1),
    );
    let mut k = 0;
    for section in &issue.sections {
        let name = if section.name.is_empty() { "(no section markers)" } else { &section.name };
        let own = &lengths[k..k + section.articles.len()];
        let _ = writeln!(out, "  {name}{}", time(own.iter().copied().sum()));
        for (a, l) in section.articles.iter().zip(own) {
            let headline = if a.headline.is_empty() { "(untitled)" } else { &a.headline };
            let _ = writeln!(out, "    {}  {headline}{}", a.id, time(*l));
        }
        k += section.articles.len();
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Every field of every article, readable: what the parser made of the file.
pub fn dump(issue: &Issue) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "issue     {}", issue.title);
    let _ = writeln!(out, "date      {}", issue.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()));
    let _ = writeln!(out, "source    {}", issue.source);
    let _ = writeln!(out, "encoding  {}", issue.encoding);
    for line in &issue.masthead {
        let _ = writeln!(out, "masthead  {line}");
    }
    for section in &issue.sections {
        let _ = writeln!(out, "\n== {}", if section.name.is_empty() { "(no section markers)" } else { &section.name });
        for a in &section.articles {
            let _ = writeln!(out, "\n  [{}] {}", a.id, if a.headline.is_empty() { "(untitled)" } else { &a.headline });
            if let Some(k) = &a.kicker {
                let _ = writeln!(out, "    kicker      {k}");
            }
            for deck in &a.decks {
                let _ = writeln!(out, "    deck        {deck}");
            }
            for (label, value) in [("byline", &a.byline), ("dateline", &a.dateline), ("attribution", &a.attribution)] {
                if let Some(v) = value {
                    let _ = writeln!(out, "    {label:<11} {v}");
                }
            }
            for block in &a.blocks {
                match block {
                    Block::Paragraph(t) => {
                        let _ = writeln!(out, "    ¶ {t}");
                    }
                    Block::Subhead(t) => {
                        let _ = writeln!(out, "    § {t}");
                    }
                    Block::Caption(t) => {
                        let _ = writeln!(out, "    ▣ {t}");
                    }
                    Block::Table(t) => {
                        let _ = writeln!(out, "    | {t}");
                    }
                    Block::Noise(t) => {
                        let _ = writeln!(out, "    ~ {t}");
                    }
                }
            }
        }
    }
    out
}

/// The pinned JSON: `{"issues":[…]}`, absent values as `null`.
pub fn json(issues: &[&Issue]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        issues: &'a [&'a Issue],
    }
    serde_json::to_string_pretty(&Doc { issues }).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// A format issues are exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown with front matter, for notes (Obsidian and the like).
    Markdown,
    /// An EPUB 3 periodical, for e-ink readers.
    Epub,
    /// One plain HTML page.
    Html,
}

impl Format {
    /// The file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Epub => "epub",
            Format::Html => "html",
        }
    }

    /// An issue (or one article of it, alone) in this format.
    pub fn render(self, issue: &Issue, article: Option<&crate::model::Article>) -> Result<Vec<u8>, String> {
        let only;
        let issue = match article {
            Some(a) => {
                only = single(issue, a);
                &only
            }
            None => issue,
        };
        match self {
            Format::Markdown => Ok(markdown::issue(issue).into_bytes()),
            Format::Html => Ok(html::issue(issue).into_bytes()),
            Format::Epub => epub::issue(issue),
        }
    }
}

/// An issue holding one of its articles, in its section.
fn single(issue: &Issue, article: &crate::model::Article) -> Issue {
    let section = issue.sections.iter().find(|s| s.articles.iter().any(|a| a.id == article.id));
    // Field by field: `..issue.clone()` would copy every article of the
    // issue for each one exported alone.
    Issue {
        title: issue.title.clone(),
        date: issue.date,
        source: issue.source.clone(),
        encoding: issue.encoding.clone(),
        sections: vec![crate::model::Section {
            name: section.map(|s| s.name.clone()).unwrap_or_default(),
            articles: vec![article.clone()],
        }],
        publisher: issue.publisher.clone(),
        language: issue.language.clone(),
        masthead: Vec::new(),
    }
}

/// An article as plain text, for piping: kicker, headline, decks and
/// byline, then the body, blocks parted by blank lines (table rows and
/// unreadable lines one per line).
pub fn text(a: &crate::model::Article) -> String {
    let mut out = String::new();
    let head = a.kicker.iter().chain(std::iter::once(&a.headline)).chain(&a.decks).chain(&a.byline);
    for line in head.filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    for (i, b) in a.blocks.iter().enumerate() {
        let run = i > 0 && b.is_row() && a.blocks[i - 1].is_row();
        out.push_str(if run || out.is_empty() { "" } else { "\n" });
        out.push_str(b.text());
        out.push('\n');
    }
    if let Some(c) = &a.attribution {
        out.push('\n');
        out.push_str(&meta::credit(c));
        out.push('\n');
    }
    out
}
