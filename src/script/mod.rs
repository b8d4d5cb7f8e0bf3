//! Chinese scripts: Simplified ⇄ Traditional conversion for display, with
//! regional phrasing (Taiwan, Hong Kong), through OpenCC's dictionaries
//! (`ferrous-opencc`, pure Rust), and the fold that makes search blind to
//! script. Pure: the model keeps the source text; a converted text comes
//! with an [`OffsetMap`] back to it, exact even where a phrase changes
//! length.
//!
//! Conversion goes run by run: a run is the text between white space and
//! punctuation (phrases never cross those), at most [`RUN`] characters.
//! A run converted to as many characters maps one for one; one that
//! changed its length is cut where converting the two halves apart gives
//! the same text, so only the phrase that changed maps as a whole.

mod fold;
mod map;

pub use fold::{fold_char, fold_into, fold_str};
pub use map::OffsetMap;

use crate::model::{Article, Block, Element};
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::sync::OnceLock;

/// Which script articles are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// As printed.
    #[default]
    Original,
    /// Simplified characters (OpenCC's `t2s`: characters and the phrases
    /// that decide them, no regional wording, so text already simplified is
    /// left as it is).
    Simplified,
    /// Traditional characters (OpenCC's standard forms).
    Traditional,
    /// Traditional as Taiwan writes it, with Taiwan phrasing (`鼠标` → `滑鼠`).
    Taiwan,
    /// Traditional as Hong Kong writes it.
    #[serde(rename = "hongkong")]
    HongKong,
}

/// Longest run converted at once, in characters.
pub const RUN: usize = 64;

impl Script {
    /// Every script, in the order the config lists them.
    pub const ALL: [Script; 5] =
        [Script::Original, Script::Simplified, Script::Traditional, Script::Taiwan, Script::HongKong];

    /// The name the config and `--script` use.
    pub fn name(self) -> &'static str {
        match self {
            Script::Original => "original",
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Taiwan => "taiwan",
            Script::HongKong => "hongkong",
        }
    }

    /// The script of that name.
    pub fn from_name(name: &str) -> Option<Script> {
        Script::ALL.into_iter().find(|s| s.name() == name)
    }

    /// What the reader calls it, in its own script: `简体`, `繁體`.
    pub fn label(self) -> &'static str {
        match self {
            Script::Original => "原文",
            Script::Simplified => "简体",
            Script::Traditional => "繁體",
            Script::Taiwan => "臺灣正體",
            Script::HongKong => "香港繁體",
        }
    }

    /// The next script for the cycling key: as printed → simplified →
    /// traditional (the regional form the config chose, if it chose one)
    /// → as printed.
    pub fn next(self, configured: Script) -> Script {
        let traditional = match configured {
            Script::Taiwan | Script::HongKong => configured,
            _ => Script::Traditional,
        };
        match self {
            Script::Original => Script::Simplified,
            Script::Simplified => traditional,
            _ => Script::Original,
        }
    }

    fn converter(self) -> Option<&'static OpenCC> {
        static CONVERTERS: [OnceLock<Option<OpenCC>>; 4] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let (slot, config) = match self {
            Script::Original => return None,
            Script::Simplified => (0, BuiltinConfig::T2s),
            Script::Traditional => (1, BuiltinConfig::S2t),
            Script::Taiwan => (2, BuiltinConfig::S2twp),
            Script::HongKong => (3, BuiltinConfig::S2hk),
        };
        CONVERTERS[slot].get_or_init(|| OpenCC::from_config(config).ok()).as_ref()
    }
}

/// A text converted for display, and where its bytes come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    /// The text as shown.
    pub text: String,
    /// Display offsets → source offsets and back.
    pub map: OffsetMap,
}

/// `text` in `script`, with its map back to `text`; as it is for
/// [`Script::Original`] or where the dictionaries can't be loaded.
pub fn convert(text: &str, script: Script) -> Converted {
    let Some(cc) = script.converter() else {
        return Converted { text: text.to_string(), map: OffsetMap::default() };
    };
    // Outside Taiwan phrasing hardly a phrase changes length (one of
    // OpenCC's 49,000 in each direction), so the text is converted whole,
    // at the dictionaries' speed, and mapped one for one when its length
    // in characters is kept; only otherwise run by run.
    if script != Script::Taiwan {
        let shown = cc.convert(text);
        if shown.chars().count() == text.chars().count() {
            let mut map = map::Builder::default();
            pairs(text, &shown, &mut map);
            return Converted { text: shown, map: map.finish() };
        }
    }
    convert_runs(cc, text)
}

fn convert_runs(cc: &OpenCC, text: &str) -> Converted {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut map = map::Builder::default();
    for (run, convertible) in runs(text) {
        if !convertible {
            out.push_str(run);
            map.same(run.len());
            continue;
        }
        let shown = cc.convert(run);
        if shown.chars().count() == run.chars().count() {
            pairs(run, &shown, &mut map);
        } else {
            cut(cc, run, &shown, &mut map);
        }
        out.push_str(&shown);
    }
    debug_assert_eq!(map.at(), (out.len(), text.len()));
    Converted { text: out, map: map.finish() }
}

