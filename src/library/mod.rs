//! Finding issue files and reading them: paths given by the user (files or
//! directories, read recursively) and the sample issues built into the
//! binary; the archive index and archive-wide search.

mod bundled;
pub mod find;
pub mod index;
pub mod name;
mod pool;
pub mod search;
mod source;
mod walk;

pub use index::{Index, IssueMeta, UpdateReport, cache_dir_for, default_cache_dir, newest_hint, prune};
pub use search::{ArchiveHit, SearchStats, search_sources};
pub use source::{ISSUE_EXTENSIONS, LoadError, Problem, Source, bundled, is_issue_file};
pub use walk::collect;
