//! The SSH seats, with the real OpenSSH client: `ssh -p PORT crisis@127.0.0.1` under tmux,
//! the join code as the password, against the real `downtime host` binary playing the
//! flagship. The crisis cell's member sees its view, votes with a number key, and the
//! journal holds the vote; a reconnection shows the current state at once; the window
//! resizes. Then what must be refused is: a wrong code, a command, a subsystem, port
//! forwarding both ways, and codes past the rate limit; the host keeps serving.

#[path = "support/http.rs"]
mod http;
#[path = "support/tmux.rs"]
mod tmux;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

use tmux::Tmux;

const WAIT: Duration = Duration::from_secs(60);

fn have(cmd: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd} >/dev/null 2>&1"))
        .status()
        .is_ok_and(|s| s.success())
}

/// A running `downtime host` with SSH seats; killed on drop.
struct Host {
    child: Child,
    stdin: Option<ChildStdin>,
    dir: tempfile::TempDir,
    journal: PathBuf,
    seats: serde_json::Value,
    ssh_port: u16,
    web: std::net::SocketAddr,
}

impl Drop for Host {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Host {
    fn start() -> Host {
        let dir = tempfile::tempdir().expect("tempdir");
        let journal = dir.path().join("host.jsonl");
        let seats_file = dir.path().join("seats.json");
        let scenario = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/saturday-night-blackout.ron"
        );
        let out = std::fs::File::create(dir.path().join("out.txt")).expect("out");
        let err = std::fs::File::create(dir.path().join("err.txt")).expect("err");
        let mut child = Command::new(tmux::bin())
            .args([
                "host",
                scenario,
                "--seats",
                "127.0.0.1:0",
                "--ssh",
                "127.0.0.1:0",
                "--seed",
                "3",
                "--journal",
            ])
            .arg(&journal)
            .arg("--seats-file")
            .arg(&seats_file)
            // The host key goes to the data folder: a fresh one per test.
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .stdin(Stdio::piped())
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("downtime host starts");
        let stdin = child.stdin.take();
        let seats: serde_json::Value = http::eventually(WAIT, || {
            let text = std::fs::read_to_string(&seats_file).ok()?;
            serde_json::from_str(&text).ok()
        });
        let crisis = seat(&seats, "crisis");
        let cmd = crisis["ssh"].as_str().expect("the seat's ssh command");
        assert!(cmd.ends_with("crisis@127.0.0.1"), "{cmd}");
        let ssh_port: u16 = cmd
            .split_whitespace()
            .nth(2)
            .and_then(|p| p.parse().ok())
            .expect("ssh -p PORT");
        let web = crisis["url"]
            .as_str()
            .and_then(|u| u.trim_start_matches("http://").split('/').next())
            .and_then(|a| a.parse().ok())
            .expect("web address");
        Host {
            child,
            stdin,
            dir,
            journal,
            seats,
            ssh_port,
            web,
        }
    }

    fn say(&mut self, line: &str) {
        let s = self.stdin.as_mut().expect("stdin");
        writeln!(s, "{line}").expect("the host reads its input");
        s.flush().expect("flush");
    }

    fn code(&self, team: &str) -> String {
        seat(&self.seats, team)["code"]
            .as_str()
            .expect("code")
            .to_string()
    }

    fn journal(&self) -> String {
        std::fs::read_to_string(&self.journal).unwrap_or_default()
    }

    fn err(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("err.txt")).unwrap_or_default()
    }

    /// A shell command line running `ssh` as `user` with `password` and options `args`;
    /// what follows `-- ` in `args` is the remote command.
    fn ssh(&self, user: &str, password: &str, args: &str) -> String {
        let (args, command) = match args.split_once("-- ") {
            Some((a, c)) => (a, c),
            None => (args, ""),
        };
        let opts = format!(
            "-p {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no -o PreferredAuthentications=password -o ConnectTimeout=20",
            self.ssh_port
        );
        if have("sshpass") {
            format!("sshpass -p '{password}' ssh {opts} {args} {user}@127.0.0.1 {command}")
        } else {
            let askpass = self.dir.path().join(format!("askpass-{password}"));
            std::fs::write(&askpass, format!("#!/bin/sh\necho '{password}'\n")).expect("askpass");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700))
                    .expect("chmod");
            }
            format!(
                "env SSH_ASKPASS='{}' SSH_ASKPASS_REQUIRE=force DISPLAY=:0 ssh {opts} {args} {user}@127.0.0.1 {command}",
                askpass.display()
            )
        }
    }

    /// Runs `ssh` outside a terminal: (exit code, stdout, stderr).
    fn run_ssh(&self, user: &str, password: &str, args: &str) -> (Option<i32>, String, String) {
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!("timeout 60 {}", self.ssh(user, password, args)))
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs");
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    }
}