/// Characters converted one for one: a breakpoint only where one changes
/// its UTF-8 length.
fn pairs(source: &str, shown: &str, map: &mut map::Builder) {
    for (s, d) in source.chars().zip(shown.chars()) {
        map.stretch(d.len_utf8(), s.len_utf8());
    }
}

/// A run that changed length: cut where the halves convert apart to the
/// same text, each piece then one for one or a whole.
fn cut(cc: &OpenCC, run: &str, shown: &str, map: &mut map::Builder) {
    let mut cuts = vec![(0, 0)];
    for (k, _) in run.char_indices().skip(1) {
        let left = cc.convert(&run[..k]);
        if shown.starts_with(left.as_str()) && cc.convert(&run[k..]) == shown[left.len()..] {
            cuts.push((k, left.len()));
        }
    }
    cuts.push((run.len(), shown.len()));
    for w in cuts.windows(2) {
        let ((s0, d0), (s1, d1)) = (w[0], w[1]);
        let (src, disp) = (&run[s0..s1], &shown[d0..d1]);
        if src.chars().count() == disp.chars().count() {
            pairs(src, disp, map);
        } else {
            map.stretch(disp.len(), src.len());
        }
    }
}

/// The text in runs that may convert (no white space or punctuation, at
/// most [`RUN`] characters, not all ASCII) and the stretches between.
fn runs(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let kind = !is_break(first);
        let mut end = rest.len();
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if is_break(c) == kind || (kind && n == RUN) {
                end = i;
                break;
            }
        }
        let (run, after) = rest.split_at(end);
        rest = after;
        Some((run, kind && !run.is_ascii()))
    })
}

/// White space and punctuation: where no phrase goes across.
fn is_break(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(c as u32, 0x2010..=0x206F | 0x3000..=0x303F | 0xFE10..=0xFE6F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
}

/// An article's text converted, and each element's map back to the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMaps {
    /// The elements whose offsets differ, by element.
    maps: Vec<(Element, OffsetMap)>,
}

impl ArticleMaps {
    /// The map of one element; `None` when its offsets are the source's.
    pub fn get(&self, element: Element) -> Option<&OffsetMap> {
        let i = self.maps.binary_search_by(|(e, _)| e.cmp(&element)).ok()?;
        Some(&self.maps[i].1)
    }

    /// True when no element's offsets differ.
    pub fn is_identity(&self) -> bool {
        self.maps.is_empty()
    }
}

/// The article with every element in `script` (the id kept), and the maps
/// back to its source.
pub fn convert_article(article: &Article, script: Script) -> (Article, ArticleMaps) {
    convert_article_part(article, script, 0..article.blocks.len())
}

/// The article with its furniture (kicker, headline, decks, byline,
/// dateline, attribution) and the blocks in `blocks` in `script`; the other
/// blocks as printed, their offsets the source's. What the reader shows at
/// once of a long article while the rest converts off the key path.
pub fn convert_article_part(
    article: &Article,
    script: Script,
    blocks: std::ops::Range<usize>,
) -> (Article, ArticleMaps) {
    let mut maps = Vec::new();
    let start = blocks.start.min(article.blocks.len());
    let end = blocks.end.clamp(start, article.blocks.len());
    let (before, rest) = article.blocks.split_at(start);
    let (now, after) = rest.split_at(end - start);
    let as_printed = |b: &Block| Converted { text: b.text().to_string(), map: OffsetMap::default() };
    let mut blocks =
        (before.iter().map(as_printed)).chain(convert_blocks(now, script)).chain(after.iter().map(as_printed));
    let mut one = |element: Element, text: &str| {
        let c = match element {
            Element::Block(_) => blocks.next().unwrap_or_default(),
            _ => convert(text, script),
        };
        if !c.map.is_identity() {
            maps.push((element, c.map));
        }
        c.text
    };
    let converted = Article {
        id: article.id.clone(),
        kicker: article.kicker.as_deref().map(|k| one(Element::Kicker, k)),
        headline: one(Element::Headline, &article.headline),
        decks: article.decks.iter().enumerate().map(|(i, d)| one(Element::Deck(i), d)).collect(),
        byline: article.byline.as_deref().map(|b| one(Element::Byline, b)),
        dateline: article.dateline.as_deref().map(|d| convert(d, script).text),
        attribution: None,
        blocks: article.blocks.iter().enumerate().map(|(i, b)| block(b, one(Element::Block(i), b.text()))).collect(),
    };
    let attribution = article.attribution.as_deref().map(|a| one(Element::Attribution, a));
    maps.sort_by_key(|a| a.0);
    (Article { attribution, ..converted }, ArticleMaps { maps })
}

