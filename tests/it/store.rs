//! The state store on a real (temporary) directory: saving and loading,
//! atomic writes, two readers at once, damaged files, read-only directories.

use dubao::model::{ArticleId, Bookmark, Change, Element, LastOpen, Pos, Positions};
use dubao::store::{self, Loaded, Store};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

/// A fixed instant plus `secs`, so every test is deterministic.
fn t(secs: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + secs).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn id(s: &str) -> ArticleId {
    ArticleId(s.to_string())
}

fn bm(s: &str) -> Bookmark {
    Bookmark {
        id: id(s),
        headline: format!("山东省深化新旧动能转换 {s}"),
        section: "第01版：要闻".into(),
        issue: "东昌府报".into(),
        date: Some(jiff::civil::date(2022, 11, 19)),
        source: "papers/东昌府报.txt".into(),
        added: None,
        note: String::new(),
    }
}

fn pos(block: usize, offset: usize) -> Pos {
    Pos { element: Element::Block(block), offset }
}

fn open(dir: &Path, now: Timestamp) -> (Store, Vec<String>) {
    let (store, messages) = Store::open(Some(dir.to_path_buf()), now);
    (store, crate::common::said(messages))
}

/// Opens a store that must come up without messages.
fn open_quiet(dir: &Path, now: Timestamp) -> Store {
    let (store, messages) = open(dir, now);
    assert_eq!(messages, Vec::<String>::new());
    store
}

/// The file names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

fn text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded.bookmarks.keys().map(|k| k.0.as_str()).collect()
}

/// A store with some of everything in it, saved.
fn filled(dir: &Path) -> Store {
    let mut s = open_quiet(dir, t(0));
    s.record(&Change::Bookmark(bm("a1")), t(1));
    s.record(&Change::Bookmark(bm("b2")), t(2));
    s.record(&Change::Note(id("b2"), "读完再看 \"quoted\"\nsecond line".into()), t(3));
    s.record(&Change::Bookmark(bm("c3")), t(4));
    s.record(&Change::Unbookmark(id("c3")), t(5));
    s.record(&Change::Read(id("a1"), true), t(6));
    s.record(&Change::Read(id("b2"), true), t(7));
    s.record(&Change::Read(id("b2"), false), t(8));
    let mut p = Positions {
        last: Some(LastOpen {
            source: "papers/东昌府报.txt".into(),
            issue: "东昌府报\u{1f}2022-11-19".into(),
            article: id("a1"),
            reading: true,
            column: Some(72),
        }),
        ..Positions::default()
    };
    p.issues.insert("东昌府报\u{1f}2022-11-19".into(), id("a1"));
    p.anchors.insert(id("a1"), pos(3, 120));
    p.anchors.insert(id("b2"), Pos { element: Element::Headline, offset: 0 });
    p.places.insert("/papers/a + /papers/b \"c\"".into(), "papers/东昌府报.txt".into());
    s.set_positions(&p, t(9));
    assert!(s.is_dirty());
    assert_eq!(s.save(t(10)).ok(), Some(false));
    assert!(!s.is_dirty());
    s
}

#[test]
fn what_is_saved_is_what_the_next_session_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = filled(dir.path());
    let loaded = s.loaded();
    assert_eq!(ids(&loaded), ["a1", "b2"]);
    assert_eq!(loaded.bookmarks[&id("a1")].added, Some(t(1)));
    assert_eq!(loaded.bookmarks[&id("b2")].note, "读完再看 \"quoted\"\nsecond line");
    assert_eq!(loaded.read, [id("a1")].into_iter().collect::<std::collections::HashSet<_>>());
    assert_eq!(loaded.positions.anchors[&id("a1")], pos(3, 120));
    assert_eq!(loaded.positions.places["/papers/a + /papers/b \"c\""], "papers/东昌府报.txt");

    let again = open_quiet(dir.path(), t(20));
    assert_eq!(again.loaded(), loaded);
    assert!(!again.is_dirty());
    let listed: Vec<String> = again.bookmarks().into_iter().map(|b| b.id.0).collect();
    assert_eq!(listed, ["b2", "a1"], "newest first");
}

#[test]
fn the_files_say_what_they_are_and_their_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    filled(dir.path());
    for name in ["bookmarks.toml", "read.toml", "positions.toml"] {
        let text = text(&dir.path().join(name));
        assert!(text.starts_with("# dubao "), "{name}:\n{text}");
        assert!(text.contains("\nversion = 1\n"), "{name}:\n{text}");
    }
    let positions = text(&dir.path().join("positions.toml"));
    assert!(positions.contains("a1 = { element = \"block:3\", offset = 120, updated = "), "{positions}");
    assert!(positions.contains("\n[places]\n\"/papers/a + /papers/b \\\"c\\\"\" = { source = "), "{positions}");
}

#[test]
fn saving_leaves_no_temp_files_and_replaces_the_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = filled(dir.path());
    assert_eq!(names(dir.path()), [".dubao.lock", "bookmarks.toml", "positions.toml", "read.toml"]);
    let before = text(&dir.path().join("bookmarks.toml"));
    s.record(&Change::Bookmark(bm("d4")), t(30));
    assert_eq!(s.save(t(30)).ok(), Some(false));
    let after = text(&dir.path().join("bookmarks.toml"));
    assert!(after.contains("id = \"d4\"") && !before.contains("id = \"d4\""));
    assert_eq!(names(dir.path()), [".dubao.lock", "bookmarks.toml", "positions.toml", "read.toml"]);
}

#[cfg(unix)]
#[test]
fn only_files_that_changed_are_written() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = filled(dir.path());
    let inode = |name: &str| fs::metadata(dir.path().join(name)).map(|m| m.ino()).unwrap_or(0);
    let (b, r) = (inode("bookmarks.toml"), inode("read.toml"));
    s.record(&Change::Read(id("z"), true), t(30));
    assert_eq!(s.save(t(30)).ok(), Some(false));
    assert_eq!(inode("bookmarks.toml"), b, "unchanged file left alone");
    assert_ne!(inode("read.toml"), r, "changed file replaced by rename");
}

