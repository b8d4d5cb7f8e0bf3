//! End to end: the real binary in a pseudo-terminal, keys in, screen read back.

use crate::common::data::seed_path as seed;
use crate::common::pty::Pty;

#[test]
fn reading_the_seed_issue() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 120, 36);
    // All five headlines (the list truncates long ones) and the first article.
    for h in [
        "山东省深化新旧动能转换",
        "全市新冠肺炎疫情防控工作视频",
        "暖心! 3360斤爱心蔬菜",
        "双拥花开 鱼水情深",
        "让每一位脱贫群众稳稳的收获幸福",
    ] {
        t.wait_text(h);
    }
    t.wait_text("东昌府讯 11月18日");
    t.wait_text("（融媒体中心 徐振鑫 朱晓斌）");

    t.send("]");
    t.wait_text("张百顺指出");
    t.send("[");
    t.wait_text("会议指出");

    t.send("/侯营镇");
    t.wait_text("3 matches");
    t.send("\r");
    t.wait_text("match 1 of 3");
    t.wait_text("侯营镇持续巩固脱贫攻坚成果");

    t.send("?");
    t.wait_text("bookmark / unbookmark");
    t.send("\x1b");
    t.wait_for("help to close", |s| !s.contains("bookmark / unbookmark"));

    t.resize(40, 12);
    t.wait_for("one pane at 40 columns", |s| {
        s.lines().nth(1).is_some_and(|l| l.chars().count() <= 40) && s.contains("侯营镇")
    });
    t.resize(10, 4);
    t.wait_text("too small");
    t.resize(1, 1);
    t.resize(120, 36);
    t.wait_text("让每一位脱贫群众稳稳的收获幸福");
    t.wait_text("双拥花开 鱼水情深");

    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert!(!t.alternate_screen(), "left the alternate screen");
    assert!(t.cooked(), "left raw mode");
    let raw = t.raw();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).to_string();
    assert!(tail.contains("\x1b[?1049l"), "the last thing done is leaving the alternate screen: {tail:?}");
}

#[test]
fn bundled_samples_open_newest_first_by_their_own_titles_and_issues_switch_older_and_newer() {
    let mut t = Pty::spawn(&[], 120, 36);
    t.wait_text("清河周末 · 2024-03-10 · issue 1/4");
    t.wait_text("滨河公园春日游园会开幕");
    t.send("i");
    t.wait_for("the picker newest first, by the issues' own titles", |s| {
        let rows: Vec<&str> = s.lines().filter(|l| l.contains("2024-03-") && !l.contains("issue 1/4")).collect();
        let order =
            ["2024-03-10  清河周末", "2024-03-09  清河日报", "2024-03-08  Riverton Courier", "2024-03-08  清河日报"];
        rows.len() == 4 && rows.iter().zip(order).all(|(row, want)| row.contains(want))
    });
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("issues · 4 of 4"));
    t.send(">");
    t.wait_text("全区春耕生产暨高标准农田建设工作会议召开");
    t.wait_text("issue 2/4");
    t.send(">");
    t.wait_text("COUNCIL APPROVES $4.2 MILLION");
    t.send("<<");
    t.wait_text("issue 1/4");
    t.wait_text("滨河公园春日游园会开幕");
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    assert!(t.cooked());
}

#[test]
fn b_at_the_top_of_an_issue_goes_back_to_the_end_of_the_newer_one() {
    let t = Pty::spawn(&[], 120, 36);
    t.wait_text("issue 1/4");
    t.send(">");
    t.wait_text("issue 2/4");
    t.send("\r");
    t.wait_text("全区春耕生产暨高标准农田建设工作会议召开");
    t.send("b");
    t.wait_text("previous issue: 清河周末");
    t.wait_text("issue 1/4");
    t.wait_for("its last article, at its end", |s| {
        s.contains("话题 #清河春日打卡# 精选") && s.contains("（清河日报新媒体部）") && s.contains(" 100% ")
    });
    t.send("q");
}

