//! The reader's behaviour through its one update step: keys in, state out,
//! no terminal.

use dubao::app::{
    Action, BookmarksView, Effect, Focus, Geometry, HelpView, Keymap, MarkRead, Overlay, PickerView, SaveReport, Saved,
    Settings, State, Unsaved, update,
};
use dubao::library::{LoadError, Problem};
use dubao::model::Change;
use dubao::parse::parse_issue;
use std::sync::Arc;

fn issue(name: &str) -> Arc<dubao::model::Issue> {
    Arc::new(parse_issue(&crate::common::data::fixture_bytes(name), name).unwrap().issue)
}

/// The issue `name` (a fixture, and the slot's name) has been read.
fn loaded(name: &str) -> Action {
    Action::Loaded { name: name.into(), result: Ok(issue(name)) }
}

fn reader(size: (u16, u16)) -> State {
    let names = vec!["styles/brackets-sections.txt".to_string(), "styles/captions.txt".to_string()];
    let mut s = State::new(names, Settings::default(), Keymap::default(), size);
    update(&mut s, loaded("styles/brackets-sections.txt"));
    s
}

fn selected_headline(s: &State) -> String {
    s.article().map(|a| a.headline.clone()).unwrap_or_default()
}

#[test]
fn starts_on_the_first_article_in_the_list_with_it_previewed() {
    let s = reader((120, 36));
    assert_eq!(s.nav.focus, Focus::List);
    assert_eq!(selected_headline(&s), "望川市一季度地区生产总值增长6.1%");
    assert!(s.view.len() > 5, "the article pane shows the selection");
    assert!(s.marks.read.is_empty(), "previewing does not mark read");
}

#[test]
fn moving_and_opening() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Down);
    assert_eq!(selected_headline(&s), "全市春季招聘月启动");
    update(&mut s, Action::Open);
    assert_eq!(s.nav.focus, Focus::Article);
    assert!(s.marks.read.contains(&s.article().unwrap().id), "opening marks read");
    update(&mut s, Action::Back);
    assert_eq!(s.nav.focus, Focus::List);
    update(&mut s, Action::Bottom);
    assert_eq!(selected_headline(&s), "非遗剪纸进校园 传统技艺有了“小传人”");
    update(&mut s, Action::Down);
    assert_eq!(selected_headline(&s), "非遗剪纸进校园 传统技艺有了“小传人”", "stays on the last");
    update(&mut s, Action::Top);
    assert_eq!(s.nav.selected, 0);
}

#[test]
fn next_and_previous_article_open_from_either_pane() {
    let mut s = reader((120, 36));
    update(&mut s, Action::NextArticle);
    assert_eq!(s.nav.focus, Focus::Article);
    assert_eq!(s.nav.selected, 1);
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::PrevArticle);
    assert_eq!(s.nav.selected, 1);
    assert_eq!(s.marks.read.len(), 2);
    update(&mut s, Action::PrevArticle);
    update(&mut s, Action::PrevArticle);
    assert_eq!(s.nav.selected, 0);
    assert_eq!(s.status.as_deref(), Some("first article of this issue"));
}

#[test]
fn sections_jump_to_their_first_article() {
    let mut s = reader((120, 36));
    update(&mut s, Action::NextSection);
    assert_eq!(selected_headline(&s), "城南片区雨污分流改造进入收尾阶段");
    update(&mut s, Action::NextSection);
    assert_eq!(selected_headline(&s), "非遗剪纸进校园 传统技艺有了“小传人”");
    update(&mut s, Action::NextSection);
    assert_eq!(s.status.as_deref(), Some("last section"));
    update(&mut s, Action::PrevSection);
    assert_eq!(selected_headline(&s), "城南片区雨污分流改造进入收尾阶段");
}

#[test]
fn next_unread_skips_read_articles_wraps_and_goes_on_to_older_issues() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Open); // 0 read
    update(&mut s, Action::NextArticle); // 1 read
    update(&mut s, Action::Top);
    update(&mut s, Action::Back);
    update(&mut s, Action::Top);
    update(&mut s, Action::NextUnread);
    assert_eq!(s.nav.selected, 2);
    update(&mut s, Action::NextUnread);
    let fx = update(&mut s, Action::NextUnread);
    assert_eq!(fx, [Effect::Load("styles/captions.txt".into())], "none left here: on to the next issue");
    assert_eq!(s.library.current, 1);
    update(&mut s, loaded("styles/captions.txt"));
    assert_eq!((s.nav.selected, s.nav.focus), (0, Focus::Article), "at its first unread article");
    assert!(s.marks.read.contains(&s.article().unwrap().id));
    update(&mut s, Action::NextUnread);
    assert_eq!(s.nav.selected, 1);
    update(&mut s, Action::NextUnread);
    assert_eq!(s.status.as_deref(), Some("no unread articles in this issue or older ones"));
}

