//! Archive-wide search: the query matcher, an issue's text in the form the
//! index keeps it, and turning a match into a hit (article, position,
//! snippet). Also the search without an index, which parses as it goes.
//!
//! Matching agrees with the in-issue search (`find.rs`) on CJK and
//! on Latin letters in ASCII: CJK by substring in either script (the query
//! and the text both folded by `script::fold_into`, which keeps every byte
//! offset), ASCII letters without regard to case. Letters outside ASCII
//! (`É`, `Ж`) match only in the case typed.
//!
//! The indexed text of an issue is its articles' texts one after another,
//! so that the index can read one article without the rest. An article's
//! text is its elements folded; where folding changed anything (a paper in
//! traditional characters), the elements as printed follow, the same
//! length, for snippets and headlines.

use super::name;
use super::pool::run_indexed;
use super::source::Source;
use crate::model::{ArticleId, Element, Issue, Pos, newest_first};
use crate::script::{fold_into, fold_str};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// One article that matches, with where and how it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveHit {
    /// The issue file (absolute), or `bundled:NAME`.
    pub path: PathBuf,
    /// The issue's title.
    pub issue_title: String,
    /// The issue's date.
    pub date: Option<jiff::civil::Date>,
    /// The article, as `parse_issue` names it.
    pub article: ArticleId,
    /// The headline, or for an untitled article the start of its text in
    /// parentheses (as lists show it).
    pub headline: String,
    /// Where the first match in the article starts.
    pub pos: Pos,
    /// A short window of the element around the first match, on one line,
    /// with `…` where it was cut.
    pub snippet: String,
    /// The match's byte range inside `snippet`.
    pub snippet_match: std::ops::Range<usize>,
}

/// What a search did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchStats {
    /// Issues searched.
    pub issues: usize,
    /// Bytes of text searched.
    pub bytes: u64,
    /// Issues with at least one matching article.
    pub matched_issues: usize,
    /// Hits passed on (matching articles).
    pub hits: usize,
    /// Stopped early: cancelled, or the caller wanted no more hits.
    pub stopped: bool,
    /// The index turned out damaged; hits passed on before that are right,
    /// the rest are missing. Update the index (it rebuilds) and search again.
    pub damaged: bool,
}

/// A compiled query: exact bytes, or ASCII letters folded.
pub(crate) struct Matcher {
    len: usize,
    kind: MatchKind,
}

enum MatchKind {
    Exact(Box<memchr::memmem::Finder<'static>>),
    Folded(aho_corasick::AhoCorasick),
}

impl Matcher {
    /// The matcher for `query`; `None` when it can match nothing (blank, or
    /// holding a line break, which no element's text has).
    pub fn new(query: &str) -> Option<Matcher> {
        if query.chars().all(char::is_whitespace) || query.contains(['\n', '\0']) {
            return None;
        }
        let folded = fold_str(query);
        let bytes = folded.as_bytes();
        let kind = if bytes.iter().any(u8::is_ascii_alphabetic) {
            let ac = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build([bytes]).ok()?;
            MatchKind::Folded(ac)
        } else {
            MatchKind::Exact(Box::new(memchr::memmem::Finder::new(bytes).into_owned()))
        };
        Some(Matcher { len: bytes.len(), kind })
    }

    /// The query's length in bytes (every match has this length).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Where the first match in `hay` starts.
    pub fn find(&self, hay: &[u8]) -> Option<usize> {
        match &self.kind {
            MatchKind::Exact(f) => f.find(hay),
            MatchKind::Folded(ac) => ac.find(hay).map(|m| m.start()),
        }
    }
}

/// Separates elements in the indexed text. No element's text holds one, so
/// no match crosses from one element (or article, or issue) into the next.
pub(crate) const SEP: u8 = b'\n';

/// Which elements an article has, in reading order, so that its text can be
/// split back into them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// The article id's 48 bits.
    pub id: u64,
    pub kicker: bool,
    pub decks: u32,
    pub byline: bool,
    pub blocks: u32,
    pub attribution: bool,
    /// The bytes of its text as [`encode`] wrote it.
    pub len: u32,
}

