//! The one fold of archive search: a phrase matches text where the folded
//! phrase is a substring of the folded text. That is the script fold
//! (`script::fold_char`: Traditional to Simplified, so `臺灣` and `台湾`
//! are one text) and ASCII case folding (`COVID` finds `covid`, `É` only
//! `É`).
//!
//! Everything that decides what matches calls this: the matcher in
//! `archive.rs` (which must agree with it, checked by a test below) and the
//! index's n-grams (`index/grams.rs`), so that postings fold exactly as the
//! search does. The fold works character by character — the fold of a
//! concatenation is the concatenation of the folds — which is what lets
//! the index cut a phrase into pieces and look each up.

use std::borrow::Cow;

/// One character as search compares it.
pub fn fold_char(c: char) -> char {
    crate::script::fold_char(c).to_ascii_lowercase()
}

/// `text` as search compares it (borrowed when folding changes nothing).
pub fn fold(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| fold_char(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(fold_char).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::archive::Matcher;

    #[test]
    fn folds_ascii_letters_only_and_borrows_when_nothing_changes() {
        assert_eq!(fold("COVID-19 病例"), "covid-19 病例");
        assert!(matches!(fold("侯营镇 covid"), Cow::Borrowed(_)));
        assert_eq!(fold("ÉCOLE"), "École");
        assert_eq!(fold("臺灣 COVID"), "台湾 covid");
    }

    /// The matcher and the fold must agree, or the index (which folds) and
    /// the search (which matches) would disagree: whoever changes one
    /// changes the other.
    #[test]
    fn the_matcher_finds_exactly_where_the_folds_contain_each_other() {
        let texts = [
            "新冠 COVID-19 病例",
            "Smart GRID 技术",
            "École élève",
            "5G基站建设",
            "ａｂｃ ABC",
            "İstanbul",
            "台湾经济",
            "臺灣經濟發展",
        ];
        let queries = [
            "covid",
            "COVID-19 病",
            "smart grid",
            "grid 技",
            "école",
            "ÉCOLE",
            "5g基站",
            "ABC",
            "abc",
            "istanbul",
            "臺灣",
            "台湾",
            "發展",
        ];
        for t in texts {
            for q in queries {
                let by_fold = fold(t).contains(fold(q).as_ref());
                // The matcher reads the text as the index stores it: script-folded (`archive::encode`).
                let stored = crate::script::fold_str(t);
                let by_matcher = Matcher::new(q).is_some_and(|m| m.find(stored.as_bytes()).is_some());
                assert_eq!(by_matcher, by_fold, "{q:?} in {t:?}");
            }
        }
    }
}
