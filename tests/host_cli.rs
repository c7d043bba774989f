//! The real `downtime host` binary, driven through standard input while a seat votes and
//! its lead submits over HTTP; then `downtime report` on its journal lists the votes.

#[path = "support/http.rs"]
mod http;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_downtime")
}

#[test]
fn a_host_driven_from_stdin_takes_its_teams_votes_and_their_leads_choice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let journal = dir.path().join("host.jsonl");
    let seats_file = dir.path().join("seats.json");
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tutorial.ron");
    let mut child = Command::new(bin())
        .args([
            "host",
            scenario,
            "--seats",
            "127.0.0.1:0",
            "--seed",
            "3",
            "--journal",
        ])
        .arg(&journal)
        .arg("--seats-file")
        .arg(&seats_file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("downtime host starts");
    let mut stdin = child.stdin.take().expect("stdin");

    let seats: serde_json::Value = http::eventually(WAIT, || {
        let text = std::fs::read_to_string(&seats_file).ok()?;
        serde_json::from_str(&text).ok()
    });
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&seats_file)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the seats file is for its owner only");
    }
    let list = seats["seats"].as_array().expect("seats");
    assert_eq!(list[0]["audience"], "presenter");
    let team = list
        .iter()
        .find(|s| s["audience"] == "team")
        .expect("a team seat");
    let url = team["url"].as_str().expect("url");
    assert_eq!(team["code"].as_str().map(str::len), Some(6));
    let addr: std::net::SocketAddr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .and_then(|a| a.parse().ok())
        .expect("address in the URL");
    let lead = http::join_url(addr, url).expect("lead joins");
    let member = http::join_url(addr, url).expect("member joins");

    writeln!(stdin, "start").expect("start");
    let d = http::eventually(WAIT, || {
        let v: serde_json::Value =
            serde_json::from_str(&http::get(addr, "/api/view", Some(&member)).body).ok()?;
        v["view"]["decisions"][0]["key"].as_u64()
    });
    let view: serde_json::Value =
        serde_json::from_str(&http::get(addr, "/api/view", Some(&member)).body).expect("json");
    let opts: Vec<u64> = view["view"]["decisions"][0]["options"]
        .as_array()
        .expect("options")
        .iter()
        .filter(|o| o["available"] == true)
        .map(|o| o["key"].as_u64().expect("key"))
        .collect();
    let (x, y) = (opts[0], opts[opts.len() - 1]);
    let vote = |c: &str, o: u64, name: &str| {
        http::request(
            addr,
            "POST",
            "/api/vote",
            Some(c),
            Some(&format!(
                r#"{{"decision":{d},"option":{o},"name":"{name}"}}"#
            )),
        )
        .status
    };
    assert_eq!(vote(&member, x, "Nadia"), 204);
    assert_eq!(vote(&lead, y, "Omar"), 204);
    let r = http::request(
        addr,
        "POST",
        "/api/submit",
        Some(&lead),
        Some(&format!(r#"{{"decision":{d},"option":{y},"name":"Omar"}}"#)),
    );
    assert_eq!(r.status, 204, "{}", r.body);
    // The facilitator's line protocol catches up (an empty line), then stops the host.
    writeln!(stdin).expect("refresh");
    writeln!(stdin, "seats").expect("seats");
    writeln!(stdin, "q").expect("quit");
    drop(stdin);
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(started.elapsed() < WAIT, "the host did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("stdout");
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    assert!(status.success(), "exit {status:?}\n{out}\n{err}");
    assert!(err.contains("seats file: "), "{err}");
    assert!(err.contains("journal: "), "{err}");
    assert!(err.contains("not encrypted"), "{err}");
    assert!(
        err.contains("seat: CHOSE"),
        "the seat's choice is told to the facilitator:\n{err}"
    );
    assert!(
        out.contains("Presenter") && out.contains("joined: "),
        "`seats` lists who joined:\n{out}"
    );
    assert!(out.contains("Stopped at"), "{out}");

    let report = Command::new(bin())
        .arg("report")
        .arg(&journal)
        .output()
        .expect("report runs");
    assert!(report.status.success());
    let md = String::from_utf8_lossy(&report.stdout);
    assert!(md.contains("**Votes on"), "{md}");
    assert!(md.contains("Nadia") && md.contains("Omar"));
    assert!(
        md.contains("Decided by the lead (Omar) against the majority")
            || md.contains("Submitted by the lead (Omar)"),
        "{md}"
    );
}

#[test]
fn bad_host_arguments_are_clear_errors() {
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tutorial.ron");
    let o = Command::new(bin())
        .args(["host", scenario, "--seats", "nowhere"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--seats nowhere") && err.contains("0.0.0.0:8080"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    let o = Command::new(bin())
        .args(["host", "/nonexistent.ron", "--seats", "127.0.0.1:0"])
        .output()
        .expect("runs");
    assert_ne!(o.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    // A certificate that is not there.
    let o = Command::new(bin())
        .args([
            "host",
            scenario,
            "--seats",
            "127.0.0.1:0",
            "--tls-cert",
            "/nonexistent.pem",
            "--tls-key",
            "/nonexistent.key",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read the certificate"));
    // A port already taken.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let dir = tempfile::tempdir().expect("tempdir");
    let o = Command::new(bin())
        .args(["host", scenario, "--seats", &addr, "--journal"])
        .arg(dir.path().join("j.jsonl"))
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot listen on"));
}

/// `--lang` reaches the seats of `downtime host`: an English scenario's join page in French.
#[test]
fn host_lang_puts_the_seats_in_that_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seats_file = dir.path().join("seats.json");
    let scenario = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tutorial.ron");
    let mut child = Command::new(bin())
        .args(["--lang", "fr", "host", scenario, "--seats", "127.0.0.1:0"])
        .arg("--journal")
        .arg(dir.path().join("host.jsonl"))
        .arg("--seats-file")
        .arg(&seats_file)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("downtime host starts");
    let seats: serde_json::Value = http::eventually(WAIT, || {
        let text = std::fs::read_to_string(&seats_file).ok()?;
        serde_json::from_str(&text).ok()
    });
    let url = seats["seats"][1]["url"].as_str().expect("url").to_string();
    let addr: std::net::SocketAddr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .and_then(|a| a.parse().ok())
        .expect("address in the URL");
    let page = http::get(addr, "/", None);
    // The facilitator asks for the seats, then stops the host.
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "seats").expect("seats");
    writeln!(stdin, "q").expect("quit");
    drop(stdin);
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > WAIT {
            let _ = child.kill();
            panic!("the host did not stop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(page.body.contains("<html lang=\"fr\">"), "{}", page.body);
    assert!(page.body.contains("Rejoindre l’exercice"), "{}", page.body);
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("stdout");
    assert!(out.contains("Présentation"), "`seats` in French:\n{out}");
    // What the host tells the facilitator is French too.
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    assert!(
        err.contains("hôte\u{a0}: à l’écoute sur 127.0.0.1:"),
        "{err}"
    );
    assert!(err.contains("pas de TLS"), "{err}");
    assert!(err.contains("poste\u{a0}: Présentation"), "{err}");
}
