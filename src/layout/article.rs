//! Article assembly: the furniture (headline, decks, byline), the body and
//! the attribution, each set by its own rules into one list of lines.

use super::breaking::{Brk, Unit, fit, render, segment, unit_end, wrap, wrap_balanced};
use super::laid::{ArticleLayout, NoiseRun, run_end};
use super::line::{Line, Piece, Role, Shared, map_range};
use super::options::LayoutOptions;
use super::width::char_width;
use crate::model::Element;
use crate::model::{Article, Block};
use crate::parse::text::is_cjk_dominant;
use crate::script::ArticleMaps;
use std::sync::{Arc, OnceLock};

const INDENT: &str = "\u{3000}\u{3000}";
/// Below this column an indent costs more than it says.
const MIN_INDENT_COLUMN: usize = 12;

/// How a run of lines sits in the column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Centre,
}

pub(super) struct Builder<'o> {
    pub(super) opts: &'o LayoutOptions,
    pub(super) column: usize,
    /// Cells right of the column a hanging mark may take (0: no hanging).
    hang: usize,
    pub(super) units: Vec<Unit>,
    pub(super) brks: Vec<Brk>,
    tmp: Vec<Brk>,
    pub(super) lines: Vec<Line>,
    pub(super) shared: Arc<OnceLock<Shared>>,
    sources: String,
    pub(super) display: String,
    pub(super) pieces: Vec<Piece>,
    pub(super) noise: Vec<NoiseRun>,
}

/// Lays out `article` for a pane `pane` cells wide, the stretches of noise
/// starting at the blocks `unfolded` shown line by line.
pub(crate) fn build(
    article: &Article,
    pane: u16,
    opts: &LayoutOptions,
    unfolded: &[usize],
    maps: Option<ArticleMaps>,
) -> ArticleLayout {
    let column = column_width(pane, opts, is_cjk_article(article));
    let margin = pane.saturating_sub(column) / 2;
    let right = usize::from(pane.saturating_sub(margin + column));
    let mut b = Builder {
        opts,
        column: column as usize,
        hang: if opts.hanging { right } else { 0 },
        units: Vec::new(),
        brks: Vec::new(),
        tmp: Vec::new(),
        lines: Vec::with_capacity(line_estimate(article, column)),
        shared: Arc::new(OnceLock::new()),
        sources: String::with_capacity(source_bytes(article)),
        display: String::with_capacity(source_bytes(article) * 5 / 4),
        pieces: Vec::new(),
        noise: Vec::new(),
    };
    if let Some(kicker) = &article.kicker {
        b.set(Element::Kicker, kicker, Role::Kicker, Align::Centre);
    }
    b.set(Element::Headline, &article.headline, Role::Headline, Align::Centre);
    for (i, deck) in article.decks.iter().enumerate() {
        b.set(Element::Deck(i), deck, Role::Deck, Align::Centre);
    }
    if let Some(byline) = &article.byline {
        b.set(Element::Byline, byline, Role::Byline, Align::Centre);
    }
    b.body(article, unfolded);
    if let Some(attribution) = &article.attribution {
        b.attribution(attribution);
    }
    let _ = b.shared.set(Shared { sources: b.sources, display: b.display, pieces: b.pieces, maps });
    ArticleLayout { lines: b.lines, column, margin, noise: b.noise }
}

/// Enough lines for most articles at this column, so that a long one is not
/// copied over and over as the list grows.
fn line_estimate(article: &Article, column: u16) -> usize {
    source_bytes(article) / column.max(1) as usize + 2 * article.blocks.len() + 16
}

/// Bytes of all the article's text.
fn source_bytes(article: &Article) -> usize {
    let furniture = [&article.kicker, &article.byline, &article.attribution]
        .iter()
        .filter_map(|t| t.as_ref().map(String::len))
        .sum::<usize>()
        + article.headline.len()
        + article.decks.iter().map(String::len).sum::<usize>();
    furniture + article.blocks.iter().map(|b| b.text().len()).sum::<usize>()
}

/// The text column: capped by the options, a cell of air on each side in
/// any pane wide enough to spare it (the right one taking hanging marks),
/// even for CJK text so that lines of ideographs fill it exactly.
fn column_width(pane: u16, opts: &LayoutOptions, cjk: bool) -> u16 {
    let reserve = match (pane >= 24, opts.hanging) {
        (true, _) => 2,
        (false, true) => 1,
        (false, false) => 0,
    };
    let room = pane.saturating_sub(reserve);
    let mut column = opts.max_width.min(room);
    if cjk && column >= 4 && column % 2 == 1 {
        column -= 1;
    }
    column.max(1)
}

