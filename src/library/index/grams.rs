//! The index's n-grams: every pair of adjacent characters (so CJK phrases
//! of two characters or more are found by their bigrams), and every run of
//! three ASCII characters (so Latin words are found by their trigrams,
//! which bigrams alone hardly narrow), over the text as search folds it
//! (`library::fold`), never across an element's end.
//!
//! A gram is chosen by its own characters alone, never by what is around
//! it, so every gram of a phrase is a gram of any text the phrase occurs
//! in: the postings of a phrase's grams hold every issue that matches (and
//! a few that don't, which the search drops when it checks the text).

use crate::library::archive::SEP;
use crate::library::fold::fold;

/// A gram as a number: a bigram is its two characters (21 bits each); a
/// trigram of ASCII has the top bit set over its three bytes.
pub(crate) type Gram = u64;

const TRIGRAM: u64 = 1 << 63;

fn bigram(a: char, b: char) -> Gram {
    (a as u64) << 21 | b as u64
}

fn trigram(a: char, b: char, c: char) -> Option<Gram> {
    (a.is_ascii() && b.is_ascii() && c.is_ascii()).then_some(TRIGRAM | (a as u64) << 14 | (b as u64) << 7 | c as u64)
}

/// Calls `out` with every gram of one element's text (or a phrase).
pub(crate) fn each(text: &str, out: &mut impl FnMut(Gram)) {
    each_folded(&fold(text), out);
}

/// [`each`] of text already in the script fold (as `archive::encode`
/// writes it): only ASCII case is folded here, so that building the index
/// does not look up every character's fold a second and third time.
fn each_folded(text: &str, out: &mut impl FnMut(Gram)) {
    let mut chars = text.chars().map(|c| c.to_ascii_lowercase());
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else { return };
    out(bigram(a, b));
    for c in chars {
        out(bigram(b, c));
        if let Some(t) = trigram(a, b, c) {
            out(t);
        }
        (a, b) = (b, c);
    }
}

/// The distinct grams of a phrase, or `None` when it has none (a single
/// character): then only reading every issue's text can answer it.
pub(crate) fn of_phrase(phrase: &str) -> Option<Vec<Gram>> {
    let mut grams = Vec::new();
    each(phrase, &mut |g| grams.push(g));
    grams.sort_unstable();
    grams.dedup();
    (!grams.is_empty()).then_some(grams)
}

/// Which articles of an issue hold a gram: bit `a` for article `a`, the
/// top bit for article 63 and every one after it.
pub(crate) type Articles = u64;

/// The bit of article `a`.
pub(crate) fn article_bit(a: usize) -> Articles {
    1 << a.min(63)
}

/// Collects an issue's distinct grams and the articles holding each: an
/// open-addressing table kept between issues (cleared by a stamp, not by
/// writing it over), since a sort or a `HashMap` of the ~10,000 grams of
/// every issue would cost as much as parsing it.
pub(crate) struct Distinct {
    /// Gram, stamp, and where it is in `found`.
    slots: Vec<(Gram, u32, u32)>,
    stamp: u32,
    found: Vec<(Gram, Articles)>,
}

impl Default for Distinct {
    fn default() -> Distinct {
        Distinct { slots: vec![(0, 0, 0); 1 << 14], stamp: 0, found: Vec::new() }
    }
}

