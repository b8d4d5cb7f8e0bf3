//! The parser: bytes → issue.

pub mod corpus;
mod encodings;
pub mod epub;
mod formats;
mod props;
mod regressions;
mod roundtrip;
mod rules;
mod seed;
mod styles;
