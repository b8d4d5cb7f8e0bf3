//! Searching the index: the phrase's grams are looked up in every segment
//! and their postings intersected, which leaves the articles that may match
//! without reading any text; only those articles' text is read (checked
//! against its CRC) and searched with the matcher, so the answer is exactly
//! what reading every issue would give. A phrase of one character has no
//! gram: every article is read. Issues are checked on every core and their
//! hits passed on newest issue first, then in reading order.

use super::grams::{self, Articles, article_bit};
use super::postings::Posting;
use super::segment::Damaged;
use super::{Index, order_key};
use crate::library::archive::{ArchiveHit, HitIssue, Matcher, SearchStats, resolve_article};
use crate::library::pool::{run_indexed, workers};
use std::sync::atomic::{AtomicBool, Ordering};

/// Issues checked per work item: enough to keep the threads' hand-over cheap.
const BATCH: usize = 64;

impl Index {
    /// Searches the indexed text for `query`: each matching article once,
    /// newest issue first and in reading order within an issue, calling
    /// `on_hit` as hits are found; stops when `cancel` is set or `on_hit`
    /// returns false. Matching is the matcher's (`archive::Matcher`,
    /// folding as `library::fold` does).
    pub fn search(&self, query: &str, on_hit: &mut dyn FnMut(ArchiveHit) -> bool, cancel: &AtomicBool) -> SearchStats {
        let live = self.live_issues().map(|m| m.len);
        let (issues, bytes) = live.fold((0, 0), |(n, b), len| (n + 1, b + len));
        let mut stats = SearchStats { issues, bytes, ..SearchStats::default() };
        let Some(m) = Matcher::new(query) else { return stats };
        let Ok(candidates) = self.candidates(query) else {
            self.found_damaged(&mut stats);
            return stats;
        };
        let batches: Vec<&[Candidate]> = candidates.chunks(BATCH).collect();
        let check = |buf: &mut Vec<u8>, b: usize| self.check(batches[b], &m, buf);
        let mut enough = false;
        let complete = run_indexed(batches.len(), 2 * workers(), cancel, Vec::new, check, |_, found| {
            let Ok(found) = found else {
                self.found_damaged(&mut stats);
                return false;
            };
            for hits in found {
                stats.matched_issues += 1;
                for hit in hits {
                    stats.hits += 1;
                    if !on_hit(hit) {
                        enough = true;
                        return false;
                    }
                }
            }
            true
        });
        stats.stopped = enough || (!complete && !stats.damaged);
        stats
    }

    fn found_damaged(&self, stats: &mut SearchStats) {
        stats.damaged = true;
        self.damaged.store(true, Ordering::Relaxed);
    }

    /// The live issues (segment, ordinal, articles) whose articles hold
    /// every gram of `query`, newest first across segments.
    fn candidates(&self, query: &str) -> Result<Vec<Candidate>, Damaged> {
        let grams = grams::of_phrase(query);
        let mut per_segment: Vec<Vec<(usize, Articles)>> = Vec::with_capacity(self.segments.len());
        let mut list = Vec::new();
        for part in &self.segments {
            let Some(grams) = &grams else {
                per_segment.push(part.live().map(|(k, _)| (k, ALL)).collect());
                continue;
            };
            let mut lists: Vec<Vec<Posting>> = Vec::with_capacity(grams.len());
            for &g in grams {
                part.segment.postings(g, &mut list)?;
                if list.is_empty() {
                    break;
                }
                lists.push(std::mem::take(&mut list));
            }
            if lists.len() < grams.len() {
                per_segment.push(Vec::new());
                continue;
            }
            lists.sort_by_key(Vec::len);
            let mut acc = lists[0].clone();
            for other in &lists[1..] {
                super::postings::intersect(&mut acc, other);
            }
            per_segment.push(acc.into_iter().map(|(k, a)| (k as usize, a)).filter(|&(k, _)| !part.dead[k]).collect());
        }
        Ok(self.merged(per_segment))
    }

    /// Each segment's issues (newest first) merged into one newest-first
    /// list. Each segment's next issue waits in a heap with its order key,
    /// so a key is made once per issue, not once per comparison.
    fn merged(&self, per_segment: Vec<Vec<(usize, Articles)>>) -> Vec<Candidate> {
        use std::cmp::Reverse;
        let key = |s: usize, at: usize| {
            per_segment[s].get(at).map(|&(k, _)| Reverse((order_key(&self.segments[s].segment.issues[k]), s)))
        };
        let mut out = Vec::with_capacity(per_segment.iter().map(Vec::len).sum());
        let mut at = vec![0usize; per_segment.len()];
        let mut heap: std::collections::BinaryHeap<_> = (0..per_segment.len()).filter_map(|s| key(s, 0)).collect();
        while let Some(Reverse((_, s))) = heap.pop() {
            let (k, articles) = per_segment[s][at[s]];
            out.push(Candidate { segment: s, issue: k, articles });
            at[s] += 1;
            heap.extend(key(s, at[s]));
        }
        out
    }

    /// Reads and searches a batch of issues: the hits of each that matches.
    fn check(&self, batch: &[Candidate], m: &Matcher, buf: &mut Vec<u8>) -> Result<Vec<Vec<ArchiveHit>>, Damaged> {
        let mut found = Vec::new();
        for c in batch {
            let segment = &self.segments[c.segment].segment;
            let issue = &segment.issues[c.issue];
            let info = HitIssue { path: &issue.path, title: &issue.title, date: issue.date };
            let mut hits = Vec::new();
            // Most of its articles (a phrase in every article): one read of
            // the whole record costs less than a read for each.
            let picked = if c.articles == ALL || c.articles.count_ones() as usize * 4 >= issue.articles {
                segment.record(c.issue, buf)?
            } else {
                segment.articles(c.issue, c.articles, buf)?
            };
            for (a, range) in picked.read.into_iter().filter(|&(a, _)| c.articles & article_bit(a) != 0) {
                if !resolve_article(m, &buf[range], &info, &picked.head[a].shape, &mut hits) {
                    return Err(Damaged);
                }
            }
            if !hits.is_empty() {
                found.push(hits);
            }
        }
        Ok(found)
    }
}

/// Every article of an issue.
const ALL: Articles = Articles::MAX;

/// An issue that may match, and which of its articles may.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    segment: usize,
    issue: usize,
    articles: Articles,
}
