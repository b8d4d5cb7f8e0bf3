//! One segment: a set of issues' text, their meta and the postings of their
//! grams, written once (to a file, or in memory where the cache can't be
//! written) and read by small checked reads. See `format.rs` for the bytes.

use super::format::{self, HEAD_ENTRY, HEADER_LEN, Header, IssueMeta, Stored};
use super::grams::{Articles, Distinct, Gram};
use super::postings::{self, CHUNK, ENTRY, Entry, Gather, Posting};
use super::rw::{crash_point, read_exact_at, write_all_at};
use crate::library::name;
use crate::model::newest_first;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

/// A segment's file name in the index directory.
pub(super) fn file_name(id: u64) -> String {
    format!("seg-{id:016x}.dx")
}

/// Segments open in this process, by directory and id. The reader's
/// librarian and its searcher each hold an index of the same directory,
/// and a segment's meta (every issue's path, title and article shapes) is
/// most of an index's memory — over 100,000 issues some 45 MB — so they
/// share each segment rather than decode it twice. A segment file never
/// changes once written (a change is a new segment), so one found here by
/// its id, length and header CRC is the one on disk.
static OPEN: Mutex<Vec<(PathBuf, u64, Weak<Segment>)>> = Mutex::new(Vec::new());

/// Segment `id` in `dir`, shared with any other index of this process
/// that has it open.
pub(super) fn open_shared(dir: &Path, id: u64, file_len: u64, header_crc: u32) -> Result<Arc<Segment>, String> {
    let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
    open.retain(|(_, _, w)| w.strong_count() > 0);
    let same = |s: &Arc<Segment>| s.file_len == file_len && s.header_crc == header_crc;
    let found = open.iter().filter(|(d, i, _)| *i == id && d == dir).find_map(|(_, _, w)| w.upgrade());
    if let Some(s) = found.filter(same) {
        return Ok(s);
    }
    let s = Arc::new(Segment::open_file(dir, id)?);
    open.push((dir.to_path_buf(), id, Arc::downgrade(&s)));
    Ok(s)
}

/// A segment just written to `dir` (or kept in memory), to be shared.
pub(super) fn shared(dir: Option<&Path>, segment: Segment) -> Arc<Segment> {
    let s = Arc::new(segment);
    if let Some(dir) = dir.filter(|_| !s.in_memory()) {
        let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        open.retain(|(_, _, w)| w.strong_count() > 0);
        open.push((dir.to_path_buf(), s.header.id, Arc::downgrade(&s)));
    }
    s
}

/// Where a segment's bytes are.
pub(super) enum Bytes {
    Disk(File),
    Memory(Vec<u8>),
}

impl Bytes {
    pub fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        match self {
            Bytes::Disk(f) => read_exact_at(f, buf, offset),
            Bytes::Memory(v) => {
                let src = usize::try_from(offset).ok().and_then(|s| v.get(s..s.checked_add(buf.len())?));
                buf.copy_from_slice(src.ok_or(io::ErrorKind::UnexpectedEof)?);
                Ok(())
            }
        }
    }
}

/// A segment open for reading.
pub(super) struct Segment {
    pub header: Header,
    pub header_crc: u32,
    pub file_len: u64,
    bytes: Bytes,
    /// Newest first.
    pub issues: Vec<IssueMeta>,
    chunks: Vec<(Gram, u32)>,
}

/// Some articles of an issue, read.
pub(super) struct Picked {
    /// Every article, as the issue's head has it.
    pub head: Vec<Stored>,
    /// The articles read: each one's place and its text's range in the buffer.
    pub read: Vec<(usize, std::ops::Range<usize>)>,
}

/// Damage: a read failed or a checksum did not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Damaged;

impl Segment {
    /// Opens segment bytes, checking the header, the length and the meta.
    pub fn open(bytes: Bytes, file_len: u64) -> Result<Segment, String> {
        let mut head = [0u8; HEADER_LEN as usize];
        bytes.read_at(&mut head, 0).map_err(|_| "truncated segment".to_string())?;
        let header = Header::decode(&head)?;
        if header.file_len() != Some(file_len) {
            return Err(format!("segment of {file_len} bytes where its header says otherwise"));
        }
        let meta_len = usize::try_from(header.meta_len).map_err(|_| "meta too large".to_string())?;
        let mut meta = vec![0u8; meta_len];
        bytes.read_at(&mut meta, HEADER_LEN + header.text_len).map_err(|e| e.to_string())?;
        if crc32fast::hash(&meta) != header.meta_crc {
            return Err("segment meta checksum mismatch".into());
        }
        let meta = format::decode_meta(&meta, header.text_len).ok_or("segment meta does not fit its text")?;
        if meta.chunks.len() != (header.dict_count as usize).div_ceil(CHUNK) {
            return Err("segment dictionary does not fit its meta".into());
        }
        let header_crc = u32::from_le_bytes(head[60..64].try_into().unwrap_or_default());
        Ok(Segment { header, header_crc, file_len, bytes, issues: meta.issues, chunks: meta.chunks })
    }

