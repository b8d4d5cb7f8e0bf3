//! `x` and `|` in the reader, end to end: the article, the issue and the
//! bookmarks written where the config says; the article's text piped to a
//! command that has the terminal to itself.

use crate::common::data::seed_path as seed;
use crate::common::pty::Pty;
use std::path::Path;

/// A home whose config sends exports to `HOME/out` and offers `pipe`.
fn home_with(pipe: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/dubao");
    std::fs::create_dir_all(&dir).unwrap();
    let out = home.path().join("out");
    let config = format!("[export]\ndir = {:?}\npipe_command = {:?}\n", out.display().to_string(), pipe);
    std::fs::write(dir.join("config.toml"), config).unwrap();
    home
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn x_writes_the_article_the_issue_and_the_bookmarks() {
    let seed = seed();
    let t = Pty::spawn_in(&[seed.to_str().unwrap()], 120, 30, home_with(""), false);
    let out = t.home.join("out");
    t.wait_text("东昌府讯 11月18日");
    t.send("\r");
    t.send("x");
    t.wait_text("article exported to");
    let article = std::fs::read_to_string(out.join(&files(&out)[0])).unwrap();
    assert!(article.contains("title: \"山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开\""), "{article}");
    assert!(!article.contains("全市新冠肺炎疫情防控工作视频会议召开"), "one article only");
    // In the list: the whole issue.
    t.send("h");
    t.send("x");
    t.wait_text("issue exported to");
    let names = files(&out);
    assert_eq!(names.len(), 2, "{names:?}");
    let issue = names.iter().map(|n| std::fs::read_to_string(out.join(n)).unwrap()).find(|s| s.contains("# ")).unwrap();
    assert!(issue.contains("### 全市新冠肺炎疫情防控工作视频会议召开"), "{issue}");
    // In the bookmarks: all of them, with their notes.
    t.send("m");
    t.wait_text("bookmarked");
    t.send("B");
    t.wait_text("bookmarks · 1");
    t.send("x");
    t.wait_text("1 bookmark exported to");
    let md = std::fs::read_to_string(out.join("bookmarks.md")).unwrap();
    assert!(md.starts_with("# Bookmarks") && md.contains("山东省深化新旧动能转换"), "{md}");
}

#[test]
fn pipe_hands_the_terminal_to_the_command_and_remembers_it() {
    let seed = seed();
    let home = home_with("");
    let piped = home.path().join("piped.txt");
    let stty = home.path().join("stty.txt");
    let command = format!("cat > {} && stty -a < /dev/tty > {}", piped.display(), stty.display());
    let mut t = Pty::spawn_in(&[seed.to_str().unwrap()], 120, 30, home, false);
    t.wait_text("东昌府讯 11月18日");
    t.send("\r");
    t.send("|");
    t.wait_text("⏎ run");
    t.send(&command);
    t.send("\r");
    t.wait_text("press Enter to return to the reader");
    assert!(!t.alternate_screen(), "the reader's screen is put away while the command runs");
    let text = std::fs::read_to_string(&piped).unwrap();
    assert!(text.starts_with("山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开\n"), "{text}");
    assert!(
        text.contains("\n\n东昌府讯 11月18日") && text.trim_end().ends_with("（融媒体中心 徐振鑫 朱晓斌）"),
        "{text}"
    );
    // The command ran on a terminal in its usual mode, not the reader's raw one.
    let modes = std::fs::read_to_string(&stty).unwrap();
    assert!(
        modes.split_whitespace().any(|w| w == "icanon") && modes.split_whitespace().any(|w| w == "echo"),
        "{modes}"
    );
    t.send("\r");
    t.wait_text(&format!("piped to {command}"));
    assert!(t.alternate_screen());
    // The next prompt starts with the command run last; ↑ goes back to it
    // after the line is changed; Esc runs nothing.
    // (Too long for the line: its end is shown, the cursor after it.)
    t.send("|");
    t.wait_text("/stty.txt▏");
    t.send("\x7f\x7f\x7f");
    t.wait_text("/stty.▏");
    t.send("\x1b[A");
    t.wait_text("/stty.txt▏");
    t.send("\x1b");
    t.wait_for("the prompt to close", |s| !s.contains("⏎ run"));
    // The history outlives the session.
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let home = t.take_home();
    drop(t);
    let t = Pty::spawn_in(&[seed.to_str().unwrap()], 120, 30, home, false);
    t.wait_text("东昌府讯 11月18日");
    t.send("|");
    t.wait_text("/stty.txt▏");
}

#[test]
fn a_command_that_fails_or_cannot_run_is_said_and_the_reader_goes_on() {
    let seed = seed();
    let t = Pty::spawn_in(&[seed.to_str().unwrap()], 100, 24, home_with("exit 3"), false);
    t.wait_text("东昌府讯 11月18日");
    t.send("|");
    t.wait_text("|exit 3▏");
    t.send("\r");
    t.wait_text("exit status 3");
    t.send("\r");
    t.wait_text("exit 3: exit status 3");
    t.send("j");
    t.wait_text("全市新冠肺炎疫情防控工作视频会议召开");
}
