//! Lines → units: the paragraphs, headlines and furniture of the text, each
//! whole. How lines make a unit depends on the file's shape: blank lines
//! part paragraphs in one file, line ends or indents in another, and in
//! hard-wrapped text the lines of a paragraph are joined back. Sentences
//! cut by page breaks are healed in every shape.

use super::super::classify::{
    attribution, closing_credit, dateline, is_byline, is_caps_heading, is_credit, is_enumerated, is_jump_line,
    is_section_marker, is_separator_line, is_signature, is_title_like,
};
use super::super::lines::Line;
use super::super::text::{
    ends_sentence, first_char, hyphenated, is_closing, is_opening, is_pause, join_into, last_char,
};
use super::profile::{Profile, Shape};
use super::role::Role;

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
    /// A rule between items (`*  *  *`, `◆◆◆`).
    Separator,
    /// A line too damaged to read.
    Noise,
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
    /// Its first source line starts with an indent.
    pub indent: bool,
    /// Its first and last source lines.
    pub lines: (usize, usize),
}

impl Unit {
    /// A unit of one source line.
    pub fn of_line(line: &Line<'_>, gap: usize, kind: Kind) -> Unit {
        Unit { text: line.text.to_string(), gap, kind, indent: line.indent, lines: (line.no, line.no) }
    }
}

/// Classifies one unit's text.
pub fn kind_of(text: &str) -> Kind {
    // Cheap length gates first: long running text is the common case.
    let short = text.len() <= 480;
    if short && is_section_marker(text) {
        Kind::Marker
    } else if short && is_separator_line(text) {
        Kind::Separator
    } else if short && (attribution(text).is_some() || is_signature(text)) {
        Kind::Attribution
    } else if short && is_byline(text) {
        Kind::Byline
    } else if text.len() <= 600 && is_credit(text) {
        Kind::Credit
    } else if short && (is_title_like(text) || is_caps_heading(text)) && dateline(text).is_none() {
        // A short line opening with a dateline is running text cut short.
        Kind::Title
    } else {
        Kind::Body
    }
}

/// Lines the units left out, with the role they had: jump lines and
/// running heads, which mean nothing once the paper is a reader.
pub type Skipped = Vec<(usize, Role)>;

/// Builds units from lines: joins the lines of one paragraph, then heals
/// paragraphs cut by page breaks.
pub fn units(lines: &[Line<'_>], profile: &Profile, skipped: &mut Skipped) -> Vec<Unit> {
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
        if line.is_blank() {
            gap += 1;
            prev = None;
            continue;
        }
        if let Some(role) = furniture(line.text, profile) {
            skipped.push((line.no, role));
            gap += 1;
            prev = None;
            continue;
        }
        let kind = kind_of(line.text);
        match (prev, out.last_mut()) {
            (Some((a, a_kind)), Some(unit)) if same_paragraph(&a, a_kind, line, kind, profile) => {
                join_into(&mut unit.text, line.text);
                unit.lines.1 = line.no;
                joined = true;
            }
            _ => {
                finish(&mut out, &mut joined);
                out.push(Unit::of_line(line, gap, kind));
                gap = 0;
            }
        }
        prev = Some((*line, kind));
    }
    finish(&mut out, &mut joined);
    heal(out, profile)
}

/// Print furniture a line can be known by alone: a jump line (`(下转第2
/// 版)`, one holding two jumps) or a running head repeated on every page.
fn furniture(text: &str, profile: &Profile) -> Option<Role> {
    if text.len() <= 160 && is_jump_line(text) {
        Some(Role::Jump)
    } else if !profile.repeated.is_empty() && profile.repeated.binary_search_by(|r| r.as_str().cmp(text)).is_ok() {
        Some(Role::Furniture)
    } else {
        None
    }
}

