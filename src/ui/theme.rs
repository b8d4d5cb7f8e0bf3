//! Styles for every part of the screen. Colours sit on the terminal's own
//! background; with `NO_COLOR` set only bold, dim, underline and reverse remain.

use crate::layout::Role;
use ratatui::style::{Color, Modifier, Style};

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
    /// Key names in hints and help.
    pub key: Style,
    /// Transient messages.
    pub status: Style,
    /// Search matches.
    pub matched: Style,
    /// The match last jumped to.
    pub current_match: Style,
    headline: Style,
    deck: Style,
    byline: Style,
    dateline: Style,
    body: Style,
    subhead: Style,
    attribution: Style,
}

impl Theme {
    /// The default colours.
    pub fn colored() -> Theme {
        let fg = |c: Color| Style::default().fg(c);
        Theme {
            bar: Style::default().add_modifier(Modifier::REVERSED),
            title: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Gray),
            section: fg(Color::Red).add_modifier(Modifier::BOLD),
            unread: Style::default().add_modifier(Modifier::BOLD),
            read: fg(Color::Gray),
            selected: Style::default().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            selected_unfocused: Style::default().add_modifier(Modifier::REVERSED),
            marker: fg(Color::Yellow),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            status: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            matched: Style::default().bg(Color::Yellow).fg(Color::Black),
            current_match: Style::default().bg(Color::LightRed).fg(Color::Black).add_modifier(Modifier::BOLD),
            headline: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            deck: fg(Color::LightYellow),
            byline: fg(Color::Gray),
            dateline: Style::default().add_modifier(Modifier::BOLD),
            body: Style::default(),
            subhead: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            attribution: fg(Color::Gray),
        }
    }

    /// Only bold, dim, underline and reverse: for `NO_COLOR`.
    pub fn plain() -> Theme {
        let m = |m: Modifier| Style::default().add_modifier(m);
        Theme {
            bar: m(Modifier::REVERSED),
            title: m(Modifier::REVERSED | Modifier::BOLD),
            border: Style::default(),
            border_focused: m(Modifier::BOLD),
            section: m(Modifier::BOLD | Modifier::UNDERLINED),
            unread: m(Modifier::BOLD),
            read: Style::default(),
            selected: m(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: m(Modifier::REVERSED),
            marker: Style::default(),
            key: m(Modifier::BOLD),
            status: m(Modifier::BOLD),
            matched: m(Modifier::REVERSED),
            current_match: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            headline: m(Modifier::BOLD),
            deck: Style::default(),
            byline: m(Modifier::DIM),
            dateline: m(Modifier::BOLD),
            body: Style::default(),
            subhead: m(Modifier::BOLD),
            attribution: m(Modifier::DIM),
        }
    }

    /// The default theme for this environment: plain when `NO_COLOR` is set
    /// to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::colored(),
        }
    }

    /// The style of article text by its role.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Headline => self.headline,
            Role::Deck => self.deck,
            Role::Byline => self.byline,
            Role::Dateline => self.dateline,
            Role::Body | Role::Blank => self.body,
            Role::Subhead => self.subhead,
            Role::Attribution => self.attribution,
        }
    }
}
