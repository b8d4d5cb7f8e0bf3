//! The interface's language from the locale, end to end.

use crate::common::data::seed_path as seed;
use crate::common::pty::Pty;

fn help_in(lang: &str, want: &[&str], not: &[&str]) {
    let seed = seed();
    let home = tempfile::tempdir().unwrap();
    let t = Pty::spawn_env(&[seed.to_str().unwrap()], 120, 50, home, &[("LANG", lang)]);
    t.wait_text("东昌府讯 11月18日");
    t.send("?");
    t.wait_for("the help in the locale's language", |s| {
        want.iter().all(|w| s.contains(w)) && not.iter().all(|w| !s.contains(w))
    });
    t.send("q");
}

#[test]
fn lang_zh_cn_shows_the_help_in_simplified_chinese() {
    help_in(
        "zh_CN.UTF-8",
        &["dubao · 按键（Esc 关闭）", "下一篇未读", "在本期中搜索"],
        &["next unread article", "下一篇未讀"],
    );
}

#[test]
fn lang_zh_tw_shows_the_help_in_traditional_chinese() {
    help_in(
        "zh_TW.UTF-8",
        &["dubao · 按鍵（Esc 關閉）", "下一篇未讀", "在本期中搜尋"],
        &["next unread article", "下一篇未读"],
    );
}

#[test]
fn the_config_s_ui_language_goes_before_the_locale() {
    let seed = seed();
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/dubao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "ui_language = \"en\"\n").unwrap();
    let t = Pty::spawn_env(&[seed.to_str().unwrap()], 120, 30, home, &[("LANG", "zh_TW.UTF-8")]);
    t.wait_text("j/k move");
    t.send("m");
    t.wait_text("bookmarked");
    t.send("q");
}