/// Every block converted, a long article's on two threads: the
/// dictionaries go at some 10 MB/s, so a 1 MB article is worth halving.
fn convert_blocks(blocks: &[Block], script: Script) -> Vec<Converted> {
    let bytes: usize = blocks.iter().map(|b| b.text().len()).sum();
    let one = |b: &Block| convert(b.text(), script);
    if bytes < 128 * 1024 || blocks.len() < 2 {
        return blocks.iter().map(one).collect();
    }
    // Where half the text is done.
    let mut done = 0;
    let cut = blocks.iter().position(|b| {
        done += b.text().len();
        done * 2 >= bytes
    });
    let (first, second) = blocks.split_at(cut.unwrap_or(0) + 1);
    std::thread::scope(|s| {
        let later = s.spawn(|| second.iter().map(one).collect::<Vec<_>>());
        let mut out: Vec<Converted> = first.iter().map(one).collect();
        match later.join() {
            Ok(rest) => out.extend(rest),
            Err(_) => out.extend(second.iter().map(one)),
        }
        out
    })
}

/// A block of the same kind with other text.
fn block(b: &Block, text: String) -> Block {
    match b {
        Block::Paragraph(_) => Block::Paragraph(text),
        Block::Subhead(_) => Block::Subhead(text),
        Block::Caption(_) => Block::Caption(text),
        Block::Table(_) => Block::Table(text),
        Block::Noise(_) => Block::Noise(text),
    }
}

/// A whole issue in `script`, for the command line (`dump --script`).
pub fn convert_issue(issue: &crate::model::Issue, script: Script) -> crate::model::Issue {
    let mut out = issue.clone();
    if script == Script::Original {
        return out;
    }
    let text = |t: &str| convert(t, script).text;
    out.title = text(&issue.title);
    out.masthead = issue.masthead.iter().map(|m| text(m)).collect();
    for (section, from) in out.sections.iter_mut().zip(&issue.sections) {
        section.name = text(&from.name);
        for (a, src) in section.articles.iter_mut().zip(&from.articles) {
            *a = convert_article(src, script).0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, script: Script) -> String {
        convert(text, script).text
    }

    #[test]
    fn scripts_convert_with_regional_phrasing() {
        assert_eq!(shown("发展", Script::Traditional), "發展");
        assert_eq!(shown("發展", Script::Simplified), "发展");
        assert_eq!(shown("台湾的鼠标和软件", Script::Taiwan), "臺灣的滑鼠和軟體");
        assert_eq!(shown("臺灣的軟體", Script::Simplified), "台湾的软体");
        assert_eq!(shown("发展 Smart Grid，", Script::Original), "发展 Smart Grid，");
        assert_eq!(shown("Smart Grid", Script::Traditional), "Smart Grid");
    }

    #[test]
    fn offsets_map_back_exactly_where_lengths_change() {
        // A phrase of another length in Taiwan phrasing: U盘 → 隨身碟.
        let src = "请把U盘插入电脑，然后发展。";
        let c = convert(src, Script::Taiwan);
        assert!(c.text.contains("隨身碟"), "{}", c.text);
        let at = c.text.find("電腦").unwrap();
        let s = c.map.to_source(at, false);
        assert_eq!(&src[s..s + "电脑".len()], "电脑");
        let at = src.find("发展").unwrap();
        let d = c.map.to_display(at, false);
        assert_eq!(&c.text[d..d + "發展".len()], "發展");
        let d = c.text.find("隨身碟").unwrap();
        let (s0, s1) = (c.map.to_source(d, false), c.map.to_source(d + "隨身碟".len(), true));
        assert_eq!(&src[s0..s1], "U盘");
        let (d0, d1) = (c.map.to_display(s0 + 1, false), c.map.to_display(s0 + 1, true));
        assert!(d0 <= d && d1 >= d + "隨".len(), "inside the phrase maps to its ends");
    }

    #[test]
    fn every_offset_maps_inside_the_texts_for_any_input() {
        for src in ["", "a", "。", "发", "\u{0}发展\u{7f}", &"发展".repeat(100), "U盘U盘U盘，方便面"] {
            for script in Script::ALL {
                let c = convert(src, script);
                for d in 0..=c.text.len() {
                    for up in [false, true] {
                        assert!(c.map.to_source(d, up) <= src.len(), "{src} {script:?} {d}");
                    }
                }
                for s in 0..=src.len() {
                    assert!(c.map.to_display(s, true) <= c.text.len(), "{src} {script:?} {s}");
                }
            }
        }
    }

    #[test]
    fn the_key_cycles_printed_simplified_traditional() {
        assert_eq!(Script::Original.next(Script::Original), Script::Simplified);
        assert_eq!(Script::Simplified.next(Script::Original), Script::Traditional);
        assert_eq!(Script::Traditional.next(Script::Original), Script::Original);
        assert_eq!(Script::Simplified.next(Script::Taiwan), Script::Taiwan);
        assert_eq!(Script::HongKong.next(Script::HongKong), Script::Original);
        for s in Script::ALL {
            assert_eq!(Script::from_name(s.name()), Some(s));
        }
    }
}