#[test]
fn temp_files_a_crashed_writer_left_are_cleaned_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    filled(dir.path());
    fs::write(dir.path().join(".bookmarks.toml.tmp-99999-0"), "half written").expect("write");
    open_quiet(dir.path(), t(20));
    assert_eq!(names(dir.path()), [".dubao.lock", "bookmarks.toml", "positions.toml", "read.toml"]);
}

#[test]
fn two_readers_keep_each_others_changes_and_removals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = open_quiet(dir.path(), t(0));
    let mut b = open_quiet(dir.path(), t(0));

    a.record(&Change::Bookmark(bm("x")), t(1));
    a.record(&Change::Read(id("r"), true), t(1));
    a.set_positions(&Positions { anchors: [(id("p"), pos(1, 0))].into(), ..Positions::default() }, t(1));
    assert_eq!(a.save(t(1)).ok(), Some(false), "nothing from others yet");

    b.record(&Change::Bookmark(bm("y")), t(2));
    assert_eq!(b.save(t(2)).ok(), Some(true), "a's changes merged in");
    assert_eq!(ids(&b.loaded()), ["x", "y"]);

    // a removes x and marks r unread; b, still holding both, saves later.
    a.record(&Change::Unbookmark(id("x")), t(3));
    a.record(&Change::Read(id("r"), false), t(3));
    assert_eq!(a.save(t(3)).ok(), Some(true), "y merged in");
    b.record(&Change::Note(id("y"), "note".into()), t(4));
    b.set_positions(&Positions { anchors: [(id("p"), pos(2, 5))].into(), ..Positions::default() }, t(4));
    assert_eq!(b.save(t(4)).ok(), Some(true));
    assert_eq!(ids(&b.loaded()), ["y"], "removal respected");
    assert!(b.loaded().read.is_empty(), "unread respected");

    // a's older position doesn't undo b's newer one.
    a.set_positions(&Positions { anchors: [(id("q"), pos(9, 9))].into(), ..Positions::default() }, t(5));
    assert_eq!(a.save(t(5)).ok(), Some(true));
    let fresh = open_quiet(dir.path(), t(6)).loaded();
    assert_eq!(fresh, a.loaded());
    assert_eq!(fresh, {
        let _ = b.save(t(6));
        b.loaded()
    });
    assert_eq!(fresh.positions.anchors[&id("p")], pos(2, 5));
    assert_eq!(fresh.positions.anchors[&id("q")], pos(9, 9));
    assert_eq!(fresh.bookmarks[&id("y")].note, "note");
}

#[test]
fn threads_saving_at_once_lose_nothing() {
    const THREADS: usize = 6;
    const EACH: usize = 4;
    let dir = tempfile::tempdir().expect("temp dir");
    let barrier = std::sync::Barrier::new(THREADS);
    std::thread::scope(|scope| {
        for n in 0..THREADS {
            let (dir, barrier) = (dir.path(), &barrier);
            scope.spawn(move || {
                let (mut s, _) = open(dir, t(0));
                barrier.wait();
                for k in 0..EACH {
                    s.record(&Change::Bookmark(bm(&format!("t{n}-{k}"))), t(1));
                    s.save(t(1)).expect("save");
                }
            });
        }
    });
    let loaded = open_quiet(dir.path(), t(2)).loaded();
    assert_eq!(loaded.bookmarks.len(), THREADS * EACH);
}

/// The other half of `processes_saving_at_once_lose_nothing`: run as a child
/// process, it bookmarks a few articles in the directory it is given.
#[test]
fn child_writer() {
    let (Ok(dir), Ok(n)) = (std::env::var("DUBAO_STORE_TEST_DIR"), std::env::var("DUBAO_STORE_TEST_N")) else {
        return;
    };
    let (mut s, _) = open(Path::new(&dir), t(0));
    for k in 0..5 {
        s.record(&Change::Bookmark(bm(&format!("p{n}-{k}"))), t(1));
        s.record(&Change::Read(id(&format!("p{n}-{k}")), true), t(1));
        s.save(t(1)).expect("save");
    }
}

#[test]
fn processes_saving_at_once_lose_nothing() {
    const PROCESSES: usize = 4;
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = (0..PROCESSES)
        .map(|n| {
            std::process::Command::new(&exe)
                .args(["--exact", &crate::common::test_name(module_path!(), "child_writer"), "--test-threads", "1"])
                .env("DUBAO_STORE_TEST_DIR", dir.path())
                .env("DUBAO_STORE_TEST_N", n.to_string())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let loaded = open_quiet(dir.path(), t(2)).loaded();
    assert_eq!(loaded.bookmarks.len(), PROCESSES * 5);
    assert_eq!(loaded.read.len(), PROCESSES * 5);
}

/// Writes `bytes` as `name` in a fresh directory, opens a store there and
/// returns the one message, the name the file was moved aside to, and the store.
fn open_damaged(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String, String, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), bytes).expect("write");
    let (store, messages) = open(dir.path(), t(0));
    assert_eq!(messages.len(), 1, "{messages:?}");
    let aside = names(dir.path()).into_iter().find(|n| n.starts_with(&format!("{name}.corrupt-"))).unwrap_or_default();
    assert_eq!(aside, format!("{name}.corrupt-20270115T080000"));
    assert_eq!(fs::read(dir.path().join(&aside)).ok().as_deref(), Some(bytes), "original bytes kept");
    assert!(!dir.path().join(name).exists());
    let message = messages.into_iter().next().unwrap_or_default();
    assert!(message.starts_with(&format!("{name} could not be read; moved aside to {aside} (")), "{message}");
    (dir, message, aside, store)
}

