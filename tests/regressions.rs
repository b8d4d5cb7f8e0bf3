//! Every input that ever broke the fuzz targets, replayed through the same
//! checks (tests/fixtures/fuzz/<target>/*).

mod common;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}

#[test]
fn parse_regressions() {
    replay("parse", common::fuzzcheck::parse);
}

#[test]
fn layout_regressions() {
    replay("layout", common::fuzzcheck::layout_bytes);
}
