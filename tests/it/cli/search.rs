//! `dubao search` as scripts use it: the pinned line format, order, exit
//! codes, errors naming the file, a closed pipe, and the index in the cache
//! directory (damaged, unwritable, bypassed).

use crate::common::archive;
use crate::common::data::age;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A home for one test: HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME inside it.
struct Home(tempfile::TempDir);

impl Home {
    fn new() -> Home {
        Home(tempfile::tempdir().unwrap())
    }

    fn cache(&self) -> PathBuf {
        self.0.path().join(".cache")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = crate::common::dubao_command();
        c.args(args)
            .env("HOME", self.0.path())
            .env("XDG_CONFIG_HOME", self.0.path().join(".config"))
            .env("XDG_CACHE_HOME", self.cache())
            .env("NO_COLOR", "1");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// The index files under the cache directory.
    fn indexes(&self) -> Vec<PathBuf> {
        let root = self.cache().join("dubao/index");
        let Ok(dirs) = fs::read_dir(root) else { return Vec::new() };
        // Each index's biggest segment.
        let biggest = |dir: PathBuf| {
            let segments =
                fs::read_dir(dir).ok()?.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "dx"));
            segments.max_by_key(|p| fs::metadata(p).map_or(0, |m| m.len()))
        };
        dirs.map(|d| d.unwrap().path()).filter(|d| d.join("manifest").exists()).filter_map(biggest).collect()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn generated(n: usize) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    archive::generate(dir.path(), n, 3);
    let s = dir.path().display().to_string();
    (dir, s)
}

