//! Helpers shared by the integration tests; not every test uses every helper.
#![allow(dead_code)]

pub mod archive;
pub mod data;
#[cfg(unix)]
pub mod fault;
pub mod fuzzcheck;
pub mod pty;

/// The name libtest knows a test of this binary by (`store::child_writer`),
/// to run it alone in a child process with `--exact`: `module` is the
/// test's `module_path!()`.
pub fn test_name(module: &str, test: &str) -> String {
    match module.split_once("::") {
        Some((_, path)) => format!("{path}::{test}"),
        None => test.to_string(),
    }
}

/// The `dubao` binary as a command, its messages in English whatever the
/// locale of the tests (`LANG=C.UTF-8`, no `LC_ALL` or `LC_MESSAGES`):
/// what tests read on its stderr is the English of it.
pub fn dubao_command() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_dubao"));
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    cmd
}

/// What the store said, in English.
pub fn said(notices: Vec<dubao::store::Notice>) -> Vec<String> {
    notices.iter().map(ToString::to_string).collect()
}

/// Says past cargo's capture that a test did not check what it is for, and why.
pub fn skipped(case: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "\n*** SKIPPED: {case}\n*** because {why}\n");
}

/// Runs `cmd`, reads the first bytes it prints and closes the pipe, as
/// `dubao … | head` does: it must exit 0 and say nothing on stderr.
pub fn closes_the_pipe_quietly(mut cmd: std::process::Command) {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?} {err}");
    assert!(err.is_empty(), "{err}");
}
