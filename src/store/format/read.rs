//! The state files read back from their parsed tables entry by entry, so
//! one bad entry costs only itself, and every problem is noted.

use crate::model::{ArticleId, Bookmark, Element, LastOpen, Pos};
use crate::store::state::{BookmarkEntry, Bookmarks, Mark, PositionEntries, ReadMark, ReadMarks, Stamped, put};
use jiff::Timestamp;
use toml::{Table, Value};

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

pub(super) fn as_element(v: &Value) -> Option<Element> {
    let s = v.as_str()?;
    let numbered = |prefix: &str| s.strip_prefix(prefix).and_then(|n| n.parse::<usize>().ok());
    match s {
        "kicker" => Some(Element::Kicker),
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
    let bookmarked = f.optional("bookmarked", as_time, "a date-time with an offset");
    let (added, changed) = match (added, changed) {
        (Some(a), Some(c)) => (a, c),
        (Some(t), None) | (None, Some(t)) => (t, t),
        (None, None) => return None,
    };
    let bookmark = Bookmark { id: id.clone(), headline, section, issue, date, source, added: Some(added), note };
    // Written only when a note changed after the bookmarking.
    let bookmarked = Some(bookmarked.unwrap_or(changed));
    Some(BookmarkEntry { changed, mark: Mark::Bookmarked(bookmark), id, extra: f.table.into(), bookmarked })
}

fn removed_from(table: Table, n: usize, problems: &mut Vec<String>) -> Option<BookmarkEntry> {
    let mut f = Fields { table, what: format!("removed {n}"), problems };
    let id = ArticleId(f.string("id")?);
    f.what = format!("removed {id}");
    let changed = f.time("changed")?;
    let bookmarked = f.optional("bookmarked", as_time, "a date-time with an offset");
    Some(BookmarkEntry { changed, mark: Mark::Removed, id, extra: f.table.into(), bookmarked })
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
                Some(at) => put(&mut r.marks, ArticleId(id), ReadMark { at, read }),
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
    Some(Stamped { updated, value: value?, extra: f.table.into() })
}

/// `positions.toml` from its table (without `version`).
pub(crate) fn positions_from(mut t: Table, problems: &mut Vec<String>) -> PositionEntries {
    let mut p = PositionEntries::default();
    if let Some(last) = t.remove("last") {
        p.last = stamped_from(last, "last".to_string(), problems, |f| {
            let source = f.string("source");
            let issue = f.string("issue");
            let article = f.string("article");
            let reading = f.optional("pane", as_string, "a string").is_some_and(|p| p == "article");
            let column = f.optional("column", as_offset, "a number").and_then(|c| u16::try_from(c).ok());
            Some(LastOpen { source: source?, issue: issue?, article: ArticleId(article?), reading, column })
        });
    }
    for (k, v) in table(&mut t, "issues", problems) {
        let read = |f: &mut Fields| f.string("article").map(ArticleId);
        if let Some(s) = stamped_from(v, format!("issue {k}"), problems, read) {
            put(&mut p.issues, k, s);
        }
    }
    for (k, v) in table(&mut t, "places", problems) {
        let read = |f: &mut Fields| f.string("source");
        if let Some(s) = stamped_from(v, format!("place {k}"), problems, read) {
            put(&mut p.places, k, s);
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
