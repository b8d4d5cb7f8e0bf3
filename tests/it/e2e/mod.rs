//! The real reader in a pseudo-terminal: reading, and what it keeps.

mod export;
mod front;
mod language;
mod pager;
mod popups;
mod reader;
mod script;
mod state;
mod sync;
