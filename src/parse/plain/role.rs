//! The roles source lines are given, named for `dump --explain`.

/// What a source line was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The nameplate, date and folio lines above the first story.
    Masthead,
    /// A page or section marker.
    Marker,
    /// The line above a headline.
    Kicker,
    /// A headline.
    Headline,
    /// A deck under a headline.
    Deck,
    /// A byline.
    Byline,
    /// A paragraph opening with a dateline.
    Dateline,
    /// Running text.
    Paragraph,
    /// A subhead inside a story.
    Subhead,
    /// A photo caption or credit line.
    Caption,
    /// A table row.
    Table,
    /// A closing credit (the attribution).
    Credit,
    /// A line pointing to another page, dropped.
    Jump,
    /// Unreadable text, kept aside.
    Noise,
    /// A running head repeated on every page, dropped.
    Furniture,
    /// A rule between items.
    Separator,
    /// A whole story on one line.
    Record,
    /// An exact repeat of an earlier record, dropped.
    Duplicate,
    /// Explicit markup.
    Markup,
}

impl Role {
    /// The role's name in `dump --explain`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Masthead => "masthead",
            Role::Marker => "page marker",
            Role::Kicker => "kicker",
            Role::Headline => "headline",
            Role::Deck => "deck",
            Role::Byline => "byline",
            Role::Dateline => "dateline",
            Role::Paragraph => "paragraph",
            Role::Subhead => "subhead",
            Role::Caption => "caption",
            Role::Table => "table",
            Role::Credit => "credit",
            Role::Jump => "jump",
            Role::Noise => "noise",
            Role::Furniture => "furniture",
            Role::Separator => "rule",
            Role::Record => "article",
            Role::Duplicate => "duplicate",
            Role::Markup => "markup",
        }
    }
}
