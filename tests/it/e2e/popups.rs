//! Popups over Chinese text in a real terminal: the frame's left edge is
//! drawn on every row, whatever wide character of the pane below starts one
//! cell left of it (ratatui never sends the cell after a wide character).

use crate::common::pty::Pty;

/// The left edge of the popup whose title starts with `title`: every cell
/// from `┌` down to `└` shown, none under a wide character. `None` while
/// the popup is not (all) on screen.
fn left_edge_whole(t: &Pty, title: &str) -> Option<Result<(), String>> {
    let screen = t.contents();
    let (row, line) = screen.lines().enumerate().find(|(_, l)| l.contains(title))?;
    // The frame's corner is just left of the title: `┌─ title`.
    let before = &line[..line.find(title)?];
    let top = row as u16;
    let from = unicode_width::UnicodeWidthStr::width(before) as u16;
    let col = (0..from).rev().find(|&x| t.cell(x, top).as_deref() == Some("┌"))?;
    for y in top + 1..screen.lines().count() as u16 {
        match t.cell(col, y).as_deref() {
            Some("└") => return Some(Ok(())),
            Some("│") => {}
            other => return Some(Err(format!("({col},{y}) shows {other:?}, not │"))),
        }
    }
    None
}

#[test]
fn popups_keep_their_left_border_over_chinese_text() {
    let mut t = Pty::spawn(&[], 120, 36);
    t.send("i0308 清河");
    t.wait_for("the one issue of 03-08 in Chinese", |s| {
        s.matches("2024-03-08  清河日报").count() == 1 && !s.contains("Riverton")
    });
    t.send("\r");
    t.wait_text("清河区召开2024年重点项目建设推进会");
    // Two bookmarks, so that `B` has a list to show.
    t.send("m");
    t.wait_text("bookmarked");
    t.send("jjm");
    t.wait_for("two bookmarks", |s| s.matches('★').count() == 2);
    t.send("k");
    for width in [150, 120, 119, 100, 90, 80] {
        t.resize(width, 36);
        t.wait_for(&format!("the redraw at {width} columns"), |s| {
            s.lines()
                .nth(1)
                .is_some_and(|l| l.ends_with('┐') && unicode_width::UnicodeWidthStr::width(l) == usize::from(width))
        });
        for (open, title, close) in [
            ("?", "dubao · keys", "\x1b"),
            ("i", "issues ·", "\x1b"),
            ("B", "bookmarks ·", "\x1b"),
            ("S", "search ·", "\x1b"),
        ] {
            t.send(open);
            if open == "S" {
                t.wait_text("phrase:");
                t.send("清河\r");
                t.wait_text("of 4 issues");
            }
            let last = std::cell::RefCell::new(None);
            t.wait_for(&format!("{title} drawn whole at {width} columns"), |_| {
                let r = left_edge_whole(&t, title);
                let ok = matches!(r, Some(Ok(())));
                last.replace(r);
                ok
            });
            t.send(close);
            t.wait_for(&format!("{title} to close"), |s| !s.contains(&format!("─ {title}")));
            drop(last);
        }
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}

/// The bottom line.
fn bottom(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

#[test]
fn every_text_input_edits_like_a_shell_line_and_keeps_its_cursor_in_view() {
    let mut t = Pty::spawn(&[], 40, 12);
    t.wait_text("issue 1/4");
    // `/`: the cursor moves; what is typed goes in where it is.
    t.send("/游园开幕");
    t.wait_for("the phrase typed", |s| bottom(s).starts_with("/游园开幕▏"));
    t.send("\x1b[D\x1b[D会");
    t.wait_for("typed before the cursor", |s| bottom(s).starts_with("/游园会▏开幕"));
    t.send("\x05\x7f\x7f\x01\x1b[3~");
    t.wait_for("Ctrl-e, Backspace, Ctrl-a, Delete", |s| bottom(s).starts_with("/▏园会"));
    t.send("\x1b");
    t.wait_for("the prompt to close", |s| !bottom(s).starts_with('/'));
    // `i`: Home and Ctrl-k in the filter.
    t.send("i0309");
    t.wait_for("the filter", |s| s.contains("filter: 0309▏"));
    t.send("\x1b[H2024 \x0b");
    t.wait_for("typed at the start, the rest cut", |s| s.contains("filter: 2024 ▏") && s.contains("of 4"));
    t.send("\x1b");
    t.wait_for("the picker to close", |s| !s.contains("filter:"));
    // `S`: a phrase longer than the popup keeps its end, the cursor, in view.
    t.send("S");
    t.wait_text("phrase:");
    let long = "清河区召开二零二四年重点项目建设推进会";
    t.send(long);
    t.wait_for("the end of the phrase in view", |s| s.contains("推进会▏") && s.contains("phrase: …"));
    t.send("\x17");
    t.wait_for("Ctrl-w cuts the word before the cursor", |s| s.contains("phrase: ▏"));
    t.send("\x1b");
    t.wait_for("the search to close", |s| !s.contains("phrase:"));
    // The note editor.
    t.send("m");
    t.wait_text("bookmarked");
    t.send("B");
    t.wait_text("bookmarks · 1");
    t.send("eabc\x1b[D\x1b[D\x1b[3~");
    t.wait_for("Delete under the cursor", |s| bottom(s).starts_with("note: a▏c"));
    t.send("\x1b[F\x15");
    t.wait_for("End, then Ctrl-u", |s| bottom(s).starts_with("note: ▏"));
    t.send("\r");
    t.wait_text("note removed");
    t.send("\x1b");
    t.wait_for("the list to close", |s| !s.contains("bookmarks · "));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
}
