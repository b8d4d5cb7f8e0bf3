//! Reading TOML that may be damaged: as much of it as still parses.
//!
//! A state file is a few table headers with `key = value` lines under each.
//! When the whole text doesn't parse, each table (a header line up to the
//! next) is parsed on its own, and within a table that doesn't parse, each
//! line on its own; whatever parses is kept. A file cut off mid-entry so
//! loses only that entry's damaged lines.

use toml::{Table, Value};

/// The bytes of a state file as a table, and why they are damaged if they are.
///
/// The reason names the line where there is one (`line 3: invalid string`).
pub(crate) fn parse(bytes: &[u8]) -> (Table, Option<String>) {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = line_of(bytes, e.valid_up_to());
            // Lines that are not UTF-8 are dropped; the rest keep their places.
            let lines: Vec<&str> = bytes.split(|&b| b == b'\n').filter_map(|l| std::str::from_utf8(l).ok()).collect();
            return (salvage(&lines.join("\n")), Some(format!("line {line}: not UTF-8 text")));
        }
    };
    if text.trim().is_empty() {
        return (Table::new(), Some("the file is empty".to_string()));
    }
    match text.parse::<Table>() {
        Ok(table) => (table, None),
        Err(e) => {
            let message = e.message().lines().next().unwrap_or("not TOML").trim().to_string();
            let reason = match e.span() {
                Some(span) => format!("line {}: {message}", line_of(text.as_bytes(), span.start)),
                None => message,
            };
            (salvage(text), Some(reason))
        }
    }
}

/// The 1-based line holding byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    let at = at.min(bytes.len());
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Where a table header puts the lines under it.
enum Target {
    /// Keys at the top level (the lines before any header).
    Root,
    /// `[a.b]`: into the table at this path.
    Table(Vec<String>),
    /// `[[a.b]]`: a new table appended to the array at this path.
    Item(Vec<String>),
}

/// Everything in `text` that parses, table by table and line by line.
fn salvage(text: &str) -> Table {
    let mut chunks: Vec<(Option<&str>, Vec<&str>)> = vec![(None, Vec::new())];
    for line in text.lines() {
        if line.trim_start().starts_with('[') {
            chunks.push((Some(line), Vec::new()));
        } else if let Some((_, body)) = chunks.last_mut() {
            body.push(line);
        }
    }
    let mut out = Table::new();
    for (header, body) in chunks {
        let target = match header {
            None => Target::Root,
            Some(header) => match header_target(header) {
                Some(target) => target,
                None => continue,
            },
        };
        insert(&mut out, target, parse_body(&body));
    }
    out
}

/// The target of a header line, if the line is a well-formed header.
fn header_target(header: &str) -> Option<Target> {
    let parsed: Table = header.parse().ok()?;
    let mut path = Vec::new();
    let mut table = &parsed;
    loop {
        // A header alone parses to a chain of single-key tables.
        let (key, value) = table.iter().next()?;
        path.push(key.clone());
        match value {
            Value::Table(t) if t.is_empty() => return Some(Target::Table(path)),
            Value::Table(t) => table = t,
            Value::Array(items) => match items.as_slice() {
                [Value::Table(t)] if t.is_empty() => return Some(Target::Item(path)),
                _ => return None,
            },
            _ => return None,
        }
    }
}

/// The lines of one table: all at once if they parse, else each that parses alone.
fn parse_body(lines: &[&str]) -> Table {
    if let Ok(table) = lines.join("\n").parse::<Table>() {
        return table;
    }
    let mut table = Table::new();
    for line in lines {
        if let Ok(one) = line.parse::<Table>() {
            merge_first_wins(&mut table, one);
        }
    }
    table
}

/// Adds `from`'s keys to `into`, keeping what `into` already has.
fn merge_first_wins(into: &mut Table, from: Table) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (None, value) => {
                into.insert(key, value);
            }
            (Some(Value::Table(existing)), Value::Table(more)) => merge_first_wins(existing, more),
            _ => {}
        }
    }
}

/// Puts a table's salvaged body where its header says.
fn insert(out: &mut Table, target: Target, body: Table) {
    match target {
        Target::Root => merge_first_wins(out, body),
        Target::Table(path) => {
            if let Some(table) = table_at(out, &path) {
                merge_first_wins(table, body);
            }
        }
        Target::Item(path) => {
            let Some((last, parents)) = path.split_last() else { return };
            let Some(parent) = table_at(out, parents) else { return };
            let slot = parent.entry(last.clone()).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = slot {
                items.push(Value::Table(body));
            }
        }
    }
}

