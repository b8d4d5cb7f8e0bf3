//! Article × pane width × options → laid-out terminal lines: W3C clreq
//! line breaking (UAX #14 tailored), terminal cell widths (UAX #11),
//! paragraph indent, full-width and hanging punctuation. Pure: no terminal,
//! no I/O. The source text is never changed; every line maps back to it.
//!
//! Presentation choices worth knowing: the column keeps at least one cell of
//! the pane free so a closing or pause mark can hang past the edge and CJK
//! lines stay flush. A full-width mark hangs whole where the pane has room
//! for it; where it has not, the character before it goes down with it, and
//! only where that would break a rule is the mark drawn in a one-cell form
//! (`，`→`,`) — a terminal has no half cells (docs/architecture.md, layout/).
//! A line's display text
//! matches its source character for character, which is what lets
//! [`Line::display_range`] map search hits exactly.

mod article;
mod breaking;
mod class;
mod laid;
mod line;
mod noise;
mod options;
mod punct;
mod table;
mod width;

pub use laid::{ArticleLayout, NoiseRun, noise_runs, run_end, to_plain_text};
pub use line::{Line, Role};
pub use options::{Ambiguous, AmbiguousWidth, LayoutOptions};
pub use punct::widened;
pub use width::{char_width, str_width};

use crate::model::Article;
use crate::script::{ArticleMaps, Script};

pub use crate::model::{Element, Pos};

/// Lays out `article` for a pane `pane_width` cells wide, every stretch of
/// noise folded into one line; never panics.
pub fn layout(article: &Article, pane_width: u16, opts: &LayoutOptions) -> ArticleLayout {
    layout_unfolded(article, pane_width, opts, &[])
}

/// Like [`layout`], with the stretches of noise that start at the blocks
/// `unfolded` (see [`noise_runs`]) shown line by line.
///
/// In another script (`opts.script`) the article is converted first and
/// set as converted; every position the layout gives or takes
/// ([`Line::start`], [`Line::source_range`], [`Line::display_range`],
/// [`ArticleLayout::line_of`]) is still the article's own.
pub fn layout_unfolded(article: &Article, pane_width: u16, opts: &LayoutOptions, unfolded: &[usize]) -> ArticleLayout {
    if opts.script == Script::Original {
        return article::build(article, pane_width, opts, unfolded, None);
    }
    let (converted, maps) = crate::script::convert_article(article, opts.script);
    layout_converted(&converted, &maps, pane_width, opts, unfolded)
}

