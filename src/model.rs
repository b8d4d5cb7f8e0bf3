//! The parsed issue: plain data shared by every layer above the parser.

use serde::Serialize;
use std::fmt;

/// One newspaper issue: sections of articles, plus what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Publication title (front matter, else file name, else file stem).
    pub title: String,
    /// Publication date, when the front matter or file name gives one.
    pub date: Option<jiff::civil::Date>,
    /// Where the issue was read from, as given (a path or `bundled:NAME`).
    pub source: String,
    /// The detected text encoding of the source bytes.
    pub encoding: String,
    /// Sections in source order; an issue without section markers has one unnamed section.
    pub sections: Vec<Section>,
    /// Publisher from front matter; not part of the pinned JSON.
    #[serde(skip)]
    pub publisher: Option<String>,
    /// Language tag from front matter; not part of the pinned JSON.
    #[serde(skip)]
    pub language: Option<String>,
    /// The nameplate lines printed above the first page (paper name, date
    /// line, volume); not part of the pinned JSON.
    #[serde(skip)]
    pub masthead: Vec<String>,
}

/// A page or section of an issue, named by its marker as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The marker line as printed (`第01版：要闻`); empty for an issue without markers.
    pub name: String,
    /// Articles in source order.
    pub articles: Vec<Article>,
}

/// One story: its display furniture and its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable id derived from the issue's identity and the headline.
    pub id: ArticleId,
    /// The line printed above the headline that leads into it (引题,
    /// `习近平主席新年贺词引发热烈反响——`); not part of the headline.
    pub kicker: Option<String>,
    /// The headline; empty when the source gives the article none.
    pub headline: String,
    /// Subtitle lines under the headline, in order.
    pub decks: Vec<String>,
    /// Who wrote it (`本报记者 王五`, `By Ana Ruiz`).
    pub byline: Option<String>,
    /// The place/agency opener of the first paragraph (`东昌府讯`); the paragraph keeps it too.
    pub dateline: Option<String>,
    /// The closing credit, without its parentheses.
    pub attribution: Option<String>,
    /// Body paragraphs and subheads in order.
    pub blocks: Vec<Block>,
}

/// A body element of an article. Text never contains a newline: a table
/// is a run of `Table` blocks, one per row, and a run of `Noise` blocks is
/// one stretch of unreadable text, one block per source line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Block {
    /// A body paragraph.
    Paragraph(String),
    /// An in-article subhead.
    Subhead(String),
    /// A photo caption or a credit line (`图为…`, `人民视觉`, `制图：…`).
    Caption(String),
    /// One row of a table (weather, results, prices), kept as printed.
    Table(String),
    /// One line of text too damaged to read (OCR garbage, column rules),
    /// kept so that nothing is lost; never a headline.
    Noise(String),
}

impl Block {
    /// The block's text, whatever its kind.
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph(t) | Block::Subhead(t) | Block::Caption(t) | Block::Table(t) | Block::Noise(t) => t,
        }
    }

    /// Whether the block belongs to a run with the blocks beside it of its
    /// kind (table rows, noise lines): set together, without space between.
    pub fn is_row(&self) -> bool {
        matches!(self, Block::Table(_) | Block::Noise(_))
    }
}

/// An article id: 12 hex digits, stable across edits elsewhere in the issue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ArticleId {
    /// Derives the id from the issue key, the article's naming text and its ordinal
    /// among articles with the same naming text (0 for the first).
    pub fn derive(issue_key: &str, name: &str, ordinal: usize) -> ArticleId {
        use std::hash::Hasher;
        // FNV-1a: tiny, fixed by specification, so ids never change between
        // builds or Rust versions (std's hasher makes no such promise).
        let mut h = fnv::FnvHasher::default();
        h.write(issue_key.as_bytes());
        h.write(&[0x1f]);
        h.write(name.as_bytes());
        if ordinal > 0 {
            h.write(&[0x1f]);
            h.write(ordinal.to_string().as_bytes());
        }
        ArticleId(format!("{:012x}", h.finish() & 0xffff_ffff_ffff))
    }
}

impl Issue {
    /// The identity articles ids are derived from: title and date, never the path,
    /// so ids survive moving the file or re-exporting it as markup.
    pub fn key(&self) -> String {
        match self.date {
            Some(d) => format!("{}\u{1f}{d}", self.title),
            None => self.title.clone(),
        }
    }

    /// Recomputes every article id from the issue key and the headlines.
    pub fn assign_ids(&mut self) {
        let key = self.key();
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        for article in self.sections.iter_mut().flat_map(|s| s.articles.iter_mut()) {
            let name = article.naming_text();
            let n = seen.entry(name.clone()).or_insert(0);
            article.id = ArticleId::derive(&key, &name, *n);
            *n += 1;
        }
    }

    /// All articles in reading order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.sections.iter().flat_map(|s| s.articles.iter())
    }
}

/// A part of an article's text, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Element {
    /// The kicker above the headline.
    Kicker,
    /// The headline.
    Headline,
    /// Deck number n.
    Deck(usize),
    /// The byline.
    Byline,
    /// Body block number n.
    Block(usize),
    /// The closing attribution.
    Attribution,
}

