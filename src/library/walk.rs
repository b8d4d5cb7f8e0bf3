//! Finding issue files under the paths a user gives: files as given,
//! directories read recursively.

use super::source::{LoadError, Problem, Source, is_issue_file};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// Expands user paths into issue sources: files as given, directories
/// scanned recursively (hidden entries skipped, names sorted) for issue
/// files. Paths that can't be read are reported and skipped. A file found
/// twice — a path given twice, a folder and one inside it — is kept once,
/// where it was first found (its canonical path decides).
pub fn collect(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let (found, errors, _) = collect_walked(paths);
    (found, errors)
}

/// The folders a walk went through: every folder walked into, and the
/// folders taken as one issue each (not walked into).
#[derive(Debug, Default)]
pub struct Walked {
    pub(crate) dirs: Vec<PathBuf>,
    pub(crate) issue_dirs: Vec<PathBuf>,
    /// A symbolic link was followed: its target may change unseen.
    pub(crate) links: bool,
}

/// [`collect`], and the folders it walked: `None` unless every path is a
/// folder walked into, no two overlap, no link was followed and nothing
/// went wrong — only then do the folders alone tell which issue files
/// there are.
pub fn collect_walked(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>, Option<Walked>) {
    let mut walked = Walked::default();
    let (mut found, errors) = expand(paths, &mut walked);
    let roots: Vec<PathBuf> = paths.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let apart = roots.len() == paths.len()
        && roots
            .iter()
            .enumerate()
            .all(|(k, a)| roots.iter().skip(k + 1).all(|b| !a.starts_with(b) && !b.starts_with(a)));
    let whole = errors.is_empty() && apart && !walked.links && paths.iter().all(|p| walked.dirs.contains(p));
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        found.retain(|s| match s {
            Source::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
            Source::Bundled { .. } => true,
        });
    }
    (found, errors, whole.then_some(walked))
}

fn expand(paths: &[PathBuf], walked: &mut Walked) -> (Vec<Source>, Vec<LoadError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(LoadError::io(path.display().to_string(), &e)),
            Ok(meta) if meta.is_dir() && super::folder::is_article_folder(path) => {
                found.push(Source::File(path.clone()))
            }
            Ok(meta) if meta.is_dir() => {
                let before = found.len();
                walked.dirs.push(path.clone());
                scan_dir(path, &mut found, &mut errors, walked);
                if found.len() == before {
                    errors.push(LoadError::new(path.display().to_string(), Problem::NoIssues));
                }
            }
            Ok(_) => found.push(Source::File(path.clone())),
        }
    }
    (found, errors)
}

/// Walks `root`: its folders each on a core of their own (a library of
/// papers walks in a fraction of the time), found in the order one walk
/// would find them.
fn scan_dir(root: &Path, found: &mut Vec<Source>, errors: &mut Vec<LoadError>, walked: &mut Walked) {
    let mut children: Vec<walkdir::DirEntry> = Vec::new();
    let top = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().max_depth(1);
    for entry in top {
        match entry {
            Ok(e) if e.depth() == 0 => {}
            Ok(e) if e.file_name().to_string_lossy().starts_with('.') => {}
            Ok(e) => children.push(e),
            Err(e) => errors.push(walk_error(e, root)),
        }
    }
    let root_id = same_file_id(root);
    let walk = |_: &mut (), k: usize| {
        let (mut found, mut errors, mut walked) = (Vec::new(), Vec::new(), Walked::default());
        let e = &children[k];
        walked.links = e.path_is_symlink();
        if e.file_type().is_dir() {
            // A link back to the root is a loop the subtree's own walk can't see.
            if e.path_is_symlink() && root_id.is_some() && same_file_id(e.path()) == root_id {
                errors.push(LoadError::new(e.path().display().to_string(), Problem::LinkLoop));
            } else {
                walk_tree(e.path(), &mut found, &mut errors, &mut walked);
            }
        } else if e.file_type().is_file() && is_issue_file(e.path()) {
            found.push(Source::File(e.path().to_path_buf()));
        }
        (found, errors, walked)
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    super::pool::run_indexed(
        children.len(),
        64,
        &never,
        || (),
        walk,
        |_, (f, e, w)| {
            found.extend(f);
            errors.extend(e);
            walked.dirs.extend(w.dirs);
            walked.issue_dirs.extend(w.issue_dirs);
            walked.links |= w.links;
            true
        },
    );
}

/// Which file a path is (device and inode), to tell a link to it.
fn same_file_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok().map(|p| (0, fnv_of(&p)))
    }
}