#[test]
fn garbage_is_moved_aside_and_never_overwritten() {
    let (dir, message, aside, mut store) = open_damaged("bookmarks.toml", b"\x00\x01garbage{{{ not toml\n\xff\n");
    assert!(message.contains(" (line 2: not UTF-8 text); "), "{message}");
    assert!(message.ends_with("; 0 bookmarks recovered"), "{message}");
    assert!(!store.is_dirty(), "nothing was recovered, so nothing waits to be saved");
    assert_eq!(store.save(t(1)).ok(), Some(false));
    assert!(text(&dir.path().join("bookmarks.toml")).contains("version = 1"));
    assert!(dir.path().join(aside).exists());
}

#[test]
fn a_truncated_file_loses_only_the_cut_entry() {
    let dir = tempfile::tempdir().expect("temp dir");
    filled(dir.path());
    let full = fs::read(dir.path().join("bookmarks.toml")).expect("read");
    let text = String::from_utf8_lossy(&full);
    // Cut inside the last bookmark's headline (bookmarks are written newest first).
    let last = text.rfind("headline = \"").expect("a headline") + "headline = \"山东".len();
    let (_dir, message, _, store) = open_damaged("bookmarks.toml", &full[..last]);
    assert!(message.ends_with("; 1 bookmark recovered"), "{message}");
    assert_eq!(ids(&store.loaded()), ["b2"]);
    assert_eq!(store.unsaved().bookmarks, [id("b2")].into(), "what was recovered is to be written");

    let read = fs::read(dir.path().join("read.toml")).expect("read");
    // Cut mid-line, leaving `b2 = 2027-01-15T08:00`: TOML, but a time without an offset.
    let cut = read.len() - 5;
    let (_dir, message, _, store) = open_damaged("read.toml", &read[..cut]);
    assert!(message.contains(" (unread b2: "), "{message}");
    assert!(message.ends_with("; 1 read mark recovered"), "{message}");
    // The cut line was the last one: the unread mark of b2. a1 stays read.
    assert_eq!(store.loaded().read, [id("a1")].into_iter().collect::<std::collections::HashSet<_>>());
}

/// Where the line starting at the first match of `from` ends (the bytes up
/// to it make the entry complete), searching on to the first `last` line.
fn entry_end(text: &str, from: &str, last: &str) -> usize {
    let start = text.find(from).unwrap_or(text.len());
    let last = text[start..].find(last).map_or(text.len(), |i| start + i + 1);
    text[last..].find('\n').map_or(text.len(), |i| last + i)
}

#[test]
fn a_file_cut_anywhere_keeps_every_entry_written_before_the_cut() {
    let source = tempfile::tempdir().expect("temp dir");
    let whole = filled(source.path()).loaded();
    let bookmarks = text(&source.path().join("bookmarks.toml"));
    let read = text(&source.path().join("read.toml"));
    let positions = text(&source.path().join("positions.toml"));
    let bookmark_ends: Vec<_> =
        whole.bookmarks.keys().map(|k| (k, entry_end(&bookmarks, &format!("\nid = \"{k}\""), "\nnote = "))).collect();
    let read_ends: Vec<_> = whole.read.iter().map(|k| (k, entry_end(&read, &format!("\n{k} = "), "\n"))).collect();
    let anchor_ends: Vec<_> =
        whole.positions.anchors.keys().map(|k| (k, entry_end(&positions, &format!("\n{k} = {{"), "\n"))).collect();
    assert!(bookmark_ends.iter().all(|(_, end)| *end < bookmarks.len()) && bookmark_ends.len() == 2);
    assert!(read_ends.iter().all(|(_, end)| *end < read.len()) && read_ends.len() == 1);
    assert!(anchor_ends.iter().all(|(_, end)| *end < positions.len()) && anchor_ends.len() == 2);
    for (name, full) in [("bookmarks.toml", &bookmarks), ("read.toml", &read), ("positions.toml", &positions)] {
        for cut in 0..full.len() {
            let dir = tempfile::tempdir().expect("temp dir");
            fs::write(dir.path().join(name), &full.as_bytes()[..cut]).expect("write");
            let (store, messages) = open(dir.path(), t(20));
            let loaded = store.loaded();
            let lost = |k: &ArticleId| format!("{name} cut at {cut} lost {k}: {messages:?}");
            match name {
                "bookmarks.toml" => bookmark_ends
                    .iter()
                    .filter(|(_, end)| cut >= *end)
                    .for_each(|(k, _)| assert_eq!(loaded.bookmarks.get(k), whole.bookmarks.get(k), "{}", lost(k))),
                "read.toml" => read_ends
                    .iter()
                    .filter(|(_, end)| cut >= *end)
                    .for_each(|(k, _)| assert!(loaded.read.contains(k), "{}", lost(k))),
                _ => anchor_ends.iter().filter(|(_, end)| cut >= *end).for_each(|(k, _)| {
                    assert_eq!(loaded.positions.anchors.get(k), whole.positions.anchors.get(k), "{}", lost(k))
                }),
            }
        }
    }
}

#[test]
fn wrong_types_are_moved_aside_keeping_the_sound_entries() {
    let bytes =
        b"version = 1\n[read]\naaa = 2027-01-15T08:00:00Z\nbbb = 5\nccc = \"not a time\"\nddd = 2027-01-15T08:00:00Z\n";
    let (_dir, message, _, store) = open_damaged("read.toml", bytes);
    assert_eq!(
        message,
        "read.toml could not be read; moved aside to read.toml.corrupt-20270115T080000 \
         (read bbb: not a date-time with an offset; 1 more problems); 2 read marks recovered"
    );
    assert_eq!(store.loaded().read, [id("aaa"), id("ddd")].into_iter().collect::<std::collections::HashSet<_>>());
}

#[test]
fn a_wrong_version_type_is_damage() {
    let (_dir, message, _, _) = open_damaged("positions.toml", b"version = \"one\"\n");
    assert!(message.contains("(`version` is not 1)"), "{message}");
}

#[test]
fn an_empty_file_is_moved_aside() {
    let (_dir, message, _, _) = open_damaged("positions.toml", b"");
    assert_eq!(
        message,
        "positions.toml could not be read; moved aside to positions.toml.corrupt-20270115T080000 \
         (the file is empty); 0 reading positions recovered"
    );
}