#[test]
fn titles_from_inside_the_files_reach_the_picker_with_a_file_that_is_not_an_issue_among_them() {
    let dir = tempfile::tempdir().unwrap();
    let weekend =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/issues/qinghe-weekend-2024-03-10.dubao")).unwrap();
    std::fs::write(dir.path().join("qinghe-weekend-2024-03-10.dubao"), &weekend).unwrap();
    // Its name says another title and day than the issue inside it.
    std::fs::write(dir.path().join("weekend-copy-2024-03-01.dubao"), &weekend).unwrap();
    // Not text: bytes of a linear congruential generator.
    let noise: Vec<u8> = (0..3000u32)
        .scan(12345u32, |x, _| {
            *x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            Some((*x >> 16) as u8)
        })
        .collect();
    std::fs::write(dir.path().join("notes.txt"), noise).unwrap();
    let t = Pty::spawn(&[dir.path().to_str().unwrap()], 100, 24);
    t.wait_text("清河周末 · 2024-03-10");
    t.send("i");
    t.wait_for("both issues by the title and date inside them", |s| {
        s.lines().filter(|l| l.contains("2024-03-10  清河周末")).count() == 2 && !s.contains("weekend copy")
    });
    t.send("\x1b");
    t.wait_for("the picker closed", |s| !s.contains("issues · 3 of 3"));
    t.send("q");
}

#[test]
fn a_library_folder_searched_whole_and_new_issues_appearing_while_reading() {
    let home = tempfile::tempdir().unwrap();
    let papers = crate::common::data::sample_library(home.path());
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 120, 36, home, false);
    t.wait_text("issue 1/4");
    // A search reads what is indexed so far: let the index take all four in.
    t.wait_for("indexing to finish", |s| !s.contains("indexing"));

    // Archive search: the phrase is cut by a hyphen at a line end in the file.
    t.send("S");
    t.wait_text("phrase:");
    t.send("construction is EXPECTED\r");
    t.wait_text("1 match in 1 of 4 issues");
    t.wait_text("COUNCIL APPROVES $4.2 MILLION");
    t.wait_text("Construction is expected");
    t.send("\r");
    t.wait_text("issue 3/4");
    t.wait_for("the article at its match", |s| s.contains("Riverton Courier") && s.contains("struction is expected"));

    // A new issue dropped into the folder joins the library.
    let new = "清河日报\n2024年4月1日\n\n第01版\n\n新图书馆今日开放\n\n本报讯 4月1日,新图书馆正式开放。\n";
    std::fs::write(papers.join("清河日报-20240401.txt"), new).unwrap();
    t.wait_text("issue 4/5");
    t.send("i");
    t.wait_text("issues · 5 of 5");
    t.send("0401");
    t.wait_text("1 of 5");
    t.wait_text("2024-04-01");
    t.send("\r");
    t.wait_text("新图书馆今日开放");
    t.wait_text("issue 1/5");
    // And one taken away leaves it; the issue being read stays where it is.
    let other = std::fs::read_dir(&papers).unwrap().map(|e| e.unwrap().path());
    let other = other.filter(|p| !p.ends_with("清河日报-20240401.txt")).find(|p| p.is_file()).unwrap();
    std::fs::remove_file(other).unwrap();
    t.wait_text("issue 1/4");
    t.wait_text("新图书馆今日开放");
    // A new folder of issues is walked, and what it holds joins the list.
    std::fs::create_dir(papers.join("四月")).unwrap();
    let later = "清河日报\n2024年4月2日\n\n第01版\n\n图书馆迎来首批读者\n\n本报讯 4月2日,读者排起长队。\n";
    std::fs::write(papers.join("四月").join("清河日报-20240402.txt"), later).unwrap();
    t.wait_text("issue 2/5");
    t.wait_text("新图书馆今日开放");
    t.send("i");
    t.wait_text("2024-04-02  清河日报");
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("issues · "));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn paths_given_twice_or_nested_are_read_once() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    std::fs::create_dir_all(papers.join("sub")).unwrap();
    let samples: Vec<_> =
        std::fs::read_dir(crate::common::data::samples()).unwrap().map(|e| e.unwrap().path()).collect();
    for (i, path) in samples.iter().enumerate() {
        let to = if i == 0 { papers.join("sub") } else { papers.clone() };
        std::fs::copy(path, to.join(path.file_name().unwrap())).unwrap();
    }
    let n = samples.len();
    let dir = papers.to_str().unwrap().to_string();
    let sub = papers.join("sub").to_str().unwrap().to_string();
    let dotted = papers.join(".").join("sub").to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir, &dir, &sub, &dotted], 120, 36, home, false);
    t.wait_text(&format!("issue 1/{n}"));
    t.send("i");
    t.wait_text(&format!("issues · {n} of {n}"));
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("issues · "));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn an_unreadable_file_says_so_in_the_title_and_its_error_is_wrapped_at_words() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let sample = std::fs::read_dir(crate::common::data::samples()).unwrap().next().unwrap().unwrap().path();
    std::fs::copy(&sample, papers.join(sample.file_name().unwrap())).unwrap();
    let mut binary = b"\x7fELF\x02\x01\x01".to_vec();
    binary.extend(std::iter::repeat_n(0u8, 600));
    std::fs::write(papers.join("binary.txt"), binary).unwrap();
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 100, 24, home, false);
    t.wait_text("issue 1/2");
    t.send("i");
    t.wait_text("issues · 2 of 2");
    t.send("binary");
    t.wait_text("issues · 1 of 2");
    t.send("\r");
    t.wait_text("binary.txt — not readable");
    t.wait_for("the error in the list pane, wrapped at words", |s| {
        let pane: Vec<&str> = s.lines().skip(2).map(|l| l.split('│').nth(1).unwrap_or("").trim_end()).collect();
        let text = pane.iter().take_while(|l| !l.is_empty()).copied().collect::<Vec<_>>();
        let inner = s.lines().nth(1).map_or(0, |l| l.split('┐').next().unwrap().chars().count() - 1);
        // Lines break at spaces (or after a `/` of the path), nothing lost…
        let joined = text.iter().fold(String::new(), |acc, l| match acc.ends_with('/') || acc.is_empty() {
            true => acc + l,
            false => acc + " " + l,
        });
        // …and each is as full as its next word allows.
        let full =
            text.windows(2).all(|w| w[0].chars().count() + 1 + w[1].split([' ', '/']).next().unwrap().len() > inner);
        joined.ends_with("binary.txt: not a text file (binary data: 600 NUL bytes, the first at offset 7)") && full
    });
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// The dates of the picker's rows, top to bottom.
fn picked_dates(screen: &str) -> Vec<String> {
    let rows = screen.lines().skip_while(|l| !l.contains("filter:")).skip(1);
    let date = |l: &str| l.split_whitespace().find(|w| w.len() == 10 && w.as_bytes()[4] == b'-').map(str::to_string);
    rows.filter_map(|l| date(l.split('│').nth(2)?)).collect()
}

