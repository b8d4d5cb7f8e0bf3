//! Finding issue files and reading them: paths given by the user (files or
//! directories, read recursively) and the sample issues built into the
//! binary; the archive index and archive-wide search.

pub mod archive;
mod bundled;
pub mod find;
pub mod fold;
pub mod folder;
pub mod index;
pub mod name;
mod pool;
mod source;
mod walk;

pub use archive::{ArchiveHit, SearchStats, search_sources};
pub use index::{Index, IssueMeta, UpdateReport, cache_dir_for, default_cache_dir, newest_hint, place_key, prune};
pub use source::{ISSUE_EXTENSIONS, LoadError, Problem, Source, bundled, is_issue_file};
pub use walk::{Walked, collect, collect_walked, newest_by_name};
