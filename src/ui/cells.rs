//! Writing text into the buffer cell by cell, in the same widths the layout
//! used — including terminals that draw ambiguous characters (`“ … —`)
//! two cells wide, which ratatui alone would misalign.
//!
//! How the alignment is kept in wide mode: an ambiguous character is put in
//! its cell with `CellDiffOption::ForcedWidth(2)` and the next cell is reset.
//! ratatui's diff then skips that next cell, and its backend moves the
//! cursor explicitly to the cell after it, so whatever width the terminal
//! gives the character, everything after it lands where the layout put it.

use crate::app::input::Caret;
use crate::layout::{Ambiguous, str_width};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::num::NonZeroU16;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Writes `text` at (x, y) up to (not including) column `end`, grapheme by
/// grapheme; stops before a grapheme that would cross `end`. Returns the
/// column after the last written cell.
pub fn put(buf: &mut Buffer, x: u16, y: u16, end: u16, text: &str, style: Style, amb: Ambiguous) -> u16 {
    let end = end.min(buf.area.right());
    if y < buf.area.top() || y >= buf.area.bottom() {
        return x;
    }
    let mut x = x.max(buf.area.left());
    // Whatever the text's origin (a file name, a saved bookmark), no control
    // character reaches the terminal.
    let text = crate::parse::visible_str(text);
    for g in text.graphemes(true) {
        let w = str_width(g, amb) as u16;
        if w == 0 {
            continue;
        }
        if x + w > end {
            break;
        }
        let cell = &mut buf[(x, y)];
        cell.set_symbol(g).set_style(style);
        // ratatui measures symbols narrow; where we draw one wider, say so.
        let natural = UnicodeWidthStr::width(g) as u16;
        cell.set_diff_option(match NonZeroU16::new(w) {
            Some(forced) if w != natural => CellDiffOption::ForcedWidth(forced),
            _ => CellDiffOption::None,
        });
        for k in 1..w {
            buf[(x + k, y)].reset();
        }
        x += w;
    }
    x
}

/// Blanks every wide character that starts left of `r` and reaches into
/// it, before something is drawn over `r`. ratatui's diff assumes the cell
/// after a wide character is covered and never sends it, so a border drawn
/// there would never reach the terminal.
pub fn unstraddle(buf: &mut Buffer, r: Rect, amb: Ambiguous) {
    if r.x <= buf.area.left() {
        return;
    }
    for y in r.top().max(buf.area.top())..r.bottom().min(buf.area.bottom()) {
        let cell = &mut buf[(r.x - 1, y)];
        if str_width(cell.symbol(), amb) > 1 {
            cell.set_symbol(" ").set_diff_option(CellDiffOption::None);
        }
    }
}

/// Cuts `text` to at most `width` cells, ending in `…` when cut; never
/// splits a grapheme or a wide character.
pub fn truncate(text: &str, width: usize, amb: Ambiguous) -> String {
    if str_width(text, amb) <= width {
        return text.to_string();
    }
    let ellipsis = str_width("…", amb);
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = str_width(g, amb);
        if used + w + ellipsis > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width >= ellipsis {
        out.push('…');
    }
    out
}

/// Cuts `text` to at most `width` cells from its start, beginning with `…`
/// when cut: the end is kept.
pub fn truncate_start(text: &str, width: usize, amb: Ambiguous) -> String {
    if str_width(text, amb) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(str_width("…", amb));
    let mut used = 0;
    let mut keep = text.len();
    for (at, g) in text.grapheme_indices(true).rev() {
        used += str_width(g, amb);
        if used > room {
            break;
        }
        keep = at;
    }
    let tail = text[keep..].trim_start_matches('…');
    if width == 0 { String::new() } else { format!("…{tail}") }
}

/// A line being typed as shown in `width` cells: the text with `▏` at its
/// cursor, cut with `…` where it does not fit, so that the cursor and what
/// was typed just before it stay in view.
pub fn typed(text: &str, caret: Caret, width: usize, amb: Ambiguous) -> String {
    let (before, after) = text.split_at(caret.at(text));
    let room = width.saturating_sub(1);
    let after_width = str_width(after, amb);
    if str_width(before, amb) + after_width <= room {
        return format!("{before}▏{after}");
    }
    let before = truncate_start(before, room.saturating_sub(after_width).max(room * 2 / 3), amb);
    let after = truncate(after, room.saturating_sub(str_width(&before, amb)), amb);
    format!("{before}▏{after}")
}

