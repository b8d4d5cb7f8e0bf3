//! An article as laid out: its lines, the text column, the margin that
//! centres it, and its stretches of noise; what lines show what.

use super::line::{Line, Role};
use crate::model::{Article, Block, Pos};
use std::ops::Range;

/// An article set for one pane width and set of options.
#[derive(Debug, Clone)]
pub struct ArticleLayout {
    pub(super) lines: Vec<Line>,
    pub(super) column: u16,
    pub(super) margin: u16,
    pub(super) noise: Vec<NoiseRun>,
}

/// A stretch of noise as laid out: which blocks, which lines, and whether
/// it is folded into its one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoiseRun {
    /// The noise blocks, by index.
    pub blocks: Range<usize>,
    /// Its lines: the fold line, then (unfolded) the noise itself.
    pub lines: Range<usize>,
    /// True when only the fold line shows.
    pub folded: bool,
}

impl ArticleLayout {
    /// All lines, top to bottom.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Width of the text column in cells (a hanging mark may take one more).
    pub fn column(&self) -> u16 {
        self.column
    }

    /// Left margin in cells that centres the column in the pane.
    pub fn margin(&self) -> u16 {
        self.margin
    }

    /// Every stretch of noise, in reading order.
    pub fn noise(&self) -> &[NoiseRun] {
        &self.noise
    }

    /// Index of the line showing `pos` (the nearest line before it when
    /// `pos` is not shown, e.g. dropped white space); 0 when there are none.
    pub fn line_of(&self, pos: Pos) -> usize {
        let lines = &self.lines;
        let idx = lines.partition_point(|l| l.start() <= pos).saturating_sub(1);
        // Before the first shown character of an element: its first line,
        // not the previous element's last.
        match lines.get(idx + 1) {
            Some(next) if next.element == pos.element && lines[idx].element != pos.element => {
                idx + 1 + usize::from(next.role == Role::Blank)
            }
            _ => idx,
        }
        .min(lines.len().saturating_sub(1))
    }
}

/// Where the run of blocks starting at block `i` ends: rows of a table and
/// lines of noise run on while the kind holds; any other block stands alone.
pub fn run_end(blocks: &[Block], i: usize) -> usize {
    let Some(first) = blocks.get(i) else { return i };
    let same = |b: &Block| b.is_row() && std::mem::discriminant(b) == std::mem::discriminant(first);
    if !same(first) {
        return i + 1;
    }
    i + 1 + blocks[i + 1..].iter().take_while(|b| same(b)).count()
}

/// The article's stretches of noise, as ranges of block indices.
pub fn noise_runs(article: &Article) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < article.blocks.len() {
        let end = run_end(&article.blocks, i);
        if matches!(article.blocks[i], Block::Noise(_)) {
            runs.push(i..end);
        }
        i = end;
    }
    runs
}

/// Plain-text rendering: margin plus each line, joined by newlines.
pub fn to_plain_text(layout: &ArticleLayout) -> String {
    let margin = " ".repeat(layout.margin as usize);
    let mut out = String::new();
    for (i, line) in layout.lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let text = line.text();
        if !text.is_empty() {
            out.push_str(&margin);
            out.push_str(text);
        }
    }
    out
}
