//! The three state files as text: written by hand so they read well and
//! every string stays on one line (which keeps damage recovery line-based),
//! read back from a parsed table entry by entry, so one bad entry costs only itself.

use super::state::{BookmarkEntry, Bookmarks, Places, ReadMark, ReadMarks, Stamped, put};
use crate::model::{ArticleId, Bookmark, Element, LastOpen, Pos};
use jiff::Timestamp;
use std::fmt::Write as _;
use toml::{Table, Value};

/// The format version these files are written in.
pub(crate) const VERSION: i64 = 1;

const BOOKMARKS_HEADER: &str = "\
# dubao bookmarks: the articles you bookmarked, newest first.
# dubao rewrites this file after every change; edit it while dubao is closed.
# [[removed]] entries remember bookmarks removed in the last 90 days, so that
# another dubao open at the same time doesn't bring them back.
";

const READ_HEADER: &str = "\
# dubao read marks: the articles you have read, and when.
# dubao rewrites this file after every change; edit it while dubao is closed.
# [unread] remembers articles marked unread again in the last 90 days, so that
# another dubao open at the same time doesn't mark them read.
";

const POSITIONS_HEADER: &str = "\
# dubao reading positions: the last article open, the last article of each
# issue, and where each article was scrolled to (a place in its text).
# dubao rewrites this file after every change; edit it while dubao is closed.
";