    /// Opens the segment file `id` in `dir`.
    pub fn open_file(dir: &Path, id: u64) -> Result<Segment, String> {
        let path = dir.join(file_name(id));
        let file = File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let len = file.metadata().map_err(|e| e.to_string())?.len();
        Segment::open(Bytes::Disk(file), len)
    }

    /// Issue `k`'s record (head, then text) into `buf`, every part
    /// checked: every article read.
    pub fn record(&self, k: usize, buf: &mut Vec<u8>) -> Result<Picked, Damaged> {
        let issue = &self.issues[k];
        buf.resize(usize::try_from(issue.len).map_err(|_| Damaged)?, 0);
        self.bytes.read_at(buf, HEADER_LEN + issue.start).map_err(|_| Damaged)?;
        let head_len = buf.len().min(issue.articles * HEAD_ENTRY);
        if crc32fast::hash(&buf[..head_len]) != issue.crc {
            return Err(Damaged);
        }
        let (head, ranges) = format::split_record(buf, issue.articles).ok_or(Damaged)?;
        if head.iter().zip(&ranges).any(|(a, r)| crc32fast::hash(&buf[r.clone()]) != a.crc) {
            return Err(Damaged);
        }
        Ok(Picked { head, read: ranges.into_iter().enumerate().collect() })
    }

    /// Issue `k`'s articles that `wanted` names, their texts one after
    /// another into `buf`, each checked. Articles side by side are read in
    /// one go.
    pub fn articles(&self, k: usize, wanted: Articles, buf: &mut Vec<u8>) -> Result<Picked, Damaged> {
        let issue = &self.issues[k];
        let mut head = vec![0u8; issue.articles * HEAD_ENTRY];
        self.bytes.read_at(&mut head, HEADER_LEN + issue.start).map_err(|_| Damaged)?;
        let head = self.checked_head(k, &head)?;
        // Each wanted article's place in the record.
        let mut at = head.len() as u64 * HEAD_ENTRY as u64;
        let mut picked = Vec::new();
        for (a, stored) in head.iter().enumerate() {
            let len = u64::from(stored.shape.len);
            if wanted & super::grams::article_bit(a) != 0 {
                picked.push((a, at..at + len));
            }
            at += len;
        }
        if at != issue.len {
            return Err(Damaged);
        }
        buf.clear();
        let mut read = Vec::with_capacity(picked.len());
        let mut run = 0;
        while run < picked.len() {
            // A run of articles that lie together.
            let mut end = run + 1;
            while end < picked.len() && picked[end].1.start == picked[end - 1].1.end {
                end += 1;
            }
            let (from, to) = (picked[run].1.start, picked[end - 1].1.end);
            let base = buf.len();
            buf.resize(base + usize::try_from(to - from).map_err(|_| Damaged)?, 0);
            self.bytes.read_at(&mut buf[base..], HEADER_LEN + issue.start + from).map_err(|_| Damaged)?;
            for (a, range) in &picked[run..end] {
                let (s, e) = (base + (range.start - from) as usize, base + (range.end - from) as usize);
                if crc32fast::hash(&buf[s..e]) != head[*a].crc {
                    return Err(Damaged);
                }
                read.push((*a, s..e));
            }
            run = end;
        }
        Ok(Picked { head, read })
    }

    /// Issue `k`'s head, decoded if it is what the meta's CRC says.
    fn checked_head(&self, k: usize, bytes: &[u8]) -> Result<Vec<Stored>, Damaged> {
        if crc32fast::hash(bytes) != self.issues[k].crc {
            return Err(Damaged);
        }
        format::decode_head(bytes).ok_or(Damaged)
    }

    fn dict_at(&self) -> u64 {
        HEADER_LEN + self.header.text_len + self.header.meta_len
    }

