//! Every input that ever broke the parse fuzz target, replayed through the
//! same checks (tests/fixtures/fuzz/parse/*).

use crate::common::{data, fuzzcheck};

#[test]
fn parse_regressions() {
    data::replay_fuzz("parse", fuzzcheck::parse);
}

#[test]
fn format_regressions() {
    data::replay_fuzz("formats", fuzzcheck::formats);
}
