//! What the reader keeps between sessions, end to end: the real binary in
//! a pseudo-terminal with its own temporary home.

use crate::common::data::seed_path as seed;
use crate::common::pty::Pty;
use dubao::store::Store;
use std::path::Path;

fn state_dir(home: &Path) -> std::path::PathBuf {
    home.join(".config/dubao")
}

/// Opens the store as dubao would and insists the files are all sound.
fn stored(home: &Path) -> dubao::store::Loaded {
    let (store, messages) = Store::open(Some(state_dir(home)), jiff::Timestamp::now());
    assert!(messages.is_empty(), "state files are sound: {messages:?}");
    store.loaded()
}

fn stars(screen: &str) -> usize {
    screen.matches('★').count()
}

#[test]
fn bookmark_quit_restart_and_resume() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let mut t = Pty::spawn(&[seed], 120, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("jjj");
    t.send("m");
    t.wait_text("bookmarked");
    t.send("\r");
    t.send("  ");
    t.wait_for("the article to scroll", |s| !s.contains("——全区深入推进双拥工作纪实"));
    // Both pages turned, not just the first: the screen the same at two polls in a row.
    let last = std::cell::RefCell::new(String::new());
    t.wait_for("the screen to settle", |s| last.replace(s.to_string()) == s);
    let before: Vec<String> = t.contents().lines().skip(2).take(3).map(|l| l.chars().skip(40).collect()).collect();
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let home = t.take_home();
    drop(t);
    let t = Pty::spawn_in(&[seed], 120, 30, home, false);
    t.wait_for("the bookmark's star", |s| stars(s) == 1);
    t.wait_for("the same place in the same article", |s| {
        let now: Vec<String> = s.lines().skip(2).take(3).map(|l| l.chars().skip(40).collect()).collect();
        now == before
    });
    t.send("q");
}

#[test]
fn dubao_without_arguments_resumes_the_last_issue_read() {
    let mut t = Pty::spawn(&[], 120, 30);
    t.wait_text("issue 1/4");
    t.send(">>");
    t.wait_text("COUNCIL APPROVES $4.2 MILLION");
    // (Not the first article's byline: it is on screen before the keys are read.)
    t.send("jj\r");
    t.wait_text("Starting March 17");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let home = t.take_home();
    let t = Pty::spawn_in(&[], 120, 30, home, false);
    t.wait_text("issue 3/4");
    t.wait_text("LIBRARY TO STAY OPEN SUNDAY AFTERNOONS");
    t.wait_text("Starting March 17");
    t.send("q");
}

#[test]
fn a_configured_library_folder_resumes_the_last_issue_read_before_it_is_walked() {
    let home = tempfile::tempdir().unwrap();
    let papers = crate::common::data::sample_library(home.path());
    std::fs::create_dir_all(state_dir(home.path())).unwrap();
    let config = format!("library = [{:?}]\n", papers.to_str().unwrap());
    std::fs::write(state_dir(home.path()).join("config.toml"), config).unwrap();

    let mut t = Pty::spawn_in(&[], 120, 30, home, false);
    t.wait_text("issue 1/4");
    t.send(">>");
    t.wait_text("COUNCIL APPROVES $4.2 MILLION");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let home = t.take_home();
    let t = Pty::spawn_in(&[], 120, 30, home, false);
    t.wait_text("COUNCIL APPROVES $4.2 MILLION");
    t.wait_text("issue 3/4");
    t.send("q");
}

#[test]
fn kill_9_keeps_every_acknowledged_bookmark_and_the_files_parse() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 120, 30);
    t.wait_text("东昌府讯 11月18日");
    for k in 1..=3 {
        t.send("m");
        t.wait_for("the star", |s| stars(s) == k);
        t.send("j");
    }
    // And a burst that is not waited for: whatever state it leaves must parse.
    t.send("rmjrmjrmkkrm");
    t.kill();
    let loaded = stored(&t.home);
    assert!(loaded.bookmarks.len() >= 3, "{:?}", loaded.bookmarks.keys());
}

