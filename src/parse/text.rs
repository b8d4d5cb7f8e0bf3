//! Character classes and small text predicates shared by the heuristics.
//!
//! Written by hand: these are newspaper conventions (which marks end a
//! sentence in Chinese and Latin text, which scripts are set without spaces),
//! not something a general Unicode crate answers.

/// Ideographs, kana and CJK/full-width punctuation: scripts set without
/// spaces between words, so lines in them are joined without a space.
pub fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // hiragana, katakana
        | 0x3100..=0x312F    // bopomofo
        | 0x31F0..=0x31FF    // katakana extensions
        | 0x3400..=0x4DBF    // ext A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE10..=0xFE1F    // vertical forms
        | 0xFE30..=0xFE6F    // compatibility and small forms
        | 0xFF00..=0xFF60    // full-width forms
        | 0x20000..=0x3FFFF  // ext B and beyond
    )
}

/// Han ideographs (the letters of Chinese text).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0x3007)
}

/// Marks that end a sentence, in every width.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '．' | '.' | '!' | '?' | '！' | '？' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '﹒' | '﹖' | '﹗' | '｡')
}

/// Marks inside a sentence after which it goes on.
pub fn is_pause(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '；' | ':' | '：' | '﹐' | '﹑' | '﹔' | '﹕' | '､' | '—' | '–' | '-')
}

/// Closing quotes and brackets: transparent when asking how a line ends.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | '）'
            | ']'
            | '］'
            | '}'
            | '｝'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '”'
            | '’'
            | '"'
            | '\''
            | '﹂'
            | '﹄'
            | '﹚'
            | '﹜'
            | '﹞'
    )
}

/// Opening quotes and brackets.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '（'
            | '['
            | '［'
            | '{'
            | '｛'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '“'
            | '‘'
            | '﹁'
            | '﹃'
            | '﹙'
            | '﹛'
            | '﹝'
    )
}

/// True when the text ends a sentence (closing quotes and brackets aside,
/// and the `_` that closes italics in plain-text archives: `_Times._`).
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end().chars().rev().find(|&c| !is_closing(c) && c != '_').is_some_and(is_terminal)
}

/// The last character, ignoring trailing white space.
pub fn last_char(text: &str) -> Option<char> {
    text.trim_end().chars().next_back()
}

/// The first character, ignoring leading white space.
pub fn first_char(text: &str) -> Option<char> {
    text.trim_start().chars().next()
}

/// True when the text is mostly ideographs/kana rather than Latin letters.
/// Read off the UTF-8 lead bytes, because every line of every file asks:
/// U+3000–U+9FFF (CJK punctuation, kana, ideographs) lead with E3–E9,
/// full-width forms and compatibility ideographs with EF, the
/// supplementary ideographs with F0 A0–AF; letters are ASCII letters and
/// digits and the two-byte alphabets (Latin, Greek, Cyrillic).
pub fn is_cjk_dominant(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut cjk, mut latin) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | 0xc3..=0xdf => latin += 1,
            0xe3..=0xe9 | 0xef => cjk += 1,
            0xf0 if matches!(bytes.get(i + 1), Some(0xa0..=0xaf)) => cjk += 1,
            _ => {}
        }
    }
    cjk * 3 >= latin
}

/// Joins two pieces of one paragraph that a line end or page break separated:
/// no space between ideographs, a space between words, and a word broken by
/// a line-end hyphen (`commun-` + `ity`) made whole again.
pub fn join_into(left: &mut String, right: &str) {
    let right = right.trim_start();
    let trimmed_len = left.trim_end().len();
    left.truncate(trimmed_len);
    if right.is_empty() {
        return;
    }
    if left.is_empty() {
        left.push_str(right);
        return;
    }
    if hyphenated(left, right) {
        left.pop();
    } else if ends_in_word_hyphen(left) {
        // `COVID-` + `19`, `10-` + `12`: a hyphen that belongs to the text.
    } else if needs_space(left, right) {
        left.push(' ');
    }
    left.push_str(right);
}

/// A Latin word broken at a line end: `…commun-` followed by a lowercase letter.
pub fn hyphenated(left: &str, right: &str) -> bool {
    ends_in_word_hyphen(left) && first_char(right).is_some_and(char::is_lowercase)
}

fn ends_in_word_hyphen(left: &str) -> bool {
    let mut rev = left.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_alphanumeric() && !is_spaceless(c))
}

fn needs_space(left: &str, right: &str) -> bool {
    let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
        return false;
    };
    if is_spaceless(l) || is_spaceless(r) {
        return false;
    }
    // ASCII punctuation next to ideographs (the seed writes `,` in Chinese):
    // look through it to the nearest letter on each side.
    let l_letter = left.chars().rev().find(|c| c.is_alphanumeric());
    let r_letter = right.chars().find(|c| c.is_alphanumeric());
    let punct_after_ideograph = !l.is_alphanumeric() && l_letter.is_some_and(is_spaceless);
    let punct_before_ideograph = !r.is_alphanumeric() && r_letter.is_some_and(is_spaceless);
    !punct_after_ideograph && !punct_before_ideograph
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
pub fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Display width in terminal cells (ambiguous characters narrow).
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        // Sanitised text holds no control characters: one cell per byte.
        text.len()
    } else {
        unicode_width::UnicodeWidthStr::width(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(a: &str, b: &str) -> String {
        let mut s = a.to_string();
        join_into(&mut s, b);
        s
    }

    #[test]
    fn joins_cjk_without_space() {
        assert_eq!(joined("为山东发展提供了", "重大战略机遇。"), "为山东发展提供了重大战略机遇。");
        assert_eq!(joined("对外开放新高 ", "地、共同富裕"), "对外开放新高地、共同富裕");
    }

    #[test]
    fn joins_latin_with_space() {
        assert_eq!(joined("The council voted", "on Friday."), "The council voted on Friday.");
        assert_eq!(joined("in 2023,", "the city"), "in 2023, the city");
    }

    #[test]
    fn joins_hyphenated_word() {
        assert_eq!(joined("the commun-", "ity center"), "the community center");
        assert_eq!(joined("the COVID-", "19 wave"), "the COVID-19 wave");
        assert_eq!(joined("pages 10-", "12"), "pages 10-12");
        assert_eq!(joined("the bridge —", "which"), "the bridge — which");
    }

    #[test]
    fn ascii_punct_between_ideographs_gets_no_space() {
        assert_eq!(joined("会议指出,", "在习近平"), "会议指出,在习近平");
        assert_eq!(joined("收到了3360", "斤蔬菜"), "收到了3360斤蔬菜");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("示范区。"));
        assert!(ends_sentence("真是太谢谢咱社区跟北京银行啦!”"));
        assert!(ends_sentence("Friday."));
        assert!(ends_sentence("\"The Scheldt can easily be damned.\"--_Daily Chronicle._"));
        assert!(!ends_sentence("为山东发展提供了"));
        assert!(!ends_sentence("“东昌双拥”"));
        assert!(!ends_sentence("会议指出,"));
    }

    #[test]
    fn dominance() {
        assert!(is_cjk_dominant("暖心! 3360斤爱心蔬菜送进隔离居民家中"));
        assert!(!is_cjk_dominant("Bridge reopens after 2-year rebuild"));
    }
}
