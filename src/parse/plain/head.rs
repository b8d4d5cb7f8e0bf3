//! A head block — the short lines over a story — split into its parts:
//! the kicker above the headline (引题), the headline (主题), and the decks
//! below it (副题). Text files lose the type sizes that tell them apart in
//! print, so the conventions of the words themselves decide.

use super::super::classify::{column_tag, is_all_caps, is_deck_marked};
use super::super::text::{ends_sentence, is_cjk_dominant, join_into};

/// The parts of a story's head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The line above the headline that leads into it.
    pub kicker: Option<String>,
    /// The headline.
    pub headline: String,
    /// The lines under it.
    pub decks: Vec<String>,
}

/// Which line of the head each part came from: for `dump --explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The kicker.
    Kicker,
    /// The headline.
    Headline,
    /// A deck.
    Deck,
}

/// Splits head lines (in order, each one source line or unit, and whether
/// it directly follows the one before) into a head, and says which part
/// every line went to.
pub fn split(lines: &[(&str, bool)]) -> (Head, Vec<Part>) {
    if lines.is_empty() {
        return (Head::default(), Vec::new());
    }
    if !lines.iter().any(|(l, _)| is_cjk_dominant(l)) {
        return latin(lines);
    }
    let lines: Vec<&str> = lines.iter().map(|(l, _)| *l).collect();
    let kicker = lines.len() >= 2 && is_kicker(lines[0], lines[1]);
    let mut parts = Vec::with_capacity(lines.len());
    let mut head = Head::default();
    let mut rest = lines.iter();
    if kicker {
        head.kicker = rest.next().map(|s| s.to_string());
        parts.push(Part::Kicker);
    }
    head.headline = rest.next().map(|s| s.to_string()).unwrap_or_default();
    parts.push(Part::Headline);
    for l in rest {
        head.decks.push(l.to_string());
        parts.push(Part::Deck);
    }
    (head, parts)
}

/// Marks only a head carries: a kicker ending in a dash or colon over
/// another line, or a deck opening with a dash.
pub fn signed(lines: &[&str]) -> bool {
    let kicker = lines.len() >= 2 && ["——", "：", ":"].iter().any(|m| lines[0].trim_end().ends_with(m));
    kicker || lines.iter().skip(1).any(|l| is_deck_marked(l))
}