#[test]
fn two_readers_at_once_keep_both_sets_of_changes() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let a = Pty::spawn(&[seed], 100, 30);
    a.wait_text("东昌府讯 11月18日");
    let shared = a.home.clone();
    let b = Pty::spawn_at(&[seed], 100, 30, &shared);
    b.wait_text("东昌府讯 11月18日");
    // A star on screen means the change is on disk.
    a.send("m");
    a.wait_for("a's first star", |s| stars(s) == 1);
    b.send("jjm");
    b.wait_for("b's star", |s| stars(s) >= 1);
    a.send("jjjjm");
    a.wait_for("a's second star", |s| stars(s) >= 2);
    b.send("jr");
    b.wait_text("marked read");
    let loaded = stored(&shared);
    assert_eq!(loaded.bookmarks.len(), 3, "{:?}", loaded.bookmarks.values().map(|b| &b.headline).collect::<Vec<_>>());
    assert_eq!(loaded.read.len(), 1);
    // b learns of a's bookmarks at its next save and shows them.
    b.wait_for("all three stars in b", |s| stars(s) == 3);
    a.send("q");
    b.send("q");
}

#[test]
fn a_damaged_state_file_is_moved_aside_and_the_reader_goes_on() {
    let seed = seed();
    let home = tempfile::tempdir().unwrap();
    let dir = state_dir(home.path());
    std::fs::create_dir_all(&dir).unwrap();
    let good = "version = 1\n\n[[bookmark]]\nid = \"b00932c366c5\"\nheadline = \"山东省\"\nsection = \"\"\nissue = \"x\"\nsource = \"x.txt\"\nadded = 2026-01-01T00:00:00Z\nchanged = 2026-01-01T00:00:00Z\nnote = \"\"\n\n[[bookmark]]\nid = \"ffff\nheadl";
    std::fs::write(dir.join("bookmarks.toml"), good).unwrap();
    let t = Pty::spawn_in(&[seed.to_str().unwrap()], 120, 30, home, false);
    t.wait_text("moved aside");
    t.send("j");
    t.wait_for("the reader to work", |s| !s.contains("moved aside"));
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(aside[0].path()).unwrap(), good, "the damaged bytes are kept");
    t.send("q");
}

#[test]
fn a_state_directory_that_cannot_be_made_keeps_changes_in_a_journal_for_the_next_start() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    // The config home is a file: nothing can be created under it.
    let block = home.path().join(".config");
    std::fs::write(&block, "not a directory").unwrap();
    let mut t = Pty::spawn_in(&[seed], 120, 30, home, false);
    t.wait_text("can't be saved");
    t.send("jm");
    t.wait_for("the bookmark said not saved, hollow", |s| {
        s.contains("bookmarked — not saved: ~/.config/dubao: a part of the path is a file")
            && s.contains("1 unsaved")
            && s.contains('☆')
            && stars(s) == 0
    });
    t.send("]");
    t.wait_text("张百顺指出");
    t.send("q");
    assert_eq!(t.wait_exit(), 3, "{}", t.contents());
    t.wait_for("what was not saved and where it is kept", |s| {
        let s = s.replace('\n', "");
        s.contains("changes were not saved (1 bookmark, 1 read mark and ")
            && s.contains("they are kept in ")
            && s.contains(".cache/dubao/unsaved/")
    });

    // The directory can be made now: the next start saves what was kept.
    std::fs::remove_file(&block).unwrap();
    let home = t.take_home();
    let mut t = Pty::spawn_in(&[seed], 120, 30, home, false);
    t.wait_for("the bookmark back, saved", |s| stars(s) == 1 && s.contains("not saved last time are saved now"));
    assert!(!t.contents().contains(" unsaved ") && !t.contents().contains('☆'), "{}", t.contents());
    // And the place: the article `]` opened.
    t.wait_text("11月17日上午9:30");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(stored(&t.home).bookmarks.len(), 1);
}

