//! Attacks on a running host over loopback: wrong, stale and rotated tokens, another team's
//! ids, oversized and malformed bodies, 2,000 join-code guesses, slow and stalled clients,
//! hostile names. Nothing gets through, the host keeps serving the other seats, and the
//! journal keeps every vote that was accepted.

#[path = "support/http.rs"]
mod http;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use downtime::engine::{Command, Status};
use downtime::host::{Client, Limits};
use http::{Events, Resp, get, join_code, join_url, raw, request};

const WAIT: Duration = Duration::from_secs(20);

/// Starts the exercise and plays until a decision is open: (decision, its team's seat).
fn to_a_decision(client: &Client) -> (u16, usize) {
    client
        .apply(Command::Start {
            params: Default::default(),
            session: Default::default(),
        })
        .expect("start");
    loop {
        let (ex, _) = client.snapshot().expect("snapshot");
        if let Some(&d) = ex.pending().first() {
            return (d, usize::from(ex.scenario().decisions[d as usize].team) + 1);
        }
        assert!(!matches!(ex.status(), Status::Ended { .. }));
        let cmd = if matches!(ex.status(), Status::PhaseBreak { .. }) {
            Command::NextPhase
        } else {
            Command::NextInject
        };
        client.apply(cmd).expect("advance");
    }
}

fn vote(addr: std::net::SocketAddr, cookie: &str, d: u16, o: u16, name: &str) -> Resp {
    let body = serde_json::json!({ "decision": d, "option": o, "name": name }).to_string();
    request(addr, "POST", "/api/vote", Some(cookie), Some(&body))
}

fn first_available(client: &Client, d: u16) -> u16 {
    let (ex, _) = client.snapshot().expect("snapshot");
    let n = ex.scenario().decisions[d as usize].options.len() as u16;
    (0..n)
        .find(|&o| ex.option_status(d, o) == downtime::engine::OptionStatus::Available)
        .expect("an available option")
}

