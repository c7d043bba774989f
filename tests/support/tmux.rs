//! A private tmux server for tests that drive the real binary in a terminal: start a
//! command in a pane, type keys, poll the screen, record the raw bytes the program
//! writes, and signal the program by the pid it wrote itself (never by name).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something.
pub const WAIT: Duration = Duration::from_secs(30);

/// A tmux server on its own socket, killed on drop.
pub struct Tmux {
    socket: String,
}

/// The test binary.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_downtime")
}

impl Tmux {
    /// A new server, or `None` (with a message) when tmux is not installed.
    pub fn new(name: &str) -> Option<Tmux> {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("SKIPPED: tmux is not installed; this terminal test needs it");
            return None;
        }
        Some(Tmux {
            socket: format!("downtime-test-{}-{name}", std::process::id()),
        })
    }

    /// Runs a tmux command, panicking when it fails.
    pub fn run(&self, args: &[&str]) -> Output {
        let out = self.try_run(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Runs a tmux command.
    pub fn try_run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts a 100×30 session running `sh -c SCRIPT` in `dir` (no colour).
    pub fn start(&self, session: &str, dir: &Path, script: &str) {
        self.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            dir.to_str().unwrap(),
            "-e",
            "NO_COLOR=1",
            "-e",
            "TERM=xterm-256color",
            "sh",
            "-c",
            script,
        ]);
    }

    /// Types keys (tmux key names).
    pub fn keys(&self, session: &str, keys: &str) {
        self.run(&["send-keys", "-t", session, keys]);
    }

    /// Types text literally.
    pub fn text(&self, session: &str, text: &str) {
        self.run(&["send-keys", "-t", session, "-l", text]);
    }

    /// The visible screen.
    pub fn screen(&self, session: &str) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A format variable of the pane, e.g. `#{pane_title}`.
    pub fn display(&self, session: &str, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", session, format]);
        String::from_utf8_lossy(&out.stdout).trim_end().to_string()
    }

    /// Sends everything the pane's program writes to `file`, raw.
    pub fn record(&self, session: &str, file: &Path) {
        self.run(&[
            "pipe-pane",
            "-o",
            "-t",
            session,
            &format!("cat >> '{}'", file.display()),
        ]);
    }

    /// Polls the screen until it holds `text`.
    pub fn wait_for(&self, session: &str, text: &str) -> String {
        self.wait_until(session, &format!("`{text}`"), |s| s.contains(text))
    }

    /// Polls the screen until it differs from `before`.
    pub fn wait_change(&self, session: &str, before: &str) -> String {
        self.wait_until(session, "a change of the screen", |s| s != before)
    }

    /// Polls the screen until two readings in a row are the same (no redraw in progress).
    pub fn wait_stable(&self, session: &str) -> String {
        let start = Instant::now();
        let mut last = self.screen(session);
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let s = self.screen(session);
            if s == last {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("the screen kept changing for {WAIT:?}:\n{s}");
            }
            last = s;
        }
    }

    /// Polls the screen until `ok` holds.
    pub fn wait_until(&self, session: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(session);
            // Only a screen read twice alike counts: a capture taken while a frame is being
            // drawn can hold half of it (what the caller checks next may be in the other half).
            if ok(&s) {
                std::thread::sleep(Duration::from_millis(50));
                if self.screen(session) == s {
                    return s;
                }
            }
            if start.elapsed() > WAIT {
                panic!("{what} did not appear within {WAIT:?}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// A shell script that writes its pid to `pidfile`, then becomes `command` (so the pid is
/// the program's own), then reports the exit status and the terminal's line mode.
pub fn script_with_pid(pidfile: &Path, command: &str) -> String {
    format!(
        "sh -c 'echo $$ > {pid}; exec {command}'; echo EXITED $?; stty -a | grep -o -- '-\\?icanon'; sleep 600",
        pid = pidfile.display()
    )
}

/// Waits for the pid file and reads it.
pub fn read_pid(pidfile: &Path) -> u32 {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(pidfile)
            && let Ok(p) = s.trim().parse()
        {
            return p;
        }
        assert!(start.elapsed() < WAIT, "no pid in {}", pidfile.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends a signal to one process (by its pid).
pub fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs")
        .success();
    assert!(ok, "kill -{sig} {pid} failed");
}

/// Whether a process is still alive (and not a zombie).
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            let state = s.rsplit(") ").next().and_then(|r| r.chars().next());
            !matches!(state, Some('Z') | Some('X') | None)
        })
        .unwrap_or(false)
}

/// Waits until a process has ended.
pub fn wait_gone(pid: u32) {
    let start = Instant::now();
    while alive(pid) {
        assert!(start.elapsed() < WAIT, "process {pid} is still running");
        std::thread::sleep(Duration::from_millis(20));
    }
}