#[test]
fn what_was_not_saved_is_said_at_exit_in_the_locale_s_language() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let block = home.path().join(".config");
    std::fs::write(&block, "not a directory").unwrap();
    let zh = [("LANG", "zh_CN.UTF-8")];
    let mut t = Pty::spawn_env(&[seed], 120, 30, home, &zh);
    t.wait_text("东昌府讯");
    t.send("jm");
    t.wait_for("the bookmark said not saved", |s| s.contains("1 项未保存") && s.contains('☆'));
    t.send("q");
    assert_eq!(t.wait_exit(), 3, "{}", t.contents());
    t.wait_for("what was not saved and where it is kept, in Chinese", |s| {
        let s = s.replace('\n', "");
        s.contains("dubao: 无法保存更改：无法创建 ")
            && !s.contains("can't be saved")
            && s.contains("项更改未保存（1 个书签和 ")
            && s.contains("路径中的一部分是文件，不是目录")
            && s.contains("这些更改已暂存在 ")
            && s.contains("下次启动 dubao 时会保存")
    });
    std::fs::remove_file(&block).unwrap();
    let home = t.take_home();
    let mut t = Pty::spawn_env(&[seed], 120, 30, home, &[("LANG", "zh_TW.UTF-8")]);
    t.wait_for("the changes saved, in traditional", |s| stars(s) == 1 && s.contains("項變更現已儲存"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn kill_9_while_changes_cannot_be_saved_loses_none_of_them() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let block = home.path().join(".config");
    std::fs::write(&block, "not a directory").unwrap();
    let mut t = Pty::spawn_in(&[seed], 120, 30, home, false);
    t.wait_text("can't be saved");
    t.send("jm");
    t.wait_for("one unsaved", |s| s.contains("· 1 unsaved, kept aside") && hollow(s) == 1);
    t.send("jm");
    t.wait_for("two unsaved", |s| s.contains("· 2 unsaved, kept aside") && hollow(s) == 2);
    // Kept aside means kept aside now, not at quit.
    t.kill();
    std::fs::remove_file(&block).unwrap();
    let home = t.take_home();
    let mut t = Pty::spawn_in(&[seed], 120, 30, home, false);
    t.wait_for("both bookmarks back, saved", |s| {
        (stars(s), hollow(s)) == (2, 0) && s.contains("not saved last time are saved now")
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(stored(&t.home).bookmarks.len(), 2);
}

#[test]
fn a_state_file_damaged_while_reading_is_said_at_the_next_key_and_at_exit() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 120, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("m");
    t.wait_for("the first star", |s| stars(s) == 1 && s.contains("bookmarked"));
    // Another program (a sync tool) damages the file.
    let dir = state_dir(&t.home);
    std::fs::write(dir.join("bookmarks.toml"), "[[bookmark]\nid = ").unwrap();
    t.send("jm");
    t.wait_for("the damage said", |s| {
        s.contains("bookmarked · bookmarks.toml could not be read; moved aside to bookmarks.toml.corrupt-")
            && stars(s) == 2
    });
    assert!(!t.contents().contains("unsaved"), "both bookmarks are saved: {}", t.contents());
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.wait_for("the damage said again", |s| {
        let s = s.replace('\n', "");
        s.contains("dubao: bookmarks.toml could not be read; moved aside to bookmarks.toml.corrupt-")
            && s.contains(" (line 1: ")
    });
    assert_eq!(stored(&t.home).bookmarks.len(), 2);
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(aside[0].path()).unwrap(), "[[bookmark]\nid = ");
}

#[test]
fn bookmarks_export_as_text_json_and_markdown() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 120, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("jm");
    t.wait_text("bookmarked");
    t.send("B");
    t.wait_text("bookmarks · 1");
    t.send("e");
    t.send("转给妈妈看\r");
    t.wait_text("note set");
    // Esc and q apart: together they read as Alt-q.
    t.send("\x1b");
    t.wait_for("the list to close", |s| !s.contains("bookmarks · 1"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let run = |args: &[&str]| {
        let o = crate::common::dubao_command()
            .args(args)
            .env("HOME", &t.home)
            .env("XDG_CONFIG_HOME", t.home.join(".config"))
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let text = run(&["bookmarks"]);
    assert_eq!(text.trim_end(), "\t000_5f9f883e554d2686\t全市新冠肺炎疫情防控工作视频会议召开\t转给妈妈看");
    let json: serde_json::Value = serde_json::from_str(&run(&["bookmarks", "--json"])).unwrap();
    let b = &json["bookmarks"][0];
    assert_eq!(b["headline"], "全市新冠肺炎疫情防控工作视频会议召开");
    assert_eq!(b["issue"], "000_5f9f883e554d2686");
    assert!(b["date"].is_null());
    assert_eq!(b["note"], "转给妈妈看");
    let md = run(&["bookmarks", "--markdown"]);
    assert!(md.contains("- **全市新冠肺炎疫情防控工作视频会议召开** — 000\\_5f9f883e554d2686"), "{md}");
    assert!(md.contains("  > 转给妈妈看"));
}

/// A library as copied from an older system: one name in GBK, one with
/// bytes that are no encoding at all, one in UTF-8.
#[cfg(unix)]
fn odd_names(papers: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::ffi::OsStrExt;
    std::fs::create_dir_all(papers).unwrap();
    let (gbk_name, _, unmappable) = encoding_rs::GBK.encode("清河日报-20240103.txt");
    assert!(!unmappable);
    let gbk = papers.join(std::ffi::OsStr::from_bytes(&gbk_name));
    let bad = papers.join(std::ffi::OsStr::from_bytes(b"bad\xff\xfe-2024-01-02.txt"));
    assert!(gbk.to_str().is_none() && bad.to_str().is_none(), "the names are not UTF-8");
    let chinese = "清河日报\n2024年1月3日\n\n第01版：要闻\n\n全区冬季安全生产会议召开\n\n\
                   本报讯 1月2日，全区冬季安全生产工作会议召开，部署冬季安全生产工作。\n\n\
                   河湾公园冰雪节开幕\n\n本报讯 1月2日，河湾公园第五届冰雪节开幕，市民游客纷至沓来。\n";
    std::fs::write(&gbk, chinese).unwrap();
    let english = "Riverton Courier\nJanuary 2, 2024\n\nPage 1\n\nBRIDGE REOPENS AFTER REPAIRS\n\nBy Ana Ruiz\n\n\
                   The Main Street bridge reopened Tuesday after six months of repairs.\n\n\
                   SNOW DAY FOR SCHOOLS\n\nBy Tom Lee\n\nAll district schools closed as a storm dropped a foot of snow.\n";
    std::fs::write(&bad, english).unwrap();
    std::fs::write(
        papers.join("晨报-20240101.txt"),
        "晨报\n2024年1月1日\n\n第01版\n\n新年第一天 市民登山祈福\n\n本报讯 1月1日，数千市民登山迎接新年。\n",
    )
    .unwrap();
    (gbk, bad)
}

#[cfg(unix)]
#[test]
fn files_whose_names_are_not_utf8_open_and_their_bookmarks_and_place_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    let (gbk, bad) = odd_names(&papers);
    let dir = papers.to_str().unwrap().to_string();

    // Newest first: the GBK-named issue, then the undecodable one.
    let mut t = Pty::spawn_in(&[&dir], 120, 30, home, false);
    t.wait_text("全区冬季安全生产会议召开");
    t.send("m");
    t.wait_for("the star on the GBK-named issue", |s| stars(s) == 1 && s.contains("bookmarked"));
    t.send(">");
    t.wait_text("BRIDGE REOPENS AFTER REPAIRS");
    t.send("jm");
    t.wait_for("the star on the undecodable one", |s| stars(s) == 1 && s.contains("bookmarked"));
    t.send(">");
    t.wait_text("新年第一天");
    t.send("<");
    t.wait_text("SNOW DAY FOR SCHOOLS");
    t.send("q");
    assert_eq!(t.wait_exit(), 0, "{}", t.contents());

    // Both bookmarks are there after a restart, on issues that open; the
    // folder resumes the one last read in it.
    let home = t.take_home();
    let mut t = Pty::spawn_in(&[&dir], 120, 30, home, false);
    t.wait_for("the undecodable one with its star", |s| s.contains("SNOW DAY FOR SCHOOLS") && stars(s) == 1);
    t.wait_text("issue 2/3");
    t.send("<");
    t.wait_for("the GBK-named issue with its star", |s| s.contains("全区冬季安全生产会议召开") && stars(s) == 1);
    t.send(">");
    t.wait_for("the undecodable one again", |s| s.contains("All district schools closed") && stars(s) == 1);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    // With no PATH dubao resumes the last issue read: the undecodable one, at its second article.
    let home = t.take_home();
    let mut t = Pty::spawn_in(&[], 120, 30, home, false);
    t.wait_for("the last issue read", |s| s.contains("All district schools closed") && stars(s) == 1);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    // Each file opens by name too, shown with `�` where its name can't be shown.
    let home = t.take_home();
    let mut t = Pty::spawn_os(&[gbk.as_os_str()], 120, 30, home);
    t.wait_for("the GBK-named file", |s| s.contains("全区冬季安全生产会议召开") && stars(s) == 1);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let home = t.take_home();
    let mut t = Pty::spawn_os(&[bad.as_os_str()], 120, 30, home);
    t.wait_text("BRIDGE REOPENS");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    // Where a name is shown, what can't be shown is `�`.
    let o = crate::common::dubao_command()
        .arg("list")
        .arg(&papers)
        .env("HOME", &t.home)
        .env("XDG_CONFIG_HOME", t.home.join(".config"))
        .env("XDG_CACHE_HOME", t.home.join(".cache"))
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "every file reads: {}", String::from_utf8_lossy(&o.stderr));
    assert!(listed.contains("/papers/bad\u{fffd}\u{fffd}-2024-01-02.txt"), "{listed}");

    let loaded = stored(&t.home);
    let sources: Vec<_> = loaded.bookmarks.values().map(|b| dubao::library::name::to_path(&b.source)).collect();
    assert!(sources.contains(&gbk) && sources.contains(&bad), "{sources:?}");
}

/// The state a session's dubao kept on its tmpfs (which only the session's
/// namespace can see), copied out and opened.
#[cfg(unix)]
fn kept_on(s: &mut crate::common::fault::Session) -> dubao::store::Loaded {
    let copy = "rm -rf \"$HOME/copy\" && cp -r \"$XDG_CONFIG_HOME/dubao\" \"$HOME/copy\"";
    assert_eq!(s.sh(copy), 0);
    let (store, messages) = Store::open(Some(s.t.home.join("copy")), jiff::Timestamp::now());
    assert!(messages.is_empty(), "state files are sound: {messages:?}");
    store.loaded()
}

fn hollow(screen: &str) -> usize {
    screen.matches('☆').count()
}

/// The screen's text with the lines run together (long messages wrap).
fn joined(screen: &str) -> String {
    screen.replace('\n', "")
}

/// The life of changes that can't be saved, in a [`crate::common::fault::Session`]
/// under `prefix` with the state on a tmpfs of `size` (none: `""`): one
/// bookmark saved; `fault`; two bookmarks that can't be, which the next key
/// says (`says`) and the list shows hollow; quit: exit status 3, and on
/// stderr what was not saved, why and where it is kept; `fix`; a restart
/// that saves all three.
#[cfg(unix)]
fn unsaved_until_fixed(prefix: &[&str], size: &str, fault: &str, says: &str, fix: &str) {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let mut s = crate::common::fault::Session::start(prefix, size, tempfile::tempdir().unwrap());
    s.run(&[seed]);
    s.t.wait_text("东昌府讯 11月18日");
    s.t.send("m");
    s.t.wait_for("a saved star", |x| stars(x) == 1 && x.contains("bookmarked"));
    assert_eq!(s.sh(fault), 0, "{fault}");
    s.t.send("jm");
    s.t.wait_for("the next key to say it is not saved", |x| {
        x.contains(&format!("bookmarked — not saved: {says} · 1 unsaved, kept aside"))
            && x.contains(" 1 unsaved · 5 articles")
            && (stars(x), hollow(x)) == (1, 1)
    });
    assert!(!s.t.contents().contains(".tmp-"), "the state file is named, not a temp file");
    s.t.send("jm");
    s.t.wait_for("two unsaved", |x| x.contains("· 2 unsaved,") && (stars(x), hollow(x)) == (1, 2));
    s.t.send("q");
    assert_eq!(s.exited(), 3);
    s.t.wait_for("what was not saved, why and where it is kept", |x| {
        let x = joined(x);
        x.contains("changes were not saved (2 bookmarks and ")
            && x.contains(says.trim_start_matches('~'))
            && x.contains("they are kept in ")
    });
    assert_eq!(s.sh(fix), 0);
    s.run(&[seed]);
    s.t.wait_for("all three stars, saved", |x| {
        (stars(x), hollow(x)) == (3, 0) && x.contains("not saved last time are saved now")
    });
    s.t.send("q");
    assert_eq!(s.exited(), 0);
    assert_eq!(kept_on(&mut s).bookmarks.len(), 3);
}

#[cfg(unix)]
#[test]
fn a_state_directory_made_read_only_while_reading() {
    use crate::common::fault::{self, Mounts};
    match fault::mounts() {
        // A remount, as a sync tool or an administrator might.
        Mounts::Under(prefix) => unsaved_until_fixed(
            prefix,
            "256k",
            "mount -o remount,bind,ro \"$XDG_CONFIG_HOME\"",
            "~/.config/dubao: read-only",
            "mount -o remount,bind,rw \"$XDG_CONFIG_HOME\"",
        ),
        // No mounts here, but permissions bind this user: the same loss of write access.
        Mounts::No(_) if fault::permissions_bind() => unsaved_until_fixed(
            &[],
            "",
            "chmod 555 \"$XDG_CONFIG_HOME/dubao\"",
            "bookmarks.toml: permission denied",
            "chmod 755 \"$XDG_CONFIG_HOME/dubao\"",
        ),
        Mounts::No(why) => fault::skipped(
            "a_state_directory_made_read_only_while_reading",
            &format!("no tmpfs can be mounted ({why}) and permissions don't bind root"),
        ),
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_while_reading() {
    use crate::common::fault::{self, Mounts};
    match fault::mounts() {
        // Filled to the last byte (cat stops when it is full); then space freed.
        Mounts::Under(prefix) => unsaved_until_fixed(
            prefix,
            "256k",
            "cat /dev/zero > \"$XDG_CONFIG_HOME/fill\"; [ -s \"$XDG_CONFIG_HOME/fill\" ]",
            "bookmarks.toml: disk full",
            "rm \"$XDG_CONFIG_HOME/fill\"",
        ),
        Mounts::No(why) => fault::skipped(
            "a_full_disk_while_reading",
            &format!("no tmpfs can be mounted ({why}), and nothing else fills a disk for real"),
        ),
    }
}

#[test]
fn listing_bookmarks_reports_damage_and_repairs_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = state_dir(home.path());
    std::fs::create_dir_all(&dir).unwrap();
    let damaged = "version = 1\n\n[[bookmark]]\nid = \"b00932c366c5\"\nheadline = \"山东省\"\nsection = \"\"\nissue = \"东昌府报\"\nsource = \"x.txt\"\nadded = 2026-01-01T00:00:00Z\nchanged = 2026-01-01T00:00:00Z\nnote = \"\"\n\n[[bookmark]]\nid = \"ffff\nheadl";
    std::fs::write(dir.join("bookmarks.toml"), damaged).unwrap();
    let o = crate::common::dubao_command()
        .arg("bookmarks")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_CACHE_HOME", home.path().join(".cache"))
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), "\t东昌府报\t山东省\n", "what could be read is listed");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("dubao: bookmarks.toml could not be read ("), "{err}");
    assert!(err.trim_end().ends_with("1 bookmark recovered; the file is left as it is"), "{err}");
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names, ["bookmarks.toml"], "nothing moved aside, no lock file made");
    assert_eq!(std::fs::read_to_string(dir.join("bookmarks.toml")).unwrap(), damaged);
}

