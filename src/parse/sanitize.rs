//! The one place where decoded text is made safe and regular: line ends
//! unified, tabs expanded, control characters made visible. Nothing after
//! this sees a carriage return, a tab or a control character.
//!
//! Bidirectional formatting controls (embeddings, overrides, isolates:
//! U+202A–202E, U+2066–2069) are shown as `�` too: terminals that honour
//! them reorder everything after them, so text could hide what it says
//! (the "Trojan Source" trick). The marks LRM, RLM and ALM only steer
//! neutral characters and are kept.

use std::borrow::Cow;

/// Columns between tab stops when expanding tabs.
const TAB: usize = 4;

/// Normalises text: CRLF/CR → LF, form feed (a page break in pdftotext
/// output) → blank line, tabs → spaces, other C0/C1 controls and DEL →
/// a visible stand-in, so that text can never drive the terminal.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !needs_work(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut col = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                col = 0;
                continue;
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                col = 0;
                continue;
            }
            '\x0c' | '\u{2029}' => {
                out.push_str("\n\n");
                col = 0;
                continue;
            }
            '\u{2028}' => {
                out.push('\n');
                col = 0;
                continue;
            }
            '\t' => {
                let n = TAB - col % TAB;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
                continue;
            }
            _ => out.push(visible(c)),
        }
        col += 1;
    }
    Cow::Owned(out)
}

/// Text with every control character replaced by its stand-in: for
/// anything shown that did not come through the parser (file names,
/// messages, saved bookmarks).
pub fn visible_str(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| visible(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(visible).collect())
    }
}

/// The stand-in for a directional override or isolate (U+202A–202E,
/// U+2066–2069): `⇄`, one cell wide, told apart from `�` (bytes that were
/// not text) at a glance.
pub const DIRECTIONAL: char = '\u{21c4}';

/// A control character's printable stand-in (Unicode control pictures for
/// C0 and DEL, the replacement character for C1, [`DIRECTIONAL`] for the
/// directional controls); other characters as they are.
pub fn visible(c: char) -> char {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        '\u{80}'..='\u{9f}' => '\u{fffd}',
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => DIRECTIONAL,
        _ => c,
    }
}

/// True if any byte is a control character other than newline. Kept to a
/// branch-light scan of whole chunks: this runs over every byte of every issue.
fn needs_work(bytes: &[u8]) -> bool {
    // 0xC2 starts C1 controls, 0xE2 the separators and bidi controls.
    let suspect = |b: u8| (b < 0x20 && b != b'\n') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2);
    bytes.chunks(64).enumerate().any(|(k, chunk)| {
        chunk.iter().fold(false, |acc, &b| acc | suspect(b))
            && chunk.iter().enumerate().any(|(i, &b)| match b {
                // C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8.
                0xc2 => matches!(bytes.get(k * 64 + i + 1), Some(0x80..=0x9f)),
                // U+2028..U+202E: E2 80 A8..AE; U+2066..U+2069: E2 81 A6..A9.
                0xe2 => matches!(
                    (bytes.get(k * 64 + i + 1), bytes.get(k * 64 + i + 2)),
                    (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                ),
                _ => suspect(b),
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("甲\n乙 abc\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_ends_unified() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn form_feed_is_a_blank_line() {
        assert_eq!(sanitize("提供了\x0c重大"), "提供了\n\n重大");
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(sanitize("\tab\tc"), "    ab  c");
    }

    #[test]
    fn separators_are_line_breaks_and_bidi_controls_are_shown() {
        assert_eq!(sanitize("甲\u{2028}乙\u{2029}丙"), "甲\n乙\n\n丙");
        assert_eq!(sanitize("a\u{202e}b\u{2066}c\u{200f}d"), "a⇄b⇄c\u{200f}d");
        assert!(matches!(sanitize("“引号”—— …"), Cow::Borrowed(_)), "other E2 characters need no work");
    }

    #[test]
    fn escapes_become_visible() {
        let s = sanitize("x\x1b]52;c;aGk=\x07y\u{9b}2J\x7f");
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        assert_eq!(s, "x\u{241b}]52;c;aGk=\u{2407}y\u{fffd}2J\u{2421}");
    }
}
