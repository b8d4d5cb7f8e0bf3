//! Noise folded and unfolded in the reader, through the one update step:
//! what the open key does in the article, where the text stays on screen,
//! and search finding what folded noise holds.

use dubao::app::{Action, Focus, Keymap, NoiseToggle, Settings, State, update};
use dubao::layout::Role;
use dubao::parse::parse_issue;
use std::sync::Arc;

const FIXTURE: &str = "blocks/望川晚报-20240506.dubao";

fn reader_of(bytes: &[u8], name: &str, size: (u16, u16)) -> State {
    let issue = parse_issue(bytes, name).unwrap().issue;
    let mut s = State::new(vec![name.to_string()], Settings::default(), Keymap::default(), size);
    update(&mut s, Action::Loaded { name: name.into(), result: Ok(Arc::new(issue)) });
    s
}

fn fixture_path() -> std::path::PathBuf {
    crate::common::data::fixture(FIXTURE)
}

fn reader(size: (u16, u16)) -> State {
    reader_of(&std::fs::read(fixture_path()).unwrap(), FIXTURE, size)
}

/// The text of every laid-out line.
fn lines(s: &State) -> Vec<String> {
    s.view.layout().unwrap().lines().iter().map(|l| l.text().to_string()).collect()
}

fn height(s: &State) -> usize {
    usize::from(s.geometry().article_inner().unwrap().height)
}

/// The line index of the first fold line, and its row on screen.
fn fold(s: &State) -> (usize, isize) {
    let l = s.view.layout().unwrap();
    let at = l.lines().iter().position(|l| l.role() == Role::Fold).expect("a fold line");
    (at, at as isize - s.view.top as isize)
}

#[test]
fn the_open_key_in_the_article_unfolds_the_noise_on_screen_and_folds_it_back() {
    let mut s = reader((120, 40));
    update(&mut s, Action::Open);
    assert_eq!(s.nav.focus, Focus::Article);
    assert!(lines(&s).contains(&"⋯ 5 unreadable lines".to_string()), "opening does not unfold");
    assert_eq!(s.view.noise_toggle(height(&s)), Some(NoiseToggle::Unfold(8)));
    let n = s.view.len();
    update(&mut s, Action::Open);
    assert_eq!(s.view.len(), n + 5);
    let shown = lines(&s);
    let at = shown.iter().position(|l| l == "⋮ 5 unreadable lines").unwrap();
    assert_eq!(shown[at + 1], "■■口丨丨 ，，。 口口%#");
    assert_eq!(s.view.noise_toggle(height(&s)), Some(NoiseToggle::Fold(vec![8])));
    update(&mut s, Action::Open);
    assert_eq!(s.view.len(), n);
    assert!(s.marks.read.contains(&s.article().unwrap().id));
}

#[test]
fn in_the_list_the_open_key_still_opens_and_without_noise_it_does_what_it_did() {
    let mut s = reader((120, 40));
    update(&mut s, Action::Down);
    update(&mut s, Action::Up);
    assert_eq!(s.nav.focus, Focus::List);
    let n = s.view.len();
    update(&mut s, Action::Open);
    assert_eq!((s.nav.focus, s.view.len()), (Focus::Article, n), "opened, nothing unfolded");
    update(&mut s, Action::NextArticle);
    assert_eq!(s.view.noise_toggle(height(&s)), None, "the weather has no noise");
    update(&mut s, Action::Open);
    assert_eq!(s.nav.selected, 1);
}

#[test]
fn the_fold_line_stays_on_its_row_and_folding_from_inside_brings_it_to_the_top() {
    let mut s = reader((120, 20));
    update(&mut s, Action::Open);
    let (at, _) = fold(&s);
    s.view.scroll_to(at - 5, height(&s));
    let row = fold(&s).1;
    assert!(row > 0 && (row as usize) < height(&s));
    update(&mut s, Action::Open);
    assert_eq!(fold(&s), (at, row), "the text does not jump under the reader");
    // Scrolled into the noise, the fold line above the top: folding puts it on top.
    update(&mut s, Action::Resize(120, 10));
    s.view.scroll_to(at + 4, height(&s));
    assert!(lines(&s)[s.view.top].starts_with("丨丨丨"));
    update(&mut s, Action::Open);
    assert_eq!(s.view.top, at.min(s.view.max_top(height(&s))), "on top, as far as the end allows");
    assert!(lines(&s)[at].starts_with('⋯'));
}

#[test]
fn every_stretch_on_screen_unfolds_in_turn_then_all_fold_together() {
    let src = "## 两段噪声\n\n第一段正文。\n\n~ 丨丨 ■■\n~ 口口 ■\n\n第二段正文。\n\n~ %%# ■\n\n第三段正文。\n";
    let mut s = reader_of(src.as_bytes(), "two.dubao", (120, 40));
    update(&mut s, Action::Open);
    let h = height(&s);
    assert_eq!(s.view.noise_toggle(h), Some(NoiseToggle::Unfold(1)));
    update(&mut s, Action::Open);
    assert_eq!(s.view.noise_toggle(h), Some(NoiseToggle::Unfold(4)));
    update(&mut s, Action::Open);
    assert_eq!(s.view.noise_toggle(h), Some(NoiseToggle::Fold(vec![1, 4])));
    assert!(lines(&s).contains(&"%%# ■".to_string()));
    update(&mut s, Action::Open);
    let folds = lines(&s).iter().filter(|l| l.starts_with('⋯')).count();
    assert_eq!(folds, 2);
}

