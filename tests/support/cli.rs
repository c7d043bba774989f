//! The `downtime` binary run as a user would: arguments, optional standard input, a
//! folder, `LANG=C`; what comes back is the exit code, standard output's bytes and
//! standard error's text.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `downtime ARGS` in `dir` (the current folder when `None`) with `stdin` piped in
/// (or none): (exit code, stdout, stderr).
pub fn downtime_in(
    dir: Option<&Path>,
    args: &[&str],
    stdin: Option<&[u8]>,
) -> (i32, Vec<u8>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_downtime"));
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command
        .args(args)
        .env("LANG", "C")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start downtime");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// [`downtime_in`] the current folder (the package's root under `cargo test`).
pub fn downtime(args: &[&str], stdin: Option<&[u8]>) -> (i32, Vec<u8>, String) {
    downtime_in(None, args, stdin)
}
