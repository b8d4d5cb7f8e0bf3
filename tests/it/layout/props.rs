//! Properties of the layout engine over generated text: lines fit, the
//! clreq rules hold wherever they can, clusters and words stay whole, and
//! every line maps back to exactly the source text it shows.

use dubao::layout::{Ambiguous, Element, LayoutOptions, Line, Role, layout, layout_unfolded, noise_runs, str_width};
use dubao::model::{Article, Block};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const PIECES: &[&str] = &[
    "中",
    "国",
    "人",
    "民",
    "的",
    "发展",
    "绿色低碳",
    "高质量",
    "，",
    "。",
    "、",
    "；",
    "：",
    "！",
    "？",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "「",
    "」",
    "『",
    "』",
    "（",
    "）",
    "【",
    "】",
    "……",
    "——",
    "·",
    "％",
    "…",
    "—",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    "-",
    "%",
    "$",
    "a",
    "the",
    "word",
    "COVID-19",
    "9:30",
    "3360",
    "3.14",
    "well-known",
    "abcdefghijkl",
    " ",
    " ",
    " ",
    "  ",
    "\u{3000}",
    "\t",
    "👍",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇨🇳",
    "❤\u{fe0f}",
    "e\u{301}",
    "\u{301}",
    "a\u{20dd}",
    "\u{a0}",
    "\u{200b}",
    "ｱ",
    "ﾞ",
    "한국어",
    "ｈｉ",
    "\u{ad}",
    "\r\n",
    "\u{7}",
    "α",
    "°",
    "￥",
    "々",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (1u16..=200, any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(max_width, indent, wide, fullwidth_punct, hanging)| LayoutOptions {
            max_width,
            indent,
            ambiguous: if wide { Ambiguous::Wide } else { Ambiguous::Narrow },
            fullwidth_punct,
            hanging,
            script: dubao::script::Script::Original,
        },
    )
}

fn article(head: String, body: String, sub: String, attr: String) -> Article {
    let mut a = Article::new(head);
    a.dateline = body.get(..body.len().min(6)).map(str::to_string);
    a.blocks = vec![Block::Paragraph(body), Block::Subhead(sub)];
    a.attribution = Some(attr);
    a
}

fn source(a: &Article, e: Element) -> &str {
    a.element_text(e).unwrap_or("")
}

fn no_start(c: char) -> bool {
    "、,，。.．;；:：!！?？)）]］}｝」』》〉】〕”’·%％﹐﹑﹒﹔﹕﹖﹗､｡".contains(c)
}

fn opening(c: char) -> bool {
    "“‘(（[［{｛《〈「『【〔".contains(c)
}

/// Shown in place of a source character by some presentation option.
fn stands_for(shown: char, src: char) -> bool {
    shown == src
        || (src.is_control() && shown == ' ')
        // In a one-cell column a wide cluster is shown as `?` (and the rest
        // of its characters as zero-width spaces).
        || (shown == '?' || shown == '\u{200b}')
        || matches!(
            (src, shown),
            (',', '，')
                | (';', '；')
                | (':', '：')
                | ('!', '！')
                | ('?', '？')
                | ('(', '（')
                | (')', '）')
                | ('，', ',')
                | ('。', '｡')
                | ('、', '､')
                | ('；', ';')
                | ('：', ':')
                | ('！', '!')
                | ('？', '?')
                | ('）', ')')
                | ('」', '｣')
                | ('．', '.')
        )
}

