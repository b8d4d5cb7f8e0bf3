//! Bookmarks that follow you across machines: two simulated machines, each
//! its own state directory, whose files are copied across as Syncthing, a
//! cloud drive or git would — conflict copies and conflict markers
//! included. Nothing is lost, removals stay removed, clocks may disagree.

use dubao::model::{ArticleId, Bookmark, Change, Element, LastOpen, Pos, Positions};
use dubao::store::{Loaded, Places, Store};
use jiff::Timestamp;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fixed instant plus `secs`.
fn t(secs: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + secs).unwrap_or(Timestamp::UNIX_EPOCH)
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

fn id(s: &str) -> ArticleId {
    ArticleId(s.to_string())
}

fn bm(s: &str) -> Bookmark {
    Bookmark {
        id: id(s),
        headline: format!("清河区召开重点项目建设推进会 {s}"),
        section: "第01版：要闻".into(),
        issue: "清河日报".into(),
        date: Some(jiff::civil::date(2024, 3, 8)),
        source: "papers/清河日报-20240308.txt".into(),
        added: None,
        note: String::new(),
    }
}

const FILES: [&str; 3] = ["bookmarks.toml", "read.toml", "positions.toml"];

/// One machine: its state directory and its cache's folder for conflict
/// copies, and a clock `skew` seconds off the true time.
struct Machine {
    _root: tempfile::TempDir,
    state: PathBuf,
    conflicts: PathBuf,
    skew: i64,
}

impl Machine {
    fn new(skew: i64) -> Machine {
        let root = tempfile::tempdir().expect("temp dir");
        let state = root.path().join("config/dubao");
        let conflicts = root.path().join("cache/dubao/conflicts/state");
        fs::create_dir_all(&state).expect("mkdir");
        Machine { _root: root, state, conflicts, skew }
    }

    /// What its clock says at the true time `secs`.
    fn clock(&self, secs: i64) -> Timestamp {
        t(secs + self.skew)
    }

    /// dubao starting on this machine at the true time `secs`.
    fn open(&self, secs: i64) -> (Store, Vec<String>) {
        let places =
            Places { state: Some(self.state.clone()), journals: Vec::new(), conflicts: Some(self.conflicts.clone()) };
        let (store, messages) = Store::open_in(places, self.clock(secs));
        (store, crate::common::said(messages))
    }

    /// Opens, makes `changes` (each at its own true time), saves, quits.
    fn session(&self, secs: i64, changes: &[(i64, Change)]) -> Vec<String> {
        let (mut store, mut messages) = self.open(secs);
        for (at, change) in changes {
            store.record(change, self.clock(*at));
        }
        let last = changes.last().map_or(secs, |(at, _)| *at);
        store.save(self.clock(last)).expect("save");
        messages.extend(crate::common::said(store.take_messages()));
        messages
    }

    /// What a dubao opening now sees.
    fn loaded(&self, secs: i64) -> Loaded {
        self.open(secs).0.loaded()
    }

    /// Copies this machine's state files over `other`'s, as a sync tool
    /// does when only this side changed.
    fn send_to(&self, other: &Machine) {
        for f in FILES {
            if self.state.join(f).exists() {
                fs::copy(self.state.join(f), other.state.join(f)).expect("copy");
            }
        }
    }

    /// Copies this machine's state files beside `other`'s under the names
    /// a sync tool gives the loser of a conflict (`name(stem)`).
    fn send_as_conflict(&self, other: &Machine, name: impl Fn(&str) -> String) -> Vec<(PathBuf, Vec<u8>)> {
        let mut sent = Vec::new();
        for f in FILES {
            let stem = f.trim_end_matches(".toml");
            let bytes = fs::read(self.state.join(f)).expect("read");
            let to = other.state.join(name(stem));
            fs::write(&to, &bytes).expect("write");
            sent.push((to, bytes));
        }
        sent
    }

