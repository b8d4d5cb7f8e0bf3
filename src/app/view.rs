//! The article pane's state: the laid-out article (cached per article,
//! width, options and unfolded noise) and the reading position, kept as a
//! place in the text so that it survives re-layout.

use crate::layout::{ArticleLayout, LayoutOptions, Role, layout_converted, layout_unfolded};
use crate::model::{Article, ArticleId, Element, Pos};
use crate::script::{ArticleMaps, Script, convert_article_part};
use std::collections::HashMap;
use std::sync::Arc;

/// How many layouts to keep: the articles around the one being read.
const CACHE: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    /// The issue's source name.
    issue: String,
    id: ArticleId,
    width: u16,
    options: LayoutOptions,
    /// Stretches of noise shown line by line, by their first block.
    unfolded: Vec<usize>,
}

/// What the open key does to the noise on screen: unfold the first folded
/// stretch, or, when every stretch on screen is unfolded, fold them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoiseToggle {
    /// Unfold the stretch starting at this block.
    Unfold(usize),
    /// Fold the stretches starting at these blocks.
    Fold(Vec<usize>),
}

/// Articles longer than this (bytes of text) are converted to another
/// script in part at once — the blocks around the reading place — and
/// whole off the key path: the dictionaries go at some 10 MB/s, so a 1 MB
/// article whole would be felt on the key that opens it.
const WHOLE_AT_ONCE: usize = 128 * 1024;
/// How much text after the reading place the part converted at once
/// holds: more than a screen of the widest terminal.
const PART_AFTER: usize = 32 * 1024;
/// And before it, for the lines just above.
const PART_BEFORE: usize = 4 * 1024;

/// An article converted to a script: the converted text and its maps back,
/// for which issue, article and script, and whether it is whole.
#[derive(Debug)]
struct Held {
    issue: String,
    id: ArticleId,
    script: Script,
    done: Arc<(Article, ArticleMaps)>,
    whole: bool,
}

/// An article to convert whole off the key path (its part is shown):
/// answered by [`View::adopt`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The issue's source name.
    pub issue: String,
    /// The article, as printed.
    pub article: Article,
    /// The script to convert it to.
    pub script: Script,
}

/// The answer to a [`Conversion`]: the article whole in the script, or
/// `None` when the conversion was given up for a newer one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The issue's source name.
    pub issue: String,
    /// Which article.
    pub id: ArticleId,
    /// Which script.
    pub script: Script,
    /// The article converted and its maps back.
    pub done: Option<Arc<(Article, ArticleMaps)>>,
}

/// The article being shown and where the reader is in it.
#[derive(Debug, Default)]
pub struct View {
    layout: Option<Arc<ArticleLayout>>,
    key: Option<Key>,
    /// Index of the first visible line.
    pub top: usize,
    /// The source position at the top of the pane; survives re-layout.
    anchor: Option<Pos>,
    cache: Vec<(Key, Arc<ArticleLayout>)>,
    /// Per article (issue's source name, id): the stretches of noise unfolded this session.
    unfolded: HashMap<(String, ArticleId), Vec<usize>>,
    /// A stretch just folded or unfolded, and the pane row its fold line
    /// was on: it stays there, so the text does not jump under the reader.
    hold: Option<(usize, usize)>,
    /// The article last converted to another script: laid out again at
    /// another width or with noise unfolded, it is not converted again.
    converted: Option<Held>,
    /// The whole conversion to ask for, of an article shown in part.
    wanted: Option<Conversion>,
    /// The article shown is to be laid out again (its whole conversion came).
    stale: bool,
}

impl View {
    /// The current layout, if an article is shown.
    pub fn layout(&self) -> Option<&ArticleLayout> {
        self.layout.as_deref()
    }

    /// Shows `article` at `width`: from the cache when it was laid out
    /// before. Keeps the reading place when it is the same article (new
    /// width or options); another article starts at `saved` (where the
    /// reader left it in an earlier session) or at the top.
    pub fn show(
        &mut self,
        issue: &str,
        article: &Article,
        width: u16,
        options: &LayoutOptions,
        height: usize,
        saved: Option<Pos>,
    ) {
        let unfolded = self.unfolded.get(&(issue.to_string(), article.id.clone())).cloned().unwrap_or_default();
        let key = Key { issue: issue.to_string(), id: article.id.clone(), width, options: options.clone(), unfolded };
        if self.key.as_ref() == Some(&key) && !self.stale {
            return;
        }
        self.stale = false;
        let same_article = self.key.as_ref().is_some_and(|k| k.issue == issue && k.id == article.id);
        let place = if same_article { self.anchor } else { saved };
        let laid = match self.cache.iter().position(|(k, _)| *k == key) {
            Some(i) => {
                let entry = self.cache.remove(i);
                self.cache.push(entry.clone());
                entry.1
            }
            None => {
                let laid = Arc::new(self.lay_out(issue, article, (width, options), &key.unfolded, place));
                if self.cache.len() >= CACHE {
                    self.cache.remove(0);
                }
                self.cache.push((key.clone(), laid.clone()));
                laid
            }
        };
        self.top = match (same_article, self.anchor, saved) {
            (true, Some(anchor), _) => laid.line_of(anchor).saturating_sub(self.blank_above(anchor, &laid)),
            (false, _, Some(pos)) => laid.line_of(pos),
            _ => 0,
        };
        let held = self.hold.take().filter(|_| same_article).and_then(|(start, row)| {
            let run = laid.noise().iter().find(|r| r.blocks.start == start)?;
            Some(run.lines.start.saturating_sub(row))
        });
        if let Some(top) = held {
            self.top = top;
        }
        self.layout = Some(laid);
        self.key = Some(key);
        self.clamp(height);
        // Re-laying the same article keeps the old anchor, so that a storm of
        // resizes does not drift the reading place line by line.
        if !same_article || held.is_some() {
            self.remember();
        }
    }

