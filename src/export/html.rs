//! One plain HTML page per issue: a contents list, then each section's
//! articles as `<article>` elements with their kicker, headline, decks,
//! byline, paragraphs, subheads, captions and tables. The markup is also
//! well-formed XHTML, so the EPUB writer uses the same articles.

use crate::model::{Article, Block, Issue};
use std::fmt::Write;

/// Text escaped for element content and quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A light style: a readable measure, CJK paragraphs indented two
/// characters as papers print them.
pub const STYLE: &str = "body{max-width:42em;margin:auto;padding:0 1em;line-height:1.7}\
.kicker,.deck{color:#555}.byline,.dateline{font-weight:bold}figcaption{font-style:italic}\
pre.table{white-space:pre-wrap}.credit{text-align:right}:lang(zh) p{text-indent:2em}";

/// A whole issue as one page.
pub fn issue(issue: &Issue) -> String {
    let lang = super::meta::language(issue);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n",
        escape(&issue.title)
    );
    if let Some(d) = issue.date {
        let _ = writeln!(out, "<meta name=\"date\" content=\"{d}\">");
    }
    let _ =
        write!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<header><p class=\"masthead\">{}", escape(&issue.title));
    if let Some(d) = issue.date {
        let _ = write!(out, " <time datetime=\"{d}\">{d}</time>");
    }
    out.push_str("</p></header>\n");
    contents(&mut out, issue);
    for (s, section) in issue.sections.iter().enumerate() {
        // Only a named section is a <section>: its heading is its name.
        let named = !section.name.is_empty();
        if named {
            let _ = writeln!(out, "<section id=\"s{}\">\n<h1>{}</h1>", s + 1, escape(&section.name));
        } else {
            let _ = writeln!(out, "<div id=\"s{}\">", s + 1);
        }
        for a in &section.articles {
            out.push_str(&article(a, 2));
        }
        out.push_str(if named { "</section>\n" } else { "</div>\n" });
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The contents: sections and their headlines, linked.
fn contents(out: &mut String, issue: &Issue) {
    if issue.articles().count() < 2 {
        return;
    }
    out.push_str("<nav><ol>\n");
    for (s, section) in issue.sections.iter().enumerate() {
        let name = if section.name.is_empty() { &issue.title } else { &section.name };
        let _ = write!(out, "<li><a href=\"#s{}\">{}</a><ol>", s + 1, escape(name));
        for a in &section.articles {
            let _ = write!(out, "<li><a href=\"#a{}\">{}</a></li>", a.id, escape(&a.headline));
        }
        out.push_str("</ol></li>\n");
    }
    out.push_str("</ol></nav>\n");
}

/// One article as an `<article>` whose headline is `<h{level}>`.
pub fn article(a: &Article, level: u8) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<article id=\"a{}\">", a.id);
    if let Some(k) = &a.kicker {
        let _ = writeln!(out, "<p class=\"kicker\">{}</p>", escape(k));
    }
    let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(&a.headline));
    for d in &a.decks {
        let _ = writeln!(out, "<p class=\"deck\">{}</p>", escape(d));
    }
    if let Some(b) = &a.byline {
        let _ = writeln!(out, "<p class=\"byline\">{}</p>", escape(b));
    }
    let mut rows: Vec<&str> = Vec::new();
    for (i, block) in a.blocks.iter().enumerate() {
        if let Block::Table(t) = block {
            rows.push(t);
            if matches!(a.blocks.get(i + 1), Some(Block::Table(_))) {
                continue;
            }
            let _ = writeln!(out, "<pre class=\"table\">{}</pre>", escape(&rows.join("\n")));
            rows.clear();
            continue;
        }
        match block {
            Block::Paragraph(t) => {
                let _ = writeln!(out, "<p>{}</p>", escape(t));
            }
            Block::Subhead(t) => {
                let _ = writeln!(out, "<h{}>{}</h{0}>", level + 1, escape(t));
            }
            Block::Caption(t) => {
                let _ = writeln!(out, "<figure><figcaption>{}</figcaption></figure>", escape(t));
            }
            Block::Table(_) | Block::Noise(_) => {}
        }
    }
    if let Some(c) = &a.attribution {
        let _ = writeln!(out, "<p class=\"credit\">{}</p>", escape(&super::meta::credit(c)));
    }
    out.push_str("</article>\n");
    out
}
