//! The layout: articles set into terminal lines.

mod golden;
mod props;
mod regressions;
mod script;
