//! The real reader in a pseudo-terminal: reading, and what it keeps.

mod front;
mod language;
mod pager;
mod reader;
mod script;
mod state;
mod sync;
