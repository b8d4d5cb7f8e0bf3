//! Source lines, trimmed and numbered: what every reader of plain text and
//! markup starts from.

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
    /// Display width in cells, near enough to measure a hard wrap, indent
    /// counted as 4: read off the UTF-8 lead bytes (ASCII and two-byte
    /// letters one cell, the three- and four-byte ideographs and full-width
    /// forms two, the general punctuation of U+2000–U+2BFF one), because
    /// the profile measures every line of every file. Lines over 800 bytes,
    /// far wider than any hard wrap, count as 10,000.
    pub fn width(&self) -> usize {
        if self.text.len() > 800 {
            return 10_000;
        }
        let cells: usize = self
            .text
            .as_bytes()
            .iter()
            .map(|&b| match b {
                0x00..=0x7f => 1,
                0x80..=0xbf => 0,
                0xc0..=0xdf => 1,
                0xe2 => 1,
                _ => 2,
            })
            .sum();
        cells + usize::from(self.indent) * 4
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
