//! The `dubao` binary's commands, run as scripts run them.

mod commands;
#[cfg(unix)]
mod hostile;
mod install;
mod search;
