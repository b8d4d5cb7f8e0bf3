//! Counts in plain words: `1 article`, `2 articles`.

/// `n` and the noun, plural when `n` is not 1 (`issue` → `issues`,
/// `match` → `matches`).
pub fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ if noun.ends_with("ch") || noun.ends_with('s') => format!("{n} {noun}es"),
        _ => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular() {
        assert_eq!(count(1, "article"), "1 article");
        assert_eq!(count(0, "article"), "0 articles");
        assert_eq!(count(55, "match"), "55 matches");
        assert_eq!(count(1, "match"), "1 match");
        assert_eq!(count(2, "issue"), "2 issues");
    }
}
