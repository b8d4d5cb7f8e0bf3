//! Tables: a run of rows set one under another, never reflowed into a
//! paragraph. A row's cells are the text between runs of two or more
//! spaces, or an ideographic space, as printed tables part them. When every
//! row fits the column the cells line up in columns (numbers flush right);
//! otherwise each row flows its cells onto as many lines as it needs, the
//! continuation lines under a two-cell hanging indent, so that nothing is
//! cut off — the reader cannot scroll sideways.

use super::article::{Builder, trimmed};
use super::breaking::{Brk, Unit, fit, render, segment, unit_end, wrap};
use super::line::{Line, Piece, Role};
use crate::model::Block;
use crate::model::Element;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Cells between aligned columns.
const GAP: usize = 2;
/// Indent of a row's continuation lines, where the column has room for it.
const HANG: usize = 2;
const MIN_HANG_COLUMN: usize = 8;

/// The byte ranges of a row's cells in `text` (trimmed): text between runs
/// of two or more spaces, or of any ideographic space or tab.
pub(crate) fn cells(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cell: Option<Range<usize>> = None;
    let (mut gap, mut wide_gap) = (0, false);
    for (i, g) in text.grapheme_indices(true) {
        if g.chars().all(|c| matches!(c, ' ' | '\u{3000}' | '\t')) {
            gap += 1;
            wide_gap |= g != " ";
            continue;
        }
        let end = i + g.len();
        cell = match cell {
            Some(c) if gap >= 2 || wide_gap => {
                out.push(c);
                Some(i..end)
            }
            Some(c) => Some(c.start..end),
            None => Some(i..end),
        };
        (gap, wide_gap) = (0, false);
    }
    out.extend(cell);
    out
}

/// One row as measured: its block, the trimmed text and where it starts,
/// and its cells with their widths.
struct Row<'a> {
    index: usize,
    lead: usize,
    text: &'a str,
    cells: Vec<(Range<usize>, usize)>,
}

/// How aligned columns are set.
struct Plan {
    widths: Vec<usize>,
    right: Vec<bool>,
    gap: usize,
}

