//! Bytes → [`Issue`]: decode, sanitise, front matter, markup, and the
//! plain-text heuristics. Pure; never panics.

pub mod classify;
mod decode;
pub mod epub;
pub mod folder;
pub mod html;
pub mod json;
pub mod lines;
pub mod markup;
mod meta;
mod par;
pub mod plain;
mod sanitize;
pub mod text;
mod too_large;
mod warning;

pub use decode::{DecodeError, NotText};
pub use meta::find_date;
pub use sanitize::{visible, visible_str};
pub use too_large::TooLarge;
pub use warning::Warning;

use crate::model::Issue;
use lines::Line;
use plain::Role;
use plain::assemble::{Assembler, LineRole};
use plain::profile::Profile;

/// A parsed issue and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The issue.
    pub issue: Issue,
    /// Problems that were worked around.
    pub warnings: Vec<Warning>,
    /// The shape the plain text was read in.
    pub profile: Profile,
    /// The role every source line was given.
    pub roles: Vec<LineRole>,
}

impl Parsed {
    /// `dump --explain`: the shape, the figures, every line's role. `bytes`
    /// are the file's bytes as parsed.
    pub fn explain(&self, bytes: &[u8]) -> String {
        let text = decode::decode(bytes).map(|d| sanitize::sanitize(&d.text).into_owned()).unwrap_or_default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        plain::explain::explain(&self.issue.source, text, &self.profile, &self.roles)
    }
}

/// Parses issue bytes. `source` is how the file is named to the user (a
/// path or `bundled:NAME`); its stem supplies title and date when the front
/// matter does not.
pub fn parse_issue(bytes: &[u8], source: &str) -> Result<Parsed, DecodeError> {
    if epub::looks_like_epub(bytes, source) {
        return parse_epub(bytes, source);
    }
    let declared = bytes.trim_ascii_start().starts_with(b"<").then(|| html::declared_charset(bytes)).flatten();
    let decoded = match declared {
        Some(enc) => decode::decode_as(bytes, enc)?,
        None => decode::decode(bytes)?,
    };
    let clean = sanitize::sanitize(&decoded.text);
    parse_decoded(clean.strip_prefix('\u{feff}').unwrap_or(&clean), source, decoded.encoding)
}

/// Text already decoded and sanitised, read as JSON, HTML or text.
fn parse_decoded(text: &str, source: &str, encoding: &'static str) -> Result<Parsed, DecodeError> {
    if let Some(parsed) = try_json(text, source, encoding) {
        return parsed;
    }
    if let Some(parsed) = try_html(text, source, encoding) {
        return parsed;
    }
    Ok(parse_text(text, source, encoding))
}

/// Decoded, sanitised text read as markup and plain text.
fn parse_text(text: &str, source: &str, encoding: &str) -> Parsed {
    let mut warnings = Vec::new();
    let (front, body, first_line) = meta::split_front_matter(text);
    let fm = match front {
        Some(meta::FrontMatter::Toml(t)) => meta::read_front_matter(t, &mut warnings),
        Some(meta::FrontMatter::Yaml(y)) => meta::read_yaml_front_matter(y),
        None => meta::Meta::default(),
    };
    let stem = file_stem(source);
    let (stem_title, stem_date) = meta::from_file_stem(stem);

    let lines = Line::split(body, first_line);
    let profile = Profile::of(&lines);
    let mut asm = Assembler::new(&profile);
    let mut masthead = fm.masthead;
    let mut start = 0;
    let mut i = 0;
    let mut feed = |asm: &mut Assembler<'_>, lines: &[Line<'_>], first: bool, warnings: &mut Vec<Warning>| {
        let top = plain::read(asm, lines, &profile, first, warnings);
        if masthead.is_empty() {
            masthead = top;
        }
    };
    while i < lines.len() {
        let text = lines[i].text;
        if let Some(name) = markup::section_heading(text) {
            feed(&mut asm, &lines[start..i], start == 0, &mut warnings);
            asm.start_section(name);
            asm.role((lines[i].no, lines[i].no), Role::Markup);
            i += 1;
            start = i;
        } else if markup::article_heading(text).is_some() {
            feed(&mut asm, &lines[start..i], start == 0, &mut warnings);
            let (article, used) = markup::explicit_article(&lines[i..], &mut warnings);
            asm.push_explicit(article);
            asm.role((lines[i].no, lines[i + used - 1].no), Role::Markup);
            i += used;
            start = i;
        } else {
            i += 1;
        }
    }
    feed(&mut asm, &lines[start..], start == 0, &mut warnings);

    let (sections, roles) = asm.finish();
    if sections.iter().all(|s| s.articles.is_empty()) {
        warnings.push(Warning { line: None, message: "no articles found".into() });
    }
    let masthead_date = || masthead.iter().find_map(|l| find_date(l)).map(|(d, _)| d);
    // File names and front matter strings did not pass through `sanitize`.
    let shown = |s: String| visible_str(&s).into_owned();
    let mut issue = Issue {
        title: shown(
            fm.title
                .or_else(|| meta::masthead_title(&masthead))
                .or(stem_title)
                .unwrap_or_else(|| stem.to_string())
                .chars()
                .take(120)
                .collect(),
        ),
        date: fm.date.or(stem_date).or_else(masthead_date),
        source: shown(source.to_string()),
        encoding: encoding.to_string(),
        sections,
        publisher: fm.publisher.map(shown),
        language: fm.language.map(shown),
        masthead,
    };
    issue.assign_ids();
    Parsed { issue, warnings, profile, roles }
}