#[test]
fn tokens_ids_and_bodies_that_do_not_belong_get_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, journal) = http::host(dir.path(), "saturday-night-blackout", 5, Limits::default());
    let addr = host.local_addr();
    let client = host.client();
    let seats = host.seats();
    let (d, seat) = to_a_decision(&client);
    let other = if seat == 1 { 2 } else { 1 };
    let o = first_available(&client, d);
    let member = join_url(addr, &seats[seat].url).expect("joins");
    let outsider = join_url(addr, &seats[other].url).expect("joins");
    let mut accepted = 0;

    // Wrong and malformed tokens.
    for bad in [
        "/s/00000000000000000000000000000000".to_string(),
        "/s/zzzz".to_string(),
        format!("/s/{}", "a".repeat(5000)),
        "/s/..%2f..%2fetc%2fpasswd".to_string(),
        format!(
            "/s/{}",
            seats[seat]
                .url
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_uppercase()
                .replace('A', "B")
        ),
    ] {
        let r = get(addr, &bad, None);
        assert!(
            r.status == 404 || r.status == 400 || r.status == 414 || r.status == 431,
            "{bad}: {}",
            r.status
        );
        assert!(r.header("set-cookie").is_none(), "{bad} gave a cookie");
    }
    // Wrong, forged and missing cookies.
    for bad in [
        "",
        "00000000000000000000000000000000",
        "not-hex",
        &"f".repeat(4096),
    ] {
        assert_eq!(get(addr, "/api/view", Some(bad)).status, 401, "{bad}");
        assert_eq!(vote(addr, bad, d, o, "x").status, 401);
    }
    assert_eq!(get(addr, "/api/view", None).status, 401);
    assert_eq!(get(addr, "/api/events", None).status, 401);

    // Another team's decision, decisions and options that do not exist.
    assert_eq!(vote(addr, &outsider, d, o, "x").status, 404);
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/submit",
            Some(&outsider),
            Some(&format!(r#"{{"decision":{d},"option":{o}}}"#))
        )
        .status,
        404
    );
    assert_eq!(vote(addr, &member, 65535, 0, "x").status, 404);
    assert_eq!(vote(addr, &member, d, 999, "x").status, 404);
    // The other team's view never carries the decision.
    let v = get(addr, "/api/view", Some(&outsider));
    assert_eq!(v.status, 200);
    let view: serde_json::Value = serde_json::from_str(&v.body).expect("json");
    assert!(
        view["view"]["decisions"]
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x["key"] != d))
    );

    // Oversized, malformed, mistyped bodies.
    let big = format!(
        r#"{{"decision":{d},"option":{o},"name":"{}"}}"#,
        "a".repeat(9 * 1024)
    );
    assert_eq!(
        request(addr, "POST", "/api/vote", Some(&member), Some(&big)).status,
        413
    );
    for bad in [
        "",
        "{",
        "[]",
        "null",
        r#"{"decision":"x","option":0}"#,
        r#"{"decision":-1,"option":0}"#,
        &format!(r#"{{"decision":{d},"option":{o},"admin":true}}"#),
        &format!(r#"{{"decision":{d},"option":{o},"name":7}}"#),
    ] {
        assert_eq!(
            request(addr, "POST", "/api/vote", Some(&member), Some(bad)).status,
            400,
            "{bad}"
        );
    }
    // Not JSON (a cross-site form cannot send JSON without asking first).
    let form = format!(
        "POST /api/vote HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nCookie: dt_seat={member}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 19\r\n\r\ndecision=0&option=0"
    );
    assert_eq!(raw(addr, form.as_bytes()).status, 415);
    // A body larger than it says, a lying length, garbage requests, huge headers.
    let r = raw(addr, format!("POST /api/vote HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: dt_seat={member}\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{{").as_bytes());
    assert!(r.status == 413 || r.status == 0, "{}", r.status);
    let r = raw(
        addr,
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
    );
    assert!(r.status == 400 || r.status == 0);
    let r = raw(
        addr,
        format!(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
            "b".repeat(200_000)
        )
        .as_bytes(),
    );
    assert!(
        r.status == 431 || r.status == 400 || r.status == 0,
        "{}",
        r.status
    );
    assert_eq!(get(addr, "/api/vote", Some(&member)).status, 405);
    assert_eq!(get(addr, "/../../etc/passwd", None).status, 404);

    // Through all this, the member's vote still counts.
    assert_eq!(vote(addr, &member, d, o, "Still here").status, 204);
    accepted += 1;

    // Rotation: the old URL, the old code and the old members are out; the new URL works.
    let old_url = seats[seat].url.clone();
    let old_code = seats[seat].code.clone();
    let mut stream = Events::open(addr, &member);
    stream.until(WAIT, |_| true);
    let team_id = seats[seat].team.clone().expect("team id");
    let fresh = client.rotate(&team_id).expect("rotates");
    assert_ne!(fresh.url, old_url);
    assert_ne!(fresh.code, old_code);
    assert_eq!(
        get(addr, &old_url[old_url.find("/s/").expect("path")..], None).status,
        404
    );
    assert_eq!(get(addr, "/api/view", Some(&member)).status, 401);
    assert_eq!(vote(addr, &member, d, o, "x").status, 401);
    // Its event stream ends with the next update.
    let deadline = Instant::now() + WAIT;
    while stream.next(Duration::from_millis(500)).is_some() {
        assert!(
            Instant::now() < deadline,
            "the rotated member's stream goes on"
        );
    }
    let r = join_code(addr, &old_code);
    assert_eq!(r.status, 403);
    let again = join_url(addr, &fresh.url).expect("the new URL works");
    assert_eq!(vote(addr, &again, d, o, "").status, 204);
    accepted += 1;
    // The other team was never disturbed.
    assert_eq!(get(addr, "/api/view", Some(&outsider)).status, 200);

    drop(client);
    host.stop();
    let read = downtime::journal::read_journal(&journal).expect("journal");
    let votes = read
        .entries
        .iter()
        .filter(|e| e.cmd.name() == "vote")
        .count();
    assert_eq!(
        votes, accepted,
        "every accepted vote, and nothing else, is journaled"
    );
}

#[test]
fn two_thousand_join_code_guesses_get_five_tries_a_minute() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, _) = http::host(dir.path(), "saturday-night-blackout", 5, Limits::default());
    let addr = host.local_addr();
    let seats = host.seats();
    let real: Vec<String> = seats.iter().map(|s| s.code.clone()).collect();
    let started = Instant::now();
    let (mut wrong, mut limited, mut joined) = (0, 0, 0);
    let mut n = 0u32;
    let mut tried = 0;
    while tried < 2000 {
        let code = format!("{n:06}");
        n += 1;
        if real.contains(&code) {
            continue;
        }
        tried += 1;
        match join_code(addr, &code).status {
            403 => wrong += 1,
            429 => limited += 1,
            303 => joined += 1,
            s => panic!("unexpected status {s}"),
        }
    }
    let minutes = started.elapsed().as_secs() / 60 + 1;
    assert_eq!(joined, 0);
    assert!(
        wrong <= 5 * minutes as usize,
        "{wrong} codes were checked in {minutes} minute(s)"
    );
    assert_eq!(wrong + limited, 2000);
    // While locked out, even the right code is not checked.
    let r = join_code(addr, &real[1]);
    assert_eq!(r.status, 429);
    assert!(
        r.header("retry-after")
            .is_some_and(|s| s.parse::<u64>().is_ok_and(|s| s >= 1))
    );
    // The seats themselves still work (their URLs are not rate-limited by the guesses).
    let c = join_url(addr, &seats[1].url).expect("the seat URL still works");
    assert_eq!(get(addr, "/api/view", Some(&c)).status, 200);
    eprintln!(
        "2,000 guesses in {:?}: {wrong} checked, {limited} refused unchecked",
        started.elapsed()
    );
}