#[test]
fn scrolling_pages_and_space_at_the_end_goes_on() {
    let mut s = reader((100, 12));
    update(&mut s, Action::Open);
    assert_eq!(s.view.top, 0);
    update(&mut s, Action::Down);
    assert_eq!(s.view.top, 1);
    update(&mut s, Action::PageDown);
    assert!(s.view.top > 1);
    update(&mut s, Action::Bottom);
    let end = s.view.top;
    update(&mut s, Action::Down);
    assert_eq!(s.view.top, end, "no scrolling past the end");
    update(&mut s, Action::PageDown);
    assert_eq!(s.nav.selected, 1, "Space at the end opens the next article");
    assert_eq!(s.view.top, 0);
}

#[test]
fn space_at_the_end_of_an_issue_goes_on_to_the_next_and_b_at_the_top_back_to_the_end_before() {
    let mut s = reader((100, 12));
    update(&mut s, Action::Open);
    update(&mut s, Action::PageDown);
    assert!(s.view.top > 0);
    update(&mut s, Action::PageUp);
    assert_eq!((s.nav.selected, s.view.top), (0, 0));
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::PageUp);
    assert_eq!(s.nav.selected, 0, "b at the top goes back to the article before");
    assert!(
        s.view.top > 0 && s.view.top == s.view.max_top(s.geometry().article_inner().unwrap().height.into()),
        "at its end"
    );
    let count = |s: &State| s.library.issue().unwrap().articles().count();
    let last = count(&s) - 1;
    update(&mut s, Action::Bottom);
    for _ in 0..last {
        update(&mut s, Action::NextArticle);
    }
    update(&mut s, Action::Bottom);
    assert_eq!(s.nav.selected, last);
    let fx = update(&mut s, Action::PageDown);
    assert_eq!(s.library.current, 1, "Space at the end of the last article goes on to the next issue");
    assert_eq!(fx, [Effect::Load("styles/captions.txt".into())]);
    assert_eq!(s.status.as_deref(), Some("next issue: captions"));
    update(&mut s, loaded("styles/captions.txt"));
    assert_eq!((s.nav.selected, s.nav.focus), (0, Focus::Article));
    update(&mut s, Action::Bottom);
    for _ in 0..count(&s) {
        update(&mut s, Action::NextArticle);
        update(&mut s, Action::Bottom);
    }
    update(&mut s, Action::PageDown);
    assert_eq!(s.status.as_deref(), Some("end of the last issue"));
}

#[test]
fn b_at_the_top_of_an_issue_goes_back_to_the_end_of_the_issue_before() {
    let height = |s: &State| usize::from(s.geometry().article_inner().unwrap().height);
    let at_end_of_last = |s: &State| {
        let last = s.library.issue().unwrap().articles().count() - 1;
        (s.library.current, s.nav.selected, s.nav.focus, s.view.top == s.view.max_top(height(s)), s.view.top > 0)
            == (0, last, Focus::Article, true, true)
    };
    // The issue before not read yet: it is, then shown at its end.
    let names = vec!["styles/brackets-sections.txt".to_string(), "styles/captions.txt".to_string()];
    let mut s = State::new(names, Settings::default(), Keymap::default(), (100, 12));
    update(&mut s, Action::NextIssue);
    update(&mut s, loaded("styles/captions.txt"));
    update(&mut s, Action::Open);
    assert_eq!((s.library.current, s.nav.selected, s.view.top), (1, 0, 0));
    let fx = update(&mut s, Action::PageUp);
    assert_eq!(fx, [Effect::Load("styles/brackets-sections.txt".into())]);
    assert!(s.status.as_deref().is_some_and(|t| t.starts_with("previous issue: ")), "{:?}", s.status);
    update(&mut s, loaded("styles/brackets-sections.txt"));
    assert!(at_end_of_last(&s), "{:?}", (s.library.current, s.nav.selected, s.view.top));

    // Read already: at once. And Space from there goes on again.
    update(&mut s, Action::PageDown);
    assert_eq!((s.library.current, s.nav.selected), (1, 0));
    let fx = update(&mut s, Action::PageUp);
    assert!(!fx.iter().any(|e| matches!(e, Effect::Load(_))), "{fx:?}");
    assert!(at_end_of_last(&s));
    update(&mut s, Action::Top);
    for _ in 0..s.library.issue().unwrap().articles().count() {
        update(&mut s, Action::PrevArticle);
    }
    update(&mut s, Action::PageUp);
    assert_eq!((s.library.current, s.nav.selected, s.view.top), (0, 0, 0), "nothing before the first issue");
}

#[test]
fn resizing_keeps_the_reading_place() {
    let mut s = reader((120, 20));
    update(&mut s, Action::Open);
    update(&mut s, Action::HalfPageDown);
    update(&mut s, Action::HalfPageDown);
    let text_at_top = |s: &State| s.view.layout().unwrap().lines()[s.view.top].start();
    let before = text_at_top(&s);
    for (w, h) in [(60, 20), (200, 50), (41, 15), (120, 20)] {
        update(&mut s, Action::Resize(w, h));
        if s.view.len() <= usize::from(h - 4) {
            assert_eq!(s.view.top, 0, "{w}x{h}: it all fits");
            continue;
        }
        let now = text_at_top(&s);
        assert_eq!(now.element, before.element, "{w}x{h}");
        assert!(now.offset <= before.offset, "{w}x{h}: top line starts after the anchor");
    }
    assert_eq!(text_at_top(&s), before, "back at the first size, the same line is on top");
}