/// A headline as the article pane sets it: ASCII marks among Chinese text
/// full-width when the layout does so (`读者来信:请` → `读者来信：请`).
pub fn set_like_article(text: &str, fullwidth: bool) -> String {
    if fullwidth { crate::layout::widened(text, 0..0).0 } else { text.to_string() }
}

/// Splits a message into lines of at most `width` cells, at spaces, after
/// a `/` or beside a Chinese character; a word too long for a line is cut
/// where the line is full.
pub fn wrap_words(text: &str, width: usize, amb: Ambiguous) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    // Where `line` may break: the byte offset after which it may.
    let mut last_break = 0;
    for g in text.graphemes(true) {
        let w = str_width(g, amb);
        if g == " " {
            if !line.is_empty() {
                line.push(' ');
                last_break = line.len();
            }
            continue;
        }
        if str_width(&line, amb) + w > width {
            let at = if last_break > 0 { last_break } else { line.len() };
            let rest = line.split_off(at).trim_start().to_string();
            lines.push(std::mem::replace(&mut line, rest).trim_end().to_string());
            last_break = 0;
        }
        if w > 1 && !line.is_empty() {
            last_break = line.len();
        }
        line.push_str(g);
        if g == "/" || w > 1 {
            last_break = line.len();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_messages_at_words_to_the_full_width() {
        let amb = Ambiguous::Narrow;
        let msg = "papers/binary.txt: not a text file (binary data: 2508 NUL bytes, the first at offset 7)";
        let lines = wrap_words(msg, 30, amb);
        assert_eq!(
            lines,
            ["papers/binary.txt: not a text", "file (binary data: 2508 NUL", "bytes, the first at offset 7)"]
        );
        assert_eq!(wrap_words("/a/very/long/path/name.txt", 10, amb), ["/a/very/", "long/path/", "name.txt"]);
        assert_eq!(wrap_words("abcdefghij", 4, amb), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_words("读取失败不是文本文件", 8, amb), ["读取失败", "不是文本", "文件"]);
    }

    #[test]
    fn truncates_by_cells_without_splitting_wide_characters() {
        assert_eq!(truncate("山东省深化新旧动能", 9, Ambiguous::Narrow), "山东省深…");
        assert_eq!(truncate("山东省深化新旧动能", 10, Ambiguous::Narrow), "山东省深…");
        assert_eq!(truncate("short", 10, Ambiguous::Narrow), "short");
        assert_eq!(truncate("山东", 0, Ambiguous::Narrow), "");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2, Ambiguous::Narrow), "e\u{301}…");
    }

    #[test]
    fn put_stops_at_the_edge_and_never_straddles_it() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        let x = put(&mut buf, 0, 0, 5, "山东省", Style::default(), Ambiguous::Narrow);
        assert_eq!(x, 4);
        assert_eq!(buf[(0, 0)].symbol(), "山");
        assert_eq!(buf[(2, 0)].symbol(), "东");
        assert_eq!(buf[(4, 0)].symbol(), " ");
    }

    #[test]
    fn wide_ambiguous_characters_take_two_cells_and_say_so() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let x = put(&mut buf, 0, 0, 6, "“好”", Style::default(), Ambiguous::Wide);
        assert_eq!(x, 6);
        assert_eq!(buf[(0, 0)].symbol(), "“");
        assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap()));
        assert_eq!(buf[(2, 0)].symbol(), "好");
        assert_eq!(buf[(4, 0)].symbol(), "”");
        let mut narrow = Buffer::empty(Rect::new(0, 0, 6, 1));
        assert_eq!(put(&mut narrow, 0, 0, 6, "“好”", Style::default(), Ambiguous::Narrow), 4);
        assert_eq!(narrow[(0, 0)].diff_option, CellDiffOption::None);
    }

    #[test]
    fn writing_outside_the_buffer_is_harmless() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        assert_eq!(put(&mut buf, 0, 5, 3, "abc", Style::default(), Ambiguous::Narrow), 0);
        assert_eq!(put(&mut buf, 2, 0, 10, "abc", Style::default(), Ambiguous::Narrow), 3);
    }
}
