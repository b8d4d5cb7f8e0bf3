//! `o`: the front page (版面) of the current section: every article a
//! block (kicker, headline, decks, the first lines of its lead, its
//! reading time), the lead story first across the page, the rest in a
//! grid of columns. Arrows and `h`/`j`/`k`/`l` move between blocks,
//! `Enter` opens one, `}`/`{` turn the page, `o` or `Esc` leave.
//!
//! The blocks are set by the article layout (clreq rules, the reader's
//! script) when the view opens, the page turns or the screen changes,
//! never while drawing.

use super::component::{Ctx, Outcome, Target};
use crate::app::action::{Action, Dir};
use crate::layout::{LayoutOptions, Role, layout};
use crate::model::{Article, Block, Issue};

/// Lines of lead a block shows; the lead story shows more.
const LEAD_LINES: usize = 3;
const FIRST_LEAD_LINES: usize = 5;
/// Characters of the first paragraph set for a block: more than its lines hold.
const LEAD_CHARS: usize = 600;

/// One article on the page, set for its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontBlock {
    /// The article's index in the issue's reading order.
    pub index: usize,
    /// Its lines (display text and role): kicker, headline, decks, lead.
    pub lines: Vec<(String, Role)>,
}

/// The front page view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontView {
    /// The section shown.
    pub section: usize,
    /// The block selected, by its place on the page (0: the lead story).
    pub selected: usize,
    /// Columns of the grid below the lead story.
    pub cols: usize,
    /// The blocks as set, and for what (width, options) they were set.
    pub blocks: Vec<FrontBlock>,
    set_for: Option<(usize, u16, LayoutOptions)>,
}

/// Columns for a screen `width` cells wide: one under 80, two under 120, three above.
pub fn columns(width: u16) -> usize {
    match width {
        0..80 => 1,
        80..120 => 2,
        _ => 3,
    }
}

/// The width of one column of the grid and of the lead story, in cells.
pub fn block_widths(width: u16, cols: usize) -> (u16, u16) {
    let inner = width.saturating_sub(2);
    let gaps = (cols.saturating_sub(1) * 3) as u16;
    (inner.saturating_sub(gaps) / cols.max(1) as u16, inner)
}

impl FrontView {
    /// The page of `section`, the block of article `selected` (reading order) chosen.
    pub fn open(issue: &Issue, section: usize, selected: usize) -> FrontView {
        let first = first_index(issue, section);
        FrontView { section, selected: selected.saturating_sub(first), ..FrontView::default() }
    }

    /// Sets the blocks anew when the screen width, the options or the
    /// page changed.
    pub fn refresh(&mut self, issue: &Issue, width: u16, opts: &LayoutOptions) {
        self.cols = columns(width);
        let key = (self.section, width, opts.clone());
        if self.set_for.as_ref() == Some(&key) {
            return;
        }
        let (col, lead) = block_widths(width, self.cols);
        let first = first_index(issue, self.section);
        let articles = issue.sections.get(self.section).map_or(&[][..], |s| &s.articles[..]);
        self.blocks = articles
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let (w, lines) = if k == 0 { (lead, FIRST_LEAD_LINES) } else { (col, LEAD_LINES) };
                FrontBlock { index: first + k, lines: set_block(a, w, lines, opts) }
            })
            .collect();
        self.selected = self.selected.min(self.blocks.len().saturating_sub(1));
        self.set_for = Some(key);
    }

    /// Moves, turns the page, opens a block, or closes.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        let Some(issue) = ctx.library.issue() else { return Outcome::Close };
        let n = self.blocks.len();
        match action {
            Action::Grid(dir) => self.selected = self.step(*dir, n),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n.saturating_sub(1),
            Action::NextSection | Action::PrevSection => {
                let forward = *action == Action::NextSection;
                if let Some(s) = turn(issue, self.section, forward) {
                    self.section = s;
                    self.selected = 0;
                    self.set_for = None;
                }
            }
            Action::Open => {
                return match self.blocks.get(self.selected) {
                    Some(b) => Outcome::GoTo(Target::Article(b.index)),
                    None => Outcome::Close,
                };
            }
            Action::FrontPage | Action::Back => return Outcome::Close,
            Action::Quit | Action::Help | Action::Suspend | Action::CycleScript => return Outcome::Pass,
            _ => {}
        }
        Outcome::Stay
    }

    /// The block a move goes to: the lead story on top across the page,
    /// the others `cols` to a row under it.
    fn step(&self, dir: Dir, n: usize) -> usize {
        let (s, cols) = (self.selected, self.cols.max(1));
        let last = n.saturating_sub(1);
        match dir {
            Dir::Left => s.saturating_sub(1),
            Dir::Right => (s + 1).min(last),
            Dir::Down if s == 0 => 1.min(last),
            Dir::Down => (s + cols).min(last),
            Dir::Up if s <= cols => 0,
            Dir::Up => s - cols,
        }
    }
}

/// Reading-order index of the first article of a section.
fn first_index(issue: &Issue, section: usize) -> usize {
    issue.sections.iter().take(section).map(|s| s.articles.len()).sum()
}

/// The next (or previous) section that has articles.
fn turn(issue: &Issue, from: usize, forward: bool) -> Option<usize> {
    let has = |s: &usize| issue.sections.get(*s).is_some_and(|x| !x.articles.is_empty());
    if forward { (from + 1..issue.sections.len()).find(has) } else { (0..from).rev().find(has) }
}

/// An article's block: its head and the first `lead` lines of its first
/// paragraph, set by the article layout at `width`.
fn set_block(a: &Article, width: u16, lead: usize, opts: &LayoutOptions) -> Vec<(String, Role)> {
    // The head alone: `..a.clone()` would copy every block to drop them.
    let mut head = Article {
        id: a.id.clone(),
        kicker: a.kicker.clone(),
        headline: a.headline.clone(),
        decks: a.decks.clone(),
        byline: None,
        dateline: a.dateline.clone(),
        attribution: None,
        blocks: Vec::new(),
    };
    if let Some(p) = a.blocks.iter().find(|b| matches!(b, Block::Paragraph(_))) {
        head.blocks.push(Block::Paragraph(p.text().chars().take(LEAD_CHARS).collect()));
    }
    let opts = LayoutOptions { max_width: width.max(1), hanging: false, ..opts.clone() };
    let laid = layout(&head, width, &opts);
    let margin = " ".repeat(usize::from(laid.margin()));
    let mut out = Vec::new();
    let mut body = 0;
    for line in laid.lines() {
        match line.role() {
            Role::Blank => continue,
            Role::Body | Role::Dateline => {
                if body == lead {
                    break;
                }
                body += 1;
            }
            _ => {}
        }
        out.push((format!("{margin}{}", line.text()), line.role()));
    }
    out
}
