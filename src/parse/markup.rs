//! dubao's light markup: `# Section`, `## Headline` with `key: value`
//! fields, `### Subhead`; and the writer that exports any issue in it.
//! The format is documented in docs/issue-format.md.

use super::lines::Line;
use super::text::join_into;
use super::warning::Warning;
use crate::model::{Article, Block, Issue};

/// `# Name` starts a section.
pub fn section_heading(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("# ")?.trim();
    (!rest.is_empty()).then_some(rest)
}

/// `## Headline` (or a bare `##` for an untitled article) starts an article.
pub fn article_heading(line: &str) -> Option<&str> {
    if line == "##" {
        return Some("");
    }
    line.strip_prefix("## ").map(str::trim)
}

fn is_heading(line: &str) -> bool {
    section_heading(line).is_some() || article_heading(line).is_some()
}

const FIELDS: [&str; 6] = ["kicker", "deck", "byline", "dateline", "attribution", "caption"];

fn field(line: &str) -> Option<(&'static str, &str)> {
    FIELDS.iter().find_map(|&key| {
        let rest = line.strip_prefix(key)?.strip_prefix(':')?;
        Some((key, rest.trim()))
    })
}

/// Reads an explicit article starting at `lines[0]` (its `##` line). Returns
/// the article and how many lines it used (up to the next heading).
pub fn explicit_article(lines: &[Line<'_>], warnings: &mut Vec<Warning>) -> (Article, usize) {
    let mut article = Article::new(article_heading(lines[0].text).unwrap_or_default().to_string());
    let end = 1 + lines[1..].iter().take_while(|l| !is_heading(l.text)).count();
    let mut k = 1;
    while k < end && !lines[k].text.is_empty() {
        let Some((key, value)) = field(lines[k].text) else {
            warnings.push(Warning {
                line: Some(lines[k].no),
                message: "expected `deck:`, `byline:`, `dateline:` or `attribution:` right after a `##` headline; \
                          taken as the first paragraph (leave a blank line before body text)"
                    .into(),
            });
            break;
        };
        set_field(&mut article, key, value);
        k += 1;
    }
    let mut para: Option<String> = None;
    let flush = |para: &mut Option<String>, article: &mut Article| {
        if let Some(p) = para.take().filter(|p| !p.is_empty()) {
            article.blocks.push(Block::Paragraph(p));
        }
    };
    for line in &lines[k..end] {
        let text = line.text;
        if text.is_empty() {
            flush(&mut para, &mut article);
        } else if let Some(sub) = text.strip_prefix("###") {
            flush(&mut para, &mut article);
            let sub = sub.trim();
            if !sub.is_empty() {
                article.blocks.push(Block::Subhead(sub.to_string()));
            }
        } else if let (None, Some((key @ ("attribution" | "caption"), value))) = (&para, field(text)) {
            set_field(&mut article, key, value);
        } else if let Some(row) = row(text) {
            flush(&mut para, &mut article);
            article.blocks.push(row);
        } else {
            let text = text.strip_prefix('\\').unwrap_or(text);
            match &mut para {
                Some(p) => join_into(p, text),
                None => para = Some(text.trim().to_string()),
            }
        }
    }
    flush(&mut para, &mut article);
    (article, end)
}

/// `| row` is a table row and `~ line` a line of noise; neither joins
/// the lines around it.
fn row(text: &str) -> Option<Block> {
    let (kind, rest): (fn(String) -> Block, &str) =
        if let Some(r) = text.strip_prefix('|') { (Block::Table, r) } else { (Block::Noise, text.strip_prefix('~')?) };
    let rest = rest.trim();
    (!rest.is_empty()).then(|| kind(rest.to_string()))
}

fn set_field(article: &mut Article, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    let value = value.to_string();
    match key {
        "kicker" => article.kicker = Some(value),
        "caption" => article.blocks.push(Block::Caption(value)),
        "deck" => article.decks.push(value),
        "byline" => article.byline = Some(value),
        "dateline" => article.dateline = Some(value),
        _ => article.attribution = Some(value),
    }
}

/// Writes an issue as markup that parses back to the same structure.
pub fn to_markup(issue: &Issue) -> String {
    let mut out = String::new();
    let mut fm = toml::Table::new();
    fm.insert("title".into(), issue.title.clone().into());
    if let Some(d) = issue.date {
        let date = toml::value::Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 };
        fm.insert(
            "date".into(),
            toml::Value::Datetime(toml::value::Datetime { date: Some(date), time: None, offset: None }),
        );
    }
    for (key, value) in [("publisher", &issue.publisher), ("language", &issue.language)] {
        if let Some(v) = value {
            fm.insert(key.into(), v.clone().into());
        }
    }
    if !issue.masthead.is_empty() {
        fm.insert("masthead".into(), issue.masthead.clone().into());
    }
    out.push_str("+++\n");
    out.push_str(&toml::to_string(&fm).unwrap_or_default());
    out.push_str("+++\n");
    for section in &issue.sections {
        if !section.name.is_empty() {
            out.push_str(&format!("\n# {}\n", section.name));
        }
        for article in &section.articles {
            write_article(&mut out, article);
        }
    }
    out
}

fn write_article(out: &mut String, a: &Article) {
    out.push('\n');
    if a.headline.is_empty() {
        out.push_str("##\n");
    } else {
        out.push_str(&format!("## {}\n", a.headline));
    }
    if let Some(k) = &a.kicker {
        out.push_str(&format!("kicker: {k}\n"));
    }
    for deck in &a.decks {
        out.push_str(&format!("deck: {deck}\n"));
    }
    for (key, value) in [("byline", &a.byline), ("dateline", &a.dateline), ("attribution", &a.attribution)] {
        if let Some(v) = value {
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    for (i, block) in a.blocks.iter().enumerate() {
        let row_run =
            i > 0 && block.is_row() && std::mem::discriminant(block) == std::mem::discriminant(&a.blocks[i - 1]);
        if !row_run {
            out.push('\n');
        }
        match block {
            Block::Subhead(t) => out.push_str(&format!("### {t}\n")),
            Block::Caption(t) => out.push_str(&format!("caption: {t}\n")),
            Block::Table(t) => out.push_str(&format!("| {t}\n")),
            Block::Noise(t) => out.push_str(&format!("~ {t}\n")),
            Block::Paragraph(t) => {
                if t.starts_with(['#', '\\', '|', '~']) || field(t).is_some() {
                    out.push('\\');
                }
                out.push_str(t);
                out.push('\n');
            }
        }
    }
}
