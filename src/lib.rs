//! dubao (读报): a keyboard-driven terminal newspaper reader.
//!
//! Layers, lowest first: [`model`] (plain data), [`parse`] (bytes → issue),
//! [`library`] (finding issue files), [`export`] (text output for the CLI).
//! See `docs/architecture.md`.

pub mod export;
pub mod library;
pub mod model;
pub mod parse;
