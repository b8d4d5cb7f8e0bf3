//! The article pane: the visible slice of the cached layout, search
//! matches highlighted in place, a scrollbar and the position.

use super::Theme;
use super::cells::put;
use crate::app::{Action, Focus, NoiseToggle, State, geometry};
use crate::layout::{Line, NoiseRun, Role, str_width};
use crate::model::Element;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};
use std::ops::Range;

/// Draws the article pane (border included) into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let amb = state.settings.layout.ambiguous;
    let border = if state.nav.focus == Focus::Article { theme.border_focused } else { theme.border };
    Block::default().borders(Borders::ALL).border_style(border).render(area, buf);
    let inner = geometry::inner(area);
    let Some(layout) = state.view.layout() else { return };
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let height = usize::from(inner.height);
    let top = state.view.top;
    let hits: Vec<(Range<usize>, bool, Element)> = state
        .search
        .hits
        .iter()
        .enumerate()
        .filter(|(_, h)| h.article == state.nav.selected)
        .map(|(i, h)| (h.pos.offset..h.pos.offset + h.len, state.search.current == Some(i), h.pos.element))
        .collect();
    let x0 = inner.x + layout.margin();
    // Enter's target among the fold lines, when Enter reaches the article.
    let toggle = (state.nav.focus == Focus::Article).then(|| state.view.noise_toggle(height)).flatten();
    for (k, line) in layout.lines().iter().skip(top).take(height).enumerate() {
        let y = inner.y + k as u16;
        if line.role() == Role::Fold {
            let run = layout.noise().iter().find(|r| r.lines.start == top + k);
            fold_line(buf, (x0, y, inner.right()), line, run, toggle.as_ref(), &hits, state, theme);
            continue;
        }
        let marks = highlights(line, &hits);
        let mut x = x0;
        let mut offset = 0;
        for (text, role) in line.spans() {
            let style = theme.role(role);
            x = put_marked(buf, x, y, inner.right(), text, offset, style, &marks, theme, amb);
            offset += text.len();
        }
    }
    let len = layout.lines().len();
    if len > height {
        let mut sb = ScrollbarState::new(len.saturating_sub(height)).position(top);
        let bar = Rect::new(area.right().saturating_sub(1), inner.y, 1, inner.height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(border)
            .thumb_style(theme.border_focused)
            .render(bar, buf, &mut sb);
    }
    let pct = format!(" {}% ", state.view.percent(height));
    let x = area.right().saturating_sub(pct.len() as u16 + 2);
    if x > area.x + 1 {
        put(buf, x, area.bottom() - 1, area.right() - 1, &pct, border, amb);
    }
    if let Some(left) = time_left(state, top + height, len) {
        let left = format!(" {left} ");
        if area.x + 2 + str_width(&left, amb) as u16 + 1 < x {
            put(buf, area.x + 2, area.bottom() - 1, x, &left, theme.length, amb);
        }
    }
}

/// `≈ 6 min left`: the article's reading time in the share of its lines
/// below the pane; `None` at the end.
fn time_left(state: &State, bottom: usize, lines: usize) -> Option<String> {
    let slot = state.library.slots.get(state.library.current)?;
    let length = slot.lengths.get(state.nav.selected)?;
    if bottom >= lines || lines == 0 {
        return None;
    }
    let share = (lines - bottom) as f64 / lines as f64;
    let minutes = (length.minutes(&state.settings.rates) * share).ceil().max(1.0) as u64;
    Some(state.f("time-left", &[("n", minutes.into())]))
}

/// A fold line: its count, in the match style when folded noise holds a
/// match, and beside it what Enter does to it when Enter would.
#[allow(clippy::too_many_arguments)]
fn fold_line(
    buf: &mut Buffer,
    (x, y, end): (u16, u16, u16),
    line: &Line,
    run: Option<&NoiseRun>,
    toggle: Option<&NoiseToggle>,
    hits: &[(Range<usize>, bool, Element)],
    state: &State,
    theme: &Theme,
) {
    let amb = state.settings.layout.ambiguous;
    let inside = |e: &Element| matches!((e, run), (Element::Block(b), Some(r)) if r.folded && r.blocks.contains(b));
    let style = if hits.iter().any(|(_, _, e)| inside(e)) { theme.matched } else { theme.noise };
    let x = put(buf, x, y, end, line.text(), style, amb);
    let what = match (toggle, run) {
        (Some(NoiseToggle::Unfold(s)), Some(r)) if *s == r.blocks.start => "hint-unfold",
        (Some(NoiseToggle::Fold(v)), Some(r)) if v.contains(&r.blocks.start) => "hint-fold",
        _ => return,
    };
    let key = state.keymap.hint(&[Action::Open]);
    let words = format!(" {}", state.t(what));
    let room = usize::from(end.saturating_sub(x));
    if 2 + str_width(&key, amb) + words.len() <= room {
        let x = put(buf, x + 2, y, end, &key, theme.key, amb);
        put(buf, x, y, end, &words, theme.noise, amb);
    }
}

/// Display byte ranges of this line to highlight, and whether each is the current match.
fn highlights(line: &Line, hits: &[(Range<usize>, bool, Element)]) -> Vec<(Range<usize>, bool)> {
    let Some((element, _)) = line.source_range() else { return Vec::new() };
    hits.iter()
        .filter(|(_, _, e)| *e == element)
        .filter_map(|(r, current, _)| line.display_range(r.clone()).map(|d| (d, *current)))
        .collect()
}

/// Writes one span whose text starts at display byte `offset` of its line,
/// switching to the match styles inside highlighted ranges.
#[allow(clippy::too_many_arguments)]
fn put_marked(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    end: u16,
    text: &str,
    offset: usize,
    style: Style,
    marks: &[(Range<usize>, bool)],
    theme: &Theme,
    amb: crate::layout::Ambiguous,
) -> u16 {
    if marks.is_empty() {
        return put(buf, x, y, end, text, style, amb);
    }
    // Cut the span at every highlight boundary inside it.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in marks {
        for b in [r.start, r.end] {
            if b > offset && b < offset + text.len() && text.is_char_boundary(b - offset) {
                cuts.push(b - offset);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let piece = &text[w[0]..w[1]];
        let at = offset + w[0];
        let piece_style = match marks.iter().find(|(r, _)| r.start <= at && at < r.end) {
            Some((_, true)) => theme.current_match,
            Some((_, false)) => theme.matched,
            None => style,
        };
        x = put(buf, x, y, end, piece, piece_style, amb);
    }
    x
}
