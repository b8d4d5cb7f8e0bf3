//! The front page (版面): the section's articles as blocks, the lead story
//! across the top, the rest in columns, the chosen block marked. Scrolled
//! so that the chosen block is on screen.

use super::frame::{Hint, framed};
use crate::app::overlay::front::FrontBlock;
use crate::app::{Action, FrontView, State};
use crate::layout::Role;
use crate::measure::short;
use crate::ui::Theme;
use crate::ui::cells::put;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Where a block goes on the (unscrolled) page: row, column's x, width, height.
#[derive(Debug, Clone, Copy)]
struct Place {
    y: u16,
    x: u16,
    w: u16,
    h: u16,
}

/// Draws the page over everything between the top and bottom bars.
pub fn draw(frame: &mut Frame, mid: Rect, state: &State, theme: &Theme, view: &FrontView) {
    let amb = state.settings.layout.ambiguous;
    let issue = state.library.issue();
    let section = issue.and_then(|i| i.sections.get(view.section));
    let name = section.map(|s| state.shown.section(view.section, &s.name)).filter(|n| !n.is_empty());
    let count = issue.map_or(0, |i| i.sections.iter().filter(|s| !s.articles.is_empty()).count());
    // An issue without section markers is one page, named by its title.
    let name = name.or_else(|| issue.map(|i| state.shown.title.as_deref().unwrap_or(&i.title)));
    let args = [("name", name.unwrap_or("").into()), ("n", (view.section + 1).into()), ("all", count.into())];
    let title = format!(" {} ", state.f("front-title", &args));
    let inner = framed(frame, mid, &title, state, theme);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let places = places(view, inner);
    let Some(chosen) = places.get(view.selected) else { return };
    // Scrolled so that the chosen block shows whole (its top, if it is taller).
    let top = (chosen.y + chosen.h).saturating_sub(inner.height).min(chosen.y);
    let buf = frame.buffer_mut();
    for (k, (block, place)) in view.blocks.iter().zip(&places).enumerate() {
        let y = i32::from(place.y) - i32::from(top);
        if y + i32::from(place.h) <= 0 || y >= i32::from(inner.height) {
            continue;
        }
        draw_block(buf, inner, (y, *place), block, k == view.selected, state, theme);
        // A rule between columns.
        if place.x > inner.x {
            for dy in 0..place.h {
                let row = y + i32::from(dy);
                if (0..i32::from(inner.height)).contains(&row) {
                    put(buf, place.x - 2, inner.y + row as u16, place.x - 1, "│", theme.border, amb);
                }
            }
        }
    }
}

/// Each block's place: the lead story across the page, then rows of
/// `cols` blocks as tall as the tallest of them, a blank row between.
fn places(view: &FrontView, inner: Rect) -> Vec<Place> {
    let cols = view.cols.max(1);
    let (col_w, _) = crate::app::overlay::front::block_widths(inner.width + 2, cols);
    let mut out = Vec::with_capacity(view.blocks.len());
    let Some(lead) = view.blocks.first() else { return out };
    out.push(Place { y: 0, x: inner.x, w: inner.width, h: lead.lines.len() as u16 + 1 });
    let mut y = out[0].h + 1;
    for row in view.blocks[1..].chunks(cols) {
        let h = row.iter().map(|b| b.lines.len()).max().unwrap_or(0) as u16 + 1;
        for c in 0..row.len() {
            out.push(Place { y, x: inner.x + c as u16 * (col_w + 3), w: col_w, h });
        }
        y += h + 1;
    }
    out
}

/// One block: its lines in their roles' styles, then its marks and reading
/// time; the chosen block's headline in the selection's style.
fn draw_block(
    buf: &mut Buffer,
    inner: Rect,
    (y, place): (i32, Place),
    block: &FrontBlock,
    chosen: bool,
    state: &State,
    theme: &Theme,
) {
    let amb = state.settings.layout.ambiguous;
    let end = (place.x + place.w).min(inner.right());
    let row = |dy: usize| {
        let r = y + dy as i32;
        (0..i32::from(inner.height)).contains(&r).then(|| inner.y + r as u16)
    };
    for (dy, (text, role)) in block.lines.iter().enumerate() {
        let Some(ry) = row(dy) else { continue };
        let style = if chosen && *role == Role::Headline { theme.selected } else { theme.role(*role) };
        put(buf, place.x, ry, end, text, style, amb);
    }
    let Some(ry) = row(block.lines.len()) else { return };
    let issue = state.library.issue();
    let article = issue.and_then(|i| i.articles().nth(block.index));
    let (marked, read) = article
        .map_or((false, true), |a| (state.marks.bookmarks.contains_key(&a.id), state.marks.read.contains(&a.id)));
    let slot = state.library.slots.get(state.library.current);
    let minutes = slot.and_then(|s| s.lengths.get(block.index)).map_or(0, |l| l.whole_minutes(&state.settings.rates));
    let mut x = place.x;
    if chosen {
        x = put(buf, x, ry, end, "▶ ", theme.key, amb);
    }
    let marks = format!("{}{}", if marked { "★ " } else { "" }, if read { "" } else { "● " });
    x = put(buf, x, ry, end, &marks, theme.marker, amb);
    if minutes > 0 {
        put(buf, x, ry, end, &short(minutes), theme.length, amb);
    }
}

/// ` h/j/k/l move · ⏎ read · }/{ page · o close`
pub fn hint(state: &State, theme: &Theme) -> Hint {
    let km = &state.keymap;
    let page = km.hint(&[Action::NextSection, Action::PrevSection]);
    let close = km.hint(&[Action::FrontPage]);
    let text = format!(" {}", state.f("front-hint", &[("page", page.into()), ("close", close.into())]));
    Hint::keys(text, theme)
}