#[test]
fn a_directory_in_a_files_place_is_moved_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("read.toml")).expect("mkdir");
    fs::write(dir.path().join("read.toml").join("inside"), "kept").expect("write");
    let (mut store, messages) = open(dir.path(), t(0));
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("read.toml could not be read; moved aside to read.toml.corrupt-20270115T080000 ("),
        "{messages:?}"
    );
    assert_eq!(text(&dir.path().join("read.toml.corrupt-20270115T080000/inside")), "kept");
    store.record(&Change::Read(id("a"), true), t(1));
    assert_eq!(store.save(t(1)).ok(), Some(false));
    assert!(dir.path().join("read.toml").is_file());
}

#[test]
fn a_second_damage_at_the_same_second_gets_its_own_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("read.toml"), "first").expect("write");
    let _ = open(dir.path(), t(0));
    fs::write(dir.path().join("read.toml"), "second").expect("write");
    let (_, messages) = open(dir.path(), t(0));
    assert!(messages[0].contains("moved aside to read.toml.corrupt-20270115T080000-2 ("), "{messages:?}");
    assert_eq!(text(&dir.path().join("read.toml.corrupt-20270115T080000")), "first");
}

#[test]
fn damage_found_while_saving_is_moved_aside_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = filled(dir.path());
    fs::write(dir.path().join("bookmarks.toml"), "[[bookmark]\n").expect("write");
    s.record(&Change::Read(id("n"), true), t(40));
    assert_eq!(s.save(t(40)).ok(), Some(false));
    let messages = crate::common::said(s.take_messages());
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("bookmarks.toml could not be read; moved aside to "), "{messages:?}");
    assert!(messages[0].contains(" (line 1: "), "{messages:?}");
    assert!(s.take_messages().is_empty());
    // This reader's bookmarks were written anew.
    assert_eq!(ids(&open_quiet(dir.path(), t(41)).loaded()), ["a1", "b2"]);
}

#[test]
fn unknown_fields_and_keys_survive_a_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bookmarks = r#"version = 1
sync = "on"

[[bookmark]]
id = "a1"
headline = "h"
section = "s"
issue = "i"
source = "x"
added = 2027-01-15T08:00:00Z
changed = 2027-01-15T08:00:00Z
note = ""
colour = "red"
tags = ["x", "y"]

[[removed]]
id = "gone"
changed = 2027-01-15T08:00:00Z
by = "phone"

[future]
answer = 42
"#;
    let positions = "version = 1\nzoom = 2\n[anchors]\na1 = { element = \"block:1\", offset = 2, updated = 2027-01-15T08:00:00Z, line = 7 }\n";
    fs::write(dir.path().join("bookmarks.toml"), bookmarks).expect("write");
    fs::write(dir.path().join("positions.toml"), positions).expect("write");
    let mut s = open_quiet(dir.path(), t(0));
    s.record(&Change::Note(id("a1"), "n".into()), t(1));
    s.record(&Change::Bookmark(bm("b2")), t(1));
    s.set_positions(&Positions { anchors: [(id("a1"), pos(1, 3))].into(), ..Positions::default() }, t(1));
    assert_eq!(s.save(t(1)).ok(), Some(false));

    let table = |name: &str| text(&dir.path().join(name)).parse::<toml::Table>().expect("valid TOML");
    let b = table("bookmarks.toml");
    assert_eq!(b["sync"].as_str(), Some("on"));
    assert_eq!(b["future"]["answer"].as_integer(), Some(42));
    let entries = b["bookmark"].as_array().cloned().unwrap_or_default();
    let a1 = entries.iter().find(|e| e["id"].as_str() == Some("a1")).cloned().unwrap_or(toml::Value::Integer(0));
    assert_eq!(a1["colour"].as_str(), Some("red"));
    assert_eq!(a1["tags"], toml::Value::Array(vec!["x".into(), "y".into()]));
    assert_eq!(a1["note"].as_str(), Some("n"));
    assert_eq!(b["removed"][0]["by"].as_str(), Some("phone"));
    let p = table("positions.toml");
    assert_eq!(p["zoom"].as_integer(), Some(2));
    assert_eq!(p["anchors"]["a1"]["line"].as_integer(), Some(7));
    assert_eq!(p["anchors"]["a1"]["offset"].as_integer(), Some(3));
}

#[test]
fn a_newer_versions_file_is_read_but_never_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let newer =
        "version = 2\n[read]\naaa = 2027-01-15T08:00:00Z\nbbb = { at = 2027-01-15T08:00:00Z, device = \"x\" }\n";
    fs::write(dir.path().join("read.toml"), newer).expect("write");
    let (mut s, messages) = open(dir.path(), t(0));
    assert_eq!(messages, ["read.toml is from a newer dubao (version 2); changes to read marks won't be saved"]);
    assert_eq!(s.loaded().read, [id("aaa")].into_iter().collect::<std::collections::HashSet<_>>());
    s.record(&Change::Read(id("ccc"), true), t(1));
    s.record(&Change::Bookmark(bm("b")), t(1));
    let e = s.save(t(1)).expect_err("the read mark can't be saved");
    assert_eq!(e.to_string(), "read.toml is from a newer dubao (version 2)");
    assert_eq!(text(&dir.path().join("read.toml")), newer);
    assert!(dir.path().join("bookmarks.toml").exists(), "the other files are saved");
    assert_eq!(s.unsaved(), store::Unsaved { read: [id("ccc")].into(), ..Default::default() });
    assert!(s.take_messages().is_empty());
}

