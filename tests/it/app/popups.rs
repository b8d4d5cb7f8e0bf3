//! Every popup drawn whole over Chinese text: each cell of its frame
//! reaches the terminal, at every width from 60 to 160 columns. Drawn twice
//! into a TestBackend — the panes, then the popup over them — so that
//! ratatui's diff decides what is sent, as it does on a terminal.

use dubao::app::{Action, Keymap, Settings, State, update};
use dubao::library::{bundled, search_sources};
use dubao::model::Issue;
use dubao::ui::{Theme, draw, overlay_rect};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use unicode_width::UnicodeWidthStr;

/// The bundled samples, all read, two articles bookmarked.
fn reader(issues: &[(String, Arc<Issue>)], size: (u16, u16)) -> State {
    let names = issues.iter().map(|(name, _)| name.clone()).collect();
    let mut s = State::new(names, Settings::default(), Keymap::default(), size);
    for (name, issue) in issues {
        update(&mut s, Action::Loaded { name: name.clone(), result: Ok(issue.clone()) });
    }
    for key in [Action::ToggleBookmark, Action::Down, Action::Down, Action::ToggleBookmark, Action::Up] {
        update(&mut s, key);
    }
    s
}

/// Opens each popup in turn: help, bookmarks, the picker, the archive search with results.
fn popups() -> Vec<(&'static str, Vec<Action>)> {
    let mut hits = Vec::new();
    search_sources(
        &bundled(),
        "清河",
        &mut |h| {
            hits.push(h);
            true
        },
        &mut |_, _| {},
        &AtomicBool::new(false),
    );
    let mut archive = vec![Action::ArchiveSearch];
    archive.extend("清河".chars().map(Action::Input));
    archive.push(Action::InputSubmit);
    archive.push(Action::Found { search: 1, results: hits });
    archive.push(Action::FoundAll { search: 1, issues: 4 });
    archive.push(Action::Down);
    vec![
        ("help", vec![Action::Help]),
        ("bookmarks", vec![Action::Bookmarks]),
        ("picker", vec![Action::Issues]),
        ("archive", archive),
    ]
}

/// True when the cell at (x, y) is hidden under a wide character left of
/// it, read from the left as a terminal shows the row (a cell under a wide
/// character keeps whatever was last sent to it, unseen).
fn covered(screen: &Buffer, x: u16, y: u16) -> bool {
    let mut at = screen.area.x;
    while at < x {
        let w = screen[(at, y)].symbol().width().max(1) as u16;
        if at + w > x {
            return true;
        }
        at += w;
    }
    false
}

/// Every cell of the frame `r` that the terminal shows wrong.
fn broken_border(screen: &Buffer, r: Rect) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut want = |x: u16, y: u16, symbol: &str| {
        let got = screen[(x, y)].symbol();
        if got != symbol || covered(screen, x, y) {
            let under = if covered(screen, x, y) { " (under the wide character left of it)" } else { "" };
            wrong.push(format!("({x},{y}) {symbol:?} shows as {got:?}{under}"));
        }
    };
    let (left, right, top, bottom) = (r.left(), r.right() - 1, r.top(), r.bottom() - 1);
    want(left, top, "┌");
    want(right, top, "┐");
    want(left, bottom, "└");
    want(right, bottom, "┘");
    for y in top + 1..bottom {
        want(left, y, "│");
        want(right, y, "│");
    }
    for x in left + 1..right {
        if !matches!(screen[(x, bottom)].symbol(), "↓" | "m" | "o" | "r" | "e" | " ") {
            want(x, bottom, "─");
        }
    }
    wrong
}

#[test]
fn every_popup_is_drawn_whole_over_chinese_text_at_every_width() {
    let theme = Theme::plain();
    let issues: Vec<(String, Arc<Issue>)> =
        bundled().iter().map(|s| (s.name(), Arc::new(s.load().unwrap().issue))).collect();
    let popups = popups();
    let mut straddled = 0;
    for width in 60..=160 {
        for (name, keys) in &popups {
            let mut s = reader(&issues, (width, 30));
            let mut t = Terminal::new(TestBackend::new(width, 30)).unwrap();
            t.draw(|f| draw(f, &s, &theme)).unwrap();
            for key in keys {
                update(&mut s, key.clone());
            }
            let r = overlay_rect(&s).unwrap_or_else(|| panic!("{name} open"));
            straddled += usize::from((r.top()..r.bottom()).any(|y| covered(t.backend().buffer(), r.x, y)));
            t.draw(|f| draw(f, &s, &theme)).unwrap();
            let wrong = broken_border(t.backend().buffer(), r);
            assert!(wrong.is_empty(), "{name} at {width}×30:\n{}", wrong.join("\n"));
        }
    }
    assert!(
        straddled > 50,
        "wide characters straddled a popup's left edge only {straddled} times: the test tests little"
    );
}