#[test]
fn the_picker_filters_on_the_issues_own_dates_in_every_written_form_best_match_first() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let issue = |masthead: &str| format!("{masthead}\n\n第01版\n\n新闻标题\n\n本报讯 正文一段。\n");
    let files = [
        ("Riverton Courier 2002-01-30.txt", issue("Riverton Courier")),
        // Dated only inside: the picker knows it once the file is read.
        ("courier-late.txt", issue("晨报\n2002年1月30日")),
        ("清河日报-20011130.txt", issue("清河日报")),
        ("清河日报-20011203.txt", issue("清河日报")),
        ("清河日报-20010315.txt", issue("清河日报")),
    ];
    for (name, text) in &files {
        std::fs::write(papers.join(name), text).unwrap();
    }
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 120, 30, home, false);
    t.wait_text("issue 1/5");
    t.send("i");
    t.wait_for("every date known", |s| picked_dates(s).len() == 5);
    for filter in ["0130", "1月30日", "20020130", "2002-01-30", "2002 01 30", "2002年1月30日"] {
        t.send(filter);
        t.wait_for(&format!("{filter}: the two issues of 2002-01-30"), |s| {
            picked_dates(s) == ["2002-01-30", "2002-01-30"] && s.contains(&format!("filter: {filter}▏"))
        });
        t.send(&"\x7f".repeat(filter.chars().count()));
        t.wait_for("the filter emptied", |s| picked_dates(s).len() == 5);
    }
    t.send("2001 03");
    t.wait_for("March before December 3", |s| picked_dates(s) == ["2001-03-15", "2001-12-03"]);
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("filter:"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn search_snippets_are_set_like_the_article_and_cut_with_an_ellipsis() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let long = "全区上下凝心聚力,扎实推进各项重点工作落地见效".repeat(3);
    let text =
        format!("清河日报\n2024年3月8日\n\n第01版\n\n春耕会议召开\n\n本报讯 {long},春耕备耕,全面展开。{long}。\n");
    std::fs::write(papers.join("清河日报-20240308.txt"), text).unwrap();
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 80, 24, home, false);
    t.wait_text("春耕会议召开");
    t.send("S");
    t.wait_text("phrase:");
    t.send("春耕备耕\r");
    t.wait_text("1 match in 1 of 1 issue");
    t.wait_for("the snippet set full-width and cut with … at both ends", |s| {
        let Some(row) = s.lines().find(|l| l.contains("春耕备耕") && !l.contains("phrase:")) else { return false };
        let text = row.split('│').nth(2).unwrap_or("").trim();
        text.contains("，春耕备耕，全面展开") && !text.contains(',') && text.starts_with('…') && text.ends_with('…')
    });
    t.send("\x1b");
    t.wait_for("the search to close", |s| !s.contains("phrase:"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_title_from_a_file_name_drops_its_separators_everywhere_it_is_shown() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let text = "第01版\n\n新闻标题一则\n\n本报讯 春耕备耕全面展开。\n\n新闻标题二则\n\n本报讯 夏收在望。\n";
    for name in ["paper_20010101_scan.txt", "paper_20010102_scan.txt"] {
        std::fs::write(papers.join(name), text).unwrap();
    }
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 120, 30, home, false);
    let clean = |s: &str| !s.contains('_') && !s.contains("scan");
    t.wait_for("the header", |s| s.starts_with(" paper · 2001-01-02 · issue 1/2") && clean(s));
    t.send("i");
    t.wait_for("the picker", |s| s.contains("2001-01-02  paper") && s.contains("2001-01-01  paper") && clean(s));
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("filter:"));
    t.send("S");
    t.wait_text("phrase:");
    t.send("春耕\r");
    t.wait_for("the search results", |s| s.contains("2001-01-02  paper  新闻标题一则") && clean(s));
    t.send("\x1b");
    t.wait_for("the search to close", |s| !s.contains("phrase:"));
    t.send("mB");
    t.wait_for("the bookmarks", |s| s.contains("paper · 2001-01-02 · 第01版") && clean(s));
    t.send("\x1b");
    t.wait_for("the bookmarks to close", |s| !s.contains("bookmarks · "));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let listed = crate::common::dubao_command()
        .args(["list", &dir])
        .env("HOME", &t.home)
        .env("XDG_CONFIG_HOME", t.home.join(".config"))
        .env("XDG_CACHE_HOME", t.home.join(".cache"))
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(
        listed.lines().filter(|l| !l.starts_with(' ') && !l.is_empty()).all(|l| l.starts_with("paper 2001-01-0")),
        "{listed}"
    );
}

