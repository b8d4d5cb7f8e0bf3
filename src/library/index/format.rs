//! The index's files: segments of version 5, the manifest of version 6 (all
//! integers little-endian; strings and paths are a u32 length and the bytes).
//!
//! A **segment** (`seg-<id>.dx`, written once, never changed):
//!
//! ```text
//! header (64 bytes)  magic "DUBAOSG\0", version u32, zeros u32, id u64, text length u64,
//!                    meta length u64, meta CRC-32 u32, dictionary entries u32,
//!                    postings length u64, zeros u32, header CRC-32 u32 (of the 60 bytes before it)
//! text               issue after issue, each a record:
//!                      head: for each article, id u64, decks u32, blocks u32,
//!                        flags u8 (byline 1, attribution 2, kicker 4), text length u32, text CRC-32 u32;
//!                      each article's text (`archive::encode`: its elements, each followed by '\n')
//! meta               issue count u32, each: path, size u64, mtime i128 ns, title,
//!                    date (year i16 or 0, month u8, day u8), record start u64, record length u64,
//!                    head CRC-32 u32, article count u32;
//!                    chunk count u32, each: first gram u64, the chunk's CRC-32 u32
//! dictionary         entries of 28 bytes, by gram (see `postings.rs`)
//! postings           each gram's issues as varint deltas, each followed by a varint of
//!                    the articles holding it (bit a for article a, bit 63 for 63 and on)
//! ```
//! Issues are listed newest first (their text may lie in another order).
//! The head is checked by the meta's CRC and each article's text by its
//! own, so that a search reads and checks only the articles its postings
//! name; the articles' shapes stay on disk, not in memory, until read.
//!
//! The **manifest** (`manifest`, replaced by rename: the one commit point):
//!
//! ```text
//! magic "DUBAOMF\0", version u32, generation u64,
//! segment count u32, each: id u64, file length u64, header CRC-32 u32, dead count u32, dead ordinals u32…;
//! failed count u32, each: path, size u64, mtime i128, problem (kind u8, then by kind:
//!   0 what was said, a string; 1 binary: NULs u64, first at u64; 2 garbled: bad u64, of u64;
//!   3 unreadable, a string; 4 too large: length u64, extension, limit MB u64;
//!   5–12 not found, permission denied, is a directory, a directory not an issue,
//!   not a regular file, not a directory, no issues, a link loop);
//! folders u8 (0: none; 1: taken i128 ns, root count u32, each: path;
//!   folder count u32, each: path, mtime i128 ns, ctime i128 ns, inode u64, kind u8 (0 walked, 1 an issue));
//! CRC-32 u32 of all before it
//! ```
//! A segment's dead issues were changed or removed after it was written.
//! The folders are the snapshot of the last whole walk (see `folders.rs`).

use crate::library::Problem;
use crate::library::archive::Shape;
use crate::parse::{DecodeError, NotText};
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One indexed issue file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueMeta {
    /// The file, absolute.
    pub path: crate::library::name::FilePath,
    /// The issue's title, shared with the other issues of that title in
    /// its segment (a paper's every issue has one).
    pub title: std::sync::Arc<str>,
    /// The issue's date.
    pub date: Option<jiff::civil::Date>,
    /// How many articles it has.
    pub articles: usize,
    /// The file's size when it was indexed.
    pub size: u64,
    /// The file's modification time when it was indexed.
    pub modified: SystemTime,
    /// Where its record (head, then text) starts in the segment's text.
    pub(crate) start: u64,
    pub(crate) len: u64,
    /// The head's CRC-32.
    pub(crate) crc: u32,
}

/// Bytes per article in a record's head.
pub(super) const HEAD_ENTRY: usize = 25;

/// One article as a record's head describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stored {
    pub shape: Shape,
    /// Its text's CRC-32.
    pub crc: u32,
}

/// Appends an issue's record: the head for `shapes`, then `text` (the
/// articles' texts as `archive::encode` wrote them).
pub(super) fn encode_record(shapes: &[Shape], text: &[u8], out: &mut Vec<u8>) {
    out.reserve(shapes.len() * HEAD_ENTRY + text.len());
    let mut at = 0;
    for s in shapes {
        let end = (at + s.len as usize).min(text.len());
        out.extend_from_slice(&s.id.to_le_bytes());
        put_u32(out, s.decks);
        put_u32(out, s.blocks);
        out.push(u8::from(s.byline) | u8::from(s.attribution) << 1 | u8::from(s.kicker) << 2);
        put_u32(out, s.len);
        put_u32(out, crc32fast::hash(&text[at..end]));
        at = end;
    }
    out.extend_from_slice(text);
}