impl Shape {
    /// The article's elements in the order `Article::elements` gives them.
    pub fn elements(&self) -> impl Iterator<Item = Element> + use<> {
        let decks = (0..self.decks as usize).map(Element::Deck);
        let byline = self.byline.then_some(Element::Byline);
        let blocks = (0..self.blocks as usize).map(Element::Block);
        let attribution = self.attribution.then_some(Element::Attribution);
        let kicker = self.kicker.then_some(Element::Kicker);
        kicker
            .into_iter()
            .chain(std::iter::once(Element::Headline))
            .chain(decks)
            .chain(byline)
            .chain(blocks)
            .chain(attribution)
    }

    /// How many elements the article has.
    pub fn element_count(&self) -> usize {
        1 + usize::from(self.kicker)
            + self.decks as usize
            + usize::from(self.byline)
            + self.blocks as usize
            + usize::from(self.attribution)
    }

    /// The article id.
    pub fn article_id(&self) -> ArticleId {
        ArticleId(format!("{:012x}", self.id))
    }
}

/// Appends the issue's searchable text to `text`, article after article:
/// each article's elements, each followed by [`SEP`], folded; then, if
/// folding changed anything, the same as printed. Returns the articles'
/// shapes, each with the length of its text.
pub(crate) fn encode(issue: &Issue, text: &mut Vec<u8>) -> Vec<Shape> {
    let mut printed = Vec::new();
    let mut shapes = Vec::new();
    for a in issue.articles() {
        let from = text.len();
        for (_, t) in a.elements() {
            let start = text.len();
            text.extend_from_slice(t.as_bytes());
            // Never there (the model's text has no line breaks), but a
            // stray one must not shift every element after it.
            for b in &mut text[start..] {
                if *b == SEP {
                    *b = 0;
                }
            }
            text.push(SEP);
        }
        printed.clear();
        printed.extend_from_slice(&text[from..]);
        if fold_into(&mut text[from..]) {
            text.extend_from_slice(&printed);
        }
        shapes.push(Shape {
            id: u64::from_str_radix(&a.id.0, 16).unwrap_or(0),
            kicker: a.kicker.is_some(),
            decks: a.decks.len() as u32,
            byline: a.byline.is_some(),
            blocks: a.blocks.len() as u32,
            attribution: a.attribution.is_some(),
            len: u32::try_from(text.len() - from).unwrap_or(u32::MAX),
        });
    }
    shapes
}

/// An issue as hits name it.
pub(crate) struct HitIssue<'a> {
    pub path: &'a Path,
    pub title: &'a str,
    pub date: Option<jiff::civil::Date>,
}

/// Appends a hit for each article of the issue whose text (as [`encode`]
/// wrote it, the articles of `shapes`) matches, in reading order. Returns
/// `false` when the text does not fit the shapes (a damaged index).
pub(crate) fn resolve(
    m: &Matcher,
    text: &[u8],
    issue: &HitIssue<'_>,
    shapes: &[Shape],
    out: &mut Vec<ArchiveHit>,
) -> bool {
    let before = out.len();
    let mut at = 0;
    for shape in shapes {
        let end = at + shape.len as usize;
        if end > text.len() || !resolve_article(m, &text[at..end], issue, shape, out) {
            out.truncate(before);
            return false;
        }
        at = end;
    }
    if at != text.len() {
        out.truncate(before);
        return false;
    }
    true
}