#[test]
fn search_highlights_jumps_cycles_says_when_it_wraps_and_remembers_the_phrase() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Search);
    for c in "望川讯".chars() {
        update(&mut s, Action::Input(c));
    }
    assert_eq!(s.search.hits.len(), 3);
    assert_eq!(s.search.current, None, "typing only highlights");
    update(&mut s, Action::InputSubmit);
    assert!(s.search.prompt.is_none());
    assert_eq!(s.search.current, Some(0));
    assert_eq!(s.nav.focus, Focus::Article);
    update(&mut s, Action::SearchNext);
    assert_eq!(s.nav.selected, 1);
    update(&mut s, Action::SearchNext);
    assert_eq!(s.status.as_deref(), Some("match 3 of 3"));
    update(&mut s, Action::SearchNext);
    assert_eq!(s.search.current, Some(0), "wraps around");
    assert_eq!(s.status.as_deref(), Some("search wrapped · match 1 of 3"), "and says so");
    update(&mut s, Action::SearchPrev);
    assert_eq!(s.search.current, Some(2));
    assert_eq!(s.status.as_deref(), Some("search wrapped · match 3 of 3"));
    update(&mut s, Action::SearchPrev);
    assert_eq!(s.status.as_deref(), Some("match 2 of 3"));
    // `/` again offers the last phrase: Enter searches it, typing replaces it.
    update(&mut s, Action::Search);
    assert_eq!(s.search.prompt.as_deref(), Some("望川讯"));
    assert_eq!(s.search.hits.len(), 3);
    update(&mut s, Action::InputCancel);
    update(&mut s, Action::Search);
    assert_eq!(s.search.prompt.as_deref(), Some("望川讯"), "remembered past a cancel");
    update(&mut s, Action::Input('城'));
    assert_eq!(s.search.prompt.as_deref(), Some("城"));
    update(&mut s, Action::InputEdit(dubao::app::action::LineEdit::Left));
    update(&mut s, Action::InputCancel);
    update(&mut s, Action::Search);
    update(&mut s, Action::InputEdit(dubao::app::action::LineEdit::Home));
    update(&mut s, Action::Input('《'));
    assert_eq!(s.search.prompt.as_deref(), Some("《望川讯"), "moving the cursor keeps the phrase to edit");
}

#[test]
fn search_cancel_and_misses() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Search);
    update(&mut s, Action::Input('无'));
    update(&mut s, Action::Input('此'));
    update(&mut s, Action::InputSubmit);
    assert_eq!(s.status.as_deref(), Some("not found: 无此"));
    update(&mut s, Action::Search);
    update(&mut s, Action::Input('望'));
    assert!(!s.search.hits.is_empty());
    update(&mut s, Action::InputBackspace);
    assert!(s.search.hits.is_empty());
    update(&mut s, Action::Input('望'));
    update(&mut s, Action::InputCancel);
    assert!(s.search.hits.is_empty() && s.search.prompt.is_none());
}

#[test]
fn bookmarks_and_read_marks_toggle() {
    let mut s = reader((120, 36));
    update(&mut s, Action::ToggleBookmark);
    assert_eq!(s.status.as_deref(), Some("bookmarked"));
    assert_eq!(s.marks.bookmarks.len(), 1);
    update(&mut s, Action::ToggleBookmark);
    assert_eq!(s.status.as_deref(), Some("bookmark removed"));
    update(&mut s, Action::ToggleRead);
    assert_eq!(s.marks.read.len(), 1);
    update(&mut s, Action::ToggleRead);
    assert!(s.marks.read.is_empty());
}

#[test]
fn issues_switch_and_load_on_demand() {
    let mut s = reader((120, 36));
    let effects = update(&mut s, Action::NextIssue);
    assert_eq!(effects, [Effect::Load("styles/captions.txt".into())]);
    assert_eq!(s.library.current, 1);
    update(&mut s, loaded("styles/captions.txt"));
    assert_eq!(selected_headline(&s), "清河湿地迎来“护鸟志愿季”");
    assert!(update(&mut s, Action::NextIssue).is_empty());
    assert_eq!(s.status.as_deref(), Some("last issue"));
    let loads = |fx: Vec<Effect>| fx.into_iter().filter(|e| matches!(e, Effect::Load(_))).count();
    assert_eq!(loads(update(&mut s, Action::PrevIssue)), 0, "already loaded");
    assert_eq!(s.library.current, 0);
}

#[test]
fn a_failed_issue_says_why_and_the_reader_goes_on() {
    let mut s = reader((120, 36));
    update(&mut s, Action::NextIssue);
    let not_text = Problem::Other("not a text file".into());
    update(
        &mut s,
        Action::Loaded { name: "styles/captions.txt".into(), result: Err(LoadError::new("x.png", not_text)) },
    );
    assert_eq!(s.status.as_deref(), Some("x.png: not a text file"));
    assert!(s.article().is_none());
    update(&mut s, Action::Down);
    update(&mut s, Action::Open);
    update(&mut s, Action::PrevIssue);
    assert_eq!(selected_headline(&s), "望川市一季度地区生产总值增长6.1%");
}