#[cfg(unix)]
fn chmod(dir: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_read_and_every_save_says_why_it_failed() {
    if !crate::common::fault::permissions_bind() {
        return crate::common::fault::skipped(
            "a_read_only_directory_is_read_and_every_save_says_why_it_failed",
            "permissions don't bind root (the tmpfs tests below check a read-only mount)",
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    filled(dir.path());
    chmod(dir.path(), 0o555);
    let (mut s, messages) = open(dir.path(), t(20));
    assert_eq!(messages, [format!("changes can't be saved: {} is read-only", dir.path().display())]);
    assert_eq!(ids(&s.loaded()), ["a1", "b2"], "what is there is still read");
    s.record(&Change::Bookmark(bm("new")), t(21));
    assert_eq!(ids(&s.loaded()), ["a1", "b2", "new"]);
    for now in [21, 22] {
        let e = s.save(t(now)).expect_err("not saved");
        assert_eq!(e.to_string(), "bookmarks.toml: permission denied");
    }
    assert_eq!(s.unsaved().bookmarks, [id("new")].into());
    chmod(dir.path(), 0o755);
    assert_eq!(s.save(t(23)).ok(), Some(false), "saved once it can be");
    assert!(s.unsaved().is_empty());
    assert_eq!(ids(&open_quiet(dir.path(), t(24)).loaded()), ["a1", "b2", "new"]);
}

#[test]
fn a_directory_that_cant_be_created_says_so_at_each_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("file"), "").expect("write");
    let state = dir.path().join("file").join("dubao");
    let (mut s, messages) = Store::open(Some(state.clone()), t(0));
    let messages = crate::common::said(messages);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with(&format!("changes can't be saved: {} could not be created (", state.display())));
    s.record(&Change::Bookmark(bm("a")), t(1));
    assert_eq!(ids(&s.loaded()), ["a"]);
    for now in [1, 2] {
        let e = s.save(t(now)).expect_err("not saved");
        assert_eq!(e.to_string(), format!("{}: a part of the path is a file, not a directory", state.display()));
    }
    assert_eq!(s.unsaved().bookmarks, [id("a")].into());
    assert!(s.take_messages().is_empty());
    assert_eq!(s.dir(), Some(state.as_path()));
}

#[test]
fn no_directory_at_all_works_in_memory_and_says_nothing_is_saved() {
    let (mut s, messages) = Store::open(None, t(0));
    assert_eq!(messages.len(), 1);
    s.record(&Change::Read(id("a"), true), t(1));
    assert_eq!(s.save(t(1)).map_err(|e| e.to_string()), Err("there is no home directory to keep them in".into()));
    assert_eq!(s.kept(), Some(&store::Kept::Nowhere("there is no place to keep them".into())));
    assert!(s.loaded().read.contains(&id("a")));
}

#[test]
fn the_default_directory_is_dubaos() {
    if let Some(dir) = store::default_dir() {
        assert!(dir.ends_with("dubao"), "{}", dir.display());
    }
}

#[test]
fn old_tombstones_are_pruned_on_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = open_quiet(dir.path(), t(0));
    s.record(&Change::Bookmark(bm("x")), t(0));
    s.record(&Change::Unbookmark(id("x")), t(1));
    s.record(&Change::Read(id("r"), false), t(1));
    s.record(&Change::Read(id("kept"), true), t(1));
    s.save(t(1)).expect("save");
    let bookmarks = dir.path().join("bookmarks.toml");
    let read = dir.path().join("read.toml");
    assert!(text(&bookmarks).contains("[[removed]]\nid = \"x\""));
    assert!(text(&read).contains("[unread]\nr = "));

    let day = SignedDuration::from_hours(24);
    let at = |days: i32| t(1).checked_add(day * days).unwrap_or(Timestamp::MAX);
    s.save(at(91)).expect("save");
    assert!(text(&bookmarks).contains("[[removed]]\nid = \"x\""), "the newest are kept however old");
    assert!(text(&read).contains("[unread]\nr = "));
    // Once as many newer removals as are kept come, the old one goes.
    for n in 0..store::KEEP_REMOVALS {
        s.record(&Change::Unbookmark(id(&format!("later{n}"))), at(92));
        s.record(&Change::Read(id(&format!("later{n}")), false), at(92));
    }
    s.save(at(92)).expect("save");
    assert!(!text(&bookmarks).contains("id = \"x\""), "{}", text(&bookmarks));
    assert!(!text(&read).contains("\nr = "));
    assert!(text(&read).contains("kept = "));
    // Younger than 90 days, a removal is kept however many newer ones there are.
    s.record(&Change::Unbookmark(id("young")), at(93));
    for n in 0..store::KEEP_REMOVALS {
        s.record(&Change::Unbookmark(id(&format!("newer{n}"))), at(94));
    }
    s.save(at(100)).expect("save");
    assert!(text(&bookmarks).contains("id = \"young\""));
}

#[test]
fn errors_name_the_file_and_say_why_in_plain_words() {
    use std::io::ErrorKind;
    let e = |kind: ErrorKind| store::StoreError::Io {
        name: "bookmarks.toml".into(),
        path: "state/bookmarks.toml".into(),
        source: std::io::Error::from(kind),
    };
    assert_eq!(e(ErrorKind::StorageFull).to_string(), "bookmarks.toml: disk full");
    assert_eq!(e(ErrorKind::ReadOnlyFilesystem).to_string(), "bookmarks.toml: read-only");
    assert_eq!(e(ErrorKind::PermissionDenied).to_string(), "bookmarks.toml: permission denied");
}

/// One step of the two-reader property test.
#[derive(Debug, Clone)]
enum Op {
    Read(bool, u8, bool),
    Bookmark(bool, u8),
    Unbookmark(bool, u8),
    Note(bool, u8, u8),
    Anchor(bool, u8, u8),
    Last(bool, u8),
    Save(bool),
}

/// The same step, by reader `s`.
fn on(op: Op, s: bool) -> Op {
    match op {
        Op::Read(_, a, r) => Op::Read(s, a, r),
        Op::Bookmark(_, a) => Op::Bookmark(s, a),
        Op::Unbookmark(_, a) => Op::Unbookmark(s, a),
        Op::Note(_, a, n) => Op::Note(s, a, n),
        Op::Anchor(_, a, n) => Op::Anchor(s, a, n),
        Op::Last(_, a) => Op::Last(s, a),
        Op::Save(_) => Op::Save(s),
    }
}

