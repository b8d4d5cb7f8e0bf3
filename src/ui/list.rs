//! The list pane: section headings with their headlines, unread and
//! bookmark markers, the selection.

use super::Theme;
use super::cells::{put, set_like_article, truncate, wrap_words};
use crate::app::{Focus, Row, State};
use crate::layout::str_width;
use crate::measure::short;
use crate::model::Article;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

/// Draws the list pane (border included) into `area`.
pub fn draw(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let amb = state.settings.layout.ambiguous;
    let focused = state.nav.focus == Focus::List;
    let slot = state.library.slots.get(state.library.current);
    let issue = slot.and_then(|s| s.issue.as_ref());
    let border = if focused { theme.border_focused } else { theme.border };
    Block::default().borders(Borders::ALL).border_style(border).render(area, buf);
    title(buf, area, state, theme, border);
    let inner = crate::app::geometry::inner(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let Some(issue) = issue else {
        let msg = slot
            .and_then(|s| s.error.as_ref())
            .map_or_else(|| state.t("list-loading"), |e| crate::i18n::problems::load_error(state.settings.lang, e));
        for (k, line) in
            wrap_words(&msg, usize::from(inner.width), amb).iter().take(usize::from(inner.height)).enumerate()
        {
            put(buf, inner.x, inner.y + k as u16, inner.right(), line, theme.status, amb);
        }
        return;
    };
    let articles: Vec<&Article> = issue.articles().collect();
    if articles.is_empty() {
        let said = "no articles: dubao found none in this file (dubao dump --explain says why)";
        for (k, line) in
            wrap_words(said, usize::from(inner.width), amb).iter().take(usize::from(inner.height)).enumerate()
        {
            put(buf, inner.x, inner.y + k as u16, inner.right(), line, theme.status, amb);
        }
        return;
    }
    let rows = state.rows();
    let width = usize::from(inner.width);
    for (k, row) in rows.iter().skip(state.nav.list_top).take(usize::from(inner.height)).enumerate() {
        let y = inner.y + k as u16;
        match *row {
            Row::Section(s) => {
                let section = &issue.sections[s];
                let unread = section.articles.iter().filter(|a| !state.marks.read.contains(&a.id)).count();
                let count = if unread > 0 { format!(" {unread}") } else { String::new() };
                let room = width.saturating_sub(count.chars().count());
                let name = state.shown.section(s, &section.name);
                put(buf, inner.x, y, inner.right(), &truncate(name, room, amb), theme.section, amb);
                let cx = inner.right().saturating_sub(count.chars().count() as u16);
                put(buf, cx, y, inner.right(), &count, theme.marker, amb);
            }
            Row::Article { index, .. } => {
                article_row(buf, Rect { y, height: 1, ..inner }, state, theme, articles[index], index)
            }
        }
    }
}

/// `N unsaved · 12 articles · 11 unread` in the top border.
fn title(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme, border: ratatui::style::Style) {
    let amb = state.settings.layout.ambiguous;
    let title = match state.library.issue() {
        Some(i) if i.articles().next().is_none() => " no articles ".to_string(),
        Some(i) => {
            let total = i.articles().count();
            let unread = i.articles().filter(|a| !state.marks.read.contains(&a.id)).count();
            format!(" {} ", state.f("list-title", &[("total", total.into()), ("unread", unread.into())]))
        }
        None => String::new(),
    };
    // Until a save succeeds, the title says so in the colour of messages.
    let unsaved = &state.marks.unsaved;
    let warning = match (unsaved.marks, unsaved.positions) {
        (0, 0) => String::new(),
        (0, _) => format!("{} ", state.t("list-place-unsaved")),
        (n, _) => format!("{} ", state.f("list-unsaved", &[("n", n.into())])),
    };
    let room = usize::from(area.width.saturating_sub(4));
    let end = area.right().saturating_sub(2);
    // What is unsaved comes first: a narrow pane cuts the counts, not it.
    let warning = if warning.is_empty() { warning } else { format!(" {warning}") };
    let x = put(buf, area.x + 2, area.y, end, &truncate(&warning, room, amb), theme.status, amb);
    let title = if warning.is_empty() { title } else { title.replacen(' ', "· ", 1) };
    let room = room.saturating_sub(usize::from(x - (area.x + 2)));
    put(buf, x, area.y, end, &truncate(&title, room, amb), border, amb);
}

/// One headline: its marker (★ bookmarked, ● unread; hollow and dim when
/// not saved) and its label, the selection highlighted.
fn article_row(buf: &mut Buffer, row: Rect, state: &State, theme: &Theme, a: &Article, index: usize) {
    let amb = state.settings.layout.ambiguous;
    let focused = state.nav.focus == Focus::List;
    let (x, y) = (row.x, row.y);
    let selected = index == state.nav.selected;
    let read = state.marks.read.contains(&a.id);
    let style = match (selected, focused) {
        (true, true) => theme.selected,
        (true, false) => theme.selected_unfocused,
        _ if read => theme.read,
        _ => theme.unread,
    };
    if selected {
        buf.set_style(row, style);
    }
    let marked = state.marks.bookmarks.contains_key(&a.id);
    // A change not saved shows hollow and dim: ☆ a bookmark, ○ unread, · read.
    let unsaved = state.marks.unsaved.articles.contains(&a.id);
    let marker = match (marked, read, unsaved) {
        (true, _, false) => "★",
        (true, _, true) => "☆",
        (false, false, false) => "●",
        (false, false, true) => "○",
        (false, true, false) => " ",
        (false, true, true) => "·",
    };
    let marker_style = match (selected, unsaved) {
        (true, false) => style,
        (true, true) => style.patch(theme.unsaved),
        (false, false) => theme.marker,
        (false, true) => theme.marker.patch(theme.unsaved),
    };
    let x = put(buf, x, y, row.right(), marker, marker_style, amb);
    let x = put(buf, x, y, row.right(), " ", style, amb);
    let original = a.label();
    let shown = state.shown.label(index, &original);
    let label = set_like_article(shown, state.settings.layout.fullwidth_punct);
    let room = usize::from(row.right().saturating_sub(x));
    // The reading time, right-aligned and quiet, when there is room for it.
    let slot = state.library.slots.get(state.library.current);
    let minutes = slot.and_then(|s| s.lengths.get(index)).map_or(0, |l| l.whole_minutes(&state.settings.rates));
    let time = if minutes > 0 { format!(" {}", short(minutes)) } else { String::new() };
    let time_width = str_width(&time, amb);
    let (room, time) = if room > time_width + 4 { (room - time_width, time) } else { (room, String::new()) };
    let x = put(buf, x, y, row.right(), &truncate(&label, room, amb), style, amb);
    if !time.is_empty() {
        let tx = row.right().saturating_sub(time_width as u16).max(x);
        let time_style = if selected { style } else { theme.length };
        put(buf, tx, y, row.right(), &time, time_style, amb);
    }
}