/// Judged on the headline and the first few kilobytes of body, which is
/// plenty to tell and keeps huge articles cheap.
fn is_cjk_article(article: &Article) -> bool {
    let mut sample = article.headline.clone();
    for block in &article.blocks {
        if sample.len() > 4096 {
            break;
        }
        sample.push_str(block.text());
    }
    !sample.trim().is_empty() && is_cjk_dominant(&sample)
}

/// The element text without surrounding white space (control characters
/// count: they show as spaces), and its offset.
pub(super) fn trimmed(text: &str) -> (usize, &str) {
    let blank = |c: char| c.is_whitespace() || c.is_control();
    let t = text.trim_start_matches(blank);
    (text.len() - t.len(), t.trim_end_matches(blank))
}

impl Builder<'_> {
    /// The blocks: a blank line between parts, none between the rows of a
    /// table, the lines of a stretch of noise, or a caption and the credit
    /// under it.
    fn body(&mut self, article: &Article, unfolded: &[usize]) {
        let blocks = &article.blocks;
        let mut after_caption = false;
        let mut i = 0;
        while i < blocks.len() {
            let end = run_end(blocks, i);
            let run = i..end;
            i = end;
            let Some(first) = run.clone().find(|&k| !trimmed(blocks[k].text()).1.is_empty()) else { continue };
            let block = &blocks[first];
            let caption = matches!(block, Block::Caption(_));
            let credit = caption && after_caption;
            if !self.lines.is_empty() && !credit {
                self.blank(Element::Block(first), block.text());
            }
            after_caption = caption;
            let text = block.text();
            match block {
                Block::Paragraph(_) => {
                    let dateline = article.dateline.as_deref().filter(|_| first == 0);
                    self.paragraph(first, text, dateline);
                }
                Block::Subhead(_) => self.set(Element::Block(first), text, Role::Subhead, Align::Left),
                Block::Caption(_) => self.set(Element::Block(first), text, Role::Caption, Align::Left),
                Block::Table(_) => self.table(first, &blocks[first..run.end]),
                Block::Noise(_) => self.noise_run(blocks, run.clone(), unfolded.contains(&run.start)),
            }
        }
    }

    /// Copies an element's source into the shared text; its lines point there.
    pub(super) fn source(&mut self, text: &str) -> u32 {
        let base = self.sources.len();
        self.sources.push_str(text);
        base.min(u32::MAX as usize) as u32
    }

    pub(super) fn blank(&mut self, element: Element, text: &str) {
        let (lead, _) = trimmed(text);
        let at = self.display.len() as u32;
        self.lines.push(Line {
            shared: self.shared.clone(),
            element,
            text: (at, at),
            src: (lead as u32, lead as u32),
            src_base: 0,
            body: 0,
            accent: (0, 0),
            width: 0,
            role: Role::Blank,
            pieces: (0, 0),
        });
    }

    /// Headline, deck, byline, subhead, caption: one element, one
    /// alignment, no indent.
    pub(super) fn set(&mut self, element: Element, text: &str, role: Role, align: Align) {
        let (lead, t) = trimmed(text);
        if t.is_empty() {
            return;
        }
        let o = self.opts;
        let script = segment(t, o.ambiguous, o.fullwidth_punct, &mut self.units);
        fit(&mut self.units, self.column);
        let column = self.column;
        if align == Align::Centre {
            let cjk = script.is_cjk();
            wrap_balanced(&self.units, column, cjk, &mut self.brks, &mut self.tmp);
        } else {
            wrap(&self.units, column, column, self.hang, &mut self.brks);
        }
        let base = self.source(text);
        for k in 0..self.brks.len() {
            let brk = self.brks[k];
            let pad = match align {
                Align::Centre => column.saturating_sub(brk.width) / 2,
                Align::Left => 0,
            };
            let frame = Frame { pad, ..Frame::default() };
            self.line(role, element, base, lead, t, brk, frame);
        }
    }

    fn paragraph(&mut self, i: usize, text: &str, dateline: Option<&str>) {
        let (lead, t) = trimmed(text);
        let o = self.opts;
        let script = segment(t, o.ambiguous, o.fullwidth_punct, &mut self.units);
        fit(&mut self.units, self.column);
        let indent = o.indent && script.is_cjk() && self.column >= MIN_INDENT_COLUMN;
        let first = if indent { self.column - 4 } else { self.column };
        wrap(&self.units, first, self.column, self.hang, &mut self.brks);
        let accent = dateline.filter(|d| !d.is_empty() && t.starts_with(*d)).map(|d| lead..lead + d.len());
        let base = self.source(text);
        for k in 0..self.brks.len() {
            let frame = Frame { indent: indent && k == 0, ..Frame::default() };
            let brk = self.brks[k];
            self.line(Role::Body, Element::Block(i), base, lead, t, brk, frame);
            if let Some(a) = &accent
                && let Some(line) = self.lines.last_mut()
            {
                let (s, e) = (range(line.text), range(line.src));
                let shown = &self.display[s];
                let source = &text[e.clone()];
                if let Some(r) = map_range(source, e.start, shown, line.body as usize, a.clone()) {
                    line.accent = (r.start as u32, r.end as u32);
                }
            }
        }
    }

    /// The closing credit, in parentheses, flush right.
    fn attribution(&mut self, text: &str) {
        let (lead, t) = trimmed(text);
        if t.is_empty() {
            return;
        }
        let o = self.opts;
        let script = segment(t, o.ambiguous, o.fullwidth_punct, &mut self.units);
        fit(&mut self.units, self.column);
        let (open, close) = if script.is_cjk() { ("（", "）") } else { ("(", ")") };
        let paren = char_width(open.chars().next().unwrap_or('('), o.ambiguous);
        // A column too narrow for both parentheses and a character between
        // them shows the credit bare rather than overflow (found by fuzzing).
        let (open, close, paren) = if self.column < 2 * paren + 2 { ("", "", 0) } else { (open, close, paren) };
        let limit = self.column.saturating_sub(2 * paren).max(1);
        let cjk = script.is_cjk();
        wrap_balanced(&self.units, limit, cjk, &mut self.brks, &mut self.tmp);
        let base = self.source(text);
        let last = self.brks.len().saturating_sub(1);
        for k in 0..self.brks.len() {
            let brk = self.brks[k];
            let open = if k == 0 { open } else { "" };
            let close = if k == last { close } else { "" };
            let framed = brk.width + paren * (open.len().min(1) + close.len().min(1));
            let frame = Frame {
                pad: self.column.saturating_sub(framed),
                open,
                close,
                extra: framed - brk.width,
                ..Frame::default()
            };
            self.line(Role::Attribution, Element::Attribution, base, lead, t, brk, frame);
        }
    }

    /// Appends one line: its frame and display text go into the shared text.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn line(
        &mut self,
        role: Role,
        element: Element,
        base: u32,
        lead: usize,
        t: &str,
        brk: Brk,
        frame: Frame,
    ) {
        let units = &self.units;
        let start = units.get(brk.from).map_or(t.len(), |u| u.start as usize);
        let end = unit_end(units, brk.to.saturating_sub(1), t.len()).max(start);
        let display = &mut self.display;
        let at = display.len();
        display.extend(std::iter::repeat_n(' ', frame.pad));
        if frame.indent {
            display.push_str(INDENT);
        }
        display.push_str(frame.open);
        let body = display.len() - at;
        render(t, units, &brk, display);
        display.push_str(frame.close);
        let width = frame.pad + if frame.indent { 4 } else { 0 } + frame.extra + brk.width;
        self.lines.push(Line {
            shared: self.shared.clone(),
            element,
            text: (at as u32, display.len() as u32),
            src: ((lead + start) as u32, (lead + end) as u32),
            src_base: base,
            body: body as u32,
            accent: (0, 0),
            width: width.min(u16::MAX as usize) as u16,
            role,
            pieces: (0, 0),
        });
    }
}

fn range(r: (u32, u32)) -> std::ops::Range<usize> {
    r.0 as usize..r.1 as usize
}

/// What surrounds a line's source text.
#[derive(Default)]
pub(super) struct Frame {
    pub(super) pad: usize,
    indent: bool,
    open: &'static str,
    close: &'static str,
    /// Cells taken by `open` and `close`.
    extra: usize,
}
