//! Finding issue files: paths given by the user (files or directories, read
//! recursively) and the sample issues built into the binary.

use crate::parse::{BUNDLED_PREFIX, DecodeError, Parsed, parse_issue};
use std::path::{Path, PathBuf};

mod bundled;
pub mod index;
pub mod name;
pub mod search;

pub use index::{Index, IssueMeta, UpdateReport, cache_dir_for, default_cache_dir, newest_hint, prune};
pub use search::{ArchiveHit, SearchStats, search_sources};

/// Threads for parsing and searching: every core, within reason.
pub(crate) fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8)
}

/// File name endings read as issues when a directory is scanned. A file named
/// explicitly is read whatever its name.
pub const ISSUE_EXTENSIONS: [&str; 5] = ["txt", "text", "md", "markdown", "dubao"];

/// Where an issue's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// A sample issue built into the binary.
    Bundled {
        /// Its file name in the repository's `issues/`.
        name: &'static str,
        /// Its bytes.
        bytes: &'static [u8],
    },
}

impl Source {
    /// How the source is named to the user and in `Issue::source`: a path
    /// that is not UTF-8 shows `�` for what it can't show.
    pub fn display_name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Bundled { name, .. } => format!("{BUNDLED_PREFIX}{name}"),
        }
    }

    /// The name that gives back exactly this source ([`name`]): what the
    /// reader's list, bookmarks and positions keep.
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => name::of_path(p),
            Source::Bundled { .. } => self.display_name(),
        }
    }

    /// The source a name stands for: `bundled:NAME`, or a path as [`Source::name`] wrote it.
    pub fn from_name(name: &str) -> Source {
        name.strip_prefix(BUNDLED_PREFIX)
            .and_then(|n| bundled::ISSUES.iter().find(|(b, _)| *b == n))
            .map(|&(name, bytes)| Source::Bundled { name, bytes })
            .unwrap_or_else(|| Source::File(name::to_path(name)))
    }

    /// The same source with an absolute path, so that what is remembered
    /// about it (bookmarks, the last issue read) is found from anywhere.
    pub fn absolute(self) -> Source {
        match self {
            Source::File(p) => Source::File(std::path::absolute(&p).unwrap_or(p)),
            bundled => bundled,
        }
    }

    /// True if the issue can still be found (its file exists).
    pub fn exists(&self) -> bool {
        match self {
            Source::Bundled { .. } => true,
            Source::File(p) => p.exists(),
        }
    }

    /// Reads and parses the issue.
    pub fn load(&self) -> Result<Parsed, LoadError> {
        let bytes = self.bytes()?;
        parse_issue(&bytes, &self.display_name()).map_err(|e| LoadError::not_text(self.display_name(), e))
    }

    /// The issue's bytes.
    pub fn bytes(&self) -> Result<std::borrow::Cow<'static, [u8]>, LoadError> {
        let name = self.display_name();
        match self {
            Source::Bundled { bytes, .. } => Ok(std::borrow::Cow::Borrowed(bytes)),
            Source::File(path) => {
                // Only regular files are read: a FIFO would block for ever, a
                // device would never end.
                let meta = std::fs::metadata(path).map_err(|e| LoadError::io(name.clone(), e))?;
                if meta.is_dir() {
                    return Err(LoadError { path: name, problem: "is a directory, not an issue file".into() });
                }
                if !meta.is_file() {
                    return Err(LoadError { path: name, problem: "not a regular file".into() });
                }
                std::fs::read(path).map(std::borrow::Cow::Owned).map_err(|e| LoadError::io(name, e))
            }
        }
    }
}

/// A file or path that could not be read as an issue.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct LoadError {
    /// The path as the user gave or we found it.
    pub path: String,
    /// What went wrong.
    pub problem: String,
}

impl LoadError {
    fn io(path: String, e: std::io::Error) -> LoadError {
        let problem = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
            std::io::ErrorKind::NotADirectory => "a part of the path is a file, not a directory".to_string(),
            _ => e.to_string(),
        };
        LoadError { path, problem }
    }

    fn not_text(path: String, e: DecodeError) -> LoadError {
        LoadError { path, problem: e.to_string() }
    }
}

/// The sample issues built into the binary, in order.
pub fn bundled() -> Vec<Source> {
    bundled::ISSUES.iter().map(|&(name, bytes)| Source::Bundled { name, bytes }).collect()
}

/// Expands user paths into issue sources: files as given, directories
/// scanned recursively (hidden entries skipped, names sorted) for issue
/// files. Paths that can't be read are reported and skipped.
pub fn collect(paths: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(LoadError::io(path.display().to_string(), e)),
            Ok(meta) if meta.is_dir() => {
                let before = found.len();
                scan_dir(path, &mut found, &mut errors);
                if found.len() == before {
                    errors.push(LoadError {
                        path: path.display().to_string(),
                        problem: format!("no issue files (*.{}) in this directory", ISSUE_EXTENSIONS.join(", *.")),
                    });
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
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_issue_file(e.path()) => found.push(Source::File(e.into_path())),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(root).display().to_string();
                let problem = if e.loop_ancestor().is_some() {
                    "symbolic link loop; skipped".to_string()
                } else {
                    e.io_error().map_or_else(|| e.to_string(), ToString::to_string)
                };
                errors.push(LoadError { path, problem });
            }
        }
    }
}

/// True for file names with an issue extension.
pub fn is_issue_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ISSUE_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_issues_all_parse_with_articles() {
        let issues = bundled();
        assert!(issues.len() >= 4);
        for source in issues {
            let parsed = source.load().unwrap();
            assert!(parsed.issue.articles().count() >= 3, "{}", source.display_name());
        }
    }

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
