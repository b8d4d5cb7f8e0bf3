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
    let above = top_text(&s);
    update(&mut s, Action::CycleScript);
    assert_eq!(s.settings.layout.script, Script::Original);
    assert_eq!(top_text(&s), above, "the line above stays on top, blank or not");
    update(&mut s, Action::Down);
    assert_eq!(top_text(&s), printed);
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

/// An issue of one article too long to convert on the key path: numbered
/// simplified paragraphs, some 250 KB.
fn long_state() -> State {
    let mut text = String::from("长篇报道\n\n台湾软件厂商发展迅速\n\n记者 张三\n\n");
    for n in 0..3000 {
        text.push_str(&format!("第{n}段，台湾的软件厂商近年发展迅速。\n\n"));
    }
    let issue = parse_issue(text.as_bytes(), "long.txt").unwrap().issue;
    assert_eq!(issue.articles().count(), 1, "one long article");
    let mut s = State::new(vec!["long".into()], Settings::default(), Keymap::default(), (120, 30));
    update(&mut s, Action::Loaded { name: "long".into(), result: Ok(Arc::new(issue)) });
    update(&mut s, Action::Open);
    s
}

fn all_text(s: &State) -> String {
    s.view.layout().unwrap().lines().iter().map(|l| l.text()).collect()
}

#[test]
fn a_long_article_converts_the_screen_at_once_and_the_rest_off_the_key_path() {
    use dubao::app::{Converted, Effect};
    let mut s = long_state();
    update(&mut s, Action::PageDown);
    let anchor = s.view.anchor();
    let effects = update(&mut s, Action::CycleScript);
    assert_eq!(s.settings.layout.script, Script::Traditional);
    assert_eq!(s.view.anchor(), anchor);
    let shown = screen(&s);
    assert!(shown.contains("臺灣的軟件廠商近年發展迅速") && !shown.contains("发展"), "the screen at once: {shown}");
    let text = all_text(&s);
    assert!(text.contains("第2999段，台湾的软件厂商"), "the end not yet");
    let wanted: Vec<_> =
        effects.into_iter().filter_map(|e| if let Effect::Convert(c) = e { Some(c) } else { None }).collect();
    assert_eq!(wanted.len(), 1, "the whole conversion asked for once");
    let c = &wanted[0];
    assert_eq!((c.script, c.article.id.clone()), (Script::Traditional, s.article().unwrap().id.clone()));
    assert!(update(&mut s, Action::Down).iter().all(|e| !matches!(e, Effect::Convert(_))), "not asked again");
    let anchor = s.view.anchor();
    let top = top_text(&s);

    // A newer conversion came first: this one was given up, so it is asked for again.
    let (issue, id, script) = (c.issue.clone(), c.article.id.clone(), c.script);
    let again = update(&mut s, Action::Converted(Box::new(Converted { issue, id, script, done: None })));
    assert!(again.iter().any(|e| matches!(e, Effect::Convert(_))), "{again:?}");
    assert_eq!((s.view.anchor(), top_text(&s)), (anchor, top.clone()));

    let done = dubao::script::convert_article(&c.article, c.script);
    let (issue, id, script) = (c.issue.clone(), c.article.id.clone(), c.script);
    update(&mut s, Action::Converted(Box::new(Converted { issue, id, script, done: Some(Arc::new(done)) })));
    let text = all_text(&s);
    assert!(text.contains("第2999段，臺灣的軟件廠商") && !text.contains("发展"), "the whole article now");
    assert_eq!((s.view.anchor(), top_text(&s)), (anchor, top), "read on at the same place");
    update(&mut s, Action::Bottom);
    assert!(screen(&s).contains("第2999段，臺灣的軟件廠商"), "{}", screen(&s));
}