#[test]
fn a_click_on_a_fold_line_toggles_it() {
    let mut s = reader((120, 40));
    let inner = s.geometry().article_inner().unwrap();
    let (at, _) = fold(&s);
    let y = inner.y + at as u16;
    update(&mut s, Action::Click { x: inner.x + 3, y });
    assert_eq!(s.nav.focus, Focus::Article);
    assert!(lines(&s)[at].starts_with('⋮'), "unfolded");
    update(&mut s, Action::Click { x: inner.x + 3, y: y + 1 });
    assert!(lines(&s)[at].starts_with('⋮'), "a click on a noise line is only a click");
    update(&mut s, Action::Click { x: inner.x + 3, y });
    assert!(lines(&s)[at].starts_with('⋯'));
}

#[test]
fn fold_state_is_kept_for_each_article_while_reading() {
    let mut s = reader((120, 40));
    update(&mut s, Action::Open);
    update(&mut s, Action::Open);
    let open = s.view.len();
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::NextArticle);
    assert!(lines(&s).contains(&"⋯ 2 unreadable lines".to_string()), "other articles start folded");
    update(&mut s, Action::PrevArticle);
    update(&mut s, Action::PrevArticle);
    assert_eq!(s.view.len(), open, "still unfolded");
    update(&mut s, Action::Resize(60, 30));
    assert!(lines(&s).iter().any(|l| l.starts_with('⋮')), "and at another width");
}

#[test]
fn search_counts_matches_in_folded_noise_and_unfolds_to_show_one() {
    let mut s = reader((120, 12));
    update(&mut s, Action::Search);
    for c in "口口口".chars() {
        update(&mut s, Action::Input(c));
    }
    assert_eq!(s.search.hits.len(), 2, "both lines holding it, folded or not");
    update(&mut s, Action::InputSubmit);
    let hit = s.search.hits[0];
    let l = s.view.layout().unwrap();
    let line = l.line_of(hit.pos);
    assert_eq!(l.lines()[line].role(), Role::Noise, "unfolded to the match");
    assert!(line >= s.view.top && line < s.view.top + height(&s), "and in view");
    assert!(l.lines()[line].display_range(hit.pos.offset..hit.pos.offset + hit.len).is_some());
    update(&mut s, Action::SearchNext);
    assert_eq!(s.status.as_deref(), Some("match 2 of 2"));
}

#[test]
fn the_reading_place_survives_folding_and_resizing() {
    let mut s = reader((120, 14));
    update(&mut s, Action::Open);
    s.view.scroll_to(fold(&s).0, height(&s));
    update(&mut s, Action::Open);
    s.view.scroll_to(s.view.len(), height(&s));
    let top = |s: &State| s.view.layout().unwrap().lines()[s.view.top].start();
    let before = top(&s);
    for (w, h) in [(60, 14), (200, 30), (120, 14)] {
        update(&mut s, Action::Resize(w, h));
        assert!(lines(&s).iter().any(|l| l.starts_with('⋮')), "{w}x{h}");
    }
    assert_eq!(top(&s), before);
}

#[test]
fn an_archive_match_inside_folded_noise_opens_unfolded() {
    let mut s = reader((120, 12));
    let issue = parse_issue(&std::fs::read(fixture_path()).unwrap(), FIXTURE).unwrap().issue;
    let latin = issue.articles().nth(2).unwrap().clone();
    let pos = dubao::model::Pos { element: dubao::model::Element::Block(7), offset: 0 };
    assert!(latin.element_text(pos.element).unwrap().starts_with("|||| ;;"));
    update(&mut s, Action::ArchiveSearch);
    for c in "|||| ;;".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::InputSubmit);
    let found = dubao::library::ArchiveHit {
        path: FIXTURE.into(),
        issue_title: issue.title.clone(),
        date: issue.date,
        article: latin.id.clone(),
        headline: latin.headline.clone(),
        pos,
        snippet: "|||| ;; ,,, ::".into(),
        snippet_match: 0..7,
    };
    update(&mut s, Action::Found { search: 1, results: vec![found] });
    update(&mut s, Action::FoundAll { search: 1, issues: 1 });
    update(&mut s, Action::Down);
    update(&mut s, Action::Open);
    assert_eq!(s.article().unwrap().id, latin.id);
    let l = s.view.layout().unwrap();
    let line = l.line_of(pos);
    assert_eq!(l.lines()[line].text(), "|||| ;; ,,, ::", "unfolded at the match");
    assert!(line >= s.view.top && line < s.view.top + height(&s));
}
