//! Markdown for notes: YAML front matter (title, date, source) that
//! Obsidian and static-site tools read, then sections as `##`, headlines
//! as `###`, and the article's furniture as text around them. Unreadable
//! lines (noise) are left out: they are in the issue file for anyone who
//! wants them.

use crate::model::{Article, Block, Bookmark, Issue};
use std::fmt::Write;

/// A whole issue (or an issue of one article: a note titled by its
/// headline) as one Markdown file.
pub fn issue(issue: &Issue) -> String {
    let mut out = String::new();
    front_matter(&mut out, issue);
    let single = issue.articles().count() == 1;
    if !single {
        let _ = writeln!(out, "# {}\n", escape(&issue.title));
    }
    for section in &issue.sections {
        if !section.name.is_empty() && !single {
            let _ = writeln!(out, "## {}\n", escape(&section.name));
        }
        for a in &section.articles {
            article(&mut out, a, if single { 1 } else { 3 });
        }
    }
    out
}

fn front_matter(out: &mut String, issue: &Issue) {
    // JSON strings are YAML double-quoted strings: every character safe.
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    out.push_str("---\n");
    let only = issue.articles().collect::<Vec<_>>();
    match only.as_slice() {
        [a] => {
            let _ = writeln!(out, "title: {}\nissue: {}", quoted(&a.headline), quoted(&issue.title));
        }
        _ => {
            let _ = writeln!(out, "title: {}", quoted(&issue.title));
        }
    }
    if let Some(d) = issue.date {
        let _ = writeln!(out, "date: {d}");
    }
    let _ = writeln!(out, "source: {}", quoted(&issue.source));
    if let Some(p) = &issue.publisher {
        let _ = writeln!(out, "publisher: {}", quoted(p));
    }
    let _ = writeln!(out, "language: {}", quoted(&super::meta::language(issue)));
    if let [only] = issue.articles().collect::<Vec<_>>().as_slice() {
        if let Some(s) = issue.sections.first().filter(|s| !s.name.is_empty()) {
            let _ = writeln!(out, "section: {}", quoted(&s.name));
        }
        let _ = writeln!(out, "article: {}", quoted(&only.id.0));
    }
    out.push_str("---\n\n");
}

/// One article: kicker in bold above the headline, decks in italics under
/// it, the byline, the body, the closing credit.
fn article(out: &mut String, a: &Article, level: u8) {
    if let Some(k) = &a.kicker {
        let _ = writeln!(out, "**{}**\n", escape(k));
    }
    let headline = if a.headline.is_empty() { "(untitled)" } else { &a.headline };
    let _ = writeln!(out, "{} {}\n", if level == 1 { "#" } else { "###" }, escape(headline));
    for d in &a.decks {
        let _ = writeln!(out, "*{}*\n", escape(d));
    }
    if let Some(b) = &a.byline {
        let _ = writeln!(out, "{}\n", escape(b));
    }
    let mut first = true;
    let mut rows = Vec::new();
    for block in &a.blocks {
        if !matches!(block, Block::Table(_)) && !rows.is_empty() {
            table(out, &mut rows);
        }
        match block {
            Block::Paragraph(t) => {
                let dateline = a.dateline.as_deref().filter(|d| first && !d.is_empty() && t.starts_with(*d));
                match dateline {
                    Some(d) => {
                        let _ = writeln!(out, "**{}**{}\n", escape(d), escape(&t[d.len()..]));
                    }
                    None => {
                        let _ = writeln!(out, "{}\n", paragraph(t));
                    }
                }
                first = false;
            }
            Block::Subhead(t) => {
                let _ = writeln!(out, "#### {}\n", escape(t));
            }
            Block::Caption(t) => {
                let _ = writeln!(out, "*{}*\n", escape(t));
            }
            Block::Table(t) => rows.push(t.as_str()),
            Block::Noise(_) => {}
        }
    }
    table(out, &mut rows);
    if let Some(c) = &a.attribution {
        let _ = writeln!(out, "{}\n", escape(&super::meta::credit(c)));
    }
}

/// Table rows as printed, in a fenced block so their columns stay aligned.
fn table(out: &mut String, rows: &mut Vec<&str>) {
    if rows.is_empty() {
        return;
    }
    let fence = if rows.iter().any(|r| r.contains("```")) { "~~~~" } else { "```" };
    let _ = writeln!(out, "{fence}text");
    for r in rows.drain(..) {
        let _ = writeln!(out, "{r}");
    }
    let _ = writeln!(out, "{fence}\n");
}

/// A paragraph that cannot be taken for a list, a heading rule or a table.
fn paragraph(t: &str) -> String {
    let e = escape(t);
    if e.starts_with(['-', '+', '=', '|', '~']) {
        return format!("\\{e}");
    }
    // `1. ` and `1) ` open ordered lists: escape the mark after the number.
    let digits = e.bytes().take_while(u8::is_ascii_digit).count();
    if (1..10).contains(&digits) && e[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &e[..digits], &e[digits..]);
    }
    e
}

/// Markdown's inline specials, so text prints as written.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text with [`escape`]'s backslashes taken out again.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// Bookmarks as a Markdown list, notes quoted under each.
pub fn bookmarks(list: &[Bookmark]) -> String {
    let mut out = String::from("# Bookmarks\n\n");
    if list.is_empty() {
        out.push_str("No bookmarks yet.\n");
    }
    for b in list {
        let mut about = vec![b.issue.clone()];
        if let Some(d) = b.date {
            about.push(d.to_string());
        }
        if !b.section.is_empty() {
            about.push(b.section.clone());
        }
        let _ = writeln!(out, "- **{}** — {}", escape(&b.headline), escape(&about.join(", ")));
        if !b.note.is_empty() {
            let _ = writeln!(out, "  > {}", escape(&b.note));
        }
    }
    out
}
