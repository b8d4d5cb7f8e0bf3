//! Lines → units: the paragraphs, headlines and furniture of the text, each
//! whole. Hard-wrapped lines are joined, indented paragraphs split, and
//! sentences cut by page breaks healed.

use super::classify::{
    attribution, dateline, is_byline, is_credit, is_enumerated, is_jump_line, is_section_marker, is_title_like,
};
use super::text::{
    ends_sentence, first_char, hyphenated, is_closing, is_opening, is_pause, join_into, last_char, width,
};

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
    fn width(&self) -> usize {
        match self.text.len() {
            0..=800 => width(self.text) + usize::from(self.indent) * 4,
            _ => 10_000,
        }
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

/// What the whole file looks like, for decisions a single line can't make.
#[derive(Debug, Clone, Copy, Default)]
pub struct Profile {
    /// The column the text was hard-wrapped at, if it was.
    pub wrap: Option<usize>,
    /// Paragraphs are marked by indenting their first line.
    pub indented: bool,
    /// Units are separated by blank lines (so adjacent lines belong together).
    pub blank_separated: bool,
}

impl Profile {
    /// Reads the profile off all lines of a file.
    pub fn of(lines: &[Line<'_>]) -> Profile {
        let nonblank = lines.iter().filter(|l| !l.text.is_empty()).count();
        let blanks_after_text = lines.windows(2).filter(|w| !w[0].text.is_empty() && w[1].text.is_empty()).count();
        let indented_lines = lines.iter().filter(|l| !l.text.is_empty() && l.indent).count();
        let is_inner = |w: &&[Line<'_>]| !w[0].text.is_empty() && !w[1].text.is_empty() && !w[1].indent;
        // Only text that is mostly runs of adjacent lines can be hard-wrapped:
        // measure widths only then.
        let wrapped_shape = lines.windows(2).filter(is_inner).count() * 10 >= nonblank * 3;
        let (mut inner, mut all): (Vec<usize>, Vec<usize>) = if wrapped_shape {
            (
                lines.windows(2).filter(is_inner).map(|w| w[0].width()).collect(),
                lines.iter().filter(|l| !l.text.is_empty()).map(Line::width).collect(),
            )
        } else {
            Default::default()
        };
        Profile {
            wrap: wrap_width(&mut inner, &mut all),
            indented: indented_lines >= 3 && indented_lines * 10 >= nonblank,
            blank_separated: blanks_after_text * 4 >= nonblank && blanks_after_text > 0,
        }
    }
}

/// The hard-wrap column: most lines followed by more text reach close to
/// it, and hardly any line in the file is wider.
fn wrap_width(inner: &mut [usize], all: &mut [usize]) -> Option<usize> {
    if inner.len() < 3 {
        return None;
    }
    let p95 = |v: &mut [usize]| {
        v.sort_unstable();
        v[(v.len() * 95 / 100).min(v.len() - 1)]
    };
    let w = p95(inner);
    let widest = p95(all);
    let full = inner.iter().filter(|&&x| x * 10 >= w * 8).count();
    let plausible = (30..=200).contains(&w) && widest * 10 <= w * 11 && full * 10 >= inner.len() * 6;
    plausible.then_some(w)
}

/// What a unit is, by its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A page/section marker line.
    Marker,
    /// A byline.
    Byline,
    /// A parenthesised credit that may close an article.
    Attribution,
    /// A photo caption or credit.
    Credit,
    /// A short line without final punctuation: headline, deck or subhead.
    Title,
    /// Running text.
    Body,
}

/// A paragraph-sized piece of the text.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The text, joined from its lines.
    pub text: String,
    /// Blank lines before it; 0 when it follows the previous unit directly.
    pub gap: usize,
    /// What it looks like.
    pub kind: Kind,
}

/// Classifies one unit's text.
pub fn kind_of(text: &str) -> Kind {
    // Cheap length gates first: long running text is the common case.
    let short = text.len() <= 480;
    if short && is_section_marker(text) {
        Kind::Marker
    } else if short && attribution(text).is_some() {
        Kind::Attribution
    } else if short && is_byline(text) {
        Kind::Byline
    } else if text.len() <= 600 && is_credit(text) {
        Kind::Credit
    } else if short && is_title_like(text) && dateline(text).is_none() {
        // A short line opening with a dateline is running text cut short.
        Kind::Title
    } else {
        Kind::Body
    }
}

/// Builds units from lines: joins the lines of one paragraph, then heals
/// paragraphs cut by page breaks.
pub fn units(lines: &[Line<'_>], profile: &Profile) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut gap = 0usize;
    let mut prev: Option<(Line<'_>, Kind)> = None;
    // A unit joined from several lines is classified again once complete.
    let mut joined = false;
    let finish = |out: &mut Vec<Unit>, joined: &mut bool| {
        if let Some(u) = out.last_mut().filter(|_| *joined) {
            u.kind = kind_of(&u.text);
        }
        *joined = false;
    };
    for line in lines {
        if line.text.is_empty() || line.text.len() <= 120 && is_jump_line(line.text) {
            gap += 1;
            prev = None;
            continue;
        }
        let kind = kind_of(line.text);
        match (prev, out.last_mut()) {
            (Some((a, a_kind)), Some(unit)) if same_paragraph(&a, a_kind, line, kind, profile) => {
                join_into(&mut unit.text, line.text);
                joined = true;
            }
            _ => {
                finish(&mut out, &mut joined);
                out.push(Unit { text: line.text.to_string(), gap, kind });
                gap = 0;
            }
        }
        prev = Some((*line, kind));
    }
    finish(&mut out, &mut joined);
    heal(out)
}

/// Takes the nameplate off the top of an issue: the short title lines
/// above the first page marker (`RIVERTON COURIER`, `2022年11月19日 星期六`).
pub fn take_masthead(units: &mut Vec<Unit>) -> Vec<String> {
    let Some(p) = units.iter().position(|u| u.kind == Kind::Marker) else {
        return Vec::new();
    };
    if p == 0 || p > 6 || !units[..p].iter().all(|u| u.kind == Kind::Title) {
        return Vec::new();
    }
    units.drain(..p).map(|u| u.text).collect()
}

/// Whether line `b` continues the paragraph whose last line is `a`.
fn same_paragraph(a: &Line<'_>, a_kind: Kind, b: &Line<'_>, b_kind: Kind, profile: &Profile) -> bool {
    let standalone = |k: Kind| matches!(k, Kind::Marker | Kind::Byline | Kind::Attribution | Kind::Credit);
    if standalone(a_kind) || standalone(b_kind) || profile.indented && b.indent {
        return false;
    }
    if hyphenated(a.text, b.text) {
        return true;
    }
    // Where paragraphs are indented, an unindented short line after a
    // finished sentence is a subhead, however full the line before it.
    if profile.indented && b_kind == Kind::Title && ends_sentence(a.text) {
        return false;
    }
    if let Some(w) = profile.wrap
        && a.width() * 10 >= w * 8
    {
        return true;
    }
    let a_title = a_kind == Kind::Title;
    if !a_title && !ends_sentence(a.text) {
        return true;
    }
    profile.indented && !a_title && b_kind != Kind::Title
}

/// Joins units that a page break split mid-sentence: the first ends without
/// sentence-final punctuation and the second carries the sentence on.
fn heal(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for v in units {
        // Running text or a byline before `u` means `u` is no headline.
        let in_body = out.len() >= 2 && matches!(out[out.len() - 2].kind, Kind::Body | Kind::Byline);
        if let Some(u) = out.last_mut()
            && v.gap > 0
            && continues(u, &v, in_body)
        {
            join_into(&mut u.text, &v.text);
            u.kind = Kind::Body;
            continue;
        }
        out.push(v);
    }
    out
}

/// `in_body`: the unit before `u` is running text or a byline, so `u` is no headline.
fn continues(u: &Unit, v: &Unit, in_body: bool) -> bool {
    if !matches!(u.kind, Kind::Body | Kind::Title) || ends_sentence(&u.text) {
        return false;
    }
    if !matches!(v.kind, Kind::Body | Kind::Title) || dateline(&v.text).is_some() {
        return false;
    }
    let (Some(end), Some(start)) = (last_char(&u.text), first_char(&v.text)) else {
        return false;
    };
    let strong = is_pause(start) && start != '—' && start != '-'
        || is_closing(start) && start != ')' && start != '）'
        || start.is_lowercase()
        || is_pause(end) && end != '—'
        || is_opening(end)
        || hyphenated(&u.text, &v.text)
        || ends_in_function_word(&u.text);
    if strong {
        return true;
    }
    // A short unfinished line is more likely a headline or subhead than a
    // sentence cut by a page break: only the signs above join it, or a pause
    // mark inside it (`…看到,十余名工人正在`) when it sits in running text.
    match (u.kind, v.kind) {
        (Kind::Body, Kind::Body) => true,
        (Kind::Title, Kind::Body) => {
            in_body && u.text.contains([',', '，', '、', ';', '；']) && !is_enumerated(&u.text)
        }
        _ => false,
    }
}

/// Sentence-case Latin text ending in a word that can't end a headline
/// (`…will meet again in`): the sentence goes on after the break.
fn ends_in_function_word(text: &str) -> bool {
    const WORDS: [&str; 24] = [
        "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "with", "at", "by", "from", "as", "that",
        "than", "into", "is", "are", "was", "were", "its",
    ];
    let last = text.rsplit(' ').next().unwrap_or("");
    WORDS.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        let lines = Line::split(src, 1);
        let profile = Profile::of(&lines);
        units(&lines, &profile).into_iter().map(|u| u.text).collect()
    }

    #[test]
    fn page_break_between_ideographs_heals() {
        let src = "会议指出,在习近平总书记、党中央亲切关怀下,国家赋予山东建设绿色低碳高质量发展先行区的重大历史使命,为山东发展提供了\n\n重大战略机遇。要深刻认识。\n";
        assert_eq!(
            texts(src),
            [
                "会议指出,在习近平总书记、党中央亲切关怀下,国家赋予山东建设绿色低碳高质量发展先行区的重大历史使命,为山东发展提供了重大战略机遇。要深刻认识。"
            ]
        );
        // A short fragment heals too when running text comes before it.
        let src = "前一段。\n\n会议指出,为山东发展提供了\n\n重大战略机遇。\n";
        assert_eq!(texts(src), ["前一段。", "会议指出,为山东发展提供了重大战略机遇。"]);
    }

    #[test]
    fn short_headline_with_comma_is_not_healed() {
        let src = "坚持人民至上，守护万家灯火\n\n本报记者 王五\n\n全区上下齐心协力。\n";
        assert_eq!(texts(src).len(), 3);
        let src = "坚持人民至上，守护万家灯火\n\n全区上下齐心协力。\n";
        assert_eq!(texts(src).len(), 2);
    }

    #[test]
    fn complete_paragraphs_stay_apart() {
        let src = "第一段结束了。\n\n第二段开始。\n";
        assert_eq!(texts(src).len(), 2);
    }

    #[test]
    fn subhead_directly_followed_by_body_is_not_joined() {
        let src = "打造拥军文化新阵地\n11月10日,走进军休所家属院,居民感受到浓浓的军民鱼水情。\n";
        assert_eq!(texts(src).len(), 2);
    }

    #[test]
    fn latin_page_break_heals_with_space() {
        let src = "The council voted late on Thursday to approve the\n\nbudget for next year.\n";
        assert_eq!(texts(src), ["The council voted late on Thursday to approve the budget for next year."]);
    }

    #[test]
    fn hard_wrapped_latin_paragraphs_are_joined_and_dehyphenated() {
        let src = "RIVERTON — The Main Street bridge reopened on Friday after a two-year\n\
                   rebuild that cost the city far more than planned, and the commun-\n\
                   ity turned out to watch the ribbon being cut by the mayor herself.\n\
                   \n\
                   Traffic was light. Shops along the river said they expected better\n\
                   days ahead now that the crossing is open again to cars and buses.\n";
        let t = texts(src);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[0].contains("two-year rebuild that"));
        assert!(t[0].contains("the community turned out"));
    }

    #[test]
    fn indented_paragraphs_split_at_indent() {
        let src = "\u{3000}\u{3000}第一段的第一行文字很长很长很长很长很长很长很长很长很长,\n第一段的第二行。\n\u{3000}\u{3000}第二段。\n\u{3000}\u{3000}第三段。\n";
        let t = texts(src);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert!(t[0].ends_with("第一段的第二行。"));
    }
}
