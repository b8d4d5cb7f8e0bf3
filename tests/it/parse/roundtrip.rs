//! `dump --markup` writes markup that parses back to the identical
//! structure, for the seed, every bundled sample and every style fixture.

use dubao::library;
use dubao::model::Issue;
use dubao::parse::markup::to_markup;
use dubao::parse::parse_issue;

fn assert_round_trips(issue: &Issue) {
    let markup = to_markup(issue);
    let parsed = parse_issue(markup.as_bytes(), "exported.dubao").unwrap();
    assert!(parsed.warnings.is_empty(), "{}: {:?}", issue.source, parsed.warnings);
    let back = parsed.issue;
    assert_eq!(back.title, issue.title);
    assert_eq!(back.date, issue.date);
    assert_eq!(back.publisher, issue.publisher);
    assert_eq!(back.language, issue.language);
    assert_eq!(back.masthead, issue.masthead);
    assert_eq!(back.sections, issue.sections, "{} did not round-trip:\n{markup}", issue.source);
    // And the export is a fixed point.
    assert_eq!(to_markup(&back), markup);
}

#[test]
fn bundled_samples_round_trip() {
    for source in library::bundled() {
        assert_round_trips(&source.load().unwrap().issue);
    }
}

#[test]
fn style_fixtures_round_trip() {
    let dir = crate::common::data::fixture("");
    let (sources, errors) = library::collect(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(sources.len() >= 10);
    for source in sources {
        if let Ok(parsed) = source.load() {
            assert_round_trips(&parsed.issue);
        }
    }
}

#[test]
fn seed_round_trips() {
    let bytes = crate::common::data::seed_bytes();
    assert_round_trips(&parse_issue(&bytes, "000_5f9f883e554d2686.txt").unwrap().issue);
}

#[test]
fn awkward_text_is_escaped() {
    let src = "+++\ntitle = \"t\"\n+++\n\n## H\n\n\\# not a heading\n\n\\deck: not a deck\n\n\\\\backslash first\n\n### sub\n\n##\n\nuntitled body\n";
    let issue = parse_issue(src.as_bytes(), "x.dubao").unwrap().issue;
    let texts: Vec<&str> = issue.articles().flat_map(|a| a.blocks.iter().map(|b| b.text())).collect();
    assert_eq!(texts, ["# not a heading", "deck: not a deck", "\\backslash first", "sub", "untitled body"]);
    assert_round_trips(&issue);
}

#[test]
fn kickers_captions_tables_and_noise_round_trip() {
    let src = "+++\ntitle = \"t\"\n+++\n\n## 主标题\nkicker: 引题在此——\ndeck: 副题\n\n第一段。\n\ncaption: 图为江边。 记者 张三 摄\n\n| 东湖 21.3米\n| 南湖 19.8米\n\n~ ee)\n~ $55 re +3 +4\n\n\\| not a row\n\n\\~ not noise\n\ncaption: 人民视觉\n";
    let issue = parse_issue(src.as_bytes(), "x.dubao").unwrap().issue;
    let a = issue.articles().next().unwrap();
    assert_eq!(a.kicker.as_deref(), Some("引题在此——"));
    let kinds: Vec<String> = a.blocks.iter().map(|b| format!("{b:?}")).collect();
    assert_eq!(
        kinds,
        [
            "Paragraph(\"第一段。\")",
            "Caption(\"图为江边。 记者 张三 摄\")",
            "Table(\"东湖 21.3米\")",
            "Table(\"南湖 19.8米\")",
            "Noise(\"ee)\")",
            "Noise(\"$55 re +3 +4\")",
            "Paragraph(\"| not a row\")",
            "Paragraph(\"~ not noise\")",
            "Caption(\"人民视觉\")",
        ]
    );
    assert_round_trips(&issue);
}
