//! The front page (版面) in the real reader.

use crate::common::data::seed_path as seed;
use crate::common::pty::Pty;

#[test]
fn the_front_page_at_160_by_50_shows_three_columns_and_opens_the_chosen_article() {
    let seed = seed();
    let mut t = Pty::spawn(&[seed.to_str().unwrap()], 160, 50);
    t.wait_text("东昌府讯 11月18日");
    t.send("o");
    t.wait_text("版面");
    let issue = dubao::parse::parse_issue(&std::fs::read(&seed).unwrap(), "seed").unwrap().issue;
    let heads: Vec<String> = issue.articles().map(|a| a.headline.clone()).collect();
    assert_eq!(heads.len(), 5);
    t.wait_for("the five headlines, three columns, the leads", |s| {
        heads.iter().all(|h| s.contains(h.as_str()))
            && s.lines().any(|l| l.matches('│').count() >= 4)
            && s.contains("　　东昌府讯 11月18日")
            && s.contains("　　军爱民，民拥军")
    });
    // Down to the first row, right to the third block: 双拥花开.
    t.send("jll\r");
    t.wait_text("——全区深入推进双拥工作纪实");
    t.wait_for("the article, the front page gone", |s| !s.contains("版面") && s.contains("5 articles · 4 unread"));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
