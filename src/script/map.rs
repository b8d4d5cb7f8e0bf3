//! The correspondence between a converted text and its source: byte
//! offsets both ways, exact at every character that converted one for one,
//! and at both ends of a phrase that changed length (`U盘` → `隨身碟`).

/// Where a converted text's bytes come from in its source. Empty: the
/// conversion changed no byte length anywhere, so offsets are the same.
///
/// Breakpoints `(display, source)` rise in both coordinates. Between two
/// breakpoints that are as far apart in both, offsets map one for one;
/// between two that are not (a phrase of another length, or one character
/// of another UTF-8 length), the stretch maps as a whole: its start to the
/// start, anything after to its end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    points: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// True when offsets are the same in both texts.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }

    /// The source offset of display offset `d`; `up` for the end of a
    /// range (a place inside a phrase rounds to its end, else its start).
    pub fn to_source(&self, d: usize, up: bool) -> usize {
        lookup(&self.points, d, up, |p| p.0, |p| p.1)
    }

    /// The display offset of source offset `s`, rounded the same way.
    pub fn to_display(&self, s: usize, up: bool) -> usize {
        lookup(&self.points, s, up, |p| p.1, |p| p.0)
    }
}

fn lookup(
    points: &[(u32, u32)],
    at: usize,
    up: bool,
    from: impl Fn(&(u32, u32)) -> u32,
    to: impl Fn(&(u32, u32)) -> u32,
) -> usize {
    if points.is_empty() {
        return at;
    }
    let i = points.partition_point(|p| from(p) as usize <= at).saturating_sub(1);
    let (f0, t0) = (from(&points[i]) as usize, to(&points[i]) as usize);
    let Some(next) = points.get(i + 1) else {
        // Past the last breakpoint: one for one again.
        return t0 + at.saturating_sub(f0);
    };
    let (f1, t1) = (from(next) as usize, to(next) as usize);
    if f1 - f0 == t1 - t0 {
        return t0 + (at - f0);
    }
    if at == f0 || !up { t0 } else { t1 }
}

/// Builds a map while a text is converted piece by piece, left to right.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    points: Vec<(u32, u32)>,
    d: u32,
    s: u32,
}

impl Builder {
    /// `len` bytes copied or converted one for one.
    pub fn same(&mut self, len: usize) {
        self.d += len as u32;
        self.s += len as u32;
    }

    /// A stretch `display` bytes long shown for `source` bytes of source;
    /// one-for-one when the lengths agree.
    pub fn stretch(&mut self, display: usize, source: usize) {
        if display == source {
            return self.same(display);
        }
        if self.points.is_empty() {
            self.points.push((0, 0));
        }
        if self.points.last() != Some(&(self.d, self.s)) {
            self.points.push((self.d, self.s));
        }
        self.d += display as u32;
        self.s += source as u32;
        self.points.push((self.d, self.s));
    }

    /// The map.
    pub fn finish(self) -> OffsetMap {
        OffsetMap { points: self.points }
    }

    /// How far it has come, (display, source).
    pub fn at(&self) -> (usize, usize) {
        (self.d as usize, self.s as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_for_one_stretches_map_exactly_and_phrases_as_a_whole() {
        // "ab" + a phrase of 3 source bytes shown in 6 + "cd".
        let mut b = Builder::default();
        b.same(2);
        b.stretch(6, 3);
        b.same(2);
        let m = b.finish();
        assert_eq!(m.to_source(1, false), 1);
        assert_eq!(m.to_source(2, false), 2);
        assert_eq!(m.to_source(4, false), 2, "inside the phrase: its start");
        assert_eq!(m.to_source(4, true), 5, "or its end");
        assert_eq!(m.to_source(8, false), 5);
        assert_eq!(m.to_source(9, false), 6);
        assert_eq!(m.to_display(5, false), 8);
        assert_eq!(m.to_display(6, true), 9);
        assert_eq!(m.to_display(3, true), 8);
        assert_eq!(m.to_display(3, false), 2);
        assert!(OffsetMap::default().is_identity());
        assert_eq!(OffsetMap::default().to_source(7, true), 7);
    }
}
