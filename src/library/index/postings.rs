//! Postings: for each gram, the issues (ordinals in a segment, ascending)
//! whose text holds it, as varint deltas, each followed by which of its
//! articles hold it (a varint of [`Articles`] bits), so that a search reads
//! only those articles; and the dictionary that finds a gram's list on disk
//! without reading the rest.
//!
//! The dictionary is a sorted array of fixed entries (gram, where its list
//! is, how many, its CRC-32) cut into chunks of [`CHUNK`] entries; the
//! segment's meta keeps each chunk's first gram and CRC, so a lookup is one
//! binary search in memory, one read of a chunk (checked) and one read of
//! the list (checked). Written here rather than with `fst`: an FST is
//! searched in memory or through a map of the file, where this is searched
//! by two small reads, and its chunks carry the checksums the index needs
//! to tell damage from an answer.

use super::grams::{Articles, Gram};

/// One issue of a list: its ordinal and which of its articles hold the gram.
pub(crate) type Posting = (u32, Articles);

/// Entries per dictionary chunk.
pub(crate) const CHUNK: usize = 256;
/// Bytes per dictionary entry: gram u64, offset u64, count u32, length u32, CRC u32.
pub(crate) const ENTRY: usize = 28;

/// One dictionary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub gram: Gram,
    /// Where the list starts in the segment's postings.
    pub offset: u64,
    /// How many issues it lists.
    pub count: u32,
    pub len: u32,
    pub crc: u32,
}

impl Entry {
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.gram.to_le_bytes());
        out.extend_from_slice(&self.offset.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.crc.to_le_bytes());
    }

    pub fn decode(b: &[u8]) -> Option<Entry> {
        let u64_at = |i: usize| Some(u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?));
        let u32_at = |i: usize| Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?));
        Some(Entry { gram: u64_at(0)?, offset: u64_at(8)?, count: u32_at(16)?, len: u32_at(20)?, crc: u32_at(24)? })
    }
}

/// Appends `n` as a LEB128 varint.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let (mut n, mut shift) = (0u64, 0);
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(n);
        }
        shift += 7;
    }
}

/// Encodes an ascending list as ordinal deltas, each with its articles.
pub(crate) fn encode(list: &[Posting], out: &mut Vec<u8>) {
    let mut last = 0;
    for (k, &(n, articles)) in list.iter().enumerate() {
        put_varint(out, u64::from(if k == 0 { n } else { n - last }));
        put_varint(out, articles);
        last = n;
    }
}

/// Decodes `count` postings; `None` if the bytes don't hold exactly them,
/// ascending, each with some article (damage the CRC missed, or a bug).
pub(crate) fn decode(bytes: &[u8], count: u32, out: &mut Vec<Posting>) -> Option<()> {
    out.clear();
    out.reserve(count as usize);
    let (mut at, mut last) = (0, 0u32);
    for k in 0..count {
        let n = u32::try_from(take_varint(bytes, &mut at)?).ok()?;
        let articles = take_varint(bytes, &mut at).filter(|&a| a != 0)?;
        last = if k == 0 { n } else { last.checked_add(n).filter(|_| n > 0)? };
        out.push((last, articles));
    }
    (at == bytes.len()).then_some(())
}

/// Keeps in `acc` only the issues also in `other` (both ascending), and of
/// each only the articles both hold.
pub(crate) fn intersect(acc: &mut Vec<Posting>, other: &[Posting]) {
    let mut j = 0;
    acc.retain_mut(|(n, articles)| {
        // Gallop: `other` is often far longer than what is left.
        let mut step = 1;
        while j + step < other.len() && other[j + step].0 < *n {
            j += step;
            step *= 2;
        }
        j += other[j..(j + step + 1).min(other.len())].partition_point(|&(m, _)| m < *n);
        if j < other.len() && other[j].0 == *n {
            *articles &= other[j].1;
        } else {
            *articles = 0;
        }
        *articles != 0
    });
}

/// Postings being gathered in memory: each gram's list as varint deltas,
/// ordinals given in ascending order.
#[derive(Default)]
pub(crate) struct Gather {
    lists: fnv::FnvHashMap<Gram, List>,
    /// Bytes held, roughly.
    pub bytes: usize,
}