    /// Every file under the conflicts folder, with its bytes.
    fn kept_aside(&self) -> Vec<(String, Vec<u8>)> {
        let Ok(entries) = fs::read_dir(&self.conflicts) else { return Vec::new() };
        let mut all: Vec<(String, Vec<u8>)> = entries
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).unwrap_or_default()))
            .collect();
        all.sort();
        all
    }

    /// The state directory's file names.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.state)
            .expect("read dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded.bookmarks.keys().map(|k| k.0.as_str()).collect()
}

fn read_ids(loaded: &Loaded) -> Vec<String> {
    let mut r: Vec<String> = loaded.read.iter().map(|k| k.0.clone()).collect();
    r.sort();
    r
}

fn anchor(n: usize) -> Pos {
    Pos { element: Element::Block(n), offset: 0 }
}

fn positions(article: &str, block: usize) -> Positions {
    let mut p = Positions {
        last: Some(LastOpen {
            source: "papers/清河日报-20240308.txt".into(),
            issue: "清河日报".into(),
            article: id(article),
            reading: false,
            column: None,
        }),
        ..Positions::default()
    };
    p.anchors.insert(id(article), anchor(block));
    p
}

/// Both machines start from the same state: bookmarks `kept` and `gone`,
/// `old` read; then they change it apart ([`diverged_after_start`]).
fn diverged(laptop: &Machine, desktop: &Machine) {
    start(laptop);
    laptop.send_to(desktop);
    diverged_after_start(laptop, desktop);
}

fn start(laptop: &Machine) {
    let changes =
        [(1, Change::Bookmark(bm("kept"))), (2, Change::Bookmark(bm("gone"))), (3, Change::Read(id("old"), true))];
    laptop.session(0, &changes);
}

/// What both machines must end with after `diverged` and any sync.
fn assert_merged(loaded: &Loaded) {
    assert_eq!(ids(loaded), ["desk", "kept", "lap"], "removed on one machine, removed on both");
    assert_eq!(loaded.bookmarks[&id("kept")].note, "读完再看", "the note survives");
    assert_eq!(read_ids(loaded), ["r-desk", "r-lap"], "read marks of both; `old` unread again");
    assert_eq!(loaded.positions.anchors[&id("lap")], anchor(3));
    assert_eq!(loaded.positions.anchors[&id("desk")], anchor(7));
    assert_eq!(loaded.positions.last.as_ref().map(|l| l.article.0.as_str()), Some("desk"), "the later place");
}

/// A sync tool kept the desktop's files as conflict copies beside the
/// laptop's: the laptop's next dubao merges them, says so once, and puts
/// them aside in the cache, byte for byte; sent back, the desktop agrees.
fn conflict_copies_merge(name: impl Fn(&str) -> String) {
    let (laptop, desktop) = (Machine::new(0), Machine::new(0));
    diverged(&laptop, &desktop);
    let sent = desktop.send_as_conflict(&laptop, &name);

    let (mut store, messages) = laptop.open(12 * HOUR);
    assert_merged(&store.loaded());
    assert!(store.is_dirty(), "what the copies brought is to be saved");
    assert!(messages.is_empty(), "said once, when saved: {messages:?}");
    store.save(t(12 * HOUR)).expect("save");
    let said = crate::common::said(store.take_messages());
    assert_eq!(said.len(), 3, "{said:?}");
    for (path, _) in &sent {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(said.iter().any(|m| m.starts_with(&format!("merged {name} (a conflict copy: "))), "{name}: {said:?}");
        assert!(!path.exists(), "moved out of the synced folder");
    }
    assert!(said[0].contains("(a conflict copy: 2 bookmarks new or newer) into bookmarks.toml"), "{said:?}");
    let aside = laptop.kept_aside();
    for (path, bytes) in &sent {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(aside.iter().any(|(n, b)| *n == name && b == bytes), "{name} kept as it was: {aside:?}");
    }
    assert!(aside.iter().any(|(n, _)| n == "README.txt"));
    assert_eq!(laptop.names(), [".dubao.lock", "bookmarks.toml", "positions.toml", "read.toml"]);
    store.save(t(12 * HOUR + 1)).expect("save");
    assert_eq!(store.take_messages(), Vec::new(), "said once");

    // The merged files go back to the desktop, which ends the same.
    laptop.send_to(&desktop);
    let (mut back, _) = desktop.open(13 * HOUR);
    back.save(t(13 * HOUR)).expect("save");
    assert_merged(&back.loaded());
    assert_eq!(back.loaded(), laptop.loaded(14 * HOUR));
}

