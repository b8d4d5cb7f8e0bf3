//! The index file, version 2 (all integers little-endian):
//!
//! ```text
//! header (64 bytes)  magic "DUBAOIX\0", version u32, block size u32, generation u64,
//!                    text length u64, meta length u64, meta CRC-32 u32, zeros,
//!                    header CRC-32 u32 (of the 60 bytes before it)
//! text               each issue's elements, each followed by '\n', issues newest first
//! meta               block count u32, a CRC-32 per 1 MiB block of the text;
//!                    issue count u32, each: path, size u64, mtime i128 ns, title,
//!                    date (year i16 or 0, month u8, day u8), text length u64, text CRC-32 u32,
//!                    article count u32, each: id u64, decks u32, blocks u32, flags u8 (byline 1, attribution 2, kicker 4);
//!                    failed count u32, each: path, size, mtime, message
//! ```
//! Strings and paths are a u32 length and the bytes. Issues' text follows
//! one another in their order, so offsets are implied by the lengths.

use crate::library::archive::Shape;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One indexed issue file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueMeta {
    /// The file, absolute.
    pub path: PathBuf,
    /// The issue's title.
    pub title: String,
    /// The issue's date.
    pub date: Option<jiff::civil::Date>,
    /// How many articles it has.
    pub articles: usize,
    /// The file's size when it was indexed.
    pub size: u64,
    /// The file's modification time when it was indexed.
    pub modified: SystemTime,
    /// Where its text starts in the index's text.
    pub(crate) start: u64,
    pub(crate) len: u64,
    pub(crate) crc: u32,
    pub(crate) shapes: Vec<Shape>,
}

/// A file that is not an issue (binary, undecodable), remembered so that it
/// is not read again until it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failed {
    pub path: PathBuf,
    pub size: u64,
    pub modified: SystemTime,
    pub message: String,
}

pub(super) const MAGIC: [u8; 8] = *b"DUBAOIX\0";
/// Raised whenever the stored shape changes, and whenever the parser reads
/// issues differently: an index of another version is rebuilt. (3: the
/// text is stored script-folded, the printed text after it where that differs.)
pub(super) const VERSION: u32 = 3;
pub(super) const HEADER_LEN: u64 = 64;
/// Text is checksummed in blocks of this size, which are also the scan's unit.
pub(super) const BLOCK: usize = 1 << 20;

/// What the header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Header {
    /// Changes with every write, so a reader can tell whether the file is the one it read.
    pub generation: u64,
    pub text_len: u64,
    pub meta_len: u64,
    pub meta_crc: u32,
}

impl Header {
    pub fn encode(&self) -> [u8; HEADER_LEN as usize] {
        let mut b = [0u8; HEADER_LEN as usize];
        b[0..8].copy_from_slice(&MAGIC);
        b[8..12].copy_from_slice(&VERSION.to_le_bytes());
        b[12..16].copy_from_slice(&(BLOCK as u32).to_le_bytes());
        b[16..24].copy_from_slice(&self.generation.to_le_bytes());
        b[24..32].copy_from_slice(&self.text_len.to_le_bytes());
        b[32..40].copy_from_slice(&self.meta_len.to_le_bytes());
        b[40..44].copy_from_slice(&self.meta_crc.to_le_bytes());
        let crc = crc32fast::hash(&b[..60]);
        b[60..64].copy_from_slice(&crc.to_le_bytes());
        b
    }

    /// The header, or what is wrong with it.
    pub fn decode(b: &[u8]) -> Result<Header, String> {
        if b.len() < HEADER_LEN as usize || b[0..8] != MAGIC {
            return Err("not a dubao index".into());
        }
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        if u32_at(8) != VERSION {
            return Err(format!("index version {} (this dubao writes {VERSION})", u32_at(8)));
        }
        if crc32fast::hash(&b[..60]) != u32_at(60) {
            return Err("header checksum mismatch".into());
        }
        if u32_at(12) as usize != BLOCK {
            return Err("unexpected block size".into());
        }
        Ok(Header { generation: u64_at(16), text_len: u64_at(24), meta_len: u64_at(32), meta_crc: u32_at(40) })
    }
}

/// Everything after the text.
#[derive(Debug, Default)]
pub(super) struct Meta {
    pub blocks: Vec<u32>,
    pub issues: Vec<IssueMeta>,
    pub failed: Vec<Failed>,
}

/// Number of checksum blocks for `text_len` bytes of text.
pub(super) fn block_count(text_len: u64) -> usize {
    text_len.div_ceil(BLOCK as u64) as usize
}

