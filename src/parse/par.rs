//! Pure work on every core: `map` keeps the order of its items. For the
//! formats that come in many small documents (article folders, EPUBs),
//! whose parts are read each on their own.
//!
//! Scoped threads over chunks rather than a pool crate: a handful of
//! documents per call, no global pool to start, and a panic in one chunk
//! gives that chunk's default instead of taking the issue down.

/// `f` over `items` on up to eight threads, results in the items' order;
/// an item whose thread panicked gives `T::default()`.
pub fn map<I: Sync, T: Send + Default + Clone>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = items.len().div_ceil(threads).max(8);
    if items.len() <= chunk {
        return items.iter().map(&f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| (part.len(), scope.spawn(move || part.iter().map(f).collect::<Vec<T>>())))
            .collect();
        parts.into_iter().flat_map(|(n, p)| p.join().unwrap_or_else(|_| vec![T::default(); n])).collect()
    })
}