    /// Lays the article out, converting it to the script first unless the
    /// last conversion was of this article to this script. A long article
    /// is converted around `place` only, and its whole conversion wanted.
    fn lay_out(
        &mut self,
        issue: &str,
        article: &Article,
        (width, options): (u16, &LayoutOptions),
        unfolded: &[usize],
        place: Option<Pos>,
    ) -> ArticleLayout {
        let script = options.script;
        if script == Script::Original {
            return layout_unfolded(article, width, options, unfolded);
        }
        let done = match &self.converted {
            Some(c) if c.issue == issue && c.id == article.id && c.script == script => c.done.clone(),
            _ => {
                let blocks = part_around(article, place);
                let whole = blocks.len() == article.blocks.len();
                let done = Arc::new(convert_article_part(article, script, blocks));
                if !whole {
                    let issue = issue.to_string();
                    self.wanted = Some(Conversion { issue, article: article.clone(), script });
                }
                let (issue, id) = (issue.to_string(), article.id.clone());
                self.converted = Some(Held { issue, id, script, done: done.clone(), whole });
                done
            }
        };
        layout_converted(&done.0, &done.1, width, options, unfolded)
    }

    /// 1 when the top line is the blank line just above the anchor's and
    /// the new layout `laid` has one there too: laid out again, the text
    /// stays where it was rather than moving up a line.
    fn blank_above(&self, anchor: Pos, laid: &ArticleLayout) -> usize {
        let Some(old) = &self.layout else { return 0 };
        let blank = |l: &ArticleLayout, i: usize| l.lines().get(i).is_some_and(|l| l.role() == Role::Blank);
        let (was, now) = (old.line_of(anchor), laid.line_of(anchor));
        usize::from(was == self.top + 1 && blank(old, self.top) && now > 0 && blank(laid, now - 1))
    }

    /// The whole conversion an article shown in part needs, once.
    pub fn wanted(&mut self) -> Option<Conversion> {
        self.wanted.take()
    }

    /// Takes in the whole conversion of an article shown in part: the
    /// layouts of the part go, and the article, if shown, is laid out
    /// anew at the same place by the next `show`. Given up (`None`), the
    /// part's layouts go all the same, so that coming back asks again.
    pub fn adopt(&mut self, answer: Converted) {
        let of_it = |issue: &str, id: &ArticleId, script: Script| {
            issue == answer.issue && *id == answer.id && script == answer.script
        };
        self.cache.retain(|(k, _)| !of_it(&k.issue, &k.id, k.options.script));
        if self.key.as_ref().is_some_and(|k| of_it(&k.issue, &k.id, k.options.script)) {
            self.stale = true;
        }
        match (&mut self.converted, answer.done) {
            (Some(c), Some(done)) if !c.whole && of_it(&c.issue, &c.id, c.script) => {
                c.done = done;
                c.whole = true;
            }
            (Some(c), None) if of_it(&c.issue, &c.id, c.script) => self.converted = None,
            _ => {}
        }
    }

    /// What the open key does to the noise on screen in a pane `height`
    /// lines tall; `None` when none is on screen.
    pub fn noise_toggle(&self, height: usize) -> Option<NoiseToggle> {
        let layout = self.layout.as_ref()?;
        let (top, bottom) = (self.top, self.top + height.max(1));
        let on_screen: Vec<_> = layout.noise().iter().filter(|r| r.lines.start < bottom && top < r.lines.end).collect();
        if let Some(run) = on_screen.iter().find(|r| r.folded) {
            return Some(NoiseToggle::Unfold(run.blocks.start));
        }
        let open: Vec<usize> = on_screen.iter().map(|r| r.blocks.start).collect();
        (!open.is_empty()).then_some(NoiseToggle::Fold(open))
    }

    /// Does what [`View::noise_toggle`] says; false when there is no
    /// noise on screen. The article is laid out anew by the next `show`.
    pub fn toggle_noise(&mut self, height: usize) -> bool {
        self.noise_toggle(height).map(|t| self.apply(t)).is_some()
    }

