//! The interface's three languages: every message in each, every message
//! the source asks for in English (the fallback), and Chinese screens that
//! keep their columns.

use crate::app::screens::{render, text};
use dubao::app::{Action, Keymap, Settings, State, update};
use dubao::i18n::{Lang, message_ids, parses};
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn every_message_is_in_every_language() {
    let en: BTreeSet<String> = message_ids(Lang::En).into_iter().collect();
    for lang in Lang::ALL {
        assert_eq!(parses(lang), Ok(()), "{lang:?} parses");
        let ids: BTreeSet<String> = message_ids(lang).into_iter().collect();
        let missing: Vec<&String> = en.difference(&ids).collect();
        let extra: Vec<&String> = ids.difference(&en).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang:?}: missing {missing:?}, not in English {extra:?}");
        assert_eq!(ids.len(), message_ids(lang).len(), "{lang:?}: a message twice");
    }
}

/// The literal message ids in the source: strings like `st-bookmarked`.
fn ids_in(dir: &Path, out: &mut BTreeSet<String>) {
    const PREFIXES: &[&str] = &[
        "action-", "help-", "hint-", "search-", "top-", "list-", "time-", "too-", "overlay-", "archive-", "bm-",
        "picker-", "front-", "st-", "cli-", "err-", "exit-", "store-",
    ];
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            ids_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split('"').skip(1).step_by(2) {
                let is_id = PREFIXES.iter().any(|p| piece.starts_with(p))
                    && piece.len() > 4
                    && piece.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
                if is_id && !piece.ends_with('-') {
                    out.insert(piece.to_string());
                }
            }
        }
    }
}

#[test]
fn every_message_the_source_asks_for_is_written() {
    let en: BTreeSet<String> = message_ids(Lang::En).into_iter().collect();
    let mut used = BTreeSet::new();
    ids_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
    for a in Action::BINDABLE {
        used.insert(format!("action-{}", a.name()));
    }
    assert!(used.len() > 60, "the scan finds the ids: {used:?}");
    let missing: Vec<&String> = used.difference(&en).collect();
    assert!(missing.is_empty(), "asked for but not in en.ftl: {missing:?}");
}

fn reader(lang: Lang, size: (u16, u16)) -> State {
    let bytes = crate::common::data::seed_bytes();
    let issue = dubao::parse::parse_issue(&bytes, "seed.txt").unwrap().issue;
    let settings = Settings { lang, ..Settings::default() };
    let mut s = State::new(vec!["seed".into()], settings, Keymap::default(), size);
    update(&mut s, Action::Loaded { name: "seed".into(), result: Ok(std::sync::Arc::new(issue)) });
    s
}

fn screen(s: &State) -> Vec<String> {
    text(&render(s, &dubao::ui::Theme::default())).lines().map(str::to_string).collect()
}

#[test]
fn chinese_help_and_bottom_line_in_both_scripts_with_their_columns() {
    for (lang, want, not) in [(Lang::ZhHans, "下一篇未读", "下一篇未讀"), (Lang::ZhHant, "下一篇未讀", "下一篇未读")]
    {
        let mut s = reader(lang, (120, 50));
        let rows = screen(&s).join("\n");
        assert!(rows.contains("移动") || rows.contains("移動"), "{lang:?} bottom line: {rows}");
        update(&mut s, Action::Help);
        let rows = screen(&s).join("\n");
        assert!(rows.contains(want) && !rows.contains(not), "{lang:?}:\n{rows}");
        // The descriptions start in one column whatever their keys' widths
        // (cells, not characters: `⏎ l →` and `Space PgDn` alike).
        let cols: BTreeSet<usize> = screen(&s)
            .iter()
            .filter_map(|row| {
                // A description starting with one of these words, after the keys' column.
                let words = ["下一", "上一", "第一", "最後", "最后", "回到"];
                let at = words.iter().filter_map(|w| row.find(w)).filter(|&at| row[..at].ends_with("  ")).min()?;
                Some(unicode_width::UnicodeWidthStr::width(&row[..at]))
            })
            .collect();
        assert!(cols.len() == 1, "{lang:?}: descriptions at columns {cols:?}");
    }
}