pub(super) fn encode_meta(blocks: &[u32], issues: &[&IssueMeta], failed: &[Failed]) -> Vec<u8> {
    let mut w = Vec::with_capacity(64 + blocks.len() * 4 + issues.len() * 256);
    put_u32(&mut w, blocks.len() as u32);
    for c in blocks {
        put_u32(&mut w, *c);
    }
    put_u32(&mut w, issues.len() as u32);
    for i in issues {
        put_path(&mut w, &i.path);
        w.extend_from_slice(&i.size.to_le_bytes());
        w.extend_from_slice(&stamp(i.modified).to_le_bytes());
        put_bytes(&mut w, i.title.as_bytes());
        match i.date {
            Some(d) => {
                w.extend_from_slice(&d.year().to_le_bytes());
                w.push(d.month() as u8);
                w.push(d.day() as u8);
            }
            None => w.extend_from_slice(&[0; 4]),
        }
        w.extend_from_slice(&i.len.to_le_bytes());
        put_u32(&mut w, i.crc);
        put_u32(&mut w, i.shapes.len() as u32);
        for s in &i.shapes {
            w.extend_from_slice(&s.id.to_le_bytes());
            put_u32(&mut w, s.decks);
            put_u32(&mut w, s.blocks);
            w.push(u8::from(s.byline) | u8::from(s.attribution) << 1 | u8::from(s.kicker) << 2);
        }
    }
    put_u32(&mut w, failed.len() as u32);
    for f in failed {
        put_path(&mut w, &f.path);
        w.extend_from_slice(&f.size.to_le_bytes());
        w.extend_from_slice(&stamp(f.modified).to_le_bytes());
        put_bytes(&mut w, f.message.as_bytes());
    }
    w
}

/// The meta, if it is whole and agrees with a text of `text_len` bytes.
pub(super) fn decode_meta(bytes: &[u8], text_len: u64) -> Option<Meta> {
    let mut r = Reader(bytes);
    let n = r.u32()? as usize;
    if n != block_count(text_len) {
        return None;
    }
    let blocks = (0..n).map(|_| r.u32()).collect::<Option<Vec<u32>>>()?;
    let n = r.u32()? as usize;
    let mut issues = Vec::with_capacity(n.min(bytes.len() / 16));
    let mut start = 0u64;
    for _ in 0..n {
        let path = r.path()?;
        let size = r.u64()?;
        let modified = unstamp(r.i128()?)?;
        let title = r.string()?;
        let (year, month, day) = (i16::from_le_bytes(r.take(2)?.try_into().ok()?), r.u8()?, r.u8()?);
        let date = if year == 0 { None } else { Some(jiff::civil::Date::new(year, month as i8, day as i8).ok()?) };
        let len = r.u64()?;
        let crc = r.u32()?;
        let articles = r.u32()? as usize;
        let mut shapes = Vec::with_capacity(articles.min(r.0.len() / 17));
        for _ in 0..articles {
            let id = r.u64()?;
            let (decks, blocks, flags) = (r.u32()?, r.u32()?, r.u8()?);
            let (byline, attribution, kicker) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
            shapes.push(Shape { id, kicker, decks, blocks, byline, attribution });
        }
        issues.push(IssueMeta { path, title, date, articles, size, modified, start, len, crc, shapes });
        start = start.checked_add(len)?;
    }
    if start != text_len {
        return None;
    }
    let n = r.u32()? as usize;
    let mut failed = Vec::with_capacity(n.min(bytes.len() / 16));
    for _ in 0..n {
        let path = r.path()?;
        let size = r.u64()?;
        let modified = unstamp(r.i128()?)?;
        failed.push(Failed { path, size, modified, message: r.string()? });
    }
    r.0.is_empty().then_some(Meta { blocks, issues, failed })
}

/// A modification time as nanoseconds since 1970 (negative before).
pub(super) fn stamp(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn unstamp(n: i128) -> Option<SystemTime> {
    let d = |n: u128| Some(Duration::new(u64::try_from(n / 1_000_000_000).ok()?, (n % 1_000_000_000) as u32));
    if n >= 0 { UNIX_EPOCH.checked_add(d(n as u128)?) } else { UNIX_EPOCH.checked_sub(d(n.unsigned_abs())?) }
}

fn put_u32(w: &mut Vec<u8>, n: u32) {
    w.extend_from_slice(&n.to_le_bytes());
}

fn put_bytes(w: &mut Vec<u8>, b: &[u8]) {
    put_u32(w, b.len() as u32);
    w.extend_from_slice(b);
}

fn put_path(w: &mut Vec<u8>, p: &std::path::Path) {
    #[cfg(unix)]
    put_bytes(w, std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()));
    #[cfg(not(unix))]
    put_bytes(w, p.to_string_lossy().as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn i128(&mut self) -> Option<i128> {
        Some(i128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn string(&mut self) -> Option<String> {
        std::str::from_utf8(self.bytes()?).ok().map(str::to_string)
    }
    fn path(&mut self) -> Option<PathBuf> {
        let b = self.bytes()?;
        #[cfg(unix)]
        return Some(PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b)));
        #[cfg(not(unix))]
        return std::str::from_utf8(b).ok().map(PathBuf::from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips_and_detects_damage() {
        let h = Header { generation: 7, text_len: 123, meta_len: 45, meta_crc: 99 };
        let b = h.encode();
        assert_eq!(Header::decode(&b), Ok(h));
        for i in 0..b.len() {
            let mut bad = b;
            bad[i] ^= 0x10;
            assert!(Header::decode(&bad).is_err(), "byte {i}");
        }
        assert!(Header::decode(&b[..63]).is_err());
    }

    #[test]
    fn stamps_round_trip_before_and_after_1970() {
        for t in [UNIX_EPOCH + Duration::new(1_700_000_000, 123), UNIX_EPOCH - Duration::new(5, 7), UNIX_EPOCH] {
            assert_eq!(unstamp(stamp(t)), Some(t));
        }
    }
}
