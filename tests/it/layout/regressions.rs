//! Every input that ever broke the layout fuzz target, replayed through the
//! same checks (tests/fixtures/fuzz/layout/*).

use crate::common::{data, fuzzcheck};

#[test]
fn layout_regressions() {
    data::replay_fuzz("layout", fuzzcheck::layout_bytes);
}
