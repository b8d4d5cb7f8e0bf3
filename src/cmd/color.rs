//! Whether to colour, and colouring command output with the config's theme.
//!
//! `--color always` and `--color never` decide alone (a flag beats the
//! environment, as no-color.org asks). On `auto`, the conventions, in this
//! order: `NO_COLOR` set and not empty: no colour; `CLICOLOR_FORCE` set
//! and not `0`: colour even into a pipe; `CLICOLOR=0`: no colour;
//! `TERM=dumb`: no colour; else colour only onto a terminal.

use dubao::ui::Theme;
use ratatui::style::Style;
use std::ffi::OsString;

/// `--color`: when to colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// As the environment says: colour onto a terminal, unless `NO_COLOR`,
    /// `CLICOLOR=0` or `TERM=dumb`; into a pipe too with `CLICOLOR_FORCE`.
    Auto,
    /// Always, whatever the environment says.
    Always,
    /// Never.
    Never,
}

/// Whether to colour output going to a terminal (`tty`) or not, with the
/// environment read through `env`.
pub fn decide(choice: Color, tty: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto if set("NO_COLOR").is_some() => false,
        Color::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        Color::Auto if set("CLICOLOR").is_some_and(|v| v == "0") => false,
        Color::Auto if set("TERM").is_some_and(|v| v == "dumb") => false,
        Color::Auto => tty,
    }
}

/// Whether to colour what goes to stdout.
pub fn for_stdout(choice: Color) -> bool {
    use std::io::IsTerminal;
    decide(choice, std::io::stdout().is_terminal(), |k| std::env::var_os(k))
}

/// The theme to draw with: the config's, its colours taken away when
/// there is to be none (bold, dim and reverse stay, so selections show).
pub fn theme(theme: &Theme, colored: bool) -> Theme {
    if colored { theme.clone() } else { theme.clone().without_color() }
}

/// Colours text with the theme's styles, or leaves it as it is.
pub struct Paint {
    /// The styles; `None`: no colour at all.
    pub theme: Option<Theme>,
}

impl Paint {
    /// Paint with `theme` when `colored`.
    pub fn new(theme: &Theme, colored: bool) -> Paint {
        Paint { theme: colored.then(|| theme.clone()) }
    }

    /// `text` in the style `part` picks from the theme.
    pub fn with(&self, text: &str, part: fn(&Theme) -> Style) -> String {
        use ratatui::backend::IntoCrossterm;
        use ratatui::crossterm::style::ContentStyle;
        match &self.theme {
            Some(theme) if !text.is_empty() => {
                let style: ContentStyle = part(theme).into_crossterm();
                style.apply(text).to_string()
            }
            _ => text.to_string(),
        }
    }

    /// Whether anything is coloured.
    pub fn on(&self) -> bool {
        self.theme.is_some()
    }
}

/// `dubao list`'s tree coloured: the title as a headline, its
/// facts quiet, sections as the list pane draws them, ids dim.
pub fn list(text: &str, paint: &Paint) -> String {
    if !paint.on() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        if let Some(article) = body.strip_prefix("    ") {
            match article.split_once("  ") {
                Some((id, headline)) => {
                    out.push_str("    ");
                    out.push_str(&paint.with(id, |t| t.noise));
                    out.push_str("  ");
                    let (headline, time) = split_time(headline);
                    out.push_str(headline);
                    out.push_str(&paint.with(time, |t| t.length));
                }
                None => out.push_str(body),
            }
        } else if let Some(section) = body.strip_prefix("  ") {
            out.push_str("  ");
            let (section, time) = split_time(section);
            out.push_str(&paint.with(section, |t| t.section));
            out.push_str(&paint.with(time, |t| t.length));
        } else {
            match body.split_once("  [") {
                Some((title, facts)) => {
                    out.push_str(&paint.with(title, |t| t.headline));
                    out.push_str("  ");
                    out.push_str(&paint.with(&format!("[{facts}"), |t| t.byline));
                }
                None => out.push_str(&paint.with(body, |t| t.headline)),
            }
        }
        out.push_str(end);
    }
    out
}

/// A list line's text and its reading time (`  4′`, empty when it has none).
fn split_time(line: &str) -> (&str, &str) {
    match line.rfind("  ") {
        Some(at)
            if line.ends_with('′') && line[at + 2..line.len() - '′'.len_utf8()].bytes().all(|b| b.is_ascii_digit()) =>
        {
            line.split_at(at)
        }
        _ => (line, ""),
    }
}

/// The readable `dump` coloured: sections and headlines stand out.
pub fn dump(text: &str, paint: &Paint) -> String {
    if !paint.on() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        if body.starts_with("== ") {
            out.push_str(&paint.with(body, |t| t.section));
        } else if let Some(headline) = body.strip_prefix("  [") {
            out.push_str("  ");
            out.push_str(&paint.with(&format!("[{headline}"), |t| t.headline));
        } else {
            out.push_str(body);
        }
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| vars.iter().find(|(name, _)| name == k).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn a_flag_beats_the_environment() {
        let all = with(&[("NO_COLOR", "1"), ("TERM", "dumb")]);
        assert!(decide(Color::Always, false, &all));
        assert!(!decide(Color::Never, true, with(&[("CLICOLOR_FORCE", "1")])));
    }

    #[test]
    fn auto_follows_the_conventions() {
        assert!(decide(Color::Auto, true, with(&[])));
        assert!(!decide(Color::Auto, false, with(&[])));
        assert!(!decide(Color::Auto, true, with(&[("NO_COLOR", "1")])));
        assert!(decide(Color::Auto, true, with(&[("NO_COLOR", "")])), "an empty NO_COLOR is not set");
        assert!(decide(Color::Auto, false, with(&[("CLICOLOR_FORCE", "1")])));
        assert!(!decide(Color::Auto, false, with(&[("CLICOLOR_FORCE", "0")])));
        assert!(!decide(Color::Auto, true, with(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")])), "NO_COLOR first");
        assert!(!decide(Color::Auto, true, with(&[("CLICOLOR", "0")])));
        assert!(!decide(Color::Auto, true, with(&[("TERM", "dumb")])));
        assert!(decide(Color::Auto, false, with(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")])));
    }

    #[test]
    fn the_list_keeps_its_text_when_coloured() {
        let text = "清河日报 2024-03-08  [x.txt · UTF-8 · 1 section · 1 article · 1′]\n  第01版：要闻  1′\n    1a2b3c4d5e6f  标题  1′\n";
        let painted = list(text, &Paint::new(&Theme::default(), true));
        assert!(painted.contains("\x1b["), "{painted}");
        let plain = String::from_utf8(strip(painted.as_bytes())).unwrap();
        assert_eq!(plain, text);
        assert_eq!(list(text, &Paint::new(&Theme::default(), false)), text);
        let dumped = "issue     T\n\n== 要闻\n\n  [1a2b3c4d5e6f] 标题\n    ¶ 正文\n";
        let painted = dump(dumped, &Paint::new(&Theme::default(), true));
        assert_eq!(String::from_utf8(strip(painted.as_bytes())).unwrap(), dumped);
    }

    /// The text without its escape sequences.
    fn strip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
                i += 2;
                while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                    i += 1;
                }
                i += 1;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        out
    }
}
