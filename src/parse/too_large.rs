//! The one error the readers that read a format whole share.

/// A text larger than a reader that reads its format whole takes (JSON,
/// HTML): the format, the text's size and the most it reads, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// The format's name as people know it (`JSON`).
    pub format: &'static str,
    /// The text's size.
    pub len: usize,
    /// The most the reader takes.
    pub most: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (format, mb, most) = (self.format, self.len >> 20, self.most >> 20);
        write!(f, "{format} of {mb} MB is larger than dubao reads ({most} MB)")
    }
}