fn op(notes: bool) -> impl Strategy<Value = Op> {
    let art = 0u8..3;
    prop_oneof![
        (any::<bool>(), art.clone(), any::<bool>()).prop_map(|(s, a, r)| Op::Read(s, a, r)),
        (any::<bool>(), art.clone()).prop_map(|(s, a)| Op::Bookmark(s, a)),
        (any::<bool>(), art.clone()).prop_map(|(s, a)| Op::Unbookmark(s, a)),
        (any::<bool>(), art.clone(), 0u8..3).prop_map(move |(s, a, n)| if notes {
            Op::Note(s, a, n)
        } else {
            Op::Save(s)
        }),
        (any::<bool>(), art.clone(), 0u8..3).prop_map(|(s, a, n)| Op::Anchor(s, a, n)),
        (any::<bool>(), art).prop_map(|(s, a)| Op::Last(s, a)),
        any::<bool>().prop_map(Op::Save),
    ]
}

/// Runs `ops` on two stores sharing a directory, then lets both save until
/// they have seen each other; returns both views and a fresh reader's.
fn run_two(ops: &[Op], tick: impl Fn(usize) -> Timestamp) -> [Loaded; 3] {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut stores = [open_quiet(dir.path(), t(0)), open_quiet(dir.path(), t(0))];
    let art = |a: u8| id(&format!("art{a}"));
    for (i, op) in ops.iter().enumerate() {
        let now = tick(i);
        let (which, change) = match op {
            Op::Read(s, a, r) => (s, Some(Change::Read(art(*a), *r))),
            Op::Bookmark(s, a) => (s, Some(Change::Bookmark(bm(&art(*a).0)))),
            Op::Unbookmark(s, a) => (s, Some(Change::Unbookmark(art(*a)))),
            Op::Note(s, a, n) => (s, Some(Change::Note(art(*a), format!("note {n}")))),
            Op::Anchor(s, a, n) => {
                let store = &mut stores[usize::from(*s)];
                let mut p = store.loaded().positions;
                p.anchors.insert(art(*a), pos(usize::from(*n), 0));
                store.set_positions(&p, now);
                (s, None)
            }
            Op::Last(s, a) => {
                let store = &mut stores[usize::from(*s)];
                let mut p = store.loaded().positions;
                p.last =
                    Some(LastOpen { source: "s".into(), issue: "i".into(), article: art(*a), ..Default::default() });
                store.set_positions(&p, now);
                (s, None)
            }
            Op::Save(s) => {
                stores[usize::from(*s)].save(now).expect("save");
                (s, None)
            }
        };
        if let Some(change) = change {
            stores[usize::from(*which)].record(&change, now);
        }
    }
    let end = tick(ops.len());
    for k in [0, 1, 0] {
        stores[k].save(end).expect("save");
    }
    let fresh = open_quiet(dir.path(), end).loaded();
    [stores[0].loaded(), stores[1].loaded(), fresh]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any interleaving, even with changes at the same instant, ends with
    /// both readers and a fresh one seeing the same state.
    #[test]
    fn two_readers_converge(rounds in proptest::collection::vec((op(true), op(true)), 0..12)) {
        // Each round is one step by each reader at the same instant, so ties happen.
        let ops: Vec<Op> = rounds.into_iter().flat_map(|(a, b)| [on(a, false), on(b, true)]).collect();
        let [a, b, fresh] = run_two(&ops, |i| t(i64::try_from(i / 2).unwrap_or(0)));
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&a, &fresh);
    }

    /// With distinct times, the result is the last change to each article,
    /// whichever reader made it and whenever it saved.
    #[test]
    fn the_last_change_wins(ops in proptest::collection::vec(op(false), 0..24)) {
        let [a, _, _] = run_two(&ops, |i| t(i64::try_from(i).unwrap_or(0)));
        let mut read = std::collections::BTreeMap::new();
        let mut marked = std::collections::BTreeMap::new();
        for op in &ops {
            match op {
                Op::Read(_, x, r) => { read.insert(*x, *r); }
                Op::Bookmark(_, x) => { marked.insert(*x, true); }
                Op::Unbookmark(_, x) => { marked.insert(*x, false); }
                _ => {}
            }
        }
        let art = |x: &u8| id(&format!("art{x}"));
        let want_read: std::collections::HashSet<_> = read.iter().filter(|(_, r)| **r).map(|(x, _)| art(x)).collect();
        let want_marked: Vec<_> = marked.iter().filter(|(_, m)| **m).map(|(x, _)| art(x)).collect();
        prop_assert_eq!(a.read, want_read);
        prop_assert_eq!(a.bookmarks.keys().cloned().collect::<Vec<_>>(), want_marked);
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_state_file_stays_a_symlink() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("state");
    let dotfiles = dir.path().join("dotfiles");
    fs::create_dir_all(&state).expect("mkdir");
    fs::create_dir_all(&dotfiles).expect("mkdir");
    fs::write(dotfiles.join("read.toml"), "version = 1\n[read]\nold = 2027-01-15T08:00:00Z\n").expect("write");
    std::os::unix::fs::symlink("../dotfiles/read.toml", state.join("read.toml")).expect("symlink");
    let mut s = open_quiet(&state, t(0));
    s.record(&Change::Read(id("new"), true), t(1));
    s.save(t(1)).expect("save");
    assert!(fs::symlink_metadata(state.join("read.toml")).is_ok_and(|m| m.file_type().is_symlink()));
    let written = text(&dotfiles.join("read.toml"));
    assert!(written.contains("\nold = ") && written.contains("\nnew = "), "{written}");
    assert_eq!(names(&dotfiles), ["read.toml"], "no temp file left beside the target");
}

/// A state directory that can't be made (a file is in its place): a real
/// failure that needs no privileges. Returns the temp dir, the state dir
/// and what blocks it.
fn blocked() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let root = tempfile::tempdir().expect("temp dir");
    let block = root.path().join("config");
    fs::write(&block, "in the way").expect("write");
    (root, block.join("dubao"), block)
}

fn unblock(block: &Path) {
    fs::remove_file(block).expect("remove");
}

