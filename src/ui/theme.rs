//! Styles for every part of the screen, written as short style strings
//! (`"bold lightred"`, `"white on blue"`) so that the defaults, the config
//! file and its documentation are one table. Colours sit on the terminal's
//! own background; `NO_COLOR` keeps only bold, dim, underline and reverse.

use crate::layout::Role;
use ratatui::style::{Color, Modifier, Style};
use std::collections::BTreeMap;
use std::str::FromStr;

/// Every themable part of the screen with its default style.
pub const DEFAULTS: [(&str, &str); 26] = [
    ("bar", "reverse"),
    ("title", "reverse bold"),
    ("border", "darkgray"),
    ("border_focused", "gray"),
    ("section", "bold red"),
    ("unread", "bold"),
    ("read", "gray"),
    ("selected", "bold white on blue"),
    ("selected_unfocused", "reverse"),
    ("marker", "yellow"),
    ("unsaved", "dim"),
    ("key", "bold cyan"),
    ("status", "bold yellow"),
    ("matched", "black on yellow"),
    ("current_match", "bold black on lightred"),
    ("kicker", "yellow"),
    ("headline", "bold lightred"),
    ("deck", "lightyellow"),
    ("byline", "gray"),
    ("dateline", "bold"),
    ("body", ""),
    ("subhead", "bold lightcyan"),
    ("attribution", "gray"),
    ("caption", "italic gray"),
    ("table", ""),
    ("noise", "dim"),
];

/// The styles the screen is drawn with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Top and bottom bars.
    pub bar: Style,
    /// The publication title in the top bar.
    pub title: Style,
    /// Pane borders.
    pub border: Style,
    /// The border of the focused pane.
    pub border_focused: Style,
    /// Section heading rows in the list.
    pub section: Style,
    /// Unread article rows.
    pub unread: Style,
    /// Read article rows.
    pub read: Style,
    /// The selected row when the list has focus.
    pub selected: Style,
    /// The selected row when the article has focus.
    pub selected_unfocused: Style,
    /// The bookmark and unread markers.
    pub marker: Style,
    /// Markers of changes not saved (`☆`, `○`, `·`).
    pub unsaved: Style,
    /// Key names in hints and help.
    pub key: Style,
    /// Transient messages.
    pub status: Style,
    /// Search matches.
    pub matched: Style,
    /// The match last jumped to.
    pub current_match: Style,
    /// The kicker over a headline.
    pub kicker: Style,
    /// Headlines.
    pub headline: Style,
    /// Decks under the headline.
    pub deck: Style,
    /// Bylines.
    pub byline: Style,
    /// The dateline at the start of the first paragraph.
    pub dateline: Style,
    /// Body text.
    pub body: Style,
    /// In-article subheads.
    pub subhead: Style,
    /// The closing attribution.
    pub attribution: Style,
    /// Photo captions and credit lines.
    pub caption: Style,
    /// Table rows.
    pub table: Style,
    /// Unreadable lines and the line they fold into.
    pub noise: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        let specs: BTreeMap<String, String> = DEFAULTS.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Theme::from_specs(&specs).unwrap_or_else(|_| Theme::blank())
    }
}

impl Theme {
    /// The default colours.
    pub fn colored() -> Theme {
        Theme::default()
    }

    /// The defaults without colour (`NO_COLOR`).
    pub fn plain() -> Theme {
        Theme::default().without_color()
    }

