//! Noise: lines of text too damaged to read. A stretch of them folds into
//! one line that says how many there are (`⋯ 12 unreadable lines`);
//! unfolded, that line stays over them (`⋮ 12 unreadable lines`) so the
//! reader knows what the lines below are and where they end.

use super::article::{Align, Builder, trimmed};
use super::laid::NoiseRun;
use super::line::{Line, Role};
use super::width::str_width;
use crate::model::Block;
use crate::model::Element;
use std::ops::Range;

/// The fold line's wording, longest first: the first that fits the column
/// is used, so it never overflows even a one-cell column.
fn labels(lines: usize, unfolded: bool) -> [String; 4] {
    let mark = if unfolded { '⋮' } else { '⋯' };
    let noun = if lines == 1 { "line" } else { "lines" };
    [
        format!("{mark} {lines} unreadable {noun}"),
        format!("{mark} {lines} {noun}"),
        format!("{mark} {lines}"),
        mark.into(),
    ]
}

impl Builder<'_> {
    /// The stretch of noise `run` of `blocks`: its fold line and, when
    /// unfolded, each line set flush left under it.
    pub(super) fn noise_run(&mut self, blocks: &[Block], run: Range<usize>, unfolded: bool) {
        let shown: Vec<usize> = run.clone().filter(|&k| !trimmed(blocks[k].text()).1.is_empty()).collect();
        let Some(&first) = shown.first() else { return };
        let start = self.lines.len();
        self.fold_line(Element::Block(first), blocks[first].text(), shown.len(), unfolded);
        if unfolded {
            for &k in &shown {
                self.set(Element::Block(k), blocks[k].text(), Role::Noise, Align::Left);
            }
        }
        self.noise.push(NoiseRun { blocks: run, lines: start..self.lines.len(), folded: !unfolded });
    }

    /// A line of its own words, not of the source: it shows no source text
    /// and sits where the stretch begins.
    fn fold_line(&mut self, element: Element, text: &str, lines: usize, unfolded: bool) {
        let amb = self.opts.ambiguous;
        let labels = labels(lines, unfolded);
        let label = labels.iter().find(|l| str_width(l, amb) <= self.column).unwrap_or(&labels[3]);
        let (lead, _) = trimmed(text);
        let at = self.display.len() as u32;
        self.display.push_str(label);
        self.lines.push(Line {
            shared: self.shared.clone(),
            element,
            text: (at, self.display.len() as u32),
            src: (lead as u32, lead as u32),
            src_base: 0,
            body: 0,
            accent: (0, 0),
            width: str_width(label, amb).min(u16::MAX as usize) as u16,
            role: Role::Fold,
            pieces: (0, 0),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::{LayoutOptions, Role, layout, layout_unfolded, noise_runs};
    use crate::model::{Article, Block, Element, Pos};

    fn article() -> Article {
        let mut a = Article::new("港区新闻".into());
        a.blocks = vec![
            Block::Paragraph("望川讯 新港一期工程开港。".into()),
            Block::Noise("■■口丨丨 ，，。 口口".into()),
            Block::Noise("一一丨 ■ 口口口".into()),
            Block::Noise("：：丨丨 ■".into()),
            Block::Paragraph("首日靠泊货轮九艘。".into()),
            Block::Noise("%#@ 丨".into()),
        ];
        a
    }

    fn texts(l: &crate::layout::ArticleLayout) -> Vec<&str> {
        l.lines().iter().map(|l| l.text()).collect()
    }

    #[test]
    fn a_stretch_folds_into_one_line_that_counts_it() {
        let a = article();
        let l = layout(&a, 40, &LayoutOptions::default());
        let t = texts(&l);
        assert!(t.contains(&"⋯ 3 unreadable lines"), "{t:?}");
        assert!(t.contains(&"⋯ 1 unreadable line"), "singular: {t:?}");
        assert!(!t.iter().any(|x| x.contains('■')), "noise hidden: {t:?}");
        assert_eq!(noise_runs(&a), [1..4, 5..6]);
        let runs = l.noise();
        assert_eq!(runs.len(), 2);
        assert!(runs.iter().all(|r| r.folded && r.lines.len() == 1));
        assert_eq!(l.lines()[runs[0].lines.start].role(), Role::Fold);
        assert_eq!(l.lines()[runs[0].lines.start].source_range(), None);
    }

    #[test]
    fn unfolded_the_count_stays_over_the_lines() {
        let a = article();
        let l = layout_unfolded(&a, 40, &LayoutOptions::default(), &[1]);
        let run = &l.noise()[0];
        assert!(!run.folded && l.noise()[1].folded);
        let lines: Vec<&str> = l.lines()[run.lines.clone()].iter().map(|l| l.text()).collect();
        assert_eq!(lines, ["⋮ 3 unreadable lines", "■■口丨丨 ，，。 口口", "一一丨 ■ 口口口", "：：丨丨 ■"]);
        assert!(l.lines()[run.lines.start + 1..run.lines.end].iter().all(|l| l.role() == Role::Noise));
    }

    #[test]
    fn positions_inside_noise_find_the_fold_or_their_line() {
        let a = article();
        let opts = LayoutOptions::default();
        let folded = layout(&a, 40, &opts);
        let fold = folded.noise()[0].lines.start;
        for k in 1..4 {
            assert_eq!(folded.line_of(Pos { element: Element::Block(k), offset: 3 }), fold, "block {k}");
        }
        let after = Pos { element: Element::Block(4), offset: 0 };
        assert_eq!(folded.lines()[folded.line_of(after)].text().trim_start(), "首日靠泊货轮九艘。");
        let open = layout_unfolded(&a, 40, &opts, &[1, 5]);
        for k in 1..4 {
            let line = open.line_of(Pos { element: Element::Block(k), offset: 0 });
            assert_eq!(open.lines()[line].source_range().map(|s| s.0), Some(Element::Block(k)));
        }
    }

    #[test]
    fn the_fold_line_shortens_to_fit_any_column() {
        let a = article();
        for pane in 0..30u16 {
            let l = layout(&a, pane, &LayoutOptions::default());
            for line in l.lines().iter().filter(|l| l.role() == Role::Fold) {
                assert!(usize::from(line.width()) <= usize::from(l.column()), "{pane}: {:?}", line.text());
            }
        }
        let t = |pane| {
            let l = layout(&a, pane, &LayoutOptions::default());
            texts(&l).into_iter().find(|t| t.starts_with('⋯')).map(str::to_string)
        };
        assert_eq!(t(14).as_deref(), Some("⋯ 3 lines"));
        assert_eq!(t(6).as_deref(), Some("⋯ 3"));
        assert_eq!(t(2).as_deref(), Some("⋯"));
    }
}