#[test]
fn what_was_not_saved_is_said_with_english_plurals_and_chinese_counters() {
    use dubao::i18n::problems::{kept, unsaved};
    use dubao::store::{Kept, Unsaved};
    let one = |id: &str| dubao::model::ArticleId(id.into());
    let u = Unsaved { bookmarks: [one("a")].into(), read: [one("b"), one("c")].into(), positions: 0 };
    assert_eq!(unsaved(Lang::En, &u), "1 bookmark and 2 read marks");
    assert_eq!(unsaved(Lang::ZhHans, &u), "1 个书签和 2 个已读标记");
    let all = Unsaved { positions: 1, ..u };
    assert_eq!(unsaved(Lang::En, &all), "1 bookmark, 2 read marks and 1 reading position");
    assert_eq!(unsaved(Lang::ZhHant, &all), "1 個書籤、2 個已讀標記和 1 個閱讀位置");
    let said = |lang: Lang, n: usize| {
        lang.f("exit-not-saved", &[("n", n.into()), ("what", "…".into()), ("why", "read-only".into())])
    };
    assert_eq!(said(Lang::En, 1), "1 change was not saved (…): read-only");
    assert_eq!(said(Lang::En, 4), "4 changes were not saved (…): read-only");
    assert_eq!(said(Lang::ZhHans, 4), "4 项更改未保存（…）：read-only");
    let dir = Kept::In("/j".into());
    assert_eq!(kept(Lang::En, Some(&dir), 1), "it is kept in /j and will be saved the next time dubao starts");
    assert_eq!(kept(Lang::En, Some(&dir), 2), "they are kept in /j and will be saved the next time dubao starts");
    assert_eq!(kept(Lang::ZhHant, Some(&dir), 1), "這項變更已暫存在 /j，下次啟動 dubao 時會儲存");
    assert_eq!(kept(Lang::ZhHans, None, 3), "这些更改已丢失");
    let nowhere = Kept::Nowhere("disk full".into());
    assert_eq!(kept(Lang::En, Some(&nowhere), 1), "it could not be kept anywhere either (disk full), and is lost");
}

#[test]
fn load_errors_keep_the_file_name_in_every_language() {
    use dubao::i18n::problems::load_error;
    use dubao::library::{LoadError, Problem};
    let e = LoadError { path: "papers/0101.txt".into(), problem: Problem::NotFound };
    assert_eq!(load_error(Lang::En, &e), e.to_string(), "English is what Display says");
    assert_eq!(load_error(Lang::ZhHans, &e), "papers/0101.txt：没有这个文件或目录");
    let e = LoadError { path: "papers".into(), problem: Problem::NoIssues };
    assert_eq!(load_error(Lang::En, &e), e.to_string());
    assert!(load_error(Lang::ZhHant, &e).starts_with("papers：這個目錄中沒有期刊檔案（*.txt"));
    let binary = dubao::parse::DecodeError::NotText(dubao::parse::NotText::Binary { nuls: 900, at: 3 });
    let e = LoadError { path: "x.bin".into(), problem: Problem::Decode(binary) };
    assert_eq!(load_error(Lang::En, &e), "x.bin: not a text file (binary data: 900 NUL bytes, the first at offset 3)");
    assert_eq!(load_error(Lang::ZhHans, &e), "x.bin：不是文本文件（二进制数据：900 个 NUL 字节，第一个位于偏移 3）");
    let json = dubao::parse::DecodeError::Unreadable("expected value at line 1".into());
    let e = LoadError { path: "a.json".into(), problem: Problem::Decode(json) };
    assert_eq!(load_error(Lang::ZhHant, &e), "a.json：expected value at line 1", "a parser's words are passed on");
    let e = LoadError { path: "b.epub".into(), problem: Problem::TooLarge { len: 9, ext: "epub".into(), mb: 1 } };
    assert_eq!(load_error(Lang::En, &e), e.to_string());
    assert_eq!(load_error(Lang::ZhHant, &e), "b.epub：9 位元組，超過 dubao 讀取 .epub 的上限（1 MB）");
}

