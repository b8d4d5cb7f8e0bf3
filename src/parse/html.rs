//! HTML: an e-paper page or a saved article page, parsed by html5ever
//! (through `scraper`) as a browser would. Navigation, scripts, forms,
//! asides, footers and what their class names mark as menus, shares or ads
//! are left out; what is left is read in document order as headings,
//! paragraphs, captions, bylines and table rows. The most prominent level
//! of heading starts the articles — one for an article page, several for
//! an e-paper page — with the headings right around it as kicker and decks.

use super::classify::{byline_after_dateline, closing_credit, dateline, is_byline};
use super::text::join_into;
use crate::model::{Article, Block, Section};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Largest page read: e-paper pages are well under a megabyte.
pub const MAX_BYTES: usize = 64 << 20;

/// What a page gave.
pub struct HtmlIssue {
    /// The page's articles, in one section (named by the page's section
    /// heading when it has one).
    pub sections: Vec<Section>,
    /// The site or paper's name, from the page's metadata.
    pub title: Option<String>,
    /// The date the page gives (`article:published_time`, `<time>`).
    pub date: Option<jiff::civil::Date>,
}

/// Whether text is an HTML document rather than text mentioning a tag.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let head = super::text::head(t, 2048).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<meta", "<article", "<div", "<p>", "<p "]
        .iter()
        .any(|m| head.contains(m))
}

/// The encoding a page declares in its first kilobytes (`<meta charset=gbk>`,
/// `content="text/html; charset=gb2312"`), so that it is read as written.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// One piece of the page's content, in document order.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Heading(u8, String),
    Paragraph(String),
    Caption(String),
    Byline(String),
    Kicker(String),
    Deck(String),
    Row(String),
    /// An `<article>` begins.
    Article,
    /// A `<section>` begins.
    Section,
}

/// Elements whose whole content is left out.
const SKIP: [&str; 14] = [
    "script", "style", "nav", "footer", "aside", "form", "noscript", "iframe", "svg", "button", "select", "template",
    "menu", "head",
];

/// Words in a class or id that mark boilerplate.
const BOILERPLATE: [&str; 16] = [
    "nav",
    "menu",
    "footer",
    "sidebar",
    "share",
    "social",
    "comment",
    "related",
    "breadcrumb",
    "copyright",
    "advert",
    "banner",
    "recommend",
    "toolbar",
    "subscribe",
    "cookie",
];

fn class_words(el: &scraper::node::Element) -> String {
    let mut s = String::new();
    for a in ["class", "id"] {
        if let Some(v) = el.attr(a) {
            s.push_str(&v.to_ascii_lowercase());
            s.push(' ');
        }
    }
    s
}

fn boilerplate(words: &str) -> bool {
    words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| BOILERPLATE.iter().any(|b| w == *b || w.starts_with(b) && w.len() <= b.len() + 3))
        || words.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == "ad" || w == "ads")
}

/// What a block element is, by its name and classes.
fn block_kind(name: &str, words: &str) -> Option<fn(String) -> Piece> {
    let has = |k: &[&str]| k.iter().any(|w| words.contains(w));
    if has(&["byline", "author", "writer", "reporter"]) {
        return Some(Piece::Byline);
    }
    if has(&["caption", "pic-info", "img-desc", "photo-desc"]) || name == "figcaption" {
        return Some(Piece::Caption);
    }
    if has(&["kicker", "pretitle", "overline", "yinti"]) {
        return Some(Piece::Kicker);
    }
    if has(&["subtitle", "deck", "standfirst", "subhead", "futi"]) && !name.starts_with('h') {
        return Some(Piece::Deck);
    }
    match name {
        "p" | "li" | "dd" | "dt" | "blockquote" | "pre" | "address" | "div" | "section" | "td" | "th" => {
            Some(Piece::Paragraph)
        }
        _ => None,
    }
}

