//! Any bytes as JSON, HTML or EPUB → parse_issue (see tests/it/common/fuzzcheck.rs).
#![no_main]

#[path = "../../tests/it/common/fuzzcheck.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::formats(data));