/// Appends a hit if one article's text (as [`encode`] wrote it) matches.
/// Returns `false` when the text does not fit the shape.
pub(crate) fn resolve_article(
    m: &Matcher,
    text: &[u8],
    issue: &HitIssue<'_>,
    shape: &Shape,
    out: &mut Vec<ArchiveHit>,
) -> bool {
    // Most articles read hold no match: one look says so, before the
    // elements are counted. (The match may be in the printed half only,
    // which is not searched; then there is no hit below.)
    if m.find(text).is_none() {
        return text.last().is_none_or(|&b| b == SEP);
    }
    // Where each element ends; they must be exactly as many as the shape
    // says, or twice as many: the folded text, then the same as printed.
    let mut ends: Vec<usize> = memchr::memchr_iter(SEP, text).collect();
    let count = shape.element_count();
    if ends.last().is_some_and(|&e| e + 1 != text.len()) {
        return false;
    }
    let (text, printed) = if ends.len() == 2 * count {
        let half = ends[count - 1] + 1;
        if (0..count).any(|k| ends[count + k] != half + ends[k]) {
            return false;
        }
        ends.truncate(count);
        text.split_at(half)
    } else if ends.len() == count {
        (text, text)
    } else {
        return false;
    };
    let Some(found) = m.find(text) else { return true };
    let start_of = |k: usize| if k == 0 { 0 } else { ends[k - 1] + 1 };
    // The element holding the match.
    let k = ends.partition_point(|&end| end < found);
    let Some(element) = shape.elements().nth(k) else { return false };
    let offset = found - start_of(k);
    // Snippets and headlines as printed: the same offsets. (The headline
    // comes after the kicker, when there is one.)
    let h = usize::from(shape.kicker);
    let (Ok(headline), Some((snippet, snippet_match))) =
        (std::str::from_utf8(&printed[start_of(h)..ends[h]]), snippet(&printed[start_of(k)..ends[k]], offset, m.len()))
    else {
        return false;
    };
    let first_block = (headline.is_empty() && shape.blocks > 0).then(|| {
        let b = h + 1 + shape.decks as usize + usize::from(shape.byline);
        &printed[start_of(b)..ends[b]]
    });
    out.push(ArchiveHit {
        path: issue.path.to_path_buf(),
        issue_title: issue.title.to_string(),
        date: issue.date,
        article: shape.article_id(),
        headline: label(headline, first_block),
        pos: Pos { element, offset },
        snippet,
        snippet_match,
    });
    true
}

/// What lists show for an article (`Article::label`).
fn label(headline: &str, first_block: Option<&[u8]>) -> String {
    if !headline.is_empty() {
        return headline.to_string();
    }
    let first = first_block.map(String::from_utf8_lossy).unwrap_or_default();
    let first: String = first.chars().take(40).collect();
    if first.is_empty() { "(untitled)".into() } else { format!("({first})") }
}

/// How much context a snippet shows on each side of the match, in terminal
/// cells: 30 ideographs, or 60 Latin letters.
const CONTEXT_CELLS: usize = 60;

/// A window of `text` around the match at `start` (`len` bytes), cut at
/// character boundaries, with `…` where cut, on one line; and the match's
/// range in it. Only the window is checked to be UTF-8 (`None` if not), so
/// a long paragraph costs no more than a short one.
pub(crate) fn snippet(text: &[u8], start: usize, len: usize) -> Option<(String, std::ops::Range<usize>)> {
    // Wide (3- and 4-byte) characters take two cells.
    let cells = |bytes: usize| if bytes >= 3 { 2 } else { 1 };
    let continuation = |b: u8| b & 0xC0 == 0x80;
    let (mut from, mut used) = (start, 0);
    while from > 0 {
        let mut c = from - 1;
        while c > 0 && continuation(text[c]) {
            c -= 1;
        }
        used += cells(from - c);
        if used > CONTEXT_CELLS {
            break;
        }
        from = c;
    }
    let end = start + len;
    let (mut to, mut used) = (end, 0);
    while to < text.len() {
        let n = match text[to] {
            b if b < 0x80 => 1,
            b if b < 0xE0 => 2,
            b if b < 0xF0 => 3,
            _ => 4,
        };
        used += cells(n);
        if used > CONTEXT_CELLS || to + n > text.len() {
            break;
        }
        to += n;
    }
    let window = std::str::from_utf8(&text[from..to]).ok()?;
    let mut out = String::with_capacity(to - from + 6);
    if from > 0 {
        out.push('…');
    }
    let at = out.len() + (start - from);
    // Controls are C0, DEL and C1 (U+0080–U+009F, which start with 0xC2).
    if window.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xC2) {
        out.extend(window.chars().map(|c| if c.is_control() { ' ' } else { c }));
    } else {
        out.push_str(window);
    }
    if to < text.len() {
        out.push('…');
    }
    Some((out, at..at + len))
}

