//! The article pane's state: the laid-out article (cached per article,
//! width and options) and the reading position, kept as a place in the
//! text so that it survives re-layout.

use crate::layout::{ArticleLayout, LayoutOptions, layout};
use crate::model::{Article, ArticleId, Pos};
use std::sync::Arc;

/// How many layouts to keep: the articles around the one being read.
const CACHE: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    issue: usize,
    id: ArticleId,
    width: u16,
    options: LayoutOptions,
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
        issue: usize,
        article: &Article,
        width: u16,
        options: &LayoutOptions,
        height: usize,
        saved: Option<Pos>,
    ) {
        let key = Key { issue, id: article.id.clone(), width, options: options.clone() };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let same_article = self.key.as_ref().is_some_and(|k| k.issue == issue && k.id == article.id);
        let laid = match self.cache.iter().position(|(k, _)| *k == key) {
            Some(i) => {
                let entry = self.cache.remove(i);
                self.cache.push(entry.clone());
                entry.1
            }
            None => {
                let laid = Arc::new(layout(article, width, options));
                if self.cache.len() >= CACHE {
                    self.cache.remove(0);
                }
                self.cache.push((key.clone(), laid.clone()));
                laid
            }
        };
        self.top = match (same_article, self.anchor, saved) {
            (true, Some(anchor), _) => laid.line_of(anchor),
            (false, _, Some(pos)) => laid.line_of(pos),
            _ => 0,
        };
        self.layout = Some(laid);
        self.key = Some(key);
        self.clamp(height);
        // Re-laying the same article keeps the old anchor, so that a storm of
        // resizes does not drift the reading place line by line.
        if !same_article {
            self.remember();
        }
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

impl View {
    /// The source position at the top of the pane (the reading place).
    pub fn anchor(&self) -> Option<Pos> {
        self.anchor
    }
}
