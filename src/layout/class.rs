//! Line-breaking classes and the pair rule: a small tailoring of UAX #14 to
//! the W3C clreq basic level (Chinese text layout requirements).

/// What a grapheme cluster does at a potential line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    /// Breakable space: a break may follow it; dropped at line edges.
    Sp,
    /// Opening bracket or quote, currency prefix: never ends a line.
    Op,
    /// Closing bracket or quote: never starts a line.
    Cl,
    /// Pause and stop marks, `%`, `·`: never start a line.
    Ns,
    /// Ideographs, kana, emoji and other wide letters: break on either side.
    Id,
    /// Letters and other word characters: glued to their neighbours.
    Al,
    /// Digits: glued like letters, and hold on to a hyphen before them.
    Nu,
    /// Hyphen-minus: a break may follow it inside a word of letters.
    Hy,
    /// Break after only (en dash, zero-width space, soft hyphen).
    Ba,
    /// Em dash: `——` is never split.
    B2,
    /// Ellipsis: `……` is never split nor separated from what it follows.
    In,
    /// No-break space and joiners: no break either side.
    Gl,
    /// ASCII quotes, whose direction is unknown: no break either side.
    Qu,
}

impl Class {
    /// Marks that must not begin a line.
    #[inline]
    pub(crate) fn no_start(self) -> bool {
        matches!(self, Class::Cl | Class::Ns)
    }
}

/// The class of a character; `wide` is its East Asian width (W or F).
#[inline]
pub(crate) fn classify(c: char, wide: bool) -> Class {
    use Class::*;
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    match c {
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => Id,
        '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2011}' | '\u{2060}' | '\u{feff}' | '\u{200d}' => Gl,
        '\u{3000}' | '\u{2000}'..='\u{200a}' | '\u{205f}' | '\u{1680}' => Sp,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Sp,
        '\u{ad}' | '\u{200b}' | '\u{2010}' | '\u{2013}' | '\u{2012}' => Ba,
        '\u{2014}' | '\u{2015}' | '\u{2e3a}' | '\u{2e3b}' => B2,
        '\u{2026}' | '\u{2025}' | '\u{22ef}' | '\u{fe19}' => In,
        '（' | '［' | '｛' | '「' | '『' | '《' | '〈' | '【' | '〔' | '〖' | '〘' | '〚' | '“' | '‘' | '﹁' | '﹃'
        | '﹙' | '﹛' | '﹝' | '｢' | '«' | '‹' | '〝' | '¥' | '£' | '€' | '￥' | '￡' | '₩' | '￦' | '¿' | '¡' => {
            Op
        }
        '）' | '］' | '｝' | '」' | '』' | '》' | '〉' | '】' | '〕' | '〗' | '〙' | '〛' | '”' | '’' | '﹂' | '﹄'
        | '﹚' | '﹜' | '﹞' | '｣' | '»' | '›' | '〞' | '〟' => Cl,
        '、' | '，' | '。' | '．' | '；' | '：' | '！' | '？' | '﹐' | '﹑' | '﹒' | '﹔' | '﹕' | '﹖' | '﹗'
        | '､' | '｡' | '·' | '・' | '‧' | '％' | '‰' | '‱' | '℃' | '℉' | '°' | '′' | '″' | '‼' | '⁇' | '⁈' | '⁉'
        | '々' | '〻' | 'ー' | '゛' | '゜' | 'ゝ' | 'ゞ' | 'ヽ' | 'ヾ' | '〳' | '〴' | '〵' | '¢' | '￠' => {
            Ns
        }
        'ぁ' | 'ぃ' | 'ぅ' | 'ぇ' | 'ぉ' | 'っ' | 'ゃ' | 'ゅ' | 'ょ' | 'ゎ' | 'ゕ' | 'ゖ' | 'ァ' | 'ィ' | 'ゥ'
        | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ' | 'ヵ' | 'ヶ' => Ns,
        '０'..='９' => Nu,
        _ if wide => Id,
        _ if c.is_control() => Sp,
        _ => Al,
    }
}

const ASCII: [Class; 128] = {
    use Class::*;
    let mut t = [Al; 128];
    let mut i = 0;
    while i < 0x20 {
        t[i] = Sp;
        i += 1;
    }
    t[0x7f] = Sp;
    t[b' ' as usize] = Sp;
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = Nu;
        d += 1;
    }
    t[b'(' as usize] = Op;
    t[b'[' as usize] = Op;
    t[b'{' as usize] = Op;
    t[b'$' as usize] = Op;
    t[b')' as usize] = Cl;
    t[b']' as usize] = Cl;
    t[b'}' as usize] = Cl;
    t[b',' as usize] = Ns;
    t[b'.' as usize] = Ns;
    t[b';' as usize] = Ns;
    t[b':' as usize] = Ns;
    t[b'!' as usize] = Ns;
    t[b'?' as usize] = Ns;
    t[b'%' as usize] = Ns;
    t[b'-' as usize] = Hy;
    t[b'"' as usize] = Qu;
    t[b'\'' as usize] = Qu;
    t
};