#[test]
fn help_opens_scrolls_and_closes_without_acting() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Help);
    assert_eq!(s.overlay, Some(Overlay::Help(HelpView { scroll: 0 })));
    update(&mut s, Action::Down);
    assert_eq!(s.overlay, Some(Overlay::Help(HelpView { scroll: 1 })));
    assert_eq!(s.nav.selected, 0, "keys scroll help, not the list");
    assert!(update(&mut s, Action::Quit).is_empty(), "q closes help first");
    assert_eq!(s.overlay, None);
    assert_eq!(update(&mut s, Action::Quit), [Effect::Quit]);
}

#[test]
fn column_width_changes_within_bounds() {
    let mut s = reader((200, 40));
    let start = s.settings.layout.max_width;
    update(&mut s, Action::Wider);
    assert_eq!(s.settings.layout.max_width, start + 4);
    assert!(s.view.layout().unwrap().column() > 80);
    for _ in 0..100 {
        update(&mut s, Action::Narrower);
    }
    assert_eq!(s.settings.layout.max_width, 20);
}

#[test]
fn narrow_screens_show_one_pane_and_mouse_works() {
    let mut s = reader((50, 20));
    assert!(s.geometry().article.is_none());
    update(&mut s, Action::Open);
    assert!(s.geometry().list.is_none() && s.geometry().article.is_some());
    update(&mut s, Action::Back);
    update(&mut s, Action::Resize(120, 36));
    // Row 3 of the screen is the second list row: the first article (row 1 is the section).
    update(&mut s, Action::Click { x: 5, y: 3 });
    assert_eq!(s.nav.selected, 0);
    update(&mut s, Action::Click { x: 5, y: 4 });
    assert_eq!(s.nav.selected, 1);
    update(&mut s, Action::Wheel { x: 5, y: 4, delta: 1 });
    assert_eq!(s.nav.selected, 2);
    update(&mut s, Action::Click { x: 80, y: 10 });
    assert_eq!(s.nav.focus, Focus::Article);
}

#[test]
fn any_size_is_survived() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Open);
    let count = s.library.issue().unwrap().articles().count();
    for (w, h) in [(0, 0), (1, 1), (2, 50), (300, 5), (10, 4), (19, 5), (20, 5), (120, 36)] {
        update(&mut s, Action::Resize(w, h));
        for a in [Action::Down, Action::PageDown, Action::Bottom, Action::NextArticle, Action::Top, Action::Back] {
            update(&mut s, a.clone());
            assert!(s.nav.selected < count, "{w}x{h} {a:?}: the selection is an article");
            let pane = Geometry::of(w, h, Focus::Article, s.settings.list_percent).article_inner();
            let height = pane.map_or(1, |r| usize::from(r.height).max(1));
            assert!(s.view.top <= s.view.max_top(height), "{w}x{h} {a:?}: scrolled past the end");
            assert!(s.nav.list_top <= s.rows().len(), "{w}x{h} {a:?}: the list scrolled past its rows");
            assert_eq!(s.view.is_empty(), pane.is_none(), "{w}x{h} {a:?}: an article is laid out when it can show");
        }
    }
}

fn records(effects: &[Effect]) -> Vec<Change> {
    effects.iter().filter_map(|e| if let Effect::Record(c) = e { Some(c.clone()) } else { None }).collect()
}

