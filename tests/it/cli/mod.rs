//! The `dubao` binary's commands, run as scripts run them.

mod commands;
mod export;
#[cfg(unix)]
mod hostile;
mod install;
mod search;
