//! Every odd file we could think of, through the real binary: no panic, no
//! hang, bounded memory, a message naming the file when it can't be read,
//! and the other files still shown.
//!
//! Bounds: each run gets at most 1 GiB of address space (RLIMIT_AS) and 60
//! seconds (far beyond what any of these needs in a debug build; they are
//! there to turn a hang or a runaway allocation into a failure, not to
//! measure speed).

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const MEMORY: u64 = 1 << 30;
const TIME: Duration = Duration::from_secs(60);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs dubao with the bounds above and an empty home.
fn dubao(args: &[&str]) -> Run {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = crate::common::dubao_command();
    cmd.args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_CACHE_HOME", home.path().join(".cache"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit { rlim_cur: MEMORY, rlim_max: MEMORY };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
        });
    }
    let mut child = cmd.spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIME {
            let _ = child.kill();
            panic!("dubao {args:?} did not finish within {TIME:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    assert!(!stderr.contains("panicked") && !stderr.contains("crashed"), "dubao {args:?} crashed:\n{stderr}");
    Run { code: status.code(), stdout, stderr }
}

/// A directory holding one good issue beside whatever the test adds.
fn shelf() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "好文章标题\n\n记者 张三\n\n正文第一段写完了。\n").unwrap();
    (dir, good)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// `dubao list GOOD BAD`: the good issue is listed whatever the bad one is.
fn list_with_good(bad: &str, good: &Path) -> Run {
    let r = dubao(&["list", good.to_str().unwrap(), bad]);
    assert!(r.stdout.contains("好文章标题"), "the other file is still shown:\n{}\n{}", r.stdout, r.stderr);
    r
}

fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_and_whitespace_files_have_no_articles() {
    let (dir, good) = shelf();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"  \n\n\t\r\n\xe3\x80\x80\n"[..])] {
        let bad = write(dir.path(), name, bytes);
        let r = list_with_good(&bad, &good);
        assert_eq!(r.code, Some(0));
        assert!(r.stderr.contains(&format!("{bad}: warning: no articles found")), "{}", r.stderr);
    }
}

#[test]
fn binary_files_are_refused_by_name() {
    let (dir, good) = shelf();
    let png = [&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0"[..], &noise(2000, 7)].concat();
    for (name, bytes) in [("random.txt", noise(100_000, 42)), ("photo.png", png)] {
        let bad = write(dir.path(), name, &bytes);
        let r = list_with_good(&bad, &good);
        assert_eq!(r.code, Some(1));
        assert!(r.stderr.contains(&format!("{bad}: not a text file")), "{}", r.stderr);
    }
}

#[test]
fn damaged_and_odd_encodings_still_read() {
    let (dir, good) = shelf();
    let mut damaged = "标题一\n\n记者 张三\n\n正文开始。".repeat(50).into_bytes();
    damaged.splice(100..100, [0xff, 0xfe, 0x80]);
    let nul = "标题二\n\n记者 张三\n\n正文\0开始。\n".repeat(20);
    let utf16: Vec<u8> = "Title\n\nBy Ana Ruiz\n\nThe body text.\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let tabs = "标题三\n\n\t记者 张三\n\n\t正文\t开始。\n";
    for (name, bytes, headline) in [
        ("damaged.txt", damaged, "标题一"),
        ("nul.txt", nul.into_bytes(), "标题二"),
        ("utf16.txt", utf16, "Title"),
        ("tabs.txt", tabs.as_bytes().to_vec(), "标题三"),
    ] {
        let bad = write(dir.path(), name, &bytes);
        let r = list_with_good(&bad, &good);
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        assert!(r.stdout.contains(headline), "{name}:\n{}", r.stdout);
    }
}

#[test]
fn huge_files_and_extreme_shapes_finish() {
    let (dir, good) = shelf();
    let seed = "会议指出,为山东发展提供了重大战略机遇。".repeat(4);
    let para = format!("标题\n\n记者 张三\n\n{seed}\n\n");
    let mut big = String::with_capacity(52 << 20);
    while big.len() < 50 << 20 {
        big.push_str(&para);
    }
    let line = "很长的一行文字，".repeat(450_000) + "。\n";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("fifty-megabytes.txt", big.into_bytes()),
        ("ten-megabyte-line.txt", line.into_bytes()),
        ("tiny-paragraphs.txt", "短。\n".repeat(300_000).into_bytes()),
        ("combining.txt", format!("标题\n\n记者 张三\n\na{}结束。\n", "\u{301}".repeat(20_000)).into_bytes()),
        ("emoji.txt", "家庭 👨‍👩‍👧‍👦 与旗帜 🇨🇳🇺🇸 🏳️‍🌈\n\n记者 张三\n\n👩🏽‍💻 在写代码。\n".repeat(100).into_bytes()),
        ("rtl.txt", "عنوان الخبر\n\nبقلم أحمد\n\nهذا نص عربي مع שלום ו-English.\n".repeat(50).into_bytes()),
    ];
    for (name, bytes) in cases {
        let bad = write(dir.path(), name, &bytes);
        let r = list_with_good(&bad, &good);
        assert_eq!(r.code, Some(0), "{name}: {}", r.stderr);
        // And set in a narrow pane (the slowest path through the layout),
        // except the 50 MB file, whose first article is like any other.
        if name != "fifty-megabytes.txt" {
            let shown = dubao(&["show", &bad, "--width", "24", "--article", "1"]);
            assert_eq!(shown.code, Some(0), "{name}: {}", shown.stderr);
            assert!(shown.stdout.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 24), "{name}");
        }
    }
}

