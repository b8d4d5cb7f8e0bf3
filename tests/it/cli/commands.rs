//! The command line as scripts and people use it: pinned output shapes,
//! exit codes, and errors that name the file.

use std::path::Path;
use std::process::Output;

/// Runs dubao with a fresh empty home, so no real config or state is read or written.
fn dubao(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    crate::common::dubao_command()
        .args(args)
        .env("NO_COLOR", "1")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .output()
        .expect("run dubao")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    crate::common::data::fixture(name).display().to_string()
}

fn temp_issue(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn version_and_help() {
    let v = dubao(&["--version"]);
    assert!(v.status.success());
    assert!(stdout(&v).starts_with(concat!("dubao ", env!("CARGO_PKG_VERSION"))));
    let h = dubao(&["--help"]);
    assert!(h.status.success());
    for word in ["dump", "list", "completions", "PATH"] {
        assert!(stdout(&h).contains(word), "help lacks {word}");
    }
}

#[test]
fn json_dump_has_the_pinned_shape() {
    let o = dubao(&["dump", "--json", &fixture("styles/captions.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let issue = &v["issues"][0];
    let keys = |x: &serde_json::Value| {
        let mut k: Vec<String> = x.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(issue), ["date", "encoding", "sections", "source", "title"]);
    assert_eq!(issue["title"], "captions");
    assert!(issue["date"].is_null());
    assert_eq!(issue["encoding"], "UTF-8");
    assert!(issue["source"].as_str().unwrap().ends_with("captions.txt"));
    let section = &issue["sections"][0];
    assert_eq!(keys(section), ["articles", "name"]);
    assert_eq!(section["name"], "第1版 要闻");
    let article = &section["articles"][0];
    assert_eq!(keys(article), ["attribution", "blocks", "byline", "dateline", "decks", "headline", "id", "kicker"]);
    assert!(article["kicker"].is_null(), "no kicker in this issue");
    assert!(article["attribution"].is_null(), "absent values are null");
    assert_eq!(article["byline"], "记者 林晓禾 通讯员 蒋一苇");
    assert_eq!(article["blocks"][0]["kind"], "caption");
    assert_eq!(article["blocks"][1]["kind"], "paragraph");
    assert!(article["blocks"][0]["text"].is_string());
    let subheads = &v["issues"][0]["sections"];
    assert!(subheads.is_array());
}

#[test]
fn json_dump_marks_subheads_and_dates() {
    let o = dubao(&["dump", "--json", &fixture("styles/enumerated-subheads.txt")]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let blocks = v["issues"][0]["sections"][0]["articles"][0]["blocks"].as_array().unwrap().clone();
    assert!(blocks.iter().any(|b| b["kind"] == "subhead" && b["text"] == "一、强化组织领导"));
    let dir = tempfile::tempdir().unwrap();
    let p = temp_issue(dir.path(), "东昌府报-20221119.txt", "标题一\n\n记者 张三\n\n正文。\n".as_bytes());
    let v: serde_json::Value = serde_json::from_str(&stdout(&dubao(&["dump", "--json", &p]))).unwrap();
    assert_eq!(v["issues"][0]["title"], "东昌府报");
    assert_eq!(v["issues"][0]["date"], "2022-11-19");
}

#[test]
fn list_prints_the_tree_with_ids() {
    let o = dubao(&["list", &fixture("styles/brackets-sections.txt")]);
    assert!(o.status.success());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("brackets-sections  ["), "{out}");
    assert!(lines[0].ends_with(" articles · 3′]"), "the issue's reading time: {out}");
    assert_eq!(lines[1], "  【要闻】  2′", "each section's reading time");
    let (id, headline) = lines[2].trim().split_once("  ").unwrap();
    assert_eq!(id.len(), 12);
    assert_eq!(headline, "望川市一季度地区生产总值增长6.1%  1′", "each article's");
    assert_eq!(lines.iter().filter(|l| l.starts_with("  【")).count(), 3);
    assert_eq!(lines.len(), 1 + 3 + 4);
}

#[test]
fn no_arguments_lists_the_bundled_samples() {
    let o = dubao(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for title in ["清河日报 2024-03-08", "清河日报 2024-03-09", "Riverton Courier 2024-03-08", "清河周末 2024-03-10"]
    {
        assert!(out.contains(title), "missing {title} in\n{out}");
    }
    assert!(out.contains("GB18030"));
}

#[test]
fn bad_files_are_named_and_the_rest_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let png = temp_issue(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10");
    let missing = dir.path().join("gone.txt").display().to_string();
    let good = fixture("styles/captions.txt");
    let o = dubao(&["list", &png, &missing, &good]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("{png}: not a text file")), "{err}");
    assert!(err.contains(&format!("{missing}: no such file or directory")), "{err}");
    assert!(stdout(&o).contains("清河湿地迎来“护鸟志愿季”"));
    assert!(!err.contains("panicked"));
}

#[test]
fn a_directory_is_read_recursively() {
    let o = dubao(&["list", &fixture("styles")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = std::fs::read_dir(fixture("styles"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"));
    assert_eq!(stdout(&o).lines().filter(|l| !l.starts_with(' ') && !l.is_empty()).count(), files.count());
}

#[test]
fn an_empty_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = dubao(&["list", &dir.path().display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no issue files"));
}

#[test]
fn front_matter_problems_are_warnings_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = temp_issue(dir.path(), "x.dubao", b"+++\ntitle = \"T\"\ncolour = 3\n+++\n\n## H\n\nbody\n");
    let o = dubao(&["list", &p]);
    assert!(o.status.success());
    assert!(stderr(&o).contains(&format!("{p}:3: warning: front matter `colour`")), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("T  ["));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dubao(&["--frobnicate"]).status.code(), Some(2));
    assert_eq!(dubao(&["dump", "--json", "--markup"]).status.code(), Some(2));
    let two = dubao(&["dump", "--markup", &fixture("styles/captions.txt"), &fixture("styles/one-per-line.txt")]);
    assert_eq!(two.status.code(), Some(2));
    assert!(stderr(&two).contains("one issue"));
}

#[test]
fn markup_dump_parses_back() {
    let o = dubao(&["dump", "--markup", &fixture("styles/fullwidth-punct.txt")]);
    assert!(o.status.success());
    let dir = tempfile::tempdir().unwrap();
    let p = temp_issue(dir.path(), "fixed.dubao", &o.stdout);
    let a = dubao(&["dump", "--json", &fixture("styles/fullwidth-punct.txt")]);
    let b = dubao(&["dump", "--json", &p]);
    let strip = |o: &Output| {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let issue = &mut v["issues"][0];
        issue["source"] = serde_json::Value::Null;
        v
    };
    assert_eq!(strip(&a), strip(&b));
}

#[test]
fn completions_are_generated() {
    let o = dubao(&["completions", "bash"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("dubao"));
    assert_eq!(dubao(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let one = std::fs::read(fixture("styles/ocr-english.txt")).unwrap();
    for i in 0..60 {
        temp_issue(dir.path(), &format!("issue-{i:02}.txt"), &one);
    }
    let mut cmd = crate::common::dubao_command();
    cmd.args(["dump", &dir.path().display().to_string()]);
    crate::common::closes_the_pipe_quietly(cmd);
}

#[test]
fn show_prints_articles_as_the_pane_sets_them() {
    let issue = fixture("styles/fullwidth-punct.txt");
    let o = dubao(&["show", &issue, "--article", "2", "--width", "50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "plain text when not a terminal");
    assert!(out.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 50), "{out}");
    let parsed = dubao::parse::parse_issue(&std::fs::read(&issue).unwrap(), &issue).unwrap().issue;
    let article = parsed.articles().nth(1).unwrap();
    let expected = dubao::layout::to_plain_text(&dubao::layout::layout(article, 50, &Default::default()));
    assert_eq!(out, expected + "\n");

    let all = stdout(&dubao(&["show", &issue, "--width", "50"]));
    assert!(all.len() > out.len());
    let colored = stdout(&dubao(&["show", &issue, "--article", "1", "--color", "always"]));
    assert!(colored.contains("\x1b["), "--color always colours");
}

#[test]
fn show_folds_noise_unless_asked_and_keeps_tables_as_rows() {
    let issue = fixture("blocks/望川晚报-20240506.dubao");
    let folded = stdout(&dubao(&["show", &issue, "--article", "1", "--width", "60"]));
    assert!(folded.contains(" ⋯ 5 unreadable lines\n"), "{folded}");
    assert!(!folded.contains("■"), "{folded}");
    assert!(folded.contains(" 年吞吐量  800万吨      1500万吨\n"), "rows stay rows, in columns: {folded}");
    let open = stdout(&dubao(&["show", &issue, "--article", "1", "--width", "60", "--noise"]));
    assert!(open.contains(" ⋮ 5 unreadable lines\n ■■口丨丨 ，，。 口口%#\n"), "{open}");
    assert_eq!(open.lines().count(), folded.lines().count() + 5);
    for out in [&folded, &open] {
        assert!(out.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60), "{out}");
    }
}

#[test]
fn show_keeps_full_width_marks_where_they_fit_and_never_ends_a_line_in_a_japanese_form() {
    let mut files = vec![crate::common::data::seed_path().display().to_string()];
    for entry in std::fs::read_dir(crate::common::data::samples()).unwrap() {
        files.push(entry.unwrap().path().display().to_string());
    }
    for width in ["60", "72", "80", "100", "120"] {
        let (mut lines, mut squeezed) = (0, 0);
        for file in &files {
            let out = stdout(&dubao(&["show", file, "--width", width]));
            for line in out.lines() {
                lines += 1;
                let last = line.chars().last().unwrap_or(' ');
                assert!(!"｡､｣".contains(last), "{file} at {width}: {line:?}");
                // A one-cell comma after a Chinese character: one character could have gone down.
                let before = line.chars().rev().nth(1).unwrap_or(' ');
                squeezed += usize::from(last == ',' && dubao::parse::text::is_spaceless(before));
            }
        }
        assert!(squeezed * 200 < lines, "{squeezed} of {lines} lines end in a squeezed comma at {width}");
    }
}

#[test]
fn show_rejects_a_missing_article() {
    let o = dubao(&["show", &fixture("styles/captions.txt"), "--article", "9"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no article 9 (the issue has 2)"), "{}", stderr(&o));
}

#[test]
fn a_bad_config_stops_with_file_line_and_column_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[layout]\nmax_width = 90\n\n[keys]\nbookmark = [\"hyper-q\"]\n").unwrap();
    let o = dubao(&["--config", &cfg.display().to_string(), "list", &fixture("styles/captions.txt")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("dubao: {}:5:1: unknown key `hyper-q`", cfg.display())), "{err}");
    assert!(stdout(&o).is_empty(), "nothing done with a bad config");
    let o = dubao(&["--config", &dir.path().join("missing.toml").display().to_string(), "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.toml"));
}

#[test]
fn the_configured_library_is_opened_when_no_path_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    let styles = crate::common::data::fixture("styles");
    std::fs::write(&cfg, format!("library = [{:?}]\n", styles.display().to_string())).unwrap();
    let o = dubao(&["--config", &cfg.display().to_string(), "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("清河湿地迎来“护鸟志愿季”"));
    assert!(!stdout(&o).contains("清河日报"), "not the bundled samples");
}

#[test]
fn the_default_config_place_is_under_xdg_config_home() {
    let home = tempfile::tempdir().unwrap();
    let cfg_dir = home.path().join("dubao");
    std::fs::create_dir_all(&cfg_dir).unwrap();
    std::fs::write(cfg_dir.join("config.toml"), "[reader]\nlist_width = 99\n").unwrap();
    let o = crate::common::dubao_command()
        .args(["list", &fixture("styles/captions.txt")])
        .env("XDG_CONFIG_HOME", home.path())
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("list_width must be between 15 and 60"), "{}", stderr(&o));
}

/// The role `dump --explain` gives line `no`.
fn role_of(explained: &str, no: usize) -> String {
    explained
        .lines()
        .find_map(|l| {
            let mut words = l.split_whitespace();
            (words.next()? == no.to_string()).then(|| l.split_whitespace().nth(1).unwrap_or("").to_string())
        })
        .unwrap_or_default()
}

#[test]
fn dump_explain_shows_the_shape_the_figures_and_every_lines_role() {
    let o = dubao(&["dump", "--explain", &fixture("styles/ocr-columns.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("shape     hard-wrapped columns"), "{out}");
    assert!(out.contains("measured  47 lines, 46 with text; 0 blank runs"), "{out}");
    assert!(out.contains("OCR: capitals head stories"), "{out}");
    for (no, role) in [
        (1, "masthead"),
        (5, "headline"),
        (7, "deck"),
        (9, "noise"),
        (10, "byline"),
        (11, "dateline"),
        (12, "paragraph"),
        (22, "jump"),
        (23, "noise"),
        (36, "headline"),
        (37, "table"),
    ] {
        assert_eq!(role_of(&out, no), role, "line {no}:\n{out}");
    }
    let o = dubao(&["dump", "--explain", &fixture("styles/running-heads.txt")]);
    let out = stdout(&o);
    assert!(out.contains("running heads dropped: 清河日报 2024年3月8日 星期五"), "{out}");
    for (no, role) in [(1, "furniture"), (2, "page"), (3, "headline"), (10, "jump"), (6, "furniture")] {
        assert_eq!(role_of(&out, no), role, "line {no}:\n{out}");
    }
    let o = dubao(&["dump", "--explain", &fixture("styles/indented-per-line.txt")]);
    let out = stdout(&o);
    assert!(out.contains("shape     one paragraph per line") && out.contains("paragraphs indented"), "{out}");
    for (no, role) in [(2, "kicker"), (3, "headline"), (4, "deck"), (5, "byline"), (9, "subhead"), (20, "caption")] {
        assert_eq!(role_of(&out, no), role, "line {no}:\n{out}");
    }
}

#[test]
fn one_article_per_line_drops_exact_repeats_and_says_which() {
    let o = dubao(&["dump", "--json", &fixture("styles/article-per-line.txt")]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("article-per-line.txt:4: warning: repeats line 1 exactly"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["issues"][0]["sections"][0]["articles"].as_array().unwrap().len(), 3);
    let explained = stdout(&dubao(&["dump", "--explain", &fixture("styles/article-per-line.txt")]));
    assert_eq!(role_of(&explained, 1), "article");
    assert_eq!(role_of(&explained, 4), "duplicate");
}

#[test]
fn mastheads_and_archive_headers_name_and_date_the_issue() {
    let o = dubao(&["dump", "--json", &fixture("styles/ocr-columns.txt")]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["issues"][0]["title"], "The Riverton Courier", "capitals read as a name");
    assert_eq!(v["issues"][0]["date"], "1918-03-05");
    let o = dubao(&["dump", "--json", &fixture("styles/rules-and-frames.txt")]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["issues"][0]["title"], "The Riverton Jester, June 1, 1912", "the archive header's Title: line");
    assert_eq!(v["issues"][0]["date"], "1912-06-01");
    let first = &v["issues"][0]["sections"][0]["articles"][0];
    assert_eq!(first["headline"], "NOTES OF THE WEEK.", "the archive's header is no article");
}

#[test]
fn show_and_dump_print_in_the_script_asked_for() {
    let seed = crate::common::data::seed_path().display().to_string();
    let shown = stdout(&dubao(&["show", &seed, "--article", "1", "--width", "70", "--script", "traditional"]));
    assert!(shown.contains("高質量發展") && !shown.contains("高质量发展"), "{shown}");
    let printed = stdout(&dubao(&["show", &seed, "--article", "1", "--width", "70"]));
    assert!(printed.contains("高质量发展"), "as printed by default");
    let dumped = stdout(&dubao(&["dump", "--script", "hongkong", &seed]));
    assert!(dumped.contains("[b00932c366c5] 山東省深化新舊動能轉換推動綠色低碳高質量發展動員大會召開"), "{dumped}");
    let json = stdout(&dubao(&["dump", "--json", "--script", "simplified", &seed]));
    assert!(json.contains("高质量发展"));
    let o = dubao(&["show", &seed, "--script", "klingon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("taiwan"), "the values are named: {}", stderr(&o));
}

#[test]
fn dubao_s_own_messages_follow_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let run = |lang: &str| {
        crate::common::dubao_command()
            .args(["show", &dir.path().display().to_string()])
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join(".config"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap()
    };
    let o = run("zh_CN.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("是目录（dubao show 只接受一个期刊文件）"), "{}", stderr(&o));
    assert!(stderr(&run("zh_HK.UTF-8")).contains("是目錄"));
    assert!(stderr(&run("en_GB.UTF-8")).contains("is a directory"));
}

#[test]
fn config_type_errors_are_said_in_plain_words_with_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    for (text, said) in [
        ("[layout]\nmax_width = \"72\"\n", ":2:13: max_width must be a number, not the text \"72\""),
        ("[layout]\nhanging = \"yes\"\n", ":2:11: hanging must be true or false, not the text \"yes\""),
        ("[reader]\nlist_width = 2.5\n", ":2:14: list_width must be a number, not 2.5"),
        ("library = \"~/papers\"\n", ":1:11: library must be a list in [ ], not the text \"~/papers\""),
    ] {
        std::fs::write(&cfg, text).unwrap();
        let o = dubao(&["--config", &cfg.display().to_string(), "list", &fixture("styles/captions.txt")]);
        assert_eq!(o.status.code(), Some(2));
        assert_eq!(stderr(&o).trim_end(), format!("dubao: {}{said}", cfg.display()), "{text}");
    }
}

#[test]
fn show_refuses_the_widths_the_config_refuses_in_its_words() {
    let issue = fixture("styles/fullwidth-punct.txt");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    for width in ["0", "1", "2", "19", "241"] {
        let o = dubao(&["show", &issue, "--width", width]);
        assert_eq!(o.status.code(), Some(2), "--width {width}");
        assert!(stdout(&o).is_empty(), "nothing printed at --width {width}");
        std::fs::write(&cfg, format!("[layout]\nmax_width = {width}\n")).unwrap();
        let config = stderr(&dubao(&["--config", &cfg.display().to_string(), "list", &issue]));
        let said = config.rsplit(": ").next().unwrap().trim_end();
        assert_eq!(said, format!("max_width must be between 20 and 240, not {width}"));
        let words = said.trim_start_matches("max_width ");
        assert!(stderr(&o).contains(&format!("'--width <WIDTH>': {words}")), "{}", stderr(&o));
    }
    let o = dubao(&["show", &issue, "--width", "20"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains('?'), "every character set, none replaced");
}

#[test]
fn show_takes_the_article_ids_list_prints() {
    let issue = fixture("styles/fullwidth-punct.txt");
    let listed = stdout(&dubao(&["list", &issue]));
    let ids: Vec<&str> =
        listed.lines().filter(|l| l.starts_with("    ")).filter_map(|l| l.split_whitespace().next()).collect();
    assert!(ids.len() >= 2, "{listed}");
    for (n, id) in ids.iter().enumerate() {
        let by_number = stdout(&dubao(&["show", &issue, "--article", &(n + 1).to_string(), "--width", "50"]));
        assert_eq!(stdout(&dubao(&["show", &issue, "--article", id, "--width", "50"])), by_number, "{id}");
    }
    let o = dubao(&["show", &issue, "--article", "nosuchid"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no article nosuchid"), "{}", stderr(&o));
}

#[test]
fn list_reads_paths_given_twice_or_nested_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("2001")).unwrap();
    let one = std::fs::read(fixture("styles/captions.txt")).unwrap();
    temp_issue(dir.path(), "a-20000101.txt", &one);
    let file = temp_issue(&dir.path().join("2001"), "b-20010101.txt", &one);
    let root = dir.path().display().to_string();
    let sub = dir.path().join("2001").display().to_string();
    let issues = |args: &[&str]| {
        stdout(&dubao(&[&["list"], args].concat())).lines().filter(|l| !l.is_empty() && !l.starts_with(' ')).count()
    };
    assert_eq!(issues(&[&root]), 2);
    for args in [vec![&root, &root], vec![&root, &sub], vec![&sub, &root], vec![&root, &file], vec![&file, &file]] {
        let want = if args.iter().all(|a| **a == file) { 1 } else { 2 };
        assert_eq!(issues(&args.iter().map(|a| a.as_str()).collect::<Vec<_>>()), want, "{args:?}");
    }
}

/// dubao with `args` in a fresh home, the locale `lang` (`None`: no locale
/// at all), and `config` as its config file when given.
fn dubao_in(lang: Option<&str>, config: Option<&str>, args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    if let Some(text) = config {
        let dir = home.path().join(".config/dubao");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), text).unwrap();
    }
    let mut cmd = crate::common::dubao_command();
    cmd.args(args).env("NO_COLOR", "1").env("HOME", home.path()).env("XDG_CONFIG_HOME", home.path().join(".config"));
    match lang {
        Some(lang) => cmd.env("LANG", lang),
        None => cmd.env_remove("LANG"),
    };
    cmd.output().expect("run dubao")
}

#[test]
fn help_is_in_the_locale_s_language() {
    let zh = stdout(&dubao_in(Some("zh_CN.UTF-8"), None, &["--help"]));
    for want in ["读报 — 用键盘操作的终端读报器", "用法：dubao [OPTIONS]", "命令：", "选项：", "示例：", "显示帮助"]
    {
        assert!(zh.contains(want), "zh_CN lacks {want}:\n{zh}");
    }
    assert!(!zh.contains("Usage:") && !zh.contains("Print help") && !zh.contains("Examples:"), "{zh}");
    let tw = stdout(&dubao_in(Some("zh_TW.UTF-8"), None, &["--help"]));
    for want in ["讀報 — 用鍵盤操作的終端機讀報程式", "用法：", "選項：", "範例：", "顯示說明", "設定檔"]
    {
        assert!(tw.contains(want), "zh_TW lacks {want}:\n{tw}");
    }
    assert!(!tw.contains("读报") && !tw.contains("Usage:"), "{tw}");
    for lang in [Some("C"), Some("en_US.UTF-8"), None] {
        let en = stdout(&dubao_in(lang, None, &["--help"]));
        for want in ["a keyboard-driven terminal newspaper reader", "Usage: dubao", "Options:", "Examples:"] {
            assert!(en.contains(want), "{lang:?} lacks {want}:\n{en}");
        }
        assert!(!en.contains("用法"), "{lang:?}: {en}");
    }
}

#[test]
fn a_command_s_help_is_in_the_locale_s_language_with_its_values() {
    let o = dubao_in(Some("zh_CN.UTF-8"), None, &["show", "--help"]);
    assert!(o.status.success());
    let zh = stdout(&o);
    for want in [
        "完全按文章窗格的排版打印文章",
        "用法：dubao show",
        "参数：",
        "期刊文件",
        "［可选值：narrow、wide；默认：narrow］",
    ] {
        assert!(zh.contains(want), "lacks {want}:\n{zh}");
    }
    assert!(!zh.contains("[default:") && !zh.contains("Possible values"), "{zh}");
    let tw = stdout(&dubao_in(Some("zh_HK.UTF-8"), None, &["help", "search"]));
    assert!(tw.contains("搜尋報庫中的所有文章") && tw.contains("不使用快取目錄中的索引"), "{tw}");
}

#[test]
fn dubao_s_errors_in_chinese_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("不在这里.txt").display().to_string();
    let o = dubao_in(Some("zh_CN.UTF-8"), None, &["list", &missing]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("dubao: {missing}：没有这个文件或目录")), "{}", stderr(&o));
    let o = dubao_in(Some("zh_TW.UTF-8"), None, &["list", &missing]);
    assert!(stderr(&o).contains(&format!("{missing}：沒有這個檔案或目錄")), "{}", stderr(&o));
    let o = dubao_in(Some("zh_CN.UTF-8"), None, &["search", " "]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "dubao: search：要搜索的词句是空的\n");
    let o = dubao_in(Some("C.UTF-8"), None, &["search", " "]);
    assert_eq!(stderr(&o), "dubao: search: the phrase is empty\n");
    // A broken config is said in the language of the locale, its line kept.
    let o = dubao_in(Some("zh_CN.UTF-8"), Some("[display]\nmax_width = \"72\"\n"), &["list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("配置有误：") && stderr(&o).contains("config.toml:2:"), "{}", stderr(&o));
}

#[test]
fn the_config_s_ui_language_goes_before_the_locale_for_the_commands_too() {
    let en = Some("ui_language = \"en\"\n");
    let help = stdout(&dubao_in(Some("zh_CN.UTF-8"), en, &["--help"]));
    assert!(help.contains("Usage: dubao") && !help.contains("用法"), "{help}");
    let o = dubao_in(Some("zh_CN.UTF-8"), en, &["search", " "]);
    assert_eq!(stderr(&o), "dubao: search: the phrase is empty\n");
    let hant = Some("ui_language = \"zh-Hant\"\n");
    let help = stdout(&dubao_in(Some("C.UTF-8"), hant, &["--help"]));
    assert!(help.contains("用法：") && help.contains("選項："), "{help}");
    // The file `--config` names, however it is written.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("other.toml");
    std::fs::write(&file, "ui_language = \"zh-Hans\"\n").unwrap();
    let file = file.display().to_string();
    for args in [vec!["--config", &file, "--help"], vec![&format!("--config={file}"), "show", "-h"]] {
        let help = stdout(&dubao_in(Some("C.UTF-8"), None, &args));
        assert!(help.contains("用法：") && help.contains("选项："), "{args:?}: {help}");
    }
}

#[test]
fn a_file_the_index_remembers_as_no_issue_is_said_in_the_locale_s_language() {
    let (home, dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::write(dir.path().join("good.txt"), "标题一\n\n记者 张三\n\n正文开始。\n").unwrap();
    let bad = dir.path().join("scan.txt");
    std::fs::write(&bad, [b"\0\0\0\0".repeat(500), b"x".repeat(100)].concat()).unwrap();
    let search = |lang: &str| {
        let mut cmd = crate::common::dubao_command();
        cmd.args(["search", "正文"]).arg(dir.path()).env("NO_COLOR", "1").env("LANG", lang);
        cmd.env("HOME", home.path()).env("XDG_CONFIG_HOME", home.path().join(".config"));
        cmd.env("XDG_CACHE_HOME", home.path().join(".cache")).output().expect("run dubao")
    };
    let said = format!("dubao: {}：不是文本文件（二进制数据：", bad.display());
    // Once as the index reads it, then as the index remembers it.
    for round in 0..2 {
        let o = search("zh_CN.UTF-8");
        assert!(stdout(&o).contains("正文开始"), "{round}: {}", stdout(&o));
        assert!(stderr(&o).contains(&said), "{round}: {}", stderr(&o));
    }
    let o = search("zh_TW.UTF-8");
    assert!(stderr(&o).contains("不是文字檔案（二進位資料："), "{}", stderr(&o));
    let o = search("C.UTF-8");
    assert!(stderr(&o).contains(": not a text file (binary data: "), "{}", stderr(&o));
}
