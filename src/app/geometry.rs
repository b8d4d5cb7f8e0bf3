//! Where things go on the screen, as a pure function of its size: shared
//! by the update step (page sizes, layout width, mouse hit-testing) and by
//! drawing, so the two can never disagree.

use ratatui::layout::Rect;

/// Below this many columns only one pane is shown at a time.
pub const NARROW_BELOW: u16 = 70;
/// Below this size the reader shows only a "terminal too small" notice.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The section and headline list.
    #[default]
    List,
    /// The article.
    Article,
}

/// The screen's regions. Panes are `None` when not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The title line at the top.
    pub top: Rect,
    /// The key hint / status / prompt line at the bottom.
    pub bottom: Rect,
    /// The list pane, border included.
    pub list: Option<Rect>,
    /// The article pane, border included.
    pub article: Option<Rect>,
    /// True when the screen is too small for anything but a notice.
    pub too_small: bool,
}

impl Geometry {
    /// Lays out a `width`×`height` screen with the given pane focused and
    /// the list taking `list_percent` of the width when both panes show.
    pub fn of(width: u16, height: u16, focus: Focus, list_percent: u16) -> Geometry {
        let full = Rect::new(0, 0, width, height);
        if width < MIN_SIZE.0 || height < MIN_SIZE.1 {
            return Geometry { top: full, bottom: full, list: None, article: None, too_small: true };
        }
        let top = Rect::new(0, 0, width, 1);
        let bottom = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 1, width, height - 2);
        if width < NARROW_BELOW {
            let (list, article) = match focus {
                Focus::List => (Some(body), None),
                Focus::Article => (None, Some(body)),
            };
            return Geometry { top, bottom, list, article, too_small: false };
        }
        let list_w = (u32::from(width) * u32::from(list_percent.clamp(15, 60)) / 100) as u16;
        let list_w = list_w.clamp(24, 48).min(width - 30);
        let list = Rect::new(0, 1, list_w, body.height);
        let article = Rect::new(list_w, 1, width - list_w, body.height);
        Geometry { top, bottom, list: Some(list), article: Some(article), too_small: false }
    }

    /// The list pane inside its border.
    pub fn list_inner(&self) -> Option<Rect> {
        self.list.map(inner)
    }

    /// The article text area inside its border.
    pub fn article_inner(&self) -> Option<Rect> {
        self.article.map(inner)
    }
}

/// A rectangle less its one-cell border.
pub fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y + 1, r.width.saturating_sub(2), r.height.saturating_sub(2))
}

/// True if the point is inside the rectangle.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_both_panes() {
        let g = Geometry::of(120, 36, Focus::List, 32);
        let (l, a) = (g.list.unwrap(), g.article.unwrap());
        assert_eq!(l.x + l.width, a.x);
        assert_eq!(a.x + a.width, 120);
        assert_eq!(l.height, 34);
        assert!(l.width >= 24);
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let g = Geometry::of(40, 12, Focus::Article, 32);
        assert!(g.list.is_none());
        assert_eq!(g.article.unwrap().width, 40);
        let g = Geometry::of(40, 12, Focus::List, 32);
        assert!(g.article.is_none());
    }

    #[test]
    fn tiny_screens_are_too_small_and_nothing_underflows() {
        for (w, h) in [(0, 0), (1, 1), (19, 40), (200, 4), (10, 4)] {
            let g = Geometry::of(w, h, Focus::List, 32);
            assert!(g.too_small, "{w}x{h}");
            assert!(g.list.is_none() && g.article.is_none());
        }
        let g = Geometry::of(20, 5, Focus::List, 32);
        assert!(!g.too_small);
        assert_eq!(g.list_inner().unwrap().height, 1);
    }
}