    /// Dictionary chunk `c`, checked.
    fn chunk(&self, c: usize, buf: &mut Vec<u8>) -> Result<(), Damaged> {
        let first = c * CHUNK;
        let n = (self.header.dict_count as usize - first).min(CHUNK);
        buf.resize(n * ENTRY, 0);
        self.bytes.read_at(buf, self.dict_at() + (first * ENTRY) as u64).map_err(|_| Damaged)?;
        if crc32fast::hash(buf) != self.chunks[c].1 {
            return Err(Damaged);
        }
        Ok(())
    }

    /// The issues (ordinals, ascending) whose text holds `gram`, each with
    /// the articles that do.
    pub fn postings(&self, gram: Gram, out: &mut Vec<Posting>) -> Result<(), Damaged> {
        out.clear();
        let c = self.chunks.partition_point(|&(first, _)| first <= gram);
        if c == 0 {
            return Ok(());
        }
        let mut buf = Vec::new();
        self.chunk(c - 1, &mut buf)?;
        let entries: Vec<Entry> = buf.chunks_exact(ENTRY).map(Entry::decode).collect::<Option<_>>().ok_or(Damaged)?;
        let Ok(k) = entries.binary_search_by_key(&gram, |e| e.gram) else { return Ok(()) };
        let e = entries[k];
        if e.offset.checked_add(u64::from(e.len)).is_none_or(|end| end > self.header.postings_len) {
            return Err(Damaged);
        }
        let mut list = vec![0u8; e.len as usize];
        let at = self.dict_at() + u64::from(self.header.dict_count) * ENTRY as u64 + e.offset;
        self.bytes.read_at(&mut list, at).map_err(|_| Damaged)?;
        if crc32fast::hash(&list) != e.crc {
            return Err(Damaged);
        }
        postings::decode(&list, e.count, out).ok_or(Damaged)?;
        if out.last().is_some_and(|&(n, _)| n as usize >= self.issues.len()) {
            return Err(Damaged);
        }
        Ok(())
    }

    /// The bytes on disk, or in memory.
    pub fn in_memory(&self) -> bool {
        matches!(self.bytes, Bytes::Memory(_))
    }
}

/// Builds a segment: text as it comes, then the meta (issues newest
/// first), the dictionary and the postings. On disk it is written under a
/// temporary name and renamed to its own when whole; it counts only once a
/// manifest lists it.
pub(super) struct Builder {
    id: u64,
    sink: Sink,
    text_len: u64,
    issues: Vec<IssueMeta>,
    gather: Gather,
    distinct: Distinct,
}

enum Sink {
    Disk { out: BufWriter<File>, temp: PathBuf, dir: PathBuf },
    Memory(Vec<u8>),
}

impl Builder {
    /// A builder for segment `id` in `dir`, or in memory with no `dir`.
    pub fn new(dir: Option<&Path>, id: u64) -> io::Result<Builder> {
        let sink = match dir {
            Some(dir) => {
                let temp = dir.join(format!("{}{}", super::rw::TEMP_PREFIX, file_name(id)));
                let mut file = OpenOptions::new().read(true).write(true).create_new(true).open(&temp)?;
                file.write_all(&[0u8; HEADER_LEN as usize])?;
                Sink::Disk { out: BufWriter::with_capacity(1 << 20, file), temp, dir: dir.to_path_buf() }
            }
            None => Sink::Memory(vec![0u8; HEADER_LEN as usize]),
        };
        let (gather, distinct) = (Gather::default(), Distinct::default());
        Ok(Builder { id, sink, text_len: 0, issues: Vec::new(), gather, distinct })
    }

    /// Adds an issue: its meta (start, length and CRC are set here) and its
    /// record (`format::encode_record`), whole and checked.
    pub fn add(&mut self, meta: IssueMeta, record: &[u8]) -> io::Result<()> {
        let mut distinct = std::mem::take(&mut self.distinct);
        let grams = grams_of(record, meta.articles, &mut distinct);
        let result = match grams {
            Some(grams) => self.add_with_grams(meta, record, grams),
            None => Err(io::Error::new(io::ErrorKind::InvalidData, "an issue's record does not fit its head")),
        };
        self.distinct = distinct;
        result
    }

    /// Adds an issue whose distinct grams (sorted, each with its articles)
    /// are already known.
    pub fn add_with_grams(&mut self, mut meta: IssueMeta, record: &[u8], grams: &[(Gram, Articles)]) -> io::Result<()> {
        let head = record.get(..meta.articles * HEAD_ENTRY).ok_or(io::ErrorKind::InvalidData)?;
        meta.crc = crc32fast::hash(head);
        match &mut self.sink {
            Sink::Disk { out, .. } => out.write_all(record)?,
            Sink::Memory(v) => v.extend_from_slice(record),
        }
        meta.start = self.text_len;
        meta.len = record.len() as u64;
        self.text_len += meta.len;
        self.gather.add(self.issues.len() as u32, grams);
        self.issues.push(meta);
        Ok(())
    }