/// A record of `articles` articles split: its head decoded, and where
/// each article's text lies in the record; `None` if it does not add up.
pub(super) fn split_record(record: &[u8], articles: usize) -> Option<(Vec<Stored>, Vec<std::ops::Range<usize>>)> {
    let head = decode_head(record.get(..articles.checked_mul(HEAD_ENTRY)?)?)?;
    let mut at = articles * HEAD_ENTRY;
    let mut ranges = Vec::with_capacity(head.len());
    for a in &head {
        let end = at.checked_add(a.shape.len as usize)?;
        ranges.push(at..end);
        at = end;
    }
    (at == record.len()).then_some((head, ranges))
}

/// A record's head, if it is whole: as many entries as fit `bytes`.
pub(super) fn decode_head(bytes: &[u8]) -> Option<Vec<Stored>> {
    if !bytes.len().is_multiple_of(HEAD_ENTRY) {
        return None;
    }
    let mut r = Reader(bytes);
    let mut out = Vec::with_capacity(bytes.len() / HEAD_ENTRY);
    while !r.0.is_empty() {
        let id = r.u64()?;
        let (decks, blocks, flags) = (r.u32()?, r.u32()?, r.u8()?);
        let (byline, attribution, kicker) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
        let (len, crc) = (r.u32()?, r.u32()?);
        out.push(Stored { shape: Shape { id, kicker, decks, blocks, byline, attribution, len }, crc });
    }
    Some(out)
}

/// A file that is not an issue (binary, undecodable), remembered so that it
/// is not read again until it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failed {
    pub path: PathBuf,
    pub size: u64,
    pub modified: SystemTime,
    /// Why, as the reader's language will word it.
    pub problem: Problem,
}

pub(super) const SEGMENT_MAGIC: [u8; 8] = *b"DUBAOSG\0";
pub(super) const MANIFEST_MAGIC: [u8; 8] = *b"DUBAOMF\0";
/// Raised whenever the stored shape changes, and whenever the parser reads
/// issues differently: an index of another version is rebuilt. (4: the
/// grams are script-folded, and each issue's text is stored folded, the
/// printed text after it where that differs; 5: the text and the postings
/// are by article.)
pub(super) const VERSION: u32 = 5;
/// The manifest's own version (5: the folders after the failed files; 6:
/// it lists segments of version 5; 7: a failed file's problem is kept
/// structured, to be worded in the reader's language). Another is rebuilt.
pub(super) const MANIFEST_VERSION: u32 = 7;
pub(super) const HEADER_LEN: u64 = 64;

/// What a segment's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Header {
    pub id: u64,
    pub text_len: u64,
    pub meta_len: u64,
    pub meta_crc: u32,
    pub dict_count: u32,
    pub postings_len: u64,
}

impl Header {
    pub fn encode(&self) -> [u8; HEADER_LEN as usize] {
        let mut b = [0u8; HEADER_LEN as usize];
        b[0..8].copy_from_slice(&SEGMENT_MAGIC);
        b[8..12].copy_from_slice(&VERSION.to_le_bytes());
        b[16..24].copy_from_slice(&self.id.to_le_bytes());
        b[24..32].copy_from_slice(&self.text_len.to_le_bytes());
        b[32..40].copy_from_slice(&self.meta_len.to_le_bytes());
        b[40..44].copy_from_slice(&self.meta_crc.to_le_bytes());
        b[44..48].copy_from_slice(&self.dict_count.to_le_bytes());
        b[48..56].copy_from_slice(&self.postings_len.to_le_bytes());
        let crc = crc32fast::hash(&b[..60]);
        b[60..64].copy_from_slice(&crc.to_le_bytes());
        b
    }

    /// The header, or what is wrong with it.
    pub fn decode(b: &[u8]) -> Result<Header, String> {
        if b.len() < HEADER_LEN as usize || b[0..8] != SEGMENT_MAGIC {
            return Err("not a dubao index segment".into());
        }
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
        if u32_at(8) != VERSION {
            return Err(format!("index version {} (this dubao writes {VERSION})", u32_at(8)));
        }
        if crc32fast::hash(&b[..60]) != u32_at(60) {
            return Err("header checksum mismatch".into());
        }
        Ok(Header {
            id: u64_at(16),
            text_len: u64_at(24),
            meta_len: u64_at(32),
            meta_crc: u32_at(40),
            dict_count: u32_at(44),
            postings_len: u64_at(48),
        })
    }

