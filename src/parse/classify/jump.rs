//! Jump lines: print furniture that sends the reader to another page.

/// Print furniture pointing to another page, which means nothing in a
/// reader where the story simply goes on: `(下转第2版)`, `(上接第1版)`,
/// `(Continued on Page 3)`, `Continued from A1`.
pub fn is_jump_line(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 160 || !t.starts_with(['(', '（', '[', 'C', 'c', 'S']) {
        return false;
    }
    let inner = t.strip_prefix(['(', '（', '[']).and_then(|l| l.strip_suffix([')', '）', ']'])).unwrap_or(t).trim();
    inner.chars().count() <= 40 && is_jump(inner) && (inner.len() < t.len() || !inner.starts_with("See "))
}

pub(super) fn is_jump(inner: &str) -> bool {
    let zh = ["上接", "下转", "转第", "接第", "续第", "转A", "转B", "接A", "接B"].iter().any(|j| inner.starts_with(j))
        && (inner.contains('版') || inner.contains("页"));
    let starts = |p: &str| inner.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let en = ["continued on", "continued from", "see ", "cont. on", "cont. from", "from page", "from a"]
        .iter()
        .any(|j| starts(j))
        && (inner.to_ascii_lowercase().contains("page") || inner.chars().any(|c| c.is_ascii_digit()));
    zh || en
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jump_lines() {
        for yes in
            ["(下转第2版)", "（上接第1版）", "(Continued on Page 3)", "Continued from A1", "(See BUDGET, Page 4)"]
        {
            assert!(is_jump_line(yes), "{yes}");
        }
        for no in
            ["(融媒体中心 徐振鑫)", "See you next year, the mayor said.", "下转弯处发生事故", "(Continued applause)"]
        {
            assert!(!is_jump_line(no), "{no}");
        }
    }
}
