//! Display-only punctuation forms: full-width marks for ASCII punctuation
//! set among CJK text, and one-cell forms for marks hanging into the margin.

use crate::parse::text::is_spaceless;

/// The full-width form shown for an ASCII mark set among CJK text.
#[inline]
pub(crate) fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Whether an ASCII mark between `prev` and `next` reads as Chinese
/// punctuation: it touches an ideograph, kana or CJK mark on either side,
/// and no space sits beside it. A space is Latin-style typing (`暖心! 3360斤`):
/// a full-width mark already carries its own space, and with the typed one
/// too the gap would gape.
#[inline]
pub(crate) fn among_cjk(prev: Option<char>, next: Option<char>) -> bool {
    let spaced = prev == Some(' ') || next == Some(' ');
    !spaced && (prev.is_some_and(is_spaceless) || next.is_some_and(is_spaceless))
}

/// Marks allowed to hang past the column edge (clreq: 点号 and closing marks).
#[inline]
pub(crate) fn hangable(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '．'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
    )
}

/// A one-cell form of a wide hanging mark, so it fits the one-cell margin:
/// the full-width glyphs sit in the left half of their cell pair anyway.
#[inline]
pub(crate) fn narrow_form(c: char) -> Option<char> {
    Some(match c {
        '，' => ',',
        '。' => '｡',
        '、' => '､',
        '；' => ';',
        '：' => ':',
        '！' => '!',
        '？' => '?',
        '）' => ')',
        '」' => '｣',
        '．' => '.',
        _ => return None,
    })
}

/// `text` as the article pane shows it (`fullwidth_punct`): its ASCII
/// marks set among CJK text full-width (`清河,春天` → `清河，春天`); and where
/// the byte range `mark` lands in it.
pub fn widened(text: &str, mark: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut moved = mark.clone();
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let shown = fullwidth(c).filter(|_| among_cjk(prev, next)).unwrap_or(c);
        let grown = shown.len_utf8() - c.len_utf8();
        if at < mark.start {
            moved.start += grown;
        }
        if at < mark.end {
            moved.end += grown;
        }
        out.push(shown);
        prev = Some(c);
    }
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_marks_widen_only_among_cjk() {
        assert!(among_cjk(Some('出'), Some('在')));
        assert!(among_cjk(Some('0'), Some('柳')));
        assert!(among_cjk(Some('心'), None));
        assert!(!among_cjk(Some('心'), Some(' ')), "暖心! 3360斤 keeps its ASCII mark");
        assert!(!among_cjk(Some(' '), Some('融')));
        assert!(!among_cjk(Some('9'), Some('3')));
        assert!(!among_cjk(Some('a'), None));
        assert_eq!(fullwidth(','), Some('，'));
        assert_eq!(fullwidth('.'), None);
    }

    #[test]
    fn widened_text_keeps_its_mark_on_the_same_characters() {
        let text = "…清河,春天:清河 (a, b)";
        let at = text.find("春天").unwrap();
        let (shown, mark) = widened(text, at..at + "春天:清河".len());
        assert_eq!(shown, "…清河，春天：清河 (a, b)");
        assert_eq!(&shown[mark], "春天：清河");
    }

    #[test]
    fn narrow_forms_are_one_cell() {
        use crate::layout::{Ambiguous, char_width};
        for c in "，。、；：！？）」．".chars() {
            assert!(hangable(c));
            let n = narrow_form(c).unwrap();
            assert_eq!(char_width(n, Ambiguous::Wide), 1, "{n}");
        }
    }
}
