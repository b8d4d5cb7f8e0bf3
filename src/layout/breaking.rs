//! The line breaker: source text → grapheme units with classes and break
//! opportunities (one pass), then greedy filling with push-down and hanging.

use super::class::{Class, Side, breaks_before_ideograph, classify, may_break};
use super::options::Ambiguous;
use super::punct::{among_cjk, fullwidth, hangable, narrow_form};
use super::width::{fast_width, is_wide, str_width};
use crate::parse::text::is_spaceless;
use unicode_segmentation::UnicodeSegmentation;

/// A line may break before this unit.
pub(crate) const BREAK: u8 = 1;
/// An ASCII mark shown in its full-width form.
pub(crate) const WIDEN: u8 = 2;
/// Control characters, shown as spaces so they cannot drive the terminal.
pub(crate) const BLANKED: u8 = 4;
/// A mark that may hang past the column edge.
pub(crate) const HANG: u8 = 8;
/// A hanging mark with a one-cell form.
pub(crate) const HANG_NARROW: u8 = 16;
/// A break opportunity after spaces: where a headline's phrases part.
pub(crate) const PHRASE: u8 = 32;
/// A cluster wider than the whole column, shown as `?` (a 1-cell column
/// can't hold a wide character, nor a 2-cell one `中` with a spacing mark
/// `ﾞ` clustered on; found by fuzzing).
pub(crate) const SQUEEZED: u8 = 64;
/// A hanging mark whose one-cell form is Japanese (`｡ ､ ｣`), foreign to
/// Chinese text: compressed only where nothing else will do.
pub(crate) const NARROW_JAPANESE: u8 = 128;

/// Marks clusters wider than the column so that no line overflows it.
pub(crate) fn fit(units: &mut [Unit], column: usize) {
    for u in units.iter_mut() {
        if column < 2 {
            // No room to hang anything either.
            u.flags &= !(HANG | HANG_NARROW);
        }
        if usize::from(u.width) > column {
            u.width = 1;
            u.flags |= SQUEEZED;
        }
    }
}

/// One grapheme cluster of an element's (trimmed) text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    /// Byte offset of the cluster in the text.
    pub start: u32,
    /// Display cells, after any full-width transform.
    pub width: u16,
    /// Break class of the cluster's first character.
    pub cls: Class,
    /// `BREAK`, `WIDEN`, `BLANKED`, `HANG`, `HANG_NARROW`, `PHRASE`.
    pub flags: u8,
}

/// Letters counted while segmenting, to tell CJK text from Latin.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Script {
    cjk: usize,
    latin: usize,
}

impl Script {
    /// Mostly ideographs and kana, by the parser's measure.
    pub(crate) fn is_cjk(self) -> bool {
        self.cjk > 0 && self.cjk * 3 >= self.latin
    }
}

/// Grapheme clusters can only span these characters' neighbours when one of
/// them is outside this set, so two in a row are always separate clusters.
#[inline]
fn simple(c: char) -> bool {
    let u = c as u32;
    // Tested in order of frequency in newspaper text.
    if u < 0x300 {
        return u != 0x0d;
    }
    matches!(u, 0x4e00..=0x9fff)
        || matches!(u,
            0x2010..=0x2027 | 0x2030..=0x205e
            | 0x3000..=0x3029 | 0x3030..=0x3098 | 0x309b..=0x4dff
            | 0xff00..=0xff9d | 0xffa0..=0xffef)
}

