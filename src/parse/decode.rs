//! Bytes → text: BOMs, UTF-8, UTF-16, GB18030/GBK, Big5 and the rest that
//! chardetng can tell apart; refuses what is not text at all.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes look like binary data (an image, an archive, random bytes).
    #[error("not a text file ({0})")]
    NotText(NotText),
    /// Text in a format dubao knows, but not an issue it can read (JSON
    /// too large or broken, an archive refused): what is wrong.
    #[error("{0}")]
    Unreadable(String),
}

/// What makes bytes binary rather than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotText {
    /// Many NUL bytes (`nuls` of them in the sample, the first at `at`).
    #[error("binary data: {nuls} NUL bytes, the first at offset {at}")]
    Binary {
        /// NUL bytes in the sample.
        nuls: usize,
        /// The offset of the first.
        at: usize,
    },
    /// Decoded, mostly control or replacement characters.
    #[error("{bad} of the first {total} characters are control or undecodable")]
    Garbled {
        /// Such characters.
        bad: usize,
        /// Characters looked at.
        total: usize,
    },
}

/// Text decoded from an issue file, and the encoding it was in.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The decoded text (borrowed when the input was already clean UTF-8).
    pub text: Cow<'a, str>,
    /// Human-readable encoding name: `UTF-8`, `UTF-16LE`, `GB18030`, `Big5`, …
    pub encoding: &'static str,
}

/// How much of the file the binary check and the encoding guess look at.
const SNIFF_LEN: usize = 64 * 1024;

/// Decodes issue bytes, detecting the encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(finish(enc, &bytes[bom_len..], with_bom(enc)));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Ok(finish(enc, bytes, name(enc)));
    }
    // Binary formats are full of NULs; text with a stray one is still text
    // (the NUL is shown as ␀).
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let nuls = memchr::memchr_iter(0, sample).count();
    if nuls > 0 && nuls * 10 >= sample.len() {
        let at = memchr::memchr(0, sample).unwrap_or(0);
        return Err(DecodeError::NotText(NotText::Binary { nuls, at }));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text: Cow::Borrowed(text), encoding: "UTF-8" }),
        Err(_) => {
            let enc = if mostly_utf8(bytes) { UTF_8 } else { guess(bytes) };
            let decoded = finish(enc, bytes, name(enc));
            check_textual(&decoded.text)?;
            Ok(decoded)
        }
    }
}

/// Decodes bytes in an encoding the document itself declares (an HTML
/// page's `<meta charset>`); a BOM still wins.
pub fn decode_as<'a>(bytes: &'a [u8], enc: &'static Encoding) -> Result<Decoded<'a>, DecodeError> {
    if Encoding::for_bom(bytes).is_some() || enc == UTF_8 {
        return decode(bytes);
    }
    Ok(finish(enc, bytes, name(enc)))
}

fn finish<'a>(enc: &'static Encoding, bytes: &'a [u8], label: &'static str) -> Decoded<'a> {
    let (text, _had_errors) = enc.decode_without_bom_handling(bytes);
    // Big5 0xA241 is the full-width slash of `快訊／` as typed in Taiwan and
    // Hong Kong, but the WHATWG table reads it as U+2215, a narrow division
    // slash: set it full width, as the writer's fonts showed it.
    let text = if enc == encoding_rs::BIG5 && text.contains('\u{2215}') {
        Cow::Owned(text.replace('\u{2215}', "\u{ff0f}"))
    } else {
        text
    };
    Decoded { text, encoding: label }
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(SNIFF_LEN)], bytes.len() <= SNIFF_LEN);
    det.guess(None, chardetng::Utf8Detection::Deny)
}

/// encoding_rs decodes GBK with the GB18030 decoder (WHATWG), so report the
/// superset: it is what actually read the file.
fn name(enc: &'static Encoding) -> &'static str {
    if enc == GBK || enc == GB18030 { "GB18030" } else { enc.name() }
}

fn with_bom(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 { "UTF-8 (BOM)" } else { name(enc) }
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII and
/// most Latin text; Chinese UTF-16 has none, and chardetng does not look for
/// UTF-16 at all, so this is all we can tell.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when the bytes are UTF-8 with a few damaged sequences, or cut off
/// inside a character (a download stopped part-way): decode them as UTF-8
/// (showing U+FFFD) rather than guessing a legacy encoding for the whole file.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let (mut good_multibyte, mut bad) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good_multibyte += s.bytes().filter(|b| *b >= 0xc0).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                good_multibyte += valid.iter().filter(|b| **b >= 0xc0).count();
                if e.error_len().is_none() {
                    // Only the end is cut short: that alone is no sign of another encoding.
                    break;
                }
                bad += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() || bad > 64 {
                    break;
                }
            }
        }
    }
    bad == 0 || good_multibyte >= 8 && bad * 20 <= good_multibyte
}

/// Rejects decoded text that is mostly control characters or replacement
/// characters: that is what random bytes and binaries decode to.
fn check_textual(text: &str) -> Result<(), DecodeError> {
    // A character cut off at the very end is a short download, not binary.
    let text = text.strip_suffix('\u{fffd}').unwrap_or(text);
    let sample: String = text.chars().take(SNIFF_LEN / 2).collect();
    let total = sample.chars().count().max(1);
    let bad = sample
        .chars()
        .filter(|&c| c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')))
        .count();
    if bad * 20 > total { Err(DecodeError::NotText(NotText::Garbled { bad, total })) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str =
        "东昌府讯 11月18日,山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开,深入贯彻党的二十大精神。";

    #[test]
    fn utf8_plain_is_borrowed() {
        let d = decode(ZH.as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(matches!(d.text, Cow::Borrowed(_)));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice(ZH.as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8 (BOM)");
        assert_eq!(d.text, ZH);
    }

    #[test]
    fn utf16_with_boms() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in ZH.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, ZH);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be).unwrap().text, ZH);
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn utf16le_without_bom_latin() {
        let text = "RIVERTON — The bridge reopened on Friday after two years.\n";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, text);
    }

    #[test]
    fn gb18030_detected() {
        let text = ZH.repeat(3) + "𠮷田先生捐赠了500€。";
        let (bytes, _, _) = GB18030.encode(&text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, text);
    }

    #[test]
    fn big5_detected() {
        let text =
            "本報訊 十一月十八日,山東省深化新舊動能轉換推動綠色低碳高質量發展動員大會召開,深入貫徹黨的精神。".repeat(3);
        let (bytes, _, _) = encoding_rs::BIG5.encode(&text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut b = ZH.repeat(4).into_bytes();
        b.insert(30, 0xff);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{fffd}'));
        assert!(d.text.contains("深入贯彻党的二十大精神"));
    }

    #[test]
    fn utf8_cut_inside_a_character_stays_utf8() {
        let text = "标题\n\n正文开始。".as_bytes();
        for cut in [text.len() - 1, text.len() - 2, 9] {
            let d = decode(&text[..cut]).unwrap();
            assert_eq!(d.encoding, "UTF-8", "cut at {cut}");
            assert!(d.text.starts_with("标题") && d.text.ends_with('\u{FFFD}'), "{:?}", d.text);
        }
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(matches!(decode(png), Err(DecodeError::NotText(_))));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .map(|b| if b == 0 { 1 } else { b })
            .collect();
        assert!(decode(&noise).is_err());
    }

    #[test]
    fn a_stray_nul_in_text_is_kept_as_text() {
        let mut b = ZH.repeat(10).into_bytes();
        b.insert(9, 0);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\0'));
    }

    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
