//! `dubao bookmarks`: every bookmark, newest first, as text, JSON or Markdown.

use super::color::Paint;
use super::{warn, write_stdout};
use dubao::model::Bookmark;
use dubao::store::Store;
use std::fmt::Write;
use std::io;
use std::process::ExitCode;

/// How to print the bookmarks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One line each, for people.
    Text,
    /// `{"bookmarks":[{"headline","issue","date","note",…}]}`
    Json,
    /// A Markdown list, for pasting into notes.
    Markdown,
}

/// Prints the bookmarks kept in dubao's state directory (coloured as
/// text; JSON and Markdown never are).
pub fn bookmarks(format: Format, paint: &Paint, lang: dubao::i18n::Lang) -> io::Result<ExitCode> {
    // A listing only reads: damage is reported, never repaired here.
    // Conflict copies are listed with the rest, and left where they are.
    let (store, messages) = Store::listing_in(dubao::store::Places::user(), jiff::Timestamp::now());
    for m in messages {
        warn(m.say(lang));
    }
    for (dir, n) in store.taken_in() {
        warn(lang.f("cli-bookmarks-kept", &[("n", (*n).into()), ("dir", dir.display().to_string().into())]));
    }
    // Bookmarks come from a file a person may have edited: show, don't obey.
    let list: Vec<Bookmark> = store.bookmarks().into_iter().map(visible).collect();
    let out = match format {
        Format::Text => text(&list, paint),
        Format::Json => json(&list),
        Format::Markdown => dubao::export::markdown::bookmarks(&list),
    };
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn visible(mut b: Bookmark) -> Bookmark {
    for field in [&mut b.headline, &mut b.section, &mut b.issue, &mut b.source, &mut b.note] {
        *field = dubao::parse::visible_str(field).into_owned();
    }
    b
}

fn date(b: &Bookmark) -> String {
    b.date.map(|d| d.to_string()).unwrap_or_default()
}

fn text(list: &[Bookmark], paint: &Paint) -> String {
    let mut out = String::new();
    for b in list {
        let (date, headline) = (paint.with(&date(b), |t| t.byline), paint.with(&b.headline, |t| t.headline));
        let _ = write!(out, "{date}\t{}\t{headline}", b.issue);
        if !b.note.is_empty() {
            let _ = write!(out, "\t{}", paint.with(&b.note, |t| t.caption));
        }
        out.push('\n');
    }
    out
}

fn json(list: &[Bookmark]) -> String {
    let items: Vec<serde_json::Value> = list
        .iter()
        .map(|b| {
            serde_json::json!({
                "headline": b.headline,
                "issue": b.issue,
                "date": b.date.map(|d| d.to_string()),
                "note": b.note,
                "section": b.section,
                "source": b.source,
                "id": b.id.0,
                "added": b.added.map(|t| t.to_string()),
            })
        })
        .collect();
    let doc = serde_json::json!({ "bookmarks": items });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
