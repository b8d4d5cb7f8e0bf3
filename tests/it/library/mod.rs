//! The library: the archive index and archive-wide search.

mod index;

mod differential;

mod faults;