#[test]
fn changes_are_handed_to_the_shell_to_keep() {
    let mut s = reader((120, 36));
    let fx = update(&mut s, Action::Open);
    let id = s.article().unwrap().id.clone();
    assert_eq!(records(&fx), [Change::Read(id.clone(), true)]);
    let fx = update(&mut s, Action::ToggleBookmark);
    match records(&fx).as_slice() {
        [Change::Bookmark(b)] => {
            assert_eq!(b.id, id);
            assert_eq!(b.headline, "望川市一季度地区生产总值增长6.1%");
            assert_eq!(b.section, "【要闻】");
            assert_eq!(b.issue, "brackets-sections");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(records(&update(&mut s, Action::ToggleBookmark)), [Change::Unbookmark(id.clone())]);
    assert_eq!(records(&update(&mut s, Action::ToggleRead)), [Change::Read(id, false)]);
    assert!(records(&update(&mut s, Action::Down)).is_empty(), "scrolling changes no marks");
}

#[test]
fn moving_the_reading_place_asks_for_positions_to_be_saved() {
    let names = vec!["styles/brackets-sections.txt".to_string()];
    let mut s = State::new(names, Settings::default(), Keymap::default(), (100, 14));
    let fx = update(&mut s, loaded("styles/brackets-sections.txt"));
    assert!(fx.contains(&Effect::Moved), "an issue opened is a place to come back to");
    assert!(update(&mut s, Action::Open).contains(&Effect::Moved), "the article pane taken is kept too");
    assert!(s.positions.last.as_ref().unwrap().reading);
    assert!(!update(&mut s, Action::ToggleRead).contains(&Effect::Moved), "same article, same place");
    let key = s.library.issue().unwrap().key();
    let id = s.article().unwrap().id.clone();
    assert_eq!(s.positions.issues.get(&key), Some(&id));
    assert_eq!(s.positions.last.as_ref().unwrap().article, id);
    let fx = update(&mut s, Action::PageDown);
    assert!(fx.contains(&Effect::Moved));
    assert!(s.positions.anchors.contains_key(&id), "a scrolled article keeps its anchor");
    update(&mut s, Action::Top);
    assert!(!s.positions.anchors.contains_key(&id), "back at the top there is nothing to keep");
    assert!(!update(&mut s, Action::Help).contains(&Effect::Moved), "nothing moved");
}

#[test]
fn mark_read_on_end_waits_for_the_end() {
    let settings = Settings { mark_read: MarkRead::OnEnd, ..Settings::default() };
    let mut s = State::new(vec!["a".into()], settings, Keymap::default(), (100, 12));
    update(&mut s, Action::Loaded { name: "a".into(), result: Ok(issue("styles/brackets-sections.txt")) });
    update(&mut s, Action::Open);
    assert!(s.marks.read.is_empty(), "opening is not reading to the end");
    let fx = update(&mut s, Action::Bottom);
    assert_eq!(s.marks.read.len(), 1);
    assert!(matches!(records(&fx).as_slice(), [Change::Read(_, true)]));
}

fn saved_with_bookmark(s: &mut State) -> Saved {
    update(s, Action::NextArticle);
    update(s, Action::ToggleBookmark);
    update(s, Action::PageDown);
    Saved {
        marks: s.marks.clone(),
        positions: s.positions.clone(),
        messages: vec![],
        resume: true,
        place: None,
        pipe_history: vec![],
    }
}

#[test]
fn restoring_resumes_the_last_issue_article_and_place() {
    let mut first = reader((100, 14));
    update(&mut first, Action::NextIssue);
    update(&mut first, loaded("styles/captions.txt"));
    let saved = saved_with_bookmark(&mut first);
    let top = first.view.top;
    assert!(top > 0);

    let names = vec!["styles/brackets-sections.txt".to_string(), "styles/captions.txt".to_string()];
    let mut s = State::new(names, Settings::default(), Keymap::default(), (100, 14));
    let fx = update(&mut s, Action::Restore(Box::new(saved)));
    assert_eq!(fx, [Effect::Load("styles/captions.txt".into())], "resumes the issue last read");
    update(&mut s, loaded("styles/captions.txt"));
    assert_eq!(s.nav.selected, 1, "at the article last read");
    assert_eq!(s.view.top, top, "at the place last read");
    assert_eq!(s.marks.bookmarks.len(), 1);
}

#[test]
fn without_resume_the_first_issue_opens_at_its_remembered_article() {
    let mut first = reader((100, 14));
    let mut saved = saved_with_bookmark(&mut first);
    saved.resume = false;
    let names = vec!["styles/captions.txt".to_string(), "styles/brackets-sections.txt".to_string()];
    let mut s = State::new(names, Settings::default(), Keymap::default(), (100, 14));
    let name = "styles/brackets-sections.txt";
    assert_eq!(
        update(&mut s, Action::Restore(Box::new(saved))),
        [Effect::Load(name.into())],
        "newest first, then by title"
    );
    update(&mut s, loaded(name));
    assert_eq!(s.nav.selected, first.nav.selected, "at the article last read in it");
}

#[test]
fn the_bookmarks_overlay_jumps_deletes_and_takes_notes() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Bottom);
    update(&mut s, Action::ToggleBookmark);
    update(&mut s, Action::Top);
    update(&mut s, Action::Bookmarks);
    assert_eq!(s.overlay, Some(Overlay::Bookmarks(BookmarksView { selected: 0, note: None, ..Default::default() })));
    update(&mut s, Action::EditNote);
    assert_eq!(s.mode(), dubao::app::Mode::Prompt);
    for c in "读后感".chars() {
        update(&mut s, Action::Input(c));
    }
    let fx = update(&mut s, Action::InputSubmit);
    assert!(matches!(records(&fx).as_slice(), [Change::Note(_, n)] if n == "读后感"));
    update(&mut s, Action::Open);
    assert_eq!(s.overlay, None);
    assert_eq!(selected_headline(&s), "非遗剪纸进校园 传统技艺有了“小传人”");
    assert_eq!(s.nav.focus, Focus::Article);
    update(&mut s, Action::Bookmarks);
    let fx = update(&mut s, Action::DeleteBookmark);
    assert!(matches!(records(&fx).as_slice(), [Change::Unbookmark(_)]));
    assert!(s.overlay.is_some(), "the emptied list stays for the key that may undo");
    update(&mut s, Action::Down);
    assert_eq!(s.overlay, None, "then closes, being empty");
    update(&mut s, Action::Bookmarks);
    assert!(s.status.as_deref().unwrap().starts_with("no bookmarks yet"));
}

