//! The real reader in a pseudo-terminal: reading, and what it keeps.

mod reader;
mod state;