#[test]
fn paths_that_are_not_readable_issue_files_are_named() {
    let (dir, good) = shelf();
    // A FIFO would block a naive reader for ever.
    let fifo = dir.path().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let r = list_with_good(fifo.to_str().unwrap(), &good);
    assert!(r.stderr.contains(&format!("{}: not a regular file", fifo.display())), "{}", r.stderr);
    // A file used as a directory.
    let through = format!("{}/inside.txt", good.display());
    let r = list_with_good(&through, &good);
    assert!(r.stderr.contains(&format!("{through}: ")), "{}", r.stderr);
    // A directory given where one issue file is expected.
    let r = dubao(&["show", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
    // Unreadable, where permissions apply (not as root).
    let locked = write(dir.path(), "locked.txt", "标题\n\n正文。\n".as_bytes());
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        let r = list_with_good(&locked, &good);
        assert!(r.stderr.contains(&format!("{locked}: permission denied")), "{}", r.stderr);
    }
}

#[test]
fn symlink_loops_and_strange_names_in_folders() {
    let (dir, _good) = shelf();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let odd = std::ffi::OsStr::from_encoded_bytes_unchecked_safe(b"\xff\xfe-\x1b[2J.txt");
    std::fs::write(dir.path().join(odd), "奇怪名字的报纸\n\n记者 张三\n\n正文。\n").unwrap();
    let r = dubao(&["list", dir.path().to_str().unwrap()]);
    assert!(r.stdout.contains("好文章标题") && r.stdout.contains("奇怪名字的报纸"), "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("loop"), "the loop is named: {}", r.stderr);
    assert!(
        !r.stdout.contains('\x1b') && !r.stderr.contains('\x1b'),
        "no escape from a file name reaches the terminal"
    );
}

/// Non-UTF-8 bytes as an OS string, for a file name.
trait FromBytes {
    fn from_encoded_bytes_unchecked_safe(b: &[u8]) -> &std::ffi::OsStr;
}

impl FromBytes for std::ffi::OsStr {
    fn from_encoded_bytes_unchecked_safe(b: &[u8]) -> &std::ffi::OsStr {
        std::os::unix::ffi::OsStrExt::from_bytes(b)
    }
}

#[test]
fn a_file_deleted_or_cut_short_between_finding_and_reading() {
    let (dir, good) = shelf();
    let gone = write(dir.path(), "gone.txt", "标题\n\n正文。\n".as_bytes());
    let cut = write(dir.path(), "cut.txt", "第一篇标题\n\n记者 张三\n\n正文开始。后面还有很多。\n".as_bytes());
    let (sources, errors) = dubao::library::collect(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty());
    std::fs::remove_file(&gone).unwrap();
    // Cut inside a character, as a download stopped part-way leaves it.
    std::fs::File::options().write(true).open(&cut).unwrap().set_len(40).unwrap();
    let cut_source = sources.iter().find(|s| s.display_name() == cut).unwrap();
    let parsed = cut_source.load().expect("what is left of the file still reads");
    let text: String = parsed.issue.articles().flat_map(|a| a.blocks.iter().map(|b| b.text().to_string())).collect();
    assert_eq!(parsed.issue.articles().next().unwrap().headline, "第一篇标题");
    assert!(text.starts_with("正文") && text.ends_with('\u{FFFD}'), "{text:?}");
    let results: Vec<_> = sources.iter().map(|s| (s.display_name(), s.load().map(|p| p.issue.title))).collect();
    let err = results.iter().find(|(n, _)| n == &gone).unwrap().1.as_ref().unwrap_err();
    assert_eq!(err.to_string(), format!("{gone}: no such file or directory"));
    assert!(results.iter().any(|(n, r)| n == &good.display().to_string() && r.is_ok()));
}

#[test]
fn json_too_large_broken_or_too_deep_is_refused_by_name() {
    let (dir, good) = shelf();
    // A gigabyte, sparse: refused by its size before a byte is read.
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge).unwrap().set_len(1 << 30).unwrap();
    let huge = huge.display().to_string();
    let r = list_with_good(&huge, &good);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains(&format!("{huge}: not a text file")) || r.stderr.contains(&huge), "{}", r.stderr);
    assert!(r.stderr.contains("larger than dubao reads"), "{}", r.stderr);
    for (name, bytes) in [
        ("broken.json", b"[{\"title\": \"x\", \"content\": ".to_vec()),
        ("deep.json", "[".repeat(100_000).into_bytes()),
        ("numbers.json", b"[1, 2, 3]".to_vec()),
    ] {
        let bad = write(dir.path(), name, &bytes);
        let r = list_with_good(&bad, &good);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(&bad), "{name}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"));
    }
}

