//! Issues as text for the command line: the `list` tree, the readable
//! `dump`, and the pinned JSON. Pure string building.

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
