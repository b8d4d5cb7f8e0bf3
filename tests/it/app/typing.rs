//! Lines being typed (a search phrase, the picker's filter, a note) edit
//! as a shell line does.

use dubao::app::Action;
use dubao::app::action::LineEdit::{self, *};
use dubao::app::input::Caret;

/// Types `keys` into `text` at `caret`: characters, `\x08` for Backspace,
/// the rest as line edits.
fn typing(text: &str, caret: &mut Caret, keys: &[Result<char, LineEdit>]) -> String {
    let mut text = text.to_string();
    for key in keys {
        let action = match key {
            Ok('\x08') => Action::InputBackspace,
            Ok(c) => Action::Input(*c),
            Err(e) => Action::InputEdit(*e),
        };
        assert!(caret.apply(&mut text, &action).is_some(), "{action:?} is typing");
    }
    text
}

fn chars(s: &str) -> Vec<Result<char, LineEdit>> {
    s.chars().map(Ok).collect()
}

#[test]
fn the_cursor_moves_and_text_goes_in_and_out_where_it_is() {
    let mut c = Caret::default();
    let t = typing("", &mut c, &chars("清河日报"));
    assert_eq!((t.as_str(), c.at(&t)), ("清河日报", t.len()));
    let t = typing(&t, &mut c, &[Err(Left), Err(Left), Ok('晚'), Ok('\x08'), Ok('周')]);
    assert_eq!(t, "清河周日报");
    assert_eq!(&t[c.at(&t)..], "日报");
    let t = typing(&t, &mut c, &[Err(Home), Err(Delete), Err(End), Ok('!')]);
    assert_eq!(t, "河周日报!");
    let t = typing(&t, &mut c, &[Err(Home), Ok('\x08'), Err(Left), Err(Right), Err(Right)]);
    assert_eq!((t.as_str(), c.at(&t)), ("河周日报!", "河周".len()), "nothing before the start to take");
    let t = typing(&t, &mut c, &[Err(KillEnd)]);
    assert_eq!(t, "河周");
    let t = typing("riverton courier 2002", &mut c, &[Err(End), Err(KillWord)]);
    assert_eq!(t, "riverton courier ");
    let t = typing(&t, &mut c, &[Err(Left), Err(Left), Err(KillStart)]);
    assert_eq!((t.as_str(), c.at(&t)), ("r ", 0));
    assert_eq!(Caret::default().apply(&mut String::new(), &Action::Down), None, "not typing");
}