#[test]
fn syncthing_conflict_copies_are_merged_and_kept_aside() {
    conflict_copies_merge(|stem| format!("{stem}.sync-conflict-20240308-101502-DESKTOP.toml"));
}

#[test]
fn cloud_drive_conflicted_copies_are_merged_and_kept_aside() {
    conflict_copies_merge(|stem| format!("{stem} (Desktop's conflicted copy 2024-03-08 101502).toml"));
}

#[test]
fn a_copy_of_a_copy_is_not_lost_and_a_taken_name_aside_is_not_overwritten() {
    let (laptop, desktop) = (Machine::new(0), Machine::new(0));
    diverged(&laptop, &desktop);
    let name = |stem: &str| format!("{stem}.sync-conflict-20240308-101502-DESKTOP.toml");
    desktop.send_as_conflict(&laptop, name);
    laptop.session(12 * HOUR, &[]);
    // The same name again (another conflict of the same second): kept beside the first.
    desktop.session(13 * HOUR, &[(13 * HOUR, Change::Bookmark(bm("desk2")))]);
    desktop.send_as_conflict(&laptop, name);
    laptop.session(14 * HOUR, &[]);
    assert_eq!(ids(&laptop.loaded(15 * HOUR)), ["desk", "desk2", "kept", "lap"]);
    let aside: Vec<String> = laptop.kept_aside().into_iter().map(|(n, _)| n).collect();
    assert!(aside.contains(&"bookmarks.sync-conflict-20240308-101502-DESKTOP.toml-2".to_string()), "{aside:?}");
}