/// Adds a text node's text: white space that breaks a source line is a
/// wrap (no space between ideographs, one between words), a space typed
/// on the line stays one space (`记者 陶明远`).
fn add_text(text: &mut String, t: &str) {
    let mut rest = t;
    while !rest.is_empty() {
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        let gap_end = after.find(|c: char| !c.is_whitespace()).unwrap_or(after.len());
        let gap = &after[..gap_end];
        if text.ends_with(' ') {
            text.push_str(word);
        } else if !word.is_empty() {
            join_into(text, word);
        }
        if !gap.is_empty() && !gap.contains('\n') && !text.is_empty() && !text.ends_with(' ') {
            text.push(' ');
        }
        rest = &after[gap_end..];
    }
}

/// An open block: its kind, the text gathered in it so far, and whether
/// it is a heading.
struct Open {
    kind: Option<fn(String) -> Piece>,
    text: String,
    heading: bool,
}

/// The walk over the tree: the pieces so far, the blocks open, and how
/// deep inside a left-out element it is.
#[derive(Default)]
struct Walk {
    out: Vec<Piece>,
    stack: Vec<Open>,
    row: Option<Vec<String>>,
    skip: usize,
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

impl Walk {
    /// Ends the text of the innermost open block as a piece.
    fn flush(&mut self) {
        if let Some(open) = self.stack.last_mut() {
            let t = std::mem::take(&mut open.text);
            let t = t.trim();
            if !t.is_empty() && !open.heading {
                self.out.push(open.kind.unwrap_or(Piece::Paragraph)(t.to_string()));
            }
        }
    }

    fn open(&mut self, el: &scraper::node::Element) {
        let name = el.name();
        let words = class_words(el);
        if self.skip > 0 || SKIP.contains(&name) || boilerplate(&words) {
            self.skip += 1;
            return;
        }
        match name {
            "article" => self.out.push(Piece::Article),
            "section" => self.out.push(Piece::Section),
            "br" => self.flush(),
            "tr" => self.row = Some(Vec::new()),
            _ => {}
        }
        let heading = is_heading(name);
        let kind = block_kind(name, &words);
        if heading || kind.is_some() {
            self.flush();
            self.stack.push(Open { kind, text: String::new(), heading });
        }
    }

    fn close(&mut self, el: &scraper::node::Element) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        let name = el.name();
        if (name == "td" || name == "th")
            && let (Some(cells), Some(open)) = (self.row.as_mut(), self.stack.last_mut())
        {
            cells.push(std::mem::take(&mut open.text).trim().to_string());
        }
        if name == "tr"
            && let Some(cells) = self.row.take()
        {
            let cells: Vec<String> = cells.into_iter().filter(|c| !c.is_empty()).collect();
            if !cells.is_empty() {
                self.out.push(Piece::Row(cells.join("  ")));
            }
        }
        let heading = is_heading(name);
        if heading || block_kind(name, &class_words(el)).is_some() {
            if heading && let Some(open) = self.stack.last_mut() {
                let t = std::mem::take(&mut open.text);
                if !t.trim().is_empty() {
                    self.out.push(Piece::Heading(name.as_bytes()[1] - b'0', t.trim().to_string()));
                }
            }
            self.flush();
            self.stack.pop();
        }
    }
}

/// Walks the tree once, without recursion (pages nest deep), collecting
/// the pieces of content.
fn pieces(doc: &Html) -> Vec<Piece> {
    let mut walk = Walk::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => walk.open(el),
                Node::Text(t) if walk.skip == 0 => {
                    if let Some(open) = walk.stack.last_mut() {
                        add_text(&mut open.text, t);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    walk.close(el);
                }
            }
        }
    }
    walk.out
}

/// Deepest nesting read: browsers stop nesting at 512; the tree builder
/// slows with depth, so a page nested past this is refused.
pub const MAX_DEPTH: usize = 2048;

/// Why a page was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// Larger than [`MAX_BYTES`].
    TooLarge(super::too_large::TooLarge),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep(usize),
    /// No text in it.
    Empty,
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HtmlError::TooLarge(t) => t.fmt(f),
            HtmlError::TooDeep(n) => write!(f, "HTML nested {n} elements deep (dubao reads up to {MAX_DEPTH})"),
            HtmlError::Empty => f.write_str("HTML without text"),
        }
    }
}

