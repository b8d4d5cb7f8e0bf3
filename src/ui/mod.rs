//! Drawing: `draw(&State)` into a frame. Reads state, never changes it, and
//! touches only what is visible.

mod article;
mod bars;
pub mod cells;
mod list;
mod overlay;
pub mod theme;

pub use theme::Theme;

use crate::app::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Draws the whole screen for the current state.
pub fn draw(frame: &mut Frame, state: &State, theme: &Theme) {
    let area = frame.area();
    // The terminal was resized after the state last heard of it: the
    // geometry would not fit. Leave the frame blank; the resize event that
    // is on its way brings a frame that fits.
    if (area.width, area.height) != state.size {
        return;
    }
    let g = state.geometry();
    if g.too_small {
        too_small(frame, area, state.settings.lang);
        return;
    }
    bars::top(frame.buffer_mut(), g.top, state, theme);
    if let Some(r) = g.list {
        list::draw(frame.buffer_mut(), r, state, theme);
    }
    if let Some(r) = g.article {
        article::draw(frame.buffer_mut(), r, state, theme);
    }
    bars::bottom(frame.buffer_mut(), g.bottom, state, theme);
    if let Some(o) = &state.overlay {
        overlay::draw(frame, area, state, theme, o);
    }
}

/// Where the open overlay is drawn, its frame included.
pub fn overlay_rect(state: &State) -> Option<Rect> {
    let area = Rect::new(0, 0, state.size.0, state.size.1);
    state.overlay.as_ref().map(|o| overlay::rect(area, state, o))
}

fn too_small(frame: &mut Frame, area: Rect, lang: crate::i18n::Lang) {
    frame.render_widget(Clear, area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = lang.t(if area.width >= 32 { "too-small" } else { "too-small-short" });
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A layout as text with ANSI colours, for `dubao show` on a terminal.
pub fn ansi(layout: &crate::layout::ArticleLayout, theme: &Theme) -> String {
    use ratatui::backend::IntoCrossterm;
    use ratatui::crossterm::style::ContentStyle;
    let margin = " ".repeat(usize::from(layout.margin()));
    let mut out = String::new();
    for (i, line) in layout.lines().iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.text().is_empty() {
            continue;
        }
        out.push_str(&margin);
        for (text, role) in line.spans() {
            let style: ContentStyle = theme.role(role).into_crossterm();
            out.push_str(&style.apply(text).to_string());
        }
    }
    out
}
