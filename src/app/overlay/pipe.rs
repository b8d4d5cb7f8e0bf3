//! `|`: a prompt for a shell command that gets the article's text on its
//! stdin (newsboat's `pipe-to`): `↑`/`↓` go through the commands run
//! before, `Enter` runs, `Esc` closes.

use super::component::{Ctx, Outcome};
use crate::app::action::{Action, Effect};
use crate::app::input::Caret;

/// The pipe prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipeView {
    /// The command being typed.
    pub line: String,
    /// Where in it the cursor is.
    pub caret: Caret,
    /// Commands run before, oldest first.
    history: Vec<String>,
    /// Which of them is shown, while going through them.
    at: Option<usize>,
    /// What the command will read: the article as text.
    text: String,
}

impl PipeView {
    /// The prompt for piping `text`, starting with `start` (the config's
    /// `pipe_command`, else the last command run).
    pub fn open(text: String, history: &[String], start: &str) -> PipeView {
        let line = history.last().map_or(start, String::as_str).to_string();
        PipeView { line, caret: Caret::default(), history: history.to_vec(), at: None, text }
    }

    /// Keys while the prompt is open.
    pub fn handle(&mut self, action: &Action, ctx: &mut Ctx<'_>) -> Outcome {
        if self.caret.apply(&mut self.line, action).is_some() {
            return Outcome::Stay;
        }
        match action {
            Action::Up | Action::Down => self.recall(*action == Action::Up),
            Action::InputSubmit => {
                let command = self.line.trim().to_string();
                if command.is_empty() {
                    *ctx.status = Some(ctx.lang.t("pipe-no-command"));
                } else {
                    ctx.effects.push(Effect::Pipe { command, text: std::mem::take(&mut self.text) });
                }
                return Outcome::Close;
            }
            Action::InputCancel | Action::Quit => return Outcome::Close,
            _ => {}
        }
        Outcome::Stay
    }

    /// One command further back (`older`) or forward in the history; past
    /// the newest, an empty line.
    fn recall(&mut self, older: bool) {
        let n = self.history.len();
        let at = match (self.at, older) {
            (None, true) if n > 0 => Some(n - 1),
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
            (None, _) => return,
        };
        self.at = at;
        self.line = at.map(|i| self.history[i].clone()).unwrap_or_default();
        self.caret = Caret::default();
    }
}