#[test]
fn epubs_built_to_hurt_and_broken_html_are_refused_by_name() {
    use crate::parse::epub::zip;
    let (dir, good) = shelf();
    let container = b"<container><rootfiles><rootfile full-path=\"c.opf\"/></rootfiles></container>".to_vec();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "escape.epub",
            zip(&[("META-INF/container.xml", container.clone()), ("../../x.html", b"<p>x</p>".to_vec())]),
            "outside the archive",
        ),
        (
            "bomb.epub",
            zip(&[("META-INF/container.xml", container.clone()), ("c.opf", vec![b' '; 64 << 20])]),
            "expands",
        ),
        (
            "deep.epub",
            zip(&[("META-INF/container.xml", container), ("a.xhtml", "<div>".repeat(100_000).into_bytes())]),
            "deep",
        ),
        ("deep.html", format!("<html><body>{}x", "<div>".repeat(100_000)).into_bytes(), "deep"),
    ];
    for (name, bytes, why) in cases {
        let bad = write(dir.path(), name, &bytes);
        let r = list_with_good(&bad, &good);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(&bad) && r.stderr.contains(why), "{name}: {}", r.stderr);
    }
    // A gigabyte, sparse: refused by its size before a byte is read.
    let huge = dir.path().join("huge.epub");
    std::fs::File::create(&huge).unwrap().set_len(1 << 30).unwrap();
    let huge = huge.display().to_string();
    let r = list_with_good(&huge, &good);
    assert!(r.stderr.contains(&huge) && r.stderr.contains("larger than dubao reads"), "{}", r.stderr);
    // Invalid UTF-8 inside a page that says it is UTF-8: read, the bad
    // bytes shown as replacement characters, never a crash.
    let mut page = b"<html><head><meta charset=\"utf-8\"></head><body><h1>\xe6\x96\xb0\xe9\x97\xbb \xff\xfe</h1><p>\xe6\xad\xa3\xe6\x96\x87\xc3</p></body></html>".to_vec();
    page.extend(noise(64, 7));
    let bad = write(dir.path(), "mangled.html", &page);
    let r = list_with_good(&bad, &good);
    assert!(r.stdout.contains("新闻") || r.stderr.contains(&bad), "{}\n{}", r.stdout, r.stderr);
}
