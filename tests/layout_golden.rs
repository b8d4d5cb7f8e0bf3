//! Golden layouts of the seed issue at several pane widths, reviewed by eye.

use dubao::layout::{LayoutOptions, layout, to_plain_text};

fn seed() -> dubao::model::Issue {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/000_5f9f883e554d2686.txt");
    let bytes = std::fs::read(path)
        .unwrap_or_else(|e| panic!("the seed issue is missing at {path} ({e}); the golden tests need it"));
    dubao::parse::parse_issue(&bytes, path).expect("the seed issue parses").issue
}

#[test]
fn seed_articles_at_four_widths() {
    let issue = seed();
    let opts = LayoutOptions::default();
    for (n, article) in issue.articles().enumerate() {
        for width in [20u16, 37, 60, 80] {
            let text = to_plain_text(&layout(article, width, &opts));
            insta::assert_snapshot!(format!("seed_{n}_w{width}"), text);
        }
    }
}
