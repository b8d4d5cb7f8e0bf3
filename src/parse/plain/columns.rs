//! OCR'd page columns: every printed column line is a text line, heads are
//! runs of capitals with their decks, and the scan leaves lines no one can
//! read. Lines are first given a role of their own (head, byline, noise,
//! body); body lines are then joined into paragraphs the way the column
//! set them — a line that stops short after a full stop ends a paragraph.

use super::super::classify::{dateline, is_byline, is_folio, is_jump_line, is_mostly_caps, is_noise, is_title_case};
use super::super::lines::Line;
use super::super::text::{ends_sentence, join_into};
use super::profile::Profile;
use super::role::Role;
use super::units::{Kind, Skipped, Unit, kind_of};

/// What one OCR line is, by itself and its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line_ {
    Blank,
    Head,
    Byline,
    Noise,
    Body,
}

/// A run of capital lines longer than this is a boxed quotation or an
/// advertisement set in capitals, not a head.
const LONGEST_HEAD: usize = 5;

/// Builds units from OCR'd column lines.
pub fn units(lines: &[Line<'_>], profile: &Profile, skipped: &mut Skipped) -> Vec<Unit> {
    let median = profile.figures.median_width.max(1);
    let roles = line_roles(lines, median);
    let mut out: Vec<Unit> = Vec::new();
    let mut gap = 0;
    let mut prev: Option<(Line<'_>, Line_)> = None;
    for (line, &role) in lines.iter().zip(&roles) {
        if role == Line_::Blank {
            gap += 1;
            prev = None;
            continue;
        }
        if line.text.len() <= 160 && is_jump_line(line.text) {
            skipped.push((line.no, Role::Jump));
            continue;
        }
        let kind = match role {
            Line_::Head => Kind::Title,
            Line_::Byline => Kind::Byline,
            Line_::Noise => Kind::Noise,
            _ => Kind::Body,
        };
        // A body line goes on with the paragraph unless the line before
        // stopped short of the column after a full stop, or this one opens
        // with a dateline or an indent.
        let text = if role == Line_::Body { strip_specks(line.text) } else { line.text };
        let line = Line { text, ..*line };
        let joins = role == Line_::Body
            && prev.is_some_and(|(p, r)| {
                r == Line_::Body
                    && !(ends_sentence(p.text) && p.width() * 10 < median * 8)
                    && (!line.indent || p.indent)
            })
            && dateline(line.text).is_none();
        match out.last_mut() {
            Some(u) if joins => {
                join_into(&mut u.text, line.text);
                u.lines.1 = line.no;
            }
            _ => {
                out.push(Unit::of_line(&line, gap, kind));
                gap = 0;
            }
        }
        prev = Some((line, role));
    }
    // A paragraph is running text whatever its length, unless it reads as
    // a caption, credit or marker on its own.
    for u in out.iter_mut().filter(|u| u.kind == Kind::Body) {
        let k = kind_of(&u.text);
        if !matches!(k, Kind::Title | Kind::Body) {
            u.kind = k;
        }
    }
    out
}

/// Each line's role: capitals (in runs of at most five) and the decks
/// that follow them are heads; bylines, noise and the rest by themselves.
fn line_roles(lines: &[Line<'_>], median: usize) -> Vec<Line_> {
    let mut roles: Vec<Line_> = lines
        .iter()
        .map(|l| {
            if l.is_blank() {
                Line_::Blank
            } else if is_noise(l.text) {
                Line_::Noise
            } else if l.text.len() <= 160 && is_byline(l.text) {
                Line_::Byline
            } else {
                Line_::Body
            }
        })
        .collect();
    // Capitals that may head a story: not noise, not a folio or a price.
    let caps: Vec<bool> = lines
        .iter()
        .zip(&roles)
        .map(|(l, &r)| r == Line_::Body && l.text.chars().count() <= 100 && is_mostly_caps(l.text) && !is_folio(l.text))
        .collect();
    caps_heads(lines, &caps, &mut roles);
    for k in 1..lines.len() {
        if is_deck(lines, &caps, &roles, k, median) {
            roles[k] = Line_::Head;
        }
    }
    for k in 0..lines.len() {
        if roles[k] == Line_::Head && caps[k] && (k == 0 || roles[k - 1] != Line_::Head) {
            lift_kicker(lines, &mut roles, k, median);
        }
    }
    for k in 1..lines.len().saturating_sub(1) {
        if lone_head(lines, &roles, k, median) {
            roles[k] = Line_::Head;
        }
    }
    price_rows(lines, &mut roles, median);
    roles
}

/// Runs of capitals short enough to be heads, with words in them, not
/// just letters (`1 IC.-JUI.L1`).
fn caps_heads(lines: &[Line<'_>], caps: &[bool], roles: &mut [Line_]) {
    let mut i = 0;
    while i < lines.len() {
        if !caps[i] {
            i += 1;
            continue;
        }
        let end = i + caps[i..].iter().take_while(|&&c| c).count();
        let worded =
            lines[i..end].iter().any(|l| l.text.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 4));
        if end - i <= LONGEST_HEAD && worded {
            for r in &mut roles[i..end] {
                if *r != Line_::Byline {
                    *r = Line_::Head;
                }
            }
        }
        i = end;
    }
}

/// Whether line `k` is a deck: in headline capitals after a head (its
/// first word may have lost its capital with the column's edge), or the
/// next line of a deck not yet finished.
fn is_deck(lines: &[Line<'_>], caps: &[bool], roles: &[Line_], k: usize, median: usize) -> bool {
    if roles[k] != Line_::Body || lines[k].width() > median * 12 / 10 || opens_aside(lines[k].text) {
        return false;
    }
    // The line before, past any noise the scan left between.
    let Some(p) = (0..k).rev().find(|&j| roles[j] != Line_::Noise) else { return false };
    if roles[p] != Line_::Head {
        return false;
    }
    let prev = lines[p].text;
    let text = lines[k].text;
    let open = !ends_sentence(prev);
    let last_word = prev.rsplit(' ').next().unwrap_or("").to_lowercase();
    let hanging =
        ["of", "the", "a", "an", "in", "to", "and", "for", "with", "by", "at", "on"].contains(&last_word.as_str());
    let cont = open && (text.starts_with(|c: char| c.is_lowercase()) || lines[k].width() * 2 <= median || hanging);
    title_case_past_edge(text) && (open || caps[p]) || cont && !caps[p]
}

/// Rows of a price list (an advertisement's `Calico, per yard 5c`): a
/// table under the head above them, never running text.
fn price_rows(lines: &[Line<'_>], roles: &mut [Line_], median: usize) {
    let priced = |l: &Line<'_>| l.width() <= median && ends_in_price(l.text);
    let mut k = 0;
    while k < lines.len() {
        let n = lines[k..].iter().take_while(|l| priced(l)).count();
        if n >= 3 {
            for r in &mut roles[k..k + n] {
                *r = Line_::Head;
            }
        }
        k += n.max(1);
    }
}

/// A line ending in a price: `5c`, `45c`, `$1.25`, `2s. 6d.`.
fn ends_in_price(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    let digits = last.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && (last.starts_with(['$', '£', '€']) || last.ends_with(['c', '¢', 'd', 'p']) || last.ends_with("d."))
        && last.chars().all(|c| c.is_ascii_digit() || "$£€.,c¢dps".contains(c))
}

/// Column rules and specks the scan left at the end of a line, after a
/// full stop or a space: `… Grange hall. |`, `… last fall. 1`, `{`.
fn strip_specks(text: &str) -> &str {
    let Some((rest, last)) = text.rsplit_once(' ') else { return text };
    let speck = matches!(last, "|" | "||" | "{" | "}" | "[" | "]" | "I" | "l" | "1" | "!" | "'" | "\"");
    let after_stop = ends_sentence(rest) || matches!(last, "|" | "||" | "{" | "}");
    if speck && after_stop && rest.chars().count() >= 12 { rest.trim_end() } else { text }
}

/// A short line in headline capitals ending in a full stop, between a
/// sentence that ended and running text that begins: a one-line head
/// (`Niño Atropellado.`, `Nuevo Ferrocarril.`). Whether it heads a new
/// story or is a subhead is decided by what follows.
fn lone_head(lines: &[Line<'_>], roles: &[Line_], k: usize, median: usize) -> bool {
    let (prev, line, next) = (&lines[k - 1], &lines[k], &lines[k + 1]);
    roles[k] == Line_::Body
        && roles[k + 1] == Line_::Body
        && line.width() * 4 <= median * 3
        && line.text.ends_with('.')
        && is_title_case(line.text)
        && !is_folio(line.text)
        && (ends_sentence(prev.text) || roles[k - 1] != Line_::Body)
        && next.text.starts_with(|c: char| c.is_uppercase() || "\"“'‘(".contains(c))
}

/// Headline capitals, allowing the first word to have lost its capital
/// where the scan cut the column's left edge (`jrteen 'Others Are Injured`).
fn title_case_past_edge(text: &str) -> bool {
    if is_title_case(text) {
        return true;
    }
    let rest =
        text.split_once(' ').map_or("", |(first, rest)| if first.starts_with(char::is_lowercase) { rest } else { "" });
    rest.split_whitespace().count() >= 2 && is_title_case(rest)
}

/// A credit or aside in brackets (`(Copyright: 1908: By Rockwood.)`,
/// `{Special to The Tribune.)`): it ends a head rather than continuing it.
fn opens_aside(text: &str) -> bool {
    text.starts_with(['(', '{', '[', '<'])
}

/// Lines just above the head of capitals at `k`, set short like a head,
/// opening in headline capitals after a paragraph that ended and ending in
/// a full stop: the deck of a head whose main line the scan lost
/// (`Discusses Activities of De` / `partment of Agriculture` / `Syracuse.`).
fn lift_kicker(lines: &[Line<'_>], roles: &mut [Line_], k: usize, median: usize) {
    let short = |j: usize| roles[j] == Line_::Body && lines[j].width() * 100 < median * 85;
    if k < 3 || !short(k - 1) || !ends_sentence(lines[k - 1].text) {
        return;
    }
    let mut first = k - 1;
    while first > 0 && k - first < 5 && short(first - 1) && !ends_sentence(lines[first - 1].text) {
        first -= 1;
    }
    let opens = is_title_case(lines[first].text) && !is_mostly_caps(lines[first].text);
    if first == 0 || k - first < 2 || !ends_sentence(lines[first - 1].text) || !opens {
        return;
    }
    for r in &mut roles[first..k] {
        *r = Line_::Head;
    }
}