#[test]
fn one_line_per_matching_article_newest_first() {
    let (_dir, root) = generated(90);
    let home = Home::new();
    let o = home.run(&["search", archive::RARE, &root]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let want: Vec<String> =
        (0..90).rev().filter(|&i| archive::has_rare(i)).map(|i| archive::date(i).to_string()).collect();
    assert_eq!(lines.iter().map(|f| f[0].to_string()).collect::<Vec<_>>(), want);
    for fields in &lines {
        assert_eq!(fields.len(), 4, "{fields:?}");
        assert_eq!(fields[1], archive::TITLE);
        assert!(!fields[2].is_empty());
        assert!(fields[3].contains(archive::RARE), "{}", fields[3]);
        assert!(fields[3].chars().count() < 80, "a short window: {}", fields[3]);
        assert!(fields[3].starts_with('…') || fields[3].ends_with('…'));
    }
    assert_eq!(home.indexes().len(), 1, "the index is kept in XDG_CACHE_HOME");

    // The headline column is the article's headline, as `dubao list` shows it.
    let first = archive::issue_path(Path::new(&root), (0..90).rev().find(|&i| archive::has_rare(i)).unwrap());
    let list = stdout(&home.run(&["list", &first.display().to_string()]));
    assert!(list.contains(lines[0][2]), "{list}");
}

#[test]
fn exit_status_says_whether_anything_matched() {
    let (_dir, root) = generated(10);
    let home = Home::new();
    let none = home.run(&["search", archive::ABSENT, &root]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stdout(&none).is_empty());
    let blank = home.run(&["search", "  ", &root]);
    assert_eq!(blank.status.code(), Some(2));
    assert!(stderr(&blank).contains("empty"), "{}", stderr(&blank));
    let missing = home.run(&["search"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn latin_letters_match_in_any_case_and_seams_are_healed() {
    let (_dir, root) = generated(60);
    let home = Home::new();
    let latin = stdout(&home.run(&["search", "sMaRt GrId", &root]));
    let forms: Vec<&str> = latin
        .lines()
        .filter_map(|l| ["Smart Grid", "SMART GRID", "smart grid"].into_iter().find(|f| l.contains(f)))
        .collect();
    assert_eq!(forms.len(), (0..60).filter(|&i| archive::latin_form(i).is_some()).count(), "{latin}");
    assert!(forms.contains(&"SMART GRID") && forms.contains(&"smart grid"), "{forms:?}");

    let seam = home.run(&["search", archive::SEAM, &root]);
    assert!(seam.status.success());
    assert_eq!(stdout(&seam).lines().count(), (0..60).filter(|&i| archive::has_seam(i)).count());
}

#[test]
fn unreadable_files_are_named_and_the_rest_searched() {
    let (dir, root) = generated(40);
    let binary = dir.path().join("scan.txt");
    fs::write(&binary, [0u8, 200, 0, 0, 7, 0].repeat(100)).unwrap();
    let missing = dir.path().join("nope.txt");
    let home = Home::new();
    let o = home.run(&["search", archive::RARE, &root, &missing.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "matches were found");
    let err = stderr(&o);
    assert!(err.contains(&format!("{}: no such file", missing.display())), "{err}");
    assert!(err.contains(&binary.display().to_string()), "{err}");
    assert_eq!(stdout(&o).lines().count(), (0..40).filter(|&i| archive::has_rare(i)).count());
    // Reported again the next time, from the index.
    let again = home.run(&["search", archive::RARE, &root]);
    assert!(stderr(&again).contains(&binary.display().to_string()));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let (_dir, root) = generated(60);
    let home = Home::new();
    crate::common::closes_the_pipe_quietly(home.command(&["search", archive::COMMON, &root]));
}

#[test]
fn without_paths_the_bundled_samples_are_searched() {
    let home = Home::new();
    let o = home.run(&["search", "清河"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).lines().all(|l| l.split('\t').count() == 4));
    assert!(stdout(&o).contains("清河日报"));
    let out = stdout(&o);
    let dates: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[test]
fn the_configured_library_is_searched_by_default() {
    let (_dir, root) = generated(40);
    let home = Home::new();
    fs::create_dir_all(home.0.path().join(".config/dubao")).unwrap();
    fs::write(home.0.path().join(".config/dubao/config.toml"), format!("library = [{:?}]\n", root)).unwrap();
    let by_default = home.run(&["search", archive::RARE]);
    let given = home.run(&["search", archive::RARE, &root]);
    assert!(by_default.status.success(), "{}", stderr(&by_default));
    assert_eq!(stdout(&by_default), stdout(&given));
}

#[test]
fn the_index_the_parse_and_a_damaged_or_unwritable_cache_all_give_the_same_lines() {
    let (_dir, root) = generated(70);
    let home = Home::new();
    let direct = home.run(&["search", "--no-index", archive::COMMON, &root]);
    assert!(home.indexes().is_empty(), "--no-index writes no index");
    let indexed = home.run(&["search", archive::COMMON, &root]);
    assert!(indexed.status.success());
    assert_eq!(stdout(&indexed), stdout(&direct));
    assert!(stdout(&direct).lines().count() > 100);

    // A byte of text flipped at the end: found mid-search, rebuilt, printed once.
    let index = home.indexes().pop().unwrap();
    let mut bytes = fs::read(&index).unwrap();
    let at = bytes.len() * 3 / 4;
    bytes[at] ^= 0x01;
    fs::write(&index, &bytes).unwrap();
    let damaged = home.run(&["search", archive::COMMON, &root]);
    assert_eq!(stdout(&damaged), stdout(&direct));
    assert!(
        stderr(&damaged).contains("the index was damaged or made by another dubao: it was rebuilt"),
        "{}",
        stderr(&damaged)
    );

    // A truncated index.
    let len = fs::metadata(&index).unwrap().len();
    fs::File::options().write(true).open(&index).unwrap().set_len(len / 2).unwrap();
    assert_eq!(stdout(&home.run(&["search", archive::COMMON, &root])), stdout(&direct));

    // A cache directory that can't be made.
    let blocked = Home::new();
    fs::write(blocked.cache(), "a file, not a directory").unwrap();
    let o = blocked.run(&["search", archive::COMMON, &root]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&direct));
}

#[test]
fn either_script_finds_either_and_prints_the_text_as_printed() {
    let dir = tempfile::tempdir().unwrap();
    let simplified = "台湾经济持续发展\n\n记者 张三\n\n台湾的高质量发展成效明显。\n";
    fs::write(dir.path().join("两岸日报-20240308.txt"), simplified).unwrap();
    let traditional = "兩岸交流——\n\n臺灣經濟持續發展\n\n記者 李四\n\n臺灣的高質量發展成效明顯。\n";
    fs::write(dir.path().join("聯合報-20240307.txt"), traditional).unwrap();
    let root = dir.path().display().to_string();
    let home = Home::new();
    for (query, no_index) in [("臺灣", false), ("台湾", false), ("高质量發展", false), ("臺灣", true)] {
        let args: Vec<&str> =
            if no_index { vec!["search", "--no-index", query, &root] } else { vec!["search", query, &root] };
        let o = home.run(&args);
        assert!(o.status.success(), "{query}: {}", stderr(&o));
        let out = stdout(&o);
        let lines: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(lines.len(), 2, "{query} finds both papers:\n{out}");
        assert_eq!(lines[0][2], "台湾经济持续发展", "headlines as printed");
        assert_eq!(lines[1][2], "臺灣經濟持續發展", "not the kicker, not folded");
        assert!(lines[1][3].contains("發展") && !lines[1][3].contains("发展"), "snippets as printed: {}", lines[1][3]);
    }
}

#[test]
fn a_warm_search_finds_what_a_scan_finds_as_files_come_and_go() {
    let (dir, root) = generated(40);
    age(dir.path());
    let home = Home::new();
    let scan = |phrase: &str| stdout(&home.run(&["search", "--no-index", phrase, &root]));
    assert_eq!(stdout(&home.run(&["search", archive::COMMON, &root])), scan(archive::COMMON));
    let first = archive::issue_path(dir.path(), 3);
    let mut text = fs::read_to_string(&first).unwrap();
    text.push_str("\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n");
    fs::write(first.with_file_name("增刊-20240101.txt"), &text).unwrap();
    fs::remove_file(archive::issue_path(dir.path(), 5)).unwrap();
    fs::rename(archive::issue_path(dir.path(), 6), first.with_file_name("改名-20240102.txt")).unwrap();
    fs::create_dir_all(dir.path().join("2099/01")).unwrap();
    fs::write(dir.path().join("2099/01/新刊-20990101.txt"), &text).unwrap();
    for phrase in [archive::COMMON, "鲸落博物馆"] {
        let warm = home.run(&["search", phrase, &root]);
        assert!(warm.status.success(), "{}", stderr(&warm));
        assert_eq!(stdout(&warm), scan(phrase), "{phrase}");
    }
}

#[test]
fn a_file_rewritten_in_place_in_a_folder_left_alone_is_seen_with_fresh() {
    let (dir, root) = generated(20);
    age(dir.path());
    let home = Home::new();
    assert!(home.run(&["search", archive::COMMON, &root]).status.success());
    let file = archive::issue_path(dir.path(), 4);
    let folder = fs::metadata(file.parent().unwrap()).unwrap().modified().unwrap();
    let mut f = fs::OpenOptions::new().append(true).open(&file).unwrap();
    std::io::Write::write_all(&mut f, "\n新增文章标题\n\n本报讯 今天,鲸落博物馆正式开馆。\n".as_bytes()).unwrap();
    drop(f);
    assert_eq!(fs::metadata(file.parent().unwrap()).unwrap().modified().unwrap(), folder, "the folder as it was");
    // The trade-off: the folder is trusted, the file not looked at.
    assert_eq!(home.run(&["search", "鲸落博物馆", &root]).status.code(), Some(1));
    let fresh = home.run(&["search", "--fresh", "鲸落博物馆", &root]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    assert_eq!(stdout(&fresh).lines().count(), 1);
    assert_eq!(stdout(&home.run(&["search", "鲸落博物馆", &root])), stdout(&fresh), "and then from the index");
}

#[test]
fn a_warm_search_names_the_files_that_are_not_issues_as_a_walk_does() {
    let (dir, root) = generated(20);
    let binary = archive::issue_path(dir.path(), 2).with_file_name("scan.txt");
    fs::write(&binary, [0u8, 200, 0, 0, 7, 0].repeat(100)).unwrap();
    age(dir.path());
    let home = Home::new();
    let walked = home.run(&["search", archive::RARE, &root]);
    assert!(stderr(&walked).contains(&binary.display().to_string()), "{}", stderr(&walked));
    let warm = home.run(&["search", archive::RARE, &root]);
    assert_eq!(stderr(&warm), stderr(&walked));
    assert_eq!(stdout(&warm), stdout(&walked));
    // The same from a relative root.
    let rel = |o: &Output| stderr(o).replace(&format!("{root}/"), "");
    let mut c = home.command(&["search", archive::RARE, "."]);
    let first = c.current_dir(dir.path()).output().unwrap();
    let second = home.command(&["search", archive::RARE, "."]).current_dir(dir.path()).output().unwrap();
    assert_eq!(stderr(&second), stderr(&first));
    assert!(stderr(&first).contains("./"), "{}", stderr(&first));
    assert_eq!(rel(&walked).replace("./", ""), stderr(&first).replace("./", ""));
}
