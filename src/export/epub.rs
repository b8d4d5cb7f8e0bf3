//! An issue as an EPUB 3 periodical for e-ink readers, written with
//! rbook: sections are the first level of the table of contents (each a
//! page listing its articles), articles the chapters under them; every
//! document says its language, so CJK text is set as CJK. rbook writes
//! the EPUB 2 NCX beside the EPUB 3 navigation, for older readers.

use super::html::{self, escape};
use crate::model::{Article, ArticleId, Issue};
use rbook::Epub;
use rbook::epub::EpubChapter;

/// The EPUB's bytes.
pub fn issue(issue: &Issue) -> Result<Vec<u8>, String> {
    let lang = super::meta::language(issue);
    let id = ArticleId::derive(&issue.source, &issue.title, 0);
    let mut book = Epub::builder()
        .identifier(format!("urn:dubao:{id}"))
        .title(issue.title.as_str())
        .language(lang.as_str())
        .generator(format!("dubao {}", env!("CARGO_PKG_VERSION")))
        .modified_now();
    if let Some(d) = issue.date {
        book = book.published_date(d.to_string());
    }
    if let Some(p) = issue.publisher.as_deref() {
        book = book.publisher(p);
    }
    let nested = issue.sections.len() > 1 || issue.sections.iter().any(|s| !s.name.is_empty());
    for (s, section) in issue.sections.iter().enumerate() {
        let chapters: Vec<EpubChapter> = section
            .articles
            .iter()
            .enumerate()
            .map(|(a, article)| chapter(article, &format!("s{}-a{}.xhtml", s + 1, a + 1), &lang))
            .collect();
        if nested {
            let name = if section.name.is_empty() { issue.title.clone() } else { section.name.clone() };
            let page = section_page(&name, &section.articles, s + 1, &lang);
            let entry = EpubChapter::new(name).href(format!("s{}.xhtml", s + 1)).xhtml(page).children(chapters);
            book = book.chapter(entry);
        } else {
            book = book.chapter(chapters);
        }
    }
    let epub = book.build();
    epub.write().compression(9).to_vec().map_err(|e| format!("EPUB not written: {e}"))
}

fn chapter(a: &Article, href: &str, lang: &str) -> EpubChapter {
    let title = if a.headline.is_empty() { "(untitled)" } else { &a.headline };
    EpubChapter::new(title).href(href).xhtml(document(title, &html::article(a, 1), lang))
}

/// A section's own page: its name and its headlines, linked.
fn section_page(name: &str, articles: &[Article], s: usize, lang: &str) -> String {
    let mut body = format!("<h1>{}</h1>\n<ol>\n", escape(name));
    for (a, article) in articles.iter().enumerate() {
        body.push_str(&format!("<li><a href=\"s{s}-a{}.xhtml\">{}</a></li>\n", a + 1, escape(&article.headline)));
    }
    body.push_str("</ol>\n");
    document(name, &body, lang)
}

/// A whole XHTML content document.
fn document(title: &str, body: &str, lang: &str) -> String {
    let lang = escape(lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{lang}\" xml:lang=\"{lang}\">\n\
         <head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title),
        html::STYLE
    )
}