#[test]
fn slow_and_stalled_clients_are_cut_off_while_the_others_are_served() {
    let dir = tempfile::tempdir().expect("tempdir");
    let limits = Limits {
        max_connections: 16,
        first_request: Duration::from_secs(1),
        idle: Duration::from_secs(2),
        ..Limits::default()
    };
    let (host, _) = http::host(dir.path(), "saturday-night-blackout", 5, limits);
    let addr = host.local_addr();
    let client = host.client();
    let seats = host.seats();
    let (d, seat) = to_a_decision(&client);
    let o = first_available(&client, d);
    let member = join_url(addr, &seats[seat].url).expect("joins");
    let watcher = join_url(addr, &seats[seat].url).expect("joins");

    // A slow-loris client: headers one byte at a time, never finished.
    let mut slow = TcpStream::connect(addr).expect("connect");
    slow.set_read_timeout(Some(Duration::from_millis(100))).ok();
    let started = Instant::now();
    let mut cut = false;
    for b in b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".iter().cycle() {
        if slow.write_all(&[*b]).is_err() {
            cut = true;
            break;
        }
        let mut buf = [0u8; 64];
        match slow.read(&mut buf) {
            Ok(0) => {
                cut = true;
                break;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                cut = true;
                break;
            }
        }
        // Meanwhile another seat is served.
        assert_eq!(get(addr, "/api/view", Some(&member)).status, 200);
        assert!(started.elapsed() < WAIT, "the slow client was never cut off");
    }
    assert!(cut);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "cut before its time"
    );

    // A client that opens its event stream and never reads it does not hold up the others.
    let mut stalled = TcpStream::connect(addr).expect("connect");
    write!(
        stalled,
        "GET /api/events HTTP/1.1\r\nHost: x\r\nCookie: dt_seat={watcher}\r\n\r\n"
    )
    .expect("send");
    let mut live = Events::open(addr, &member);
    live.until(WAIT, |_| true);
    for round in 0..5 {
        let name = format!("round {round}");
        let sent = Instant::now();
        assert_eq!(vote(addr, &member, d, o, &name).status, 204);
        live.until(WAIT, |v| v.to_string().contains(&name));
        assert!(
            sent.elapsed() < Duration::from_secs(1),
            "update took {:?}",
            sent.elapsed()
        );
    }

    // Connections beyond the limit are closed at once; the host recovers when they go.
    let hold: Vec<TcpStream> = (0..16)
        .map(|_| TcpStream::connect(addr).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(200)); // let the host accept them
    let mut extra = TcpStream::connect(addr).expect("connect");
    extra.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let _ = extra.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let mut buf = Vec::new();
    let _ = extra.read_to_end(&mut buf);
    assert!(buf.is_empty(), "a connection over the limit was served");
    drop(hold);
    drop(stalled);
    drop(live);
    http::eventually(WAIT, || {
        (get(addr, "/api/view", Some(&member)).status == 200).then_some(())
    });
}

