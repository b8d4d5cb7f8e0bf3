//! The script fold: every Traditional character (and its Taiwan and Hong
//! Kong variants) to its Simplified form, so that `發展` and `发展`, `臺灣`
//! and `台湾` are one text to search. The one normalisation every search
//! shares: the in-issue search, the archive matcher and the index writer.
//!
//! Character by character, never a phrase, and only where both forms are
//! as long in UTF-8: folded text has the source's byte offsets, so a match
//! in folded text is the same bytes of the source. The table is OpenCC's
//! (Apache-2.0) single characters, `fold_table.rs`, written by a test from
//! the dictionaries `ferrous-opencc` carries, which fails when they differ.

mod table;

use std::borrow::Cow;
use std::sync::OnceLock;

/// The dense part of the table: U+3400 to U+9FFF, where almost all are.
const DENSE: std::ops::Range<u32> = 0x3400..0xA000;

fn dense() -> &'static [char] {
    static DENSE_TABLE: OnceLock<Box<[char]>> = OnceLock::new();
    DENSE_TABLE.get_or_init(|| {
        let mut t: Vec<char> = DENSE.filter_map(char::from_u32).collect();
        for &(from, to) in table::FOLD {
            if DENSE.contains(&(from as u32)) {
                t[(from as u32 - DENSE.start) as usize] = to;
            }
        }
        t.into_boxed_slice()
    })
}

/// The character a search compares `c` as: its Simplified form, or itself.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    if u < DENSE.start {
        return c;
    }
    if DENSE.contains(&u) {
        return dense()[(u - DENSE.start) as usize];
    }
    match table::FOLD.binary_search_by(|(from, _)| from.cmp(&c)) {
        Ok(i) => table::FOLD[i].1,
        Err(_) => c,
    }
}

/// `text` folded; borrowed when nothing folds.
pub fn fold_str(text: &str) -> Cow<'_, str> {
    match text.char_indices().find(|&(_, c)| fold_char(c) != c) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..at]);
            out.extend(text[at..].chars().map(fold_char));
            Cow::Owned(out)
        }
    }
}

/// The character of a three- or four-byte UTF-8 sequence at or above
/// U+3400 (what [`fold_into`] looks at), or `None` when it is not one: by
/// hand, since `str::from_utf8` of each character was a tenth of building
/// the index.
fn decode(seq: &[u8]) -> Option<char> {
    let cont = |b: u8| (b & 0xC0 == 0x80).then_some(u32::from(b & 0x3F));
    let u = match *seq {
        [b0, b1, b2] if b0 & 0xF0 == 0xE0 => u32::from(b0 & 0x0F) << 12 | cont(b1)? << 6 | cont(b2)?,
        [b0, b1, b2, b3] if b0 & 0xF8 == 0xF0 => {
            u32::from(b0 & 0x07) << 18 | cont(b1)? << 12 | cont(b2)? << 6 | cont(b3)?
        }
        _ => return None,
    };
    let least = if seq.len() == 3 { 0x3400 } else { 0x1_0000 };
    char::from_u32(u).filter(|_| u >= least)
}

