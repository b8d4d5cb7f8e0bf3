//! EPUB periodicals (calibre's news recipes, magazines, papers) as issues:
//! sections from the table of contents, one article per content document
//! (or per heading where a document holds several), each document read
//! by the HTML reader.
//!
//! The archive is checked before the EPUB crate sees it: every entry is
//! decompressed once, counted, into nothing, so that a zip bomb, a path
//! leaving the archive or markup nested past what a parser should follow
//! is refused with a reason instead of filling memory or the stack.

use super::html;
use crate::model::Section;
use rbook::Epub;
use std::io::{Cursor, Read};

/// Largest EPUB file read: a periodical with its pictures is tens of MB.
pub const MAX_FILE: u64 = 256 << 20;
/// Most bytes the entries may expand to, all together.
pub const MAX_EXPANDED: u64 = 512 << 20;
/// Most entries an archive may hold.
pub const MAX_ENTRIES: usize = 20_000;
/// Most an entry larger than a megabyte may expand over its compressed
/// size; text compresses 3–10×, a bomb by thousands.
const MAX_RATIO: u64 = 200;

/// Why an EPUB was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EpubError {
    /// Not a readable zip archive or EPUB package.
    Broken(String),
    /// An entry whose path leaves the archive (`../`, an absolute path).
    Escapes(String),
    /// The entries expand past [`MAX_EXPANDED`], or one past [`MAX_RATIO`].
    Bomb(String),
    /// More entries than [`MAX_ENTRIES`].
    TooMany(usize),
    /// A document nested deeper than the HTML reader follows.
    TooDeep(String, usize),
    /// No document with text.
    Empty,
}

impl std::fmt::Display for EpubError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EpubError::Broken(e) => write!(f, "not a readable EPUB ({e})"),
            EpubError::Escapes(p) => write!(f, "EPUB entry {p:?} points outside the archive; refused"),
            EpubError::Bomb(why) => write!(f, "EPUB refused: {why}"),
            EpubError::TooMany(n) => write!(f, "EPUB with {n} entries (dubao reads up to {MAX_ENTRIES})"),
            EpubError::TooDeep(p, n) => {
                write!(f, "EPUB entry {p:?} nested {n} elements deep (dubao reads up to {})", html::MAX_DEPTH)
            }
            EpubError::Empty => f.write_str("EPUB without text"),
        }
    }
}

/// What an EPUB gave.
pub struct EpubIssue {
    /// Sections in the order of the table of contents.
    pub sections: Vec<Section>,
    /// The publication's title.
    pub title: Option<String>,
    /// Its publisher.
    pub publisher: Option<String>,
    /// Its language.
    pub language: Option<String>,
    /// Its date.
    pub date: Option<jiff::civil::Date>,
}

/// Whether bytes are a zip archive holding an EPUB: the `mimetype` entry
/// first, as the standard asks, or named `.epub` by the caller.
pub fn looks_like_epub(bytes: &[u8], source: &str) -> bool {
    let zip = bytes.starts_with(b"PK\x03\x04");
    let head = &bytes[..bytes.len().min(128)];
    zip && (memchr::memmem::find(head, b"application/epub+zip").is_some()
        || source.to_ascii_lowercase().ends_with(".epub"))
}

/// Reads an EPUB's bytes.
pub fn read(bytes: &[u8]) -> Result<EpubIssue, EpubError> {
    check(bytes)?;
    let epub = Epub::read(Cursor::new(bytes.to_vec())).map_err(|e| EpubError::Broken(e.to_string()))?;
    let sections = sections(&epub);
    if sections.iter().all(|s| s.articles.is_empty()) {
        return Err(EpubError::Empty);
    }
    let meta = epub.metadata();
    let title = meta.title().map(|t| t.value().trim().to_string()).filter(|t| !t.is_empty());
    let date = meta
        .published()
        .and_then(|d| jiff::civil::Date::new(d.date().year(), d.date().month() as i8, d.date().day() as i8).ok())
        .or_else(|| title.as_deref().and_then(super::find_date).map(|d| d.0));
    Ok(EpubIssue {
        sections,
        title,
        publisher: meta.publishers().next().map(|p| p.value().trim().to_string()).filter(|p| !p.is_empty()),
        language: meta.language().map(|l| l.value().trim().to_string()).filter(|l| !l.is_empty()),
        date,
    })
}

