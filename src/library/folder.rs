//! Folders that are one issue: a day saved as one file per article
//! (`20200101-01-02.txt`: one date, page and number changing), in page
//! sub-folders (`01-要闻/`, `02-民生/`), or labelled article files
//! (`标题：`, `内容：`). Telling them from a library of whole issues, and
//! reading their files.

use crate::parse::find_date;
use crate::parse::folder::ArticleFile;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// File name endings read as issues when a directory is scanned. A file named
/// explicitly is read whatever its name.
pub const ISSUE_EXTENSIONS: [&str; 15] = [
    "txt", "text", "md", "markdown", "dubao", "json", "jsonl", "ndjson", "csv", "tsv", "tab", "html", "htm", "xhtml",
    "epub",
];

/// True for file names with an issue extension.
pub fn is_issue_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ISSUE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// More files than this are no day of one paper.
const MOST_FILES: usize = 5000;
/// Nor more bytes than this.
const MOST_BYTES: u64 = 256 << 20;

/// The issue files directly in `dir`, sorted by name.
fn issue_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = entries(dir, |t| t.is_file()).filter(|p| is_issue_file(p) && !hidden(p)).collect();
    // One folder's: comparing the bytes is comparing the names (and far
    // cheaper than comparing paths component by component).
    out.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out
}

/// The entries of `dir` of a kind, told by the directory itself (`d_type`)
/// where it can, so a library's walk does not `stat` every file; only
/// symbolic links are followed to see what they are.
fn entries(dir: &Path, kind: fn(&std::fs::FileType) -> bool) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir).into_iter().flatten().flatten().filter_map(move |e| {
        let t = e.file_type().ok()?;
        let t = if t.is_symlink() { std::fs::metadata(e.path()).ok()?.file_type() } else { t };
        kind(&t).then(|| e.path())
    })
}

fn hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Page folders: sub-folders named by a page number (`01-要闻`, `A3`…),
/// holding issue files.
fn page_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = entries(dir, |t| t.is_dir())
        .filter(|p| !hidden(p))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let digits = name
                .trim_start_matches(|c: char| c.is_ascii_uppercase())
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            (1..=3).contains(&digits) && entries(p, |t| t.is_file()).any(|f| is_issue_file(&f) && !hidden(&f))
        })
        .collect();
    out.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out
}

/// Whether `dir` holds one issue as article files rather than issues.
pub fn is_article_folder(dir: &Path) -> bool {
    // Page folders of one day (a library's month folders hold many days).
    let pages = page_dirs(dir);
    if pages.len() >= 2 {
        let mut dates = pages
            .iter()
            // In any order, and only until two dates differ (a library's
            // year folder: its month folders are not read through).
            .flat_map(|p| entries(p, |t| t.is_file()).filter(|f| is_issue_file(f) && !hidden(f)))
            .filter_map(|f| f.file_stem().and_then(|s| s.to_str()).and_then(find_date).map(|(d, _)| d));
        let first = dates.next();
        return dates.all(|d| Some(d) == first);
    }
    let files = issue_files(dir);
    if files.len() < 2 || files.len() > MOST_FILES {
        return false;
    }
    let names: Vec<String> = files.iter().filter_map(|p| p.file_stem()?.to_str().map(str::to_string)).collect();
    // One date, and a page and number besides it, on most names.
    let dates: Vec<Option<jiff::civil::Date>> = names.iter().map(|n| find_date(n).map(|(d, _)| d)).collect();
    let first = dates.iter().flatten().next();
    let same_day =
        first.is_some_and(|d| dates.iter().filter(|x| x.as_ref() == Some(d)).count() * 10 >= names.len() * 8);
    let numbered = names
        .iter()
        .filter(|n| {
            let rest = find_date(n).map_or(n.to_string(), |(_, r)| format!("{}{}", &n[..r.start], &n[r.end..]));
            rest.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).count() >= 1
        })
        .count()
        * 10
        >= names.len() * 8;
    same_day && numbered || labelled(&files[0])
}