/// A number, an amount or a temperature: what reads best flush right.
fn numeric(cell: &str) -> bool {
    let digits = cell.trim_start_matches(['+', '-', '−', '±', '$', '¥', '￥', '€', '£', '~', '～']);
    digits.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A cell that stands for nothing (`—`, `-`, `/`): neither for nor against
/// setting its column flush right.
fn placeholder(cell: &str) -> bool {
    matches!(cell, "—" | "——" | "–" | "-" | "/" | "／" | "…")
}

/// Columns for the rows, when all of them fit the column aligned: a gap of
/// two cells, or one where no cell has a space of its own to be confused
/// with it. Rows of one cell (a title over the table) span the columns.
fn plan(rows: &[Row], column: usize) -> Option<Plan> {
    let multi: Vec<&Row> = rows.iter().filter(|r| r.cells.len() >= 2).collect();
    let n = multi.iter().map(|r| r.cells.len()).max()?;
    let mut widths = vec![0; n];
    for r in &multi {
        for (k, (_, w)) in r.cells.iter().enumerate() {
            widths[k] = widths[k].max(*w);
        }
    }
    let spanning = rows.iter().filter(|r| r.cells.len() == 1).all(|r| r.cells[0].1 <= column);
    let spaced = multi.iter().any(|r| r.cells.iter().any(|(c, _)| r.text[c.clone()].contains(' ')));
    let sum: usize = widths.iter().sum();
    let gap = [GAP, 1].into_iter().find(|&g| (g == GAP || !spaced) && sum + g * (n - 1) <= column)?;
    if !spanning {
        return None;
    }
    // The first row of several cells may be a header over the numbers.
    let right = (0..n)
        .map(|k| {
            let below: Vec<&str> =
                multi.iter().skip(1).filter_map(|r| r.cells.get(k).map(|(c, _)| &r.text[c.clone()])).collect();
            below.iter().any(|c| numeric(c)) && below.iter().all(|c| numeric(c) || placeholder(c))
        })
        .collect();
    Some(Plan { widths, right, gap })
}

/// A table line being put together from pieces of cells.
#[derive(Default)]
struct RowLine {
    display: String,
    pieces: Vec<Piece>,
    width: usize,
}

impl RowLine {
    fn indented(cells: usize) -> RowLine {
        let mut l = RowLine::default();
        l.space(cells);
        l
    }

    fn space(&mut self, cells: usize) {
        self.display.extend(std::iter::repeat_n(' ', cells));
        self.width += cells;
    }

    /// Appends units `brk` of a cell whose text is `text`, at byte `offset`
    /// of the element's string.
    fn put(&mut self, text: &str, offset: usize, units: &[Unit], brk: &Brk) {
        if brk.from >= brk.to {
            return;
        }
        let start = units[brk.from].start as usize;
        let end = unit_end(units, brk.to - 1, text.len());
        let at = self.display.len() as u32;
        render(text, units, brk, &mut self.display);
        self.pieces.push(Piece { src: ((offset + start) as u32, (offset + end) as u32), at });
        self.width += brk.width;
    }
}

/// All of a cell's units as one line's worth.
fn whole(units: &[Unit]) -> Brk {
    Brk { from: 0, to: units.len(), width: units.iter().map(|u| usize::from(u.width)).sum(), narrow_last: false }
}

impl Builder<'_> {
    /// The rows of one table, block `first` on.
    pub(super) fn table(&mut self, first: usize, blocks: &[Block]) {
        let mut rows = Vec::new();
        for (k, block) in blocks.iter().enumerate() {
            let (lead, text) = trimmed(block.text());
            if text.is_empty() {
                continue;
            }
            let cells = cells(text).into_iter().map(|c| (c.clone(), self.segment_cell(&text[c]))).collect();
            rows.push(Row { index: first + k, lead, text, cells });
        }
        let plan = plan(&rows, self.column);
        for row in &rows {
            let base = self.source(blocks[row.index - first].text());
            match &plan {
                Some(plan) => self.aligned_row(row, plan, base),
                None => self.flowed_row(row, base),
            }
        }
    }

    /// Splits a cell into units, fitted to the narrowest line it may go
    /// on; returns its width.
    fn segment_cell(&mut self, cell: &str) -> usize {
        let o = self.opts;
        segment(cell, o.ambiguous, o.fullwidth_punct, &mut self.units);
        let hang = if self.column >= MIN_HANG_COLUMN { HANG } else { 0 };
        fit(&mut self.units, self.column - hang);
        self.units.iter().map(|u| usize::from(u.width)).sum()
    }

    /// One line: each cell padded to its column's width.
    fn aligned_row(&mut self, row: &Row, plan: &Plan, base: u32) {
        let mut line = RowLine::default();
        let alone = row.cells.len() == 1;
        for (k, (c, w)) in row.cells.iter().enumerate() {
            let pad = if alone { 0 } else { plan.widths[k] - w };
            if k > 0 {
                line.space(plan.gap);
            }
            if plan.right[k] {
                line.space(pad);
            }
            let cell = &row.text[c.clone()];
            self.segment_cell(cell);
            line.put(cell, row.lead + c.start, &self.units, &whole(&self.units));
            if !plan.right[k] && k + 1 < row.cells.len() {
                line.space(pad);
            }
        }
        self.row_line(line, Element::Block(row.index), base);
    }

    /// Cells left to right, as many as fit a line; a cell wider than a
    /// whole line is broken like text.
    fn flowed_row(&mut self, row: &Row, base: u32) {
        let column = self.column;
        let hang = if column >= MIN_HANG_COLUMN { HANG } else { 0 };
        let element = Element::Block(row.index);
        let mut line = RowLine::default();
        for (c, w) in &row.cells {
            let cell = &row.text[c.clone()];
            let offset = row.lead + c.start;
            self.segment_cell(cell);
            if !line.pieces.is_empty() && line.width + GAP + w > column {
                let full = std::mem::replace(&mut line, RowLine::indented(hang));
                self.row_line(full, element, base);
            }
            if !line.pieces.is_empty() {
                line.space(GAP);
            }
            if line.width + w <= column {
                line.put(cell, offset, &self.units, &whole(&self.units));
                continue;
            }
            wrap(&self.units, column - line.width, column - hang, 0, &mut self.brks);
            for j in 0..self.brks.len() {
                if j > 0 {
                    let full = std::mem::replace(&mut line, RowLine::indented(hang));
                    self.row_line(full, element, base);
                }
                let brk = self.brks[j];
                line.put(cell, offset, &self.units, &brk);
            }
        }
        self.row_line(line, element, base);
    }

    /// Appends a table line made of pieces (none: nothing to show).
    fn row_line(&mut self, line: RowLine, element: Element, base: u32) {
        let (Some(first), Some(last)) = (line.pieces.first().copied(), line.pieces.last().copied()) else { return };
        let at = self.display.len();
        self.display.push_str(&line.display);
        let from = self.pieces.len() as u32;
        self.pieces.extend(line.pieces);
        self.lines.push(Line {
            shared: self.shared.clone(),
            element,
            text: (at as u32, self.display.len() as u32),
            src: (first.src.0, last.src.1),
            src_base: base,
            body: first.at,
            accent: (0, 0),
            width: line.width.min(u16::MAX as usize) as u16,
            role: Role::Table,
            pieces: (from, self.pieces.len() as u32),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::cells;
    use crate::layout::{Ambiguous, LayoutOptions, Role, layout, str_width};
    use crate::model::{Article, Block, Element};

    fn parts(text: &str) -> Vec<&str> {
        cells(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn cells_part_at_wide_gaps_only() {
        assert_eq!(parts("北京　晴　-3℃"), ["北京", "晴", "-3℃"]);
        assert_eq!(parts("Mill Street BC   6:44.9  3.7 s"), ["Mill Street BC", "6:44.9", "3.7 s"]);
        assert_eq!(parts("one row of words"), ["one row of words"]);
        assert_eq!(parts("a\tb"), ["a", "b"]);
        assert!(parts("").is_empty());
    }

    fn table(rows: &[&str]) -> Article {
        let mut a = Article::new("明日天气".into());
        a.blocks.push(Block::Paragraph("本报讯 明日全市天气晴好。".into()));
        a.blocks.extend(rows.iter().map(|r| Block::Table(r.to_string())));
        a.blocks.push(Block::Paragraph("请注意防晒。".into()));
        a
    }

    fn rows(a: &Article, pane: u16) -> Vec<String> {
        let l = layout(a, pane, &LayoutOptions::default());
        l.lines().iter().filter(|l| l.role() == Role::Table).map(|l| l.text().to_string()).collect()
    }

    const WEATHER: [&str; 4] =
        ["地区　　天气　　气温", "城区　　多云转晴　　12℃～23℃", "东岭镇　　晴　　10℃～22℃", "西湾　　小雨　　9℃～16℃"];

    #[test]
    fn a_table_that_fits_lines_up_its_columns_numbers_flush_right() {
        let got = rows(&table(&WEATHER), 60);
        assert_eq!(
            got,
            [
                "地区    天气          气温",
                "城区    多云转晴  12℃～23℃",
                "东岭镇  晴        10℃～22℃",
                "西湾    小雨       9℃～16℃",
            ]
        );
        let widths: Vec<usize> = got.iter().map(|r| str_width(r, Ambiguous::Narrow)).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");
    }

    #[test]
    fn rows_stay_rows_with_no_blank_line_between() {
        let a = table(&WEATHER);
        let l = layout(&a, 60, &LayoutOptions::default());
        let roles: Vec<Role> = l.lines().iter().map(|l| l.role()).collect();
        let first = roles.iter().position(|r| *r == Role::Table).unwrap();
        assert_eq!(roles[first - 1], Role::Blank);
        assert_eq!(roles[first..first + 4], [Role::Table; 4]);
        assert_eq!(roles[first + 4], Role::Blank);
        for (k, line) in l.lines()[first..first + 4].iter().enumerate() {
            assert_eq!(line.source_range().unwrap().0, Element::Block(k + 1));
        }
    }

    #[test]
    fn a_table_too_wide_flows_each_row_under_a_hanging_indent() {
        let got = rows(&table(&WEATHER), 24);
        assert_eq!(
            got,
            ["地区  天气  气温", "城区  多云转晴", "  12℃～23℃", "东岭镇  晴  10℃～22℃", "西湾  小雨  9℃～16℃",]
        );
    }

    #[test]
    fn a_cell_wider_than_the_column_is_broken_not_cut() {
        let a = table(&["注意事项　　明日午后局部地区可能出现短时雷阵雨并伴有七级阵风"]);
        let got = rows(&a, 24);
        assert_eq!(got[0], "注意事项");
        assert!(got[1..].iter().all(|l| l.starts_with("  ")), "{got:?}");
        let joined: String = got[1..].iter().map(|l| l.trim_start()).collect();
        assert_eq!(joined, "明日午后局部地区可能出现短时雷阵雨并伴有七级阵风");
    }

    #[test]
    fn latin_results_align_and_single_spaces_stay_inside_cells() {
        let mut a = Article::new("Regatta results".into());
        a.blocks = ["Crew  Time  Margin", "Riverton A  6:41.2  —", "Mill Street BC  6:44.9  3.7 s"]
            .iter()
            .map(|r| Block::Table(r.to_string()))
            .collect();
        assert_eq!(
            rows(&a, 40),
            ["Crew              Time  Margin", "Riverton A      6:41.2       —", "Mill Street BC  6:44.9   3.7 s"]
        );
    }

    #[test]
    fn cells_map_back_to_the_source_across_the_padding() {
        let a = table(&WEATHER);
        let l = layout(&a, 60, &LayoutOptions::default());
        let row = l.lines().iter().find(|l| l.text().starts_with("城区")).unwrap();
        let src = a.blocks[2].text();
        let at = src.find("多云").unwrap();
        assert_eq!(&row.text()[row.display_range(at..at + "多云".len()).unwrap()], "多云");
        let at = src.find("12℃").unwrap();
        assert_eq!(&row.text()[row.display_range(at..at + "12℃".len()).unwrap()], "12℃");
        let pieces: Vec<&str> = row.pieces().map(|r| &src[r]).collect();
        assert_eq!(pieces, ["城区", "多云转晴", "12℃～23℃"]);
    }

    #[test]
    fn nothing_is_wider_than_a_narrow_pane() {
        let a = table(&WEATHER);
        for pane in 0..30u16 {
            let l = layout(&a, pane, &LayoutOptions::default());
            for line in l.lines() {
                let w = usize::from(l.margin()) + usize::from(line.width());
                assert!(w <= usize::from(pane.max(1)), "{pane}: {:?}", line.text());
                assert_eq!(usize::from(line.width()), str_width(line.text(), Ambiguous::Narrow));
            }
        }
    }
}