/// Every entry decompressed once and counted: names inside the archive,
/// sizes within bounds, markup within the nesting the HTML reader follows.
fn check(bytes: &[u8]) -> Result<(), EpubError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| EpubError::Broken(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(EpubError::TooMany(zip.len()));
    }
    let mut budget = MAX_EXPANDED;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| EpubError::Broken(e.to_string()))?;
        let name = entry.name().map_err(|e| EpubError::Broken(e.to_string()))?.into_owned();
        let climbs = name.starts_with(['/', '\\']) || name.split(['/', '\\']).any(|c| c == "..");
        if climbs || entry.enclosed_name().is_none() {
            return Err(EpubError::Escapes(name));
        }
        let markup = [".xhtml", ".html", ".htm", ".xml", ".opf", ".ncx"].iter().any(|x| name.ends_with(x));
        let mut text = Vec::new();
        let mut limited = (&mut entry).take(budget + 1);
        let expanded = if markup {
            limited.read_to_end(&mut text).map(|n| n as u64)
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
        }
        .map_err(|e| EpubError::Broken(format!("{name}: {e}")))?;
        if expanded > budget {
            return Err(EpubError::Bomb(format!("its entries expand past {} MiB", MAX_EXPANDED >> 20)));
        }
        if expanded > 1 << 20 && expanded > entry.compressed_size().max(1) * MAX_RATIO {
            return Err(EpubError::Bomb(format!(
                "{name:?} expands {}× ({} to {} bytes)",
                expanded / entry.compressed_size().max(1),
                entry.compressed_size(),
                expanded
            )));
        }
        budget -= expanded;
        let deep = html::depth(&String::from_utf8_lossy(&text));
        if deep > html::MAX_DEPTH {
            return Err(EpubError::TooDeep(name, deep));
        }
    }
    Ok(())
}

/// A content document and the section its table-of-contents entry is in.
struct Doc {
    href: String,
    section: String,
    label: String,
}

/// The documents to read, in reading order, each with its section: the
/// table of contents' top level names sections when it has two levels
/// (calibre's periodicals: sections, then articles), and a section's own
/// page, a list of links to its articles, is left out. Without
/// a usable table of contents, every document of the spine.
fn docs(epub: &Epub) -> Vec<Doc> {
    let path = |h: rbook::ebook::element::Href<'_>| h.path().as_str().to_string();
    let mut from_toc: Vec<Doc> = Vec::new();
    if let Some(root) = epub.toc().contents() {
        let nested = root.iter().any(|e| !e.is_empty());
        for top in root.iter() {
            let section = if nested && !top.is_empty() { top.label().trim().to_string() } else { String::new() };
            let entries: Vec<_> = if top.is_empty() { vec![top] } else { top.flatten().collect() };
            for e in entries {
                let Some(href) = e.href().map(path) else { continue };
                if !from_toc.iter().any(|d| d.href == href) {
                    from_toc.push(Doc { href, section: section.clone(), label: e.label().trim().to_string() });
                }
            }
        }
    }
    let spine: Vec<String> = epub.spine().iter().filter_map(|s| s.manifest_entry()).map(|m| path(m.href())).collect();
    if from_toc.is_empty() {
        return spine.into_iter().map(|href| Doc { href, section: String::new(), label: String::new() }).collect();
    }
    // Reading order is the spine's; the table of contents may list out of it.
    from_toc.sort_by_key(|d| spine.iter().position(|s| *s == d.href).unwrap_or(usize::MAX));
    from_toc
}

/// Each document read by the HTML reader, its articles put in its section.
fn sections(epub: &Epub) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    // Read in turn (the archive is one), parsed on every core.
    let docs: Vec<(Doc, String)> =
        docs(epub).into_iter().filter_map(|d| epub.read_resource_str(d.href.as_str()).ok().map(|t| (d, t))).collect();
    let pages = super::par::map(&docs, |(_, text)| html::read(text).map(|p| p.sections).unwrap_or_default());
    for ((doc, _), page) in docs.into_iter().zip(pages) {
        let mut articles: Vec<_> = page.into_iter().flat_map(|s| s.articles).collect();
        if let [only] = articles.as_mut_slice()
            && only.headline.is_empty()
        {
            only.headline = doc.label.clone();
        }
        match sections.iter_mut().find(|s| s.name == doc.section) {
            Some(s) => s.articles.extend(articles),
            None => sections.push(Section { name: doc.section, articles }),
        }
    }
    sections
}
