//! The one pool of worker threads the library uses: parsing files for the
//! index, looking at their sizes and times, scanning the index's blocks, and
//! searching files without an index all run through [`run_indexed`], with
//! the same way to stop (the caller says it has had enough) and to cancel
//! (a flag set from another thread, the reader's Esc).
//!
//! Written here rather than taken from rayon: the work needs its results on
//! the calling thread in order while the workers go on (the archive scan
//! hands hits on newest issue first as blocks finish out of order), the
//! workers kept only a few items ahead of it, and a cancel that stops them
//! between items — none of which rayon's iterators give without the same
//! code around them — and scoped threads over `0..n` are a page of code
//! with no global pool to start.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Threads for parsing and searching: every core, within reason.
pub(crate) fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8)
}

/// Runs `work(state, k)` for every `k` in `0..n` on up to [`workers`]
/// threads (each with its own `state`, made by `init`), and hands each
/// result to `take(k, result)` on the calling thread in order of `k`, as
/// soon as it and all before it are done; at most `ahead` finished results
/// wait to be taken. Stops early, with workers picking no new items, when
/// `take` returns false or `cancel` is set (looked at after each `take`).
/// Returns true when every result was taken.
pub(crate) fn run_indexed<S, T: Send>(
    n: usize,
    ahead: usize,
    cancel: &AtomicBool,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize) -> T + Sync,
    mut take: impl FnMut(usize, T) -> bool,
) -> bool {
    if n == 0 {
        return true;
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, T)>(ahead.max(1));
    std::thread::scope(|s| {
        for _ in 0..workers().min(n) {
            let tx = tx.clone();
            let (next, stop, init, work) = (&next, &stop, &init, &work);
            s.spawn(move || {
                let mut state = init();
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= n || stop.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    if tx.send((k, work(&mut state, k))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Results finished early wait here for those before them.
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut due = 0;
        'recv: for (k, result) in &rx {
            pending.insert(k, result);
            while let Some(result) = pending.remove(&due) {
                due += 1;
                // Cancelled: not one more result is taken.
                if !take(due - 1, result) || cancel.load(Ordering::Relaxed) && due < n {
                    break 'recv;
                }
            }
        }
        stop.store(true, Ordering::Relaxed);
        drop(rx);
        due == n
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_and_every_one_once() {
        let never = AtomicBool::new(false);
        let mut seen = Vec::new();
        let done = run_indexed(
            1000,
            4,
            &never,
            || 0u64,
            |calls, k| {
                *calls += 1;
                // Uneven work, so that items finish out of order.
                (0..(k % 7) * 1000).fold(k, |a, b| a ^ b)
            },
            |k, _| {
                seen.push(k);
                true
            },
        );
        assert!(done);
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn taking_no_more_and_cancelling_both_stop() {
        let never = AtomicBool::new(false);
        let mut taken = 0;
        assert!(!run_indexed(
            1000,
            2,
            &never,
            || (),
            |_, k| k,
            |k, _| {
                taken += 1;
                k < 9
            }
        ));
        assert_eq!(taken, 10);

        let cancel = AtomicBool::new(false);
        let mut taken = 0;
        let done = run_indexed(
            100_000,
            2,
            &cancel,
            || (),
            |_, k| k,
            |_, _| {
                taken += 1;
                cancel.store(true, Ordering::Relaxed);
                true
            },
        );
        assert!(!done && taken < 100_000);
        assert!(run_indexed(0, 1, &cancel, || (), |_, k| k, |_, _| false), "nothing to do is done");
    }
}