/// How deep the page's elements nest, counted from its tags alone (void
/// elements and `/>` open nothing; elements HTML closes by itself, like
/// an unclosed `<p>` or `<li>`, are not counted either way).
pub(super) fn depth(text: &str) -> usize {
    const FLAT: [&str; 26] = [
        "br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "base", "col", "embed", "param", "track",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "colgroup",
    ];
    let bytes = text.as_bytes();
    // Compared in place: a page has a tag every few bytes.
    let flat = |from: usize| {
        let name = &bytes[from.min(bytes.len())..];
        let end = name.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(name.len());
        FLAT.iter().any(|f| f.as_bytes().eq_ignore_ascii_case(&name[..end]))
    };
    let (mut depth, mut most) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        match bytes.get(at + 1) {
            Some(b'/') if !flat(at + 2) => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let close = memchr::memchr(b'>', &bytes[at..]).map(|k| at + k);
                let self_closing = close.is_some_and(|c| c > 0 && bytes[c - 1] == b'/');
                if !flat(at + 1) && !self_closing {
                    depth += 1;
                    most = most.max(depth);
                }
            }
            _ => {}
        }
    }
    most
}

/// Reads a page.
pub fn read(text: &str) -> Result<HtmlIssue, HtmlError> {
    if text.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge(super::too_large::TooLarge {
            format: "HTML",
            len: text.len(),
            most: MAX_BYTES,
        }));
    }
    let deep = depth(text);
    if deep > MAX_DEPTH {
        return Err(HtmlError::TooDeep(deep));
    }
    let doc = Html::parse_document(text);
    let pieces = pieces(&doc);
    let sections = match named_sections(&pieces) {
        Some(groups) => groups
            .into_iter()
            .map(|(name, group)| Section { name, articles: articles(group, None, false).0 })
            .filter(|s| !s.articles.is_empty())
            .collect(),
        None => {
            let (articles, page) = articles(&pieces, page_title(&doc), true);
            vec![Section { name: page.unwrap_or_default(), articles }]
        }
    };
    if sections.iter().all(|s| s.articles.is_empty()) {
        return Err(HtmlError::Empty);
    }
    Ok(HtmlIssue { sections, title: site_name(&doc), date: page_date(&doc) })
}

fn heading_level(p: &Piece) -> Option<u8> {
    if let Piece::Heading(l, _) = p { Some(*l) } else { None }
}

/// A page of several `<section>` elements, each opening with a heading
/// (a whole issue on one page, as dubao's own export writes it): each
/// section's pieces under its heading's name. Headed pieces before the
/// first section go under no name.
fn named_sections(pieces: &[Piece]) -> Option<Vec<(String, &[Piece])>> {
    let starts: Vec<usize> = pieces.iter().enumerate().filter(|(_, p)| **p == Piece::Section).map(|(i, _)| i).collect();
    let named = |&i: &usize| matches!(pieces.get(i + 1), Some(Piece::Heading(..)));
    if starts.len() < 2 || !starts.iter().all(named) {
        return None;
    }
    // What comes before the first section is articles only if headed.
    let before = &pieces[..starts[0]];
    let mut out = Vec::new();
    if before.iter().any(|p| matches!(p, Piece::Heading(..))) {
        out.push((String::new(), before));
    }
    for (k, &i) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(pieces.len());
        let Some(Piece::Heading(_, name)) = pieces.get(i + 1) else { continue };
        out.push((name.clone(), &pieces[i + 2..end]));
    }
    Some(out)
}

