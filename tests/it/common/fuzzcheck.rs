//! The checks the fuzz targets make (fuzz/fuzz_targets/*.rs include this
//! file), so that every input the fuzzer ever broke us with is replayed by
//! `cargo test` (`parse::regressions` and `layout::regressions` in tests/it/).

use dubao::layout::{Ambiguous, LayoutOptions, str_width};
use dubao::model::{Article, Block, Element, Issue, Pos};
use dubao::parse::{markup::to_markup, parse_issue};

/// Any bytes → parse_issue: never panics; what it makes is well formed and
/// round-trips through markup.
pub fn parse(data: &[u8]) {
    let Ok(parsed) = parse_issue(data, "fuzz.txt") else { return };
    let issue = parsed.issue;
    well_formed(&issue);
    let markup = to_markup(&issue);
    let back = parse_issue(markup.as_bytes(), "fuzz.dubao").expect("markup is text").issue;
    assert_eq!(back.sections, issue.sections, "markup did not round-trip:\n{markup}");
}

/// Any bytes as a JSON crawl, an HTML page or an EPUB (the first byte
/// picks which name the rest is given): never panics; what it makes is
/// well formed and round-trips through markup.
pub fn formats(data: &[u8]) {
    let Some((pick, rest)) = data.split_first() else { return };
    let name = ["fuzz.json", "fuzz.html", "fuzz.epub"][usize::from(*pick) % 3];
    let Ok(parsed) = parse_issue(rest, name) else { return };
    well_formed(&parsed.issue);
    let markup = to_markup(&parsed.issue);
    let back = parse_issue(markup.as_bytes(), "fuzz.dubao").expect("markup is text").issue;
    assert_eq!(back.sections, parsed.issue.sections, "markup did not round-trip:\n{markup}");
}

fn well_formed(issue: &Issue) {
    for a in issue.articles() {
        for b in &a.blocks {
            let t = b.text();
            assert!(!t.trim().is_empty(), "empty block");
            assert!(!t.contains('\n'), "newline in a block");
            assert!(!t.chars().any(char::is_control), "control character in {t:?}");
        }
        assert!(!a.headline.contains('\n'));
    }
}

/// Bytes → (pane width, options, text) → layout: never panics, no line
/// wider than the pane, positions never go back, each line's source maps
/// to its display.
pub fn layout_bytes(data: &[u8]) {
    if data.len() < 4 {
        return;
    }
    let width = u16::from_le_bytes([data[0], data[1]]) % 260;
    let flags = data[2];
    let max_width = 10 + u16::from(data[3]);
    let text = String::from_utf8_lossy(&data[4..]);
    let opts = LayoutOptions {
        max_width,
        indent: flags & 1 != 0,
        ambiguous: if flags & 2 != 0 { Ambiguous::Wide } else { Ambiguous::Narrow },
        fullwidth_punct: flags & 4 != 0,
        hanging: flags & 8 != 0,
        // Flags 32 and 64 set it in another script.
        script: dubao::script::Script::ALL[usize::from(flags >> 5 & 3)],
    };
    let a = article(&text);
    // Flag 16 unfolds every stretch of noise.
    let unfolded: Vec<usize> =
        if flags & 16 != 0 { dubao::layout::noise_runs(&a).iter().map(|r| r.start).collect() } else { Vec::new() };
    let laid = dubao::layout::layout_unfolded(&a, width, &opts, &unfolded);
    let mut last: Option<Pos> = None;
    for line in laid.lines() {
        let w = usize::from(laid.margin()) + str_width(line.text(), opts.ambiguous);
        assert!(w <= usize::from(width.max(1)), "line {w} cells wide in a {width}-cell pane: {:?}", line.text());
        if let Some((element, range)) = line.source_range() {
            let start = line.start();
            assert!(last.is_none_or(|l| l <= start), "positions go back");
            last = Some(start);
            if element != Element::Headline && !range.is_empty() {
                assert!(line.display_range(range).is_some(), "a line's own text maps to its display");
            }
        }
    }
}

/// The text as headline, paragraphs and subheads, as the parser would give
/// it: one line each. A line starting `^` is the kicker, `|` a table row,
/// `~` a line of noise, `!` a caption (inputs from before these kinds
/// existed have none of them, so they still mean what they meant).
fn article(text: &str) -> Article {
    let mut parts = text.split('\n').filter(|p| !p.trim().is_empty());
    let mut a = Article::new(parts.next().unwrap_or("").trim().to_string());
    a.dateline = Some(a.headline.chars().take(3).collect());
    for (i, p) in parts.enumerate() {
        let p = p.trim();
        let rest = || p[1..].trim().to_string();
        let block = match p.as_bytes()[0] {
            b'^' => {
                a.kicker = Some(rest());
                continue;
            }
            b'|' => Block::Table(rest()),
            b'~' => Block::Noise(rest()),
            b'!' => Block::Caption(rest()),
            _ if i % 3 == 2 => Block::Subhead(p.to_string()),
            _ => Block::Paragraph(p.to_string()),
        };
        a.blocks.push(block);
    }
    a.attribution = Some("融媒体中心 徐振鑫".into());
    a
}
