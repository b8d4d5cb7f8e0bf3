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

/// Strings met so far (titles: a paper's every issue has one), each held
/// once however often it comes.
#[derive(Default)]
pub struct Shared(fnv::FnvHashSet<std::sync::Arc<str>>);

impl Shared {
    /// This string, shared.
    pub fn get(&mut self, s: &str) -> std::sync::Arc<str> {
        if let Some(t) = self.0.get(s) {
            return t.clone();
        }
        let t: std::sync::Arc<str> = s.into();
        self.0.insert(t.clone());
        t
    }
}

/// A file's path, held as its name where the two are one (a UTF-8 path
/// not starting with `file://`: every one, nearly), so that the index and
/// the reader's list share one copy of it: at 100,000 issues a copy of
/// every path is 11 MB.
#[derive(Debug, Clone)]
pub enum FilePath {
    /// The path is its name.
    Named(std::sync::Arc<str>),
    /// Any other path.
    Raw(PathBuf),
}

impl FilePath {
    /// This path, as a name where it can be.
    pub fn new(path: PathBuf) -> FilePath {
        match path.into_os_string().into_string() {
            Ok(s) if !s.starts_with(URL) => FilePath::Named(s.into()),
            Ok(s) => FilePath::Raw(s.into()),
            Err(raw) => FilePath::Raw(raw.into()),
        }
    }

    /// The path.
    pub fn as_path(&self) -> &Path {
        match self {
            FilePath::Named(s) => Path::new(&**s),
            FilePath::Raw(p) => p,
        }
    }

    /// Its name, shared where the path is one ([`of_path`]).
    pub fn name(&self) -> std::sync::Arc<str> {
        match self {
            FilePath::Named(s) => s.clone(),
            FilePath::Raw(p) => of_path(p).into(),
        }
    }
}

impl std::ops::Deref for FilePath {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.as_path()
    }
}

impl AsRef<Path> for FilePath {
    fn as_ref(&self) -> &Path {
        self.as_path()
    }
}

impl PartialEq for FilePath {
    fn eq(&self, other: &FilePath) -> bool {
        self.as_path() == other.as_path()
    }
}

impl Eq for FilePath {}

/// A path's bytes: what paths are sorted and looked up by where many are
/// (comparing `Path`s goes component by component, several times slower).
pub fn key(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}

/// The name of a file: the path itself when it is UTF-8, else a `file://` URL of its bytes.
pub fn of_path(path: &Path) -> String {
    match path.to_str() {
        Some(s) if !s.starts_with(URL) => s.to_string(),
        _ => encode(path),
    }
}

/// The file a name stands for (the inverse of [`of_path`]).
pub fn to_path(name: &str) -> PathBuf {
    as_path(name).into_owned()
}

/// [`to_path`], borrowed when the name is the path itself (every UTF-8 one).
pub fn as_path(name: &str) -> Cow<'_, Path> {
    match name.strip_prefix(URL) {
        Some(rest) => Cow::Owned(from_bytes(decode(rest))),
        None => Cow::Borrowed(Path::new(name)),
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

    #[test]
    fn a_file_path_is_held_as_its_name_where_it_is_one_and_is_that_path_either_way() {
        let gbk = path(b"/p/\xc7\xe5-20240103.txt");
        for (p, named) in [(path("/p/晚报-20240103.txt".as_bytes()), true), (gbk, false), (path(b"file://x"), false)]
        {
            let held = FilePath::new(p.clone());
            assert_eq!(matches!(held, FilePath::Named(_)), named, "{p:?}");
            assert_eq!((held.as_path(), &*held.name()), (p.as_path(), of_path(&p).as_str()));
            assert_eq!(held, FilePath::Raw(p), "equal whichever way it is held");
        }
        let held = FilePath::new(PathBuf::from("/p/a.txt"));
        assert!(std::sync::Arc::ptr_eq(&held.name(), &held.name()), "the name is the path's own copy");
    }

    #[test]
    fn a_string_met_again_is_the_one_held() {
        let mut shared = Shared::default();
        let (a, b, c) = (shared.get("晚报"), shared.get(&String::from("晚报")), shared.get("日报"));
        assert!(std::sync::Arc::ptr_eq(&a, &b) && !std::sync::Arc::ptr_eq(&a, &c));
        assert_eq!((&*a, &*c), ("晚报", "日报"));
    }

    proptest! {
        #[test]
        fn every_path_round_trips(b in proptest::collection::vec(any::<u8>().prop_filter("no NUL", |b| *b != 0), 0..40)) {
            let p = path(&b);
            prop_assert_eq!(to_path(&of_path(&p)), p);
        }
    }
}
