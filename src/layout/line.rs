//! One laid-out terminal line and the mapping between its display text and
//! the article's source text.

use super::{Element, Pos, Role};
use std::ops::Range;
use std::sync::Arc;

/// One laid-out terminal line.
#[derive(Debug, Clone)]
pub struct Line {
    pub(crate) text: String,
    pub(crate) role: Role,
    pub(crate) element: Element,
    /// The whole source string of the element, shared by its lines.
    pub(crate) source: Arc<str>,
    pub(crate) src: Range<usize>,
    /// Where the shown source text begins in `text` (after indent, centring, `（`).
    pub(crate) body: usize,
    pub(crate) width: u16,
    /// Bytes of `text` shown as the dateline.
    pub(crate) accent: Option<Range<usize>>,
}

impl Line {
    /// Display text pieces with their roles, left to right, leading spaces included.
    pub fn spans(&self) -> impl Iterator<Item = (&str, Role)> {
        let t = self.text.as_str();
        let (a, b) = match &self.accent {
            Some(r) => (r.start, r.end),
            None => (t.len(), t.len()),
        };
        [(&t[..a], self.role), (&t[a..b], Role::Dateline), (&t[b..], self.role)]
            .into_iter()
            .filter(|(s, _)| !s.is_empty())
    }

    /// The whole display text (the spans concatenated).
    pub fn text(&self) -> &str {
        &self.text
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
        Pos { element: self.element, offset: self.src.start }
    }

    /// Source bytes shown on the line, in its element's text; `None` for blank lines.
    pub fn source_range(&self) -> Option<(Element, Range<usize>)> {
        (self.role != Role::Blank).then(|| (self.element, self.src.clone()))
    }

    /// Maps a source byte range of the line's element to the display bytes
    /// showing it, clipped to the line; `None` when they do not overlap.
    pub fn display_range(&self, src: Range<usize>) -> Option<Range<usize>> {
        if self.role == Role::Blank {
            return None;
        }
        let lo = src.start.max(self.src.start);
        let hi = src.end.min(self.src.end);
        if lo >= hi {
            return None;
        }
        // Display and source correspond character for character: every
        // transform (full-width, hanging, blanking) swaps one for one.
        let source = self.source.get(self.src.clone())?;
        let shown = self.text.get(self.body..)?;
        let (mut s, mut d) = (self.src.start, self.body);
        let mut first = None;
        for (sc, dc) in source.chars().zip(shown.chars()) {
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
}