/// Runs git with a fixed identity in `dir`; `None` (and a loud note) when
/// there is no git here.
fn git(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    let out = Command::new("git")
        .args(["-c", "user.name=dubao test", "-c", "user.email=test@dubao.invalid", "-c", "init.defaultBranch=main"])
        .args(["-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", "-c", "merge.conflictStyle=diff3"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output();
    match out {
        Ok(out) => Some(out),
        Err(e) => {
            crate::common::skipped("the git conflict test", &format!("git could not be run ({e})"));
            None
        }
    }
}

fn git_ok(dir: &Path, args: &[&str]) -> Option<String> {
    let out = git(dir, args)?;
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The state directory kept in a git repository on both machines: after a
/// pull that conflicts, every state file has markers; the next dubao merges
/// both sides into sound files, keeps the files as git left them aside, and
/// the result commits and pulls cleanly onto the other machine.
#[test]
fn git_conflict_markers_are_merged_from_both_sides() {
    let (laptop, desktop) = (Machine::new(0), Machine::new(0));
    let Some(_) = git_ok(&laptop.state, &["init", "-q"]) else { return };
    fs::write(laptop.state.join(".gitignore"), ".dubao.lock\n.*.tmp-*\n").expect("write");
    start(&laptop);
    git_ok(&laptop.state, &["add", "-A"]);
    git_ok(&laptop.state, &["commit", "-qm", "start"]);
    fs::remove_dir_all(&desktop.state).expect("rm");
    let from = laptop.state.display().to_string();
    let to = desktop.state.display().to_string();
    git_ok(laptop.state.parent().unwrap(), &["clone", "-q", &from, &to]);
    // Each machine changes its state apart from the other and commits.
    diverged_after_start(&laptop, &desktop);
    for m in [&laptop, &desktop] {
        git_ok(&m.state, &["commit", "-qam", "reading"]);
    }
    let pulled = git(&desktop.state, &["pull", "--no-rebase", "-q", "origin", "main"]).expect("git");
    assert!(!pulled.status.success(), "the pull conflicts");
    let marked: Vec<&str> = FILES
        .into_iter()
        .filter(|f| fs::read_to_string(desktop.state.join(f)).unwrap_or_default().contains("\n=======\n"))
        .collect();
    assert_eq!(marked, FILES, "git left markers in every file");
    let as_git_left: Vec<(String, Vec<u8>)> =
        marked.iter().map(|f| (f.to_string(), fs::read(desktop.state.join(f)).expect("read"))).collect();

    let (mut store, messages) = desktop.open(12 * HOUR);
    assert!(messages.is_empty(), "{messages:?}");
    assert_merged(&store.loaded());
    store.save(t(12 * HOUR)).expect("save");
    let said = crate::common::said(store.take_messages());
    for (file, bytes) in &as_git_left {
        let text = fs::read_to_string(desktop.state.join(file)).expect("read");
        assert!(!text.contains("<<<<<<<") && !text.contains("=======") && !text.contains(">>>>>>>"), "{text}");
        assert!(
            said.iter().any(|m| m.starts_with(&format!("{file} had git conflict markers: both sides merged"))),
            "{said:?}"
        );
        let aside = desktop.kept_aside();
        assert!(aside.iter().any(|(n, b)| n.starts_with(&format!("{file}.git-conflict-")) && b == bytes), "{aside:?}");
    }
    assert!(!desktop.names().iter().any(|n| n.contains("corrupt")), "markers are no damage: {:?}", desktop.names());
    git_ok(&desktop.state, &["commit", "-qam", "merged by dubao"]);
    git_ok(&laptop.state, &["pull", "-q", "--ff-only", &to, "main"]);
    assert_merged(&laptop.loaded(13 * HOUR));
    assert_eq!(laptop.loaded(13 * HOUR), desktop.loaded(13 * HOUR));
}

/// Before hearing of each other, the laptop bookmarks `lap`, writes a
/// note on `kept`, reads `r-lap`, reads on in `lap`; the desktop bookmarks
/// `desk`, removes `gone`, reads `r-desk`, marks `old` unread, reads on in `desk`.
fn diverged_after_start(laptop: &Machine, desktop: &Machine) {
    let (mut lap, _) = laptop.open(10 * HOUR);
    lap.record(&Change::Bookmark(bm("lap")), laptop.clock(10 * HOUR));
    lap.record(&Change::Note(id("kept"), "读完再看".into()), laptop.clock(10 * HOUR + 1));
    lap.record(&Change::Read(id("r-lap"), true), laptop.clock(10 * HOUR + 2));
    lap.set_positions(&positions("lap", 3), laptop.clock(10 * HOUR + 3));
    lap.save(laptop.clock(10 * HOUR + 3)).expect("save");
    let (mut desk, _) = desktop.open(11 * HOUR);
    desk.record(&Change::Bookmark(bm("desk")), desktop.clock(11 * HOUR));
    desk.record(&Change::Unbookmark(id("gone")), desktop.clock(11 * HOUR + 1));
    desk.record(&Change::Read(id("r-desk"), true), desktop.clock(11 * HOUR + 2));
    desk.record(&Change::Read(id("old"), false), desktop.clock(11 * HOUR + 3));
    desk.set_positions(&positions("desk", 7), desktop.clock(11 * HOUR + 4));
    desk.save(desktop.clock(11 * HOUR + 4)).expect("save");
}

/// The laptop's clock runs a day ahead. The desktop removes a bookmark;
/// the laptop, before the removal reaches it, writes a note on it — a
/// change its clock stamps a day later than the removal. Synced either
/// way round, the bookmark stays removed.
#[test]
fn a_clock_ahead_does_not_bring_back_a_removed_bookmark() {
    for laptop_wins_the_conflict in [false, true] {
        let (laptop, desktop) = (Machine::new(DAY), Machine::new(0));
        laptop.session(0, &[(1, Change::Bookmark(bm("x"))), (2, Change::Bookmark(bm("y")))]);
        laptop.send_to(&desktop);
        desktop.session(HOUR, &[(HOUR, Change::Unbookmark(id("x")))]);
        laptop.session(2 * HOUR, &[(2 * HOUR, Change::Note(id("x"), "a note on a clock ahead".into()))]);
        let name = |stem: &str| format!("{stem}.sync-conflict-20240308-101502-OTHER.toml");
        let (winner, loser) = if laptop_wins_the_conflict { (&laptop, &desktop) } else { (&desktop, &laptop) };
        loser.send_as_conflict(winner, name);
        winner.session(3 * HOUR, &[]);
        winner.send_to(loser);
        for m in [&laptop, &desktop] {
            assert_eq!(ids(&m.loaded(4 * HOUR)), ["y"], "laptop wins: {laptop_wins_the_conflict}");
        }
    }
}

/// The laptop's clock runs a day behind: it removes the desktop's bookmark
/// at what its clock calls a day before the bookmark was made. The removal
/// still wins, and so does bookmarking it again after.
#[test]
fn a_clock_behind_still_removes_and_bookmarks_again() {
    let (laptop, desktop) = (Machine::new(-DAY), Machine::new(0));
    desktop.session(0, &[(1, Change::Bookmark(bm("x")))]);
    desktop.send_to(&laptop);
    laptop.session(HOUR, &[(HOUR, Change::Unbookmark(id("x")))]);
    laptop.send_to(&desktop);
    assert_eq!(ids(&desktop.loaded(2 * HOUR)), Vec::<&str>::new());
    laptop.session(3 * HOUR, &[(3 * HOUR, Change::Bookmark(bm("x")))]);
    laptop.send_to(&desktop);
    assert_eq!(ids(&desktop.loaded(4 * HOUR)), ["x"]);
}

/// A machine whose clock is set a year ahead prunes removals by its clock;
/// yesterday's removal must not be forgotten, or an old copy of the files
/// (a conflict copy from before it) brings the bookmark back.
#[test]
fn a_clock_set_a_year_ahead_does_not_forget_removals_early() {
    let (ahead, desktop) = (Machine::new(365 * DAY), Machine::new(0));
    desktop.session(0, &[(1, Change::Bookmark(bm("x"))), (2, Change::Bookmark(bm("y")))]);
    let stale = fs::read(desktop.state.join("bookmarks.toml")).expect("read");
    desktop.session(HOUR, &[(HOUR, Change::Unbookmark(id("x")))]);
    desktop.send_to(&ahead);
    ahead.session(2 * HOUR, &[(2 * HOUR, Change::Read(id("y"), true))]);
    assert!(fs::read_to_string(ahead.state.join("bookmarks.toml")).expect("read").contains("[[removed]]"));
    fs::write(ahead.state.join("bookmarks.sync-conflict-20240308-101502-OLD.toml"), stale).expect("write");
    ahead.session(3 * HOUR, &[]);
    assert_eq!(ids(&ahead.loaded(4 * HOUR)), ["y"]);
}

/// A listing (`dubao bookmarks`) shows what the copies hold but moves,
/// writes and removes nothing; it says what it found.
#[test]
fn a_listing_reads_conflict_copies_and_leaves_them() {
    let (laptop, desktop) = (Machine::new(0), Machine::new(0));
    diverged(&laptop, &desktop);
    let sent = desktop.send_as_conflict(&laptop, |stem| format!("{stem} (conflicted copy 2024-03-08).toml"));
    let before = laptop.names();
    let places =
        Places { state: Some(laptop.state.clone()), journals: Vec::new(), conflicts: Some(laptop.conflicts.clone()) };
    let (store, messages) = Store::listing_in(places, t(12 * HOUR));
    let messages = crate::common::said(messages);
    assert_merged(&store.loaded());
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].starts_with("bookmarks (conflicted copy 2024-03-08).toml is a conflict copy of bookmarks.toml")
    );
    assert_eq!(laptop.names(), before);
    assert!(sent.iter().all(|(p, b)| fs::read(p).ok().as_ref() == Some(b)));
    assert!(laptop.kept_aside().is_empty());
}
