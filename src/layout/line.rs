//! One laid-out terminal line and the mapping between its display text and
//! the article's source text.

use crate::model::{Element, Pos};
use crate::script::{ArticleMaps, OffsetMap};
use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// What a line shows, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The kicker above the headline, centred.
    Kicker,
    /// The headline, centred.
    Headline,
    /// A subtitle under the headline, centred.
    Deck,
    /// Who wrote it, centred.
    Byline,
    /// The place/agency opener at the start of the first paragraph.
    Dateline,
    /// Body text.
    Body,
    /// An in-article subhead.
    Subhead,
    /// The closing credit, flush right in parentheses.
    Attribution,
    /// A photo caption or credit line.
    Caption,
    /// A table row, set as printed.
    Table,
    /// A line of unreadable text (shown when its stretch is unfolded).
    Noise,
    /// A stretch of noise folded into one line (`⋯ 12 unreadable lines`),
    /// or, unfolded, the line over it (`⋮ 12 unreadable lines`).
    Fold,
    /// An empty line between parts.
    Blank,
}

/// Text shared by all lines of one layout: one allocation instead of one per
/// line, filled while the layout is built and set once it is complete.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    /// Every element's source string, back to back.
    pub sources: String,
    /// Every line's display text, back to back.
    pub display: String,
    /// The pieces of lines whose source is shown in parts (table cells).
    pub pieces: Vec<Piece>,
    /// Where the article was converted to another script: each element's
    /// offsets in the converted text (which `sources` holds) → the
    /// article's own. `None`: they are the article's own.
    pub maps: Option<ArticleMaps>,
}

/// A part of a line that shows one stretch of source text character for
/// character: what lets a table row pad its cells and still map back.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Piece {
    /// The source bytes shown, in the element's string.
    pub src: (u32, u32),
    /// Where they are shown, in bytes from the start of the line's text.
    pub at: u32,
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
    /// The line's pieces in `Shared::pieces`; empty when the line shows its
    /// source in one stretch from `body` on.
    pub(crate) pieces: (u32, u32),
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
        Pos { element: self.element, offset: self.to_source(self.src.0, false) }
    }

    /// Source bytes shown on the line, in its element's text; `None` for
    /// lines that show none (blank lines, folded noise).
    pub fn source_range(&self) -> Option<(Element, Range<usize>)> {
        self.shows_source().then(|| (self.element, self.to_source_range(self.src)))
    }

    /// The element's map back to the article's own text, when it was converted.
    fn map(&self) -> Option<&OffsetMap> {
        self.shared.get()?.maps.as_ref()?.get(self.element)
    }

    /// An offset in the text laid out → the article's own.
    fn to_source(&self, at: u32, up: bool) -> usize {
        self.map().map_or(at as usize, |m| m.to_source(at as usize, up))
    }

    fn to_source_range(&self, r: (u32, u32)) -> Range<usize> {
        self.to_source(r.0, false)..self.to_source(r.1, true)
    }

    fn shows_source(&self) -> bool {
        !matches!(self.role, Role::Blank | Role::Fold)
    }

    /// The stretches of source the line shows, each character for
    /// character: one for most lines, one per cell for an aligned table row
    /// (the source between them is the white space that parts the cells).
    pub fn pieces(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let parts = self.shared.get().and_then(|s| s.pieces.get(range(self.pieces))).unwrap_or_default();
        let whole = (parts.is_empty() && self.shows_source()).then(|| self.to_source_range(self.src));
        whole.into_iter().chain(parts.iter().map(|p| self.to_source_range(p.src)))
    }

    /// Maps a source byte range of the line's element to the display bytes
    /// showing it, clipped to the line; `None` when they do not overlap.
    pub fn display_range(&self, src: Range<usize>) -> Option<Range<usize>> {
        if !self.shows_source() {
            return None;
        }
        // Into the converted text's offsets, a phrase that changed length whole.
        let src = match self.map() {
            Some(m) => m.to_display(src.start, false)..m.to_display(src.end, true),
            None => src,
        };
        let shared = self.shared.get()?;
        let base = self.src_base as usize;
        let source = |r: (u32, u32)| shared.sources.get(base + r.0 as usize..base + r.1 as usize);
        let parts = shared.pieces.get(range(self.pieces)).unwrap_or_default();
        if parts.is_empty() {
            return map_range(source(self.src)?, self.src.0 as usize, self.text(), self.body as usize, src);
        }
        // A range across cells shows from its start in one to its end in another.
        parts
            .iter()
            .filter_map(|p| map_range(source(p.src)?, p.src.0 as usize, self.text(), p.at as usize, src.clone()))
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
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
