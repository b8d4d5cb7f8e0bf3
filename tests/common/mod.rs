//! Helpers shared by the integration tests; not every test uses every helper.
#![allow(dead_code)]

pub mod fuzzcheck;
pub mod pty;
