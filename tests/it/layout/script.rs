//! Articles laid out in another script: the text converted, every position
//! still the source's — exactly, even where a phrase changes length.

use dubao::layout::{LayoutOptions, Role, layout};
use dubao::model::{Article, Block, Element, Pos};
use dubao::script::Script;

fn article() -> Article {
    let mut a = Article::new("台湾鼠标厂商发展迅速".into());
    a.decks.push("把U盘插入电脑".into());
    a.blocks = vec![
        Block::Paragraph("记者获悉，台湾的鼠标和U盘厂商近年发展迅速，软件服务也在发展。".repeat(6)),
        Block::Paragraph("高质量发展是全面建设社会主义现代化国家的首要任务。".into()),
    ];
    a
}

fn opts(script: Script) -> LayoutOptions {
    LayoutOptions { script, ..LayoutOptions::default() }
}

#[test]
fn the_text_is_converted_with_regional_phrasing() {
    let l = layout(&article(), 40, &opts(Script::Taiwan));
    let text: String = l.lines().iter().map(|l| l.text()).collect();
    assert!(text.contains("臺灣滑鼠廠商發展迅速"), "{text}");
    assert!(text.contains("隨身碟"), "U盘 in Taiwan phrasing: {text}");
    assert!(!text.contains("发展"));
    let printed = layout(&article(), 40, &opts(Script::Original));
    assert!(printed.lines().iter().any(|l| l.text().contains("台湾鼠标")));
}

#[test]
fn every_line_maps_back_to_source_text_it_shows() {
    let a = article();
    for script in [Script::Taiwan, Script::Traditional, Script::HongKong, Script::Simplified] {
        let l = layout(&a, 30, &opts(script));
        let mut last = Pos { element: Element::Headline, offset: 0 };
        for line in l.lines() {
            let Some((element, range)) = line.source_range() else { continue };
            let source = a.element_text(element).unwrap();
            assert!(source.get(range.clone()).is_some(), "{script:?}: {range:?} in {source}");
            assert!(line.start() >= last, "lines go forward in the source");
            last = line.start();
        }
        // The last line of each element ends where its source does.
        let mut ends = l.lines().iter().filter_map(|line| line.source_range()).filter(|(e, _)| *e == Element::Block(0));
        assert_eq!(ends.next_back().unwrap().1.end, a.blocks[0].text().len(), "{script:?}");
    }
}

#[test]
fn a_source_range_highlights_its_converted_characters() {
    let a = article();
    let l = layout(&a, 40, &opts(Script::Taiwan));
    let src = a.blocks[1].text();
    let at = src.find("发展").unwrap();
    let pos = Pos { element: Element::Block(1), offset: at };
    let line = &l.lines()[l.line_of(pos)];
    let shown = line.display_range(at..at + "发展".len()).unwrap();
    assert_eq!(&line.text()[shown], "發展");
    // After a phrase of another length (U盘 → 隨身碟) the offsets still land.
    let body = a.blocks[0].text();
    let after = body.rfind("软件").unwrap();
    let line = &l.lines()[l.line_of(Pos { element: Element::Block(0), offset: after })];
    let shown = line.display_range(after..after + "软件".len()).unwrap();
    assert_eq!(&line.text()[shown], "軟體");
    let u = body.find("U盘").unwrap();
    let line = &l.lines()[l.line_of(Pos { element: Element::Block(0), offset: u })];
    let shown = line.display_range(u..u + "U盘".len()).unwrap();
    assert_eq!(&line.text()[shown], "隨身碟", "the phrase highlighted whole");
}

#[test]
fn the_reading_place_is_the_same_in_every_script() {
    let a = article();
    let printed = layout(&a, 30, &opts(Script::Original));
    let taiwan = layout(&a, 30, &opts(Script::Taiwan));
    for line in printed.lines().iter().filter(|l| l.role() == Role::Body) {
        let pos = line.start();
        let there = &taiwan.lines()[taiwan.line_of(pos)];
        let (_, range) = there.source_range().unwrap();
        assert!(range.contains(&pos.offset) || range.start == pos.offset, "{pos:?} in {range:?}");
    }
}
