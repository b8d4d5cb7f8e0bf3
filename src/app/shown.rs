//! The current issue's names as shown in the reader's script: title,
//! section names and article labels, converted once when the issue or the
//! script changes, so that drawing only reads them.

use crate::model::Issue;
use crate::script::{Script, convert};
use std::sync::Arc;

/// The current issue's names in the script shown; empty for the original.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// Which issue (its name and the parsed issue's address) and script they are for.
    key: Option<(String, usize, Script)>,
    /// The issue's title.
    pub title: Option<String>,
    /// Section names, by index.
    pub sections: Vec<String>,
    /// Article labels (`Article::label`), in reading order.
    pub labels: Vec<String>,
}

impl Shown {
    /// Converts the names of `issue` to `script`, unless they already are.
    pub fn refresh(&mut self, name: &str, issue: Option<&Arc<Issue>>, script: Script) {
        let key = issue.map(|i| (name.to_string(), Arc::as_ptr(i) as usize, script));
        if key == self.key {
            return;
        }
        *self = Shown { key, ..Shown::default() };
        let Some(issue) = issue.filter(|_| script != Script::Original) else { return };
        let text = |t: &str| convert(t, script).text;
        self.title = Some(text(&issue.title));
        self.sections = issue.sections.iter().map(|s| text(&s.name)).collect();
        self.labels = issue.articles().map(|a| text(&a.label())).collect();
    }

    /// The label of article `index` as shown, or `original` when shown as printed.
    pub fn label<'a>(&'a self, index: usize, original: &'a str) -> &'a str {
        self.labels.get(index).map_or(original, String::as_str)
    }

    /// The name of section `index` as shown.
    pub fn section<'a>(&'a self, index: usize, original: &'a str) -> &'a str {
        self.sections.get(index).map_or(original, String::as_str)
    }
}
