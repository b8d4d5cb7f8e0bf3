//! The real reader in a pseudo-terminal: reading, and what it keeps.

mod export;
mod pager;
mod popups;
mod reader;
mod state;
mod sync;