    /// The whole file's length.
    pub fn file_len(&self) -> Option<u64> {
        let dict = u64::from(self.dict_count) * super::postings::ENTRY as u64;
        HEADER_LEN
            .checked_add(self.text_len)?
            .checked_add(self.meta_len)?
            .checked_add(dict)?
            .checked_add(self.postings_len)
    }
}

/// A segment's meta: its issues, newest first, and its dictionary's chunks.
#[derive(Debug, Default)]
pub(super) struct Meta {
    pub issues: Vec<IssueMeta>,
    /// Each dictionary chunk's first gram and CRC-32.
    pub chunks: Vec<(u64, u32)>,
}

pub(super) fn encode_meta(issues: &[IssueMeta], chunks: &[(u64, u32)]) -> Vec<u8> {
    let mut w = Vec::with_capacity(64 + issues.len() * 256 + chunks.len() * 12);
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
        w.extend_from_slice(&i.start.to_le_bytes());
        w.extend_from_slice(&i.len.to_le_bytes());
        put_u32(&mut w, i.crc);
        put_u32(&mut w, i.articles as u32);
    }
    put_u32(&mut w, chunks.len() as u32);
    for (gram, crc) in chunks {
        w.extend_from_slice(&gram.to_le_bytes());
        put_u32(&mut w, *crc);
    }
    w
}

/// The meta, if it is whole and every issue's text lies within `text_len`.
pub(super) fn decode_meta(bytes: &[u8], text_len: u64) -> Option<Meta> {
    let mut r = Reader(bytes);
    let n = r.u32()? as usize;
    let mut issues = Vec::with_capacity(n.min(bytes.len() / 16));
    let mut titles = crate::library::name::Shared::default();
    for _ in 0..n {
        issues.push(r.issue(text_len, &mut titles)?);
    }
    let n = r.u32()? as usize;
    let mut chunks = Vec::with_capacity(n.min(bytes.len() / 12));
    for _ in 0..n {
        chunks.push((r.u64()?, r.u32()?));
    }
    r.0.is_empty().then_some(Meta { issues, chunks })
}

/// One segment as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Listed {
    pub id: u64,
    pub file_len: u64,
    pub header_crc: u32,
    /// Ordinals of its issues changed or removed since, ascending.
    pub dead: Vec<u32>,
}

/// What the manifest says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Manifest {
    pub generation: u64,
    pub segments: Vec<Listed>,
    pub failed: Vec<Failed>,
    pub folders: Option<Folders>,
}

/// The folders a whole walk went through, as they were: which of them
/// a later search can trust unchanged without listing them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Folders {
    /// When the walk began (ns since 1970).
    pub taken: i128,
    /// The roots walked, absolute, sorted.
    pub roots: Vec<PathBuf>,
    pub seen: Vec<Seen>,
}

/// One folder as the walk found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seen {
    /// Absolute.
    pub path: PathBuf,
    pub mtime: i128,
    pub ctime: i128,
    pub inode: u64,
    /// A folder that is one issue (article files), not walked into.
    pub issue: bool,
}

fn put_folders(w: &mut Vec<u8>, folders: Option<&Folders>) {
    let Some(f) = folders else {
        w.push(0);
        return;
    };
    w.push(1);
    w.extend_from_slice(&f.taken.to_le_bytes());
    put_u32(w, f.roots.len() as u32);
    f.roots.iter().for_each(|r| put_path(w, r));
    put_u32(w, f.seen.len() as u32);
    for s in &f.seen {
        put_path(w, &s.path);
        w.extend_from_slice(&s.mtime.to_le_bytes());
        w.extend_from_slice(&s.ctime.to_le_bytes());
        w.extend_from_slice(&s.inode.to_le_bytes());
        w.push(u8::from(s.issue));
    }
}

fn take_folders(r: &mut Reader<'_>) -> Option<Option<Folders>> {
    match r.u8()? {
        0 => return Some(None),
        1 => {}
        _ => return None,
    }
    let taken = r.i128()?;
    let n = r.u32()? as usize;
    let roots = (0..n).map(|_| r.path()).collect::<Option<Vec<PathBuf>>>()?;
    let n = r.u32()? as usize;
    let mut seen = Vec::with_capacity(n.min(r.0.len() / 45));
    for _ in 0..n {
        let (path, mtime, ctime, inode) = (r.path()?, r.i128()?, r.i128()?, r.u64()?);
        let issue = match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        seen.push(Seen { path, mtime, ctime, inode, issue });
    }
    Some(Some(Folders { taken, roots, seen }))
}