/// One side of a potential break: the cluster's class and East Asian width.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Side {
    pub cls: Class,
    pub wide: bool,
}

/// Whether a line may break before `b`. `a` is the last non-space cluster
/// before it, `spaced` says spaces lie between them, and `before_a` is the
/// cluster just before `a` (for hyphens inside words).
#[inline]
pub(crate) fn may_break(before_a: Class, a: Side, spaced: bool, b: Side) -> bool {
    use Class::*;
    if b.cls.no_start() {
        // Pushing a mark down with its word beats starting a line with it.
        return false;
    }
    if spaced {
        return a.cls != Op;
    }
    match (a.cls, b.cls) {
        (Op, _) | (_, Ba | Hy | In | Gl | Qu) | (Gl | Qu, _) | (B2, B2) => false,
        (Ba | B2 | In, _) | (_, B2) => true,
        // A wide mark may be followed by a break; a narrow one sits inside
        // words and numbers (`9:30`, `3.14`, `f(x)y`, `”s`).
        (Cl | Ns, Al | Nu) => a.wide,
        (Cl | Ns, _) => true,
        (Hy, Al) => before_a == Al,
        (Hy, Id) => true,
        (Hy, _) => false,
        // UAX #14 LB30 and LB19a: `abc（` may break, `f(x)` and `abc“` may not.
        (Al | Nu, Op) => b.wide,
        (_, Op) => true,
        (Id, _) | (_, Id) => true,
        _ => false,
    }
}

/// [`may_break`] before an ideograph, for the segmenter's fast path.
#[inline]
pub(crate) fn breaks_before_ideograph(a: Class, spaced: bool) -> bool {
    use Class::*;
    if spaced { a != Op } else { !matches!(a, Op | Gl | Qu) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(c: char) -> Side {
        let wide = crate::layout::width::is_wide(c);
        Side { cls: classify(c, wide), wide }
    }

    fn brk(s: &str) -> bool {
        let v: Vec<char> = s.chars().collect();
        let before = if v.len() > 2 { classify(v[v.len() - 3], false) } else { Class::Sp };
        let (a, b) = (v[v.len() - 2], v[v.len() - 1]);
        may_break(before, side(a), false, side(b))
    }

    #[test]
    fn ideograph_fast_path_agrees() {
        use Class::*;
        let id = Side { cls: Id, wide: true };
        for a in [Sp, Op, Cl, Ns, Id, Al, Nu, Hy, Ba, B2, In, Gl, Qu] {
            for wide in [false, true] {
                for spaced in [false, true] {
                    for before in [Sp, Al, Id] {
                        let side = Side { cls: a, wide };
                        assert_eq!(
                            may_break(before, side, spaced, id),
                            breaks_before_ideograph(a, spaced),
                            "{a:?} {spaced}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ideographs_break_anywhere() {
        assert!(brk("中文"));
        assert!(brk("3斤"));
        assert!(brk("斤3"));
        assert!(brk("a中"));
    }

    #[test]
    fn closing_and_pause_never_start() {
        for s in ["中，", "中。", "中、", "中,", "中)", "中”", "中」", "中》", "中%", "中·", "中!"] {
            assert!(!brk(s), "{s}");
        }
        assert!(!may_break(Class::Al, side('a'), true, side(',')));
    }

    #[test]
    fn opening_never_ends() {
        for s in ["“中", "《中", "(中", "「中", "【中", "（中"] {
            assert!(!brk(s), "{s}");
        }
        assert!(!may_break(Class::Al, side('('), true, side('a')));
    }

    #[test]
    fn words_and_numbers_hold() {
        for s in ["ab", "12", "9:3", "3.1", "a-1", "D-1", "a'b", "f(x"] {
            assert!(!brk(s), "{s}");
        }
        assert!(brk("ll-k"), "in-word hyphen before letters");
    }

    #[test]
    fn quotes_break_on_their_cjk_side() {
        assert!(brk("说“"));
        assert!(brk("”这"));
        assert!(brk("”“"));
        assert!(!brk("a“"));
        assert!(!brk("”a"));
    }

    #[test]
    fn ellipsis_and_dash_hold_together() {
        assert!(!brk("……"));
        assert!(!brk("——"));
        assert!(!brk("爱…"), "no break before an ellipsis");
        assert!(brk("…这"));
        assert!(brk("心—"));
        assert!(brk("—两"));
    }
}
