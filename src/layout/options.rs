//! What a reader can change about how articles are set.

use crate::script::Script;

/// Cell width of East-Asian-ambiguous characters (“ ” ‘ ’ … — ·): terminals disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Ambiguous {
    /// One cell, as most Western terminal configurations draw them.
    #[default]
    Narrow,
    /// Two cells, as CJK locales and some fonts draw them.
    Wide,
}

/// The ambiguous-width setting as a reader writes it (`ambiguous_width` in
/// the config): fixed, or asked of the terminal at start-up. The one type
/// for it, read by the config and carried out by the terminal shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmbiguousWidth {
    /// Ask the terminal at start-up; narrow if it can't say.
    #[default]
    Auto,
    /// One cell.
    Narrow,
    /// Two cells.
    Wide,
}

impl AmbiguousWidth {
    /// The width this setting fixes; `None` when the terminal is to be asked.
    pub fn fixed(self) -> Option<Ambiguous> {
        match self {
            AmbiguousWidth::Auto => None,
            AmbiguousWidth::Narrow => Some(Ambiguous::Narrow),
            AmbiguousWidth::Wide => Some(Ambiguous::Wide),
        }
    }
}

/// Presentation choices for laying out an article; part of the layout cache key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Text column cap in cells.
    pub max_width: u16,
    /// Indent the first line of CJK paragraphs by two ideographic spaces.
    pub indent: bool,
    /// Cell width of ambiguous characters.
    pub ambiguous: Ambiguous,
    /// Show ASCII `,;:!?()` next to CJK characters in their full-width forms.
    pub fullwidth_punct: bool,
    /// Let a closing or pause mark hang one cell into the right margin.
    pub hanging: bool,
    /// The script the text is shown in (converted as it is laid out).
    pub script: Script,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            max_width: 80,
            indent: true,
            ambiguous: Ambiguous::Narrow,
            fullwidth_punct: true,
            hanging: true,
            script: Script::Original,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_auto_asks_the_terminal() {
        assert_eq!(AmbiguousWidth::default().fixed(), None);
        assert_eq!(AmbiguousWidth::Narrow.fixed(), Some(Ambiguous::Narrow));
        assert_eq!(AmbiguousWidth::Wide.fixed(), Some(Ambiguous::Wide));
    }
}
