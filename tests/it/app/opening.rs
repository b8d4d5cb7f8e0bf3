//! Every way of opening an article counts alike: it is read (as
//! `mark_read` says) and the article pane has the keys — from the list,
//! `]`/`[`, `u`, `n`, Space paging on, the archive search, a bookmark,
//! resuming — whether its issue was read already or is read on the way.

use dubao::app::{Action, Effect, Focus, Keymap, MarkRead, Marks, Saved, Settings, State, update};
use dubao::library::ArchiveHit;
use dubao::model::{ArticleId, Bookmark, Element, Issue, LastOpen, Pos, Positions};
use dubao::parse::parse_issue;
use std::sync::Arc;

const FIRST: &str = "styles/brackets-sections.txt";
const SECOND: &str = "styles/captions.txt";

fn issue(name: &str) -> Arc<Issue> {
    Arc::new(parse_issue(&crate::common::data::fixture_bytes(name), name).unwrap().issue)
}

fn loaded(name: &str) -> Action {
    Action::Loaded { name: name.into(), result: Ok(issue(name)) }
}

/// Two issues, the first read in; `SECOND` not yet.
fn reader(mark_read: MarkRead) -> State {
    let settings = Settings { mark_read, ..Settings::default() };
    let mut s = State::new(vec![FIRST.into(), SECOND.into()], settings, Keymap::default(), (120, 30));
    update(&mut s, loaded(FIRST));
    s
}

/// Carries out `Load`s the way the shell does.
fn run(s: &mut State, action: Action) {
    let mut queue = vec![action];
    while let Some(a) = queue.pop() {
        for effect in update(s, a) {
            if let Effect::Load(name) = effect {
                queue.push(loaded(&name));
            }
        }
    }
}

fn read_now(s: &State) -> (ArticleId, bool, Focus) {
    let id = s.article().expect("an article is selected").id.clone();
    (id.clone(), s.marks.read.contains(&id), s.nav.focus)
}

fn second_issue_article(k: usize) -> dubao::model::Article {
    issue(SECOND).articles().nth(k).unwrap().clone()
}

fn hit_in_second() -> ArchiveHit {
    let a = second_issue_article(1);
    ArchiveHit {
        path: SECOND.into(),
        issue_title: "captions".into(),
        date: None,
        article: a.id.clone(),
        headline: a.headline.clone(),
        pos: Pos { element: Element::Block(0), offset: 0 },
        snippet: "x".into(),
        snippet_match: 0..1,
    }
}

fn bookmark_in_second() -> Bookmark {
    let a = second_issue_article(1);
    Bookmark {
        id: a.id.clone(),
        headline: a.headline.clone(),
        section: String::new(),
        issue: "captions".into(),
        date: None,
        source: SECOND.into(),
        added: Some(jiff::Timestamp::UNIX_EPOCH),
        note: String::new(),
    }
}

/// Each way of opening, as keys (and what the shell sends back).
fn ways() -> Vec<(&'static str, Vec<Action>)> {
    let mut search: Vec<Action> = vec![Action::Search];
    search.extend("望川讯".chars().map(Action::Input));
    search.extend([Action::InputSubmit, Action::SwitchPane, Action::SearchNext]);
    let mut archive = vec![Action::ArchiveSearch, Action::Input('x'), Action::InputSubmit];
    archive.extend([
        Action::Found { search: 1, results: vec![hit_in_second()] },
        Action::FoundAll { search: 1, issues: 2 },
        Action::Open,
    ]);
    let mut marks = Marks::default();
    let b = bookmark_in_second();
    marks.bookmarks.insert(b.id.clone(), b);
    let with_bookmark = Saved {
        marks,
        positions: Positions::default(),
        messages: vec![],
        resume: true,
        place: None,
        pipe_history: vec![],
    };
    let mut positions = Positions::default();
    let a = second_issue_article(1);
    let key = issue(SECOND).key();
    positions.last =
        Some(LastOpen { source: SECOND.into(), issue: key.clone(), article: a.id.clone(), ..Default::default() });
    positions.issues.insert(key, a.id.clone());
    let resumed =
        Saved { marks: Marks::default(), positions, messages: vec![], resume: true, place: None, pipe_history: vec![] };
    vec![
        ("the list", vec![Action::Down, Action::Open]),
        ("]", vec![Action::NextArticle]),
        ("[", vec![Action::Down, Action::Down, Action::PrevArticle]),
        ("u", vec![Action::NextUnread]),
        ("n", search),
        ("Space at the end", vec![Action::Open, Action::Bottom, Action::PageDown]),
        ("S", archive),
        ("B", vec![Action::Restore(Box::new(with_bookmark)), Action::Bookmarks, Action::Open]),
        ("resuming, then Enter", vec![Action::Restore(Box::new(resumed)), Action::Open]),
    ]
}

#[test]
fn every_way_of_opening_an_article_marks_it_read_and_focuses_it() {
    for (way, keys) in ways() {
        let mut s = reader(MarkRead::OnOpen);
        for key in keys {
            run(&mut s, key);
        }
        let (id, read, focus) = read_now(&s);
        assert!(read, "{way}: {id} is open and not marked read");
        assert_eq!(focus, Focus::Article, "{way}: the article pane has the keys");
    }
}

#[test]
fn a_jump_to_an_issue_not_read_yet_lands_on_the_article_focused_and_read() {
    let mut s = reader(MarkRead::OnOpen);
    let mut marks = Marks::default();
    let b = bookmark_in_second();
    marks.bookmarks.insert(b.id.clone(), b.clone());
    update(&mut s, Action::Restore(Box::new(Saved { marks, resume: true, ..Saved::default() })));
    update(&mut s, Action::Bookmarks);
    let fx = update(&mut s, Action::Open);
    assert_eq!(fx.iter().filter(|e| matches!(e, Effect::Load(n) if n == SECOND)).count(), 1);
    assert_eq!(s.nav.focus, Focus::Article, "focused before the issue is there");
    update(&mut s, loaded(SECOND));
    assert_eq!(read_now(&s), (b.id, true, Focus::Article));
}

#[test]
fn marking_unread_sticks_while_the_article_stays_open_and_opening_again_reads_it() {
    let mut s = reader(MarkRead::OnOpen);
    update(&mut s, Action::Open);
    update(&mut s, Action::ToggleRead);
    update(&mut s, Action::Down);
    assert!(!read_now(&s).1, "r marks the open article unread, and it stays so");
    update(&mut s, Action::Back);
    update(&mut s, Action::Open);
    assert!(read_now(&s).1, "opened again, read again");
}

#[test]
fn on_view_counts_the_article_shown_beside_the_list_on_start_up() {
    let s = reader(MarkRead::OnView);
    let (_, read, focus) = read_now(&s);
    assert!(read && focus == Focus::List, "previewed is viewed");
    let s = reader(MarkRead::OnOpen);
    assert!(!read_now(&s).1, "on_open waits for it to be opened");
    let mut narrow = State::new(
        vec![FIRST.into()],
        Settings { mark_read: MarkRead::OnView, ..Settings::default() },
        Keymap::default(),
        (50, 20),
    );
    update(&mut narrow, loaded(FIRST));
    assert!(!read_now(&narrow).1, "below 70 columns the list hides the article: not viewed");
}