/// Like [`layout_unfolded`] for an article converted already
/// (`script::convert_article` gave `converted` and its `maps`), so that
/// laying it out again at another width does not convert it again.
pub fn layout_converted(
    converted: &Article,
    maps: &ArticleMaps,
    pane_width: u16,
    opts: &LayoutOptions,
    unfolded: &[usize],
) -> ArticleLayout {
    article::build(converted, pane_width, opts, unfolded, (!maps.is_identity()).then(|| maps.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn article() -> Article {
        let mut a = Article::new("暖心! 3360斤爱心蔬菜送进隔离居民家中".into());
        a.decks.push("我区设分会场组织收听收看".into());
        a.byline = Some("融媒体中心 徐振鑫".into());
        a.dateline = Some("东昌府讯".into());
        a.attribution = Some("融媒体中心 徐振鑫 朱晓斌".into());
        a.blocks = vec![
            Block::Paragraph(
                "东昌府讯 11月18日,山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开,深入贯彻党的二十大精神。"
                    .into(),
            ),
            Block::Subhead("打造拥军文化新阵地".into()),
            Block::Paragraph(
                "会议指出,在习近平总书记、党中央亲切关怀下,国家赋予山东建设绿色低碳高质量发展先行区的重大历史使命。"
                    .into(),
            ),
        ];
        a
    }

    fn roles(l: &ArticleLayout) -> Vec<Role> {
        l.lines().iter().map(Line::role).collect()
    }

    #[test]
    fn furniture_then_body_with_blanks() {
        use Role::*;
        let l = layout(&article(), 60, &LayoutOptions::default());
        assert_eq!(
            roles(&l),
            [Headline, Deck, Byline, Blank, Body, Body, Blank, Subhead, Blank, Body, Body, Attribution]
        );
    }

    #[test]
    fn column_is_even_for_cjk_and_keeps_a_hang_cell() {
        let opts = LayoutOptions::default();
        let l = layout(&article(), 60, &opts);
        assert_eq!((l.column(), l.margin()), (58, 1));
        let l = layout(&article(), 120, &opts);
        assert_eq!((l.column(), l.margin()), (80, 20));
        let no_hang = LayoutOptions { hanging: false, ..opts };
        assert_eq!(layout(&article(), 63, &no_hang).column(), 60, "a cell of air each side, even");
        assert_eq!(layout(&article(), 20, &no_hang).column(), 20, "no air to spare in a narrow pane");
        assert_eq!(layout(&article(), 20, &opts).column(), 18, "but still a hang cell");
        for pane in 0..8 {
            let l = layout(&article(), pane, &LayoutOptions::default());
            assert!(!l.lines().is_empty());
        }
    }

    #[test]
    fn cjk_paragraphs_are_indented_latin_ones_are_not() {
        let l = layout(&article(), 60, &LayoutOptions::default());
        let body = &l.lines()[4];
        assert!(body.text().starts_with("\u{3000}\u{3000}东昌府讯"));
        let sub = l.lines().iter().find(|l| l.role() == Role::Subhead).unwrap();
        assert_eq!(sub.text(), "打造拥军文化新阵地");
        let no_indent = LayoutOptions { indent: false, ..Default::default() };
        let l = layout(&article(), 60, &no_indent);
        assert!(l.lines()[4].text().starts_with("东昌府讯"));
        let mut latin = Article::new("Bridge reopens".into());
        latin.blocks.push(Block::Paragraph("The council voted on Friday.".into()));
        let l = layout(&latin, 60, &LayoutOptions::default());
        assert_eq!(l.lines()[2].text(), "The council voted on Friday.");
        assert_eq!((l.column(), l.margin()), (58, 1), "a cell of air on each side");
        assert_eq!(layout(&latin, 61, &LayoutOptions::default()).column(), 59, "Latin columns are not snapped");
    }

    #[test]
    fn dateline_is_its_own_span() {
        let l = layout(&article(), 60, &LayoutOptions::default());
        let spans: Vec<_> = l.lines()[4].spans().take(2).collect();
        assert_eq!(spans[0], ("\u{3000}\u{3000}", Role::Body));
        assert_eq!(spans[1], ("东昌府讯", Role::Dateline));
        assert_eq!(l.lines()[5].spans().count(), 1);
    }

    #[test]
    fn furniture_is_centred_and_attribution_flush_right() {
        let l = layout(&article(), 60, &LayoutOptions::default());
        let head = &l.lines()[0];
        let pad = head.text().len() - head.text().trim_start().len();
        assert_eq!(pad, (58 - str_width(head.text().trim_start(), Ambiguous::Narrow)) / 2);
        let attr = l.lines().last().unwrap();
        assert_eq!(attr.text().trim_start(), "（融媒体中心 徐振鑫 朱晓斌）");
        assert_eq!(attr.width(), 58);
        let mut latin = Article::new("Bridge reopens".into());
        latin.attribution = Some("Staff report".into());
        latin.blocks.push(Block::Paragraph("The council voted.".into()));
        let l = layout(&latin, 40, &LayoutOptions::default());
        assert!(l.lines().last().unwrap().text().ends_with(" (Staff report)"));
    }

    #[test]
    fn full_width_marks_are_an_option() {
        let l = layout(&article(), 60, &LayoutOptions::default());
        assert!(l.lines().iter().any(|l| l.text().contains("东昌府讯 11月18日，")));
        let off = LayoutOptions { fullwidth_punct: false, ..Default::default() };
        let l = layout(&article(), 60, &off);
        assert!(l.lines().iter().any(|l| l.text().contains("东昌府讯 11月18日,")));
    }

    #[test]
    fn lines_map_back_to_the_source() {
        let a = article();
        let l = layout(&a, 60, &LayoutOptions::default());
        let line = &l.lines()[9];
        let (el, range) = line.source_range().unwrap();
        assert_eq!(el, Element::Block(2));
        assert_eq!(range.start, 0);
        let src = a.blocks[2].text();
        // `指出,在` in the source is `指出，在` on screen, after the indent.
        let at = src.find("指出,在").unwrap();
        let shown = line.display_range(at..at + "指出,在".len()).unwrap();
        assert_eq!(&line.text()[shown], "指出，在");
        assert_eq!(line.display_range(0..3).map(|r| r.start), Some(6));
        assert_eq!(line.display_range(range.end..range.end + 3), None);
        assert_eq!(l.lines()[8].source_range(), None);
    }

    #[test]
    fn line_of_finds_positions() {
        let a = article();
        let l = layout(&a, 40, &LayoutOptions::default());
        for (i, line) in l.lines().iter().enumerate() {
            if line.role() != Role::Blank {
                assert_eq!(l.line_of(line.start()), i);
                let (el, r) = line.source_range().unwrap();
                assert_eq!(l.line_of(Pos { element: el, offset: r.end - 1 }), i);
            }
        }
        let first_body = l.lines().iter().position(|x| x.role() == Role::Body).unwrap();
        assert_eq!(l.line_of(Pos { element: Element::Block(0), offset: 0 }), first_body);
        let empty = layout(&Article::new(String::new()), 40, &LayoutOptions::default());
        assert_eq!(empty.line_of(Pos { element: Element::Headline, offset: 0 }), 0);
    }

    #[test]
    fn the_kicker_is_centred_over_the_headline() {
        let mut a = article();
        a.kicker = Some("习近平主席新年贺词引发热烈反响——".into());
        let l = layout(&a, 60, &LayoutOptions::default());
        assert_eq!(roles(&l)[..3], [Role::Kicker, Role::Headline, Role::Deck], "no blank between them");
        let kicker = &l.lines()[0];
        assert_eq!(kicker.text().trim_start(), "习近平主席新年贺词引发热烈反响——");
        let pad = kicker.text().len() - kicker.text().trim_start().len();
        assert_eq!(pad, (58 - str_width(kicker.text().trim_start(), Ambiguous::Narrow)) / 2);
        assert_eq!(kicker.source_range().map(|s| s.0), Some(Element::Kicker));
        assert_eq!(l.line_of(Pos { element: Element::Headline, offset: 0 }), 1);
    }

    #[test]
    fn captions_are_flush_left_and_keep_their_credit_close() {
        let mut a = article();
        a.blocks.insert(1, Block::Caption("图为11月18日，志愿者将爱心蔬菜送到隔离居民家门口。".into()));
        a.blocks.insert(2, Block::Caption("融媒体中心 徐振鑫 摄".into()));
        let l = layout(&a, 30, &LayoutOptions::default());
        let at = roles(&l).iter().position(|r| *r == Role::Caption).unwrap();
        let captions: Vec<&str> =
            l.lines()[at..].iter().take_while(|l| l.role() == Role::Caption).map(|l| l.text()).collect();
        assert_eq!(captions, ["图为11月18日，志愿者将爱心蔬", "菜送到隔离居民家门口。", "融媒体中心 徐振鑫 摄"]);
        assert_eq!(l.lines()[at - 1].role(), Role::Blank);
        let mut latin = Article::new("Bridge reopens".into());
        latin.blocks.push(Block::Paragraph("The council voted.".into()));
        latin
            .blocks
            .push(Block::Caption("The Old Mill Street bridge on Friday. Photo: Dana Whitfield / Courier".into()));
        let l = layout(&latin, 30, &LayoutOptions::default());
        let caption: Vec<&str> = l.lines().iter().filter(|l| l.role() == Role::Caption).map(|l| l.text()).collect();
        assert_eq!(caption, ["The Old Mill Street bridge", "on Friday. Photo: Dana", "Whitfield / Courier"]);
    }

    #[test]
    fn plain_text_has_margins_and_bare_blank_lines() {
        let l = layout(&article(), 60, &LayoutOptions::default());
        let text = to_plain_text(&l);
        assert_eq!(text.lines().count(), l.lines().len());
        assert!(text.lines().all(|t| t.is_empty() || t.starts_with(' ')));
        assert!(text.lines().any(str::is_empty));
    }
}
