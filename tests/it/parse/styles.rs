//! Real-world styles of raw issue text (tests/fixtures/styles/*.txt), each
//! checked against an expectation written by hand beside it (*.expect.toml):
//! sections, headlines, decks, bylines, datelines, attributions, the kind of
//! every body block, and passages that must come out whole.

use dubao::model::{Block, Issue};
use dubao::parse::parse_issue;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    sections: Vec<String>,
    article: Vec<ExpectArticle>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectArticle {
    section: usize,
    kicker: Option<String>,
    headline: String,
    #[serde(default)]
    decks: Vec<String>,
    byline: Option<String>,
    dateline: Option<String>,
    attribution: Option<String>,
    blocks: Vec<String>,
    #[serde(default)]
    whole: Vec<String>,
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
    let bytes = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
    let expect: Expect =
        toml::from_str(&std::fs::read_to_string(dir.join(format!("{name}.expect.toml"))).unwrap()).unwrap();
    let issue = parse_issue(&bytes, &format!("{name}.txt")).unwrap().issue;
    let problems = compare(&issue, &expect);
    assert!(problems.is_empty(), "{name}:\n  {}\n\n{}", problems.join("\n  "), dubao::export::dump(&issue));
}

fn compare(issue: &Issue, expect: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    let names: Vec<&str> = issue.sections.iter().map(|s| s.name.as_str()).collect();
    if names != expect.sections {
        problems.push(format!("sections {names:?}, expected {:?}", expect.sections));
    }
    let got: Vec<(usize, &dubao::model::Article)> =
        issue.sections.iter().enumerate().flat_map(|(i, s)| s.articles.iter().map(move |a| (i, a))).collect();
    if got.len() != expect.article.len() {
        problems.push(format!(
            "{} articles ({:?}), expected {}",
            got.len(),
            got.iter().map(|(_, a)| a.headline.as_str()).collect::<Vec<_>>(),
            expect.article.len()
        ));
    }
    for (k, ((section, a), e)) in got.iter().zip(&expect.article).enumerate() {
        let mut field = |what: &str, got: String, want: String| {
            if got != want {
                problems.push(format!("article {k} {what}: got {got:?}, expected {want:?}"));
            }
        };
        field("section", section.to_string(), e.section.to_string());
        field("kicker", format!("{:?}", a.kicker), format!("{:?}", e.kicker));
        field("headline", a.headline.clone(), e.headline.clone());
        field("decks", format!("{:?}", a.decks), format!("{:?}", e.decks));
        field("byline", format!("{:?}", a.byline), format!("{:?}", e.byline));
        field("dateline", format!("{:?}", a.dateline), format!("{:?}", e.dateline));
        field("attribution", format!("{:?}", a.attribution), format!("{:?}", e.attribution));
        let kinds: Vec<String> = a
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(_) => "p".to_string(),
                Block::Subhead(t) => format!("s:{t}"),
                Block::Caption(_) => "c".to_string(),
                Block::Table(t) => format!("t:{t}"),
                Block::Noise(_) => "n".to_string(),
            })
            .collect();
        field("blocks", format!("{kinds:?}"), format!("{:?}", e.blocks));
        for w in &e.whole {
            if !a.blocks.iter().any(|b| b.text().contains(w.as_str())) {
                problems.push(format!("article {k}: no block contains {w:?}"));
            }
        }
    }
    problems
}

macro_rules! style_tests {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(#[test] fn $test() { check($name); })*
    };
}

style_tests! {
    one_paragraph_per_line_without_blank_lines => "one-per-line",
    indented_and_hard_wrapped_chinese => "indented-hardwrap",
    full_width_and_small_form_punctuation => "fullwidth-punct",
    photo_captions_and_credits => "captions",
    ocr_english_all_caps_and_hyphenation => "ocr-english",
    english_without_section_markers => "no-markers-english",
    headline_broken_over_two_lines => "multiline-headline",
    enumerated_subheads => "enumerated-subheads",
    datelines_glued_to_text => "glued-datelines",
    bracket_section_markers_and_jump_lines => "brackets-sections",
    no_blank_lines_no_indents_in_gbk => "no-blank-flush.gbk",
    flush_heads_over_indented_paragraphs => "indented-per-line",
    one_sentence_per_line_in_big5_hkscs => "sentence-per-line.big5hkscs",
    one_article_per_line_with_a_separator => "article-per-line",
    one_article_per_line_tab_separated => "article-per-line-tab",
    ocr_columns_with_noise_and_ads => "ocr-columns",
    rules_between_items_and_an_archive_frame => "rules-and-frames",
    glued_bylines_and_mixed_case_datelines => "bylines-datelines",
    reprint_sources_and_chapters => "sources-chapters",
    running_heads_and_double_jumps => "running-heads",
    sentences_in_blank_line_paragraphs_big5 => "sentences-in-blank-paragraphs.big5hkscs",
}
