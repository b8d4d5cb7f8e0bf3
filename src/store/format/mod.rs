//! The three state files' formats: [`write`] renders them, [`read`] reads
//! them back, nothing else. [`Stored`] is what makes a [`Part`] a file.

mod read;
mod write;

use super::state::{Bookmarks, Part, PositionEntries, ReadMarks};
use toml::Table;
pub(crate) use write::VERSION;

/// A part of what is kept as one of the three state files.
pub(crate) trait Stored: Part {
    /// The file name.
    const FILE: &'static str;
    /// Reads the file's table (without `version`), noting problems.
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self;
    /// The file's text.
    fn render(&self) -> String;
}

impl Stored for Bookmarks {
    const FILE: &'static str = "bookmarks.toml";
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self {
        read::bookmarks_from(t, problems)
    }
    fn render(&self) -> String {
        write::render_bookmarks(self)
    }
}

impl Stored for ReadMarks {
    const FILE: &'static str = "read.toml";
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self {
        read::read_from(t, problems)
    }
    fn render(&self) -> String {
        write::render_read(self)
    }
}

impl Stored for PositionEntries {
    const FILE: &'static str = "positions.toml";
    fn from_table(t: Table, problems: &mut Vec<String>) -> Self {
        read::positions_from(t, problems)
    }
    fn render(&self) -> String {
        write::render_positions(self)
    }
}

#[cfg(test)]
mod tests {
    use super::read::{as_element, bookmarks_from, read_from};
    use super::write::{element, key, quote, render_bookmarks};
    use super::*;
    use crate::model::{ArticleId, Bookmark, Element, LastOpen, Pos};
    use crate::store::state::{BookmarkEntry, Mark, ReadMark, Stamped};
    use jiff::Timestamp;
    use proptest::prelude::*;
    use toml::Value;

    fn t(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// Renders a part and reads it back, asserting the text is sound.
    fn round_trip<P: Stored + std::fmt::Debug>(part: &P) -> P {
        let text = part.render();
        let (mut table, damage) = crate::store::recover::parse(text.as_bytes());
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
        BookmarkEntry {
            changed: t(1),
            mark: Mark::Bookmarked(bookmark),
            id,
            extra: extra.into(),
            bookmarked: Some(t(1)),
        }
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
        let removed = BookmarkEntry {
            changed: t(2),
            mark: Mark::Removed,
            id: gone.clone(),
            extra: Default::default(),
            bookmarked: Some(t(0)),
        };
        b.entries.insert(gone, removed);
        // A bookmark whose note changed after it was bookmarked says when it was.
        let mut noted = entry("d", "丁", "later", Table::new());
        noted.changed = t(5);
        b.entries.insert(noted.id.clone(), noted);
        b.extra.insert("future".into(), Value::Array(vec![Value::Integer(1)]));
        assert_eq!(round_trip(&b), b);
    }

    #[test]
    fn read_marks_and_positions_round_trip() {
        let mut r = ReadMarks::default();
        r.marks.insert(ArticleId("a".into()), ReadMark { read: true, at: t(1) });
        r.marks.insert(ArticleId("b".into()), ReadMark { read: false, at: t(2) });
        assert_eq!(round_trip(&r), r);

        let mut p = PositionEntries::default();
        let last = LastOpen {
            source: "x.txt".into(),
            issue: "清河日报\u{1f}2024-03-08".into(),
            article: ArticleId("a".into()),
            reading: true,
            column: Some(64),
        };
        p.last = Some(Stamped { updated: t(3), value: last, extra: Default::default() });
        let stamp = |value, extra: Table| Stamped { updated: t(4), value, extra: extra.into() };
        let extra = Table::from_iter([("zoom".to_string(), Value::Float(1.5))]);
        p.issues.insert("清河日报\u{1f}2024-03-08".into(), stamp(ArticleId("a".into()), extra.clone()));
        let pos = Pos { element: Element::Block(3), offset: 120 };
        p.anchors.insert(ArticleId("a".into()), Stamped { updated: t(5), value: pos, extra: extra.into() });
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
        let mut p = PositionEntries::default();
        let pos = Pos { element: Element::Headline, offset: usize::MAX };
        p.anchors.insert(ArticleId("a".into()), Stamped { updated: t(0), value: pos, extra: Default::default() });
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
            if let Mark::Bookmarked(m) = &mut e.mark {
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