/// Folds UTF-8 `bytes` in place (the same length, every offset kept);
/// bytes that are not UTF-8 are left as they are. True when anything folded.
pub fn fold_into(bytes: &mut [u8]) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let n = match b {
            0..0x80 => {
                i += 1;
                continue;
            }
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            0xF0.. => 4,
            _ => 1,
        };
        // Below U+3400 nothing folds: lead bytes under 0xE3 (and 0xE3 0x90).
        if n >= 3
            && i + n <= bytes.len()
            && (b > 0xE3 || n == 4 || bytes[i + 1] >= 0x90)
            && let Some(c) = decode(&bytes[i..i + n])
        {
            let f = fold_char(c);
            if f != c {
                f.encode_utf8(&mut bytes[i..i + n]);
                changed = true;
            }
        }
        i += n;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_is_decoded_by_hand_as_utf8_decodes_it() {
        for u in (0x3000..0x11_0000).step_by(7) {
            let Some(c) = char::from_u32(u) else { continue };
            let mut buf = [0; 4];
            let seq = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(decode(seq), (u >= 0x3400).then_some(c), "U+{u:04X}");
        }
        let mut x: u32 = 7;
        for _ in 0..200_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let b = x.to_le_bytes();
            for seq in [&b[..3], &b[..]] {
                let by_std = std::str::from_utf8(seq).ok().and_then(|s| s.chars().next()).filter(|c| *c >= '\u{3400}');
                assert_eq!(decode(seq), by_std.filter(|c| c.len_utf8() == seq.len()), "{seq:x?}");
            }
        }
    }

    #[test]
    fn traditional_and_variants_fold_to_simplified() {
        assert_eq!(fold_str("發展"), "发展");
        assert_eq!(fold_str("臺灣"), "台湾");
        assert_eq!(fold_str("台湾"), "台湾");
        assert!(matches!(fold_str("发展 Smart"), Cow::Borrowed(_)));
        let mut b = "高質量發展，Grid 臺灣".as_bytes().to_vec();
        assert!(fold_into(&mut b));
        assert_eq!(std::str::from_utf8(&b).unwrap(), "高质量发展，Grid 台湾");
    }

    #[test]
    fn the_fold_keeps_lengths_and_is_settled() {
        for &(from, to) in table::FOLD {
            assert_eq!(from.len_utf8(), to.len_utf8(), "{from} → {to}");
            assert_eq!(fold_char(to), to, "{from} → {to} folds again");
            assert_eq!(fold_char(from), to);
        }
        assert!(table::FOLD.windows(2).all(|w| w[0].0 < w[1].0), "sorted, once each");
        let mut odd = vec![0xE3, 0x90, 0xFF, b'a', 0xE7];
        assert!(!fold_into(&mut odd));
        assert_eq!(odd, [0xE3, 0x90, 0xFF, b'a', 0xE7], "not UTF-8: left alone");
    }

    /// The table is OpenCC's single characters, Traditional (and Taiwan,
    /// Hong Kong variants) to Simplified. `DUBAO_WRITE_FOLD_TABLE=1` writes
    /// it anew when `ferrous-opencc`'s dictionaries change.
    #[test]
    fn the_table_is_opencc_s() {
        let derived = derive();
        let written: Vec<(char, char)> = table::FOLD.to_vec();
        if derived != written && std::env::var_os("DUBAO_WRITE_FOLD_TABLE").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/script/fold/table.rs");
            std::fs::write(path, source(&derived)).unwrap();
            return;
        }
        assert_eq!(derived.len(), written.len(), "rerun with DUBAO_WRITE_FOLD_TABLE=1");
        assert!(derived == written, "rerun with DUBAO_WRITE_FOLD_TABLE=1");
    }

    fn derive() -> Vec<(char, char)> {
        use ferrous_opencc::{OpenCC, config::BuiltinConfig};
        let ccs: Vec<OpenCC> = [BuiltinConfig::T2s, BuiltinConfig::Tw2s, BuiltinConfig::Hk2s]
            .into_iter()
            .map(|c| OpenCC::from_config(c).unwrap())
            .collect();
        let one = |c: char| -> char {
            let s = c.to_string();
            for cc in &ccs {
                let out = cc.convert(&s);
                let mut chars = out.chars();
                if let (Some(f), None) = (chars.next(), chars.next())
                    && f != c
                    && f.len_utf8() == c.len_utf8()
                {
                    return f;
                }
            }
            c
        };
        let ranges = [0x3400..=0x4DBF, 0x4E00..=0x9FFF, 0xF900..=0xFAFF, 0x20000..=0x2FFFF];
        let mut pairs = Vec::new();
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            // Settled: a character whose fold folds again goes to the end.
            let mut f = one(c);
            for _ in 0..4 {
                let g = one(f);
                if g == f {
                    break;
                }
                f = g;
            }
            if f != c {
                pairs.push((c, f));
            }
        }
        pairs
    }

    fn source(pairs: &[(char, char)]) -> String {
        let mut out = String::from(
            "//! Written by `the_table_is_opencc_s` (fold.rs) from OpenCC's dictionaries\n\
             //! (Apache-2.0) as `ferrous-opencc` carries them: every character that\n\
             //! folds, and its Simplified form. Do not edit by hand.\n\n\
             /// (Traditional or variant, Simplified), sorted.\n\
             #[rustfmt::skip]\n\
             pub(super) const FOLD: &[(char, char)] = &[\n",
        );
        for row in pairs.chunks(8) {
            let cells: Vec<String> = row.iter().map(|(a, b)| format!("('{a}','{b}')")).collect();
            out.push_str(&format!("    {},\n", cells.join(",")));
        }
        out.push_str("];\n");
        out
    }
}