/// The table at `path`, created where missing; through an array, its last item.
fn table_at<'a>(mut table: &'a mut Table, path: &[String]) -> Option<&'a mut Table> {
    for key in path {
        let slot = table.entry(key.clone()).or_insert_with(|| Value::Table(Table::new()));
        table = match slot {
            Value::Table(t) => t,
            Value::Array(items) => match items.last_mut() {
                Some(Value::Table(t)) => t,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Table {
        let (table, reason) = parse(text.as_bytes());
        assert_eq!(reason, None);
        table
    }

    #[test]
    fn sound_text_parses_whole() {
        let t = ok("version = 1\n[[b]]\nid = \"x\"\n");
        assert_eq!(t["version"].as_integer(), Some(1));
        assert_eq!(t["b"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn a_bom_is_not_damage() {
        assert_eq!(ok("\u{feff}version = 1")["version"].as_integer(), Some(1));
    }

    #[test]
    fn empty_text_is_damage() {
        assert_eq!(parse(b"").1.as_deref(), Some("the file is empty"));
        assert_eq!(parse(b" \n\n").1.as_deref(), Some("the file is empty"));
    }

    #[test]
    fn a_cut_entry_loses_only_its_damaged_line() {
        let text = "version = 1\n[[b]]\nid = \"x\"\n[[b]]\nid = \"y\"\nheadline = \"cut";
        let (t, reason) = parse(text.as_bytes());
        assert!(reason.as_deref().is_some_and(|r| r.starts_with("line 6: ")), "{reason:?}");
        let items = t["b"].as_array().cloned().unwrap_or_default();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].get("id").and_then(Value::as_str), Some("y"));
        assert_eq!(items[1].get("headline"), None);
    }

    #[test]
    fn lines_of_a_table_are_kept_one_by_one() {
        let text = "version = 1\n[read]\na = 1\nb = = 2\nc = 3\n[other]\nd = 4\n";
        let (t, reason) = parse(text.as_bytes());
        assert!(reason.as_deref().is_some_and(|r| r.starts_with("line 4: ")), "{reason:?}");
        let read = t["read"].as_table().cloned().unwrap_or_default();
        assert_eq!(read.keys().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(t["other"]["d"].as_integer(), Some(4));
    }

    #[test]
    fn a_damaged_header_drops_its_table() {
        let (t, reason) = parse(b"version = 1\n[read\na = 1\n[ok]\nb = 2\n");
        assert!(reason.is_some());
        assert!(t.get("read").is_none());
        assert_eq!(t["ok"]["b"].as_integer(), Some(2));
    }

    #[test]
    fn dotted_and_nested_headers_land_in_place() {
        let (t, _) = parse(b"x = = 1\n[a.b]\nc = 1\n[[a.list]]\nd = 1\n[[a.list]]\nd = 2\n");
        assert_eq!(t["a"]["b"]["c"].as_integer(), Some(1));
        assert_eq!(t["a"]["list"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn duplicate_keys_keep_the_first() {
        let (t, reason) = parse(b"version = 1\n[read]\na = 1\na = 2\n");
        assert!(reason.is_some());
        assert_eq!(t["read"]["a"].as_integer(), Some(1));
    }

    #[test]
    fn invalid_utf8_drops_only_its_line() {
        let mut bytes = b"version = 1\n[read]\na = 1\nb = \"".to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(b"\"\nc = 3\n");
        let (t, reason) = parse(&bytes);
        assert_eq!(reason.as_deref(), Some("line 4: not UTF-8 text"));
        let read = t["read"].as_table().cloned().unwrap_or_default();
        assert_eq!(read.keys().collect::<Vec<_>>(), ["a", "c"]);
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep =
            format!("a = {}\n[b.{}c]\nd = {{{}", "[".repeat(100_000), "x.".repeat(50_000), "e = {".repeat(50_000));
        let (_, reason) = parse(deep.as_bytes());
        assert!(reason.is_some());
    }

    #[test]
    fn garbage_never_panics() {
        for bytes in [&b"\0\0\0"[..], b"[[[[", b"]]]", b"[a]\n[[a]]\nx=1", b"[[a]]\n[a.b]\n[a]\nx", b"a = [\n[1]\n"] {
            let (table, damage) = parse(bytes);
            assert!(damage.is_some(), "{bytes:?} is said to be damaged");
            // What is recovered is a table TOML can write and read back as it is.
            let again: Table = table.to_string().parse().unwrap_or_default();
            assert_eq!(again, table, "{bytes:?}");
        }
    }
}
