//! The state files as text, written by hand so they read well and every
//! string stays on one line, which keeps damage recovery line-based.

use crate::model::{ArticleId, Element, LastOpen, Pos};
use crate::store::state::{BookmarkEntry, Bookmarks, Mark, PositionEntries, ReadMarks, Stamped};
use jiff::Timestamp;
use std::fmt::Write as _;
use toml::{Table, Value};

/// The format version these files are written in.
pub(crate) const VERSION: i64 = 1;

const BOOKMARKS_HEADER: &str = "\
# dubao bookmarks: the articles you bookmarked, newest first.
# dubao rewrites this file after every change; edit it while dubao is closed.
# [[removed]] entries remember bookmarks removed (for 90 days, the newest
# 1000 for ever), so that another dubao, here or on a machine this file is
# synced with, doesn't bring them back. `bookmarked` says which bookmarking
# an entry is a version of: a removal beats every version of the bookmark it
# removed, whatever the clocks say.
";

const READ_HEADER: &str = "\
# dubao read marks: the articles you have read, and when.
# dubao rewrites this file after every change; edit it while dubao is closed.
# [unread] remembers articles marked unread again (for 90 days, the newest
# 1000 for ever), so that another dubao, here or on a machine this file is
# synced with, doesn't mark them read.
";

const POSITIONS_HEADER: &str = "\
# dubao reading positions: the last article open, the last article of each
# issue, and where each article was scrolled to (a place in its text).
# dubao rewrites this file after every change; edit it while dubao is closed.
";

/// A TOML basic string on one line: quotes, backslashes and control characters escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key, bare when TOML allows it.
pub(super) fn key(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        s.to_string()
    } else {
        quote(s)
    }
}

/// A timestamp as a TOML offset date-time, or a string where TOML can't hold the year.
fn time(ts: Timestamp) -> String {
    let s = ts.to_string();
    if s.parse::<toml::value::Datetime>().is_ok() { s } else { quote(&s) }
}

/// A date as a TOML local date, or a string where TOML can't hold the year.
fn date(d: jiff::civil::Date) -> String {
    let s = d.to_string();
    if s.parse::<toml::value::Datetime>().is_ok() { s } else { quote(&s) }
}

/// A value of a field this version doesn't know, inline.
fn inline(value: &Value) -> Option<String> {
    use serde::Serialize as _;
    let mut out = String::new();
    value.serialize(toml::ser::ValueSerializer::new(&mut out)).ok()?;
    Some(out)
}

/// `key = value` lines for unknown fields.
fn extra_lines(out: &mut String, extra: &Table) {
    for (k, v) in extra {
        if let Some(v) = inline(v) {
            let _ = writeln!(out, "{} = {v}", key(k));
        }
    }
}

/// `, key = value` pairs for unknown fields inside an inline table.
fn extra_pairs(out: &mut String, extra: &Table) {
    for (k, v) in extra {
        if let Some(v) = inline(v) {
            let _ = write!(out, ", {} = {v}", key(k));
        }
    }
}

fn preamble(header: &str, extra: &Table) -> String {
    let mut out = format!("{header}version = {VERSION}\n");
    extra_lines(&mut out, extra);
    out
}

pub(super) fn element(e: Element) -> String {
    match e {
        Element::Kicker => "kicker".to_string(),
        Element::Headline => "headline".to_string(),
        Element::Deck(n) => format!("deck:{n}"),
        Element::Byline => "byline".to_string(),
        Element::Block(n) => format!("block:{n}"),
        Element::Attribution => "attribution".to_string(),
    }
}

/// One `[[bookmark]]` or `[[removed]]` entry.
fn bookmark_entry(e: &BookmarkEntry) -> String {
    let mut out = String::new();
    match &e.mark {
        Mark::Bookmarked(b) => {
            let _ = writeln!(out, "[[bookmark]]\nid = {}\nheadline = {}", quote(&b.id.0), quote(&b.headline));
            let _ = writeln!(out, "section = {}\nissue = {}", quote(&b.section), quote(&b.issue));
            if let Some(d) = b.date {
                let _ = writeln!(out, "date = {}", date(d));
            }
            let _ = writeln!(out, "source = {}", quote(&b.source));
            let _ = writeln!(out, "added = {}", time(b.added.unwrap_or(e.changed)));
            let _ = writeln!(out, "changed = {}", time(e.changed));
            if let Some(t) = e.bookmarked.filter(|t| *t != e.changed) {
                let _ = writeln!(out, "bookmarked = {}", time(t));
            }
            let _ = writeln!(out, "note = {}", quote(&b.note));
        }
        Mark::Removed => {
            let _ = writeln!(out, "[[removed]]\nid = {}\nchanged = {}", quote(&e.id.0), time(e.changed));
            if let Some(t) = e.bookmarked {
                let _ = writeln!(out, "bookmarked = {}", time(t));
            }
        }
    }
    extra_lines(&mut out, &e.extra.0);
    out
}