    /// Roughly how much memory the postings hold.
    pub fn postings_bytes(&self) -> usize {
        self.gather.bytes
    }

    /// Writes the rest and returns the segment, open.
    pub fn finish(self) -> io::Result<Segment> {
        let Builder { id, sink, text_len, mut issues, gather, .. } = self;
        // Newest first; postings follow the issues to their places.
        let mut order: Vec<u32> = (0..issues.len() as u32).collect();
        order.sort_by_cached_key(|&k| {
            let m = &issues[k as usize];
            newest_first(m.date, m.title.clone(), name::of_path(&m.path))
        });
        let sorted = order.windows(2).all(|w| w[0] < w[1]);
        let mut place = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            place[old as usize] = new as u32;
        }
        let lists = gather.finish((!sorted).then_some(place.as_slice()));
        let mut taken: Vec<Option<IssueMeta>> = issues.drain(..).map(Some).collect();
        let issues: Vec<IssueMeta> = order.iter().filter_map(|&k| taken[k as usize].take()).collect();
        let (dict, chunks, postings_len) = dictionary(&lists);
        let meta = format::encode_meta(&issues, &chunks);
        let header = Header {
            id,
            text_len,
            meta_len: meta.len() as u64,
            meta_crc: crc32fast::hash(&meta),
            dict_count: lists.len() as u32,
            postings_len,
        };
        let bytes = match sink {
            Sink::Disk { mut out, temp, dir } => {
                let written = (|| -> io::Result<File> {
                    out.write_all(&meta)?;
                    out.write_all(&dict)?;
                    for (_, _, list) in &lists {
                        out.write_all(list)?;
                    }
                    let file = out.into_inner().map_err(|e| e.into_error())?;
                    write_all_at(&file, &header.encode(), 0)?;
                    crash_point();
                    fs::rename(&temp, dir.join(file_name(id)))?;
                    Ok(file)
                })();
                if written.is_err() {
                    let _ = fs::remove_file(&temp);
                }
                Bytes::Disk(written?)
            }
            Sink::Memory(mut v) => {
                v.extend_from_slice(&meta);
                v.extend_from_slice(&dict);
                lists.iter().for_each(|(_, _, list)| v.extend_from_slice(list));
                v[..HEADER_LEN as usize].copy_from_slice(&header.encode());
                Bytes::Memory(v)
            }
        };
        let file_len = header.file_len().unwrap_or(0);
        Segment::open(bytes, file_len).map_err(io::Error::other)
    }

    /// Gives up: the temporary file goes.
    pub fn abandon(self) {
        if let Sink::Disk { temp, out, .. } = self.sink {
            drop(out);
            let _ = fs::remove_file(temp);
        }
    }
}

/// The distinct grams (sorted, each with its articles) of an issue's
/// record of `articles` articles: each element's, none across an
/// element's end. `None` if the record does not fit its head.
pub(super) fn grams_of<'d>(
    record: &[u8],
    articles: usize,
    distinct: &'d mut Distinct,
) -> Option<&'d [(Gram, Articles)]> {
    distinct.clear();
    let (head, ranges) = format::split_record(record, articles)?;
    for (a, (stored, range)) in head.iter().zip(ranges).enumerate() {
        distinct.add_encoded(&record[range], stored.shape.element_count(), a);
    }
    Some(distinct.sorted())
}

/// The dictionary's bytes, its chunks' first grams and CRCs, and the
/// postings' length (the lists follow one another).
fn dictionary(lists: &[(Gram, u32, Vec<u8>)]) -> (Vec<u8>, Vec<(Gram, u32)>, u64) {
    let mut dict = Vec::with_capacity(lists.len() * ENTRY);
    let mut offset = 0u64;
    for (gram, count, bytes) in lists {
        let entry = Entry { gram: *gram, offset, count: *count, len: bytes.len() as u32, crc: crc32fast::hash(bytes) };
        entry.encode(&mut dict);
        offset += bytes.len() as u64;
    }
    let chunks = dict
        .chunks(CHUNK * ENTRY)
        .map(|c| (u64::from_le_bytes(c[..8].try_into().unwrap_or_default()), crc32fast::hash(c)))
        .collect();
    (dict, chunks, offset)
}
