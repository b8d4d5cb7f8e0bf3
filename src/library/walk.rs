//! Finding issue files under the paths a user gives: files as given,
//! directories read recursively.

use super::source::{LoadError, Problem, Source, is_issue_file};
use std::path::{Path, PathBuf};

/// Expands user paths into issue sources: files as given, directories
/// scanned recursively (hidden entries skipped, names sorted) for issue
/// files. Paths that can't be read are reported and skipped. A file found
/// twice — a path given twice, a folder and one inside it — is kept once,
/// where it was first found (its canonical path decides).
pub fn collect(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let (mut found, errors) = expand(paths);
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        found.retain(|s| match s {
            Source::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
            Source::Bundled { .. } => true,
        });
    }
    (found, errors)
}

fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
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
                scan_dir(path, &mut found, &mut errors);
                if found.len() == before {
                    errors.push(LoadError::new(path.display().to_string(), Problem::NoIssues));
                }
            }
            Ok(_) => found.push(Source::File(path.clone())),
        }
    }
    (found, errors)
}

fn scan_dir(root: &Path, found: &mut Vec<Source>, errors: &mut Vec<LoadError>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut walker = walker;
    while let Some(entry) = walker.next() {
        match entry {
            // A day saved as article files is one issue: not walked into.
            Ok(e) if e.depth() > 0 && e.file_type().is_dir() && super::folder::is_article_folder(e.path()) => {
                walker.skip_current_dir();
                found.push(Source::File(e.into_path()));
            }
            Ok(e) if e.file_type().is_file() && is_issue_file(e.path()) => found.push(Source::File(e.into_path())),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).display().to_string();
                let problem = if e.loop_ancestor().is_some() {
                    Problem::LinkLoop
                } else {
                    Problem::Other(e.io_error().map_or_else(|| e.to_string(), ToString::to_string))
                };
                errors.push(LoadError::new(path, problem));
            }
        }
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
}
