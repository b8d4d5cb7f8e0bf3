//! The sample issues shipped in `issues/`, embedded so that `dubao` with no
//! arguments has something to open.

/// File name and bytes of each bundled issue, in the one order of issue
/// lists (`model::newest_first`: newest first, then by title).
pub const ISSUES: [(&str, &[u8]); 4] = [
    ("qinghe-weekend-2024-03-10.dubao", include_bytes!("../../issues/qinghe-weekend-2024-03-10.dubao")),
    ("清河日报-20240309.txt", include_bytes!("../../issues/清河日报-20240309.txt")),
    ("Riverton Courier 2024-03-08.txt", include_bytes!("../../issues/Riverton Courier 2024-03-08.txt")),
    ("清河日报-20240308.txt", include_bytes!("../../issues/清河日报-20240308.txt")),
];