// ---- writing ----

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
fn key(s: &str) -> String {
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

fn element(e: Element) -> String {
    match e {
        Element::Headline => "headline".to_string(),
        Element::Deck(n) => format!("deck:{n}"),
        Element::Byline => "byline".to_string(),
        Element::Block(n) => format!("block:{n}"),
        Element::Attribution => "attribution".to_string(),
    }
}

/// One `[[bookmark]]` or `[[removed]]` entry.
pub(crate) fn bookmark_entry(e: &BookmarkEntry) -> String {
    let mut out = String::new();
    match &e.bookmark {
        Some(b) => {
            let _ = writeln!(out, "[[bookmark]]\nid = {}\nheadline = {}", quote(&b.id.0), quote(&b.headline));
            let _ = writeln!(out, "section = {}\nissue = {}", quote(&b.section), quote(&b.issue));
            if let Some(d) = b.date {
                let _ = writeln!(out, "date = {}", date(d));
            }
            let _ = writeln!(out, "source = {}", quote(&b.source));
            let _ = writeln!(out, "added = {}", time(b.added.unwrap_or(e.changed)));
            let _ = writeln!(out, "changed = {}", time(e.changed));
            let _ = writeln!(out, "note = {}", quote(&b.note));
        }
        None => {
            let _ = writeln!(out, "[[removed]]\nid = {}\nchanged = {}", quote(&e.id.0), time(e.changed));
        }
    }
    extra_lines(&mut out, &e.extra);
    out
}

/// The `[last]` table.
pub(crate) fn last_table(s: &Stamped<LastOpen>) -> String {
    let v = &s.value;
    let mut out = format!("[last]\nsource = {}\nissue = {}\n", quote(&v.source), quote(&v.issue));
    let _ = writeln!(out, "article = {}\nupdated = {}", quote(&v.article.0), time(s.updated));
    extra_lines(&mut out, &s.extra);
    out
}

/// The value of an `[issues]` line.
pub(crate) fn issue_value(s: &Stamped<ArticleId>) -> String {
    let mut out = format!("{{ article = {}, updated = {}", quote(&s.value.0), time(s.updated));
    extra_pairs(&mut out, &s.extra);
    out.push_str(" }");
    out
}

/// The value of an `[anchors]` line; empty when the offset can't be a TOML integer.
pub(crate) fn anchor_value(s: &Stamped<Pos>) -> String {
    let Ok(offset) = i64::try_from(s.value.offset) else { return String::new() };
    let mut out =
        format!("{{ element = {}, offset = {offset}, updated = {}", quote(&element(s.value.element)), time(s.updated));
    extra_pairs(&mut out, &s.extra);
    out.push_str(" }");
    out
}

/// `bookmarks.toml`.
pub(crate) fn render_bookmarks(b: &Bookmarks) -> String {
    let mut out = preamble(BOOKMARKS_HEADER, &b.extra);
    let mut live: Vec<&BookmarkEntry> = b.entries.values().filter(|e| e.bookmark.is_some()).collect();
    let newest_first = |e: &&BookmarkEntry| {
        let added = e.bookmark.as_ref().and_then(|b| b.added).unwrap_or(e.changed);
        std::cmp::Reverse(added)
    };
    live.sort_by_key(newest_first);
    for e in live.into_iter().chain(b.entries.values().filter(|e| e.bookmark.is_none())) {
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
pub(crate) fn render_positions(p: &Places) -> String {
    let mut out = preamble(POSITIONS_HEADER, &p.extra);
    if let Some(last) = &p.last {
        out.push('\n');
        out.push_str(&last_table(last));
    }
    out.push_str("\n[issues]\n");
    for (k, s) in &p.issues {
        let _ = writeln!(out, "{} = {}", key(k), issue_value(s));
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

// ---- reading ----

/// Takes an entry's fields one by one, noting what is missing or mistyped;
/// what is left at the end are the fields this version doesn't know.
struct Fields<'p> {
    table: Table,
    what: String,
    problems: &'p mut Vec<String>,
}

impl Fields<'_> {
    fn problem(&mut self, text: String) {
        self.problems.push(format!("{}: {text}", self.what));
    }

    /// The field if present and of the right kind.
    fn optional<T>(&mut self, k: &str, conv: fn(&Value) -> Option<T>, kind: &str) -> Option<T> {
        let value = self.table.remove(k)?;
        let converted = conv(&value);
        if converted.is_none() {
            self.problem(format!("`{k}` is not {kind}"));
        }
        converted
    }

    /// The field, noting its absence as a problem.
    fn required<T>(&mut self, k: &str, conv: fn(&Value) -> Option<T>, kind: &str) -> Option<T> {
        if !self.table.contains_key(k) {
            self.problem(format!("no `{k}`"));
            return None;
        }
        self.optional(k, conv, kind)
    }

    fn string(&mut self, k: &str) -> Option<String> {
        self.required(k, as_string, "a string")
    }

    fn time(&mut self, k: &str) -> Option<Timestamp> {
        self.required(k, as_time, "a date-time with an offset")
    }
}

fn as_string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn as_time(v: &Value) -> Option<Timestamp> {
    match v {
        Value::Datetime(d) => d.to_string().parse().ok(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn as_date(v: &Value) -> Option<jiff::civil::Date> {
    match v {
        Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string().parse().ok(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn as_offset(v: &Value) -> Option<usize> {
    v.as_integer().and_then(|i| usize::try_from(i).ok())
}

fn as_element(v: &Value) -> Option<Element> {
    let s = v.as_str()?;
    let numbered = |prefix: &str| s.strip_prefix(prefix).and_then(|n| n.parse::<usize>().ok());
    match s {
        "headline" => Some(Element::Headline),
        "byline" => Some(Element::Byline),
        "attribution" => Some(Element::Attribution),
        _ => numbered("deck:").map(Element::Deck).or_else(|| numbered("block:").map(Element::Block)),
    }
}

/// The tables of a `[[name]]` list; anything else there is a problem.
fn list(t: &mut Table, name: &str, problems: &mut Vec<String>) -> Vec<Table> {
    match t.remove(name) {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let mut tables = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::Table(table) => tables.push(table),
                    _ => problems.push(format!("{name} {}: not a table", i + 1)),
                }
            }
            tables
        }
        Some(_) => {
            problems.push(format!("`{name}` is not a list of tables"));
            Vec::new()
        }
    }
}

/// The table under `[name]`; anything else there is a problem.
fn table(t: &mut Table, name: &str, problems: &mut Vec<String>) -> Table {
    match t.remove(name) {
        None => Table::new(),
        Some(Value::Table(table)) => table,
        Some(_) => {
            problems.push(format!("`{name}` is not a table"));
            Table::new()
        }
    }
}

fn bookmark_from(table: Table, n: usize, problems: &mut Vec<String>) -> Option<BookmarkEntry> {
    let mut f = Fields { table, what: format!("bookmark {n}"), problems };
    let id = ArticleId(f.string("id")?);
    f.what = format!("bookmark {id}");
    let headline = f.string("headline").unwrap_or_default();
    let section = f.string("section").unwrap_or_default();
    let issue = f.string("issue").unwrap_or_default();
    let date = f.optional("date", as_date, "a date");
    let source = f.string("source").unwrap_or_default();
    let added = f.time("added");
    let changed = f.time("changed");
    let note = f.string("note").unwrap_or_default();
    let (added, changed) = match (added, changed) {
        (Some(a), Some(c)) => (a, c),
        (Some(t), None) | (None, Some(t)) => (t, t),
        (None, None) => return None,
    };
    let bookmark = Bookmark { id: id.clone(), headline, section, issue, date, source, added: Some(added), note };
    Some(BookmarkEntry { id, bookmark: Some(bookmark), changed, extra: f.table })
}

fn removed_from(table: Table, n: usize, problems: &mut Vec<String>) -> Option<BookmarkEntry> {
    let mut f = Fields { table, what: format!("removed {n}"), problems };
    let id = ArticleId(f.string("id")?);
    f.what = format!("removed {id}");
    let changed = f.time("changed")?;
    Some(BookmarkEntry { id, bookmark: None, changed, extra: f.table })
}

/// `bookmarks.toml` from its table (without `version`).
pub(crate) fn bookmarks_from(mut t: Table, problems: &mut Vec<String>) -> Bookmarks {
    let mut b = Bookmarks::default();
    for (i, table) in list(&mut t, "bookmark", problems).into_iter().enumerate() {
        if let Some(e) = bookmark_from(table, i + 1, problems) {
            put(&mut b.entries, e.id.clone(), e);
        }
    }
    for (i, table) in list(&mut t, "removed", problems).into_iter().enumerate() {
        if let Some(e) = removed_from(table, i + 1, problems) {
            put(&mut b.entries, e.id.clone(), e);
        }
    }
    b.extra = t;
    b
}

/// `read.toml` from its table (without `version`).
pub(crate) fn read_from(mut t: Table, problems: &mut Vec<String>) -> ReadMarks {
    let mut r = ReadMarks::default();
    for (name, read) in [("read", true), ("unread", false)] {
        for (id, v) in table(&mut t, name, problems) {
            match as_time(&v) {
                Some(at) => put(&mut r.marks, ArticleId(id), ReadMark { read, at }),
                None => problems.push(format!("{name} {id}: not a date-time with an offset")),
            }
        }
    }
    r.extra = t;
    r
}

fn stamped_from<T>(
    value: Value,
    what: String,
    problems: &mut Vec<String>,
    read: impl FnOnce(&mut Fields) -> Option<T>,
) -> Option<Stamped<T>> {
    let Value::Table(table) = value else {
        problems.push(format!("{what}: not a table"));
        return None;
    };
    let mut f = Fields { table, what, problems };
    let value = read(&mut f);
    let updated = f.time("updated")?;
    Some(Stamped { value: value?, updated, extra: f.table })
}

/// `positions.toml` from its table (without `version`).
pub(crate) fn positions_from(mut t: Table, problems: &mut Vec<String>) -> Places {
    let mut p = Places::default();
    if let Some(last) = t.remove("last") {
        p.last = stamped_from(last, "last".to_string(), problems, |f| {
            let source = f.string("source");
            let issue = f.string("issue");
            let article = f.string("article");
            Some(LastOpen { source: source?, issue: issue?, article: ArticleId(article?) })
        });
    }
    for (k, v) in table(&mut t, "issues", problems) {
        let read = |f: &mut Fields| f.string("article").map(ArticleId);
        if let Some(s) = stamped_from(v, format!("issue {k}"), problems, read) {
            put(&mut p.issues, k, s);
        }
    }
    for (k, v) in table(&mut t, "anchors", problems) {
        let read = |f: &mut Fields| {
            let element =
                f.required("element", as_element, "an element (headline, deck:N, byline, block:N, attribution)");
            let offset = f.required("offset", as_offset, "a byte offset");
            Some(Pos { element: element?, offset: offset? })
        };
        if let Some(s) = stamped_from(v, format!("anchor {k}"), problems, read) {
            put(&mut p.anchors, ArticleId(k), s);
        }
    }
    p.extra = t;
    p
}

/// One of the three state files.
pub(crate) trait Part: Default + Clone + PartialEq {
    /// The file name.
    const FILE: &'static str;
    /// What its entries are called, one and many.
    const NOUN: (&'static str, &'static str);
    /// Reads the file's table (without `version`), noting problems.
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self;
    /// The file's text.
    fn render(&self) -> String;
    /// Merges another version in; true when the reader would see a difference.
    fn merge(&mut self, other: &Self) -> bool;
    /// Forgets tombstones older than `horizon`.
    fn prune(&mut self, horizon: Timestamp);
    /// How many entries the reader would see.
    fn count(&self) -> usize;
}

impl Part for Bookmarks {
    const FILE: &'static str = "bookmarks.toml";
    const NOUN: (&'static str, &'static str) = ("bookmark", "bookmarks");
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self {
        bookmarks_from(t, problems)
    }
    fn render(&self) -> String {
        render_bookmarks(self)
    }
    fn merge(&mut self, other: &Self) -> bool {
        Bookmarks::merge(self, other)
    }
    fn prune(&mut self, horizon: Timestamp) {
        Bookmarks::prune(self, horizon);
    }
    fn count(&self) -> usize {
        Bookmarks::count(self)
    }
}

impl Part for ReadMarks {
    const FILE: &'static str = "read.toml";
    const NOUN: (&'static str, &'static str) = ("read mark", "read marks");
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self {
        read_from(t, problems)
    }
    fn render(&self) -> String {
        render_read(self)
    }
    fn merge(&mut self, other: &Self) -> bool {
        ReadMarks::merge(self, other)
    }
    fn prune(&mut self, horizon: Timestamp) {
        ReadMarks::prune(self, horizon);
    }
    fn count(&self) -> usize {
        ReadMarks::count(self)
    }
}

impl Part for Places {
    const FILE: &'static str = "positions.toml";
    const NOUN: (&'static str, &'static str) = ("reading position", "reading positions");
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self {
        positions_from(t, problems)
    }
    fn render(&self) -> String {
        render_positions(self)
    }
    fn merge(&mut self, other: &Self) -> bool {
        Places::merge(self, other)
    }
    fn prune(&mut self, _horizon: Timestamp) {}
    fn count(&self) -> usize {
        Places::count(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// Renders a part and reads it back, asserting the text is sound.
    fn round_trip<P: Part + std::fmt::Debug>(part: &P) -> P {
        let text = part.render();
        let (mut table, damage) = super::super::recover::parse(text.as_bytes());
        assert_eq!(damage, None, "{text}");
        assert_eq!(table.remove("version").and_then(|v| v.as_integer()), Some(VERSION));
        let mut problems = Vec::new();
        let back = P::from_table(table, &mut problems);
        assert_eq!(problems, Vec::<String>::new(), "{text}");
        back
    }

    fn read(text: &str) -> (Bookmarks, Vec<String>) {
        let mut table: Table = text.parse().unwrap_or_default();
        table.remove("version");
        let mut problems = Vec::new();
        (bookmarks_from(table, &mut problems), problems)
    }

    fn entry(id: &str, headline: &str, note: &str, extra: Table) -> BookmarkEntry {
        let id = ArticleId(id.to_string());
        let bookmark = Bookmark {
            id: id.clone(),
            headline: headline.to_string(),
            section: "第01版：要闻".into(),
            issue: "东昌府报".into(),
            date: Some(jiff::civil::date(2022, 11, 19)),
            source: "papers/东昌府报 2022-11-19.txt".into(),
            added: Some(t(0)),
            note: note.to_string(),
        };
        BookmarkEntry { id, bookmark: Some(bookmark), changed: t(1), extra }
    }

    #[test]
    fn quoting_keeps_strings_on_one_line() {
        assert_eq!(quote("a\"b\\c\nd\te\u{1f}f\u{7f}"), r#""a\"b\\c\nd\te\u001Ff\u007F""#);
        assert_eq!(quote("山东 “引号”"), "\"山东 “引号”\"");
        assert_eq!(key("1a2b3c4d5e6f"), "1a2b3c4d5e6f");
        assert_eq!(key("清河日报\u{1f}2024-03-08"), "\"清河日报\\u001F2024-03-08\"");
        assert_eq!(key(""), "\"\"");
    }

    #[test]
    fn elements_read_back() {
        for e in [Element::Headline, Element::Deck(2), Element::Byline, Element::Block(31), Element::Attribution] {
            assert_eq!(as_element(&Value::String(element(e))), Some(e));
        }
        for bad in ["block", "block:", "block:-1", "deck:x", "Headline", ""] {
            assert_eq!(as_element(&Value::String(bad.into())), None, "{bad}");
        }
    }

    #[test]
    fn bookmarks_round_trip_with_removals_and_unknown_fields() {
        let mut extra = Table::new();
        extra.insert("colour".into(), Value::String("red".into()));
        extra.insert("meta".into(), Value::Table(Table::from_iter([("n".to_string(), Value::Integer(3))])));
        let mut b = Bookmarks::default();
        for e in [entry("a", "甲", "", Table::new()), entry("b", "乙", "line one\nline two", extra)] {
            b.entries.insert(e.id.clone(), e);
        }
        let gone = ArticleId("c".into());
        b.entries.insert(gone.clone(), BookmarkEntry { id: gone, bookmark: None, changed: t(2), extra: Table::new() });
        b.extra.insert("future".into(), Value::Array(vec![Value::Integer(1)]));
        assert_eq!(round_trip(&b), b);
    }

    #[test]
    fn read_marks_and_positions_round_trip() {
        let mut r = ReadMarks::default();
        r.marks.insert(ArticleId("a".into()), ReadMark { read: true, at: t(1) });
        r.marks.insert(ArticleId("b".into()), ReadMark { read: false, at: t(2) });
        assert_eq!(round_trip(&r), r);

        let mut p = Places::default();
        let last = LastOpen {
            source: "x.txt".into(),
            issue: "清河日报\u{1f}2024-03-08".into(),
            article: ArticleId("a".into()),
        };
        p.last = Some(Stamped { value: last, updated: t(3), extra: Table::new() });
        let stamp = |value, extra| Stamped { value, updated: t(4), extra };
        let extra = Table::from_iter([("zoom".to_string(), Value::Float(1.5))]);
        p.issues.insert("清河日报\u{1f}2024-03-08".into(), stamp(ArticleId("a".into()), extra.clone()));
        let pos = Pos { element: Element::Block(3), offset: 120 };
        p.anchors.insert(ArticleId("a".into()), Stamped { value: pos, updated: t(5), extra });
        assert_eq!(round_trip(&p), p);
    }

    #[test]
    fn a_written_bookmark_reads_well() {
        let mut b = Bookmarks::default();
        b.entries.insert(ArticleId("a".into()), entry("a", "甲", "", Table::new()));
        let text = render_bookmarks(&b);
        assert!(text.starts_with("# dubao bookmarks"), "{text}");
        assert!(text.contains("\nversion = 1\n"), "{text}");
        assert!(text.contains("\n[[bookmark]]\nid = \"a\"\nheadline = \"甲\"\n"), "{text}");
        assert!(text.contains("\ndate = 2022-11-19\n"), "{text}");
        assert!(text.contains("\nadded = 2027-01-15T08:00:00Z\n"), "{text}");
    }

    #[test]
    fn wrong_types_lose_only_their_entry_and_say_so() {
        let (b, problems) = read(
            r#"
            [[bookmark]]
            id = "ok"
            headline = "h"
            section = "s"
            issue = "i"
            source = "x"
            added = 2027-01-15T08:00:00Z
            changed = 2027-01-15T08:00:00Z
            note = ""
            [[bookmark]]
            id = 7
            [[bookmark]]
            id = "bad-time"
            headline = "h"
            added = "yesterday"
            [[removed]]
            id = "r"
            changed = 2027-01-15
            "#,
        );
        assert_eq!(b.entries.keys().map(|k| k.0.as_str()).collect::<Vec<_>>(), ["ok"]);
        assert_eq!(problems[0], "bookmark 2: `id` is not a string");
        assert!(problems.contains(&"bookmark bad-time: `added` is not a date-time with an offset".to_string()));
        assert!(problems.contains(&"removed r: `changed` is not a date-time with an offset".to_string()));
    }

    #[test]
    fn a_missing_field_is_a_problem_but_the_entry_is_kept() {
        let (b, problems) = read("[[bookmark]]\nid = \"a\"\nheadline = \"h\"\nadded = 2027-01-15T08:00:00Z\n");
        assert_eq!(b.count(), 1);
        assert!(problems.contains(&"bookmark a: no `note`".to_string()), "{problems:?}");
    }

    #[test]
    fn whole_keys_of_the_wrong_kind_are_problems() {
        let (b, problems) = read("bookmark = 3\nremoved = [1]\n");
        assert_eq!(b.count(), 0);
        assert_eq!(problems, ["`bookmark` is not a list of tables", "removed 1: not a table"]);
        let mut problems = Vec::new();
        let table: Table = "read = \"x\"\n[unread]\na = 1".parse().unwrap_or_default();
        let r = read_from(table, &mut problems);
        assert!(r.marks.is_empty());
        assert_eq!(problems, ["`read` is not a table", "unread a: not a date-time with an offset"]);
    }

    #[test]
    fn the_newest_of_duplicate_entries_wins() {
        let (b, _) = read(
            "[[bookmark]]\nid = \"a\"\nheadline = \"h\"\nsection = \"\"\nissue = \"\"\nsource = \"\"\n\
             added = 2027-01-01T00:00:00Z\nchanged = 2027-01-01T00:00:00Z\nnote = \"\"\n\
             [[removed]]\nid = \"a\"\nchanged = 2027-01-02T00:00:00Z\n",
        );
        assert_eq!(b.count(), 0);
    }

    #[test]
    fn offsets_too_big_for_toml_are_left_out_not_written_broken() {
        let mut p = Places::default();
        let pos = Pos { element: Element::Headline, offset: usize::MAX };
        p.anchors.insert(ArticleId("a".into()), Stamped { value: pos, updated: t(0), extra: Table::new() });
        assert!(round_trip(&p).anchors.is_empty());
    }

    #[test]
    fn times_toml_cant_hold_are_written_as_strings() {
        let mut r = ReadMarks::default();
        r.marks.insert(ArticleId("a".into()), ReadMark { read: true, at: Timestamp::MIN });
        r.marks.insert(ArticleId("b".into()), ReadMark { read: true, at: Timestamp::MAX });
        assert_eq!(round_trip(&r), r);
    }

    proptest! {
        #[test]
        fn any_text_round_trips(headline in "(?s).*", note in "(?s).*", section in "\\PC*", id in "[0-9a-f]{12}|.{0,8}") {
            let mut b = Bookmarks::default();
            let mut e = entry(&id, &headline, &note, Table::new());
            if let Some(m) = e.bookmark.as_mut() {
                m.section = section;
            }
            b.entries.insert(e.id.clone(), e);
            prop_assert_eq!(round_trip(&b), b);
        }

        #[test]
        fn any_time_round_trips(secs in -377_705_116_800i64..=253_402_207_199, nanos in 0i32..1_000_000_000) {
            let at = Timestamp::new(secs, nanos).unwrap_or(Timestamp::UNIX_EPOCH);
            let mut r = ReadMarks::default();
            r.marks.insert(ArticleId("a".into()), ReadMark { read: true, at });
            prop_assert_eq!(round_trip(&r), r);
        }
    }
}