/// Whether `first` is a kicker over the headline `second`, rather than a
/// headline over its deck. A kicker leads into the headline: it ends in a
/// dash or colon (`……引发热烈反响——`), in a verb of saying (`……时强调`),
/// is a bare figure or tag (`3.5万公里`), or sets the scene in a clause
/// (`贵州遵义立足资源优势，探索构建…`) over a short main title. The main
/// title is the line that carries a column tag (`（今日谈）`).
pub fn is_kicker(first: &str, second: &str) -> bool {
    let (a, b) = (first.trim(), second.trim());
    if is_deck_marked(b) || is_deck_marked(a) {
        return false;
    }
    if a.ends_with("——") || a.ends_with('—') || a.ends_with('：') || a.ends_with(':') {
        return true;
    }
    const SAYING: [&str; 16] = [
        "表示", "强调", "強調", "指出", "要求", "提出", "希望", "寄语", "寄語", "时说", "時說", "致辞", "致辭", "批示",
        "指示", "宣布",
    ];
    if SAYING.iter().any(|v| a.ends_with(v)) {
        return true;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    let tagged = |s: &str| column_tag(s).is_some();
    if tagged(b) && !tagged(a) {
        return true;
    }
    if tagged(a) {
        return false;
    }
    let clause = |s: &str| s.contains(['，', ',']);
    na <= 6 && nb > na || clause(a) && !clause(b) && nb * 2 <= na
}

/// A Latin head: lines joined into runs — a headline or deck broken over
/// adjacent lines reads on until a full stop, or until capitals give way
/// to mixed case; the first run is the headline.
fn latin(lines: &[(&str, bool)]) -> (Head, Vec<Part>) {
    let mut runs: Vec<String> = Vec::new();
    let mut parts = Vec::with_capacity(lines.len());
    let mut prev: Option<&str> = None;
    for &(l, adjacent) in lines {
        let goes_on = adjacent && prev.is_some_and(|p| !ends_sentence(p) && !is_deck_marked(l) && runs_on(p, l));
        match runs.last_mut() {
            Some(run) if goes_on => join_into(run, l),
            _ => runs.push(l.to_string()),
        }
        parts.push(if runs.len() == 1 { Part::Headline } else { Part::Deck });
        prev = Some(l);
    }
    let mut runs = runs.into_iter();
    let head = Head { kicker: None, headline: runs.next().unwrap_or_default(), decks: runs.collect() };
    (head, parts)
}

/// Whether head line `b` goes on with `a`: both in capitals, or `b`
/// carries on in lower case, or `a` stops on a word no headline ends with
/// (`Only Force Can Turn Her Out of` / `Manchuria — Personal Notes.`).
fn runs_on(a: &str, b: &str) -> bool {
    const OPEN: [&str; 14] = ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from"];
    let a = a.trim_end();
    let last = a.rsplit(' ').next().unwrap_or("").to_lowercase();
    let lower_start = b.trim_start().starts_with(|c: char| c.is_lowercase());
    is_all_caps(a) && is_all_caps(b) && !a.ends_with(['.', ')', ']'])
        || !is_all_caps(a) && (lower_start || OPEN.contains(&last.as_str()) || a.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(lines: &[&str]) -> Head {
        let adjacent: Vec<(&str, bool)> = lines.iter().map(|l| (*l, true)).collect();
        split(&adjacent).0
    }

    #[test]
    fn kickers_by_their_words() {
        for (k, h) in [
            ("习近平主席新年贺词引发热烈反响——", "只争朝夕 不负韶华"),
            ("刘鹤在京检查2020年春运工作时强调", "全面小康之年，让回家的路更温馨、更安全"),
            ("3.5万公里", "中国高铁强劲奔跑"),
            ("贵州遵义立足资源优势，探索构建红色文化育人体系", "让长征精神深入人心"),
            ("上海通过巡回检察主动上门找问题", "检察更有深度 监督更显力度（第一落点·关注巡回检察②）"),
        ] {
            assert!(is_kicker(k, h), "{k} / {h}");
            let head = parts(&[k, h]);
            assert_eq!(head.kicker.as_deref(), Some(k));
            assert_eq!(head.headline, h);
        }
    }

    #[test]
    fn headline_and_deck() {
        for (h, d) in [
            ("新年戏曲晚会在京举行", "习近平李克强栗战书汪洋王沪宁赵乐际韩正王岐山出席观看"),
            ("中俄两国元首互致新年贺电", "中俄两国总理互致新年贺电"),
            ("我国建成200余个智能化采煤工作面", "煤矿采煤机械化程度达78.5％"),
            ("打造和睦相处、合作共赢的典范", "——缅甸各界积极评价中缅关系70年发展"),
            ("决胜全面小康 迈向新的征程（社论）", "——元旦献词"),
        ] {
            assert!(!is_kicker(h, d), "{h} / {d}");
            let head = parts(&[h, d]);
            assert_eq!(head.kicker, None);
            assert_eq!(head.headline, h);
            assert_eq!(head.decks, [d]);
        }
    }

    #[test]
    fn kicker_headline_and_deck() {
        let head =
            parts(&["外商投资法生效提振外资企业信心——", "“我们对中国市场越来越有信心”", "——记者走访多家外资企业"]);
        assert_eq!(head.kicker.as_deref(), Some("外商投资法生效提振外资企业信心——"));
        assert_eq!(head.headline, "“我们对中国市场越来越有信心”");
        assert_eq!(head.decks, ["——记者走访多家外资企业"]);
    }

    #[test]
    fn latin_heads_read_on_to_the_full_stop() {
        let head = parts(&[
            "RUSSIA IN TO STAY.",
            "THE FEELING IX LONDON.",
            "Only Force Can Turn Her Out of",
            "Manchuria — Personal Notes.",
        ]);
        assert_eq!(head.headline, "RUSSIA IN TO STAY.");
        assert_eq!(
            head.decks,
            ["THE FEELING IX LONDON.", "Only Force Can Turn Her Out of Manchuria — Personal Notes."]
        );
        let head = parts(&["RIVERSIDE SCHOOL DISTRICT TO REOPEN", "SHUTTERED EASTGATE LIBRARY"]);
        assert_eq!(head.headline, "RIVERSIDE SCHOOL DISTRICT TO REOPEN SHUTTERED EASTGATE LIBRARY");
        let head = parts(&["MINERS ENTOMBED", "IN LEADVILLE SHAFT", "Three Finns Sent Word by a Note."]);
        assert_eq!(head.headline, "MINERS ENTOMBED IN LEADVILLE SHAFT");
        assert_eq!(head.decks, ["Three Finns Sent Word by a Note."]);
    }
}