struct List {
    last: u32,
    count: u32,
    bytes: Vec<u8>,
}

impl Gather {
    /// Records that issue `ordinal` (greater than any before) holds `grams`
    /// in the articles given with each.
    pub fn add(&mut self, ordinal: u32, grams: &[(Gram, Articles)]) {
        for &(g, articles) in grams {
            let list = self.lists.entry(g).or_insert_with(|| {
                self.bytes += 48;
                List { last: 0, count: 0, bytes: Vec::new() }
            });
            let before = list.bytes.capacity();
            put_varint(&mut list.bytes, u64::from(if list.count == 0 { ordinal } else { ordinal - list.last }));
            put_varint(&mut list.bytes, articles);
            self.bytes += list.bytes.capacity() - before;
            list.last = ordinal;
            list.count += 1;
        }
    }

    /// Every gram's list, sorted by gram, as (gram, count, encoded), with
    /// ordinals mapped through `order` (an ordinal's new place; `None` when
    /// they stay as they are).
    pub fn finish(self, order: Option<&[u32]>) -> Vec<(Gram, u32, Vec<u8>)> {
        let mut out: Vec<(Gram, u32, Vec<u8>)> = self
            .lists
            .into_iter()
            .map(|(g, l)| match order {
                None => (g, l.count, l.bytes),
                Some(order) => {
                    let mut list = Vec::new();
                    let _ = decode(&l.bytes, l.count, &mut list);
                    list.iter_mut().for_each(|(n, _)| *n = order[*n as usize]);
                    list.sort_unstable();
                    let mut bytes = Vec::with_capacity(l.bytes.len());
                    encode(&list, &mut bytes);
                    (g, l.count, bytes)
                }
            })
            .collect();
        out.sort_unstable_by_key(|(g, _, _)| *g);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_and_damage_is_refused() {
        let list = [(0, 1), (1, 1 << 63), (5, 6), (300, 1), (70_000, u64::MAX), (70_001, 3), (u32::MAX, 1)];
        let mut bytes = Vec::new();
        encode(&list, &mut bytes);
        let mut out = Vec::new();
        assert_eq!(decode(&bytes, 7, &mut out), Some(()));
        assert_eq!(out, list);
        assert_eq!(decode(&bytes, 6, &mut out), None, "bytes left over");
        assert_eq!(decode(&bytes[..bytes.len() - 1], 7, &mut out), None);
        assert_eq!(decode(&[5, 1, 0, 1], 2, &mut out), None, "not ascending");
        assert_eq!(decode(&[5, 0], 1, &mut out), None, "no article");
    }

    #[test]
    fn intersecting_keeps_what_both_hold() {
        let mut a: Vec<Posting> = [1, 3, 5, 7, 9, 1000, 5000].map(|n| (n, 0b11)).to_vec();
        let b: Vec<Posting> = (0..6000).filter(|n| n % 3 == 0 || *n == 1000).map(|n| (n, 1 << (n % 2))).collect();
        intersect(&mut a, &b);
        assert_eq!(a, [(3, 0b10), (9, 0b10), (1000, 0b01)]);
        intersect(&mut a, &[(3, 0b01), (9, 0b10), (1000, 0b01)]);
        assert_eq!(a, [(9, 0b10), (1000, 0b01)], "no article in common: gone");
        intersect(&mut a, &[]);
        assert!(a.is_empty());
    }

    #[test]
    fn gathered_lists_come_sorted_by_gram_and_mapped() {
        let mut g = Gather::default();
        g.add(0, &[(7, 1), (3, 4)]);
        g.add(1, &[(3, 1)]);
        g.add(2, &[(3, 2), (9, 1)]);
        let lists = g.finish(Some(&[2, 1, 0]));
        let grams: Vec<Gram> = lists.iter().map(|l| l.0).collect();
        assert_eq!(grams, [3, 7, 9]);
        let mut out = Vec::new();
        decode(&lists[0].2, lists[0].1, &mut out).unwrap();
        assert_eq!(out, [(0, 2), (1, 1), (2, 4)]);
        decode(&lists[1].2, lists[1].1, &mut out).unwrap();
        assert_eq!(out, [(2, 1)]);
    }
}
