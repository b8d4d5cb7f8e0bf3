//! The list pane's rows: section headings with their articles beneath.

use crate::model::Issue;

/// One row of the list pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A section heading (index of the section).
    Section(usize),
    /// An article: its reading-order index and its section.
    Article {
        /// Index in the issue's reading order.
        index: usize,
        /// Index of its section.
        section: usize,
    },
}

/// The rows of an issue. An issue whose only section is unnamed has no
/// heading rows.
pub fn rows(issue: &Issue) -> Vec<Row> {
    let headed = !(issue.sections.len() == 1 && issue.sections[0].name.is_empty());
    let mut out = Vec::new();
    let mut index = 0;
    for (s, section) in issue.sections.iter().enumerate() {
        if headed {
            out.push(Row::Section(s));
        }
        for _ in &section.articles {
            out.push(Row::Article { index, section: s });
            index += 1;
        }
    }
    out
}

/// Reading-order index of the first article of each non-empty section.
pub fn section_starts(issue: &Issue) -> Vec<usize> {
    let mut out = Vec::new();
    let mut index = 0;
    for section in &issue.sections {
        if !section.articles.is_empty() {
            out.push(index);
        }
        index += section.articles.len();
    }
    out
}
