//! `dubao dump --explain`: the shape found and the figures behind it, then
//! every source line with its number and the role it was given — how a
//! reader sees why a file was split as it was, and where to fix it with
//! markup.

use super::assemble::LineRole;
use super::profile::Profile;
use super::role::Role;
use std::fmt::Write;

/// Longest stretch of a line shown, in characters.
const SHOWN: usize = 72;

/// The explanation of one file: `source` names it, `text` is its decoded,
/// sanitised text (line numbers count from its first line).
pub fn explain(source: &str, text: &str, profile: &Profile, roles: &[LineRole]) -> String {
    let f = &profile.figures;
    let mut out = String::new();
    let _ = writeln!(out, "file      {source}");
    let _ = writeln!(out, "shape     {}", profile.shape.name());
    let mut why = format!(
        "{} lines, {} with text; {} blank runs ({} of two or more); widths: median {}, 90% {}; \
         end a sentence {}%, hold several {}%; indented {}%; CJK {}%; all capitals {}%; hyphen at end {}%",
        f.lines,
        f.text_lines,
        f.blank_runs,
        f.long_blank_runs,
        f.median_width,
        f.p90_width,
        f.terminal,
        f.multi_sentence,
        f.indented,
        f.cjk,
        f.caps,
        f.hyphenated,
    );
    if f.blank_runs > 0 {
        let _ = write!(why, "; blank runs before a headline {}%", f.blank_then_title);
    }
    let _ = writeln!(out, "measured  {why}");
    let mut rules = Vec::new();
    if let Some(w) = profile.wrap {
        rules.push(format!("hard-wrapped at {w} cells"));
    }
    if profile.indented {
        rules.push("paragraphs indented".to_string());
    }
    match profile.article_gap {
        usize::MAX => {}
        1 => rules.push("a blank line parts articles".into()),
        n => rules.push(format!("{n} blank lines part articles")),
    }
    if let Some(sep) = &profile.separator {
        rules.push(format!("head and body parted by {sep:?} on {}% of lines", f.separator));
    }
    if profile.ocr {
        rules.push("OCR: capitals head stories, unreadable lines are noise".into());
    }
    if !profile.repeated.is_empty() {
        rules.push(format!("running heads dropped: {}", profile.repeated.join(" · ")));
    }
    if !rules.is_empty() {
        let _ = writeln!(out, "reading   {}", rules.join("; "));
    }
    out.push('\n');
    let total = text.split('\n').count();
    let mut by_line: Vec<Option<Role>> = vec![None; total + 2];
    for r in roles {
        // The first role given wins: lines dropped inside a paragraph
        // (jumps) were named before the paragraph around them.
        for no in r.lines.0..=r.lines.1.min(by_line.len().saturating_sub(1)) {
            by_line[no].get_or_insert(r.role);
        }
    }
    let width = total.max(1).to_string().len();
    for (i, raw) in text.split('\n').enumerate() {
        let no = i + 1;
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        let role = by_line.get(no).copied().flatten().map_or("?", Role::name);
        let shown: String = t.chars().take(SHOWN).collect();
        let more = if t.chars().count() > SHOWN { "…" } else { "" };
        let _ = writeln!(out, "{no:>width$}  {role:<11} {shown}{more}");
    }
    out
}
