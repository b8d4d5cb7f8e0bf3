//! The file's shape, measured once before any line is read for meaning:
//! how paragraphs are delimited (blank lines, line ends, indents, a hard
//! wrap), whether lines are sentences, paragraphs or whole articles, and
//! what separates articles. Every rule after this asks the profile first,
//! so that a file with no blank lines is never read by blank-line rules.

use super::super::classify::{is_all_caps, is_byline, is_section_marker, is_separator_line, is_title_like};
use super::super::lines::Line;
use super::super::text::{ends_sentence, head, is_cjk_dominant, is_terminal};
use std::collections::HashMap;

/// How a file sets out its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// Paragraphs separated by blank lines (maybe hard-wrapped inside).
    #[default]
    BlankParagraphs,
    /// One paragraph per line, no blank lines between them.
    ParagraphPerLine,
    /// One sentence per line.
    SentencePerLine,
    /// One article per line: head and body joined by a separator.
    ArticlePerLine,
    /// Lines hard-wrapped at a column width, no blank lines: OCR'd page
    /// columns, or text wrapped for a terminal.
    Columns,
}

impl Shape {
    /// The shape's name, for `dump --explain`.
    pub fn name(self) -> &'static str {
        match self {
            Shape::BlankParagraphs => "blank-line paragraphs",
            Shape::ParagraphPerLine => "one paragraph per line",
            Shape::SentencePerLine => "one sentence per line",
            Shape::ArticlePerLine => "one article per line",
            Shape::Columns => "hard-wrapped columns",
        }
    }
}

/// What was measured, in whole numbers (percentages of non-blank lines).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Lines in the file.
    pub lines: usize,
    /// Lines with text.
    pub text_lines: usize,
    /// Runs of blank lines between text.
    pub blank_runs: usize,
    /// Runs of two or more blank lines.
    pub long_blank_runs: usize,
    /// Median width of a text line, in cells.
    pub median_width: usize,
    /// 90th percentile width.
    pub p90_width: usize,
    /// Lines ending a sentence, %.
    pub terminal: usize,
    /// Lines holding more than one sentence, %.
    pub multi_sentence: usize,
    /// Indented lines, %.
    pub indented: usize,
    /// Lines ending in a word hyphen, %.
    pub hyphenated: usize,
    /// All-capitals lines, %.
    pub caps: usize,
    /// Lines of mostly CJK text, %.
    pub cjk: usize,
    /// Blank-line runs followed by a headline-like line, %.
    pub blank_then_title: usize,
    /// Lines holding the separator, %.
    pub separator: usize,
    /// Short lines printed three times or more (running headers).
    pub repeated: usize,
}

/// What the whole file looks like, for decisions a single line can't make.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The shape picked from the figures.
    pub shape: Shape,
    /// The column the text was hard-wrapped at, if it was.
    pub wrap: Option<usize>,
    /// Paragraphs are marked by indenting their first line.
    pub indented: bool,
    /// Units are separated by blank lines (so adjacent lines belong together).
    pub blank_separated: bool,
    /// This many blank lines in a row mark a new article (`usize::MAX`:
    /// blank lines say nothing about articles).
    pub article_gap: usize,
    /// The blank lines usually between units; more than this is a break.
    pub para_gap: usize,
    /// Lines are single sentences: in blank-line paragraphs, adjacent
    /// lines of text are one paragraph even when each ends a sentence.
    pub sentence_lines: bool,
    /// The token joining head and body in one-article-per-line files.
    pub separator: Option<String>,
    /// Latin text with all-capitals headlines and column furniture: OCR'd
    /// page text, where noise lines and caps runs have rules of their own.
    pub ocr: bool,
    /// Short lines repeated on several pages: running heads, not text.
    pub repeated: Vec<String>,
    /// The measurements behind the choice.
    pub figures: Figures,
}

/// Lines measured for the shares of the profile, at most.
const SAMPLE: usize = 4000;