fn blank(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Classes as the breaker has them: marks that never start a line, and
/// marks that a line never ends with (openings, currency prefixes).
fn never_starts(c: char) -> bool {
    no_start(c) || "々〻ー‼⁇⁈⁉゛゜ゝゞヽヾ〳〴〵¢￠‰‱℃℉°′″・‧﹂﹄﹚﹜﹞｣»›〞〟〗〙〛ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ".contains(c)
}

fn holds_next(c: char) -> bool {
    opening(c) || "$￥¥£€￡₩￦¿¡«‹〝〖〘〚﹁﹃﹙﹛﹝｢".contains(c)
}

/// A line whose clusters offer no place to break by the rules (the breaker
/// classes a cluster by its first character).
fn stuck(clusters: &[&str]) -> bool {
    let first = |s: &str| s.chars().next().unwrap_or(' ');
    let clusters: Vec<&str> = clusters.iter().copied().filter(|g| !g.chars().all(blank)).collect();
    (1..clusters.len()).all(|j| never_starts(first(clusters[j])) || holds_next(first(clusters[j - 1])))
}

/// A standalone Latin word or number cut between `prev` and `next` lines
/// that could have moved down whole: white space on both sides of it, free
/// of marks that glue it to its neighbours, and narrower than the column.
fn needlessly_split(prev: &str, next: &str, amb: Ambiguous, column: usize) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || "-:.".contains(c);
    if !prev.ends_with(|c: char| c.is_ascii_alphanumeric()) || !next.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return false;
    }
    let head = prev.trim_end_matches(word);
    let tail = next.trim_start_matches(word);
    // No-break spaces glue; only breaking spaces separate words.
    let space = |c: char| blank(c) && !"\u{a0}\u{202f}\u{2007}\u{feff}".contains(c);
    let before = head.trim_end_matches(space);
    let after = tail.trim_start_matches(space);
    let held = before
        .graphemes(true)
        .next_back()
        .and_then(|g| g.chars().next())
        .is_some_and(|c| holds_next(c) || "\"'\u{a0}".contains(c));
    let spaced_before = before.len() < head.len() && !held;
    let spaced_after = after.is_empty() || (after.len() < tail.len() && !after.starts_with(never_starts));
    let token = format!("{}{}", &prev[head.len()..], &next[..next.len() - tail.len()]);
    spaced_before
        && spaced_after
        && token.starts_with(|c: char| c.is_ascii_alphanumeric())
        && str_width(&token, amb) + 4 <= column
}

fn check(a: &Article, pane: u16, opts: &LayoutOptions) -> Result<(), TestCaseError> {
    check_unfolded(a, pane, opts, &[])
}

fn check_unfolded(a: &Article, pane: u16, opts: &LayoutOptions, unfolded: &[usize]) -> Result<(), TestCaseError> {
    let l = layout_unfolded(a, pane, opts, unfolded);
    let lines = l.lines();
    let column = l.column() as usize;
    // A hanging mark may take the cells right of the column, at least one.
    let right = (pane as usize).saturating_sub(l.margin() as usize + column);
    let hang = if opts.hanging { right } else { 0 };
    if pane >= 2 {
        prop_assert!(l.margin() as usize + column + usize::from(opts.hanging) <= pane as usize);
    }
    let mut prev: Option<&Line> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(p) = prev {
            prop_assert!(p.start() <= line.start(), "starts go back at line {}", i);
        }
        let Some((el, range)) = line.source_range() else {
            prop_assert!(matches!(line.role(), Role::Blank | Role::Fold), "{:?} shows no source", line);
            prop_assert!(usize::from(line.width()) <= column, "fold line {:?} in {}", line.text(), column);
            prev = Some(line);
            continue;
        };
        let src = source(a, el);
        let srcs = &src[range.clone()];
        let body: Vec<&str> = srcs.graphemes(true).collect();

        // Widths: as drawn, and within the column (and the cells right of
        // it for a hanging mark), unless a single cluster is wider than the column.
        let drawn: usize = line.text().graphemes(true).map(|g| str_width(g, opts.ambiguous)).sum();
        prop_assert_eq!(drawn, line.width() as usize, "width of {:?}", line.text());
        let hangs = matches!(line.role(), Role::Body | Role::Subhead | Role::Caption | Role::Noise);
        // Parentheses round an attribution cannot shrink below two cells each.
        let tiny = line.role() == Role::Attribution && column < 6;
        prop_assert!(line.width() as usize <= pane.max(1) as usize || hangs && column >= 2, "wider than the pane");
        let allowed = column + if hangs { hang } else { 0 };
        prop_assert!(
            line.width() as usize <= allowed || body.len() == 1 || tiny,
            "line {:?} is {} wide in {}",
            line.text(),
            line.width(),
            allowed
        );
        // A full-width mark is shown in a one-cell form only where it would
        // not fit whole.
        const NARROW: [(char, char); 10] = [
            ('，', ','),
            ('。', '｡'),
            ('、', '､'),
            ('；', ';'),
            ('：', ':'),
            ('！', '!'),
            ('？', '?'),
            ('）', ')'),
            ('」', '｣'),
            ('．', '.'),
        ];
        if let (Some(s), Some(d)) = (srcs.chars().last(), line.text().chars().last())
            && NARROW.contains(&(s, d))
            && str_width(&s.to_string(), opts.ambiguous) <= column
        {
            prop_assert!(line.width() as usize + 1 > allowed, "{:?} compressed with room to spare", line.text());
        }
        check_pieces(line, src, &range)?;
        match prev.and_then(|p| p.source_range()) {
            Some((pel, pr)) if pel == el => check_break(line, src, pr, range.clone(), opts, column)?,
            _ => {
                let t = src.trim_start_matches(blank);
                prop_assert_eq!(range.start, src.len() - t.len(), "first line starts at the text");
            }
        }
        prop_assert_eq!(l.line_of(line.start()), i);
        prev = Some(line);
    }
    Ok(())
}

