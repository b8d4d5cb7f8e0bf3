//! Whether the text after a short line is about something else than the
//! story before it: the last test of a lone line in text without blank
//! lines or indents, where nothing else tells a new headline from a
//! subhead. A story keeps its names and terms; the next one brings its own.

use super::super::text::is_han;
use super::units::{Kind, Unit};
use crate::model::Article;

/// How much text on each side is compared, in bytes.
const WINDOW: usize = 900;
/// Fewer distinct terms than this on either side say nothing.
const MIN_TERMS: usize = 12;

/// True when the running text in `after` (up to the next title) shares
/// almost no terms with the end of `article`.
pub fn shifts(article: &Article, after: &[Unit]) -> bool {
    let mut before = article.headline.clone();
    let mut size = 0;
    for b in article.blocks.iter().rev() {
        before.push_str(b.text());
        size += b.text().len();
        if size >= WINDOW {
            break;
        }
    }
    let mut next = String::new();
    for u in after.iter().take_while(|u| u.kind != Kind::Title && u.kind != Kind::Marker) {
        next.push_str(&u.text);
        if next.len() >= WINDOW {
            break;
        }
    }
    let (a, b) = (terms(&before), terms(&next));
    if a.len() < MIN_TERMS || b.len() < MIN_TERMS {
        return false;
    }
    let shared = intersection(&a, &b);
    shared * 100 < a.len().min(b.len()) * 4
}

/// Terms of a text, sorted and distinct: pairs of adjacent ideographs for
/// Chinese, lower-cased words of four letters or more for Latin text.
fn terms(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<u64>| {
        if word.chars().count() >= 4 {
            out.push(fnv(word.as_bytes()));
        }
        word.clear();
    };
    for c in text.chars() {
        if is_han(c) {
            if let Some(p) = prev {
                out.push((p as u64) << 32 | c as u64);
            }
            prev = Some(c);
            flush(&mut word, &mut out);
        } else {
            prev = None;
            if c.is_alphabetic() {
                word.extend(c.to_lowercase());
            } else {
                flush(&mut word, &mut out);
            }
        }
    }
    flush(&mut word, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(bytes);
    // Set the top bit so words never collide with ideograph pairs.
    h.finish() | 1 << 63
}

fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn unit(text: &str) -> Unit {
        Unit { text: text.into(), gap: 0, kind: Kind::Body, indent: false, lines: (1, 1) }
    }

    #[test]
    fn another_story_shares_no_terms() {
        let mut a = Article::new("全市重点项目建设推进会召开".into());
        a.blocks.push(Block::Paragraph(
            "会议指出，一季度全市新开工重点项目87个，总投资263.5亿元，项目开工率、投资完成率均高于去年同期。各县区要对照年度目标，逐个项目梳理进度。".into(),
        ));
        let same = [unit(
            "要坚持要素跟着项目走，在用地、用能、融资等方面给予重点项目保障，项目开工率还要提高，各县区要梳理进度。",
        )];
        let other = [unit(
            "傍晚六点，柳溪街道桂香苑小区门口，往日里见缝插针停放的私家车不见了，取而代之的是划线整齐的停车位。",
        )];
        assert!(!shifts(&a, &same));
        assert!(shifts(&a, &other));
    }
}
