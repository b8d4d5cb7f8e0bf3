//! Helpers shared by the integration tests; not every test uses every helper.
#![allow(dead_code)]

pub mod archive;
pub mod data;
#[cfg(unix)]
pub mod fault;
pub mod fuzzcheck;
pub mod pty;

/// The name libtest knows a test of this binary by (`store::child_writer`),
/// to run it alone in a child process with `--exact`: `module` is the
/// test's `module_path!()`.
pub fn test_name(module: &str, test: &str) -> String {
    match module.split_once("::") {
        Some((_, path)) => format!("{path}::{test}"),
        None => test.to_string(),
    }
}
