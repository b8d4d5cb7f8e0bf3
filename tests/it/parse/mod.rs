//! The parser: bytes → issue.

mod corpus;
mod encodings;
pub mod epub;
mod formats;
mod props;
mod regressions;
mod roundtrip;
mod rules;
mod seed;
mod styles;
