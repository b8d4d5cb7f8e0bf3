//! What a reader can change about how articles are set.

use serde::{Deserialize, Serialize};

/// Cell width of East-Asian-ambiguous characters (“ ” ‘ ’ … — ·): terminals disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ambiguous {
    /// One cell, as most Western terminal configurations draw them.
    #[default]
    Narrow,
    /// Two cells, as CJK locales and some fonts draw them.
    Wide,
}

/// Presentation choices for laying out an article; part of the layout cache key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            max_width: 80,
            indent: true,
            ambiguous: Ambiguous::Narrow,
            fullwidth_punct: true,
            hanging: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_toml_keeps_defaults() {
        let o: LayoutOptions = toml::from_str("max_width = 60\nambiguous = \"wide\"").unwrap();
        assert_eq!(o.max_width, 60);
        assert_eq!(o.ambiguous, Ambiguous::Wide);
        assert!(o.indent && o.fullwidth_punct && o.hanging);
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(toml::from_str::<LayoutOptions>("max_widht = 60").is_err());
    }
}