/// The level of heading that starts articles: the most prominent one
/// present, or `<article>` elements where the page has them.
fn articles(pieces: &[Piece], fallback: Option<String>, paged: bool) -> (Vec<Article>, Option<String>) {
    let marked = pieces.contains(&Piece::Article);
    // A section already named has no page heading of its own.
    let (level, page) = if paged { top_level(pieces) } else { (pieces.iter().filter_map(heading_level).min(), None) };
    let mut out: Vec<Article> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        // The page's name heads no article of its own.
        if page.is_some() && matches!(&pieces[k], Piece::Heading(l, _) if level.is_some_and(|v| *l < v)) {
            k += 1;
            continue;
        }
        let starts = match (&pieces[k], level) {
            (Piece::Article, _) => true,
            (Piece::Heading(l, _), Some(top)) => {
                *l == top && !(marked && out.last().is_some_and(|a| a.headline.is_empty()))
            }
            _ => false,
        };
        // A lesser heading or kicker right over an article's headline is
        // its kicker.
        let over = matches!(&pieces[k], Piece::Kicker(_))
            || matches!(&pieces[k], Piece::Heading(l, _) if level.is_some_and(|v| *l > v));
        if over && matches!(pieces.get(k + 1), Some(Piece::Heading(l, _)) if Some(*l) == level) {
            let (mut article, used) = head(&pieces[k + 1..], level);
            if let Piece::Heading(_, t) | Piece::Kicker(t) = &pieces[k] {
                article.kicker = Some(t.clone());
            }
            out.push(article);
            k += 1 + used.max(1);
            continue;
        }
        if starts {
            let (article, used) = head(&pieces[k..], level);
            out.push(article);
            k += used.max(1);
            continue;
        }
        // A page without headings is one article, named by its title.
        if out.is_empty() && level.is_none() {
            out.push(Article::new(String::new()));
        }
        if let Some(a) = out.last_mut() {
            add(a, &pieces[k]);
        }
        k += 1;
    }
    if let (Some(first), Some(title)) = (out.first_mut(), fallback)
        && first.headline.is_empty()
    {
        first.headline = title;
    }
    out.retain(|a| !a.headline.is_empty() || !a.blocks.is_empty());
    for a in &mut out {
        finish(a);
    }
    (out, page)
}

/// The heading level that starts articles, and the page's own name when
/// it heads them all: one top heading (`第01版：要闻`) over several of the
/// next level, each with its text, names the page, and they are its
/// articles.
fn top_level(pieces: &[Piece]) -> (Option<u8>, Option<String>) {
    let levels: Vec<(usize, u8)> = pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| if let Piece::Heading(l, _) = p { Some((i, *l)) } else { None })
        .collect();
    let Some(top) = levels.iter().map(|&(_, l)| l).min() else { return (None, None) };
    let tops: Vec<usize> = levels.iter().filter(|&&(_, l)| l == top).map(|&(i, _)| i).collect();
    let next = levels.iter().map(|&(_, l)| l).filter(|&l| l > top).min();
    if let ([only], Some(next)) = (tops.as_slice(), next) {
        let under: Vec<usize> = levels.iter().filter(|&&(i, l)| l == next && i > *only).map(|&(i, _)| i).collect();
        let text_between = pieces[*only + 1..under.first().copied().unwrap_or(*only + 1)]
            .iter()
            .any(|p| matches!(p, Piece::Paragraph(_)));
        if under.len() >= 2 && !text_between {
            let name = if let Piece::Heading(_, t) = &pieces[*only] { Some(t.clone()) } else { None };
            return (Some(next), name);
        }
    }
    (Some(top), None)
}

/// An article's head from the pieces at its start: kicker and decks
/// around the headline, up to the first running text.
fn head(pieces: &[Piece], level: Option<u8>) -> (Article, usize) {
    let mut a = Article::new(String::new());
    let mut used = 0;
    for p in pieces {
        match p {
            Piece::Article if used == 0 => {}
            Piece::Heading(l, t) if a.headline.is_empty() && Some(*l) == level => a.headline = t.clone(),
            Piece::Heading(l, t) if a.headline.is_empty() && level.is_some_and(|top| *l > top) => {
                a.kicker = Some(t.clone())
            }
            Piece::Kicker(t) if a.headline.is_empty() => a.kicker = Some(t.clone()),
            Piece::Heading(l, t)
                if !a.headline.is_empty() && level.is_some_and(|top| *l > top) && a.decks.len() < 3 =>
            {
                a.decks.push(t.clone())
            }
            Piece::Deck(t) if a.decks.len() < 3 => a.decks.push(t.clone()),
            Piece::Byline(t) if a.byline.is_none() => a.byline = Some(t.clone()),
            _ => break,
        }
        used += 1;
    }
    (a, used)
}

