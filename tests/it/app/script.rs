//! The script key through the update step: what is shown changes, what is
//! kept (the reading place, marks, the model) does not.

use super::screens::{render, text};
use dubao::app::{Action, Keymap, Settings, State, update};
use dubao::parse::parse_issue;
use dubao::script::Script;
use dubao::ui::Theme;
use std::sync::Arc;

fn seed_state(settings: Settings) -> State {
    let bytes = crate::common::data::seed_bytes();
    let issue = parse_issue(&bytes, "seed.txt").unwrap().issue;
    let mut s = State::new(vec!["seed".into()], settings, Keymap::default(), (120, 30));
    update(&mut s, Action::Loaded { name: "seed".into(), result: Ok(Arc::new(issue)) });
    s
}

fn screen(s: &State) -> String {
    text(&render(s, &Theme::default()))
}

fn top_text(s: &State) -> String {
    s.view.layout().unwrap().lines()[s.view.top].text().to_string()
}

#[test]
fn t_on_a_simplified_paper_goes_straight_to_traditional_and_back() {
    let mut s = seed_state(Settings::default());
    update(&mut s, Action::Open);
    update(&mut s, Action::PageDown);
    let (anchor, printed) = (s.view.anchor(), top_text(&s));
    update(&mut s, Action::CycleScript);
    assert_eq!(s.settings.layout.script, Script::Traditional, "简体 would change nothing here");
    assert_eq!(s.status.as_deref(), Some("script: 繁體"));
    assert_eq!(s.view.anchor(), anchor, "the reading place is the source's");
    assert_eq!(top_text(&s), dubao::script::convert(&printed, Script::Traditional).text);
    let shown = screen(&s);
    assert!(shown.contains("發展") && !shown.contains("发展"), "{shown}");
    assert!(shown.contains("山東省深化"), "the list in traditional too: {shown}");
    assert!(shown.contains("script: 繁體"), "{shown}");
    update(&mut s, Action::Up);
    assert!(screen(&s).contains("T 繁體"), "the bottom line says which: {}", screen(&s));
    assert_eq!(
        s.article().unwrap().headline,
        "山东省深化新旧动能转换推动绿色低碳高质量发展动员大会召开",
        "the model keeps the source"
    );
    update(&mut s, Action::CycleScript);
    assert_eq!(s.settings.layout.script, Script::Original);
    assert_eq!(top_text(&s), printed);
    update(&mut s, Action::Down);
    assert!(screen(&s).contains("T 简/繁"));
}

#[test]
fn a_configured_regional_script_is_the_traditional_step() {
    let mut settings = Settings::default();
    settings.layout.script = Script::Taiwan;
    settings.script = Script::Taiwan;
    let mut s = seed_state(settings);
    assert!(screen(&s).contains("臺灣正體"));
    update(&mut s, Action::CycleScript);
    assert_eq!(s.settings.layout.script, Script::Original);
    update(&mut s, Action::CycleScript);
    assert_eq!(s.settings.layout.script, Script::Taiwan);
}

#[test]
fn help_says_which_script_is_on() {
    let mut s = seed_state(Settings::default());
    update(&mut s, Action::Resize(120, 50));
    update(&mut s, Action::CycleScript);
    update(&mut s, Action::Help);
    let shown = screen(&s);
    assert!(shown.contains("as printed → 简体 → 繁體 (now 繁體)"), "{shown}");
}

#[test]
fn a_resize_in_another_script_keeps_the_place_and_the_script() {
    let mut s = seed_state(Settings::default());
    update(&mut s, Action::Open);
    update(&mut s, Action::PageDown);
    update(&mut s, Action::CycleScript);
    let anchor = s.view.anchor();
    update(&mut s, Action::Resize(100, 30));
    assert_eq!(s.view.anchor(), anchor);
    update(&mut s, Action::Resize(120, 30));
    assert_eq!(s.view.anchor(), anchor, "the same place back at the first width");
    let text: String = s.view.layout().unwrap().lines().iter().map(|l| l.text()).collect();
    assert!(text.contains("發展") && !text.contains("发展"));
}