/// The `[last]` table.
fn last_table(s: &Stamped<LastOpen>) -> String {
    let v = &s.value;
    let mut out = format!("[last]\nsource = {}\nissue = {}\n", quote(&v.source), quote(&v.issue));
    let _ = writeln!(out, "article = {}", quote(&v.article.0));
    if v.reading {
        out.push_str("pane = \"article\"\n");
    }
    if let Some(c) = v.column {
        let _ = writeln!(out, "column = {c}");
    }
    let _ = writeln!(out, "updated = {}", time(s.updated));
    extra_lines(&mut out, &s.extra.0);
    out
}

/// The value of an `[issues]` line.
fn issue_value(s: &Stamped<ArticleId>) -> String {
    let mut out = format!("{{ article = {}, updated = {}", quote(&s.value.0), time(s.updated));
    extra_pairs(&mut out, &s.extra.0);
    out.push_str(" }");
    out
}

/// The value of a `[places]` line.
fn place_value(s: &Stamped<String>) -> String {
    let mut out = format!("{{ source = {}, updated = {}", quote(&s.value), time(s.updated));
    extra_pairs(&mut out, &s.extra.0);
    out.push_str(" }");
    out
}

/// The value of an `[anchors]` line; empty when the offset can't be a TOML integer.
fn anchor_value(s: &Stamped<Pos>) -> String {
    let Ok(offset) = i64::try_from(s.value.offset) else { return String::new() };
    let mut out =
        format!("{{ element = {}, offset = {offset}, updated = {}", quote(&element(s.value.element)), time(s.updated));
    extra_pairs(&mut out, &s.extra.0);
    out.push_str(" }");
    out
}

/// `bookmarks.toml`.
pub(crate) fn render_bookmarks(b: &Bookmarks) -> String {
    let mut out = preamble(BOOKMARKS_HEADER, &b.extra);
    let mut live: Vec<&BookmarkEntry> = b.entries.values().filter(|e| e.bookmark().is_some()).collect();
    let newest_first = |e: &&BookmarkEntry| {
        let added = e.bookmark().and_then(|b| b.added).unwrap_or(e.changed);
        std::cmp::Reverse(added)
    };
    live.sort_by_key(newest_first);
    for e in live.into_iter().chain(b.entries.values().filter(|e| e.bookmark().is_none())) {
        out.push('\n');
        out.push_str(&bookmark_entry(e));
    }
    out
}

/// `read.toml`.
pub(crate) fn render_read(r: &ReadMarks) -> String {
    let mut out = preamble(READ_HEADER, &r.extra);
    for (table, read) in [("read", true), ("unread", false)] {
        let _ = write!(out, "\n[{table}]\n");
        for (id, mark) in r.marks.iter().filter(|(_, m)| m.read == read) {
            let _ = writeln!(out, "{} = {}", key(&id.0), time(mark.at));
        }
    }
    out
}

/// `positions.toml`.
pub(crate) fn render_positions(p: &PositionEntries) -> String {
    let mut out = preamble(POSITIONS_HEADER, &p.extra);
    if let Some(last) = &p.last {
        out.push('\n');
        out.push_str(&last_table(last));
    }
    out.push_str("\n[issues]\n");
    for (k, s) in &p.issues {
        let _ = writeln!(out, "{} = {}", key(k), issue_value(s));
    }
    if !p.places.is_empty() {
        out.push_str("\n[places]\n");
        for (k, s) in &p.places {
            let _ = writeln!(out, "{} = {}", key(k), place_value(s));
        }
    }
    out.push_str("\n[anchors]\n");
    for (id, s) in &p.anchors {
        let value = anchor_value(s);
        if !value.is_empty() {
            let _ = writeln!(out, "{} = {value}", key(&id.0));
        }
    }
    out
}
