//! Styles for every part of the screen, written as short style strings
//! (`"bold lightred"`, `"white on blue"`) so that the defaults, the config
//! file and its documentation are one table. Colours sit on the terminal's
//! own background; `NO_COLOR` keeps only bold, dim, underline and reverse.

use crate::layout::Role;
use ratatui::style::{Color, Modifier, Style};
use std::collections::BTreeMap;
use std::str::FromStr;

/// Lists the themable parts once: each becomes a field of [`Theme`], an
/// entry of [`DEFAULTS`] (the config's `[theme]` table and its docs) and a
/// name the config can set.
macro_rules! parts {
    ($($(#[doc = $doc:literal])* $part:ident = $default:literal,)*) => {
        /// The styles the screen is drawn with.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $($(#[doc = $doc])* pub $part: Style,)*
        }

        /// Every themable part of the screen with its default style.
        pub const DEFAULTS: &[(&str, &str)] = &[$((stringify!($part), $default),)*];

        impl Theme {
            fn blank() -> Theme {
                Theme { $($part: Style::default(),)* }
            }

            fn part_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($part) => Some(&mut self.$part),)*
                    _ => None,
                }
            }
        }
    };
}

parts! {
    /// Top and bottom bars.
    bar = "reverse",
    /// The publication title in the top bar.
    title = "reverse bold",
    /// Pane borders.
    border = "darkgray",
    /// The border of the focused pane.
    border_focused = "bold gray",
    /// Section heading rows in the list.
    section = "bold red",
    /// Unread article rows.
    unread = "bold",
    /// Read article rows.
    read = "gray",
    /// The selected row when the list has focus.
    selected = "bold white on blue",
    /// The selected row when the article has focus.
    selected_unfocused = "reverse",
    /// The bookmark and unread markers.
    marker = "yellow",
    /// Markers of changes not saved (`☆`, `○`, `·`).
    unsaved = "dim",
    /// Reading times (`4′`, `≈ 6 min left`).
    length = "dim",
    /// Key names in hints and help.
    key = "bold cyan",
    /// Transient messages.
    status = "bold yellow",
    /// Search matches.
    matched = "black on yellow",
    /// The match last jumped to.
    current_match = "bold black on lightred",
    /// The kicker over a headline.
    kicker = "yellow",
    /// Headlines.
    headline = "bold lightred",
    /// Decks under the headline.
    deck = "lightyellow",
    /// Bylines.
    byline = "gray",
    /// The dateline at the start of the first paragraph.
    dateline = "bold",
    /// Body text.
    body = "",
    /// In-article subheads.
    subhead = "bold lightcyan",
    /// The closing attribution.
    attribution = "gray",
    /// Photo captions and credit lines.
    caption = "italic gray",
    /// Table rows.
    table = "",
    /// Unreadable lines and the line they fold into.
    noise = "dim",
}

/// A theme part that can't be used: which, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{part}: {problem}")]
pub struct ThemeError {
    /// The part's name as written.
    pub part: String,
    /// What is wrong.
    pub problem: String,
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

    /// Builds a theme from style strings by part name; missing parts keep
    /// their defaults. Errors name the part and say what is wrong.
    pub fn from_specs(specs: &BTreeMap<String, String>) -> Result<Theme, ThemeError> {
        let bad = |part: &str, problem: String| ThemeError { part: part.to_string(), problem };
        let mut theme = Theme::blank();
        for &(name, default) in DEFAULTS {
            let spec = specs.get(name).map_or(default, String::as_str);
            let style = parse_style(spec).map_err(|e| bad(name, e))?;
            *theme.part_mut(name).ok_or_else(|| bad(name, "no such part".into()))? = style;
        }
        if let Some(unknown) = specs.keys().find(|k| !DEFAULTS.iter().any(|(n, _)| n == k)) {
            let names: Vec<&str> = DEFAULTS.iter().map(|(n, _)| *n).collect();
            return Err(bad(unknown, format!("unknown theme part (parts: {})", names.join(", "))));
        }
        Ok(theme)
    }

    /// Colours stripped, modifiers kept; a background becomes reverse video
    /// so that selections and matches still show.
    pub fn without_color(mut self) -> Theme {
        for (name, _) in DEFAULTS {
            if let Some(s) = self.part_mut(name) {
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
        assert_eq!(Theme::from_specs(&specs).unwrap_err().part, "headlin");
        specs.clear();
        specs.insert("headline".to_string(), "bold red on".to_string());
        assert_eq!(Theme::from_specs(&specs).unwrap_err().part, "headline");
    }

    #[test]
    fn without_color_keeps_selections_visible() {
        let t = Theme::default().without_color();
        for (name, _) in DEFAULTS {
            let mut t = t.clone();
            let s = *t.part_mut(name).unwrap();
            assert!(s.fg.is_none() && s.bg.is_none(), "{name}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.matched.add_modifier.contains(Modifier::REVERSED));
    }
}
