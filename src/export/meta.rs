//! What the export formats share: an issue's language, file names from
//! titles, the closing credit as printed.

use crate::model::Issue;

/// A file name from a title: what file systems refuse and separators
/// become `-`, runs collapse, at most 80 characters; never empty.
pub fn file_name(title: &str) -> String {
    let mut out = String::new();
    for c in title.trim().chars() {
        let bad =
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_whitespace();
        if bad {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        } else {
            out.push(c);
        }
        if out.chars().count() >= 80 {
            break;
        }
    }
    let out = out.trim_matches(['-', '.']).to_string();
    if out.is_empty() { "issue".to_string() } else { out }
}

/// The issue's title with its date, unless the title already says it:
/// what an export of the whole issue is named by.
pub fn dated_title(issue: &Issue) -> String {
    match issue.date {
        Some(d) if !issue.title.contains(&d.to_string()) => format!("{} {d}", issue.title),
        _ => issue.title.clone(),
    }
}

/// The language an issue is in: the one it names, else what most of its
/// first articles' letters are (`zh`, `ja` with kana, `ko` with hangul),
/// else `en`.
pub fn language(issue: &Issue) -> String {
    if let Some(l) = issue.language.as_deref().filter(|l| !l.trim().is_empty()) {
        return l.trim().to_string();
    }
    let (mut han, mut kana, mut hangul, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for a in issue.articles().take(20) {
        for c in a.headline.chars().chain(a.blocks.iter().take(3).flat_map(|b| b.text().chars())) {
            match c as u32 {
                0x3040..=0x30FF => kana += 1,
                0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
                _ if crate::parse::text::is_han(c) => han += 1,
                _ if c.is_alphabetic() => latin += 1,
                _ => {}
            }
        }
    }
    let cjk = han + kana + hangul;
    match () {
        _ if cjk * 3 <= latin => "en".into(),
        _ if hangul * 2 > cjk => "ko".into(),
        _ if kana * 10 > cjk => "ja".into(),
        _ => "zh".into(),
    }
}

/// A closing credit as papers print it: `（新华社）` in Chinese text,
/// `— Staff report` otherwise.
pub fn credit(c: &str) -> String {
    if c.chars().any(crate::parse::text::is_han) { format!("（{c}）") } else { format!("— {c}") }
}