#[test]
fn articles_opened_from_the_archive_search_and_from_bookmarks_are_marked_read() {
    let mut t = Pty::spawn(&[], 120, 36);
    t.send("i");
    t.wait_text("issues ·");
    t.send("0308 清河\r");
    t.wait_text("13 articles · 13 unread");
    t.send("S");
    t.wait_text("phrase:");
    t.send("夜间门诊\r");
    t.wait_text("1 match in 1 of 4 issues");
    t.send("\r");
    t.wait_text("开设内科、外科、儿科");
    t.wait_text("13 articles · 12 unread");
    // A bookmark in this issue, opened from another.
    t.send("\tgjm");
    t.wait_text("bookmarked");
    t.send("<");
    t.wait_for("another issue", |s| !s.contains("13 articles"));
    t.send("B");
    t.wait_text("bookmarks · 1");
    t.send("\r");
    t.wait_text("13 articles · 11 unread");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(stored(&t.home).read.len(), 2, "both on disk");
}

#[test]
fn deleting_the_last_bookmark_of_the_list_keeps_the_others_shown_and_u_undoes_it() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 120, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("m");
    t.wait_text("bookmarked");
    t.send("jm");
    t.wait_for("two bookmarks", |s| stars(s) == 2);
    t.send("B");
    t.wait_text("bookmarks · 2");
    // Newest first: the second bookmark made is at the top, the first below it.
    t.send("jd");
    t.wait_text("bookmarks · 1");
    t.wait_text("— u undoes");
    let listed =
        |s: &str| s.lines().skip_while(|l| !l.contains("bookmarks · ")).skip(1).filter(|l| l.contains('★')).count();
    t.wait_for("the remaining bookmark listed", |s| listed(s) == 1 && s.contains("全市新冠肺炎疫情防控工作视频"));
    t.send("u");
    t.wait_text("bookmarks · 2");
    t.wait_text("bookmark restored: 山东省深化新旧动能转换");
    t.wait_for("both listed", |s| listed(s) == 2);
    // Delete both; the list stays for the undo, then closes.
    t.send("dd");
    t.wait_text("bookmarks · 0");
    t.wait_text("no bookmarks left");
    t.send("u");
    t.wait_text("bookmarks · 1");
    t.send("\x1b");
    t.wait_for("the list to close", |s| !s.contains("bookmarks · "));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(stored(&t.home).bookmarks.len(), 1, "the undone deletion is saved as undone");
}