fn seat<'a>(seats: &'a serde_json::Value, team: &str) -> &'a serde_json::Value {
    seats["seats"]
        .as_array()
        .expect("seats")
        .iter()
        .find(|s| s["team"] == team || (team == "presenter" && s["audience"] == "presenter"))
        .expect("the seat")
}

/// Logging in as `user` with `password` is refused (a command would have been refused
/// after a login, with another message).
fn refused(host: &Host, user: &str, password: &str) {
    let (rc, out, err) = host.run_ssh(user, password, "-o NumberOfPasswordPrompts=1 -- id");
    assert_ne!(rc, Some(0), "{out}\n{err}");
    assert!(!err.contains("exec request failed"), "logged in: {err}");
    assert!(
        err.contains("Permission denied") || rc == Some(5),
        "{rc:?} {err}"
    );
}

fn ready(name: &str) -> Option<Tmux> {
    if !have("ssh") {
        eprintln!("SKIPPED: the OpenSSH client (ssh) is not installed; .ci/run installs it");
        return None;
    }
    Tmux::new(name)
}

fn mode(p: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
    }
    #[cfg(not(unix))]
    {
        let _ = p;
        0o600
    }
}

#[test]
fn a_real_ssh_client_sees_the_crisis_cells_view_and_votes() {
    let Some(tmux) = ready("ssh-vote") else {
        return;
    };
    let mut host = Host::start();
    let key = host.dir.path().join("data/downtime/ssh_host_ed25519_key");
    assert!(key.exists(), "the host key is kept in the data folder");
    assert_eq!(mode(&key), 0o600, "the host key is for its owner only");
    // The seats file is written before the host's lines reach stderr.
    http::eventually(WAIT, || {
        host.err().contains("ssh: listening on").then_some(())
    });

    let code = host.code("crisis");
    // The user name picks the seat, and may carry the member's name.
    let cmd = host.ssh("crisis:Nadia", &code, "");
    tmux.start("crisis", host.dir.path(), &format!("{cmd}; sleep 600"));
    tmux.wait_for("crisis", "Downtime · Crisis cell · Nadia");
    tmux.wait_for("crisis", "No decision is waiting for your team.");

    // The facilitator starts, takes IT's first decision, and goes on to the crisis cell's.
    host.say("start");
    host.say("3");
    host.say("next");
    let screen = tmux.wait_for("crisis", "Do you open the crisis cell");
    assert!(
        screen.contains("1. Open the crisis cell now and declare the plan blanc"),
        "{screen}"
    );
    // Its inbox: the screens going black (IT's and the crisis cell's) and this call, newest
    // first (the call's reflex card fills the panel).
    assert!(screen.contains("Inbox (2)"), "its inbox:\n{screen}");
    // Never what is the facilitator's, nor another team's decision.
    assert!(
        !screen.contains("How do you contain the attack"),
        "{screen}"
    );
    assert!(!screen.contains("recommended"), "{screen}");

    tmux.keys("crisis", "2");
    tmux.wait_for("crisis", "Vote recorded.");
    let screen = tmux.wait_for("crisis", "▶ 2.");
    assert!(screen.contains("1 vote"), "{screen}");
    let vote = http::eventually(WAIT, || {
        host.journal()
            .lines()
            .find(|l| l.contains(r#""cmd":"vote""#) && l.contains(r#""team":"crisis""#))
            .map(str::to_string)
    });
    assert!(vote.contains(r#""decision":"crisis_cell""#), "{vote}");
    assert!(vote.contains(r#""voter":"crisis#1""#), "{vote}");
    assert!(vote.contains(r#""name":"Nadia""#), "{vote}");

    // The window resizes.
    tmux.run(&["resize-window", "-t", "crisis", "-x", "72", "-y", "26"]);
    tmux.wait_until("crisis", "a 72-column frame", |s| {
        s.lines()
            .any(|l| l.starts_with('┌') && l.chars().count() == 72)
    });

    // The presenter's seat shows every team's open decision and takes no vote.
    let pcmd = host.ssh("presenter", &host.code("presenter"), "");
    tmux.start("presenter", host.dir.path(), &format!("{pcmd}; sleep 600"));
    tmux.wait_for("presenter", "Downtime · Presenter");
    let screen = tmux.wait_for("presenter", "Do you open the crisis cell");
    assert!(screen.contains("Crisis cell: "), "{screen}");
    tmux.keys("presenter", "1");
    assert!(!host.journal().contains(r#""voter":"presenter"#));

    // Leaving and coming back shows the current state at once.
    tmux.keys("crisis", "q");
    tmux.wait_until("crisis", "the client gone", |s| {
        !s.contains("Downtime · Crisis cell")
    });
    tmux.run(&["kill-session", "-t", "crisis"]);
    let cmd = host.ssh("crisis", &code, "");
    tmux.start("again", host.dir.path(), &format!("{cmd}; sleep 600"));
    let screen = tmux.wait_for("again", "Do you open the crisis cell");
    assert!(
        screen.contains("1 vote"),
        "the tally is there at once:\n{screen}"
    );

    // The facilitator rotates the seat: its members are out, with a word why.
    host.say("rotate crisis");
    tmux.wait_for("again", "this seat's code was changed");
    let (_, _, err) = host.run_ssh("crisis", &code, "-o NumberOfPasswordPrompts=1 -- id");
    assert!(
        err.contains("Permission denied") || !err.contains("exec request failed"),
        "the old code is refused: {err}"
    );
}

#[test]
fn wrong_codes_commands_and_forwarding_are_refused_and_the_host_keeps_serving() {
    let Some(tmux) = ready("ssh-refused") else {
        return;
    };
    let host = Host::start();
    let code = host.code("crisis");
    let wrong: String = code
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                char::from(b'0' + (c as u8 - b'0' + 1) % 10)
            } else {
                c
            }
        })
        .collect();

    // A command is refused; nothing runs.
    let (rc, out, err) = host.run_ssh("crisis", &code, "-- id");
    assert_eq!(rc, Some(255), "{out}\n{err}");
    assert!(!out.contains("uid="), "{out}");
    assert!(err.contains("exec request failed"), "{err}");
    // So is a subsystem.
    let (rc, _, err) = host.run_ssh("crisis", &code, "-s -- sftp");
    assert_eq!(rc, Some(255), "{err}");
    assert!(err.contains("subsystem request failed"), "{err}");
    // Forwarding, both ways.
    let (rc, out, err) = host.run_ssh("crisis", &code, &format!("-W {}", host.web));
    assert_eq!(rc, Some(255), "{out}\n{err}");
    assert!(!out.contains("HTTP/"), "{out}");
    assert!(
        err.contains("forwarding failed") || err.contains("prohibited"),
        "{err}"
    );
    let (rc, _, err) = host.run_ssh(
        "crisis",
        &code,
        "-N -o ExitOnForwardFailure=yes -R 0:127.0.0.1:9",
    );
    assert_eq!(rc, Some(255), "{err}");
    assert!(err.contains("forwarding failed"), "{err}");
    // A code given as another seat's user is wrong too, and so is a wrong code.
    refused(&host, "presenter", &code);
    refused(&host, "crisis", &wrong);

    // The host keeps serving: the crisis cell's screen, and the web seats.
    let cmd = host.ssh("crisis", &code, "");
    tmux.start("crisis", host.dir.path(), &format!("{cmd}; sleep 600"));
    tmux.wait_for("crisis", "Downtime · Crisis cell");
    assert_eq!(http::get(host.web, "/", None).status, 200);

    // Past the rate limit (5 wrong codes a minute from an address), even the right code is
    // refused: the code is not even compared.
    for _ in 0..3 {
        refused(&host, "crisis", &wrong);
    }
    refused(&host, "crisis", &code);
    // The seat already joined is still served, and so are the web seats.
    let screen = tmux.screen("crisis");
    assert!(screen.contains("Downtime · Crisis cell"), "{screen}");
    assert_eq!(http::get(host.web, "/", None).status, 200);
    assert!(!host.err().contains("panicked"), "{}", host.err());
}