#[test]
fn a_bookmark_from_another_issue_file_adds_it_to_the_library() {
    let mut other = State::new(vec!["styles/captions.txt".into()], Settings::default(), Keymap::default(), (120, 36));
    update(&mut other, loaded("styles/captions.txt"));
    update(&mut other, Action::ToggleBookmark);
    let marks = other.marks.clone();

    let mut s = reader((120, 36));
    update(&mut s, Action::Saved(Box::new(SaveReport { marks: Some(marks), ..SaveReport::default() })));
    update(&mut s, Action::Bookmarks);
    let fx = update(&mut s, Action::Open);
    let n = s.library.slots.len();
    assert_eq!(fx, [Effect::Load(s.library.slots[n - 1].name().into())]);
    assert!(s.library.slots[n - 1].name().ends_with("captions.txt"));
    update(&mut s, loaded("styles/captions.txt"));
    assert_eq!(selected_headline(&s), "清河湿地迎来“护鸟志愿季”");
}

use dubao::app::IssueInfo;
use dubao::library::ArchiveHit;

fn infos(names: &[&str]) -> Vec<IssueInfo> {
    names.iter().map(|n| IssueInfo::from_name(n)).collect()
}

#[test]
fn the_library_arrives_newest_first_and_the_first_issue_loads() {
    let mut s = State::new(vec![], Settings::default(), Keymap::default(), (120, 36));
    assert!(update(&mut s, Action::Restore(Box::default())).is_empty(), "nothing to open yet");
    let fx = update(&mut s, Action::Library(infos(&["p/报-19960101.txt", "p/报-19960103.txt", "p/undated.txt"])));
    assert_eq!(fx.iter().filter(|e| matches!(e, Effect::Load(n) if n == "p/报-19960103.txt")).count(), 1);
    let names: Vec<&str> = s.library.slots.iter().map(|x| x.name()).collect();
    assert_eq!(names, ["p/报-19960103.txt", "p/报-19960101.txt", "p/undated.txt"]);
    update(&mut s, Action::Progress(Some((1, 3))));
    assert_eq!(s.library.progress, Some((1, 3)));
}

#[test]
fn a_library_refresh_keeps_the_issue_being_read() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Down);
    update(&mut s, Action::Open);
    let before = (s.library.slots[s.library.current].name().to_string(), s.nav.selected);
    let fx = update(
        &mut s,
        Action::Library(infos(&["new-19990101.txt", "styles/captions.txt", "styles/brackets-sections.txt"])),
    );
    assert!(!fx.iter().any(|e| matches!(e, Effect::Load(_))), "nothing reloaded");
    assert_eq!((s.library.slots[s.library.current].name().to_string(), s.nav.selected), before);
    assert_eq!(s.library.slots[0].name(), "new-19990101.txt", "dated first");
}

#[test]
fn the_issue_picker_filters_as_you_type() {
    let mut s = reader((120, 36));
    update(
        &mut s,
        Action::Library(infos(&["styles/brackets-sections.txt", "styles/captions.txt", "x/东昌府报-20221119.txt"])),
    );
    update(&mut s, Action::Issues);
    assert_eq!(s.mode(), dubao::app::Mode::Filter);
    for c in "东昌".chars() {
        update(&mut s, Action::Input(c));
    }
    let Some(Overlay::Picker(PickerView { matches, .. })) = &s.overlay else { panic!("the picker is open") };
    assert_eq!(matches.len(), 1, "{matches:?}");
    assert!(s.library.slots[matches[0]].name().contains("东昌府报"));
    update(&mut s, Action::InputBackspace);
    update(&mut s, Action::InputBackspace);
    for c in "capt".chars() {
        update(&mut s, Action::Input(c));
    }
    let fx = update(&mut s, Action::InputSubmit);
    assert_eq!(s.overlay, None);
    let i = s.library.current;
    assert!(s.library.slots[i].name().ends_with("captions.txt"));
    assert_eq!(fx.iter().filter(|e| matches!(e, Effect::Load(_))).count(), 1);
    update(&mut s, Action::Issues);
    update(&mut s, Action::InputCancel);
    assert_eq!(s.overlay, None);
}

#[test]
fn issues_found_while_the_picker_is_open_join_it_and_the_selection_stays() {
    let mut s = State::new(vec![], Settings::default(), Keymap::default(), (120, 36));
    update(&mut s, Action::Library(infos(&["p/报-19960101.txt", "p/报-19960103.txt", "p/周刊-19960102.txt"])));
    update(&mut s, Action::Issues);
    update(&mut s, Action::Input('报'));
    update(&mut s, Action::Down);
    let picked = |s: &State| match &s.overlay {
        Some(Overlay::Picker(PickerView { selected, matches, .. })) => {
            (matches.len(), s.library.slots[matches[*selected]].name().to_string())
        }
        other => panic!("the picker is open: {other:?}"),
    };
    assert_eq!(picked(&s), (2, "p/报-19960101.txt".into()));
    update(
        &mut s,
        Action::Library(infos(&["p/报-19960101.txt", "p/报-19960103.txt", "p/周刊-19960102.txt", "p/报-19960104.txt"])),
    );
    assert_eq!(picked(&s), (3, "p/报-19960101.txt".into()), "the new issue is listed; the selection is the same issue");
    // Typing more narrows what matched; deleting widens it again.
    for c in " 01-04".chars() {
        update(&mut s, Action::Input(c));
    }
    assert_eq!(picked(&s), (1, "p/报-19960104.txt".into()));
    update(&mut s, Action::InputBackspace);
    assert_eq!(picked(&s), (3, "p/报-19960104.txt".into()), "“报 01-0” matches every 报 again");
}