impl Distinct {
    /// Starts a new issue.
    pub fn clear(&mut self) {
        self.found.clear();
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.slots.iter_mut().for_each(|s| *s = (0, 0, 0));
            self.stamp = 1;
        }
    }

    /// Adds every gram of `text`, a part of article `article`.
    #[cfg(test)]
    pub fn add(&mut self, text: &str, article: usize) {
        let bit = article_bit(article);
        each(text, &mut |g| self.insert(g, bit));
    }

    /// Adds every gram of one article's text as `archive::encode` wrote it
    /// (its `elements` elements, in the script fold, each ended by [`SEP`];
    /// the copy as printed after them holds no other gram).
    pub fn add_encoded(&mut self, text: &[u8], elements: usize, article: usize) {
        let bit = article_bit(article);
        for e in text.split(|&b| b == SEP).take(elements) {
            match std::str::from_utf8(e) {
                Ok(t) => each_folded(t, &mut |g| self.insert(g, bit)),
                Err(_) => each(&String::from_utf8_lossy(e), &mut |g| self.insert(g, bit)),
            }
        }
    }

    fn insert(&mut self, g: Gram, bit: Articles) {
        if self.found.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (g.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        loop {
            let (key, stamp, at) = self.slots[i];
            if stamp != self.stamp {
                self.slots[i] = (g, self.stamp, self.found.len() as u32);
                self.found.push((g, bit));
                return;
            }
            if key == g {
                self.found[at as usize].1 |= bit;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let found = std::mem::take(&mut self.found);
        self.slots = vec![(0, 0, 0); self.slots.len() * 2];
        self.stamp = 1;
        for (g, bits) in found {
            self.insert(g, bits);
        }
    }

    /// The issue's distinct grams, sorted, each with its articles. (The
    /// table is of no more use until [`Distinct::clear`].)
    pub fn sorted(&mut self) -> &[(Gram, Articles)] {
        self.found.sort_unstable_by_key(|&(g, _)| g);
        &self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(text: &str) -> Vec<Gram> {
        let mut d = Distinct::default();
        d.clear();
        d.add(text, 0);
        d.sorted().iter().map(|&(g, _)| g).collect()
    }

    #[test]
    fn bigrams_everywhere_trigrams_of_ascii_folded() {
        assert_eq!(grams("运河"), [bigram('运', '河')]);
        assert_eq!(grams("Ab"), grams("aB"));
        let abc = grams("abc");
        assert_eq!(abc.len(), 3, "ab, bc, abc");
        assert!(abc.contains(&trigram('a', 'b', 'c').unwrap()));
        assert_eq!(grams("a").len(), 0);
        assert_eq!(of_phrase("高"), None);
        assert_eq!(of_phrase("高高高").map(|g| g.len()), Some(1), "distinct");
    }

    #[test]
    fn every_gram_of_a_phrase_is_a_gram_of_text_holding_it() {
        let text = "新冠 COVID-19 病例在5G基站附近,Smart Grid技术。";
        let all = grams(text);
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            for end in start + 2..=chars.len() {
                let phrase: String = chars[start..end].iter().collect();
                for g in of_phrase(&phrase.to_uppercase()).unwrap_or_default() {
                    assert!(all.binary_search(&g).is_ok(), "{phrase}");
                }
            }
        }
    }

    #[test]
    fn the_table_grows_and_forgets_the_last_issue() {
        let mut d = Distinct::default();
        d.clear();
        // 20,000 characters the fold keeps as they are (a Traditional one
        // would fold onto its Simplified form), twice round: 20,000 bigrams.
        let pool: Vec<char> = (0x4e00..0x2_a6e0u32)
            .filter_map(char::from_u32)
            .filter(|&c| crate::library::fold::fold_char(c) == c)
            .take(20_000)
            .collect();
        let long: String = pool.iter().chain(&pool).collect();
        d.add(&long, 0);
        assert_eq!(d.sorted().len(), 20_000);
        d.clear();
        d.add("运河", 1);
        assert_eq!(d.sorted(), [(bigram('运', '河'), 2)]);
    }

    #[test]
    fn grams_of_the_encoded_text_are_the_grams_of_the_elements() {
        let text = "臺灣日報\n\n發展 COVID 疫苗\n\n記者 張三\n\n臺北訊 Smart Grid 技術在臺灣推廣。\n\n第二篇 運河\n\n运河夜航船今晚启航。\n";
        let issue = crate::parse::parse_issue(text.as_bytes(), "t.txt").unwrap().issue;
        let (mut by_elements, mut encoded) = (Distinct::default(), Distinct::default());
        by_elements.clear();
        for (a, article) in issue.articles().enumerate() {
            article.elements().for_each(|(_, t)| by_elements.add(t, a));
        }
        let mut bytes = Vec::new();
        let shapes = crate::library::archive::encode(&issue, &mut bytes);
        assert!(!shapes.is_empty());
        encoded.clear();
        let mut from = 0;
        for (a, shape) in shapes.iter().enumerate() {
            encoded.add_encoded(&bytes[from..from + shape.len as usize], shape.element_count(), a);
            from += shape.len as usize;
        }
        assert_eq!(encoded.sorted(), by_elements.sorted());
        assert!(encoded.sorted().iter().any(|&(g, _)| g == bigram('台', '湾')), "in the script fold");
    }

    #[test]
    fn each_gram_knows_its_articles() {
        let mut d = Distinct::default();
        d.clear();
        d.add("运河", 0);
        d.add("大运河", 2);
        d.add("运河", 70);
        d.add("运河", 64);
        let found = d.sorted().to_vec();
        assert_eq!(found, [(bigram('大', '运'), 0b100), (bigram('运', '河'), 0b101 | 1 << 63)]);
    }
}
