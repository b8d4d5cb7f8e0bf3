//! dubao's integration tests: one binary, a module per layer, lowest
//! first. `cargo test` builds it once; `cargo test store::` runs a layer.
//!
//! Data (fixtures, the samples, the seed issue) is found through
//! `common::data`; see `docs/architecture.md` for what each module checks.

mod common;

mod parse;

mod layout;

mod library;

mod store;

mod sync;

mod app;

mod cli;

mod e2e;

mod house;

mod i18n;
