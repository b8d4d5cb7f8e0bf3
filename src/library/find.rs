//! Finding text in one issue (the reader's `/`, `n`, `N`): CJK substrings
//! in either script (`发展` finds `發展`, `臺灣` finds `台湾`: both sides go
//! through `script::fold_char`), Latin case-insensitively, across every part
//! of every article, in reading order. The archive's matcher (`archive.rs`)
//! agrees with it.

use crate::model::{Issue, Pos};
use crate::script::fold_char;

/// One match: which article (index in reading order), where, how long (bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the article in the issue's reading order.
    pub article: usize,
    /// Where the match starts.
    pub pos: Pos,
    /// Length of the matched source text in bytes.
    pub len: usize,
}

/// Every match of `query` in the issue, in reading order. Case and script
/// are ignored (`COVID` finds `covid`, `发展` finds `發展`); an empty query
/// finds nothing.
pub fn find(issue: &Issue, query: &str) -> Vec<Hit> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).map(fold_char).collect();
    if needle.iter().all(|c| c.is_whitespace()) {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (article, a) in issue.articles().enumerate() {
        for (element, text) in a.elements() {
            for (offset, len) in matches(text, &needle) {
                hits.push(Hit { article, pos: Pos { element, offset }, len });
            }
        }
    }
    hits
}

/// Byte ranges (start, len) of non-overlapping matches of a lowercased
/// needle in `text`, comparing character by character so that offsets stay
/// those of the source text whatever lowercasing does to lengths.
fn matches(text: &str, needle: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let first = needle[0];
    let mut from = 0;
    while from < text.len() {
        let Some((start, _)) = text[from..].char_indices().find(|(_, c)| lower_is(*c, first)) else {
            break;
        };
        let start = from + start;
        match match_at(&text[start..], needle) {
            Some(len) => {
                out.push((start, len));
                from = start + len;
            }
            None => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

fn lower_is(c: char, want: char) -> bool {
    c == want || c.to_lowercase().next().map(fold_char) == Some(want)
}

/// The byte length of the match of `needle` at the start of `text`, if any.
fn match_at(text: &str, needle: &[char]) -> Option<usize> {
    let mut lowered =
        text.char_indices().flat_map(|(i, c)| c.to_lowercase().map(move |l| (i + c.len_utf8(), fold_char(l))));
    let mut end = 0;
    for want in needle {
        let (e, got) = lowered.next()?;
        if got != *want {
            return None;
        }
        end = e;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Element;
    use crate::parse::parse_issue;

    fn issue() -> Issue {
        let src = "侯营镇简讯\n\n记者 张三\n\n侯营镇持续巩固脱贫攻坚成果。COVID-19 tests are free.\n\nCovid cases fell in 侯营镇.\n";
        parse_issue(src.as_bytes(), "t.txt").unwrap().issue
    }

    #[test]
    fn finds_cjk_substrings_everywhere_in_order() {
        let hits = find(&issue(), "侯营镇");
        let places: Vec<(Element, usize)> = hits.iter().map(|h| (h.pos.element, h.pos.offset)).collect();
        assert_eq!(places, [(Element::Headline, 0), (Element::Block(0), 0), (Element::Block(1), 20)]);
        assert!(hits.iter().all(|h| h.len == "侯营镇".len()));
    }

    #[test]
    fn latin_is_case_insensitive() {
        let hits = find(&issue(), "covid");
        assert_eq!(hits.len(), 2);
        let i = issue();
        let a = i.articles().next().unwrap();
        for h in hits {
            let text = a.element_text(h.pos.element).unwrap();
            assert!(text[h.pos.offset..h.pos.offset + h.len].eq_ignore_ascii_case("covid"));
        }
    }

    #[test]
    fn either_script_finds_either() {
        let src = "兩岸消息\n\n記者 張三\n\n臺灣經濟持續發展。台湾的发展。\n";
        let i = parse_issue(src.as_bytes(), "t.txt").unwrap().issue;
        let a = i.articles().next().unwrap();
        for (query, want) in [("发展", ["發展", "发展"]), ("台湾", ["臺灣", "台湾"]), ("發展", ["發展", "发展"])]
        {
            let hits = find(&i, query);
            let found: Vec<&str> =
                hits.iter().map(|h| &a.element_text(h.pos.element).unwrap()[h.pos.offset..][..h.len]).collect();
            assert_eq!(found, want, "{query}");
        }
    }

    #[test]
    fn empty_or_blank_query_finds_nothing() {
        assert!(find(&issue(), "").is_empty());
        assert!(find(&issue(), "  ").is_empty());
        assert!(find(&issue(), "不存在").is_empty());
    }

    #[test]
    fn offsets_stay_exact_when_lowercasing_changes_lengths() {
        // 'İ' (2 bytes) lowercases to "i̇" (3 bytes).
        let src = "Title\n\nBy Ana Ruiz\n\nİstanbul and istanbul.\n";
        let i = parse_issue(src.as_bytes(), "t.txt").unwrap().issue;
        let hits = find(&i, "stanbul");
        assert_eq!(hits.len(), 2);
        let text = i.articles().next().unwrap().element_text(hits[1].pos.element).unwrap();
        assert_eq!(&text[hits[1].pos.offset..hits[1].pos.offset + hits[1].len], "stanbul");
    }
}