fn add(a: &mut Article, p: &Piece) {
    match p {
        Piece::Paragraph(t) | Piece::Kicker(t) | Piece::Deck(t) => a.blocks.push(Block::Paragraph(t.clone())),
        Piece::Heading(_, t) => a.blocks.push(Block::Subhead(t.clone())),
        Piece::Caption(t) => a.blocks.push(Block::Caption(t.clone())),
        Piece::Row(t) => a.blocks.push(Block::Table(t.clone())),
        Piece::Byline(t) if a.byline.is_none() && a.blocks.is_empty() => a.byline = Some(t.clone()),
        Piece::Byline(t) => a.blocks.push(Block::Paragraph(t.clone())),
        Piece::Article | Piece::Section => {}
    }
}

/// The plain-text rules for what HTML does not mark: a byline standing
/// first, the dateline and its credit, a closing credit.
fn finish(a: &mut Article) {
    if a.byline.is_none()
        && let Some(Block::Paragraph(t)) = a.blocks.first()
        && t.chars().count() <= 40
        && is_byline(t)
    {
        a.byline = Some(t.clone());
        a.blocks.remove(0);
    }
    if let Some(Block::Paragraph(first)) = a.blocks.iter().find(|b| matches!(b, Block::Paragraph(_))) {
        a.dateline = dateline(first).map(str::to_string);
        if a.byline.is_none() {
            a.byline = byline_after_dateline(first).map(str::to_string);
        }
    }
    if let Some(Block::Paragraph(last)) = a.blocks.last_mut()
        && let Some((at, inner)) = closing_credit(last)
    {
        a.attribution = Some(inner.to_string());
        last.truncate(at);
        let end = last.trim_end().len();
        last.truncate(end);
        if last.is_empty() {
            a.blocks.pop();
        }
    }
    // Nothing the page left empty stays as a block.
    a.blocks.retain(|b| !b.text().trim().is_empty());
}

fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let sel = scraper::Selector::parse("meta").ok()?;
    doc.select(&sel).find_map(|m| {
        let el = m.value();
        let key = el.attr("property").or_else(|| el.attr("name")).or_else(|| el.attr("itemprop"))?;
        keys.iter()
            .any(|k| key.eq_ignore_ascii_case(k))
            .then(|| el.attr("content"))
            .flatten()
            .map(|c| c.trim().to_string())
    })
}

fn page_title(doc: &Html) -> Option<String> {
    let sel = scraper::Selector::parse("title").ok()?;
    let t: String = doc.select(&sel).next()?.text().collect();
    let t = t.trim();
    // `Headline - Site` / `Headline | Site`: the headline.
    let head = t.split([' ', '\u{3000}']).collect::<Vec<_>>().join(" ");
    let head = head.split(" - ").next().unwrap_or(&head).split(" | ").next().unwrap_or(&head).trim().to_string();
    (!head.is_empty()).then_some(head)
}

fn site_name(doc: &Html) -> Option<String> {
    meta(doc, &["og:site_name", "application-name", "publisher"]).filter(|s| !s.is_empty())
}

