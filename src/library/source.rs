//! Where an issue's bytes come from (a file, or a sample built into the
//! binary), reading them, and what goes wrong when they can't be read.

use super::bundled::ISSUES as BUNDLED;
use super::name;
use crate::parse::{BUNDLED_PREFIX, Parsed, parse_issue};
use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

pub use super::folder::{ISSUE_EXTENSIONS, is_issue_file};

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
            .and_then(|n| BUNDLED.iter().find(|(b, _)| *b == n))
            .map(|&(name, bytes)| Source::Bundled { name, bytes })
            .unwrap_or_else(|| Source::File(name::to_path(name)))
    }

    /// The same source with an absolute path, so that what is remembered
    /// about it (bookmarks, the last issue read) is found from anywhere.
    pub fn absolute(self) -> Source {
        match self {
            Source::File(p) => {
                // Joined to the working directory, a path has room for
                // about as much again; kept for 100,000 issues, that is 10 MB.
                let mut p = std::path::absolute(&p).unwrap_or(p);
                p.shrink_to_fit();
                Source::File(p)
            }
            bundled => bundled,
        }
    }

    /// The file's path; `None` for a bundled sample.
    pub fn into_file(self) -> Option<PathBuf> {
        match self {
            Source::File(p) => Some(p),
            Source::Bundled { .. } => None,
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
        if let Source::File(dir) = self
            && dir.is_dir()
            && super::folder::is_article_folder(dir)
        {
            let name = self.display_name();
            let files =
                super::folder::read(dir).map_err(|e| LoadError::new(name.clone(), Problem::Other(e.to_string())))?;
            return crate::parse::folder::parse_folder(&files, &name)
                .map_err(|e| LoadError::new(name, Problem::Decode(e)));
        }
        let bytes = self.bytes()?;
        parse_issue(&bytes, &self.display_name()).map_err(|e| LoadError::new(self.display_name(), Problem::Decode(e)))
    }

    /// The issue's bytes.
    pub fn bytes(&self) -> Result<Cow<'static, [u8]>, LoadError> {
        let name = self.display_name();
        match self {
            Source::Bundled { bytes, .. } => Ok(Cow::Borrowed(bytes)),
            Source::File(path) => {
                // Only regular files are read: a FIFO would block for ever, a
                // device would never end.
                let meta = std::fs::metadata(path).map_err(|e| LoadError::io(name.clone(), &e))?;
                if meta.is_dir() {
                    return Err(LoadError::new(name, Problem::Directory));
                }
                if !meta.is_file() {
                    return Err(LoadError::new(name, Problem::NotRegular));
                }
                // JSON, HTML and EPUB are read whole into a tree: refuse
                // what would not fit before reading a byte of it.
                if let Some(most) = too_large(path, meta.len()) {
                    return Err(LoadError::new(name, most));
                }
                std::fs::read(path).map(Cow::Owned).map_err(|e| LoadError::io(name, &e))
            }
        }
    }
}

/// The sample issues built into the binary, in order.
pub fn bundled() -> Vec<Source> {
    BUNDLED.iter().map(|&(name, bytes)| Source::Bundled { name, bytes }).collect()
}

/// A file or path that could not be read as an issue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct LoadError {
    /// The path as the user gave or we found it.
    pub path: String,
    /// What went wrong.
    pub problem: Problem,
}

/// Why a file or path could not be read as an issue, in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// There is nothing there.
    #[error("no such file or directory")]
    NotFound,
    /// It may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// The system said it is a directory.
    #[error("is a directory")]
    IsDirectory,
    /// A directory named where an issue file was wanted.
    #[error("is a directory, not an issue file")]
    Directory,
    /// A FIFO, a device, a socket: never read.
    #[error("not a regular file")]
    NotRegular,
    /// Part of the path is a file.
    #[error("a part of the path is a file, not a directory")]
    NotADirectory,
    /// A directory with no issue files in it.
    #[error("no issue files (*.{}) in this directory", ISSUE_EXTENSIONS.join(", *."))]
    NoIssues,
    /// A symbolic link that leads back to where it is.
    #[error("symbolic link loop; skipped")]
    LinkLoop,
    /// Not text, or not an issue dubao can read: what the decoder said.
    #[error("{0}")]
    Decode(crate::parse::DecodeError),
    /// Larger than dubao reads in a format read whole (JSON, HTML, EPUB).
    #[error("{len} bytes, larger than dubao reads as .{ext} ({mb} MB)")]
    TooLarge {
        /// The file's size.
        len: u64,
        /// Its ending, lower-case.
        ext: String,
        /// The most dubao reads as that, in MB.
        mb: u64,
    },
    /// Any other failure, as the system words it.
    #[error("{0}")]
    Other(String),
}

impl Problem {
    /// The problem an I/O error stands for.
    pub fn of_io(e: &io::Error) -> Problem {
        match e.kind() {
            io::ErrorKind::NotFound => Problem::NotFound,
            io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
            io::ErrorKind::IsADirectory => Problem::IsDirectory,
            io::ErrorKind::NotADirectory => Problem::NotADirectory,
            _ => Problem::Other(e.to_string()),
        }
    }
}

impl LoadError {
    /// `path` could not be read, for this reason.
    pub fn new(path: impl Into<String>, problem: Problem) -> LoadError {
        LoadError { path: path.into(), problem }
    }

    pub(crate) fn io(path: String, e: &io::Error) -> LoadError {
        LoadError::new(path, Problem::of_io(e))
    }
}

/// Why a file is too large for the format its name says, if it is.
fn too_large(path: &Path, len: u64) -> Option<Problem> {
    use crate::parse::{epub, html, json};
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let most = match ext.as_str() {
        "json" | "jsonl" | "ndjson" => json::MAX_BYTES as u64,
        "html" | "htm" | "xhtml" => html::MAX_BYTES as u64,
        "epub" => epub::MAX_FILE,
        _ => return None,
    };
    (len > most).then_some(Problem::TooLarge { len, mb: most >> 20, ext })
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
}