/// The display text is the source, character for character, piece by
/// piece; between pieces (table cells) lies only white space; every piece
/// begins and ends between clusters of the element's text.
fn check_pieces(line: &Line, src: &str, range: &std::ops::Range<usize>) -> Result<(), TestCaseError> {
    let t = src.trim_start_matches(blank);
    let (lead, t) = (src.len() - t.len(), t.trim_end_matches(blank));
    let bounds: Vec<usize> = t.grapheme_indices(true).map(|(k, _)| k + lead).chain([lead + t.len()]).collect();
    let pieces: Vec<std::ops::Range<usize>> = line.pieces().collect();
    prop_assert!(!pieces.is_empty());
    prop_assert_eq!(pieces[0].start, range.start);
    prop_assert_eq!(pieces[pieces.len() - 1].end, range.end);
    for (k, piece) in pieces.iter().enumerate() {
        let shown = &line.text()[line.display_range(piece.clone()).expect("a line shows its source")];
        let srcs = &src[piece.clone()];
        prop_assert_eq!(shown.chars().count(), srcs.chars().count());
        for (s, d) in srcs.chars().zip(shown.chars()) {
            prop_assert!(stands_for(d, s), "{:?} shown as {:?}", s, d);
        }
        prop_assert!(bounds.binary_search(&piece.start).is_ok() && bounds.binary_search(&piece.end).is_ok());
        if k > 0 {
            let between = &src[pieces[k - 1].end..piece.start];
            prop_assert!(!between.is_empty() && between.chars().all(blank), "between cells {:?}", between);
        }
    }
    Ok(())
}

/// Where the line before, of the same element, ended: nothing lost, and
/// the break where clreq allows one.
fn check_break(
    line: &Line,
    src: &str,
    pr: std::ops::Range<usize>,
    range: std::ops::Range<usize>,
    opts: &LayoutOptions,
    column: usize,
) -> Result<(), TestCaseError> {
    prop_assert!(pr.end <= range.start && pr.end < range.end);
    let gap = &src[pr.end..range.start];
    prop_assert!(gap.chars().all(blank), "lost {:?}", gap);
    // A table row may go on to a new line at any gap between its cells.
    if line.role() == Role::Table && !gap.is_empty() {
        return Ok(());
    }
    let (pt, srcs) = (&src[pr.clone()], &src[range]);
    let pclusters: Vec<&str> = pt.graphemes(true).collect();
    let first = srcs.chars().next().unwrap_or(' ');
    let last = pclusters.last().and_then(|g| g.chars().next()).unwrap_or(' ');
    if no_start(first) || opening(last) {
        prop_assert!(stuck(&pclusters), "break {:?} | {:?}", pt, srcs);
    }
    if gap.is_empty() {
        prop_assert!(!needlessly_split(pt, srcs, opts.ambiguous, column), "split word {:?} | {:?}", pt, srcs);
    }
    Ok(())
}