#[test]
fn the_picker_shows_article_and_unread_counts_and_the_folder_of_issues_alike() {
    let home = tempfile::tempdir().unwrap();
    let papers = home.path().join("papers");
    let daily = crate::common::data::samples().join("清河日报-20240308.txt");
    let courier = crate::common::data::samples().join("Riverton Courier 2024-03-08.txt");
    for folder in ["a", "b"] {
        std::fs::create_dir_all(papers.join(folder)).unwrap();
        std::fs::copy(&daily, papers.join(folder).join("清河日报-20240308.txt")).unwrap();
    }
    std::fs::copy(&courier, papers.join("Riverton Courier 2024-03-08.txt")).unwrap();
    let articles = |p: &std::path::Path| {
        let issue = dubao::parse::parse_issue(&std::fs::read(p).unwrap(), "x.txt").unwrap().issue;
        issue.articles().count()
    };
    let (n, m) = (articles(&daily), articles(&courier));
    let dir = papers.to_str().unwrap().to_string();
    let mut t = Pty::spawn_in(&[&dir], 120, 30, home, false);
    t.wait_text("issue 1/3");
    t.send("i");
    t.wait_for("counts, and the folder of the two issues alike", |s| {
        let row = |has: &str| s.lines().find(|l| l.contains(has)).unwrap_or("").to_string();
        let (a, b, c) = (row("清河日报  a/"), row("清河日报  b/"), row("2024-03-08  Riverton Courier"));
        // The issue open has been read: its unread count is known.
        let open = s.lines().find(|l| l.contains("▶ ")).unwrap_or("");
        open.contains(" unread")
            && a.contains(&format!("{n} articles"))
            && b.contains(&format!("{n} articles"))
            && c.contains(&format!("{m} articles"))
    });
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("filter:"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn mouse_wheel_and_click() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 120, 36);
    t.wait_text("东昌府讯 11月18日");
    // SGR mouse: left click on the fourth list row (screen row 6, 1-based).
    t.send("\x1b[<0;10;6M\x1b[<0;10;6m");
    t.wait_text("双拥花开 鱼水情深");
    t.wait_text("军爱民，民拥军");
    // Wheel down over the article pane scrolls it.
    t.send("\x1b[<65;80;10M\x1b[<65;80;10M\x1b[<65;80;10M");
    t.wait_for("the article to scroll", |s| !s.contains("——全区深入推进双拥工作纪实"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn ctrl_z_suspends_and_resumes() {
    let seed = seed();
    // As from a shell: dubao runs as a job; when it stops, `fg` resumes it.
    let script = format!("set -m; \"$DUBAO\" '{}'; echo stopped-or-done; fg; echo finished", seed.display());
    let mut t = Pty::spawn_shell(&script, 100, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("\x1a");
    t.wait_raw("the shell to take over", b"stopped-or-done");
    t.wait_for("the reader to come back", |s| s.contains("东昌府讯 11月18日") && s.contains("5 articles"));
    let raw = t.raw();
    let leave = raw.windows(8).position(|w| w == b"\x1b[?1049l").expect("left the alternate screen to stop");
    assert!(raw[leave..].windows(8).any(|w| w == b"\x1b[?1049h"), "and entered it again on resume");
    t.send("]");
    t.wait_text("张百顺指出");
    t.send("q");
    t.wait_raw("dubao to finish", b"finished");
    assert!(t.cooked());
    let _ = t.wait_exit();
}

#[test]
fn terminals_that_draw_ambiguous_characters_wide_get_aligned_cells() {
    let seed = seed();
    let home = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_in(&[seed.to_str().unwrap(), "]"][..1], 120, 36, home, true);
    t.wait_text("5 articles");
    t.send("]");
    t.wait_text("张百顺指出");
    // After each ambiguous character the reader moves the cursor explicitly
    // (CSI row;col H), so the terminal's wider glyph can't shift the rest.
    let raw = String::from_utf8_lossy(&t.raw()).to_string();
    let after_quote: Vec<&str> = raw.split('“').skip(1).take(20).collect();
    assert!(!after_quote.is_empty());
    assert!(after_quote.iter().all(|s| s.starts_with("\x1b[")), "{:?}", &after_quote[..3.min(after_quote.len())]);
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_crash_restores_the_terminal_and_says_where_the_report_is() {
    let seed = seed();
    let home = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_env(&[seed.to_str().unwrap()], 100, 30, home, &[("DUBAO_TEST_PANIC", "1")]);
    let code = t.wait_exit();
    assert_ne!(code, 0);
    assert!(t.cooked(), "raw mode is off");
    assert!(!t.alternate_screen(), "the alternate screen is left");
    let screen = t.contents();
    assert!(screen.contains("dubao crashed: DUBAO_TEST_PANIC is set"), "{screen}");
    let report = screen
        .split_whitespace()
        .find(|w| w.contains("crash-") && w.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no report path in:\n{screen}"));
    let path = std::path::Path::new(report);
    assert!(path.starts_with(&t.home), "the report is in the cache dir under the test's home: {report}");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("backtrace:") && text.contains("DUBAO_TEST_PANIC"));
}

/// An article whose text tries to drive the terminal: set the clipboard
/// (OSC 52), retitle the window (OSC 0), clear the screen (CSI 2J, and the
/// 8-bit C1 CSI U+009B).
fn hostile_issue(dir: &std::path::Path) -> String {
    let path = dir.join("hostile.txt");
    let text = "恶意标题\n\n记者 张三\n\n正文\x1b]52;c;aGVsbG8=\x07之后\x1b]0;pwned\x07再\x1b[2J还有\u{9b}2J结束。\n\n另一篇\n\n记者 李四\n\n反转\u{202e}文字\u{202c}之后。\n";
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn assert_harmless(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    assert!(!text.contains("\x1b]52;"), "no clipboard write reached the terminal");
    assert!(!text.contains("\x1b]0;pwned"), "no window title reached the terminal");
    assert!(text.contains("␛]52;"), "the escape is shown instead");
    assert!(!raw.windows(2).any(|w| w == [0xc2, 0x9b]), "no C1 CSI reached the terminal");
}

#[test]
fn text_in_an_issue_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let issue = hostile_issue(dir.path());
    let mut t = Pty::spawn(&[&issue], 100, 20);
    t.wait_text("恶意标题");
    // (vt100, the screen model, gives U+FFFD no width; real terminals give it one.)
    t.wait_text("␛]52;c;aGVsbG8=␇之后␛]0;pwned␇再␛[2J还有");
    assert_harmless(&t.raw());
    // A directional override is shown as its own stand-in, not as `�`.
    t.send("j");
    t.wait_text("反转⇄文字⇄之后");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    // dubao show on a terminal, coloured, likewise.
    let mut s = Pty::spawn(&["show", &issue, "--color", "always"], 100, 20);
    assert_eq!(s.wait_exit(), 0);
    // What it wrote before exiting may still be on its way through the pty.
    s.wait_text("␛[2J还有");
    assert_harmless(&s.raw());
}

#[test]
fn a_key_typed_just_after_a_resize_is_read_at_once() {
    // The terminal says "resized" and "a key" at one wake-up: the key must
    // not wait for the next one (crossterm's mio source left it unread).
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 100, 30);
    t.wait_text("东昌府讯 11月18日");
    for round in 0..12u16 {
        t.resize(90 + round % 3 * 10, 30 + round % 2);
        t.send("?");
        t.wait_text("dubao · keys (Esc closes)");
        t.send("\x1b");
        t.wait_for("the help closed", |s| !s.contains("dubao · keys"));
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn extreme_sizes_and_a_storm_of_resizes() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 100, 30);
    t.wait_text("东昌府讯 11月18日");
    t.send("\r");
    for (cols, rows) in [(1, 1), (2, 50), (300, 5), (20, 5), (19, 4)] {
        t.resize(cols, rows);
        t.send("j");
    }
    // Hundreds of sizes in a row, as a window being dragged.
    let mut x: u32 = 12345;
    for _ in 0..400 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let cols = 1 + (x >> 8) % 240;
        let rows = 1 + (x >> 20) % 70;
        t.resize(cols as u16, rows as u16);
    }
    t.resize(300, 5);
    t.wait_for("something legible in 300x5", |s| s.contains("5 articles") || s.contains("too small"));
    // The `j`s above scrolled by lines of whatever size they met: back to
    // the top to read the opening again.
    t.resize(100, 30);
    t.send("g");
    t.wait_text("东昌府讯 11月18日");
    t.send("]");
    t.wait_text("张百顺指出");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn folded_noise_unfolds_with_enter_and_folds_back() {
    let issue = crate::common::data::fixture("blocks/望川晚报-20240506.dubao");
    let mut t = Pty::spawn(&[issue.to_str().unwrap()], 120, 40);
    t.wait_text("历时四年建设 十二个泊位全部就位——");
    t.wait_text("年吞吐量  800万吨      1500万吨");
    t.wait_text("⋯ 5 unreadable lines");
    assert!(!t.contents().contains("■■口丨丨"), "folded at first");
    // The first Enter opens the article; in it, Enter unfolds the noise.
    t.send("\r");
    t.wait_text("⏎ unfold");
    t.send("\r");
    t.wait_text("⋮ 5 unreadable lines");
    t.wait_text("■■口丨丨 ，，。 口口%#");
    t.wait_text("一 口口 ■ 丨丨丨丨 ，，");
    t.wait_text("⏎ fold");
    t.send("\r");
    t.wait_for("the noise folded again", |s| s.contains("⋯ 5 unreadable lines") && !s.contains("■■口丨丨"));
    // Narrow, one pane: the same, once the reader has redrawn at that size
    // (its key hints on the new bottom row).
    t.resize(50, 30);
    t.wait_for("the redraw at 50×30", |s| s.lines().nth(29).is_some_and(|l| l.contains("j/k move")));
    t.send("G\r");
    t.wait_text("■■口丨丨");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
