//! The title line at the top and the hint / status / search line at the bottom.

use super::Theme;
use super::cells::{put, truncate, typed, wrap_words};
use super::overlay;
use crate::app::{Action, PageTurn, State};
use crate::layout::str_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// `东昌府报 · 2022-11-19 · issue 3/120 · 第01版 要闻`
pub fn top(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let amb = state.settings.layout.ambiguous;
    buf.set_style(area, theme.bar);
    let lib = &state.library;
    let Some(slot) = lib.slots.get(lib.current) else { return };
    let mut parts: Vec<String> = Vec::new();
    match &slot.issue {
        Some(issue) => {
            if let Some(d) = issue.date {
                parts.push(d.to_string());
            }
            if lib.slots.len() > 1 {
                parts.push(state.f("top-issue", &[("n", (lib.current + 1).into()), ("all", lib.slots.len().into())]));
            }
            let section = state.rows().iter().rev().find_map(|r| match r {
                crate::app::Row::Article { index, section } if *index == state.nav.selected => Some(*section),
                _ => None,
            });
            if let Some((s, name)) = section.and_then(|s| Some((s, issue.sections.get(s)?.name.as_str())))
                && !name.is_empty()
            {
                parts.push(state.shown.section(s, name).to_string());
            }
            let title = format!(" {} ", state.shown.title.as_deref().unwrap_or(&issue.title));
            let x = put(buf, area.x, area.y, area.right(), &title, theme.title, amb);
            let rest = if parts.is_empty() { String::new() } else { format!("· {}", parts.join(" · ")) };
            let rest = truncate(&rest, usize::from(area.right().saturating_sub(x)), amb);
            put(buf, x, area.y, area.right(), &rest, theme.bar, amb);
        }
        None => {
            let text = if slot.error.is_some() {
                format!(" {} — {}", slot.info.shown(), state.t("top-not-readable"))
            } else {
                format!(" {}", state.f("top-loading", &[("name", slot.info.shown().into())]))
            };
            put(buf, area.x, area.y, area.right(), &truncate(&text, usize::from(area.width), amb), theme.bar, amb);
        }
    }
}

/// Key hints from the active keymap (or the open overlay's), or a
/// message, or the search prompt; at the right end, how far the library's
/// indexing has got.
pub fn bottom(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let amb = state.settings.layout.ambiguous;
    let mut area = area;
    if let Some((done, all)) = state.library.progress {
        let text = format!(" {} ", state.f("top-indexing", &[("done", done.into()), ("all", all.into())]));
        let w = str_width(&text, amb) as u16;
        if area.width >= w + 20 {
            area.width -= w;
            put(buf, area.right(), area.y, area.right() + w, &text, theme.bar, amb);
        }
    }
    let width = usize::from(area.width);
    if let Some(query) = &state.search.prompt {
        return search_prompt(buf, area, state, theme, query);
    }
    let hint = state.overlay.as_ref().and_then(|o| overlay::hint(state, theme, o));
    let line = match (&hint, &state.status) {
        (Some(h), _) if h.over_status => Some((h.text.clone(), h.style)),
        (_, Some(msg)) => Some((format!(" {msg}"), theme.status)),
        (Some(h), None) => Some((h.text.clone(), h.style)),
        (None, None) => None,
    };
    match line {
        Some((text, style)) => {
            // The help key at the right end, where the message leaves room
            // (what a message says comes first); a message too long is cut
            // at a word.
            let help = help_hint(state);
            let fits = str_width(&text, amb) <= width;
            let text = if fits { text } else { cut_at_word(&text, width, amb) };
            put(buf, area.x, area.y, area.right(), &text, style, amb);
            if str_width(&text, amb) + str_width(&help, amb) < width {
                let x = area.right().saturating_sub(str_width(&help, amb) as u16);
                put(buf, x, area.y, area.right(), &help, theme.key, amb);
            }
        }
        None => reader_hints(buf, area, state, theme),
    }
}

/// `? help `: the key that explains the others, kept on the bottom line at
/// every width.
fn help_hint(state: &State) -> String {
    // Where the help key opens help: reading, or the bookmarks list.
    let works = match &state.overlay {
        None => state.mode() == crate::app::Mode::Normal,
        Some(crate::app::Overlay::Bookmarks(b)) => b.note.is_none(),
        Some(_) => false,
    };
    if !works {
        return String::new();
    }
    let key = state.keymap.hint(&[Action::Help]);
    if key.is_empty() { key } else { format!("{key} help ") }
}