pub(super) fn encode_manifest(m: &Manifest) -> Vec<u8> {
    let mut w = Vec::new();
    w.extend_from_slice(&MANIFEST_MAGIC);
    put_u32(&mut w, MANIFEST_VERSION);
    w.extend_from_slice(&m.generation.to_le_bytes());
    put_u32(&mut w, m.segments.len() as u32);
    for s in &m.segments {
        w.extend_from_slice(&s.id.to_le_bytes());
        w.extend_from_slice(&s.file_len.to_le_bytes());
        put_u32(&mut w, s.header_crc);
        put_u32(&mut w, s.dead.len() as u32);
        s.dead.iter().for_each(|d| put_u32(&mut w, *d));
    }
    put_u32(&mut w, m.failed.len() as u32);
    for f in &m.failed {
        put_path(&mut w, &f.path);
        w.extend_from_slice(&f.size.to_le_bytes());
        w.extend_from_slice(&stamp(f.modified).to_le_bytes());
        put_problem(&mut w, &f.problem);
    }
    put_folders(&mut w, m.folders.as_ref());
    let crc = crc32fast::hash(&w);
    put_u32(&mut w, crc);
    w
}

/// The manifest, or what is wrong with it.
/// The generation a manifest's first bytes say, checked no further: enough
/// to tell whether another dubao committed since (`decode_manifest` checks
/// the whole when it is read).
pub(super) fn manifest_generation(head: &[u8]) -> Option<u64> {
    let generation = head.get(12..20)?.try_into().ok().map(u64::from_le_bytes)?;
    (head[0..8] == MANIFEST_MAGIC).then_some(generation)
}

