//! dubao (读报): a keyboard-driven terminal newspaper reader.
//!
//! Layers, lowest first: [`model`] (plain data), [`parse`] (bytes → issue),
//! [`layout`] (articles set into terminal lines), [`library`] (finding issue
//! files), [`store`] (bookmarks, read marks and positions on disk),
//! [`export`] (text output for the CLI), [`app`] (state and the update step),
//! [`ui`] (drawing), [`tui`] (the terminal shell).
//! See `docs/architecture.md`.

pub mod app;
pub mod config;
pub mod crash;
pub mod export;
pub mod i18n;
pub mod layout;
pub mod library;
pub mod measure;
pub mod model;
pub mod parse;
pub mod script;
pub mod store;
pub mod tui;
pub mod ui;