/// An article with every kind of block, runs of rows and noise among them.
fn rich(kicker: String, blocks: Vec<(u8, String)>) -> Article {
    let mut a = Article::new("表格与噪声".into());
    a.kicker = Some(kicker);
    a.blocks = blocks
        .into_iter()
        // As the parser gives them: no block without text to show.
        .filter(|(_, t)| !t.chars().all(blank))
        .map(|(kind, t)| match kind % 5 {
            0 => Block::Paragraph(t),
            1 => Block::Subhead(t),
            2 => Block::Caption(t),
            3 => Block::Table(t),
            _ => Block::Noise(t),
        })
        .collect();
    a
}

proptest! {
    // 512 cases by default; PROPTEST_CASES=N for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn layouts_hold_their_promises(
        head in text(12), body in text(80), sub in text(8), attr in text(6),
        pane in 0u16..=200, opts in options(),
    ) {
        check(&article(head, body, sub, attr), pane, &opts)?;
    }

    #[test]
    fn tables_noise_and_captions_hold_them_too(
        kicker in text(10),
        blocks in prop::collection::vec((0u8..5, text(24)), 0..10),
        pane in 0u16..=120, opts in options(), unfold in any::<u16>(),
    ) {
        let a = rich(kicker, blocks);
        let runs = noise_runs(&a);
        let unfolded: Vec<usize> =
            runs.iter().enumerate().filter(|(k, _)| unfold >> (k % 16) & 1 == 1).map(|(_, r)| r.start).collect();
        check_unfolded(&a, pane, &opts, &unfolded)?;
        let l = layout_unfolded(&a, pane, &opts, &unfolded);
        prop_assert_eq!(l.noise().len(), runs.len());
        for run in l.noise() {
            prop_assert_eq!(run.folded, !unfolded.contains(&run.blocks.start));
            prop_assert_eq!(l.lines()[run.lines.start].role(), Role::Fold);
            let noise_lines = l.lines()[run.lines.clone()].iter().filter(|x| x.role() == Role::Noise).count();
            let expected = if run.folded { noise_lines == 0 } else { noise_lines >= run.blocks.len() };
            prop_assert!(expected, "{} noise lines for {:?}", noise_lines, run);
        }
    }

    #[test]
    fn display_ranges_round_trip(body in text(40), pane in 1u16..=60, opts in options(), a in 0usize..400, b in 0usize..400) {
        let art = article(String::new(), body, String::new(), String::new());
        let src = art.blocks[0].text();
        let (a, b) = (a.min(src.len()), b.min(src.len()));
        let (a, b) = (a.min(b), a.max(b));
        let floor = |mut k: usize| {
            while !src.is_char_boundary(k) {
                k -= 1;
            }
            k
        };
        let (a, b) = (floor(a), floor(b));
        let l = layout(&art, pane, &opts);
        let mut covered = 0;
        for line in l.lines() {
            let Some((Element::Block(0), r)) = line.source_range() else { continue };
            if let Some(d) = line.display_range(a..b) {
                let (lo, hi) = (a.max(r.start), b.min(r.end));
                prop_assert_eq!(line.text()[d].chars().count(), src[lo..hi].chars().count());
                covered += src[lo..hi].chars().count();
            }
        }
        let visible = src[a..b].chars().filter(|c| !c.is_whitespace() && !c.is_control()).count();
        prop_assert!(covered >= visible);
    }
}

#[test]
fn control_character_in_a_tiny_pane() {
    let a = article(String::new(), String::new(), String::new(), "\u{7}中".into());
    let opts =
        LayoutOptions { max_width: 1, indent: false, fullwidth_punct: false, hanging: false, ..Default::default() };
    check(&a, 0, &opts).unwrap();
}
