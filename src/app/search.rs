//! The search in the current issue, as the reader has it: the prompt, the
//! query and its matches (found by `library::find`).

pub use crate::library::find::{Hit, find};

/// Search in the current issue.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// The cursor in it.
    pub caret: crate::app::input::Caret,
    /// The prompt shows the last phrase searched: typing replaces it,
    /// Enter searches it again.
    pub fresh: bool,
    /// The last phrase searched for, offered when `/` is pressed again.
    pub last: String,
    /// The query whose matches are highlighted.
    pub query: String,
    /// Its matches in the current issue, in reading order.
    pub hits: Vec<Hit>,
    /// The match last jumped to.
    pub current: Option<usize>,
}

impl Search {
    /// Forgets the query and its matches.
    pub fn clear(&mut self) {
        self.query.clear();
        self.hits.clear();
        self.current = None;
    }
}