/// A file that opens with a crawler's labels (`连接：`, `标题：`, `Title:`).
fn labelled(path: &Path) -> bool {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(512);
    let Ok(_) = std::fs::File::open(path).and_then(|f| f.take(512).read_to_end(&mut bytes)) else { return false };
    let head = String::from_utf8_lossy(&bytes);
    let labels = ["连接：", "链接：", "标题：", "標題：", "Title:", "URL:"];
    head.lines().take(3).any(|l| labels.iter().any(|p| l.trim_start().starts_with(p)))
}

/// The article files of a folder issue, with their names under it.
pub fn read(dir: &Path) -> io::Result<Vec<ArticleFile>> {
    let mut paths: Vec<(String, PathBuf)> = Vec::new();
    let pages = page_dirs(dir);
    for p in pages.iter().map(PathBuf::as_path).chain(std::iter::once(dir)) {
        for f in issue_files(p) {
            let rel = f.strip_prefix(dir).unwrap_or(&f).to_string_lossy().replace('\\', "/");
            paths.push((rel, f));
        }
    }
    if paths.len() > MOST_FILES {
        return Err(io::Error::other(format!("{} files: more than {MOST_FILES} for one issue", paths.len())));
    }
    let mut total = 0u64;
    let mut out = Vec::with_capacity(paths.len());
    for (name, path) in paths {
        total += std::fs::metadata(&path)?.len();
        if total > MOST_BYTES {
            return Err(io::Error::other(format!("more than {} MB of article files for one issue", MOST_BYTES >> 20)));
        }
        out.push(ArticleFile { name, bytes: std::fs::read(&path)? });
    }
    Ok(out)
}

/// A folder issue's size and last change, for the index: its files' bytes
/// and the newest of their times (and the folder's own, which moves when
/// a file is added or removed).
pub fn stamp(dir: &Path) -> io::Result<(u64, SystemTime)> {
    let mut size = 0;
    let mut newest = std::fs::metadata(dir)?.modified()?;
    for p in page_dirs(dir).iter().map(PathBuf::as_path).chain(std::iter::once(dir)) {
        newest = newest.max(std::fs::metadata(p)?.modified()?);
        for f in issue_files(p) {
            let m = std::fs::metadata(&f)?;
            size += m.len();
            newest = newest.max(m.modified()?);
        }
    }
    Ok((size, newest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_of_article_files_is_one_issue_a_library_is_not() {
        let day = tempfile::tempdir().unwrap();
        for n in ["20200101-01-01.txt", "20200101-01-02.txt", "20200101-02-01.txt"] {
            std::fs::write(day.path().join(n), "标题\n\n正文。\n").unwrap();
        }
        assert!(is_article_folder(day.path()));
        let library = tempfile::tempdir().unwrap();
        for n in ["2024-03-08.txt", "2024-03-09.txt", "2024-03-10.txt"] {
            std::fs::write(library.path().join(n), "标题\n\n正文。\n").unwrap();
        }
        assert!(!is_article_folder(library.path()), "issues of different days");
        let months = tempfile::tempdir().unwrap();
        for (d, f) in [("01", "paper-19960101.txt"), ("01", "paper-19960102.txt"), ("02", "paper-19960201.txt")] {
            std::fs::create_dir_all(months.path().join(d)).unwrap();
            std::fs::write(months.path().join(d).join(f), "标题\n\n正文。\n").unwrap();
        }
        assert!(!is_article_folder(months.path()), "month folders of a library");
        let pages = tempfile::tempdir().unwrap();
        for (d, f) in [("01-要闻", "001.txt"), ("01-要闻", "002.txt"), ("02-民生", "001.txt")] {
            std::fs::create_dir_all(pages.path().join(d)).unwrap();
            std::fs::write(pages.path().join(d).join(f), "标题\n\n正文。\n").unwrap();
        }
        assert!(is_article_folder(pages.path()));
        let files = read(pages.path()).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["01-要闻/001.txt", "01-要闻/002.txt", "02-民生/001.txt"]);
    }
}
