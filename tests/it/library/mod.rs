//! The library: the archive index and archive-wide search.

mod index;
