//! Searching the index: the text is streamed in 1 MiB blocks by every core
//! (never read whole, never mapped), each block checked against its
//! checksum and searched with the block's first `needle - 1` bytes of the
//! next one appended, so a match across the cut is found by the block it
//! starts in. A match only says "this issue"; the issue is then split into
//! articles and each article's first match becomes a hit. Blocks finish
//! out of order; hits are passed on in index order (newest issue first).

use super::Index;
use super::format::{BLOCK, IssueMeta};
use crate::library::archive::{ArchiveHit, HitIssue, Matcher, SearchStats, resolve};
use crate::library::pool::{run_indexed, workers};
use std::sync::atomic::{AtomicBool, Ordering};

/// What a block gave: each matching issue's hits, in order; or damage.
type BlockHits = Result<Vec<(usize, Vec<ArchiveHit>)>, ()>;

impl Index {
    /// Searches the indexed text for `query`: each matching article once,
    /// newest issue first and in reading order within an issue, calling
    /// `on_hit` as hits are found; stops when `cancel` is set or `on_hit`
    /// returns false. Matching is as `library::find` does it, except
    /// that only ASCII letters match regardless of case.
    pub fn search(&self, query: &str, on_hit: &mut dyn FnMut(ArchiveHit) -> bool, cancel: &AtomicBool) -> SearchStats {
        let mut stats = SearchStats { issues: self.issues.len(), bytes: self.text_len, ..SearchStats::default() };
        let Some(m) = Matcher::new(query) else { return stats };
        let n = self.blocks.len();
        if n == 0 {
            return stats;
        }
        let mut last_issue = None;
        let scan = |(buf, scratch): &mut (Vec<u8>, Vec<u8>), k: usize| self.scan_block(k, &m, buf, scratch);
        let init = || (Vec::with_capacity(BLOCK + m.len()), Vec::new());
        // Blocks come in order, each issue's hits newest first.
        let complete = run_indexed(n, 2 * workers(), cancel, init, scan, |_, hits: BlockHits| {
            let Ok(issues) = hits else {
                stats.damaged = true;
                self.damaged.store(true, Ordering::Relaxed);
                return false;
            };
            for (issue, hits) in issues {
                // An issue across a block boundary may match in both blocks.
                if last_issue == Some(issue) {
                    continue;
                }
                last_issue = Some(issue);
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

    /// Reads block `k` (plus the overlap), checks it, and resolves every
    /// issue with a match starting in it.
    fn scan_block(&self, k: usize, m: &Matcher, buf: &mut Vec<u8>, scratch: &mut Vec<u8>) -> BlockHits {
        let start = (k * BLOCK) as u64;
        let end = (start + BLOCK as u64).min(self.text_len);
        let with_overlap = (end + m.len() as u64 - 1).min(self.text_len);
        buf.resize((with_overlap - start) as usize, 0);
        self.text.read_at(buf, start).map_err(|_| ())?;
        let own = (end - start) as usize;
        if crc32fast::hash(&buf[..own]) != self.blocks[k] {
            return Err(());
        }
        let mut found = Vec::new();
        let mut pos = 0;
        while pos < own {
            let Some(at) = m.find(&buf[pos..]).map(|p| pos + p) else { break };
            if at >= own {
                break;
            }
            let i = self.issues.partition_point(|x| x.start <= start + at as u64) - 1;
            let issue = &self.issues[i];
            let (from, to) = (issue.start, issue.start + issue.len);
            // Only bytes this block checked are taken from the buffer.
            let text = if from >= start && to <= end {
                &buf[(from - start) as usize..(to - start) as usize]
            } else {
                scratch.resize(issue.len as usize, 0);
                self.text.read_at(scratch, from).map_err(|_| ())?;
                &scratch[..]
            };
            let mut hits = Vec::new();
            if crc32fast::hash(text) != issue.crc || !resolve(m, text, &info(issue), &mut hits) {
                return Err(());
            }
            if !hits.is_empty() {
                found.push((i, hits));
            }
            pos = (to - start).min(own as u64) as usize;
        }
        Ok(found)
    }
}

fn info(issue: &IssueMeta) -> HitIssue<'_> {
    HitIssue { path: &issue.path, title: &issue.title, date: issue.date, shapes: &issue.shapes }
}
