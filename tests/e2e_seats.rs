//! `downtime play SCENARIO --seats ADDR` for real, in tmux: the briefing shows the seats'
//! links and join codes, a member who joins over HTTP shows on the console, a vote arrives on
//! the decision panel, `M` takes it, and the report lists the votes. Skipped (with a message)
//! only when tmux is not installed.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "support/http.rs"]
mod http;
#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, bin};

/// The seats file, once the console has written it.
fn seats(path: &Path) -> serde_json::Value {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
        {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no seats file at {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_vote_from_a_seat_shows_on_the_console_and_in_the_report() {
    let Some(t) = Tmux::new("seats") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron");
    let journal = dir.path().join("j.jsonl");
    let seats_file = dir.path().join("seats.json");
    t.start(
        "console",
        dir.path(),
        &format!(
            "'{}' play '{}' --seed 7 --journal '{}' --seats 127.0.0.1:0 --seats-file '{}'; sleep 600",
            bin(),
            scenario.display(),
            journal.display(),
            seats_file.display()
        ),
    );
    let screen = t.wait_for("console", "Seats");
    assert!(screen.contains("No TLS"), "{screen}");
    let s = seats(&seats_file);
    let presenter = s["seats"][0]["code"].as_str().unwrap().to_string();
    assert!(
        screen.contains(&format!("{} {}", &presenter[..3], &presenter[3..])),
        "the presenter's join code is on the briefing:\n{screen}"
    );
    let url = s["seats"][1]["url"].as_str().unwrap().to_string();
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let cookie = http::join_url(addr, &url).expect("a member joins");
    // The team's seat is the second: move to it.
    t.keys("console", "j");
    t.wait_for("console", "1 joined");
    t.keys("console", "s");
    t.wait_for("console", "No votes yet");
    let body = r#"{"decision":0,"option":1,"name":"Anne"}"#;
    let r = http::request(addr, "POST", "/api/vote", Some(&cookie), Some(body));
    assert_eq!(r.status, 204, "{}", r.body);
    let screen = t.wait_for("console", "1 vote · majority");
    assert!(screen.contains("Anne"), "{screen}");
    t.keys("console", "M");
    t.wait_for("console", "Decided at");
    t.keys("console", "q");
    t.wait_for("console", "Quit");
    t.keys("console", "y");
    t.wait_for("console", "Journal:");
    let md = dir.path().join("report.md");
    let out = std::process::Command::new(bin())
        .args([
            "report",
            journal.to_str().unwrap(),
            "-o",
            md.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let report = std::fs::read_to_string(&md).unwrap();
    assert!(
        report.contains("1 vote (Anne)"),
        "the report lists the vote:\n{report}"
    );
}