/// Splits `text` into units. `widen` enables the full-width punctuation
/// transform. Reuses `out`'s allocation.
pub(crate) fn segment(text: &str, amb: Ambiguous, widen: bool, out: &mut Vec<Unit>) -> Script {
    out.clear();
    let mut script = Script::default();
    if text.len() > u32::MAX as usize {
        return script;
    }
    let mut it = text.char_indices();
    let mut cur = it.next();
    let mut prev_char: Option<char> = None;
    let mut last: Option<Side> = None;
    let mut before_last = Class::Sp;
    let mut prev_cls = Class::Sp;
    let mut spaced = false;
    while let Some((i, c)) = cur {
        let next = it.next();
        if matches!(c, '\u{4e00}'..='\u{9fff}') && next.is_none_or(|(_, n)| simple(n)) {
            // Most of Chinese text: settle an ideograph without the general path.
            cur = next;
            script.cjk += 1;
            let flags = match last {
                Some(a) if breaks_before_ideograph(a.cls, spaced) => {
                    if spaced {
                        BREAK | PHRASE
                    } else {
                        BREAK
                    }
                }
                _ => 0,
            };
            before_last = prev_cls;
            last = Some(Side { cls: Class::Id, wide: true });
            spaced = false;
            prev_cls = Class::Id;
            prev_char = Some(c);
            out.push(Unit { start: i as u32, width: 2, cls: Class::Id, flags });
            continue;
        }
        let mut flags = 0;
        let (width, wide, last_char, single) = if simple(c) && next.is_none_or(|(_, n)| simple(n)) {
            cur = next;
            let (w, wide) = match fast_width(c) {
                Some(w) => (w as u16, w == 2),
                None if c.is_control() => {
                    flags |= BLANKED;
                    (1, false)
                }
                None => (super::width::char_width(c, amb) as u16, is_wide(c)),
            };
            (w, wide, c, true)
        } else {
            let len = text[i..].graphemes(true).next().map_or(c.len_utf8(), str::len);
            let end = i + len;
            let g = &text[i..end];
            cur = next;
            while cur.is_some_and(|(j, _)| j < end) {
                cur = it.next();
            }
            let single = len == c.len_utf8();
            if c.is_control() {
                flags |= BLANKED;
                (g.chars().count().min(u16::MAX as usize) as u16, false, c, single)
            } else {
                let w = str_width(g, amb).min(u16::MAX as usize) as u16;
                let wide = is_wide(c) || (!single && w >= 2);
                (w, wide, g.chars().next_back().unwrap_or(c), single)
            }
        };
        let mut side = Side { cls: classify(c, wide), wide };
        if side.cls == Class::Sp && flags & BLANKED == 0 && !single {
            // A space carrying combining marks shows them: keep it like a letter.
            side.cls = Class::Al;
        }
        let mut shown = c;
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                script.latin += 1;
            } else if widen
                && single
                && among_cjk(prev_char, cur.map(|(_, n)| n))
                && let Some(f) = fullwidth(c)
            {
                flags |= WIDEN;
                side.wide = true;
                shown = f;
            }
        } else if side.cls == Class::Id || is_spaceless(c) {
            script.cjk += 1;
        } else if side.cls == Class::Al && c.is_alphanumeric() {
            script.latin += 1;
        }
        let width = if flags & WIDEN != 0 { 2 } else { width };
        if single && side.cls.no_start() && hangable(shown) {
            flags |= HANG;
            if flags & WIDEN != 0 || narrow_form(shown).is_some() || width == 1 {
                flags |= HANG_NARROW;
            }
            if flags & WIDEN == 0 && matches!(narrow_form(shown), Some('｡' | '､' | '｣')) {
                flags |= NARROW_JAPANESE;
            }
        }
        if side.cls == Class::Sp {
            spaced = last.is_some();
        } else {
            if let Some(a) = last
                && may_break(before_last, a, spaced, side)
            {
                flags |= if spaced { BREAK | PHRASE } else { BREAK };
            }
            before_last = prev_cls;
            last = Some(side);
            spaced = false;
        }
        prev_cls = side.cls;
        prev_char = Some(last_char);
        out.push(Unit { start: i as u32, width, cls: side.cls, flags });
    }
    script
}

/// One line chosen by [`wrap`]: units `from..to` (trailing spaces excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Brk {
    pub from: usize,
    pub to: usize,
    /// Display cells of the units, the hanging mark at its shown width.
    pub width: usize,
    /// The last unit hangs in its one-cell form.
    pub narrow_last: bool,
}

/// Whether the line may end after unit `i` (spaces after it are dropped).
fn may_end_after(units: &[Unit], i: usize) -> bool {
    units[i + 1..].iter().find(|u| u.cls != Class::Sp).is_none_or(|u| u.flags & BREAK != 0)
}