#[cfg(not(unix))]
fn fnv_of(p: &Path) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(p.as_os_str().as_encoded_bytes());
    h.finish()
}

/// One folder under a root, walked whole (a folder that is one issue is one source).
fn walk_tree(dir: &Path, found: &mut Vec<Source>, errors: &mut Vec<LoadError>, walked: &mut Walked) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut walker = walker;
    while let Some(entry) = walker.next() {
        match entry {
            // A day saved as article files is one issue: not walked into.
            Ok(e) if e.file_type().is_dir() && super::folder::is_article_folder(e.path()) => {
                walker.skip_current_dir();
                walked.links |= e.path_is_symlink();
                walked.issue_dirs.push(e.path().to_path_buf());
                found.push(Source::File(e.into_path()));
            }
            Ok(e) if e.file_type().is_dir() => {
                walked.links |= e.path_is_symlink();
                walked.dirs.push(e.into_path());
            }
            Ok(e) if e.file_type().is_file() && is_issue_file(e.path()) => {
                walked.links |= e.path_is_symlink();
                found.push(Source::File(e.into_path()));
            }
            Ok(_) => {}
            Err(e) => errors.push(walk_error(e, dir)),
        }
    }
}

/// What a folder that changed since a walk holds now: the issue files
/// directly in it, and the folders in it that are not `known`, walked
/// whole (those known are looked at on their own).
pub(crate) fn relist(
    dir: &Path,
    known: &dyn Fn(&Path) -> bool,
    found: &mut Vec<Source>,
    errors: &mut Vec<LoadError>,
    walked: &mut Walked,
) {
    let entries = walkdir::WalkDir::new(dir).follow_links(true).min_depth(1).max_depth(1);
    for entry in entries {
        match entry {
            Ok(e) if e.file_name().to_string_lossy().starts_with('.') => {}
            Ok(e) => {
                walked.links |= e.path_is_symlink();
                if e.file_type().is_dir() && !known(e.path()) {
                    walk_tree(e.path(), found, errors, walked);
                } else if e.file_type().is_file() && is_issue_file(e.path()) {
                    found.push(Source::File(e.into_path()));
                }
            }
            Err(e) => errors.push(walk_error(e, dir)),
        }
    }
}

fn walk_error(e: walkdir::Error, root: &Path) -> LoadError {
    let path = e.path().unwrap_or(root).display().to_string();
    let problem = if e.loop_ancestor().is_some() {
        Problem::LinkLoop
    } else {
        Problem::Other(e.io_error().map_or_else(|| e.to_string(), ToString::to_string))
    };
    LoadError::new(path, problem)
}

/// The newest issue file under `roots` by the date in its name, found by
/// reading as few directories as can tell — what the reader opens first
/// on a folder it has never seen, before the whole walk. A folder named by
/// a year (`2024`) or a month (`2024-03`, `202403`, or `03` inside a year)
/// holds no day later than its name says, so the latest such folder is
/// read first and the others only while they could hold a later day;
/// other folders are always read. Entry kinds come from the directory
/// (`d_type`): no file is `stat`ed. Ties go to the name that sorts first,
/// as the reader's list orders issues. `None` when no name has a date, or
/// the newest lies in a folder that is one issue (article files).
pub fn newest_by_name(roots: &[PathBuf]) -> Option<PathBuf> {
    use std::collections::BinaryHeap;
    // Read next: the folder that may hold the latest day (no bound first).
    let mut queue: BinaryHeap<(std::cmp::Reverse<Option<std::cmp::Reverse<Date>>>, PathBuf)> = BinaryHeap::new();
    let unbounded = |p: PathBuf| (std::cmp::Reverse(None), p);
    let mut best: Option<(Date, String, PathBuf)> = None;
    for root in roots {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => queue.push(unbounded(root.clone())),
            Ok(_) if is_issue_file(root) => consider(root, &mut best),
            _ => {}
        }
    }
    let mut reads = 0;
    while let Some((std::cmp::Reverse(bound), dir)) = queue.pop() {
        let bound = bound.map(|b| b.0);
        if let (Some(b), Some((day, _, _))) = (bound, &best)
            && b < *day
        {
            break;
        }
        reads += 1;
        if reads > 10_000 {
            return None;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(mut kind) = e.file_type() else { continue };
            if kind.is_symlink() {
                let Ok(m) = std::fs::metadata(e.path()) else { continue };
                kind = m.file_type();
            }
            if kind.is_dir() {
                let own = folder_bound(&name.to_string_lossy(), bound);
                queue.push((std::cmp::Reverse(own.or(bound).map(std::cmp::Reverse)), e.path()));
            } else if kind.is_file() && is_issue_file(&e.path()) {
                consider(&e.path(), &mut best);
            }
        }
    }
    let (_, _, path) = best?;
    let parent = path.parent()?;
    (!super::folder::is_article_folder(parent)).then(|| std::path::absolute(&path).unwrap_or(path))
}