    /// Folds or unfolds the stretch of noise whose fold line is line `line`.
    pub fn toggle_noise_at(&mut self, line: usize) -> bool {
        let Some(layout) = &self.layout else { return false };
        let Some(run) = layout.noise().iter().find(|r| r.lines.start == line) else { return false };
        let start = run.blocks.start;
        self.apply(if run.folded { NoiseToggle::Unfold(start) } else { NoiseToggle::Fold(vec![start]) });
        true
    }

    /// Unfolds the stretch of noise holding `pos` if it is folded, so that
    /// a search match there can be seen; true when it was folded.
    pub fn unfold_at(&mut self, pos: Pos) -> bool {
        let (Element::Block(k), Some(layout)) = (pos.element, &self.layout) else { return false };
        let Some(run) = layout.noise().iter().find(|r| r.folded && r.blocks.contains(&k)) else { return false };
        self.apply(NoiseToggle::Unfold(run.blocks.start));
        true
    }

    fn apply(&mut self, toggle: NoiseToggle) {
        let (Some(key), Some(layout)) = (&self.key, &self.layout) else { return };
        let set = self.unfolded.entry((key.issue.clone(), key.id.clone())).or_default();
        let first = match &toggle {
            NoiseToggle::Unfold(start) => {
                set.push(*start);
                *start
            }
            NoiseToggle::Fold(starts) => {
                set.retain(|s| !starts.contains(s));
                starts.first().copied().unwrap_or_default()
            }
        };
        set.sort_unstable();
        set.dedup();
        let row = layout.noise().iter().find(|r| r.blocks.start == first).map_or(0, |r| r.lines.start);
        self.hold = Some((first, row.saturating_sub(self.top)));
    }

    /// Forgets what is shown (another issue, nothing selected).
    pub fn clear(&mut self) {
        self.layout = None;
        self.key = None;
        self.top = 0;
        self.anchor = None;
    }

    /// Number of laid-out lines.
    pub fn len(&self) -> usize {
        self.layout.as_ref().map_or(0, |l| l.lines().len())
    }

    /// True when nothing is laid out.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Scrolls by `delta` lines within a pane `height` lines tall.
    pub fn scroll(&mut self, delta: isize, height: usize) {
        self.top = self.top.saturating_add_signed(delta);
        self.clamp(height);
        self.remember();
    }

    /// Scrolls so that line `line` is at the top (as far as the end allows).
    pub fn scroll_to(&mut self, line: usize, height: usize) {
        self.top = line;
        self.clamp(height);
        self.remember();
    }

    /// Brings the line holding `pos` into view, a few lines below the top.
    pub fn reveal(&mut self, pos: Pos, height: usize) {
        if let Some(l) = &self.layout {
            let line = l.line_of(pos);
            if line < self.top || line >= self.top + height {
                self.scroll_to(line.saturating_sub(height / 4), height);
            }
        }
    }

    /// The last line the top may be at: the end of the text at the bottom of the pane.
    pub fn max_top(&self, height: usize) -> usize {
        self.len().saturating_sub(height.max(1))
    }

    /// True when the end of the article is on screen.
    pub fn at_end(&self, height: usize) -> bool {
        self.top >= self.max_top(height)
    }

    /// How far through the article the bottom of the pane is, 0–100.
    pub fn percent(&self, height: usize) -> u16 {
        let len = self.len();
        if len == 0 || self.top + height >= len {
            return 100;
        }
        ((self.top + height) * 100 / len) as u16
    }

    fn clamp(&mut self, height: usize) {
        self.top = self.top.min(self.max_top(height));
    }

    fn remember(&mut self) {
        self.anchor = self.layout.as_ref().and_then(|l| l.lines().get(self.top)).map(|line| line.start());
    }
}

/// The blocks converted at once: all of a short article; of a long one,
/// those from a little before `place` to a screen or two after it.
fn part_around(article: &Article, place: Option<Pos>) -> std::ops::Range<usize> {
    let blocks = &article.blocks;
    let bytes: usize = blocks.iter().map(|b| b.text().len()).sum();
    if bytes <= WHOLE_AT_ONCE {
        return 0..blocks.len();
    }
    let at = match place.map(|p| p.element) {
        Some(Element::Block(k)) => k.min(blocks.len()),
        Some(Element::Attribution) => blocks.len(),
        _ => 0,
    };
    let mut start = at;
    let mut before = 0;
    while start > 0 && before < PART_BEFORE {
        start -= 1;
        before += blocks[start].text().len();
    }
    let mut end = at;
    let mut after = 0;
    while end < blocks.len() && after < PART_AFTER {
        after += blocks[end].text().len();
        end += 1;
    }
    start..end
}

impl View {
    /// The source position at the top of the pane (the reading place).
    pub fn anchor(&self) -> Option<Pos> {
        self.anchor
    }
}