/// Width of units `from..to`, without trailing spaces, and where they end.
fn measure(units: &[Unit], from: usize, to: usize) -> (usize, usize) {
    let end = (from..to).rev().find(|&k| units[k].cls != Class::Sp).map_or(from, |k| k + 1);
    (units[from..end].iter().map(|u| u.width as usize).sum(), end)
}

/// Greedy filling: `first` cells for the first line, `rest` for the others.
/// A closing or pause mark that does not fit may hang in the `hang` cells
/// right of the limit (0: none); see [`hanging`].
pub(crate) fn wrap(units: &[Unit], first: usize, rest: usize, hang: usize, out: &mut Vec<Brk>) {
    wrap_at(units, first, rest, hang, BREAK, out);
}

/// How a mark that does not fit a line `w` cells full of `limit` hangs, in
/// cells, with `hang` cells to spare right of the limit; `None`: the line
/// breaks before it (at `last_break`, where the line may last be broken).
///
/// Whole when it fits the spare cells. When the full-width mark would
/// overflow the pane, clreq allows pushing a character down or compressing
/// the mark; a terminal compresses only by swapping in a one-cell form, so
/// the character before the mark goes down with it where a break lies
/// right before that character, and the mark is compressed only where that
/// would break a rule. `。、」` have only Japanese one-cell forms (`｡ ､ ｣`),
/// so for them the line breaks at any earlier break rather.
fn hanging(
    units: &[Unit],
    i: usize,
    (w, limit, hang): (usize, usize, usize),
    last_break: Option<usize>,
) -> Option<usize> {
    let u = units[i];
    let uw = usize::from(u.width);
    if hang == 0 || u.flags & HANG == 0 || !may_end_after(units, i) {
        return None;
    }
    if w + uw <= limit + hang {
        return Some(uw);
    }
    let one_down = last_break.is_some_and(|b| b + 1 == i);
    let compress = u.flags & HANG_NARROW != 0 && w <= limit && !one_down;
    (compress && (u.flags & NARROW_JAPANESE == 0 || last_break.is_none())).then_some(1)
}

/// [`wrap`], breaking only before units with one of the `at` flags.
fn wrap_at(units: &[Unit], first: usize, rest: usize, hang: usize, at: u8, out: &mut Vec<Brk>) {
    out.clear();
    let n = units.len();
    let mut i = units.iter().position(|u| u.cls != Class::Sp).unwrap_or(n);
    let mut limit = first;
    let mut start = i;
    let mut w = 0;
    let mut content = (start, 0);
    let mut last_break: Option<(usize, (usize, usize))> = None;
    while i < n {
        let u = units[i];
        let uw = u.width as usize;
        if u.cls == Class::Sp {
            w += uw;
            i += 1;
            continue;
        }
        if i > start && u.flags & at != 0 {
            last_break = Some((i, content));
        }
        if w + uw <= limit || i == start {
            w += uw;
            content = (i + 1, w);
            i += 1;
            continue;
        }
        if let Some(hw) = hanging(units, i, (w, limit, hang), last_break.map(|(b, _)| b)) {
            out.push(Brk { from: start, to: i + 1, width: w + hw, narrow_last: hw != uw });
            i += 1;
        } else if let Some((b, (end, width))) = last_break {
            out.push(Brk { from: start, to: end, width, narrow_last: false });
            i = b;
        } else {
            // Nowhere to break by the rules: cut the word, but still keep
            // closing marks off the next line's start where there is a way.
            let b = (start + 1..=i)
                .rev()
                .find(|&k| {
                    units[k].cls != Class::Sp
                        && !units[k].cls.no_start()
                        && units[..k].iter().rev().find(|u| u.cls != Class::Sp).is_none_or(|u| u.cls != Class::Op)
                })
                .unwrap_or(i);
            let (width, end) = measure(units, start, b);
            out.push(Brk { from: start, to: end, width, narrow_last: false });
            i = b;
        }
        while i < n && units[i].cls == Class::Sp {
            i += 1;
        }
        start = i;
        w = 0;
        content = (i, 0);
        last_break = None;
        limit = rest;
    }
    if content.0 > start {
        out.push(Brk { from: start, to: content.0, width: content.1, narrow_last: false });
    }
}