/// JSON read as an issue, when the text is JSON: an error when it is too
/// large or, named `.json`, not an issue; `None` for text that merely
/// opens with a bracket.
fn try_json(text: &str, source: &str, encoding: &str) -> Option<Result<Parsed, DecodeError>> {
    if !json::looks_like_json(text) {
        return None;
    }
    let mut warnings = Vec::new();
    match json::read(text, &mut warnings) {
        Ok(j) => Some(Ok(json_issue(j, source, encoding, warnings))),
        Err(e @ json::JsonError::TooLarge(_)) => Some(Err(DecodeError::Unreadable(e.to_string()))),
        Err(e) if is_json_name(source) => Some(Err(DecodeError::Unreadable(e.to_string()))),
        Err(_) => None,
    }
}

/// An HTML page read as an issue, when the text is one: an error when it
/// is too large or too deep, or, named `.html`, has no text; `None` for
/// text that merely opens with a tag.
fn try_html(text: &str, source: &str, encoding: &str) -> Option<Result<Parsed, DecodeError>> {
    if !html::looks_like_html(text) {
        return None;
    }
    let named = [".html", ".htm", ".xhtml"].iter().any(|x| source.to_ascii_lowercase().ends_with(x));
    match html::read(text) {
        Ok(h) => {
            let mut parsed = built(h.sections, h.date, source, encoding, Vec::new());
            if let Some(title) = h.title {
                parsed.issue.title = visible_str(&title).into_owned();
                parsed.issue.assign_ids();
            }
            Some(Ok(parsed))
        }
        Err(html::HtmlError::Empty) if !named => None,
        Err(e) => Some(Err(DecodeError::Unreadable(e.to_string()))),
    }
}

/// An EPUB read as an issue, titled by its metadata.
fn parse_epub(bytes: &[u8], source: &str) -> Result<Parsed, DecodeError> {
    let e = epub::read(bytes).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    let mut parsed = built(e.sections, e.date, source, "EPUB", Vec::new());
    let issue = &mut parsed.issue;
    if let Some(title) = e.title {
        issue.title = visible_str(&title).chars().take(120).collect();
    }
    issue.publisher = e.publisher.map(|p| visible_str(&p).into_owned());
    issue.language = e.language.map(|l| visible_str(&l).into_owned());
    issue.assign_ids();
    Ok(parsed)
}

/// A JSON issue as an [`Issue`]: titled and dated by its file name and its
/// articles' dates.
fn json_issue(j: json::JsonIssue, source: &str, encoding: &str, warnings: Vec<Warning>) -> Parsed {
    built(j.sections, j.date, source, encoding, warnings)
}

/// An issue of sections read from a structured format, titled and dated
/// by its file name (the format's own date where the name has none).
fn built(
    sections: Vec<crate::model::Section>,
    date: Option<jiff::civil::Date>,
    source: &str,
    encoding: &str,
    warnings: Vec<Warning>,
) -> Parsed {
    let stem = file_stem(source);
    let (stem_title, stem_date) = meta::from_file_stem(stem);
    // Articles without a section after a named one belong to it, as a
    // crawl leaves out a repeated page name: an unnamed section can only
    // come first.
    let mut kept: Vec<crate::model::Section> = Vec::with_capacity(sections.len());
    for s in sections.into_iter().filter(|s| !s.articles.is_empty()) {
        match kept.last_mut() {
            Some(last) if s.name.is_empty() => last.articles.extend(s.articles),
            _ => kept.push(s),
        }
    }
    let mut issue = Issue {
        title: visible_str(&stem_title.unwrap_or_else(|| stem.to_string())).into_owned(),
        date: stem_date.or(date),
        source: visible_str(source).into_owned(),
        encoding: encoding.to_string(),
        sections: kept,
        publisher: None,
        language: None,
        masthead: Vec::new(),
    };
    issue.assign_ids();
    Parsed { issue, warnings, profile: Profile::of(&[]), roles: Vec::new() }
}

fn is_json_name(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.ends_with(".json") || lower.ends_with(".jsonl") || lower.ends_with(".ndjson")
}

/// Title and date of an issue from its name alone (`东昌府报-20221119.txt`
/// → `东昌府报`, 2022-11-19), before it is read: the file stem when the name
/// carries no title.
pub fn title_from_name(source: &str) -> (String, Option<jiff::civil::Date>) {
    let stem = file_stem(source);
    let (title, date) = meta::from_file_stem(stem);
    (title.unwrap_or_else(|| stem.to_string()), date)
}

/// The file stem of a source name (`bundled:NAME` or a path).
fn file_stem(source: &str) -> &str {
    let path = std::path::Path::new(source.strip_prefix(BUNDLED_PREFIX).unwrap_or(source));
    path.file_stem().and_then(|s| s.to_str()).unwrap_or(source)
}

/// How issues embedded in the binary are named as sources.
pub const BUNDLED_PREFIX: &str = "bundled:";
