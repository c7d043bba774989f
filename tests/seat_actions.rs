//! Actions from the seats: a team's web seat lists the actions open to it; its lead takes
//! one over HTTP (journaled as a `Take` with who took it), members and other teams cannot,
//! and what a team may not take is not shown to it. The SSH screen offers them by key.

#[path = "support/http.rs"]
mod http;

use std::path::Path;
use std::time::Duration;

use downtime::engine::{Command, LogKind};
use downtime::host::Limits;
use downtime::host::ssh_screen::{Act, Key, Me, Ui};
use http::{Events, join_url, request};

const WAIT: Duration = Duration::from_secs(20);
const FIXTURE: &str = "tests/fixtures/scenarios/cybersim.ron";

#[test]
fn the_lead_takes_an_action_from_a_web_seat() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, _journal) = http::host_file(dir.path(), Path::new(FIXTURE), 3, Limits::default());
    let addr = host.local_addr();
    let seats = host.seats();
    let client = host.client();
    client
        .apply(Command::Start {
            params: Default::default(),
            session: Default::default(),
        })
        .expect("start");
    // Seat 1 is the IT team, seat 2 the executive team (presenter first).
    let lead = join_url(addr, &seats[1].url).expect("lead joins");
    let member = join_url(addr, &seats[1].url).expect("member joins");
    let exec = join_url(addr, &seats[2].url).expect("exec joins");
    let mut ev = Events::open(addr, &member);
    let v = ev.until(WAIT, |v| {
        v["view"]["actions"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    });
    let labels: Vec<&str> = v["view"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Deploy EDR on every server",
            "Turn on MFA for remote access",
            "Restore the patient record from backup"
        ],
        "the IT seat sees IT's actions only"
    );
    assert!(
        v["view"]["actions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a.get("reason").is_none()),
        "why an action is unavailable stays with the facilitator: {v}"
    );
    let body = r#"{"action":0,"name":"Ana"}"#;
    assert_eq!(
        request(addr, "POST", "/api/take", Some(&member), Some(body)).status,
        403
    );
    assert_eq!(
        request(addr, "POST", "/api/take", Some(&exec), Some(body)).status,
        404
    );
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/take",
            Some(&lead),
            Some(r#"{"action":"x"}"#)
        )
        .status,
        400
    );
    let r = request(addr, "POST", "/api/take", Some(&lead), Some(body));
    assert_eq!(r.status, 204, "{}", r.body);
    let v = ev.until(WAIT, |v| v["view"]["actions"][0]["uses"] == 1);
    assert_eq!(v["view"]["actions"][0]["available"], false, "max_uses: 1");
    // Once is the limit: taken again, it is refused with the reason.
    let r = request(addr, "POST", "/api/take", Some(&lead), Some(body));
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(r.body.contains("already taken"), "{}", r.body);
    // One whose requirement is not met is refused without the facilitator's reason.
    let restore = r#"{"action":2,"name":"Ana"}"#;
    let r = request(addr, "POST", "/api/take", Some(&lead), Some(restore));
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.body.contains("cannot be taken now") && !r.body.contains("record is not down"),
        "the reason stays with the facilitator: {}",
        r.body
    );
    let (ex, _) = client.snapshot().expect("snapshot");
    let taken = ex.log().iter().find_map(|l| match &l.kind {
        LogKind::Action {
            action,
            team,
            by,
            name,
            ..
        } => Some((*action, *team, by.clone(), name.clone())),
        _ => None,
    });
    let (action, team, by, name) = taken.expect("an action on record");
    assert_eq!((action, team, name.as_str()), (0, Some(0), "Ana"));
    assert!(by.starts_with("it#"), "{by}");
    assert_eq!(ex.state().counters[0], 20.0, "the budget paid 20 k€");
}

fn view_with_actions() -> downtime::audience::SeatView {
    let sc = downtime::scenario::load_file(Path::new(FIXTURE))
        .scenario
        .expect("loads");
    let mut ex = downtime::engine::Exercise::new(sc, 1);
    ex.apply(
        Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
        0,
    )
    .unwrap();
    downtime::audience::view(&ex, downtime::audience::Audience::Team(0), 0)
}

#[test]
fn the_ssh_lead_highlights_an_action_and_takes_it_after_confirming() {
    let v = view_with_actions();
    let lead = Me {
        voter: "it#1".into(),
        lead: true,
        ..Me::default()
    };
    let mut ui = Ui::default();
    assert_eq!(ui.key(Key::NextAction, Some(&v), &lead, true), Act::None);
    assert_eq!(ui.key(Key::Take, Some(&v), &lead, true), Act::None);
    assert_eq!(ui.confirm_take, Some(1));
    assert_eq!(ui.key(Key::Yes, Some(&v), &lead, true), Act::Take(1));
    // A member is told that the lead takes actions.
    let member = Me {
        voter: "it#2".into(),
        ..Me::default()
    };
    let mut ui = Ui::default();
    assert_eq!(ui.key(Key::Take, Some(&v), &member, true), Act::None);
    assert!(ui.status.contains("Only the team's lead"), "{}", ui.status);
    // The screen lists them.
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|f| downtime::host::ssh_screen::draw(f, Some(&v), &Ui::default(), &lead))
        .unwrap();
    let screen = term.backend().to_string();
    assert!(screen.contains("Actions your team can take"), "{screen}");
    assert!(screen.contains("▶ Deploy EDR on every server"), "{screen}");
    assert!(screen.contains("t take it"), "{screen}");
}
