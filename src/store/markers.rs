//! A state file git left with conflict markers, split back into the two
//! versions it merged.
//!
//! When two machines changed a state file kept in a git repository, `git
//! merge` (or `pull`, `rebase`, `stash pop`) writes both versions of each
//! changed stretch between markers:
//!
//! ```text
//! <<<<<<< HEAD
//! ours
//! ||||||| base        (only with merge.conflictStyle = diff3 or zdiff3)
//! what both started from
//! =======
//! theirs
//! >>>>>>> origin/main
//! ```
//!
//! No line of a state file can start like that (TOML has no such syntax),
//! so the markers are never mistaken. Each side, with the lines outside
//! the conflicts, is a whole state file; the store merges the two by its
//! usual rule. The base is dropped: both sides started from it, so each
//! entry of it is there again, or newer, or removed on one side.

/// Where a line is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    Both,
    Ours,
    Base,
    Theirs,
}

/// What kind of marker a line is.
fn marker(line: &str) -> Option<At> {
    let is = |c: char| {
        line.len() >= 7
            && line.bytes().take(7).all(|b| b == c as u8)
            && line[7..].chars().next().is_none_or(|c| c == ' ' || c == '\r')
    };
    if is('<') {
        Some(At::Ours)
    } else if is('|') {
        Some(At::Base)
    } else if is('=') {
        Some(At::Theirs)
    } else if is('>') {
        Some(At::Both)
    } else {
        None
    }
}

/// The two versions of a text with git conflict markers, ours first; `None`
/// when it has none, or they don't pair up (then it is only damaged).
pub(crate) fn sides(text: &str) -> Option<[String; 2]> {
    let mut at = At::Both;
    let mut conflicts = 0;
    let [mut ours, mut theirs] = [String::new(), String::new()];
    for line in text.split_inclusive('\n') {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        match (at, marker(bare)) {
            (At::Both, Some(At::Ours)) => at = At::Ours,
            (At::Ours, Some(At::Base)) => at = At::Base,
            (At::Ours | At::Base, Some(At::Theirs)) => at = At::Theirs,
            (At::Theirs, Some(At::Both)) => {
                at = At::Both;
                conflicts += 1;
            }
            (_, Some(_)) => return None,
            (At::Both, None) => {
                ours.push_str(line);
                theirs.push_str(line);
            }
            (At::Ours, None) => ours.push_str(line),
            (At::Theirs, None) => theirs.push_str(line),
            (At::Base, None) => {}
        }
    }
    (at == At::Both && conflicts > 0).then_some([ours, theirs])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_markers_no_sides() {
        assert_eq!(sides("version = 1\n[read]\na = 1\n"), None);
        assert_eq!(sides(""), None);
        assert_eq!(sides("note = \"<<<<<<< in a string\"\n"), None);
    }

    #[test]
    fn each_side_keeps_the_lines_around_the_conflicts() {
        let text = "version = 1\n[read]\n<<<<<<< HEAD\na = 1\n=======\nb = 2\n>>>>>>> laptop\nc = 3\n<<<<<<< HEAD\n=======\nd = 4\n>>>>>>> laptop\n";
        let [ours, theirs] = sides(text).unwrap();
        assert_eq!(ours, "version = 1\n[read]\na = 1\nc = 3\n");
        assert_eq!(theirs, "version = 1\n[read]\nb = 2\nc = 3\nd = 4\n");
    }

    #[test]
    fn the_base_of_diff3_is_dropped_and_crlf_is_fine() {
        let text = "x = 0\r\n<<<<<<< ours\r\na = 1\r\n||||||| base\r\na = 0\r\n=======\r\na = 2\r\n>>>>>>> theirs\r\n";
        let [ours, theirs] = sides(text).unwrap();
        assert_eq!(ours, "x = 0\r\na = 1\r\n");
        assert_eq!(theirs, "x = 0\r\na = 2\r\n");
    }

    #[test]
    fn markers_that_dont_pair_up_are_not_sides() {
        assert_eq!(sides("<<<<<<< HEAD\na = 1\n=======\nb = 2\n"), None, "never closed");
        assert_eq!(sides("=======\n"), None, "no start");
        assert_eq!(sides("<<<<<<< a\n<<<<<<< b\n=======\n>>>>>>> c\n"), None, "nested");
        assert_eq!(sides("<<<<<<<< eight\n"), None, "not a marker: no side");
    }
}