/// Lines at least this long (in bytes) are whole articles or at least
/// whole paragraphs, never a hard-wrapped line.
const ARTICLE_LINE: usize = 600;
/// Shorter records (a title and a summary, a CSV row) count when nearly
/// every line of the file is one, joined by the same separator.
const RECORD_LINE: usize = 80;

/// How a CSV row parts its quoted fields.
pub const CSV: &str = "\",\"";

impl Profile {
    /// Reads the profile off all lines of a file.
    pub fn of(lines: &[Line<'_>]) -> Profile {
        let mut f = Figures { lines: lines.len(), ..Figures::default() };
        let text: Vec<&Line<'_>> = lines.iter().filter(|l| !l.is_blank()).collect();
        f.text_lines = text.len();
        // Shares are read off an even sample of the lines: a few thousand
        // tell a file's shape as well as millions, and keep the profile a
        // small part of the parse.
        let step = (text.len() / SAMPLE).max(1);
        let n = text.len().div_ceil(step).max(1);
        let pct = |k: usize| k * 100 / n;
        let mut widths: Vec<usize> = Vec::with_capacity(n);
        let (mut terminal, mut multi, mut indented, mut hyphen, mut caps, mut cjk, mut long) = (0, 0, 0, 0, 0, 0, 0);
        for l in text.iter().step_by(step) {
            widths.push(l.width());
            terminal += usize::from(ends_sentence(l.text));
            multi += usize::from(sentences(l.text) >= 2);
            indented += usize::from(l.indent);
            hyphen += usize::from(ends_in_hyphen(l.text));
            let is_cjk = is_cjk_dominant(sample(l.text));
            caps += usize::from(!is_cjk && l.text.len() <= 200 && is_all_caps(l.text));
            cjk += usize::from(is_cjk);
            long += usize::from(l.text.len() >= ARTICLE_LINE);
        }
        widths.sort_unstable();
        let at = |q: usize| widths.get((widths.len() * q / 100).min(widths.len().saturating_sub(1))).copied();
        f.median_width = at(50).unwrap_or(0);
        f.p90_width = at(90).unwrap_or(0);
        (f.terminal, f.multi_sentence, f.indented, f.hyphenated, f.caps, f.cjk) =
            (pct(terminal), pct(multi), pct(indented), pct(hyphen), pct(caps), pct(cjk));

        let gaps = blank_runs(lines);
        f.blank_runs = gaps.len();
        f.long_blank_runs = gaps.iter().filter(|g| g.len >= 2).count();
        let titled = gaps.iter().filter(|g| g.then_title).count();
        f.blank_then_title = titled * 100 / gaps.len().max(1);

        let separator = if long * 10 >= n * 6 { separator(&text, ARTICLE_LINE, 6) } else { None }
            // Spaces need more lines to tell records from prose; symbols
            // like `@@@@` say it at once.
            .or_else(|| separator(&text, RECORD_LINE, 8).filter(|(s, _)| f.text_lines >= 5 || !s.trim().is_empty()));
        f.separator = separator.as_ref().map_or(0, |(_, k)| pct(*k));
        let repeated = repeated_lines(&text);
        f.repeated = repeated.len();

        let blanks_common = f.blank_runs * 4 >= f.text_lines && f.blank_runs > 0;
        let wrap = if blanks_common || f.terminal < 50 { wrap_width(lines, step) } else { None };
        // Blank lines that mostly come before headlines, with several lines
        // of text between them, part articles rather than paragraphs (the
        // first line of a hard-wrapped paragraph looks like a headline too).
        let between_articles = f.blank_then_title >= 60 && f.blank_runs * 3 <= f.text_lines && wrap.is_none();
        let blank_separated = blanks_common && !between_articles;
        let shape = if separator.is_some() {
            Shape::ArticlePerLine
        } else if blank_separated {
            Shape::BlankParagraphs
        } else if wrap.is_some() || f.terminal < 35 && f.text_lines >= 20 && clustered(&widths, f.median_width) {
            Shape::Columns
        } else if f.multi_sentence * 4 < f.terminal && f.text_lines >= 4 {
            Shape::SentencePerLine
        } else {
            Shape::ParagraphPerLine
        };
        let para_gap = usual_gap(&gaps);
        let article_gap = article_gap(shape, &gaps, &f, para_gap);
        let ocr = f.cjk < 50 && f.caps >= 2 && matches!(shape, Shape::Columns | Shape::ParagraphPerLine);
        Profile {
            shape,
            wrap,
            indented: indented >= 3 && indented * 10 >= n && !(blank_separated && verse_indents(lines)),
            blank_separated,
            article_gap,
            para_gap,
            sentence_lines: f.multi_sentence * 4 < f.terminal && f.text_lines >= 12,
            separator: separator.map(|(s, _)| s),
            ocr,
            repeated,
            figures: f,
        }
    }
}

/// The first few hundred bytes of a line: enough to tell its script and
/// whether it holds more than one sentence.
fn sample(text: &str) -> &str {
    head(text, 300)
}

/// Sentences in a line: sentence-final marks followed by more text.
fn sentences(text: &str) -> usize {
    let mut count = 0;
    let mut prev_terminal = false;
    for c in sample(text).chars() {
        let t = is_terminal(c);
        if prev_terminal && !t && !super::super::text::is_closing(c) && !c.is_ascii_digit() {
            count += 1;
        }
        prev_terminal = t;
    }
    count + usize::from(ends_sentence(text))
}

fn ends_in_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

/// In blank-line paragraphs, whether the indented lines are whole blocks
/// set in (verse, quoted cuttings) rather than the first lines of
/// paragraphs: more blocks of several lines are indented throughout than
/// begin with an indent and then run flush.
fn verse_indents(lines: &[Line<'_>]) -> bool {
    let (mut whole, mut first) = (0usize, 0usize);
    for block in lines.split(|l| l.is_blank()).filter(|b| b.len() >= 2) {
        // Verse and cuttings are set in short lines; indented lines of a
        // paragraph's length are paragraphs, one per line.
        let short = block.iter().map(Line::width).sum::<usize>() <= block.len() * 60;
        if block.iter().all(|l| l.indent) && short {
            whole += 1;
        } else if block[0].indent && block[1..].iter().all(|l| !l.indent) {
            first += 1;
        }
    }
    whole > first
}

/// A run of blank lines: how long, and whether a headline-like line follows.
struct Gap {
    len: usize,
    then_title: bool,
}

fn blank_runs(lines: &[Line<'_>]) -> Vec<Gap> {
    let mut out = Vec::new();
    let mut run = 0;
    let mut seen_text = false;
    for l in lines {
        if l.is_blank() {
            run += 1;
            continue;
        }
        if run > 0 && seen_text {
            let t = l.text;
            let then_title = t.len() <= 240 && (is_title_like(t) || is_section_marker(t)) && !l.indent;
            out.push(Gap { len: run, then_title });
        }
        run = 0;
        seen_text = true;
    }
    out
}

/// How many blank lines usually stand between units: the commonest run.
fn usual_gap(gaps: &[Gap]) -> usize {
    let mut counts = [0usize; 8];
    for g in gaps {
        counts[g.len.min(7)] += 1;
    }
    (1..8).max_by_key(|&k| (counts[k], std::cmp::Reverse(k))).filter(|&k| counts[k] > 0).unwrap_or(1)
}

/// The blank lines that part articles: in text set one unit per line, any
/// blank line when most are followed by a headline; in blank-line
/// paragraphs, the longer runs when they mostly come before headlines.
fn article_gap(shape: Shape, gaps: &[Gap], f: &Figures, para_gap: usize) -> usize {
    match shape {
        Shape::BlankParagraphs => {
            let long: Vec<&Gap> = gaps.iter().filter(|g| g.len > para_gap).collect();
            let titled = long.iter().filter(|g| g.then_title).count();
            if long.len() >= 2 && titled * 10 >= long.len() * 6 && long.len() * 2 <= gaps.len() {
                para_gap + 1
            } else {
                usize::MAX
            }
        }
        Shape::ArticlePerLine => usize::MAX,
        _ if f.blank_runs >= 2 && f.blank_then_title >= 60 => 1,
        _ => usize::MAX,
    }
}

/// Widths cluster around the median: most lines are within a third of it.
fn clustered(widths: &[usize], median: usize) -> bool {
    if !(20..=110).contains(&median) {
        return false;
    }
    let near = widths.iter().filter(|&&w| w * 3 >= median * 2 && w * 3 <= median * 4).count();
    near * 10 >= widths.len() * 6
}

/// The hard-wrap column: most lines followed by more text reach close to
/// it, and hardly any line in the file is wider.
fn wrap_width(lines: &[Line<'_>], step: usize) -> Option<usize> {
    let is_inner = |w: &&[Line<'_>]| !w[0].is_blank() && !w[1].is_blank() && !w[1].indent;
    let mut inner: Vec<usize> = lines.windows(2).step_by(step).filter(is_inner).map(|w| w[0].width()).collect();
    let mut all: Vec<usize> = lines.iter().step_by(step).filter(|l| !l.is_blank()).map(Line::width).collect();
    let nonblank = all.len();
    // Only text that is mostly runs of adjacent lines can be hard-wrapped.
    if inner.len() < 3 || inner.len() * 10 < nonblank * 3 {
        return None;
    }
    let p95 = |v: &mut [usize]| {
        v.sort_unstable();
        v[(v.len() * 95 / 100).min(v.len() - 1)]
    };
    let w = p95(&mut inner);
    let widest = p95(&mut all);
    let full = inner.iter().filter(|&&x| x * 10 >= w * 8).count();
    let plausible = (30..=200).contains(&w) && widest * 10 <= w * 11 && full * 10 >= inner.len() * 6;
    plausible.then_some(w)
}

/// The separator of a one-article-per-line file: the same run of
/// punctuation or spaces, early in most long lines, with a short head
/// before it (`标题@@@@本报讯…`, `Title<TAB>Body`, `title | body`).
fn separator(text: &[&Line<'_>], min_len: usize, tenths: usize) -> Option<(String, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let lines: Vec<&&Line<'_>> = text.iter().filter(|l| l.text.len() >= min_len).collect();
    // Records show in the first two hundred lines, if anywhere: look no
    // further in text that has none.
    let sample = &lines[..lines.len().min(200)];
    if sample.iter().filter(|l| first_separator(l.text).is_some()).count() * 10 < sample.len() * tenths {
        return None;
    }
    for l in &lines {
        if let Some(sep) = first_separator(l.text) {
            *counts.entry(sep).or_default() += 1;
        }
    }
    let (sep, k) = counts.into_iter().max_by_key(|&(s, k)| (k, s.len()))?;
    // Short records must be nearly every line of the file, not just of
    // the long ones.
    let enough = k * 10 >= lines.len() * tenths && (min_len >= ARTICLE_LINE || k * 10 >= text.len() * tenths);
    (enough && k >= 2).then(|| (sep.to_string(), k))
}

/// The first run of separator characters in the first 400 bytes of a
/// line, after at least two characters of head: two or more spaces, or
/// symbols that never occur inside a headline (`@@@`, `|`, `###`, `==>`).
pub fn first_separator(line: &str) -> Option<&str> {
    // A CSV row of quoted fields: `"3","Fears for pension","Unions…"`.
    if line.starts_with('"') && line.contains(CSV) {
        return Some(CSV);
    }
    let head = head(line, 400);
    let is_sep = |c: char| matches!(c, '@' | '|' | '#' | '=' | '>' | '~' | '^' | '¦' | '‖' | '\u{3000}' | ' ');
    let mut chars = head.char_indices().peekable();
    let mut seen = 0;
    while let Some((i, c)) = chars.next() {
        seen += 1;
        if !is_sep(c) || seen < 3 {
            continue;
        }
        let end = head[i..].find(|c: char| !is_sep(c)).map_or(head.len(), |k| i + k);
        let run = &head[i..end];
        let spaces = run.chars().all(|c| c == ' ' || c == '\u{3000}');
        let symbol_run = run.trim().chars().count() >= 1 && !run.trim().chars().all(|c| c == '\u{3000}');
        // Spaces part a head from a body only after a head that is no
        // sentence (`Bridge reopens    RIVERTON — …`, a tab expanded);
        // two spaces after a full stop are typing, not a separator.
        let before = head[..i].trim_end();
        let head_like = !super::super::text::ends_sentence(before) && before.chars().count() <= 120;
        if spaces && run.chars().count() >= 2 && head_like {
            // Runs of any length are one separator: tabs expand to spaces.
            return Some(&run[..run.char_indices().nth(2).map_or(run.len(), |(k, _)| k)]);
        }
        if !spaces && symbol_run && (run.trim().len() >= 2 || run.trim() == "|") {
            return Some(run);
        }
        while chars.peek().is_some_and(|&(k, _)| k < end) {
            chars.next();
        }
    }
    None
}

/// Short lines printed three times or more, at least a dozen lines apart:
/// a running head or foot on every page (`清河日报 2024年3月8日`, `THE
/// RIVERTON COURIER`), furniture rather than text.
fn repeated_lines(text: &[&Line<'_>]) -> Vec<String> {
    // Showings a page apart (twelve lines) and a few lines apart, counted
    // first; what a running head must look like is asked of the few lines
    // printed three times.
    let mut seen: HashMap<&str, [(usize, usize); 2]> = HashMap::new();
    for (k, l) in text.iter().enumerate() {
        let t = l.text;
        if t.len() > 90 || t.len() < 4 {
            continue;
        }
        let e = seen.entry(t).or_insert([(0, 0); 2]);
        for (slot, apart) in e.iter_mut().zip([12, 3]) {
            if slot.0 == 0 || k >= slot.1 + apart {
                slot.0 += 1;
                slot.1 = k;
            }
        }
    }
    let mut out: Vec<String> = seen
        .into_iter()
        .filter(|(t, [page, near])| {
            // Bylines and credits repeat on every wire story: they are
            // text. A head with the date may sit on short pages.
            let credit = t.starts_with(['(', '（', '[', '{']) || is_byline(t);
            let dated = super::super::meta::find_date(t).is_some();
            let shown = if dated { near.0 } else { page.0 };
            shown >= 3
                && t.chars().count() >= 4
                && !ends_sentence(t)
                && !is_separator_line(t)
                && !credit
                && !is_section_marker(t)
        })
        .map(|(t, _)| t.to_string())
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> Profile {
        Profile::of(&Line::split(src, 1))
    }

    #[test]
    fn separators() {
        assert_eq!(first_separator("镇上开通首条公交线路@@@@本报讯 昨天上午……"), Some("@@@@"));
        assert_eq!(first_separator("Bridge reopens    RIVERTON — The bridge…"), Some("  "));
        assert_eq!(first_separator("The bridge reopened.  Traffic was light."), None);
        assert_eq!(first_separator("\"3\",\"Fears for pension\",\"Unions representing workers…\""), Some(CSV));
        assert_eq!(first_separator("Bridge reopens | RIVERTON — The bridge…"), Some(" | "));
        assert_eq!(first_separator("The council voted on Friday to approve the budget."), None);
    }

    #[test]
    fn blank_lines_between_articles_only() {
        let src = "标题一\n　　第一段。\n　　第二段。\n\n标题二\n　　第一段。\n\n标题三\n　　正文。\n";
        let p = shape(src);
        assert_eq!(p.shape, Shape::SentencePerLine);
        assert_eq!(p.article_gap, 1);
        assert!(!p.blank_separated);
    }
}