fn page_date(doc: &Html) -> Option<jiff::civil::Date> {
    let from_meta = meta(doc, &["article:published_time", "pubdate", "publishdate", "date", "datePublished"]);
    let from_time = || {
        let sel = scraper::Selector::parse("time").ok()?;
        doc.select(&sel).find_map(|t| t.value().attr("datetime").map(str::to_string))
    };
    from_meta.or_else(from_time).and_then(|d| super::meta::find_date(&d)).map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_page_without_its_furniture() {
        let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山又绿 - 清江日报</title>
            <meta property="og:site_name" content="清江日报"><meta property="article:published_time" content="2024-05-16T08:00:00+08:00">
            <script>var x = "<p>not text</p>";</script></head><body>
            <nav><a href="/">首页</a><a href="/news">新闻</a></nav>
            <div class="main"><h3>沿江十二县联手治理水土流失——</h3><h1>青山又绿 江水更清</h1><h2>——江畔县区生态修复三年纪事</h2>
            <p class="author">本报记者 许明川</p>
            <p>本报讯 初夏的江畔，
               满目苍翠。</p><p>三年前，这里还是另一番景象。</p>
            <figure><img src="a.jpg"><figcaption>图为龙脊山。 记者 许明川 摄</figcaption></figure>
            <h4>坡改梯</h4><p>累计完成坡改梯工程46万亩。（本报记者 许明川）</p></div>
            <div class="share-bar"><p>分享到微信</p></div><footer><p>版权所有</p></footer></body></html>"#;
        let issue = read(page).unwrap();
        let a = &issue.sections[0].articles[0];
        assert_eq!(issue.sections[0].articles.len(), 1);
        assert_eq!(a.kicker.as_deref(), Some("沿江十二县联手治理水土流失——"));
        assert_eq!(a.headline, "青山又绿 江水更清");
        assert_eq!(a.decks, ["——江畔县区生态修复三年纪事"]);
        assert_eq!(a.byline.as_deref(), Some("本报记者 许明川"));
        assert_eq!(a.dateline.as_deref(), Some("本报讯"));
        assert_eq!(a.attribution.as_deref(), Some("本报记者 许明川"));
        let kinds: Vec<String> = a.blocks.iter().map(|b| format!("{b:?}").chars().take(9).collect()).collect();
        assert_eq!(kinds, ["Paragraph", "Paragraph", "Caption(\"", "Subhead(\"", "Paragraph"]);
        assert_eq!(
            a.blocks[0].text(),
            "本报讯 初夏的江畔，满目苍翠。",
            "no space where a line broke between ideographs"
        );
        assert_eq!(issue.title.as_deref(), Some("清江日报"));
        assert_eq!(issue.date, Some("2024-05-16".parse().unwrap()));
        let all: String = a.blocks.iter().map(Block::text).collect();
        assert!(!all.contains("首页") && !all.contains("分享") && !all.contains("版权") && !all.contains("not text"));
    }

    #[test]
    fn an_e_paper_page_with_several_articles() {
        let page = "<html><body><h1>第01版：要闻</h1>\
            <h2>全市夏粮收购工作全面启动</h2><p>本报讯（记者 陶明远）5月15日，会议召开。</p><p>会议要求做好准备。</p>\
            <h2>谁来管管飞线充电？</h2><p>本报讯 近日，记者走访城区。</p>\
            <table><tr><td>东湖</td><td>21.3米</td></tr><tr><td>西湖</td><td>19.8米</td></tr></table></body></html>";
        let issue = read(page).unwrap();
        assert_eq!(issue.sections[0].name, "第01版：要闻", "the page's one h1 over its articles names it");
        let arts = &issue.sections[0].articles;
        let heads: Vec<&str> = arts.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(heads, ["全市夏粮收购工作全面启动", "谁来管管飞线充电？"]);
        assert_eq!(arts[0].byline.as_deref(), Some("记者 陶明远"));
        assert!(matches!(&arts[1].blocks[1], Block::Table(t) if t == "东湖  21.3米"));
    }

    #[test]
    fn deep_nesting_is_read_to_a_bound_and_refused_past_it() {
        let page = format!("<html><body>{}<p>深处的一段。</p></body></html>", "<div>".repeat(1000));
        let issue = read(&page).unwrap();
        assert!(issue.sections[0].articles[0].blocks.iter().any(|b| b.text().contains("深处的一段")));
        let page = format!("<html><body>{}<p>太深了。</p></body></html>", "<div>".repeat(100_000));
        assert_eq!(
            read(&page).err(),
            Some(HtmlError::TooDeep(100_002)),
            "html, body and the divs; a <p> closes itself"
        );
        // Thousands of unclosed paragraphs and list items are flat, not deep.
        let flat = format!("<html><body>{}</body></html>", "<p>一段。<li>一项。".repeat(5000));
        assert!(read(&flat).is_ok(), "{:?}", read(&flat).err());
        assert_eq!(depth("<div>a<br>b<img src=x/></div><hr/>"), 1);
        assert_eq!(depth("<div><p>a<p>b</div>"), 1);
    }

    #[test]
    fn charsets_declared_in_the_page() {
        assert_eq!(declared_charset(b"<meta charset=\"gbk\">"), Some(encoding_rs::GBK));
        assert_eq!(
            declared_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }
}
