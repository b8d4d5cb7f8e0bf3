//! Source lines, trimmed and numbered: what every reader of plain text and
//! markup starts from.

use super::text::width;

/// One source line, trimmed.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The text without leading or trailing white space.
    pub text: &'a str,
    /// Starts with an indent (two spaces or an ideographic space).
    pub indent: bool,
    /// 1-based line number in the file.
    pub no: usize,
}

impl Line<'_> {
    /// Display width in cells, indent counted as 4. Lines over 800 bytes,
    /// far wider than any hard wrap, are not measured and count as 10,000.
    pub fn width(&self) -> usize {
        match self.text.len() {
            0..=800 => width(self.text) + usize::from(self.indent) * 4,
            _ => 10_000,
        }
    }

    /// True for a line with nothing on it.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

impl<'a> Line<'a> {
    /// Splits text into lines numbered from `first_no`.
    pub fn split(text: &'a str, first_no: usize) -> Vec<Line<'a>> {
        text.split('\n')
            .enumerate()
            .map(|(i, raw)| {
                let start = raw.trim_start();
                let lead = &raw[..raw.len() - start.len()];
                Line { text: start.trim_end(), indent: lead.contains('\u{3000}') || lead.len() >= 2, no: first_no + i }
            })
            .collect()
    }
}