/// `text` cut to `width` cells at a word (or beside a Chinese character),
/// ending in `…`.
fn cut_at_word(text: &str, width: usize, amb: crate::layout::Ambiguous) -> String {
    let lead = if text.starts_with(' ') { " " } else { "" };
    let first = wrap_words(text, width.saturating_sub(1 + lead.len()), amb).into_iter().next().unwrap_or_default();
    format!("{lead}{}…", first.trim_end_matches([' ', ',', '·', '—']))
}

/// `/query▏  3 matches`
fn search_prompt(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme, query: &str) {
    let amb = state.settings.layout.ambiguous;
    let count = match (query.is_empty(), state.search.hits.len()) {
        (true, _) => format!("  {}", state.t("search-prompt-empty")),
        (false, n) => format!("  {}", state.f("search-count", &[("n", n.into())])),
    };
    let count = if state.search.fresh { format!("{count} · {}", state.t("search-again")) } else { count };
    let width = usize::from(area.width);
    let room = width.saturating_sub(1 + str_width(&count, amb)).max(width / 2);
    let shown = typed(query, state.search.caret, room, amb);
    let x = put(buf, area.x, area.y, area.right(), &format!("/{shown}"), theme.key, amb);
    put(buf, x, area.y, area.right(), &truncate(&count, width, amb), theme.status, amb);
}

/// The reader's keys, as many as fit.
fn reader_hints(buf: &mut Buffer, area: Rect, state: &State, theme: &Theme) {
    let amb = state.settings.layout.ambiguous;
    let width = usize::from(area.width);
    let km = &state.keymap;
    // At an article's end, what the page key goes on to.
    let turn = match state.page_turn(1).filter(|_| state.nav.focus == crate::app::Focus::Article) {
        Some(PageTurn::NextArticle) => "hint-next-article",
        Some(PageTurn::NextIssue) => "hint-next-issue",
        _ => "",
    };
    let hints = [
        (
            if turn.is_empty() { String::new() } else { km.hint(&[Action::PageDown]) },
            if turn.is_empty() { String::new() } else { state.t(turn) },
        ),
        (km.hint(&[Action::Down, Action::Up]), state.t("hint-move")),
        (km.hint(&[Action::Open]), state.t(open_hint(state))),
        (km.hint(&[Action::NextArticle, Action::PrevArticle]), state.t("hint-next-prev")),
        (km.hint(&[Action::ToggleBookmark]), state.t("hint-bookmark")),
        (km.hint(&[Action::Search]), state.t("hint-search")),
        (km.hint(&[Action::CycleScript]), script_hint(state)),
        (km.hint(&[Action::Help]), state.t("hint-help")),
        (km.hint(&[Action::Quit]), state.t("hint-quit")),
    ];
    // The help key is kept whatever else has no room.
    const HELP: usize = 7;
    let help = hints.get(HELP).filter(|(k, _)| !k.is_empty()).map(|(k, w)| str_width(k, amb) + str_width(w, amb) + 4);
    let (mut x, mut helped) = (area.x + 1, false);
    for (i, (keys, what)) in hints.iter().enumerate().filter(|(_, (k, _))| !k.is_empty()) {
        let piece_width = str_width(keys, amb) + str_width(what, amb) + 4;
        let reserve = if i == HELP || helped { 0 } else { help.unwrap_or(0) };
        helped |= i == HELP;
        if usize::from(x - area.x) + piece_width + reserve > width {
            if reserve > 0 {
                continue;
            }
            break;
        }
        if x > area.x + 1 {
            x = put(buf, x, area.y, area.right(), " · ", theme.border, amb);
        }
        x = put(buf, x, area.y, area.right(), keys, theme.key, amb);
        x = put(buf, x, area.y, area.right(), &format!(" {what}"), Default::default(), amb);
    }
}

/// Which script is shown, for the script key's hint: `简/繁` while the
/// text is as printed.
fn script_hint(state: &State) -> String {
    match state.settings.layout.script {
        crate::script::Script::Original => state.t("hint-script-both"),
        other => other.label().to_string(),
    }
}

/// What the open key does now (its message id): read the article, or
/// fold or unfold the noise on screen.
fn open_hint(state: &State) -> &'static str {
    if state.nav.focus != crate::app::Focus::Article {
        return "hint-read";
    }
    let height = state.geometry().article_inner().map_or(1, |r| usize::from(r.height));
    match state.view.noise_toggle(height) {
        Some(crate::app::NoiseToggle::Unfold(_)) => "hint-unfold",
        Some(crate::app::NoiseToggle::Fold(_)) => "hint-fold",
        None => "hint-read",
    }
}
