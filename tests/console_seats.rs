//! The console as the facilitator's client of a host serving seats (`play --seats`), in
//! process: a real host on loopback, real HTTP seats, the console's model driven by keys and
//! drawn with `TestBackend`. The seats' links, codes and QR codes on the briefing; votes on
//! the decision panel as they come; `M` takes the majority; choosing against the room asks
//! why and journals it; the seats overlay names who joined and gives a seat a new link; a
//! pin reaches the seats.

#[path = "support/http.rs"]
mod http;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use downtime::bundled;
use downtime::engine::LogKind;
use downtime::host::{Config, SeatInfo, Setup};
use downtime::journal::Session;
use downtime::scenario::Scenario;
use downtime::tui::app::{Overlay, Screen};
use downtime::tui::hosted::Hosted;
use downtime::tui::{App, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const WAIT: Duration = Duration::from_secs(30);

fn tutorial() -> Arc<Scenario> {
    bundled::find("tutorial").unwrap().load().scenario.unwrap()
}

/// A console at the tutorial's briefing, serving seats on loopback.
fn hosted() -> (App, SocketAddr, Vec<SeatInfo>) {
    let session = Session::unjournaled(tutorial(), "bundled:tutorial.ron", 7);
    let setup = Setup {
        config: Config {
            console: true,
            ..Config::new("127.0.0.1:0".parse().unwrap())
        },
        ssh: None,
        seats_file: None,
    };
    let launched = downtime::host::launch(session, &setup).expect("the host starts");
    let addr = launched.host.local_addr();
    let seats = launched.host.seats();
    let h = Hosted::new(launched, None, None, Vec::new(), None).expect("client");
    let app = App::hosted(h, "bundled:tutorial.ron".into(), false, Theme::plain());
    (app, addr, seats)
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().to_string()
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// Refreshes the console until its screen shows `text`.
fn until_shown(app: &mut App, text: &str) -> String {
    let mut last = String::new();
    let found = (0..300).any(|_| {
        app.update(Msg::Refresh);
        last = render(app, 160, 60);
        if last.contains(text) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
        false
    });
    assert!(found, "the console never showed {text:?}:\n{last}");
    last
}

/// Joins the crisis seat (seat 1: the tutorial's on-call manager) and votes `option` of
/// the open decision `contain` under `name`.
fn vote(addr: SocketAddr, seats: &[SeatInfo], name: &str, option: &str) -> String {
    let cookie = http::join_url(addr, &seats[1].url).expect("the member joins");
    let sc = tutorial();
    let d = sc.decision_index("contain").unwrap();
    let o = sc.decisions[d as usize]
        .options
        .iter()
        .position(|x| x.id == option)
        .unwrap();
    let body = format!(r#"{{"decision":{d},"option":{o},"name":"{name}"}}"#);
    let r = http::request(addr, "POST", "/api/vote", Some(&cookie), Some(&body));
    assert_eq!(r.status, 204, "the vote is taken: {}", r.body);
    cookie
}

/// The number key that chooses `option` of `contain`, as the console numbers it.
fn key_of(app: &App, option: &str) -> char {
    let ex = app.play().unwrap().ex();
    let d = ex.scenario().decision_index("contain").unwrap();
    let pos = downtime::engine::option_order(ex, d)
        .into_iter()
        .position(|o| ex.scenario().decisions[d as usize].options[o as usize].id == option)
        .unwrap();
    char::from(b'1' + pos as u8)
}

fn chosen(app: &App) -> Option<String> {
    let ex = app.play()?.ex();
    let d = ex.scenario().decision_index("contain")?;
    let c = ex.state().decisions[d as usize].choice.as_ref()?;
    Some(
        ex.scenario().decisions[d as usize].options[c.option as usize]
            .id
            .clone(),
    )
}

#[test]
fn the_briefing_shows_every_seat_with_its_link_code_and_qr_code_and_who_joined() {
    let (mut app, addr, seats) = hosted();
    let screen = render(&mut app, 160, 60);
    assert!(screen.contains("Seats"), "{screen}");
    assert!(
        screen.contains("No TLS"),
        "unencrypted traffic is said:\n{screen}"
    );
    assert!(
        screen.contains(&seats[0].url),
        "the presenter's link:\n{screen}"
    );
    let code = &seats[0].code;
    assert!(
        screen.contains(&format!("{} {}", &code[..3], &code[3..])),
        "the join code:\n{screen}"
    );
    assert!(screen.contains("▀▀▀▀▀▀▀▀"), "a QR code is drawn:\n{screen}");
    // Every seat is there further down: scroll to each.
    for (i, s) in seats.iter().enumerate().skip(1) {
        keys(&mut app, "j");
        let screen = render(&mut app, 160, 60);
        assert!(screen.contains(&s.url), "seat {i}'s link:\n{screen}");
    }
    let cookie = http::join_url(addr, &seats[1].url).expect("joins");
    until_shown(&mut app, "1 joined");
    // Before the start a seat shows no situation (nothing is computed yet, not 0 %).
    let r = http::get(addr, "/api/view", Some(&cookie));
    let v: serde_json::Value = serde_json::from_str(&r.body).expect("json");
    assert_eq!(v["view"]["stage"], "briefing");
    assert_eq!(v["view"]["board"]["services"], serde_json::json!([]), "{v}");
}

#[test]
fn votes_show_as_they_come_and_m_takes_the_majority() {
    let (mut app, addr, seats) = hosted();
    keys(&mut app, "s");
    assert!(matches!(app.screen, Screen::Play(_)));
    vote(addr, &seats, "Anne", "wait");
    vote(addr, &seats, "Bob", "wait");
    let screen = until_shown(&mut app, "Anne, Bob");
    assert!(screen.contains("2 votes · majority"), "{screen}");
    assert!(screen.contains("Bob"), "{screen}");
    keys(&mut app, "M");
    assert_eq!(chosen(&app).as_deref(), Some("wait"));
    let ex = app.play().unwrap().ex();
    assert!(
        !ex.log()
            .iter()
            .any(|l| matches!(l.kind, LogKind::Overruled { .. })),
        "taking the majority overrules nobody"
    );
}

#[test]
fn choosing_against_the_room_asks_why_and_the_reason_is_on_record() {
    let (mut app, addr, seats) = hosted();
    keys(&mut app, "s");
    vote(addr, &seats, "Anne", "wait");
    until_shown(&mut app, "1 vote · majority");
    let k = key_of(&app, "isolate");
    keys(&mut app, &k.to_string());
    assert!(
        matches!(app.overlay, Some(Overlay::Overrule { .. })),
        "choosing against the majority asks why"
    );
    assert_eq!(chosen(&app), None, "nothing is decided before the reason");
    // An empty reason is refused; Esc decides nothing.
    keys(&mut app, "\n");
    assert!(matches!(app.overlay, Some(Overlay::Overrule { .. })));
    keys(&mut app, "\x1b");
    assert_eq!(chosen(&app), None);
    keys(&mut app, &k.to_string());
    keys(&mut app, "the lab cannot wait\n");
    assert_eq!(chosen(&app).as_deref(), Some("isolate"));
    let ex = app.play().unwrap().ex();
    assert!(ex.log().iter().any(|l| matches!(
        &l.kind,
        LogKind::Overruled { reason, .. } if reason == "the lab cannot wait"
    )));
    let d = ex.scenario().decision_index("contain").unwrap();
    let votes = downtime::report::votes::of(ex, d).expect("votes on record");
    assert_eq!(votes.overruled, "the lab cannot wait");
    assert!(votes.against_majority);
}

#[test]
fn the_seats_overlay_names_who_joined_and_a_new_link_puts_them_out() {
    let (mut app, addr, seats) = hosted();
    keys(&mut app, "s");
    let cookie = vote(addr, &seats, "Anne", "wait");
    until_shown(&mut app, "Anne");
    keys(&mut app, "S");
    let screen = render(&mut app, 160, 60);
    assert!(screen.contains("Seats · facilitator only"), "{screen}");
    assert!(screen.contains("Anne (oncall#1, web"), "{screen}");
    assert!(screen.contains("lead"), "the first member leads:\n{screen}");
    assert!(screen.contains("Votes on the open decisions"), "{screen}");
    keys(&mut app, "jr");
    let r = http::get(addr, "/api/view", Some(&cookie));
    assert_eq!(r.status, 401, "the old member is out: {}", r.body);
    assert_ne!(
        app.hosted_link().unwrap().seats[1].url,
        seats[1].url,
        "the seat has a new link"
    );
    let old = http::get(
        addr,
        &seats[1].url[seats[1].url.find("/s/").unwrap()..],
        None,
    );
    assert!(
        http::cookie_of(&old).is_none(),
        "the old link lets nobody in"
    );
}

#[test]
fn a_pin_reaches_the_seats_that_may_see_it() {
    let (mut app, addr, seats) = hosted();
    keys(&mut app, "s");
    let cookie = http::join_url(addr, &seats[1].url).expect("joins");
    keys(&mut app, "s\n");
    let pinned = http::eventually(WAIT, || {
        let r = http::get(addr, "/api/view", Some(&cookie));
        let v: serde_json::Value = serde_json::from_str(&r.body).ok()?;
        v["view"]["pinned"]["title"].as_str().map(str::to_string)
    });
    assert_eq!(pinned, "Ransom message on the lab screens");
    // The release is the menu's last line.
    keys(&mut app, "sjjjjj\n");
    http::eventually(WAIT, || {
        let r = http::get(addr, "/api/view", Some(&cookie));
        let v: serde_json::Value = serde_json::from_str(&r.body).ok()?;
        v["view"]["pinned"].is_null().then_some(())
    });
}

#[test]
fn on_a_small_terminal_enter_shows_a_seats_whole_qr_code() {
    let (mut app, _, seats) = hosted();
    let small = render(&mut app, 80, 24);
    assert!(small.contains("Enter: its QR code"), "{small}");
    keys(&mut app, "\n");
    let screen = render(&mut app, 80, 24);
    let code = &seats[0].code;
    assert!(
        screen.contains(&format!("{} {}", &code[..3], &code[3..])),
        "{screen}"
    );
    // The whole code: its top and bottom margins are both on screen.
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("██ ▄▄▄▄▄ █"))
        .collect();
    assert_eq!(
        rows.len(),
        2,
        "two finder patterns' tops on the left:\n{screen}"
    );
    assert!(
        screen.contains("▀▀▀▀▀▀▀▀▀▀"),
        "the bottom margin:\n{screen}"
    );
    keys(&mut app, "\n");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Seats { qr: false, .. })
    ));
}