#[test]
fn what_the_store_says_is_worded_where_it_is_shown() {
    use dubao::store::Store;
    let home = tempfile::tempdir().unwrap();
    let block = home.path().join("file");
    std::fs::write(&block, "not a directory").unwrap();
    let (_, said) = Store::open(Some(block.join("dubao")), jiff::Timestamp::UNIX_EPOCH);
    let dir = block.join("dubao").display().to_string();
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(
        said[0].to_string(),
        format!("changes can't be saved: {dir} could not be created (a part of the path is a file, not a directory)")
    );
    assert_eq!(said[0].say(Lang::ZhHans), format!("无法保存更改：无法创建 {dir}（路径中的一部分是文件，不是目录）"));
    assert_eq!(said[0].say(Lang::ZhHant), format!("無法儲存變更：無法建立 {dir}（路徑中的一部分是檔案，不是目錄）"));

    let state = home.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("read.toml"), "version = 1\n[[read]\n").unwrap();
    let (_, said) = Store::open(Some(state), jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(said.len(), 1, "{said:?}");
    let en = said[0].to_string();
    assert!(
        en.starts_with("read.toml could not be read; moved aside to read.toml.corrupt-")
            && en.ends_with("; 0 read marks recovered"),
        "{en}"
    );
    let zh = said[0].say(Lang::ZhHans);
    assert!(
        zh.starts_with("无法读取 read.toml；已移到一旁，改名为 read.toml.corrupt-")
            && zh.ends_with("；已恢复 0 个已读标记"),
        "{zh}"
    );
}

#[test]
fn an_issue_that_cannot_be_read_is_said_in_the_reader_s_language() {
    use dubao::library::{LoadError, Problem};
    for (lang, want) in
        [(Lang::En, "gone.txt: no such file or directory"), (Lang::ZhHant, "gone.txt：沒有這個檔案或目錄")]
    {
        let settings = Settings { lang, ..Settings::default() };
        let mut s = State::new(vec!["gone.txt".into()], settings, Keymap::default(), (100, 30));
        let e = LoadError { path: "gone.txt".into(), problem: Problem::NotFound };
        update(&mut s, Action::Loaded { name: "gone.txt".into(), result: Err(e) });
        let rows = screen(&s).join("\n");
        assert!(rows.contains(want), "{lang:?}:\n{rows}");
    }
}

#[test]
fn files_the_index_could_not_read_are_said_in_the_reader_s_language() {
    use dubao::library::Problem;
    use dubao::parse::{DecodeError, NotText};
    let binary = Problem::Decode(DecodeError::NotText(NotText::Binary { nuls: 9, at: 3 }));
    let unindexed = |more| Action::Unindexed { path: "/papers/notes.txt".into(), problem: binary.clone(), more };
    let (en, hans, hant) = (
        "/papers/notes.txt: not a text file (binary data: 9 NUL bytes, the first at offset 3)",
        "/papers/notes.txt：不是文本文件（二进制数据：9 个 NUL 字节，第一个位于偏移 3）",
        "/papers/notes.txt：不是文字檔案（二進位資料：9 個 NUL 位元組，第一個位於位移 3）",
    );
    for (lang, one, more) in
        [(Lang::En, en, " (and 2 more)"), (Lang::ZhHans, hans, "（另有 2 个）"), (Lang::ZhHant, hant, "（另有 2 個）")]
    {
        let mut s = reader(lang, (120, 30));
        update(&mut s, unindexed(0));
        assert_eq!(s.status.as_deref(), Some(one), "{lang:?}");
        update(&mut s, unindexed(2));
        assert_eq!(s.status.as_deref(), Some(format!("{one}{more}").as_str()), "{lang:?}");
    }
}
