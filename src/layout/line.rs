//! One laid-out terminal line and the mapping between its display text and
//! the article's source text.

use super::{Element, Pos, Role};
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Text shared by all lines of one layout: one allocation instead of one per
/// line, filled while the layout is built and set once it is complete.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    /// Every element's source string, back to back.
    pub sources: String,
    /// Every line's display text, back to back.
    pub display: String,
}

/// One laid-out terminal line.
#[derive(Clone)]
pub struct Line {
    pub(crate) shared: Arc<OnceLock<Shared>>,
    pub(crate) element: Element,
    /// The display text's bytes in `Shared::display`.
    pub(crate) text: (u32, u32),
    /// The source bytes shown, in the element's string.
    pub(crate) src: (u32, u32),
    /// Where the element's string begins in `Shared::sources`.
    pub(crate) src_base: u32,
    /// Where the shown source begins in the display text (after indent, centring, `（`).
    pub(crate) body: u32,
    /// Display bytes shown as the dateline; empty for none.
    pub(crate) accent: (u32, u32),
    pub(crate) width: u16,
    pub(crate) role: Role,
}

impl fmt::Debug for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Line")
            .field("role", &self.role)
            .field("text", &self.text())
            .field("source", &self.source_range())
            .field("width", &self.width)
            .finish()
    }
}

fn range(r: (u32, u32)) -> Range<usize> {
    r.0 as usize..r.1 as usize
}

impl Line {
    /// Display text pieces with their roles, left to right, leading spaces included.
    pub fn spans(&self) -> impl Iterator<Item = (&str, Role)> {
        let t = self.text();
        let (a, b) = match self.accent {
            (a, b) if a < b && t.is_char_boundary(b as usize) => (a as usize, b as usize),
            _ => (t.len(), t.len()),
        };
        [(&t[..a], self.role), (&t[a..b], Role::Dateline), (&t[b..], self.role)]
            .into_iter()
            .filter(|(s, _)| !s.is_empty())
    }

    /// The whole display text (the spans concatenated).
    pub fn text(&self) -> &str {
        self.shared.get().and_then(|s| s.display.get(range(self.text))).unwrap_or("")
    }

    /// Display cells of the whole line, in the layout's ambiguous mode.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Main role of the line.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Source position of the first source character shown (blank lines: the next element's start).
    pub fn start(&self) -> Pos {
        Pos { element: self.element, offset: self.src.0 as usize }
    }

    /// Source bytes shown on the line, in its element's text; `None` for blank lines.
    pub fn source_range(&self) -> Option<(Element, Range<usize>)> {
        (self.role != Role::Blank).then(|| (self.element, range(self.src)))
    }

    /// Maps a source byte range of the line's element to the display bytes
    /// showing it, clipped to the line; `None` when they do not overlap.
    pub fn display_range(&self, src: Range<usize>) -> Option<Range<usize>> {
        if self.role == Role::Blank {
            return None;
        }
        let shared = self.shared.get()?;
        let base = self.src_base as usize;
        let source = shared.sources.get(base + self.src.0 as usize..base + self.src.1 as usize)?;
        map_range(source, self.src.0 as usize, self.text(), self.body as usize, src)
    }
}

/// Maps `want` (source bytes of an element) onto a line showing `source`,
/// which begins at byte `from` of the element, as `shown[body..]`.
pub(crate) fn map_range(
    source: &str,
    from: usize,
    shown: &str,
    body: usize,
    want: Range<usize>,
) -> Option<Range<usize>> {
    let lo = want.start.max(from);
    let hi = want.end.min(from + source.len());
    if lo >= hi {
        return None;
    }
    // Display and source correspond character for character: every
    // transform (full-width, hanging, blanking) swaps one for one.
    let (mut s, mut d) = (from, body);
    let mut first = None;
    for (sc, dc) in source.chars().zip(shown.get(body..)?.chars()) {
        let (s_end, d_end) = (s + sc.len_utf8(), d + dc.len_utf8());
        if first.is_none() && lo < s_end {
            first = Some(d);
        }
        if hi <= s_end {
            return first.map(|f| f..d_end);
        }
        (s, d) = (s_end, d_end);
    }
    first.map(|f| f..d)
}
