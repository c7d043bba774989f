//! The exercise host with web seats, end to end over loopback: seats join by URL and by
//! code, follow the exercise live by server-sent events, see only their own messages,
//! vote, and the lead's submission is the team's decision; the journal replays the same.

#[path = "support/http.rs"]
mod http;

use std::time::{Duration, Instant};

use downtime::engine::{Command, Status};
use downtime::host::Limits;
use downtime::i18n::Lang;
use http::{Events, get, join_code, join_url, request};

const WAIT: Duration = Duration::from_secs(20);

fn start() -> Command {
    Command::Start {
        params: Default::default(),
        session: Default::default(),
    }
}

#[test]
fn seats_follow_the_exercise_vote_and_the_lead_decides() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, journal) = http::host(dir.path(), "saturday-night-blackout", 11, Limits::default());
    let addr = host.local_addr();
    let seats = host.seats();
    let client = host.client();
    assert_eq!(seats[0].audience, "presenter");

    // The seat URL is exchanged for a cookie and the browser sent to `/`.
    let token_path = &seats[1].url[seats[1].url.find("/s/").expect("path")..];
    let r = get(addr, token_path, None);
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/"));
    let set = r.header("set-cookie").expect("cookie").to_string();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    let page = get(addr, "/", Some(&http::cookie_of(&r).expect("cookie")));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<html lang=\"en\">"));
    assert!(
        page.header("content-security-policy")
            .is_some_and(|c| c.contains("script-src 'self'"))
    );
    // Without a cookie, `/` is the join form.
    assert!(get(addr, "/", None).body.contains("Join code"));
    assert_eq!(get(addr, "/app.js", None).status, 200);

    // Start and play until a decision opens.
    client.apply(start()).expect("start");
    let (d, team) = loop {
        let (ex, _) = client.snapshot().expect("snapshot");
        if let Some(&d) = ex.pending().first() {
            break (d, ex.scenario().decisions[d as usize].team);
        }
        assert!(
            !matches!(ex.status(), Status::Ended { .. }),
            "no decision opened"
        );
        let cmd = if matches!(ex.status(), Status::PhaseBreak { .. }) {
            Command::NextPhase
        } else {
            Command::NextInject
        };
        client.apply(cmd).expect("advance");
    };
    let seat = usize::from(team) + 1;
    let other = if seat == 1 { 2 } else { 1 };
    // Three members of the deciding team (the first is its lead), one of another team, and
    // the presenter by join code.
    let lead = join_url(addr, &seats[seat].url).expect("lead joins");
    let m2 = join_url(addr, &seats[seat].url).expect("member joins");
    let m3 = join_url(addr, &seats[seat].url).expect("member joins");
    let outsider = join_url(addr, &seats[other].url).expect("other team joins");
    let r = join_code(addr, &seats[0].code);
    assert_eq!(r.status, 303, "{}", r.body);
    let presenter = http::cookie_of(&r).expect("presenter cookie");

    let mut ev_lead = Events::open(addr, &lead);
    let mut ev_m2 = Events::open(addr, &m2);
    let mut ev_out = Events::open(addr, &outsider);
    let mut ev_pres = Events::open(addr, &presenter);
    let first = ev_lead.until(WAIT, |v| {
        !v["view"]["decisions"]
            .as_array()
            .is_none_or(|a| a.is_empty())
    });
    assert_eq!(first["me"]["lead"], true);
    assert_eq!(first["view"]["decisions"][0]["key"], d);
    let options = first["view"]["decisions"][0]["options"]
        .as_array()
        .expect("options")
        .clone();
    let available: Vec<u64> = options
        .iter()
        .filter(|o| o["available"] == true)
        .map(|o| o["key"].as_u64().expect("key"))
        .collect();
    assert!(available.len() >= 2, "two options to vote on");
    let (x, y) = (available[0], available[1]);
    // No facilitator-only field reaches a seat.
    let text = first.to_string();
    assert!(
        !text.contains("\"recommended\"")
            && !text.contains("\"notes\"")
            && !text.contains("\"reason\"")
    );

    // The other team does not see the decision; the presenter does, without names.
    let out_view = ev_out.until(WAIT, |_| true);
    assert!(
        out_view["view"]["decisions"]
            .as_array()
            .is_some_and(|a| a.is_empty())
    );

    // Votes: two for x (one named), the lead for y; the tally reaches every member within 1 s.
    let sent = Instant::now();
    let r = request(
        addr,
        "POST",
        "/api/vote",
        Some(&m2),
        Some(&format!(r#"{{"decision":{d},"option":{x},"name":"Ana"}}"#)),
    );
    assert_eq!(r.status, 204, "{}", r.body);
    let v = ev_lead.until(WAIT, |v| {
        v["view"]["decisions"][0]["options"]
            .as_array()
            .is_some_and(|o| o.iter().any(|o| o["votes"] == 1))
    });
    let latency = sent.elapsed();
    assert!(latency < Duration::from_secs(1), "tally took {latency:?}");
    eprintln!("vote to every member's tally: {latency:?}");
    let opt_x = v["view"]["decisions"][0]["options"]
        .as_array()
        .expect("options")
        .iter()
        .find(|o| o["key"] == x)
        .expect("x")
        .clone();
    assert_eq!(opt_x["voters"][0], "Ana");
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/vote",
            Some(&m3),
            Some(&format!(r#"{{"decision":{d},"option":{y}}}"#))
        )
        .status,
        204
    );
    // A vote changes until the decision closes.
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/vote",
            Some(&m3),
            Some(&format!(r#"{{"decision":{d},"option":{x}}}"#))
        )
        .status,
        204
    );
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/vote",
            Some(&lead),
            Some(&format!(r#"{{"decision":{d},"option":{y},"name":"Lead"}}"#))
        )
        .status,
        204
    );
    let v = ev_m2.until(WAIT, |v| {
        v["view"]["decisions"][0]["options"]
            .as_array()
            .is_some_and(|o| {
                o.iter()
                    .find(|o| o["key"] == x)
                    .is_some_and(|o| o["votes"] == 2)
                    && o.iter()
                        .find(|o| o["key"] == y)
                        .is_some_and(|o| o["votes"] == 1)
            })
    });
    assert_eq!(v["me"]["votes"][d.to_string()], x);
    assert_eq!(v["me"]["lead"], false);
    let p = ev_pres.until(WAIT, |v| {
        v["view"]["decisions"].as_array().is_some_and(|a| {
            a.iter().any(|d| {
                d["options"]
                    .as_array()
                    .is_some_and(|o| o.iter().any(|o| o["votes"] == 2))
            })
        })
    });
    assert!(
        !p.to_string().contains("Ana"),
        "the presenter counts votes, names stay with the team"
    );

    // Only the lead submits; the presenter and other teams cannot vote on it.
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/submit",
            Some(&m2),
            Some(&format!(r#"{{"decision":{d},"option":{x}}}"#))
        )
        .status,
        403
    );
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/vote",
            Some(&presenter),
            Some(&format!(r#"{{"decision":{d},"option":{x}}}"#))
        )
        .status,
        403
    );
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/vote",
            Some(&outsider),
            Some(&format!(r#"{{"decision":{d},"option":{x}}}"#))
        )
        .status,
        404
    );
    let r = request(
        addr,
        "POST",
        "/api/submit",
        Some(&lead),
        Some(&format!(r#"{{"decision":{d},"option":{y},"name":"Lead"}}"#)),
    );
    assert_eq!(r.status, 204, "{}", r.body);
    let v = ev_m2.until(WAIT, |v| {
        v["view"]["taken"].as_array().is_some_and(|t| !t.is_empty())
    });
    assert!(
        v["view"]["decisions"]
            .as_array()
            .is_none_or(|a| a.iter().all(|x| x["key"] != d))
    );
    // Closed: votes on it are refused.
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/vote",
            Some(&m2),
            Some(&format!(r#"{{"decision":{d},"option":{x}}}"#))
        )
        .status,
        404
    );

    // The engine took the lead's option, and the journal replays to the same state.
    let (ex, _) = client.snapshot().expect("snapshot");
    let choice = ex.state().decisions[d as usize]
        .choice
        .as_ref()
        .expect("taken");
    assert_eq!(u64::from(choice.option), y);
    drop(client);
    host.stop();
    let read = downtime::journal::read_journal(&journal).expect("journal reads");
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(names.iter().filter(|n| **n == "vote").count(), 4);
    assert_eq!(names.iter().filter(|n| **n == "submit").count(), 1);
    let sc = downtime::bundled::find("saturday-night-blackout")
        .expect("bundled")
        .load()
        .scenario
        .expect("loads");
    let replayed = downtime::journal::replay(sc, &read).expect("replays");
    assert_eq!(replayed.fingerprint(), ex.fingerprint());
}

#[test]
fn the_host_takes_the_default_when_a_decisions_real_time_runs_out() {
    let b = downtime::bundled::find("tutorial").expect("tutorial");
    let text = b
        .text
        .replace(r#"timeout: (real: "3m""#, r#"timeout: (real: "2s""#);
    assert_ne!(text, b.text, "the tutorial's time limit was found");
    let sc = downtime::scenario::load::load_bytes(
        "bundled:tutorial.ron",
        text.as_bytes(),
        &downtime::bundled::FILES,
    )
    .scenario
    .expect("loads");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.jsonl");
    let session = downtime::journal::Session::create(
        sc,
        "bundled:tutorial.ron",
        1,
        &path,
        downtime::journal::Started::from("2026-12-01T10:00:00Z"),
    )
    .expect("journal");
    let host = downtime::host::Host::start(
        session,
        &downtime::host::Config {
            listen: "127.0.0.1:0".parse().expect("addr"),
            public_url: None,
            limits: Limits::default(),
            tls: None,
            console: false,
            lang: None,
        },
    )
    .expect("host");
    let addr = host.local_addr();
    let member = join_url(addr, &host.seats()[1].url).expect("joins");
    let client = host.client();
    client.apply(start()).expect("start");
    let mut ev = Events::open(addr, &member);
    let open = ev.until(WAIT, |v| {
        v["view"]["decisions"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    });
    assert!(
        open["view"]["decisions"][0]["real_left_ms"]
            .as_i64()
            .is_some_and(|l| l <= 2000)
    );
    let started = Instant::now();
    let taken = ev.until(WAIT, |v| {
        v["view"]["taken"].as_array().is_some_and(|t| !t.is_empty())
    });
    assert_eq!(taken["view"]["taken"][0]["timeout"], true);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(client);
    host.stop();
    let read = downtime::journal::read_journal(&path).expect("journal");
    assert!(
        read.entries.iter().any(|e| e.cmd.name() == "timeout"),
        "the timeout is journaled"
    );
}

/// The seats speak `--lang` when it is given, else the scenario's language: the join page,
/// the seat page and its script's strings, and the view's fixed words. The strings cannot
/// close their `<script>` element.
#[test]
fn the_seats_speak_the_asked_language_else_the_scenarios() {
    let start_host = |sc: std::sync::Arc<downtime::scenario::Scenario>, lang| {
        let session = downtime::journal::Session::unjournaled(sc, "t", 1);
        downtime::host::Host::start(
            session,
            &downtime::host::Config {
                lang,
                ..downtime::host::Config::new("127.0.0.1:0".parse().expect("addr"))
            },
        )
        .expect("host")
    };
    let b = downtime::bundled::find("saturday-night-blackout").expect("flagship");
    // English scenario, Chinese asked for.
    let host = start_host(b.load().scenario.expect("loads"), Some(Lang::Zh));
    let addr = host.local_addr();
    let join = get(addr, "/", None);
    assert!(join.body.contains("<html lang=\"zh\">"), "{}", join.body);
    assert!(join.body.contains("加入演练") && !join.body.contains("Join the exercise"));
    assert!(
        !join.body.contains("{{"),
        "every marker is filled: {}",
        join.body
    );
    let member = join_url(addr, &host.seats()[1].url).expect("joins");
    let page = get(addr, "/", Some(&member));
    assert!(page.body.contains("<html lang=\"zh\">"));
    assert!(
        page.body.contains("<h2 id=\"taken-h\">已作出的决策</h2>"),
        "{}",
        page.body
    );
    let open = "<script type=\"application/json\" id=\"strings\">";
    let strings = page.body.split(open).nth(1).expect("the strings");
    let strings = strings.split("</script>").next().expect("closed");
    assert!(
        !strings.contains('<') && !strings.contains('&'),
        "{strings}"
    );
    let strings: serde_json::Value = serde_json::from_str(strings).expect("JSON");
    assert_eq!(strings["seat-web-inbox"], "收件箱");
    assert_eq!(strings["seat-votes"]["other"], "{n} 票");
    let mut ev = Events::open(addr, &member);
    host.client().apply(start()).expect("start");
    let v = ev.until(WAIT, |v| {
        v["view"]["inbox"].as_array().is_some_and(|a| !a.is_empty())
    });
    let inbox = v["view"]["inbox"].as_array().expect("inbox");
    assert!(
        inbox.iter().any(|m| m["channel"] == "电话"),
        "the channel in Chinese: {inbox:?}"
    );
    host.stop();
    // The French translation, nothing asked: French.
    let fr = b.load_translated(Some("fr")).scenario.expect("loads");
    let host = start_host(fr, None);
    let join = get(host.local_addr(), "/", None);
    assert!(join.body.contains("<html lang=\"fr\">"));
    assert!(join.body.contains("Rejoindre l’exercice"), "{}", join.body);
    host.stop();
}
