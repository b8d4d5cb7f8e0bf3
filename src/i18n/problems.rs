//! What went wrong, in the interface's language: the errors of the
//! library and the store stay structured (English in their
//! `Display`, for logs and tests); these turn them into the words shown to
//! the user, where they are shown. File names and line numbers are kept;
//! what the system or a parser said (`Problem::Other`, a JSON or EPUB
//! reader's `DecodeError::Unreadable`) is passed on as it was said.

use super::Lang;
use crate::library::{ISSUE_EXTENSIONS, LoadError, Problem};
use crate::parse::{DecodeError, NotText};
use crate::store::{Kept, StoreError, Unsaved};
use std::io;

/// `PATH: problem`.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    lang.f("err-at", &[("path", e.path.as_str().into()), ("problem", problem(lang, &e.problem).into())])
}

/// Why a file or path could not be read as an issue.
pub fn problem(lang: Lang, p: &Problem) -> String {
    let id = match p {
        Problem::NotFound => "err-not-found",
        Problem::PermissionDenied => "err-permission",
        Problem::IsDirectory => "err-is-directory",
        Problem::Directory => "err-directory-not-issue",
        Problem::NotRegular => "err-not-regular",
        Problem::NotADirectory => "err-not-a-directory",
        Problem::NoIssues => {
            let patterns = ISSUE_EXTENSIONS.iter().map(|e| format!("*.{e}")).collect::<Vec<_>>().join(", ");
            return lang.f("err-no-issues", &[("patterns", patterns.into())]);
        }
        Problem::LinkLoop => "err-link-loop",
        Problem::Decode(DecodeError::NotText(NotText::Binary { nuls, at })) => {
            let binary = lang.f("err-binary", &[("nuls", (*nuls).into()), ("at", (*at).into())]);
            return lang.f("err-not-text", &[("why", binary.into())]);
        }
        Problem::Decode(DecodeError::NotText(NotText::Garbled { bad, total })) => {
            let garbled = lang.f("err-garbled", &[("bad", (*bad).into()), ("total", (*total).into())]);
            return lang.f("err-not-text", &[("why", garbled.into())]);
        }
        Problem::Decode(DecodeError::Unreadable(why)) | Problem::Other(why) => return why.clone(),
        Problem::TooLarge { len, ext, mb } => {
            let args = [("len", (*len).into()), ("ext", ext.as_str().into()), ("mb", (*mb).into())];
            return lang.f("err-too-large-for", &args);
        }
    };
    lang.t(id)
}

/// Why a read or write failed, in plain words (the system's own for the rarer kinds).
pub fn io_error(lang: Lang, e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::IsADirectory => lang.t("err-is-directory"),
        kind => lang.io(kind).unwrap_or_else(|| e.to_string()),
    }
}

/// Why changes are not on disk.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::NoDir => lang.t("err-no-home"),
        StoreError::Io { name, source, .. } => {
            lang.f("err-at", &[("path", name.as_str().into()), ("problem", io_error(lang, source).into())])
        }
        StoreError::Frozen { file, why } => {
            lang.f("err-frozen", &[("file", (*file).into()), ("why", why.say(lang).into())])
        }
    }
}

/// `2 bookmarks, 1 read mark and 3 reading positions`.
pub fn unsaved(lang: Lang, u: &Unsaved) -> String {
    let parts: Vec<String> =
        [("err-n-bookmarks", u.bookmarks.len()), ("err-n-read-marks", u.read.len()), ("err-n-positions", u.positions)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(id, n)| lang.f(id, &[("n", n.into())]))
            .collect();
    match parts.as_slice() {
        [] => lang.t("err-nothing"),
        [one] => one.clone(),
        [rest @ .., last] => {
            lang.f("err-and", &[("rest", rest.join(&lang.t("err-list-comma")).into()), ("last", last.as_str().into())])
        }
    }
}

/// Where the changes not saved are, said after the line saying how many
/// (`n` of them) and why.
pub fn kept(lang: Lang, kept: Option<&Kept>, n: usize) -> String {
    match kept {
        Some(Kept::In(dir)) => lang.f("exit-kept-in", &[("n", n.into()), ("dir", dir.display().to_string().into())]),
        Some(Kept::Nowhere(why)) => lang.f("exit-kept-nowhere", &[("n", n.into()), ("why", why.as_str().into())]),
        None => lang.f("exit-lost", &[("n", n.into())]),
    }
}