/// Like [`wrap`] without hanging, for centred furniture: parts at the
/// spaces between CJK phrases when that costs no extra line, else narrowed while
/// the line count holds, so a headline does not end in a stub of one or two
/// characters.
pub(crate) fn wrap_balanced(units: &[Unit], limit: usize, phrases: bool, out: &mut Vec<Brk>, tmp: &mut Vec<Brk>) {
    wrap(units, limit, limit, 0, out);
    let lines = out.len();
    if lines < 2 || units.len() > 400 {
        return;
    }
    // In CJK text a space parts phrases; in Latin text it is just between words.
    if phrases && units.iter().any(|u| u.flags & PHRASE != 0) {
        wrap_at(units, limit, limit, 0, PHRASE, tmp);
        let at_phrases = tmp.windows(2).all(|w| units[w[1].from].flags & PHRASE != 0);
        if tmp.len() <= lines && at_phrases && tmp.iter().all(|b| b.width <= limit) {
            std::mem::swap(out, tmp);
            return;
        }
    }
    let total: usize = out.iter().map(|b| b.width).sum();
    for l in total.div_ceil(lines)..limit {
        wrap(units, l, l, 0, tmp);
        if tmp.len() <= lines {
            std::mem::swap(out, tmp);
            return;
        }
    }
}

/// The end of unit `k`.
#[inline]
pub(crate) fn unit_end(units: &[Unit], k: usize, text_len: usize) -> usize {
    units.get(k + 1).map_or(text_len, |u| u.start as usize)
}

