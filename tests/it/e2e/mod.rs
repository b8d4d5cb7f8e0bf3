//! The real reader in a pseudo-terminal: reading, and what it keeps.

mod popups;
mod reader;
mod state;