#[test]
fn changes_that_cant_be_saved_are_kept_in_a_journal_the_next_start_takes_in() {
    let (root, state, block) = blocked();
    let journal = root.path().join("cache/unsaved/x");
    let (mut s, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(0));
    s.record(&Change::Bookmark(bm("a")), t(1));
    s.record(&Change::Read(id("r"), true), t(2));
    s.set_positions(&Positions { anchors: [(id("a"), pos(2, 7))].into(), ..Positions::default() }, t(3));
    assert!(s.save(t(3)).is_err());
    assert_eq!(s.kept(), Some(&store::Kept::In(journal.clone())));
    let said = dubao::i18n::problems::unsaved(dubao::i18n::Lang::En, &s.unsaved());
    assert_eq!(said, "1 bookmark, 1 read mark and 1 reading position");
    assert_eq!(names(&journal), [".dubao.lock", "README.txt", "bookmarks.toml", "positions.toml", "read.toml"]);
    let note = text(&journal.join("README.txt"));
    assert!(note.contains(&format!("could not save these changes to {} (", state.display())), "{note}");
    drop(s);

    unblock(&block);
    let (mut s, messages) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(10));
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(s.taken_in(), [(journal.clone(), 3)]);
    assert_eq!(ids(&s.loaded()), ["a"]);
    assert_eq!(s.unsaved().count(), 3, "not on disk yet");
    assert_eq!(s.save(t(10)).ok(), Some(false));
    assert_eq!(s.kept(), None);
    assert_eq!(names(&journal), [".dubao.lock"], "the journal is cleared once saved");
    let fresh = open_quiet(&state, t(11)).loaded();
    assert_eq!(ids(&fresh), ["a"]);
    assert!(fresh.read.contains(&id("r")));
    assert_eq!(fresh.positions.anchors[&id("a")], pos(2, 7));
    assert_eq!(fresh.bookmarks[&id("a")].added, Some(t(1)), "kept with its own time");
}

#[test]
fn a_journal_merges_by_last_writer_wins_like_any_reader() {
    let (root, state, block) = blocked();
    let journal = root.path().join("journal");
    let (mut a, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(0));
    a.record(&Change::Bookmark(bm("x")), t(3));
    a.record(&Change::Bookmark(bm("y")), t(3));
    assert!(a.save(t(3)).is_err());
    unblock(&block);
    // Another reader, later, removes x; it doesn't look for journals.
    let mut b = open_quiet(&state, t(4));
    b.record(&Change::Unbookmark(id("x")), t(5));
    b.save(t(5)).expect("save");

    let (mut c, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(6));
    assert_eq!(c.taken_in(), [(journal.clone(), 1)], "only y is news");
    assert_eq!(ids(&c.loaded()), ["y"], "the newer removal of x wins");
    c.save(t(6)).expect("save");
    assert!(!journal::exists(&journal));
    assert_eq!(ids(&open_quiet(&state, t(7)).loaded()), ["y"]);
}

#[test]
fn a_readers_journal_is_taken_in_by_another_readers_save_that_works() {
    let (root, state, block) = blocked();
    let journal = root.path().join("journal");
    let (mut a, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(0));
    a.record(&Change::Bookmark(bm("from-a")), t(1));
    assert!(a.save(t(1)).is_err());
    unblock(&block);
    let (mut b, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(2));
    b.record(&Change::Bookmark(bm("from-b")), t(3));
    assert_eq!(b.save(t(3)).ok(), Some(false));
    assert_eq!(b.taken_in(), [(journal.clone(), 1)]);
    assert!(!journal::exists(&journal), "cleared once saved");
    assert_eq!(ids(&open_quiet(&state, t(4)).loaded()), ["from-a", "from-b"]);
    // a, still running, saves what it has as any reader would.
    assert_eq!(a.save(t(5)).ok(), Some(true), "b's bookmark came in");
    assert!(a.unsaved().is_empty());
}

#[test]
fn the_first_place_a_journal_can_be_written_is_used_else_it_says_why() {
    let (root, state, _block) = blocked();
    let in_the_way = root.path().join("not-a-dir");
    fs::write(&in_the_way, "").expect("write");
    let good = root.path().join("good");
    let (mut s, _) = Store::open_with(Some(state.clone()), vec![in_the_way.join("j"), good.clone()], t(0));
    s.record(&Change::Bookmark(bm("a")), t(1));
    assert!(s.save(t(1)).is_err());
    assert_eq!(s.kept(), Some(&store::Kept::In(good.clone())));

    let (mut s, _) = Store::open_with(Some(state), vec![in_the_way.join("j")], t(0));
    s.record(&Change::Bookmark(bm("a")), t(1));
    assert!(s.save(t(1)).is_err());
    let kept = s.kept().cloned();
    let want = format!("{}: a part of the path is a file, not a directory", in_the_way.join("j").display());
    assert_eq!(kept, Some(store::Kept::Nowhere(want)));
}

#[test]
fn listing_never_writes_moves_or_removes_anything() {
    let (root, state, block) = blocked();
    let journal = root.path().join("journal");
    let (mut a, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(0));
    a.record(&Change::Bookmark(bm("kept")), t(1));
    assert!(a.save(t(1)).is_err());
    unblock(&block);
    fs::create_dir_all(&state).expect("mkdir");
    let damaged =
        b"version = 1\n[[bookmark]]\nid = \"x\"\nheadline = \"h\"\nsection = \"\"\nissue = \"i\"\nsource = \"s\"\n\
        added = 2027-01-15T08:00:00Z\nchanged = 2027-01-15T08:00:00Z\nnote = \"\"\n[[bookmark]]\nid = \"y\nheadl";
    fs::write(state.join("bookmarks.toml"), damaged).expect("write");
    fs::write(state.join(".read.toml.tmp-1-1"), "a dead writer's").expect("write");
    let before = |dir: &Path| names(dir).into_iter().map(|n| (text(&dir.join(&n)), n)).collect::<Vec<_>>();
    let (state_before, journal_before) = (before(&state), before(&journal));

    let (mut s, messages) = Store::listing(Some(state.clone()), vec![journal.clone()], t(2));
    let messages = crate::common::said(messages);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("bookmarks.toml could not be read ("), "{messages:?}");
    assert!(messages[0].ends_with("; 1 bookmark recovered; the file is left as it is"), "{messages:?}");
    assert_eq!(s.taken_in(), [(journal.clone(), 1)]);
    assert_eq!(ids(&s.loaded()), ["kept", "x"], "the journal's bookmark is listed too");
    assert_eq!(s.save(t(3)).ok(), Some(false));
    assert_eq!(before(&state), state_before, "no lock file, nothing moved aside, no temp file removed");
    assert_eq!(before(&journal), journal_before, "the journal is left for the reader to save");

    // A listing of a directory that isn't there doesn't make it.
    let nowhere = root.path().join("none/dubao");
    let (_, messages) = Store::listing(Some(nowhere.clone()), vec![], t(4));
    assert!(messages.is_empty(), "{messages:?}");
    assert!(!nowhere.exists());
}