/// Searches issues without an index: each is read, parsed and searched, on
/// every core. Hits come sorted (newest issue first, then reading order),
/// after all sources are searched; sources that fail to load go to
/// `on_error` (name, problem). File paths in hits are made absolute, like
/// the index's.
pub fn search_sources(
    sources: &[Source],
    query: &str,
    on_hit: &mut dyn FnMut(ArchiveHit) -> bool,
    on_error: &mut dyn FnMut(String, String),
    cancel: &AtomicBool,
) -> SearchStats {
    let mut stats = SearchStats::default();
    let Some(m) = Matcher::new(query) else { return stats };
    let mut found: Vec<(Option<jiff::civil::Date>, PathBuf, Vec<ArchiveHit>)> = Vec::new();
    let search_one = |text: &mut Vec<u8>, k: usize| {
        let source = match &sources[k] {
            Source::File(p) => Source::File(std::path::absolute(p).unwrap_or_else(|_| p.clone())),
            other => other.clone(),
        };
        source.load().map(|parsed| {
            text.clear();
            let shapes = encode(&parsed.issue, text);
            // The file itself, not the name it is shown by (lossy for a
            // name that is not UTF-8, escaped for control characters).
            let path = match &source {
                Source::File(p) => p.clone(),
                Source::Bundled { .. } => PathBuf::from(source.display_name()),
            };
            let info = HitIssue { path: &path, title: &parsed.issue.title, date: parsed.issue.date };
            let mut hits = Vec::new();
            resolve(&m, text, &info, &shapes, &mut hits);
            (parsed.issue.date, path, text.len(), hits)
        })
    };
    run_indexed(sources.len(), 64, cancel, Vec::new, search_one, |_, result| {
        match result {
            Ok((date, path, bytes, hits)) => {
                stats.issues += 1;
                stats.bytes += bytes as u64;
                if !hits.is_empty() {
                    found.push((date, path, hits));
                }
            }
            Err(e) => on_error(e.path, e.problem.to_string()),
        }
        true
    });
    stats.stopped = cancel.load(Ordering::Relaxed);
    found.sort_by_cached_key(|(date, path, hits)| {
        let title = hits.first().map(|h| h.issue_title.clone()).unwrap_or_default();
        newest_first(*date, title, name::of_path(path))
    });
    stats.matched_issues = found.len();
    'out: for (_, _, hits) in found {
        for hit in hits {
            stats.hits += 1;
            if !on_hit(hit) {
                stats.stopped = true;
                break 'out;
            }
        }
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_issue;

    #[test]
    fn matcher_folds_ascii_only() {
        let m = Matcher::new("Covid-19").unwrap();
        assert_eq!(m.find("新冠 COVID-19 病例".as_bytes()), Some(7));
        assert_eq!(m.find(b"covid-19"), Some(0));
        assert_eq!(Matcher::new("侯营镇").unwrap().find("在侯营镇".as_bytes()), Some(3));
        assert!(Matcher::new("  ").is_none());
        assert!(Matcher::new("a\nb").is_none());
    }

    #[test]
    fn snippet_cuts_at_char_boundaries_with_ellipses() {
        let text = "一".repeat(50) + "目标" + &"二".repeat(50);
        let start = 150;
        let (s, r) = snippet(text.as_bytes(), start, "目标".len()).unwrap();
        assert_eq!(&s[r.clone()], "目标");
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(s.chars().filter(|&c| c == '一').count(), 30);
        assert_eq!(s.chars().filter(|&c| c == '二').count(), 30);
        let (whole, r) = snippet("短文目标。".as_bytes(), 6, 6).unwrap();
        assert_eq!(whole, "短文目标。");
        assert_eq!(r, 6..12);
    }

    #[test]
    fn encode_and_resolve_agree_with_the_in_issue_search() {
        let src = "第01版：要闻\n\n侯营镇简讯\n\n稳字当头 侯营镇\n\n记者 张三\n\n侯营镇持续巩固成果。COVID-19 tests.\n\n第二段 covid 侯营镇。\n\n（侯营镇 李四）\n\n无关标题\n\n没有匹配的正文。\n";
        let issue = parse_issue(src.as_bytes(), "/x/t.txt").unwrap().issue;
        let mut text = Vec::new();
        let shapes = encode(&issue, &mut text);
        let path = PathBuf::from("/x/t.txt");
        let info = HitIssue { path: &path, title: &issue.title, date: issue.date };
        for q in ["侯营镇", "covid", "COVID-19 T", "李四", "没有"] {
            let mut hits = Vec::new();
            assert!(resolve(&Matcher::new(q).unwrap(), &text, &info, &shapes, &mut hits));
            let articles: Vec<&crate::model::Article> = issue.articles().collect();
            let mut want = crate::library::find::find(&issue, q);
            want.dedup_by_key(|h| h.article);
            let got: Vec<(ArticleId, Pos)> = hits.iter().map(|h| (h.article.clone(), h.pos)).collect();
            let want: Vec<(ArticleId, Pos)> = want.iter().map(|h| (articles[h.article].id.clone(), h.pos)).collect();
            assert_eq!(got, want, "{q}");
            for h in &hits {
                assert!(h.snippet[h.snippet_match.clone()].eq_ignore_ascii_case(q), "{q}: {}", h.snippet);
            }
        }
    }

    #[test]
    fn the_index_keeps_text_folded_and_as_printed_where_they_differ() {
        let src = "臺灣經濟持續發展\n\n記者 李四\n\n臺灣的高質量發展成效明顯。COVID 病例。\n";
        let issue = parse_issue(src.as_bytes(), "/x/t.txt").unwrap().issue;
        let mut text = Vec::new();
        let shapes = encode(&issue, &mut text);
        let half = text.len() / 2;
        assert_eq!(text.len(), 2 * half, "two halves of one length");
        assert!(std::str::from_utf8(&text[..half]).unwrap().starts_with("台湾经济持续发展\n"), "folded first");
        assert!(std::str::from_utf8(&text[half..]).unwrap().starts_with("臺灣經濟持續發展\n"), "then as printed");
        let path = PathBuf::from("/x/t.txt");
        let info = HitIssue { path: &path, title: &issue.title, date: issue.date };
        let articles: Vec<&crate::model::Article> = issue.articles().collect();
        for q in ["台湾", "臺灣", "高质量发展", "covid"] {
            let mut hits = Vec::new();
            assert!(resolve(&Matcher::new(q).unwrap(), &text, &info, &shapes, &mut hits), "{q}");
            let mut want = crate::library::find::find(&issue, q);
            want.dedup_by_key(|h| h.article);
            let got: Vec<(ArticleId, Pos)> = hits.iter().map(|h| (h.article.clone(), h.pos)).collect();
            let want: Vec<(ArticleId, Pos)> = want.iter().map(|h| (articles[h.article].id.clone(), h.pos)).collect();
            assert_eq!(got, want, "{q}");
            assert_eq!(hits[0].headline, "臺灣經濟持續發展");
            assert!(!hits[0].snippet.contains('湾'), "{}", hits[0].snippet);
        }
        // A simplified issue is kept once.
        let once = parse_issue("台湾经济\n\n正文。\n".as_bytes(), "t.txt").unwrap().issue;
        let mut text = Vec::new();
        encode(&once, &mut text);
        assert_eq!(text, "台湾经济\n正文。\n".as_bytes());
    }

    #[test]
    fn resolve_refuses_text_that_does_not_fit() {
        let issue = parse_issue("标题\n\n正文一段。\n".as_bytes(), "t.txt").unwrap().issue;
        let mut text = Vec::new();
        let shapes = encode(&issue, &mut text);
        let path = PathBuf::from("t.txt");
        let info = HitIssue { path: &path, title: "t", date: None };
        let m = Matcher::new("正文").unwrap();
        assert!(!resolve(&m, &text[..text.len() - 1], &info, &shapes, &mut Vec::new()));
        assert!(!resolve(&m, &[text.as_slice(), b"x\n"].concat(), &info, &shapes, &mut Vec::new()));
    }
}