#[test]
fn a_folder_or_files_given_on_the_command_line_resume_the_issue_last_read_there() {
    let home = tempfile::tempdir().unwrap();
    let papers = crate::common::data::sample_library(home.path());
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 120, 30, home, false);
    t.wait_text("issue 1/4");
    t.send(">>");
    t.wait_text("COUNCIL APPROVES $4.2 MILLION");
    t.send("jj\r");
    t.wait_text("Starting March 17");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    // Reading elsewhere in between does not change what this folder resumes.
    let seed = seed();
    let mut t = Pty::spawn_in(&[seed.to_str().unwrap()], 120, 30, t.take_home(), false);
    t.wait_text("东昌府讯 11月18日");
    t.send("jj\r");
    t.wait_text("融媒体中心 徐振鑫");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let mut t = Pty::spawn_in(&[&format!("{dir}/")], 120, 30, t.take_home(), false);
    t.wait_text("issue 3/4");
    t.wait_text("LIBRARY TO STAY OPEN SUNDAY AFTERNOONS");
    t.wait_text("Starting March 17");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    // And the seed, given again, opens where it was left.
    let mut t = Pty::spawn_in(&[seed.to_str().unwrap()], 120, 30, t.take_home(), false);
    t.wait_text("融媒体中心 徐振鑫");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_restart_comes_back_to_the_article_pane_and_the_column_width_left() {
    let mut t = Pty::spawn(&[], 120, 30);
    t.wait_text("issue 1/4");
    // The list's left border is bold while the list has the keyboard.
    t.wait_for("the list focused", |_| t.bold(0, 5) && !t.bold(40, 5));
    t.send("\r");
    t.wait_for("the article focused", |_| !t.bold(0, 5) && t.bold(38, 5));
    t.send("--");
    t.wait_text("text column at most 72 cells");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let mut t = Pty::spawn_in(&[], 120, 30, t.take_home(), false);
    t.wait_text("issue 1/4");
    t.wait_for("the article pane focused again", |_| !t.bold(0, 5) && t.bold(38, 5));
    t.send("+");
    t.wait_text("text column at most 76 cells");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