#[test]
fn hostile_names_reach_no_terminal_journal_page_or_report_as_they_were_sent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, journal) = http::host(dir.path(), "saturday-night-blackout", 5, Limits::default());
    let addr = host.local_addr();
    let client = host.client();
    let seats = host.seats();
    let (d, seat) = to_a_decision(&client);
    let o = first_available(&client, d);
    let hostile = [
        "\u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}[31mRed",
        "<script>alert(1)</script><img src=x onerror=alert(2)>",
        "\u{202e}evil\u{2066}\u{200b}\u{e0041}",
        "# Heading\n| table | row |\n[link](javascript:alert(1))",
        &"W".repeat(3000),
    ];
    let mut cookies = Vec::new();
    for name in hostile {
        let c = join_url(addr, &seats[seat].url).expect("joins");
        assert_eq!(vote(addr, &c, d, o, name).status, 204, "{name:?}");
        cookies.push(c);
    }
    let lead = &cookies[0];
    let r = request(
        addr,
        "POST",
        "/api/submit",
        Some(lead),
        Some(&serde_json::json!({"decision": d, "option": o, "name": hostile[1]}).to_string()),
    );
    assert_eq!(r.status, 204, "{}", r.body);
    let view = get(addr, "/api/view", Some(&cookies[1])).body;
    drop(client);
    host.stop();

    let text = std::fs::read_to_string(&journal).expect("journal");
    let read = downtime::journal::read_journal(&journal).expect("journal reads");
    for e in &read.entries {
        if let Command::Vote { name, .. } | Command::Submit { name, .. } = &e.cmd {
            assert!(name.chars().count() <= downtime::host::MAX_NAME, "{name}");
            assert!(
                !name.chars().any(|c| c.is_control()
                    || downtime::text::is_bidi_control(c)
                    || downtime::text::is_invisible(c)),
                "{name:?}"
            );
        }
    }
    for bad in [
        "\u{1b}",
        "\u{7}",
        "\u{202e}",
        "\u{2066}",
        "\u{200b}",
        "\u{e0041}",
    ] {
        assert!(!text.contains(bad), "journal holds {bad:?}");
        assert!(!view.contains(bad), "the view holds {bad:?}");
    }
    // The Markdown and HTML reports escape what is left.
    let built = downtime::report::build_with(std::slice::from_ref(&journal), None, None)
        .expect("report builds");
    let doc = built.document;
    let html = downtime::report::render(&doc, downtime::report::Format::Html);
    assert!(
        !html.contains("<script>alert") && !html.contains("<img src=x"),
        "HTML report carries markup"
    );
    let md = downtime::report::render(&doc, downtime::report::Format::Md);
    assert!(
        !md.contains("<script>") && !md.contains("\n# Heading"),
        "Markdown report carries structure"
    );
}

#[test]
fn a_new_lead_or_a_rotation_reaches_the_streams_at_once_even_when_nothing_else_moves() {
    // At the briefing the clock stands still: nothing else would wake the streams.
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, _) = http::host(dir.path(), "saturday-night-blackout", 5, Limits::default());
    let addr = host.local_addr();
    let client = host.client();
    let seats = host.seats();
    let team = seats[1].team.clone().expect("team");
    let first = join_url(addr, &seats[1].url).expect("joins");
    let second = join_url(addr, &seats[1].url).expect("joins");
    let mut ev2 = Events::open(addr, &second);
    let v = ev2.until(WAIT, |_| true);
    assert_eq!(v["me"]["lead"], false);
    let voter = v["me"]["voter"].as_str().expect("voter").to_string();
    let sent = Instant::now();
    client.set_lead(&team, &voter).expect("named lead");
    ev2.until(WAIT, |v| v["me"]["lead"] == true);
    assert!(
        sent.elapsed() < Duration::from_secs(1),
        "{:?}",
        sent.elapsed()
    );
    assert!(client.set_lead(&team, "nobody#9").is_err());
    let mut ev1 = Events::open(addr, &first);
    ev1.until(WAIT, |_| true);
    client.rotate(&team).expect("rotates");
    assert!(
        ev1.ends_within(Duration::from_secs(5)),
        "the rotated member's stream goes on"
    );
    assert_eq!(get(addr, "/api/view", Some(&first)).status, 401);
    assert!(client.rotate("no-such-team").is_err());
}