/// Appends the display form of the line's units to `out`.
pub(crate) fn render(text: &str, units: &[Unit], brk: &Brk, out: &mut String) {
    if brk.from >= brk.to {
        return;
    }
    let mut run = units[brk.from].start as usize;
    for k in brk.from..brk.to {
        let u = units[k];
        let narrow = brk.narrow_last && k + 1 == brk.to;
        if u.flags & (WIDEN | BLANKED | SQUEEZED) == 0 && !narrow {
            continue;
        }
        let (s, e) = (u.start as usize, unit_end(units, k, text.len()));
        out.push_str(&text[run..s]);
        run = e;
        let c = text[s..e].chars().next().unwrap_or(' ');
        if u.flags & SQUEEZED != 0 {
            // Keep one display character per source character.
            out.push('?');
            out.extend(text[s..e].chars().skip(1).map(|_| '\u{200b}'));
        } else if narrow {
            // A widened ASCII mark hangs as itself.
            out.push(if u.flags & WIDEN != 0 { c } else { narrow_form(c).unwrap_or(c) });
        } else if u.flags & WIDEN != 0 {
            out.push(fullwidth(c).unwrap_or(c));
        } else {
            out.extend(text[s..e].chars().map(|_| ' '));
        }
    }
    out.push_str(&text[run..unit_end(units, brk.to - 1, text.len())]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str, width: usize, hang: usize, amb: Ambiguous) -> Vec<String> {
        let mut units = Vec::new();
        let mut brks = Vec::new();
        segment(text, amb, true, &mut units);
        wrap(&units, width, width, hang, &mut brks);
        brks.iter()
            .map(|b| {
                let mut s = String::new();
                render(text, &units, b, &mut s);
                s
            })
            .collect()
    }

    fn lines(text: &str, width: usize) -> Vec<String> {
        set(text, width, 0, Ambiguous::Narrow)
    }

    /// Hanging into one spare cell, as in a pane just wider than the column.
    fn hung(text: &str, width: usize) -> Vec<String> {
        set(text, width, 1, Ambiguous::Narrow)
    }

    /// Hanging into two spare cells: room for a full-width mark.
    fn roomy(text: &str, width: usize) -> Vec<String> {
        set(text, width, 2, Ambiguous::Narrow)
    }

    #[test]
    fn closing_marks_push_a_character_down() {
        assert_eq!(lines("中中中中，中中", 8), ["中中中", "中，中中"]);
        assert_eq!(lines("中中中中。中中", 8), ["中中中", "中。中中"]);
        assert_eq!(lines("中中中中”中中", 8), ["中中中", "中”中中"]);
        assert_eq!(lines("中中中中,中中", 8), ["中中中", "中，中中"]);
        assert_eq!(lines("中中中中》中", 8), ["中中中", "中》中"]);
    }

    #[test]
    fn opening_marks_never_end_a_line() {
        assert_eq!(lines("中中中“中中”", 8), ["中中中", "“中中”"]);
        assert_eq!(lines("中中中《中中》", 9), ["中中中", "《中中》"]);
        assert_eq!(lines("中中中(中中)", 8), ["中中中", "（中中）"]);
    }

    #[test]
    fn a_full_width_mark_hangs_whole_where_the_pane_has_room_for_it() {
        assert_eq!(roomy("中中中中，中中", 8), ["中中中中，", "中中"]);
        assert_eq!(roomy("中中中中。中中", 8), ["中中中中。", "中中"]);
        assert_eq!(roomy("中中中中、中中", 8), ["中中中中、", "中中"]);
        assert_eq!(roomy("中中中中,中中", 8), ["中中中中，", "中中"]);
        assert_eq!(roomy("中中中中”中中", 8), ["中中中中”", "中中"]);
        // A wide mark after a line one cell short fits the one spare cell.
        assert_eq!(hung("中中中1，中", 8), ["中中中1，", "中"]);
        // A one-cell mark fits it too.
        assert_eq!(hung("中中中中”中中", 8), ["中中中中”", "中中"]);
        // Two marks cannot both hang: push down instead.
        assert_eq!(roomy("中中中中。”中", 8), ["中中中", "中。”中"]);
        // 』 has no one-cell form, but fits two spare cells.
        assert_eq!(roomy("中中中中』中", 8), ["中中中中』", "中"]);
        assert_eq!(hung("中中中中』中", 8), ["中中中", "中』中"]);
    }

    #[test]
    fn where_the_full_width_mark_would_overflow_a_character_goes_down_with_it() {
        assert_eq!(hung("中中中中，中中", 8), ["中中中", "中，中中"]);
        assert_eq!(hung("中中中中。中中", 8), ["中中中", "中。中中"]);
        assert_eq!(hung("中中中中、中中", 8), ["中中中", "中、中中"]);
        assert_eq!(hung("中中中中,中中", 8), ["中中中", "中，中中"]);
        assert_eq!(hung("中中中中」中中", 8), ["中中中", "中」中中"]);
    }

    #[test]
    fn the_mark_is_compressed_only_where_moving_one_character_breaks_a_rule() {
        // A number stays whole: the comma hangs in its one-cell (ASCII) form.
        assert_eq!(hung("中中3360，中", 8), ["中中3360,", "中"]);
        assert_eq!(hung("中中3360,中", 8), ["中中3360,", "中"]);
        // `。` has only a Japanese one-cell form: the number goes down instead…
        assert_eq!(hung("中中3360。中", 8), ["中中", "3360。中"]);
        // … unless there is nowhere else to break.
        assert_eq!(hung("12345678。", 8), ["12345678｡"]);
    }

    #[test]
    fn hanging_reports_the_shown_width() {
        let mut units = Vec::new();
        let mut brks = Vec::new();
        segment("中中3360，中", Ambiguous::Narrow, true, &mut units);
        wrap(&units, 8, 8, 1, &mut brks);
        assert_eq!(brks[0].width, 9);
        assert!(brks[0].narrow_last);
    }

    #[test]
    fn ellipsis_and_dash_stay_whole() {
        assert_eq!(lines("中中中……中", 8), ["中中中……", "中"]);
        assert_eq!(lines("中中中……中", 7), ["中中", "中……中"]);
        assert_eq!(lines("中中中——中", 7), ["中中中", "——中"]);
        assert_eq!(lines("中中——中", 5), ["中中", "——中"]);
    }

    #[test]
    fn numbers_and_words_are_not_split() {
        assert_eq!(lines("的3360斤", 5), ["的", "3360", "斤"]);
        assert_eq!(lines("上午9:30,柳园", 8), ["上午", "9:30，柳", "园"]);
        assert_eq!(lines("the COVID-19 wave", 10), ["the", "COVID-19", "wave"]);
        assert_eq!(lines("aa bb  cc", 5), ["aa bb", "cc"]);
        assert_eq!(lines("a well-known fact", 8), ["a well-", "known", "fact"]);
        assert_eq!(lines("pi is 3.14159", 9), ["pi is", "3.14159"]);
    }

    #[test]
    fn words_longer_than_the_line_are_cut_cleanly() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("abcd, e", 4), ["abc", "d, e"]);
    }

    #[test]
    fn quotes_break_on_their_cjk_side() {
        assert_eq!(lines("他说“你好”我们", 6), ["他说", "“你好”", "我们"]);
        assert_eq!(lines("“好”“走”", 4), ["“好”", "“走”"]);
        assert_eq!(lines("xx“ab”", 4), ["xx“a", "b”"]);
    }

    #[test]
    fn clusters_are_never_split() {
        assert_eq!(lines("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(lines(&family.repeat(2), 3), [family, family]);
        assert_eq!(lines("🇨🇳🇯🇵", 3), ["🇨🇳", "🇯🇵"]);
    }

    #[test]
    fn marks_carrying_combining_characters_stay_as_written() {
        assert_eq!(lines("中;\u{ff9e}中", 40), ["中;\u{ff9e}中"]);
        assert_eq!(lines("中中 \u{301}", 40), ["中中 \u{301}"]);
    }

    #[test]
    fn wide_characters_never_straddle_the_edge() {
        assert_eq!(lines("a中b", 2), ["a", "中", "b"]);
        assert_eq!(lines("中中", 1), ["中", "中"]);
    }

    #[test]
    fn ambiguous_width_follows_the_mode() {
        assert_eq!(set("中“中”中", 6, 0, Ambiguous::Narrow), ["中“中”", "中"]);
        assert_eq!(set("中“中”中", 6, 0, Ambiguous::Wide), ["中", "“中”", "中"]);
    }

    #[test]
    fn ascii_marks_among_cjk_show_full_width() {
        assert_eq!(lines("会议指出,在(北京)", 40), ["会议指出，在（北京）"]);
        assert_eq!(lines("暖心! 3360斤", 40), ["暖心! 3360斤"], "a typed space keeps the mark Latin");
        assert_eq!(lines("暖心!3360斤", 40), ["暖心！3360斤"]);
        assert_eq!(lines("a, b (c) 9:30", 40), ["a, b (c) 9:30"]);
        let mut units = Vec::new();
        segment("会议指出,在", Ambiguous::Narrow, false, &mut units);
        assert!(units.iter().all(|u| u.flags & WIDEN == 0));
    }

    #[test]
    fn spaces_at_breaks_are_dropped() {
        assert_eq!(lines("  aa   bb  ", 3), ["aa", "bb"]);
        assert_eq!(lines("aa\tbb", 10), ["aa bb"]);
    }

    #[test]
    fn balanced_furniture() {
        let (mut units, mut out, mut tmp) = (Vec::new(), Vec::new(), Vec::new());
        let text = "山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开";
        segment(text, Ambiguous::Narrow, true, &mut units);
        wrap_balanced(&units, 40, true, &mut out, &mut tmp);
        let widths: Vec<usize> = out.iter().map(|b| b.width).collect();
        assert_eq!(widths, [28, 28]);
        let text = "强化使命担当勇于开拓创新 聚力推进绿色低碳高质量发展先行区建设";
        segment(text, Ambiguous::Narrow, true, &mut units);
        wrap_balanced(&units, 40, true, &mut out, &mut tmp);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].width, 24, "parts at the space between phrases");
        let text = "COUNCIL APPROVES $4.2 MILLION REPAIR OF OLD MILL STREET BRIDGE";
        segment(text, Ambiguous::Narrow, true, &mut units);
        wrap_balanced(&units, 59, false, &mut out, &mut tmp);
        let widths: Vec<usize> = out.iter().map(|b| b.width).collect();
        assert_eq!(widths, [29, 32], "no orphan in a Latin headline");
    }
}