/// Whether line `b` continues the paragraph whose last line is `a`.
fn same_paragraph(a: &Line<'_>, a_kind: Kind, b: &Line<'_>, b_kind: Kind, profile: &Profile) -> bool {
    let standalone = |k: Kind| {
        matches!(k, Kind::Marker | Kind::Byline | Kind::Attribution | Kind::Credit | Kind::Separator | Kind::Noise)
    };
    // A caption hard-wrapped over lines is one caption.
    let wrapped_caption = a_kind == Kind::Credit
        && !standalone(b_kind)
        && (profile.wrap.is_some_and(|w| a.width() * 10 >= w * 8 || !ends_sentence(a.text))
            || !ends_sentence(a.text) && b.text.starts_with(|c: char| c.is_lowercase()));
    if standalone(a_kind) && !wrapped_caption || standalone(b_kind) || profile.indented && b.indent {
        return false;
    }
    if hyphenated(a.text, b.text) {
        return true;
    }
    match profile.shape {
        Shape::ParagraphPerLine | Shape::ArticlePerLine => false,
        // Sentences make up the paragraph an indent began.
        Shape::SentencePerLine => profile.indented && a_kind == Kind::Body && b_kind == Kind::Body,
        Shape::BlankParagraphs | Shape::Columns => wrapped_paragraph(a, a_kind, b, b_kind, profile),
    }
}

/// In blank-line paragraphs and hard-wrapped columns: a full line goes on
/// in the next, and so does a sentence left unfinished.
fn wrapped_paragraph(a: &Line<'_>, a_kind: Kind, b: &Line<'_>, b_kind: Kind, profile: &Profile) -> bool {
    // Where paragraphs are indented, an unindented short line after a
    // finished sentence is a subhead, however full the line before it.
    if profile.indented && b_kind == Kind::Title && ends_sentence(a.text) {
        return false;
    }
    let a_title = a_kind == Kind::Title;
    // A Latin line that goes on in lower case continues its sentence; a
    // block set in (verse, a quoted cutting) is one paragraph.
    if b.text.starts_with(|c: char| c.is_lowercase()) && !super::super::text::is_cjk_dominant(a.text)
        || a.indent && b.indent && !profile.indented
    {
        return true;
    }
    // A line that reaches the wrap column goes on in the next, whatever it
    // looks like.
    if let Some(w) = profile.wrap
        && a.width() * 10 >= w * 8
    {
        return true;
    }
    if profile.shape == Shape::Columns && !a_title && a.width() * 10 >= profile.figures.median_width * 8 {
        return true;
    }
    // Two short heading lines stay apart (kicker, headline, deck): the
    // head's own rules join a Latin headline broken over lines.
    if a_title && b_kind == Kind::Title {
        return false;
    }
    if !a_title && !ends_sentence(a.text) {
        return true;
    }
    (profile.indented || profile.sentence_lines) && !a_title && b_kind != Kind::Title
}

/// Joins units that a page break split mid-sentence: the first ends without
/// sentence-final punctuation and the second carries the sentence on.
fn heal(units: Vec<Unit>, profile: &Profile) -> Vec<Unit> {
    // Where every line is a unit, a sentence cut by a page break shows as a
    // line that stops short; elsewhere only a blank line can cut one.
    let per_line = matches!(profile.shape, Shape::ParagraphPerLine | Shape::SentencePerLine);
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    for v in units {
        // Running text or a byline before `u` means `u` is no headline.
        let in_body = out.len() >= 2 && matches!(out[out.len() - 2].kind, Kind::Body | Kind::Byline);
        if let Some(u) = out.last_mut()
            && (v.gap > 0 || per_line && !(profile.indented && v.indent))
            && continues(u, &v, in_body)
        {
            join_into(&mut u.text, &v.text);
            u.lines.1 = v.lines.1;
            u.kind = Kind::Body;
            continue;
        }
        out.push(v);
    }
    out
}

/// `in_body`: the unit before `u` is running text or a byline, so `u` is no headline.
fn continues(u: &Unit, v: &Unit, in_body: bool) -> bool {
    if !matches!(u.kind, Kind::Body | Kind::Title) || ends_sentence(&u.text) || closing_credit(&u.text).is_some() {
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
        units(&lines, &profile, &mut Vec::new()).into_iter().map(|u| u.text).collect()
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
    fn page_break_heals_where_every_line_is_a_paragraph() {
        let src = "第一段说完了。\n会议指出,为山东发展提供了\n重大战略机遇。\n第三段也说完了。\n";
        assert_eq!(texts(src), ["第一段说完了。", "会议指出,为山东发展提供了重大战略机遇。", "第三段也说完了。"]);
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

    #[test]
    fn adjacent_chinese_head_lines_stay_apart() {
        let src = "\n\n习近平主席新年贺词引发热烈反响——\n只争朝夕 不负韶华\n\n　　第一段。\n\n　　第二段。\n";
        assert_eq!(texts(src), ["习近平主席新年贺词引发热烈反响——", "只争朝夕 不负韶华", "第一段。", "第二段。"]);
    }
}