/// A place in an article's source text: an element and a byte offset into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Which part of the article.
    pub element: Element,
    /// Byte offset into that part's text.
    pub offset: usize,
}

impl Article {
    /// The text of one element, if the article has it.
    pub fn element_text(&self, element: Element) -> Option<&str> {
        match element {
            Element::Kicker => self.kicker.as_deref(),
            Element::Headline => Some(&self.headline),
            Element::Deck(i) => self.decks.get(i).map(String::as_str),
            Element::Byline => self.byline.as_deref(),
            Element::Block(i) => self.blocks.get(i).map(Block::text),
            Element::Attribution => self.attribution.as_deref(),
        }
    }

    /// Every element with its text, in reading order.
    pub fn elements(&self) -> impl Iterator<Item = (Element, &str)> {
        let kicker = self.kicker.iter().map(|k| (Element::Kicker, k.as_str()));
        let head = kicker.chain(std::iter::once((Element::Headline, self.headline.as_str())));
        let decks = self.decks.iter().enumerate().map(|(i, d)| (Element::Deck(i), d.as_str()));
        let byline = self.byline.iter().map(|b| (Element::Byline, b.as_str()));
        let blocks = self.blocks.iter().enumerate().map(|(i, b)| (Element::Block(i), b.text()));
        let attribution = self.attribution.iter().map(|a| (Element::Attribution, a.as_str()));
        head.chain(decks).chain(byline).chain(blocks).chain(attribution)
    }

    /// An article with the given headline and nothing else yet.
    pub fn new(headline: String) -> Article {
        Article {
            id: ArticleId(String::new()),
            kicker: None,
            headline,
            decks: Vec::new(),
            byline: None,
            dateline: None,
            attribution: None,
            blocks: Vec::new(),
        }
    }

    /// The headline, or for an untitled article the start of its text in
    /// parentheses: what lists show.
    pub fn label(&self) -> String {
        if !self.headline.is_empty() {
            return self.headline.clone();
        }
        let first: String = self.blocks.first().map(|b| b.text().chars().take(40).collect()).unwrap_or_default();
        if first.is_empty() { "(untitled)".into() } else { format!("({first})") }
    }

    /// What names the article for its id: the headline, or for an untitled
    /// article the start of its first block.
    fn naming_text(&self) -> String {
        if !self.headline.is_empty() {
            return self.headline.clone();
        }
        let first = self.blocks.first().map(Block::text).unwrap_or("");
        first.chars().take(32).collect()
    }
}

/// The order issues are listed in everywhere — the reader's library, the
/// picker, `>`/`<`, the archive index, search results — as a sort key:
/// newest first, undated after dated, then by title, then by name (the
/// source's name as `library::name` writes it, so that every list breaks
/// ties alike).
pub fn newest_first<T: Ord, N: Ord>(
    date: Option<jiff::civil::Date>,
    title: T,
    name: N,
) -> (std::cmp::Reverse<Option<jiff::civil::Date>>, T, N) {
    (std::cmp::Reverse(date), title, name)
}

/// A bookmarked article, with enough about it to list and find it again
/// even when its issue file is gone. (Ordered field by field: a fixed
/// order the store needs to settle ties.)
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct Bookmark {
    /// The article's id.
    pub id: ArticleId,
    /// Its headline (or the start of its text when untitled).
    pub headline: String,
    /// The section it was in (as printed).
    pub section: String,
    /// The issue's title.
    pub issue: String,
    /// The issue's date.
    pub date: Option<jiff::civil::Date>,
    /// Where the issue was read from (a path or `bundled:NAME`).
    pub source: String,
    /// When it was bookmarked; `None` until first saved.
    pub added: Option<jiff::Timestamp>,
    /// The reader's note; empty for none.
    pub note: String,
}

/// A change to what the reader keeps between sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// An article was marked read (`true`) or unread (`false`).
    Read(ArticleId, bool),
    /// An article was bookmarked.
    Bookmark(Bookmark),
    /// A bookmark was removed.
    Unbookmark(ArticleId),
    /// A bookmark's note was set (empty removes it).
    Note(ArticleId, String),
}

/// Where the reader was: the last article open, the last article of each
/// issue, and a scroll anchor per article (a text position, not a line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    /// The last issue and article open, for resuming with no arguments.
    pub last: Option<LastOpen>,
    /// Issue key (title and date) → the article last open in it.
    pub issues: std::collections::BTreeMap<String, ArticleId>,
    /// Article → where its text was scrolled to.
    pub anchors: std::collections::BTreeMap<ArticleId, Pos>,
    /// The paths given on a command line (`library::place_key`) → the
    /// source of the issue last read there, for resuming `dubao DIR`.
    pub places: std::collections::BTreeMap<String, String>,
}

/// The last issue and article open.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LastOpen {
    /// Where the issue was read from.
    pub source: String,
    /// The issue's key (title and date).
    pub issue: String,
    /// The article.
    pub article: ArticleId,
    /// The article pane had the keyboard (not the list).
    pub reading: bool,
    /// The text column's width as `+`/`-` left it, when they were used.
    pub column: Option<u16>,
}