/// Keeps `path` if its name's date is the latest so far (ties: the first name).
fn consider(path: &Path, best: &mut Option<(Date, String, PathBuf)>) {
    let name = super::name::of_path(path);
    let Some(day) = crate::parse::title_from_name(&name).1 else { return };
    let better = match best {
        Some((d, n, _)) => (std::cmp::Reverse(day), &name) < (std::cmp::Reverse(*d), &*n),
        None => true,
    };
    if better {
        *best = Some((day, name, path.to_path_buf()));
    }
}

/// The latest day a folder of this name can hold: a year's last day for
/// `2024`, a month's for `2024-03`, `2024_03`, `202403`, or `03` inside a
/// year's folder (`within`).
fn folder_bound(name: &str, within: Option<Date>) -> Option<Date> {
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    let only_digits = name.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    let year = |y: &str| y.parse::<i16>().ok().filter(|y| (1800..=2999).contains(y));
    let month_end = |y: i16, m: &str| {
        let m = m.parse::<i8>().ok().filter(|m| (1..=12).contains(m))?;
        Some(jiff::civil::date(y, m, 1).last_of_month())
    };
    match (only_digits, digits.len()) {
        (true, 4) => Some(jiff::civil::date(year(&digits)?, 12, 31)),
        (true, 6) => month_end(year(&digits[..4])?, &digits[4..]),
        (true, 1 | 2) => {
            let y = within.filter(|d| d.month() == 12 && d.day() == 31)?.year();
            month_end(y, &digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_recursively_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("2024/03")).unwrap();
        std::fs::create_dir_all(dir.path().join(".hidden")).unwrap();
        std::fs::write(dir.path().join("2024/03/a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("2024/b.dubao"), "x").unwrap();
        std::fs::write(dir.path().join("2024/c.png"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden/d.txt"), "x").unwrap();
        let missing = dir.path().join("nope.txt");
        let (found, errors) = collect(&[dir.path().to_path_buf(), missing]);
        let names: Vec<String> = found.iter().map(|s| s.display_name()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].ends_with("a.txt") && names[1].ends_with("b.dubao"), "{names:?}");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("nope.txt: no such file"));
    }

    #[test]
    fn the_newest_issue_by_name_reads_only_the_latest_year_and_month_folders() {
        let dir = tempfile::tempdir().unwrap();
        let put = |rel: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "x").unwrap();
        };
        put("清河日报/2023/12/清河日报-20231231.txt");
        put("清河日报/2024/02/清河日报-20240229.txt");
        put("清河日报/2024/03/清河日报-20240301.txt");
        put("东昌府报/2024-03/东昌府报-20240301.txt");
        put("notes/undated.txt");
        // A later year folder that can't be read would be read first.
        std::fs::create_dir_all(dir.path().join("清河日报/2025")).unwrap();
        let newest = newest_by_name(&[dir.path().to_path_buf()]).unwrap();
        assert!(
            newest.ends_with("东昌府报/2024-03/东昌府报-20240301.txt"),
            "the first name of the latest day: {newest:?}"
        );
        assert!(newest.is_absolute());
        std::fs::remove_dir_all(dir.path().join("东昌府报")).unwrap();
        // The 2023 folder is never read: a file in it named later is not seen.
        put("清河日报/2023/12/清河日报-20990101.txt");
        let newest = newest_by_name(&[dir.path().to_path_buf()]).unwrap();
        assert!(newest.ends_with("清河日报-20240301.txt"), "{newest:?}");
        assert_eq!(folder_bound("2024", None), Some(jiff::civil::date(2024, 12, 31)));
        assert_eq!(folder_bound("02", Some(jiff::civil::date(2024, 12, 31))), Some(jiff::civil::date(2024, 2, 29)));
        assert_eq!(folder_bound("02", None), None);
        assert_eq!(folder_bound("papers", None), None);
        assert_eq!(newest_by_name(&[dir.path().join("notes")]), None, "no dated name");
    }
}