fn found(source: &str, article: &str, pos: dubao::model::Pos) -> ArchiveHit {
    ArchiveHit {
        path: source.into(),
        issue_title: "t".into(),
        date: None,
        article: dubao::model::ArticleId(article.into()),
        headline: "h".into(),
        pos,
        snippet: "前后文".into(),
        snippet_match: 3..6,
    }
}

#[test]
fn archive_search_streams_results_and_opens_one_at_its_match() {
    let mut s = reader((100, 14));
    update(&mut s, Action::ArchiveSearch);
    assert_eq!(s.mode(), dubao::app::Mode::Filter);
    for c in "雨污分流".chars() {
        update(&mut s, Action::Input(c));
    }
    assert_eq!(update(&mut s, Action::InputSubmit), [Effect::ArchiveSearch { search: 1, query: "雨污分流".into() }]);
    let target = issue("styles/brackets-sections.txt");
    let a = target.articles().nth(2).unwrap().clone();
    let pos = dubao::model::Pos { element: dubao::model::Element::Block(2), offset: 30 };
    update(&mut s, Action::Found { search: 1, results: vec![found("elsewhere.txt", "nope", pos)] });
    update(&mut s, Action::Found { search: 1, results: vec![found("styles/brackets-sections.txt", &a.id.0, pos)] });
    update(&mut s, Action::FoundAll { search: 1, issues: 2 });
    match &s.overlay {
        Some(Overlay::Archive(v)) => {
            assert_eq!(v.results.len(), 2);
            assert!(!v.running);
            assert_eq!(v.searched, Some(2));
        }
        other => panic!("{other:?}"),
    }
    update(&mut s, Action::Down);
    update(&mut s, Action::Open);
    assert_eq!(s.overlay, None);
    assert_eq!(s.article().unwrap().id, a.id, "the matching article is open");
    assert_eq!(s.nav.focus, Focus::Article);
    let line = s.view.layout().unwrap().line_of(pos);
    assert!(line >= s.view.top && line < s.view.top + 10, "the match is on screen");
    assert_eq!(s.search.query, "雨污分流", "the phrase is highlighted in the issue");
    assert_eq!(s.search.hits.len(), 2);

    // S again: the same results to go back to, the phrase ready to be replaced.
    update(&mut s, Action::ArchiveSearch);
    let view = |s: &State| match &s.overlay {
        Some(Overlay::Archive(v)) => v.clone(),
        other => panic!("{other:?}"),
    };
    assert!(view(&s).typing && view(&s).fresh);
    assert_eq!(view(&s).results.len(), 2);
    assert!(update(&mut s, Action::InputSubmit).is_empty(), "back to the results, not searching again");
    assert!(!view(&s).typing);
    assert_eq!(view(&s).selected, 1, "where the reader was");
    update(&mut s, Action::ArchiveSearch);
    update(&mut s, Action::Input('河'));
    assert_eq!((view(&s).query.as_str(), view(&s).results.len()), ("河", 0), "typing replaced the phrase");
    assert_eq!(update(&mut s, Action::InputSubmit), [Effect::ArchiveSearch { search: 2, query: "河".into() }]);
}

#[test]
fn results_of_a_search_given_up_on_never_mix_with_the_next() {
    let mut s = reader((100, 30));
    let pos = dubao::model::Pos { element: dubao::model::Element::Block(0), offset: 0 };
    update(&mut s, Action::ArchiveSearch);
    update(&mut s, Action::Input('雨'));
    update(&mut s, Action::InputSubmit);
    update(&mut s, Action::Back);
    update(&mut s, Action::ArchiveSearch);
    update(&mut s, Action::Input('河'));
    update(&mut s, Action::InputSubmit);
    // The first search's last batch and its end arrive late.
    update(&mut s, Action::Found { search: 1, results: vec![found("old.txt", "old", pos)] });
    update(&mut s, Action::FoundAll { search: 1, issues: 9 });
    update(&mut s, Action::Found { search: 2, results: vec![found("new.txt", "new", pos)] });
    let Some(Overlay::Archive(v)) = &s.overlay else { panic!("the search is open") };
    assert_eq!(v.results.iter().map(|f| f.path.to_str().unwrap()).collect::<Vec<_>>(), ["new.txt"]);
    assert!(v.running, "still searching: the end that came was the first search's");
    update(&mut s, Action::FoundAll { search: 2, issues: 4 });
    let Some(Overlay::Archive(v)) = &s.overlay else { panic!("the search is open") };
    assert_eq!((v.running, v.searched, v.total), (false, Some(4), 1));

    // A phrase in every article of years of issues: all counted, a bounded number kept.
    update(&mut s, Action::ArchiveSearch);
    update(&mut s, Action::Input('的'));
    update(&mut s, Action::InputSubmit);
    let many: Vec<ArchiveHit> = (0..20_000).map(|i| found(&format!("{i}.txt"), "a", pos)).collect();
    update(&mut s, Action::Found { search: 3, results: many });
    let Some(Overlay::Archive(v)) = &s.overlay else { panic!("the search is open") };
    assert_eq!(v.total, 20_000);
    assert!(v.results.len() < 20_000 && v.results[0].path.to_str() == Some("0.txt"));
}

