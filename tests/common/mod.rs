//! Helpers shared by the integration tests; not every test uses every helper.
#![allow(dead_code)]

#[cfg(unix)]
pub mod fault;
pub mod fuzzcheck;
pub mod pty;
