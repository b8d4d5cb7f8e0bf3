//! How long an article takes to read: Chinese (and Japanese, Korean) by
//! characters, everything else by words, each at its own rate. Pure.

use crate::model::{Article, Issue};
use crate::parse::text::is_han;

/// Reading speeds; the defaults are the usual figures for adult readers
/// of news (about 400 Chinese characters, 230 English words a minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rates {
    /// CJK characters a minute.
    pub cjk_per_minute: u32,
    /// Words a minute for Latin and other spaced scripts.
    pub words_per_minute: u32,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates { cjk_per_minute: 400, words_per_minute: 230 }
    }
}

/// How much text there is to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Length {
    /// Ideographs, kana and hangul.
    pub cjk: usize,
    /// Runs of letters and digits in other scripts.
    pub words: usize,
}

impl Length {
    /// The length of `text`.
    pub fn of(text: &str) -> Length {
        let mut n = Length::default();
        let mut in_word = false;
        for c in text.chars() {
            if is_cjk_letter(c) {
                n.cjk += 1;
                in_word = false;
            } else if c.is_alphanumeric() {
                n.words += usize::from(!in_word);
                in_word = true;
            } else {
                // An apostrophe or hyphen inside a word keeps it one word.
                in_word = in_word && matches!(c, '\'' | '’' | '-');
            }
        }
        n
    }

    /// Every element of the article.
    pub fn of_article(article: &Article) -> Length {
        article.elements().map(|(_, t)| Length::of(t)).sum()
    }

    /// Minutes at `rates` (fractional).
    pub fn minutes(&self, rates: &Rates) -> f64 {
        let per = |n: usize, rate: u32| n as f64 / f64::from(rate.max(1));
        per(self.cjk, rates.cjk_per_minute) + per(self.words, rates.words_per_minute)
    }

    /// Whole minutes, rounded up, at least one for any text: what is shown.
    pub fn whole_minutes(&self, rates: &Rates) -> u64 {
        if *self == Length::default() {
            return 0;
        }
        (self.minutes(rates).ceil() as u64).max(1)
    }
}

impl std::ops::Add for Length {
    type Output = Length;
    fn add(self, o: Length) -> Length {
        Length { cjk: self.cjk + o.cjk, words: self.words + o.words }
    }
}

impl std::iter::Sum for Length {
    fn sum<I: Iterator<Item = Length>>(iter: I) -> Length {
        iter.fold(Length::default(), |a, b| a + b)
    }
}

/// Ideographs, kana and hangul syllables: read one by one.
fn is_cjk_letter(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3041..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF)
}

/// Each article's length, in reading order.
pub fn lengths(issue: &Issue) -> Vec<Length> {
    issue.articles().map(Length::of_article).collect()
}

/// Minutes as the list pane and `dubao list` write them: `4′`.
pub fn short(minutes: u64) -> String {
    format!("{minutes}′")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_by_characters_latin_by_words() {
        let n = Length::of("侯营镇持续巩固脱贫攻坚成果。COVID-19 tests are free, aren’t they?");
        assert_eq!(n.cjk, 13);
        assert_eq!(n.words, 6, "COVID-19 and aren’t are one word each");
        assert_eq!(Length::of("かな漢字한글").cjk, 6);
        assert_eq!(Length::of("  —— 。").words + Length::of("  —— 。").cjk, 0);
    }

    #[test]
    fn minutes_round_up_and_are_never_zero_for_text() {
        let rates = Rates::default();
        assert_eq!(Length { cjk: 400, words: 0 }.whole_minutes(&rates), 1);
        assert_eq!(Length { cjk: 401, words: 0 }.whole_minutes(&rates), 2);
        assert_eq!(Length { cjk: 0, words: 2300 }.whole_minutes(&rates), 10);
        assert_eq!(Length { cjk: 3, words: 0 }.whole_minutes(&rates), 1);
        assert_eq!(Length::default().whole_minutes(&rates), 0);
        let slow = Rates { cjk_per_minute: 200, words_per_minute: 0 };
        assert_eq!(Length { cjk: 1000, words: 1 }.whole_minutes(&slow), 6, "a zero rate counts as one a minute");
        assert_eq!(short(4), "4′");
    }
}
