//! Source names: the one string that stands for an issue file wherever a
//! string must (the reader's list, bookmarks, the last issue read), and
//! gives back exactly that file.
//!
//! A path that is UTF-8 is its own name. One that is not (a GBK-encoded
//! name copied from an older system) is named `file://` followed by its
//! bytes, each one outside `A–Z a–z 0–9 - . _ ~ /` written `%HH`: a
//! `file:` URL, which other tools decode to the same bytes. A UTF-8 path
//! that itself starts with `file://` is written that way too, so that no
//! two paths share a name. Only what people see is lossy: [`shown`].

use std::borrow::Cow;
use std::path::{Path, PathBuf};

const URL: &str = "file://";

/// The name of a file: the path itself when it is UTF-8, else a `file://` URL of its bytes.
pub fn of_path(path: &Path) -> String {
    match path.to_str() {
        Some(s) if !s.starts_with(URL) => s.to_string(),
        _ => encode(path),
    }
}

/// The file a name stands for (the inverse of [`of_path`]).
pub fn to_path(name: &str) -> PathBuf {
    match name.strip_prefix(URL) {
        Some(rest) => from_bytes(decode(rest)),
        None => PathBuf::from(name),
    }
}

/// A name as people see it: bytes that are not UTF-8 as `�`, control
/// characters as visible stand-ins, so a file name can't drive the terminal.
pub fn shown(name: &str) -> String {
    let lossy: Cow<'_, str> = if name.starts_with(URL) {
        Cow::Owned(to_path(name).to_string_lossy().into_owned())
    } else {
        Cow::Borrowed(name)
    };
    crate::parse::visible_str(&lossy).into_owned()
}

fn encode(path: &Path) -> String {
    let mut out = String::from(URL);
    for &b in bytes(path).iter() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `%HH` → the byte; anything else as it is (a stray `%` included).
fn decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        if b[i] == b'%'
            && let (Some(Some(hi)), Some(Some(lo))) = (b.get(i + 1).map(|&c| hex(c)), b.get(i + 2).map(|&c| hex(c)))
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

#[cfg(unix)]
fn bytes(path: &Path) -> Cow<'_, [u8]> {
    Cow::Borrowed(std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()))
}

#[cfg(not(unix))]
fn bytes(path: &Path) -> Cow<'_, [u8]> {
    Cow::Owned(path.to_string_lossy().into_owned().into_bytes())
}

#[cfg(unix)]
fn from_bytes(b: Vec<u8>) -> PathBuf {
    PathBuf::from(<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(b))
}

#[cfg(not(unix))]
fn from_bytes(b: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&b).into_owned())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::os::unix::ffi::OsStrExt;

    fn path(b: &[u8]) -> PathBuf {
        PathBuf::from(std::ffi::OsStr::from_bytes(b))
    }

    #[test]
    fn utf8_paths_are_their_own_names() {
        for p in ["/papers/东昌府报-20221119.txt", "rel/a b.txt", "", "/x/100%.txt", "/a/file://b"] {
            assert_eq!(of_path(Path::new(p)), p);
            assert_eq!(to_path(p), Path::new(p));
        }
    }

    #[test]
    fn other_paths_are_file_urls_of_their_bytes() {
        // 清河日报 in GBK.
        let gbk = path(b"/p/\xc7\xe5\xba\xd3\xc8\xd5\xb1\xa8-20240103.txt");
        let name = of_path(&gbk);
        assert_eq!(name, "file:///p/%C7%E5%BA%D3%C8%D5%B1%A8-20240103.txt");
        assert_eq!(to_path(&name), gbk);
        // (Some GBK bytes happen to be UTF-8: `\xd5\xb1` is ձ.)
        assert_eq!(shown(&name), "/p/\u{fffd}\u{fffd}\u{fffd}\u{fffd}ձ\u{fffd}-20240103.txt");
        let odd = path(b"/p/bad\xff-\x1b[2J 100%.txt");
        assert_eq!(to_path(&of_path(&odd)), odd);
        assert_eq!(shown(&of_path(&odd)), "/p/bad\u{fffd}-␛[2J 100%.txt");
    }

    #[test]
    fn a_utf8_path_that_looks_like_a_url_keeps_its_own_name() {
        let p = Path::new("file://x/%41");
        assert_eq!(of_path(p), "file://file%3A//x/%2541");
        assert_eq!(to_path(&of_path(p)), p);
    }

    #[test]
    fn stray_percent_signs_decode_as_themselves() {
        assert_eq!(to_path("file:///a%zz%4"), Path::new("/a%zz%4"));
    }

    proptest! {
        #[test]
        fn every_path_round_trips(b in proptest::collection::vec(any::<u8>().prop_filter("no NUL", |b| *b != 0), 0..40)) {
            let p = path(&b);
            prop_assert_eq!(to_path(&of_path(&p)), p);
        }
    }
}