pub(super) fn decode_manifest(b: &[u8]) -> Result<Manifest, String> {
    if b.len() < 16 || b[0..8] != MANIFEST_MAGIC {
        return Err("not a dubao index".into());
    }
    let version = u32::from_le_bytes(b[8..12].try_into().unwrap_or_default());
    if version != MANIFEST_VERSION {
        return Err(format!("index version {version} (this dubao writes {MANIFEST_VERSION})"));
    }
    let (body, crc) = b.split_at(b.len() - 4);
    if crc32fast::hash(body) != u32::from_le_bytes(crc.try_into().unwrap_or_default()) {
        return Err("manifest checksum mismatch".into());
    }
    let bad = || "manifest does not add up".to_string();
    let mut r = Reader(&body[12..]);
    let generation = r.u64().ok_or_else(bad)?;
    let n = r.u32().ok_or_else(bad)? as usize;
    let mut segments = Vec::with_capacity(n.min(body.len() / 24));
    for _ in 0..n {
        let (id, file_len, header_crc) = (r.u64(), r.u64(), r.u32());
        let dead_n = r.u32().ok_or_else(bad)? as usize;
        let dead = (0..dead_n).map(|_| r.u32()).collect::<Option<Vec<u32>>>().ok_or_else(bad)?;
        let (Some(id), Some(file_len), Some(header_crc)) = (id, file_len, header_crc) else { return Err(bad()) };
        segments.push(Listed { id, file_len, header_crc, dead });
    }
    let n = r.u32().ok_or_else(bad)? as usize;
    let mut failed = Vec::with_capacity(n.min(body.len() / 16));
    for _ in 0..n {
        let f = (|| {
            Some(Failed { path: r.path()?, size: r.u64()?, modified: unstamp(r.i128()?)?, problem: r.problem()? })
        })();
        failed.push(f.ok_or_else(bad)?);
    }
    let folders = take_folders(&mut r).ok_or_else(bad)?;
    if !r.0.is_empty() {
        return Err(bad());
    }
    Ok(Manifest { generation, segments, failed, folders })
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

/// The problems with nothing more to say, kinds 5 on in the manifest.
const PLAIN_PROBLEMS: [Problem; 8] = [
    Problem::NotFound,
    Problem::PermissionDenied,
    Problem::IsDirectory,
    Problem::Directory,
    Problem::NotRegular,
    Problem::NotADirectory,
    Problem::NoIssues,
    Problem::LinkLoop,
];

fn put_problem(w: &mut Vec<u8>, p: &Problem) {
    if let Some(k) = PLAIN_PROBLEMS.iter().position(|u| u == p) {
        w.push(5 + k as u8);
        return;
    }
    let n = |w: &mut Vec<u8>, n: usize| w.extend_from_slice(&(n as u64).to_le_bytes());
    match p {
        Problem::Decode(DecodeError::NotText(NotText::Binary { nuls, at })) => {
            w.push(1);
            n(w, *nuls);
            n(w, *at);
        }
        Problem::Decode(DecodeError::NotText(NotText::Garbled { bad, total })) => {
            w.push(2);
            n(w, *bad);
            n(w, *total);
        }
        Problem::Decode(DecodeError::Unreadable(why)) => {
            w.push(3);
            put_bytes(w, why.as_bytes());
        }
        Problem::TooLarge { len, ext, mb } => {
            w.push(4);
            w.extend_from_slice(&len.to_le_bytes());
            put_bytes(w, ext.as_bytes());
            w.extend_from_slice(&mb.to_le_bytes());
        }
        other => {
            w.push(0);
            put_bytes(w, other.to_string().as_bytes());
        }
    }
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
    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    fn problem(&mut self) -> Option<Problem> {
        Some(match self.u8()? {
            0 => Problem::Other(self.string()?),
            1 => Problem::Decode(DecodeError::NotText(NotText::Binary { nuls: self.usize()?, at: self.usize()? })),
            2 => Problem::Decode(DecodeError::NotText(NotText::Garbled { bad: self.usize()?, total: self.usize()? })),
            3 => Problem::Decode(DecodeError::Unreadable(self.string()?)),
            4 => Problem::TooLarge { len: self.u64()?, ext: self.string()?, mb: self.u64()? },
            k => PLAIN_PROBLEMS.get(usize::from(k).checked_sub(5)?)?.clone(),
        })
    }

    fn issue(&mut self, text_len: u64, titles: &mut crate::library::name::Shared) -> Option<IssueMeta> {
        let path = crate::library::name::FilePath::new(self.path()?);
        let size = self.u64()?;
        let modified = unstamp(self.i128()?)?;
        let title = titles.get(std::str::from_utf8(self.bytes()?).ok()?);
        let (year, month, day) = (i16::from_le_bytes(self.take(2)?.try_into().ok()?), self.u8()?, self.u8()?);
        let date = if year == 0 { None } else { Some(jiff::civil::Date::new(year, month as i8, day as i8).ok()?) };
        let (start, len, crc) = (self.u64()?, self.u64()?, self.u32()?);
        let articles = self.u32()? as usize;
        if start.checked_add(len)? > text_len || (articles as u64).checked_mul(HEAD_ENTRY as u64)? > len {
            return None;
        }
        Some(IssueMeta { path, title, date, articles, size, modified, start, len, crc })
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
        let h = Header { id: 7, text_len: 123, meta_len: 45, meta_crc: 99, dict_count: 3, postings_len: 8 };
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
    fn the_manifest_round_trips_and_detects_damage() {
        let m = Manifest {
            generation: 5,
            segments: vec![Listed { id: 1, file_len: 1000, header_crc: 3, dead: vec![2, 9] }],
            failed: vec![Failed {
                path: "/x/scan.txt".into(),
                size: 4,
                modified: UNIX_EPOCH + Duration::new(5, 0),
                problem: Problem::Decode(DecodeError::NotText(NotText::Binary { nuls: 9, at: 3 })),
            }],
            folders: Some(Folders {
                taken: 1_700_000_000_000_000_000,
                roots: vec!["/x".into()],
                seen: vec![Seen { path: "/x/2024".into(), mtime: -3, ctime: 4, inode: 77, issue: true }],
            }),
        };
        let b = encode_manifest(&m);
        assert_eq!(decode_manifest(&b), Ok(m));
        for i in 0..b.len() {
            let mut bad = b.clone();
            bad[i] ^= 0x04;
            assert!(decode_manifest(&bad).is_err(), "byte {i}");
        }
        for cut in 0..b.len() {
            assert!(decode_manifest(&b[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_record_head_round_trips() {
        let shapes = [
            Shape { id: 0xabc, kicker: true, decks: 2, byline: false, blocks: 9, attribution: true, len: 3 },
            Shape { id: 1, kicker: false, decks: 0, byline: true, blocks: 1, attribution: false, len: 2 },
        ];
        let mut record = Vec::new();
        encode_record(&shapes, b"ab\nc\n", &mut record);
        let head = decode_head(&record[..2 * HEAD_ENTRY]).unwrap();
        assert_eq!(head.iter().map(|s| s.shape).collect::<Vec<_>>(), shapes);
        assert_eq!(head[1].crc, crc32fast::hash(b"c\n"));
        assert_eq!(&record[2 * HEAD_ENTRY..], b"ab\nc\n");
        assert_eq!(decode_head(&record[..HEAD_ENTRY + 1]), None);
    }

    #[test]
    fn stamps_round_trip_before_and_after_1970() {
        for t in [UNIX_EPOCH + Duration::new(1_700_000_000, 123), UNIX_EPOCH - Duration::new(5, 7), UNIX_EPOCH] {
            assert_eq!(unstamp(stamp(t)), Some(t));
        }
    }
}