/// Mounts a tmpfs at `dir` (inside a mount namespace: see `under_mounts`).
#[cfg(unix)]
fn mount_tmpfs(dir: &Path, size: &str) {
    let ok = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "dubao-test"])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mount a tmpfs at {}", dir.display());
}

#[cfg(unix)]
fn remount(dir: &Path, how: &str) {
    let ok = std::process::Command::new("mount")
        .args(["-o", &format!("remount,{how}")])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "remount {} {how}", dir.display());
}

/// Runs the test `child` of this binary where it can mount (in a mount
/// namespace), with `DUBAO_FAULT_DIR` a fresh directory; or says loudly why not.
#[cfg(unix)]
fn under_mounts(child: &str) {
    let prefix = match crate::common::fault::mounts() {
        crate::common::fault::Mounts::Under(prefix) => prefix.clone(),
        crate::common::fault::Mounts::No(why) => {
            return crate::common::fault::skipped(child, &format!("no tmpfs can be mounted: {why}"));
        }
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(prefix[0])
        .args(&prefix[1..])
        .arg(std::env::current_exe().expect("test binary"))
        .args(["--exact", &crate::common::test_name(module_path!(), child), "--test-threads", "1", "--nocapture"])
        .env("DUBAO_FAULT_DIR", dir.path())
        .output()
        .expect("run the child");
    let output = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && output.contains("1 passed"), "{output}");
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_said_as_such_naming_the_state_file_and_the_journal_keeps_the_changes() {
    under_mounts("child_full_disk");
}

/// In a child run by `under_mounts`: a tmpfs of `size` mounted at
/// `DUBAO_FAULT_DIR/mnt`, and a place for the journal beside it. `None`
/// when this is no such child.
#[cfg(unix)]
fn child_mount(size: &str) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let dir = std::path::PathBuf::from(std::env::var_os("DUBAO_FAULT_DIR")?);
    let (mnt, journal) = (dir.join("mnt"), dir.join("journal"));
    fs::create_dir_all(&mnt).expect("mkdir");
    mount_tmpfs(&mnt, size);
    Some((mnt, journal))
}

#[cfg(unix)]
#[test]
fn child_full_disk() {
    let Some((mnt, journal)) = child_mount("64k") else { return };
    let state = mnt.join("dubao");
    filled(&state);
    let (mut s, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(20));
    // Fill the disk to the last byte.
    let mut fill = fs::File::create(mnt.join("fill")).expect("create");
    while std::io::Write::write_all(&mut fill, &[0; 4096]).is_ok() {}
    drop(fill);
    s.record(&Change::Bookmark(bm("big")), t(21));
    let e = s.save(t(21)).expect_err("the disk is full");
    assert_eq!(e.to_string(), "bookmarks.toml: disk full");
    assert_eq!(s.kept(), Some(&store::Kept::In(journal.clone())));
    assert!(names(&state).iter().all(|n| !n.contains(".tmp-")), "no temp file left: {:?}", names(&state));
    assert_eq!(ids(&open_quiet(&state, t(22)).loaded()), ["a1", "b2"], "the file on disk is whole");
    fs::remove_file(mnt.join("fill")).expect("free");
    assert_eq!(s.save(t(23)).ok(), Some(false));
    assert!(!journal::exists(&journal));
    assert_eq!(ids(&open_quiet(&state, t(24)).loaded()), ["a1", "b2", "big"]);
}

#[cfg(unix)]
#[test]
fn a_file_system_turned_read_only_fails_each_save_and_the_next_one_that_can_saves() {
    under_mounts("child_read_only_mount");
}

#[cfg(unix)]
#[test]
fn child_read_only_mount() {
    let Some((mnt, journal)) = child_mount("256k") else { return };
    let state = mnt.join("dubao");
    let (mut s, _) = Store::open_with(Some(state.clone()), vec![journal.clone()], t(0));
    s.record(&Change::Bookmark(bm("a")), t(1));
    s.save(t(1)).expect("save");
    remount(&mnt, "bind,ro");
    s.record(&Change::Bookmark(bm("b")), t(2));
    for now in [2, 3] {
        let e = s.save(t(now)).expect_err("read-only");
        assert_eq!(e.to_string(), format!("{}: read-only", state.display()));
    }
    assert_eq!(s.unsaved().bookmarks, [id("b")].into());
    let (_, messages) = Store::open_with(Some(state.clone()), vec![], t(4));
    assert_eq!(crate::common::said(messages), [format!("changes can't be saved: {} is read-only", state.display())]);
    remount(&mnt, "bind,rw");
    s.save(t(5)).expect("writable again");
    assert!(!journal::exists(&journal));
    assert_eq!(ids(&open_quiet(&state, t(6)).loaded()), ["a", "b"]);
}

/// The journal's files, as the store writes them.
mod journal {
    pub fn exists(dir: &std::path::Path) -> bool {
        ["bookmarks.toml", "read.toml", "positions.toml"].iter().any(|f| dir.join(f).exists())
    }
}