#[test]
fn leaving_a_running_archive_search_cancels_it() {
    let mut s = reader((100, 30));
    update(&mut s, Action::ArchiveSearch);
    update(&mut s, Action::Input('雨'));
    update(&mut s, Action::InputSubmit);
    assert_eq!(update(&mut s, Action::Back), [Effect::CancelArchiveSearch]);
    assert_eq!(s.overlay, None);
}

/// What the shell reports after a save that failed: this article's change not on disk.
fn failed(s: &State, why: &str, change: bool) -> Action {
    let id = s.article().map(|a| a.id.clone()).unwrap();
    let unsaved = Unsaved { articles: [id].into(), marks: 1, positions: 0, why: Some(why.into()), kept: true };
    Action::Saved(Box::new(SaveReport { marks: None, unsaved, change, messages: vec![] }))
}

#[test]
fn a_change_that_could_not_be_saved_is_never_left_reported_as_done() {
    let mut s = reader((120, 36));
    update(&mut s, Action::ToggleBookmark);
    assert_eq!(s.status.as_deref(), Some("bookmarked"));
    let a = failed(&s, "bookmarks.toml: disk full", true);
    update(&mut s, a);
    assert_eq!(
        s.status.as_deref(),
        Some(
            "bookmarked — not saved: bookmarks.toml: disk full · 1 unsaved, kept aside, retried with each change and at quit"
        )
    );
    assert_eq!(s.marks.unsaved.marks, 1);

    // Saved at last: said once, and the marks are plain again.
    update(&mut s, Action::Down);
    update(&mut s, Action::ToggleBookmark);
    update(&mut s, Action::Saved(Box::default()));
    assert_eq!(s.status.as_deref(), Some("bookmarked · the unsaved change is saved now"));
    assert!(s.marks.unsaved.is_empty());
}

#[test]
fn a_reading_place_that_could_not_be_saved_is_said_once_and_never_over_another_message() {
    let mut s = reader((120, 36));
    update(&mut s, Action::Down);
    let a = failed(&s, "~/.config/dubao: read-only", false);
    update(&mut s, a);
    assert_eq!(s.status.as_deref(), Some("reading place not saved: ~/.config/dubao: read-only"));
    update(&mut s, Action::Down);
    let a = failed(&s, "~/.config/dubao: read-only", false);
    update(&mut s, a);
    assert_eq!(s.status, None, "the same failure again is not news (the list's title says unsaved)");
    update(&mut s, Action::SearchNext);
    let shown = s.status.clone();
    let a = failed(&s, "positions.toml: disk full", false);
    update(&mut s, a);
    assert_eq!(s.status, shown, "a message up stays up");
}

#[test]
fn news_from_a_save_joins_what_the_key_did() {
    let mut s = reader((120, 36));
    update(&mut s, Action::ToggleBookmark);
    let moved = "bookmarks.toml could not be read; moved aside to bookmarks.toml.corrupt-20270115T080000 (line 1: …)";
    update(
        &mut s,
        Action::Saved(Box::new(SaveReport { messages: vec![moved.into()], change: true, ..Default::default() })),
    );
    assert_eq!(s.status, Some(format!("bookmarked · {moved}")));
}

#[test]
fn an_article_read_on_opening_that_could_not_be_saved_says_not_saved() {
    let mut s = reader((120, 36));
    let fx = update(&mut s, Action::NextArticle);
    assert!(matches!(records(&fx).as_slice(), [Change::Read(_, true)]));
    assert_eq!(s.status, None);
    let a = failed(&s, "read.toml: disk full", true);
    update(&mut s, a);
    assert_eq!(
        s.status.as_deref(),
        Some("not saved: read.toml: disk full · 1 unsaved, kept aside, retried with each change and at quit")
    );
}

#[test]
fn a_word_cut_at_once_in_the_picker_widens_to_what_the_shorter_filter_matched() {
    use dubao::app::action::LineEdit;
    let mut s = State::new(vec![], Settings::default(), Keymap::default(), (120, 36));
    update(&mut s, Action::Library(infos(&["p/报-19960101.txt", "p/报-19960103.txt", "p/周刊-19960102.txt"])));
    update(&mut s, Action::Issues);
    let count = |s: &State| match &s.overlay {
        Some(Overlay::Picker(PickerView { matches, .. })) => matches.len(),
        other => panic!("the picker is open: {other:?}"),
    };
    for c in "报 0103".chars() {
        update(&mut s, Action::Input(c));
    }
    assert_eq!(count(&s), 1);
    // Ctrl-W takes the word typed in four keys: back to what “报 ” matched.
    update(&mut s, Action::InputEdit(LineEdit::KillWord));
    assert_eq!(count(&s), 2, "“报 ” matches both 报");
    update(&mut s, Action::InputEdit(LineEdit::KillStart));
    assert_eq!(count(&s), 3, "an empty filter matches every issue");
}