/// In French (`--lang fr`): what the host tells the facilitator, the seats overlay's names
/// and members, and a seat's refusal are French.
#[test]
fn in_french_the_host_the_seats_overlay_and_a_seats_refusal_are_french() {
    use downtime::i18n::Lang;
    let session = Session::unjournaled(tutorial(), "bundled:tutorial.ron", 7);
    let setup = Setup {
        config: Config {
            console: true,
            lang: Some(Lang::Fr),
            ..Config::new("127.0.0.1:0".parse().unwrap())
        },
        ssh: None,
        seats_file: None,
    };
    let launched = downtime::host::launch(session, &setup).expect("the host starts");
    let lines = launched.lines(&setup);
    assert!(
        lines[0].starts_with("hôte\u{a0}: à l’écoute sur 127.0.0.1:"),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("attention\u{a0}: pas de TLS")),
        "{lines:?}"
    );
    let addr = launched.host.local_addr();
    let seats = launched.host.seats();
    let h = Hosted::new(launched, None, None, lines, None).expect("client");
    let mut app = App::hosted(h, "bundled:tutorial.ron".into(), false, Theme::plain());
    app.lang_asked = Some(Lang::Fr);
    keys(&mut app, "s");
    let cookie = vote(addr, &seats, "Anne", "wait");
    until_shown(&mut app, "Anne");
    keys(&mut app, "S");
    let screen = render(&mut app, 160, 60);
    assert!(screen.contains("▸ Présentation"), "{screen}");
    // No page holds a stream open: the member is not connected.
    assert!(
        screen.contains("Anne (oncall#1, web, hors ligne, responsable)"),
        "{screen}"
    );
    // Two options for a decision that takes one: the seat is told why, in French.
    let d = tutorial().decision_index("contain").unwrap();
    let body = format!(r#"{{"decision":{d},"options":[0,1],"name":"Anne"}}"#);
    let r = http::request(addr, "POST", "/api/vote", Some(&cookie), Some(&body));
    assert_eq!(r.status, 409, "{}", r.body);
    assert_eq!(r.body, "choisissez une option");
}
