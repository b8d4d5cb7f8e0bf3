//! The front page (版面) through the update step and on screen.

use super::screens::{render, text};
use dubao::app::{Action, Dir, Focus, Keymap, Overlay, Settings, State, update};
use dubao::parse::parse_issue;
use dubao::ui::Theme;
use std::sync::Arc;

fn state(bytes: &[u8], name: &str, size: (u16, u16)) -> State {
    let issue = parse_issue(bytes, name).unwrap().issue;
    let mut s = State::new(vec![name.into()], Settings::default(), Keymap::default(), size);
    update(&mut s, Action::Loaded { name: name.into(), result: Ok(Arc::new(issue)) });
    s
}

fn seed(size: (u16, u16)) -> State {
    state(&crate::common::data::seed_bytes(), "seed.txt", size)
}

fn screen(s: &State) -> String {
    text(&render(s, &Theme::default()))
}

fn selected(s: &State) -> usize {
    match &s.overlay {
        Some(Overlay::Front(v)) => v.selected,
        _ => panic!("the front page is not open"),
    }
}

#[test]
fn the_seed_s_front_page_at_160_columns() {
    let mut s = seed((160, 50));
    update(&mut s, Action::FrontPage);
    let shown = screen(&s);
    insta::assert_snapshot!("front_page_160", shown);
    for headline in s.library.issue().unwrap().articles().map(|a| a.headline.clone()) {
        let start: String = headline.chars().take(8).collect();
        assert!(shown.contains(&start), "{start} in\n{shown}");
    }
    // Three columns under the lead story: two rules on a row.
    assert!(shown.lines().any(|l| l.matches('│').count() >= 4), "{shown}");
    assert!(shown.contains("　　东昌府讯 11月18日"), "the lead's first lines");
}

#[test]
fn moving_between_blocks_and_opening_one() {
    let mut s = seed((160, 50));
    update(&mut s, Action::FrontPage);
    assert_eq!(s.mode(), dubao::app::Mode::Front);
    update(&mut s, Action::Grid(Dir::Down));
    assert_eq!(selected(&s), 1);
    update(&mut s, Action::Grid(Dir::Right));
    update(&mut s, Action::Grid(Dir::Right));
    assert_eq!(selected(&s), 3);
    update(&mut s, Action::Grid(Dir::Down));
    assert_eq!(selected(&s), 4, "the last, not past it");
    update(&mut s, Action::Grid(Dir::Up));
    assert_eq!(selected(&s), 1);
    update(&mut s, Action::Grid(Dir::Up));
    assert_eq!(selected(&s), 0, "up from the first row: the lead story");
    update(&mut s, Action::Grid(Dir::Down));
    update(&mut s, Action::Grid(Dir::Right));
    update(&mut s, Action::Open);
    assert!(s.overlay.is_none());
    assert_eq!(s.nav.selected, 2);
    assert_eq!(s.nav.focus, Focus::Article);
    assert!(s.marks.read.contains(&s.article().unwrap().id), "opened is read");
}

#[test]
fn one_column_when_narrow_and_pages_turn_by_section() {
    let bytes = crate::common::data::fixture_bytes("styles/brackets-sections.txt");
    let mut s = state(&bytes, "b.txt", (70, 30));
    update(&mut s, Action::FrontPage);
    let shown = screen(&s);
    assert!(shown.contains("【要闻】"), "{shown}");
    assert!(!shown.lines().any(|l| l.matches('│').count() > 2), "one column: {shown}");
    update(&mut s, Action::NextSection);
    assert!(screen(&s).contains("【社会】"));
    assert!(screen(&s).contains("城南片区雨污分流改造进入收尾阶段"));
    update(&mut s, Action::Open);
    assert_eq!(s.article().unwrap().headline, "城南片区雨污分流改造进入收尾阶段");
    update(&mut s, Action::FrontPage);
    assert!(screen(&s).contains("【社会】"), "opens on the section being read");
    update(&mut s, Action::FrontPage);
    assert!(s.overlay.is_none(), "o again leaves");
}

#[test]
fn latin_papers_have_a_front_page_too() {
    let bytes = std::fs::read(crate::common::data::samples().join("Riverton Courier 2024-03-08.txt")).unwrap();
    let mut s = state(&bytes, "r.txt", (120, 40));
    update(&mut s, Action::FrontPage);
    let shown = screen(&s);
    let first = s.library.issue().unwrap().articles().next().unwrap().headline.clone();
    assert!(shown.contains(&first), "{first} in\n{shown}");
    assert!(shown.lines().any(|l| l.matches('│').count() >= 3), "two columns at 120: {shown}");
}
