//! Terminal cell widths (UAX #11), with the ambiguous characters' width chosen
//! by the reader, and the fast paths the line breaker relies on.

use super::options::Ambiguous;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cells a character takes on its own; control characters take none.
pub fn char_width(c: char, amb: Ambiguous) -> usize {
    if let Some(w) = fast_width(c) {
        return w as usize;
    }
    let w = match amb {
        Ambiguous::Narrow => c.width(),
        Ambiguous::Wide => c.width_cjk(),
    };
    w.unwrap_or(0)
}

/// Cells a string takes, grapheme sequences (emoji, flags) counted as a terminal draws them.
pub fn str_width(s: &str, amb: Ambiguous) -> usize {
    match amb {
        Ambiguous::Narrow => s.width(),
        Ambiguous::Wide => s.width_cjk(),
    }
}

/// Width of the characters that dominate newspaper text without a table
/// look-up: ASCII and the common CJK blocks, none of them ambiguous.
#[inline]
pub(crate) fn fast_width(c: char) -> Option<u8> {
    match c as u32 {
        0x20..=0x7e => Some(1),
        0x3000..=0x3029 | 0x3030..=0x303e | 0x3041..=0x3096 | 0x309b..=0x30ff => Some(2),
        0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff01..=0xff60 | 0xffe0..=0xffe6 => Some(2),
        _ => None,
    }
}

/// True when the character is East Asian Wide or Fullwidth, whatever the
/// ambiguous mode: the line breaker's classes must not change with the mode.
#[inline]
pub(crate) fn is_wide(c: char) -> bool {
    match fast_width(c) {
        Some(w) => w == 2,
        None => c.width() == Some(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ambiguous::*;

    #[test]
    fn ambiguous_marks_follow_the_mode() {
        for c in ['“', '”', '‘', '’', '…', '—', '·'] {
            assert_eq!(char_width(c, Narrow), 1, "{c}");
            assert_eq!(char_width(c, Wide), 2, "{c}");
        }
        assert_eq!(str_width("“山东篇章”", Narrow), 10);
        assert_eq!(str_width("“山东篇章”", Wide), 12);
    }

    #[test]
    fn wide_and_narrow_basics() {
        assert_eq!(char_width('中', Narrow), 2);
        assert_eq!(char_width('，', Narrow), 2);
        assert_eq!(char_width('\u{3000}', Narrow), 2);
        assert_eq!(char_width('a', Wide), 1);
        assert_eq!(char_width('\u{301}', Narrow), 0);
        assert_eq!(char_width('\u{7}', Narrow), 0);
    }

    #[test]
    fn sequences_count_as_drawn() {
        assert_eq!(str_width("e\u{301}", Narrow), 1);
        assert_eq!(str_width("👍🏽", Narrow), 2);
        assert_eq!(str_width("🇨🇳", Narrow), 2);
    }

    #[test]
    fn fast_path_agrees_with_the_tables() {
        let ranges = [0x20..0x7f, 0x3000..0x3100, 0x3400..0x4dc0, 0x4e00..0xa000, 0xff00..0xfff0];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            if let Some(w) = fast_width(c) {
                assert_eq!(Some(w as usize), c.width(), "{c:?}");
                assert_eq!(Some(w as usize), c.width_cjk(), "{c:?}");
            }
        }
    }
}