    /// The default theme for this environment: without colour when
    /// `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme::default().for_env()
    }

    /// This theme, without colour if the environment asks for none.
    pub fn for_env(self) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => self.without_color(),
            _ => self,
        }
    }

    /// Builds a theme from style strings by part name; missing parts keep
    /// their defaults. Errors name the part and say what is wrong.
    pub fn from_specs(specs: &BTreeMap<String, String>) -> Result<Theme, (String, String)> {
        let mut theme = Theme::blank();
        for (name, default) in DEFAULTS {
            let spec = specs.get(name).map(String::as_str).unwrap_or(default);
            let style = parse_style(spec).map_err(|e| (name.to_string(), e))?;
            *theme.slot(name).ok_or_else(|| (name.to_string(), "no such part".to_string()))? = style;
        }
        if let Some(unknown) = specs.keys().find(|k| !DEFAULTS.iter().any(|(n, _)| n == k)) {
            let names: Vec<&str> = DEFAULTS.iter().map(|(n, _)| *n).collect();
            return Err((unknown.clone(), format!("unknown theme part (parts: {})", names.join(", "))));
        }
        Ok(theme)
    }

    /// Colours stripped, modifiers kept; a background becomes reverse video
    /// so that selections and matches still show.
    pub fn without_color(mut self) -> Theme {
        for (name, _) in DEFAULTS {
            if let Some(s) = self.slot(name) {
                let had_bg = !matches!(s.bg, None | Some(Color::Reset));
                let mut plain = Style::default().add_modifier(s.add_modifier);
                if had_bg {
                    plain = plain.add_modifier(Modifier::REVERSED);
                }
                *s = plain;
            }
        }
        self
    }

    /// The style of article text by its role.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Kicker => self.kicker,
            Role::Headline => self.headline,
            Role::Deck => self.deck,
            Role::Byline => self.byline,
            Role::Dateline => self.dateline,
            Role::Body | Role::Blank => self.body,
            Role::Subhead => self.subhead,
            Role::Attribution => self.attribution,
            Role::Caption => self.caption,
            Role::Table => self.table,
            Role::Noise | Role::Fold => self.noise,
        }
    }

    fn blank() -> Theme {
        let s = Style::default();
        Theme {
            bar: s,
            title: s,
            border: s,
            border_focused: s,
            section: s,
            unread: s,
            read: s,
            selected: s,
            selected_unfocused: s,
            marker: s,
            unsaved: s,
            key: s,
            status: s,
            matched: s,
            current_match: s,
            kicker: s,
            headline: s,
            deck: s,
            byline: s,
            dateline: s,
            body: s,
            subhead: s,
            attribution: s,
            caption: s,
            table: s,
            noise: s,
        }
    }

    fn slot(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "bar" => &mut self.bar,
            "title" => &mut self.title,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "section" => &mut self.section,
            "unread" => &mut self.unread,
            "read" => &mut self.read,
            "selected" => &mut self.selected,
            "selected_unfocused" => &mut self.selected_unfocused,
            "marker" => &mut self.marker,
            "unsaved" => &mut self.unsaved,
            "key" => &mut self.key,
            "status" => &mut self.status,
            "matched" => &mut self.matched,
            "current_match" => &mut self.current_match,
            "kicker" => &mut self.kicker,
            "headline" => &mut self.headline,
            "deck" => &mut self.deck,
            "byline" => &mut self.byline,
            "dateline" => &mut self.dateline,
            "body" => &mut self.body,
            "subhead" => &mut self.subhead,
            "attribution" => &mut self.attribution,
            "caption" => &mut self.caption,
            "table" => &mut self.table,
            "noise" => &mut self.noise,
            _ => return None,
        })
    }
}

/// Reads a style string: modifiers (`bold dim italic underline reverse
/// strikethrough`), a foreground colour, and `on <colour>` for the
/// background. Colours are names (`red`, `lightcyan`, `darkgray`,
/// `default`), `#rrggbb` or a 0–255 palette index. Empty means plain.
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = spec.split_whitespace();
    let mut fg_set = false;
    while let Some(w) = words.next() {
        let lower = w.to_ascii_lowercase();
        let modifier = match lower.as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(Modifier::UNDERLINED),
            "reverse" | "reversed" => Some(Modifier::REVERSED),
            "strikethrough" | "crossed_out" => Some(Modifier::CROSSED_OUT),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        } else if lower == "on" {
            let c = words.next().ok_or_else(|| format!("`on` needs a colour in {spec:?}"))?;
            style = style.bg(color(c)?);
        } else if !fg_set {
            style = style.fg(color(w)?);
            fg_set = true;
        } else {
            return Err(format!("unexpected `{w}` in {spec:?} (write `on {w}` for a background)"));
        }
    }
    Ok(style)
}

fn color(word: &str) -> Result<Color, String> {
    match word.to_ascii_lowercase().as_str() {
        "default" | "none" => Ok(Color::Reset),
        _ => Color::from_str(word)
            .map_err(|_| format!("unknown colour `{word}` (a name like red or lightcyan, #rrggbb, or 0-255)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_strings() {
        assert_eq!(parse_style("").unwrap(), Style::default());
        assert_eq!(
            parse_style("bold lightred").unwrap(),
            Style::default().fg(Color::LightRed).add_modifier(Modifier::BOLD)
        );
        assert_eq!(
            parse_style("white on blue bold").unwrap(),
            Style::default().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD)
        );
        assert_eq!(parse_style("#ff8800").unwrap().fg, Some(Color::Rgb(255, 136, 0)));
        assert_eq!(parse_style("on 236").unwrap().bg, Some(Color::Indexed(236)));
        assert!(parse_style("bold puce").unwrap_err().contains("puce"));
        assert!(parse_style("red blue").is_err());
        assert!(parse_style("on").is_err());
    }

    #[test]
    fn defaults_parse_and_unknown_parts_are_refused() {
        assert_ne!(Theme::default(), Theme::blank());
        assert_eq!(Theme::default().headline, Style::default().fg(Color::LightRed).add_modifier(Modifier::BOLD));
        let mut specs = BTreeMap::new();
        specs.insert("headlin".to_string(), "bold".to_string());
        assert_eq!(Theme::from_specs(&specs).unwrap_err().0, "headlin");
        specs.clear();
        specs.insert("headline".to_string(), "bold red on".to_string());
        assert_eq!(Theme::from_specs(&specs).unwrap_err().0, "headline");
    }

    #[test]
    fn without_color_keeps_selections_visible() {
        let t = Theme::default().without_color();
        for (name, _) in DEFAULTS {
            let mut t = t.clone();
            let s = *t.slot(name).unwrap();
            assert!(s.fg.is_none() && s.bg.is_none(), "{name}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.matched.add_modifier.contains(Modifier::REVERSED));
    }
}
