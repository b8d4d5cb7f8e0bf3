//! What the store has to tell the user — a damaged file moved aside, a
//! directory that can't be written, a conflict copy merged — as data: the
//! id of a message of the interface's `.ftl` files and its arguments,
//! worded in the user's language where it is shown ([`Notice::say`]), in
//! English by `Display`. What a file's damage or the system said is
//! passed on as said; an I/O error of a kind dubao words is worded too.

use crate::i18n::{Arg, Lang};
use std::fmt;
use std::io;

/// A message for the user, not yet worded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The message's id in the `.ftl` files.
    pub id: &'static str,
    /// Its arguments, by name.
    pub args: Vec<(&'static str, Said)>,
}

/// An argument of a [`Notice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// Text as it is: a path, a file name, what a parser said.
    Text(String),
    /// A number (chooses plural forms).
    N(usize),
    /// Why a read or write failed: its kind, and its words in English.
    Io(io::ErrorKind, String),
    /// A part worded by a message of its own.
    Notice(Box<Notice>),
}

impl Notice {
    /// The message `id` with `args`.
    pub fn new(id: &'static str, args: Vec<(&'static str, Said)>) -> Notice {
        Notice { id, args }
    }

    /// The words of it in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Said::Text(s) => Arg::from(s.as_str()),
                    Said::N(n) => Arg::from(*n),
                    Said::Io(kind, plain) => Arg::from(lang.io(*kind).unwrap_or_else(|| plain.clone())),
                    Said::Notice(n) => Arg::from(n.say(lang)),
                };
                (*k, v)
            })
            .collect();
        lang.f(self.id, &args)
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl From<&str> for Said {
    fn from(s: &str) -> Said {
        Said::Text(s.to_string())
    }
}

impl From<String> for Said {
    fn from(s: String) -> Said {
        Said::Text(s)
    }
}

impl From<&std::path::Path> for Said {
    fn from(p: &std::path::Path) -> Said {
        Said::Text(p.display().to_string())
    }
}

impl From<usize> for Said {
    fn from(n: usize) -> Said {
        Said::N(n)
    }
}

impl From<&io::Error> for Said {
    fn from(e: &io::Error) -> Said {
        Said::Io(e.kind(), super::disk::plain(e))
    }
}

impl From<Notice> for Said {
    fn from(n: Notice) -> Said {
        Said::Notice(Box::new(n))
    }
}

/// The kind of state a file holds, as its messages choose their nouns:
/// `bookmarks`, `read`, `positions`.
pub(crate) fn kind(file: &str) -> Said {
    Said::Text(file.strip_suffix(".toml").unwrap_or(file).to_string())
}

/// `1 bookmark`, `3 read marks`: `n` of what `file` holds.
pub(crate) fn count(file: &str, n: usize) -> Notice {
    Notice::new("store-count", vec![("kind", kind(file)), ("n", n.into())])
}
