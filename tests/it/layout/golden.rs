//! Golden layouts of the seed issue at several pane widths, reviewed by eye.

use dubao::layout::{LayoutOptions, layout, to_plain_text};

fn seed() -> dubao::model::Issue {
    let path = crate::common::data::seed_path();
    let bytes = crate::common::data::seed_bytes();
    dubao::parse::parse_issue(&bytes, &path.display().to_string()).expect("the seed issue parses").issue
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

/// The fixture issue with kickers, captions, tables and noise.
fn blocks() -> dubao::model::Issue {
    let name = "blocks/望川晚报-20240506.dubao";
    dubao::parse::parse_issue(&crate::common::data::fixture_bytes(name), name).unwrap().issue
}

/// Each article at odd and even widths, wide to tiny, folded, and once
/// with its noise unfolded: one snapshot per article.
#[test]
fn kickers_captions_tables_and_noise_at_every_width() {
    let issue = blocks();
    let opts = LayoutOptions::default();
    for (n, article) in issue.articles().enumerate() {
        let mut out = String::new();
        for width in [81u16, 60, 37, 24, 11, 4] {
            out.push_str(&format!("──── {width} ────\n{}\n", to_plain_text(&layout(article, width, &opts))));
        }
        let all: Vec<usize> = dubao::layout::noise_runs(article).iter().map(|r| r.start).collect();
        let open = dubao::layout::layout_unfolded(article, 37, &opts, &all);
        out.push_str(&format!("──── 37, noise unfolded ────\n{}\n", to_plain_text(&open)));
        insta::assert_snapshot!(format!("blocks_{n}"), out);
    }
}

#[test]
fn nothing_is_wider_than_a_pane_of_one_to_four_cells() {
    let issue = blocks();
    for article in issue.articles() {
        let all: Vec<usize> = dubao::layout::noise_runs(article).iter().map(|r| r.start).collect();
        for pane in 1u16..=4 {
            for unfolded in [&[][..], &all] {
                let l = dubao::layout::layout_unfolded(article, pane, &LayoutOptions::default(), unfolded);
                for line in l.lines() {
                    let w = usize::from(l.margin()) + dubao::layout::str_width(line.text(), Default::default());
                    assert!(w <= usize::from(pane), "{w} cells in a {pane}-cell pane: {:?}", line.text());
                }
            }
        }
    }
}
