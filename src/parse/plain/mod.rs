//! Plain text, as papers and archives publish it: the file's shape is
//! measured first ([`profile`]), then lines become units by the rules of
//! that shape ([`units`], [`records`]) and units become articles
//! ([`assemble`]). Every line's role is kept for `dump --explain`.

pub mod assemble;
pub mod explain;
mod head;
pub mod profile;
mod records;
pub mod units;
mod vocab;

use super::Warning;
use super::classify::is_folio;
use super::lines::Line;
use super::meta::find_date;
use assemble::Assembler;
use profile::{Profile, Shape};
use units::{Kind, Unit};

/// What a source line was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The nameplate, date and folio lines above the first story.
    Masthead,
    /// A page or section marker.
    Marker,
    /// The line above a headline.
    Kicker,
    /// A headline.
    Headline,
    /// A deck under a headline.
    Deck,
    /// A byline.
    Byline,
    /// A paragraph opening with a dateline.
    Dateline,
    /// Running text.
    Paragraph,
    /// A subhead inside a story.
    Subhead,
    /// A photo caption or credit line.
    Caption,
    /// A table row.
    Table,
    /// A closing credit (the attribution).
    Credit,
    /// A line pointing to another page, dropped.
    Jump,
    /// Unreadable text, kept aside.
    Noise,
    /// A running head repeated on every page, dropped.
    Furniture,
    /// A rule between items.
    Separator,
    /// A whole story on one line.
    Record,
    /// An exact repeat of an earlier record, dropped.
    Duplicate,
    /// Explicit markup.
    Markup,
}

impl Role {
    /// The role's name in `dump --explain`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Masthead => "masthead",
            Role::Marker => "page marker",
            Role::Kicker => "kicker",
            Role::Headline => "headline",
            Role::Deck => "deck",
            Role::Byline => "byline",
            Role::Dateline => "dateline",
            Role::Paragraph => "paragraph",
            Role::Subhead => "subhead",
            Role::Caption => "caption",
            Role::Table => "table",
            Role::Credit => "credit",
            Role::Jump => "jump",
            Role::Noise => "noise",
            Role::Furniture => "furniture",
            Role::Separator => "rule",
            Role::Record => "article",
            Role::Duplicate => "duplicate",
            Role::Markup => "markup",
        }
    }
}

/// Reads one stretch of plain text (between markup) into the assembler.
/// `first`: the stretch opens the file, so a masthead may head it.
pub fn read(
    asm: &mut Assembler<'_>,
    lines: &[Line<'_>],
    profile: &Profile,
    first: bool,
    warnings: &mut Vec<Warning>,
) -> Vec<String> {
    if let (Shape::ArticlePerLine, Some(sep)) = (profile.shape, &profile.separator) {
        for (no, record) in records::records(lines, sep, warnings) {
            match record {
                records::Record::Section(name) => {
                    asm.start_section(&name);
                    asm.role((no, no), Role::Marker);
                }
                records::Record::Article(a) => {
                    asm.push_explicit(a);
                    asm.role((no, no), Role::Record);
                }
                records::Record::Duplicate => asm.role((no, no), Role::Duplicate),
            }
        }
        return Vec::new();
    }
    let mut skipped = Vec::new();
    let mut units = units::units(lines, profile, &mut skipped);
    for (no, role) in skipped {
        asm.role((no, no), role);
    }
    let masthead = if first { take_masthead(&mut units) } else { Vec::new() };
    for u in &masthead {
        asm.role(u.lines, Role::Masthead);
    }
    asm.feed(units);
    masthead.into_iter().map(|u| u.text).collect()
}

/// Takes the nameplate off the top of an issue: the short title lines
/// above the first page marker (`RIVERTON COURIER`, `2022年11月19日 星期六`),
/// or, with no marker, the short lines before the first story up to the
/// last that is plainly furniture (a date line, a folio `VOL. LIV., No.
/// 208.`, OCR noise).
pub fn take_masthead(units: &mut Vec<Unit>) -> Vec<Unit> {
    let short = |u: &Unit| u.text.chars().count() <= 40;
    // A date line is mostly date (`2022年11月19日 星期六`), not a headline
    // that names one.
    let date_line = |t: &str| find_date(t).is_some_and(|(_, r)| r.len() * 5 >= t.len() * 2);
    let furniture = |u: &Unit| u.kind == Kind::Noise || short(u) && (is_folio(&u.text) || date_line(&u.text));
    if let Some(p) = units.iter().take(8).position(|u| u.kind == Kind::Marker)
        && p > 0
        && units[..p].iter().all(|u| u.kind == Kind::Title || furniture(u))
    {
        return units.drain(..p).collect();
    }
    let lead = units.iter().take_while(|u| furniture(u) || u.kind == Kind::Title && short(u)).count();
    match units[..lead].iter().rposition(furniture) {
        Some(last) if last + 1 < units.len() => units.drain(..=last).collect(),
        _ => Vec::new(),
    }
}
