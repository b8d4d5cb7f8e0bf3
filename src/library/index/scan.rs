//! Searching the index: the phrase's grams are looked up in every segment
//! and their postings intersected, which leaves the issues that may match
//! without reading any text; only those issues' text is read (checked
//! against its CRC) and searched with the matcher, so the answer is exactly
//! what reading every issue would give. A phrase of one character has no
//! gram: every issue is read. Issues are checked on every core and their
//! hits passed on newest issue first, then in reading order.

use super::format::IssueMeta;
use super::grams;
use super::segment::Damaged;
use super::{Index, order_key};
use crate::library::archive::{ArchiveHit, HitIssue, Matcher, SearchStats, resolve};
use crate::library::pool::{run_indexed, workers};
use std::sync::atomic::{AtomicBool, Ordering};

/// Issues checked per work item: enough to keep the threads' hand-over cheap.
const BATCH: usize = 16;

impl Index {
    /// Searches the indexed text for `query`: each matching article once,
    /// newest issue first and in reading order within an issue, calling
    /// `on_hit` as hits are found; stops when `cancel` is set or `on_hit`
    /// returns false. Matching is the matcher's (`archive::Matcher`,
    /// folding as `library::fold` does).
    pub fn search(&self, query: &str, on_hit: &mut dyn FnMut(ArchiveHit) -> bool, cancel: &AtomicBool) -> SearchStats {
        let live = self.segments.iter().flat_map(|p| p.live().map(|(_, m)| m.len));
        let (issues, bytes) = live.fold((0, 0), |(n, b), len| (n + 1, b + len));
        let mut stats = SearchStats { issues, bytes, ..SearchStats::default() };
        let Some(m) = Matcher::new(query) else { return stats };
        let Ok(candidates) = self.candidates(query) else {
            self.found_damaged(&mut stats);
            return stats;
        };
        let batches: Vec<&[(usize, usize)]> = candidates.chunks(BATCH).collect();
        let check = |buf: &mut Vec<u8>, b: usize| self.check(batches[b], &m, buf);
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
                        return false;
                    }
                }
            }
            true
        });
        stats.stopped = !complete && !stats.damaged;
        stats
    }

    fn found_damaged(&self, stats: &mut SearchStats) {
        stats.damaged = true;
        self.damaged.store(true, Ordering::Relaxed);
    }

    /// The live issues (segment, ordinal) holding every gram of `query`,
    /// newest first across segments.
    fn candidates(&self, query: &str) -> Result<Vec<(usize, usize)>, Damaged> {
        let grams = grams::of_phrase(query);
        let mut per_segment: Vec<Vec<usize>> = Vec::with_capacity(self.segments.len());
        let mut list = Vec::new();
        for part in &self.segments {
            let Some(grams) = &grams else {
                per_segment.push(part.live().map(|(k, _)| k).collect());
                continue;
            };
            let mut lists: Vec<Vec<u32>> = Vec::with_capacity(grams.len());
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
            per_segment.push(acc.into_iter().map(|k| k as usize).filter(|&k| !part.dead[k]).collect());
        }
        Ok(self.merged(per_segment))
    }

    /// Each segment's issues (newest first) merged into one newest-first list.
    fn merged(&self, per_segment: Vec<Vec<usize>>) -> Vec<(usize, usize)> {
        let meta = |s: usize, k: usize| -> &IssueMeta { &self.segments[s].segment.issues[k] };
        let total = per_segment.iter().map(Vec::len).sum();
        let mut out = Vec::with_capacity(total);
        let mut at = vec![0usize; per_segment.len()];
        while out.len() < total {
            let mut best: Option<usize> = None;
            for (s, list) in per_segment.iter().enumerate() {
                let Some(&k) = list.get(at[s]) else { continue };
                if best.is_none_or(|b| order_key(meta(s, k)) < order_key(meta(b, per_segment[b][at[b]]))) {
                    best = Some(s);
                }
            }
            let Some(s) = best else { break };
            out.push((s, per_segment[s][at[s]]));
            at[s] += 1;
        }
        out
    }

    /// Reads and searches a batch of issues: the hits of each that matches.
    fn check(&self, batch: &[(usize, usize)], m: &Matcher, buf: &mut Vec<u8>) -> Result<Vec<Vec<ArchiveHit>>, Damaged> {
        let mut found = Vec::new();
        for &(s, k) in batch {
            let segment = &self.segments[s].segment;
            segment.text(k, buf)?;
            let issue = &segment.issues[k];
            let info = HitIssue { path: &issue.path, title: &issue.title, date: issue.date, shapes: &issue.shapes };
            let mut hits = Vec::new();
            if !resolve(m, buf, &info, &mut hits) {
                return Err(Damaged);
            }
            if !hits.is_empty() {
                found.push(hits);
            }
        }
        Ok(found)
    }
}
