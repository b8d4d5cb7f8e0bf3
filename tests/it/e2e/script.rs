//! Simplified ⇄ Traditional in the real reader: the script key, the
//! configured script, and what survives a switch and a restart.

use crate::common::data::seed_path as seed;
use crate::common::pty::Pty;
use std::path::Path;

/// A small simplified issue with a Taiwan phrase in it.
fn cross_strait(dir: &Path) -> String {
    let path = dir.join("两岸日报-20240308.txt");
    let text = "两岸日报\n\n台湾鼠标厂商发展迅速\n\n记者 张三\n\n台湾的鼠标和软件厂商近年发展迅速。\n\n第二篇报道\n\n正文一段。\n";
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn write_config(home: &Path, text: &str) {
    let dir = home.join(".config/dubao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn t_shows_a_simplified_issue_in_traditional_and_taiwan_phrasing() {
    let dir = tempfile::tempdir().unwrap();
    let issue = cross_strait(dir.path());
    let t = Pty::spawn(&[&issue], 120, 30);
    t.wait_text("台湾的鼠标和软件厂商近年发展迅速");
    t.send("T");
    t.wait_text("臺灣的鼠標和軟件廠商近年發展迅速");
    t.wait_text("script: 繁體");
    t.send("T");
    t.wait_text("台湾的鼠标和软件厂商近年发展迅速");
    t.send("q");

    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), "[display]\nscript = \"taiwan\"\n");
    let t = Pty::spawn_in(&[&issue], 120, 30, home, false);
    t.wait_text("臺灣的滑鼠和軟體廠商近年發展迅速");
    t.wait_for("the list in Taiwan phrasing", |s| s.contains("臺灣滑鼠廠商發展迅速"));
    t.send("T");
    t.wait_text("台湾的鼠标和软件厂商近年发展迅速");
    t.send("T");
    t.wait_text("臺灣的滑鼠和軟體廠商");
    t.send("q");
}

#[test]
fn bookmarks_and_the_reading_place_survive_a_switch_and_a_restart() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let mut t = Pty::spawn(&[seed], 120, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("m");
    t.wait_for("the star", |s| s.contains('★'));
    t.send("\r ");
    t.wait_for("the article to scroll", |s| !s.contains("我区设分会场组织收听收看"));
    let last = std::cell::RefCell::new(String::new());
    t.wait_for("the screen to settle", |s| last.replace(s.to_string()) == s);
    let row = |s: &str| s.lines().nth(2).map(|l| l.chars().skip(40).collect::<String>()).unwrap_or_default();
    let before = row(&t.contents());
    t.send("T");
    let traditional = dubao::script::convert(&before, dubao::script::Script::Traditional).text;
    assert_ne!(traditional, before);
    t.wait_for("the same place, in traditional characters", |s| row(s) == traditional);
    assert!(t.contents().contains('★'), "the bookmark is kept");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    let home = t.take_home();
    let t = Pty::spawn_in(&[seed], 120, 30, home, false);
    t.wait_for("the same place, as printed, and the star", |s| row(s) == before && s.contains('★'));
    t.send("T");
    t.wait_for("the same place in traditional again", |s| row(s) == traditional);
    t.send("q");
}

#[test]
fn searching_in_simplified_highlights_the_traditional_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("聯合報-20240307.txt");
    std::fs::write(&path, "兩岸交流——\n\n臺灣經濟持續發展\n\n記者 李四\n\n臺灣的高質量發展成效明顯。\n").unwrap();
    let t = Pty::spawn(&[path.to_str().unwrap()], 120, 30);
    t.wait_text("臺灣的高質量發展成效明顯");
    t.send("/发展");
    t.wait_text("2 matches");
    t.wait_for("發展 highlighted where it is printed", |_| {
        t.highlighted().split_whitespace().filter(|w| *w == "發展").count() == 2
    });
    t.send("\r");
    t.send("/台湾");
    t.wait_text("2 matches");
    t.send("q");
}

#[test]
fn a_long_article_is_converted_whole_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("长篇-20240308.txt");
    let mut text = String::from("长篇报道\n\n台湾软件厂商发展迅速\n\n记者 张三\n\n");
    for n in 0..3000 {
        text.push_str(&format!("第{n}段，台湾的软件厂商近年发展迅速。\n\n"));
    }
    std::fs::write(&path, text).unwrap();
    let t = Pty::spawn(&[path.to_str().unwrap()], 100, 30);
    t.wait_text("第0段，台湾的软件厂商");
    t.send("T");
    t.wait_text("第0段，臺灣的軟件廠商");
    // The end was not on screen when T was pressed: it comes converted all the same.
    t.send("\rG");
    t.wait_text("第2999段，臺灣的軟件廠商");
    t.send("q");
}
