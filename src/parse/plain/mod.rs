//! Plain text, as papers and archives publish it: the file's shape is
//! measured first ([`profile`]), then lines become units by the rules of
//! that shape ([`units`], [`records`]) and units become articles
//! ([`assemble`]). Every line's role is kept for `dump --explain`.

pub mod assemble;
mod columns;
pub mod explain;
mod head;
pub mod profile;
mod records;
mod role;
pub mod units;
mod vocab;

use super::classify::is_folio;
use super::lines::Line;
use super::meta::find_date;
use super::warning::Warning;
use assemble::Assembler;
pub use head::split as split_head;
use profile::{Profile, Shape};
pub use records::paragraphs as split_paragraphs;
pub use role::Role;
use units::{Kind, Unit};

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
    let (front, body, back) = frame(lines);
    let mut masthead: Vec<String> = Vec::new();
    if first {
        for l in front.iter().filter(|l| !l.is_blank()) {
            masthead.push(l.text.to_string());
            asm.role((l.no, l.no), Role::Masthead);
        }
    }
    let mut skipped = Vec::new();
    let mut units = if profile.ocr && profile.shape == Shape::Columns {
        columns::units(body, profile, &mut skipped)
    } else {
        units::units(body, profile, &mut skipped)
    };
    for (no, role) in skipped {
        asm.role((no, no), role);
    }
    if first {
        for u in take_masthead(&mut units, profile.ocr) {
            asm.role(u.lines, Role::Masthead);
            masthead.push(u.text);
        }
    }
    asm.feed(units);
    if !back.is_empty() {
        let units = units::units(back, profile, &mut Vec::new());
        asm.back_matter(units);
    }
    masthead
}

/// The frame an archive puts around a text: a header up to a line like
/// `*** START OF THE PROJECT GUTENBERG EBOOK … ***` (and the transcribers'
/// credit after it), a licence from `*** END OF … ***` on. Returns the
/// header, the text, and the back matter.
fn frame<'l, 'a>(lines: &'l [Line<'a>]) -> (&'l [Line<'a>], &'l [Line<'a>], &'l [Line<'a>]) {
    let marker = |l: &Line<'_>, what: &str| {
        l.text.starts_with("***") && l.text.len() <= 200 && l.text.to_ascii_uppercase().contains(what)
    };
    let start = lines.iter().take(lines.len() / 4 + 40).position(|l| marker(l, "START OF"));
    let end = lines.iter().rposition(|l| marker(l, "END OF")).filter(|&e| e * 2 >= lines.len());
    // `End of the Project Gutenberg EBook of …` just before the marker
    // belongs to the back matter too.
    let end = end.map(|e| {
        let from = e.saturating_sub(6);
        lines[from..e].iter().position(|l| l.text.starts_with("End of ")).map_or(e, |k| from + k)
    });
    let mut body_from = start.map_or(0, |s| s + 1);
    if start.is_some() {
        // `Produced by …` after the marker credits the transcribers.
        let credit = |l: &Line<'_>| {
            ["Produced by", "Transcribed by", "E-text prepared by"].iter().any(|p| l.text.starts_with(p))
        };
        while let Some(k) = lines[body_from..].iter().position(|l| !l.is_blank()).map(|k| body_from + k) {
            if !credit(&lines[k]) {
                break;
            }
            body_from = k + lines[k..].iter().position(Line::is_blank).unwrap_or(lines.len() - k);
        }
    }
    let body_to = end.unwrap_or(lines.len()).max(body_from);
    (&lines[..body_from], &lines[body_from..body_to], &lines[body_to..])
}

/// Takes the nameplate off the top of an issue: the short title lines
/// above the first page marker (`RIVERTON COURIER`, `2022年11月19日 星期六`),
/// or, with no marker, the short lines before the first story up to the
/// last that is plainly furniture (a date line, a folio `VOL. LIV., No.
/// 208.`, OCR noise).
pub fn take_masthead(units: &mut Vec<Unit>, ocr: bool) -> Vec<Unit> {
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
    // An OCR'd front page opens with its nameplate, ears and date line,
    // read as garbled text: a few lines above the first head.
    if ocr {
        // Up to the last folio or date line among the first twenty lines,
        // or else whatever stands above a first head among the first eight.
        let top = units.iter().take_while(|u| u.lines.1 < units[0].lines.0 + 20).count();
        let last_plate = units[..top].iter().rposition(|u| short(u) && (is_folio(&u.text) || date_line(&u.text)));
        let head = units[..top]
            .iter()
            .position(|u| u.kind == Kind::Title)
            .filter(|&h| units[h].lines.0 < units[0].lines.0 + 8);
        if let Some(end) = last_plate.map(|l| l + 1).or(head).filter(|&e| e > 0 && e < units.len()) {
            return units.drain(..end).collect();
        }
    }
    // Nameplate lines are short, whatever their punctuation (`PUNCH,`).
    let plate = |u: &Unit| matches!(u.kind, Kind::Title | Kind::Body) && short(u);
    let lead = units.iter().take_while(|u| furniture(u) || plate(u)).count();
    match units[..lead].iter().rposition(furniture) {
        Some(last) if last + 1 < units.len() => units.drain(..=last).collect(),
        _ => Vec::new(),
    }
}
