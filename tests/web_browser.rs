//! The web seats in a real browser: headless Chromium, driven through chromedriver over
//! WebDriver, against the real console serving seats (`downtime play --seats`, in tmux) on
//! loopback. Two phones of the deciding team, one of another team and the presenter's page
//! follow one exercise of the flagship: a vote on one phone shows on the other and on the
//! console, the lead submits, the other team never sees the
//! deciding team's messages and no page ever shows facilitator-only text. Each page is
//! screenshotted at 360×740 into `DOWNTIME_SCREENSHOTS`, or `<target>/screenshots/web_browser/`.
//! A second exercise, of a budget game, has a team's lead take a repeatable action from a
//! phone while another member of the team sees the actions without buttons to take them.
//!
//! Without chromedriver or Chromium the test says it skipped, except on CI (`CI` set), where
//! it fails: `.ci/run` installs both.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

#[path = "support/tmux.rs"]
mod tmux;
use serde_json::{Value, json};

/// How long any one condition may take to hold; polls look every `TICK`.
const WAIT: Duration = Duration::from_secs(60);
const TICK: Duration = Duration::from_millis(100);
/// A phone's viewport.
const PHONE: (u32, u32) = (360, 740);
const SCENARIO: &str = "saturday-night-blackout";
/// The first decision of the flagship and the message that asks it.
const FIRST_INJECT: &str = "screens_black";
const FIRST_DECISION: &str = "contain";
/// Names typed on the two phones of the deciding team (found nowhere in the scenario).
const NAME_1: &str = "Ines Vela";
const NAME_2: &str = "Omar Brandt";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_browsers_follow_one_exercise_vote_and_the_lead_submits() {
    let Some((driver_bin, chromium)) = browser_tools() else {
        return;
    };
    let shots = screenshot_dir();
    let bundled = downtime::bundled::find(SCENARIO).expect("bundled flagship");
    for name in [NAME_1, NAME_2] {
        assert!(
            !bundled.text.contains(name),
            "{name} is not in the scenario"
        );
    }
    let sc = bundled.load().scenario.expect("the flagship loads");
    let inject = sc
        .injects
        .iter()
        .find(|i| i.id == FIRST_INJECT)
        .expect("the first message");
    let decision = sc
        .decisions
        .iter()
        .find(|d| d.id == FIRST_DECISION)
        .expect("the first decision");
    let team_a = &sc.teams[usize::from(decision.team)];
    let team_b = (0..sc.teams.len() as u16)
        .find(|i| !inject.teams.contains(i))
        .map(|i| &sc.teams[usize::from(i)])
        .expect("a team the first message is not for");
    let secret = facilitator_only(&sc);
    let mut not_for_b = vec![
        inject.title.clone(),
        first_words(&inject.body),
        decision.prompt.clone(),
    ];
    not_for_b.extend(decision.options.iter().map(|o| o.label.clone()));
    // Two options to vote on, by label (the order shown may be shuffled by the seed).
    let (x, y) = (&decision.options[1].label, &decision.options[0].label);

    let dir = tempfile::tempdir().expect("tempdir");
    let chromedriver = ChromeDriver::start(&driver_bin);
    let Some(tmux) = tmux::Tmux::new("browser") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing: .ci/run installs it"
        );
        return;
    };
    let host = Console::start(&tmux, dir.path(), &format!("scenarios/{SCENARIO}.ron"));
    let seats = host.seats();
    let seat_of = |team: &str| -> String {
        seats["seats"]
            .as_array()
            .expect("seats")
            .iter()
            .find(|s| s["team"] == team)
            .and_then(|s| s["url"].as_str())
            .unwrap_or_else(|| panic!("no seat for team {team}: {seats}"))
            .to_string()
    };
    let url_a = seat_of(&team_a.id);
    let url_b = seat_of(&team_b.id);
    let presenter = &seats["seats"][0];
    assert_eq!(presenter["audience"], "presenter", "{seats}");
    let code = presenter["code"].as_str().expect("join code");
    let base = &url_a[..url_a.find("/s/").expect("seat path")];

    // Four browsers with separate profiles, so separate cookies; member 1 joins first and
    // so leads its team.
    let m1 = Page::open(&chromedriver, &chromium, "team-a-1", &secret, &[]).await;
    let m2 = Page::open(&chromedriver, &chromium, "team-a-2", &secret, &[]).await;
    let other = Page::open(&chromedriver, &chromium, "team-b", &secret, &not_for_b).await;
    let pres = Page::open(&chromedriver, &chromium, "presenter", &secret, &[]).await;
    m1.join(&url_a, &team_a.name).await;
    m2.join(&url_a, &team_a.name).await;
    other.join(&url_b, &team_b.name).await;
    pres.client
        .goto(&format!("{base}/"))
        .await
        .expect("join page");
    pres.until("the join form", |s| s["codeLabel"].as_str().map(|_| ()))
        .await;
    pres.check_layout_and_accessibility().await;
    pres.shot(&shots, "0-join").await;
    pres.type_into("code", code).await;
    pres.click(Locator::Css("form button[type=submit]")).await;
    pres.until("the presenter's page", |s| {
        (s["who"] == "Presenter").then_some(())
    })
    .await;
    for p in [&m1, &m2, &other, &pres] {
        p.check_layout_and_accessibility().await;
        p.shot(&shots, "1-briefing").await;
    }

    // The facilitator starts: the deciding team's phones and the presenter's page show the
    // first message and its decision.
    host.keys("s");
    for p in [&m1, &m2, &pres] {
        p.until("the first message and its decision", |s| {
            let shown = s["decisions"][0]["prompt"] == decision.prompt.as_str()
                && s["text"].as_str()?.contains(&inject.title);
            shown.then_some(())
        })
        .await;
    }
    other
        .until("the other team's page, still with nothing to decide", |s| {
            s["decisions"]
                .as_array()
                .is_some_and(|d| d.is_empty())
                .then_some(())
        })
        .await;
    assert!(
        m2.state().await["submit"]
            .as_array()
            .is_some_and(|s| s.is_empty()),
        "only the lead has a submit button"
    );

    // Member 1 types a name and votes; member 2's phone shows it within the timeout.
    m1.type_into("name", NAME_1).await;
    m1.vote(x).await;
    m1.until("member 1's vote pressed", |s| {
        option(s, x)?["pressed"].as_bool()?.then_some(())
    })
    .await;
    m2.until("member 1's vote in member 2's tally", |s| {
        tally(s, x)
            .contains(&format!("1 vote: {NAME_1}"))
            .then_some(())
    })
    .await;
    // The facilitator's console shows it too, with the name.
    host.wait_for(NAME_1);
    m2.type_into("name", NAME_2).await;
    m2.vote(y).await;
    m1.until("member 2's vote in member 1's tally", |s| {
        tally(s, y)
            .contains(&format!("1 vote: {NAME_2}"))
            .then_some(())
    })
    .await;
    let p = pres
        .until("the votes counted on the presenter's page", |s| {
            (tally(s, x).contains("1 vote") && tally(s, y).contains("1 vote")).then_some(s.clone())
        })
        .await;
    let text = p["text"].as_str().unwrap_or("");
    assert!(
        !text.contains(NAME_1) && !text.contains(NAME_2),
        "the presenter counts votes; names stay with the team"
    );
    for p in [&m1, &m2, &other, &pres] {
        p.check_layout_and_accessibility().await;
        p.shot(&shots, "2-vote").await;
    }

    // The lead submits its own vote (the page asks to confirm); the decision closes on both
    // phones and the host tells the facilitator.
    m1.client
        .execute(
            "document.querySelector('#decision-list .lead').scrollIntoView({block: 'end'})",
            vec![],
        )
        .await
        .expect("scrolls to the lead's button");
    m1.shot(&shots, "2-vote-lead").await;
    m1.until("the lead's submit button names its vote", |s| {
        s["submit"][0].as_str()?.contains(x.as_str()).then_some(())
    })
    .await;
    m1.click(Locator::Css("#decision-list button.primary"))
        .await;
    m1.accept_confirm().await;
    for p in [&m1, &m2] {
        p.until("the decision closed and listed as taken", |s| {
            let closed = s["decisions"].as_array()?.is_empty();
            let taken = s["taken"].as_array()?.iter().any(|t| {
                t.as_str()
                    .is_some_and(|t| t.contains(&decision.prompt) && t.contains(x.as_str()))
            });
            (closed && taken).then_some(())
        })
        .await;
    }
    pres.until("the choice on the presenter's page", |s| {
        s["taken"]
            .as_array()?
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.contains(x.as_str())))
            .then_some(())
    })
    .await;
    // Polled for the whole of what is expected: a capture taken while a frame is being
    // drawn can hold the first half of a line.
    host.wait_until("the console says who decided", |s| {
        s.contains(&format!("the lead {NAME_1}")) && s.contains("submitted")
    });
    host.keys("S");
    host.wait_until("the console lists who joined and the lead", |s| {
        s.contains("Seats · facilitator only")
            && s.contains(&format!("{NAME_1} ("))
            && s.contains(", lead)")
    });
    host.keys("Escape");
    for p in [&m1, &m2, &other, &pres] {
        p.check_layout_and_accessibility().await;
        p.shot(&shots, "3-submitted").await;
    }
    for p in [m1, m2, other, pres] {
        p.client.close().await.expect("the browser closes");
    }
    host.quit();
    // The journal keeps both votes and the lead's submission.
    let read = downtime::journal::read_journal(&dir.path().join("host.jsonl")).expect("journal");
    let count = |name: &str| read.entries.iter().filter(|e| e.cmd.name() == name).count();
    assert_eq!(
        (count("vote"), count("submit")),
        (2, 1),
        "votes and submission journaled"
    );
    eprintln!("screenshots: {}", shots.display());
}

/// A budget game with repeatable actions: the IT team's lead takes one from a phone.
const ACTIONS_FIXTURE: &str = "tests/fixtures/scenarios/cybersim.ron";
/// The action the lead takes (at most once in the exercise).
const TAKE: &str = "Deploy EDR on every server";
/// An action open to the team that cannot be taken at the start (it needs the record down).
const NOT_NOW: &str = "Restore the patient record from backup";
/// Where the lead's phone is screenshotted with its actions in view.
const ACTIONS_SHOT: &str = "/tmp/actions-seat.png";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lead_takes_an_action_from_a_phone_and_a_member_cannot() {
    let Some((driver_bin, chromium)) = browser_tools() else {
        return;
    };
    let shots = screenshot_dir();
    let path = format!("{}/{ACTIONS_FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the fixture");
    let sc = downtime::scenario::load_str(
        "cybersim.ron",
        &text,
        "sha256:t".into(),
        &downtime::scenario::files::NoFiles,
    )
    .scenario
    .expect("the fixture loads");
    let take = sc
        .actions
        .iter()
        .find(|a| a.label == TAKE)
        .expect("the action to take");
    assert_eq!(take.max_uses, Some(1), "{TAKE} is taken once at most");
    let team = &sc.teams[usize::from(take.teams[0])];
    // What only the facilitator sees: why an action is unavailable, what its outcomes say,
    // and the message the teams never see.
    let mut secret: Vec<String> = sc
        .actions
        .iter()
        .flat_map(|a| {
            std::iter::once(a.unavailable.clone()).chain(a.outcomes.iter().map(|o| o.text.clone()))
        })
        .chain(
            sc.injects
                .iter()
                .filter(|i| i.hidden)
                .map(|i| i.title.clone()),
        )
        .filter(|s| !s.is_empty())
        .collect();
    secret.sort();
    secret.dedup();
    assert!(secret.len() >= 5, "facilitator-only text found: {secret:?}");

    let dir = tempfile::tempdir().expect("tempdir");
    let chromedriver = ChromeDriver::start(&driver_bin);
    let Some(tmux) = tmux::Tmux::new("actions") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing: .ci/run installs it"
        );
        return;
    };
    let host = Console::start(&tmux, dir.path(), ACTIONS_FIXTURE);
    let seats = host.seats();
    let url = seats["seats"]
        .as_array()
        .expect("seats")
        .iter()
        .find(|s| s["team"] == team.id.as_str())
        .and_then(|s| s["url"].as_str())
        .unwrap_or_else(|| panic!("no seat for team {}: {seats}", team.id))
        .to_string();
    // The first to join leads the team.
    let lead = Page::open(&chromedriver, &chromium, "actions-lead", &secret, &[]).await;
    let member = Page::open(&chromedriver, &chromium, "actions-member", &secret, &[]).await;
    lead.join(&url, &team.name).await;
    member.join(&url, &team.name).await;
    lead.until("no actions before the start", |s| {
        (!s["actionsShown"].as_bool()?).then_some(())
    })
    .await;

    host.keys("s");
    let s = lead
        .until("the team's actions, with buttons for the lead", |s| {
            let acts = s["actions"].as_array()?;
            (s["actionsShown"] == true
                && acts.len() >= 2
                && acts.iter().all(|a| a["button"] == true))
            .then(|| s.clone())
        })
        .await;
    let by_label = |s: &Value, label: &str| -> Option<Value> {
        s["actions"]
            .as_array()?
            .iter()
            .find(|a| a["label"] == label)
            .cloned()
    };
    let open: Vec<&str> = s["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["label"].as_str())
        .collect();
    let expected: Vec<&str> = sc
        .actions
        .iter()
        .filter(|a| a.open_to(take.teams[0]))
        .map(|a| a.label.as_str())
        .collect();
    assert_eq!(open, expected, "the team's own actions, in file order");
    let first = by_label(&s, TAKE).expect("the action to take");
    assert_eq!(first["disabled"], false, "{TAKE} can be taken: {first}");
    assert_eq!(s["actionsNote"], "", "the lead is not told to ask the lead");
    let not_now = by_label(&s, NOT_NOW).expect("the action not available yet");
    assert_eq!(not_now["disabled"], true, "{NOT_NOW} waits: {not_now}");
    assert!(
        not_now["facts"]
            .as_str()
            .is_some_and(|f| f.contains("not available now")),
        "an unavailable action says so: {not_now}"
    );
    let m = member
        .until("the actions listed for a member, without buttons", |s| {
            let acts = s["actions"].as_array()?;
            (s["actionsShown"] == true && acts.len() == open.len()).then(|| s.clone())
        })
        .await;
    assert!(
        m["actions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["button"] == false),
        "only the lead has buttons to take actions: {m:#}"
    );
    assert!(
        m["actionsNote"]
            .as_str()
            .is_some_and(|n| n.contains("lead takes these")),
        "a member is told who takes them: {}",
        m["actionsNote"]
    );
    for p in [&lead, &member] {
        p.check_layout_and_accessibility().await;
        p.shot(&shots, "4-actions").await;
    }

    // The lead gives a name and takes the action (the page asks to confirm).
    lead.type_into("name", NAME_1).await;
    let xpath = format!("//ul[@id='action-list']//button[contains(., '{TAKE}')]");
    lead.click(Locator::XPath(&xpath)).await;
    lead.accept_confirm().await;
    for p in [&lead, &member] {
        p.until("the action shown as taken once, and used up", |s| {
            let a = by_label(s, TAKE)?;
            let facts = a["facts"].as_str()?;
            let used_up = a["disabled"] == true || a["button"] == false;
            (facts.contains("taken 1 time") && facts.contains("none left") && used_up).then_some(())
        })
        .await;
    }
    // The facilitator's console says who took what.
    host.wait_until("the console says the lead took the action", |s| {
        s.contains(&format!("the lead {NAME_1}")) && s.contains("took") && s.contains("Deploy")
    });
    lead.client
        .execute(
            "document.getElementById('actions').scrollIntoView({block: 'start'})",
            vec![],
        )
        .await
        .expect("scrolls to the actions");
    for p in [&lead, &member] {
        p.check_layout_and_accessibility().await;
        p.shot(&shots, "5-action-taken").await;
    }
    let png = lead.client.screenshot().await.expect("screenshot");
    std::fs::write(ACTIONS_SHOT, png).expect("the screenshot is written");

    // A member's request to take one is refused by the host, whatever the page shows.
    let refused = member
        .client
        .execute(
            r#"const x = new XMLHttpRequest(); x.open("POST", "/api/take", false);
               x.setRequestHeader("Content-Type", "application/json");
               x.send(JSON.stringify({action: 1, name: ""})); return x.status;"#,
            vec![],
        )
        .await
        .expect("the member's request");
    assert_eq!(refused, json!(403), "a member cannot take an action");
    for p in [lead, member] {
        p.client.close().await.expect("the browser closes");
    }
    host.quit();
    // The journal keeps the one action the lead took, with the name given.
    let read = downtime::journal::read_journal(&dir.path().join("host.jsonl")).expect("journal");
    let takes: Vec<_> = read
        .entries
        .iter()
        .filter_map(|e| match &e.cmd {
            downtime::engine::Command::Take {
                action, team, name, ..
            } => Some((action.clone(), team.clone(), name.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        takes,
        [(take.id.clone(), Some(team.id.clone()), NAME_1.to_string())],
        "the action journaled once, for the team, with the lead's name"
    );
    eprintln!("screenshots: {} and {ACTIONS_SHOT}", shots.display());
}

/// chromedriver and a Chromium binary, or `None` after saying the test skipped (never on CI).
fn browser_tools() -> Option<(PathBuf, Option<PathBuf>)> {
    let driver = on_path("chromedriver");
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(on_path);
    if driver.is_none() || chromium.is_none() {
        let missing = if driver.is_none() {
            "chromedriver"
        } else {
            "chromium"
        };
        assert!(
            std::env::var_os("CI").is_none(),
            "the browser test needs {missing} on CI (.ci/run installs chromium and chromium-driver)"
        );
        eprintln!("skipped: no {missing}");
        return None;
    }
    Some((driver?, chromium))
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Where screenshots go: `DOWNTIME_SCREENSHOTS`, or `screenshots/web_browser/` in the target
/// folder (never the source tree).
fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("DOWNTIME_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_TARGET_TMPDIR"))
                .parent()
                .expect("the target folder")
                .join("screenshots/web_browser")
        });
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// Text only the facilitator may see, from the scenario: phase and message notes, the
/// outcomes of options (their consequences), the hidden reasons an option is unavailable,
/// and the score's metrics.
fn facilitator_only(sc: &downtime::scenario::Scenario) -> Vec<String> {
    let mut out: Vec<String> = sc.phases.iter().map(|p| p.notes.clone()).collect();
    out.extend(sc.injects.iter().map(|i| i.notes.clone()));
    for d in &sc.decisions {
        for o in &d.options {
            out.push(o.unavailable.clone());
            out.extend(o.outcomes.iter().map(|x| x.text.clone()));
        }
    }
    out.extend(sc.metrics.iter().map(|m| m.label.clone()));
    let mut out: Vec<String> = out
        .iter()
        .map(|s| first_words(s))
        .filter(|s| s.chars().count() >= 10)
        .collect();
    out.sort();
    out.dedup();
    assert!(out.len() > 20, "facilitator-only text found: {out:?}");
    out
}

/// The first 60 characters of `s` (a leak shows its beginning too).
fn first_words(s: &str) -> String {
    s.trim().chars().take(60).collect()
}

/// An option of the page's first open decision, by label.
fn option<'a>(s: &'a Value, label: &str) -> Option<&'a Value> {
    s["decisions"][0]["options"]
        .as_array()?
        .iter()
        .find(|o| o["label"].as_str().is_some_and(|l| l.contains(label)))
}

/// The tally shown with an option (empty when the option is not shown).
fn tally(s: &Value, label: &str) -> String {
    option(s, label)
        .and_then(|o| o["tally"].as_str())
        .unwrap_or("")
        .to_string()
}

/// A child process killed with its whole process group on drop (chromedriver's browsers
/// included), even when the test fails.
struct Guard(Child);

impl Guard {
    fn spawn(cmd: &mut Command) -> Guard {
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        Guard(cmd.spawn().expect("spawns"))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.0.id())])
                .stderr(Stdio::null())
                .status();
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

/// chromedriver on a free loopback port.
struct ChromeDriver {
    url: String,
    _child: Guard,
}

impl ChromeDriver {
    /// Starts chromedriver on a free port (trying another if the port was taken meanwhile)
    /// and waits for its `/status` to say it is ready.
    fn start(bin: &Path) -> ChromeDriver {
        let mut said = String::new();
        for _ in 0..3 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let mut child = Guard::spawn(
                Command::new(bin)
                    .arg(format!("--port={port}"))
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped()),
            );
            let out = collect(child.0.stdout.take().expect("stdout"));
            let err = collect(child.0.stderr.take().expect("stderr"));
            let addr = SocketAddr::from(([127, 0, 0, 1], port));
            let ready = eventually("chromedriver ready", || {
                if status_ready(addr) {
                    Some(true)
                } else {
                    child.0.try_wait().ok().flatten().map(|_| false)
                }
            });
            if ready {
                return ChromeDriver {
                    url: format!("http://{addr}"),
                    _child: child,
                };
            }
            said = format!("{}{}", out.lock().expect("lock"), err.lock().expect("lock"));
        }
        panic!("chromedriver did not start:\n{said}");
    }
}

/// Whether chromedriver's `/status` says it is ready.
fn status_ready(addr: SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    s.set_read_timeout(Some(Duration::from_secs(2))).ok();
    let req = format!("GET /status HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return false;
    }
    // Whatever came before the end or the read timeout (in case the connection stays open).
    let mut body = Vec::new();
    let _ = s.read_to_end(&mut body);
    String::from_utf8_lossy(&body)
        .replace(' ', "")
        .contains("\"ready\":true")
}

/// The real console serving the seats (`downtime play --seats`), in a tmux pane.
struct Console<'a> {
    tmux: &'a tmux::Tmux,
    seats_file: PathBuf,
}

impl<'a> Console<'a> {
    /// Starts the console on `scenario`, a path relative to the crate's root.
    fn start(tmux: &'a tmux::Tmux, dir: &Path, scenario: &str) -> Console<'a> {
        let seats_file = dir.join("seats.json");
        let scenario = format!("{}/{scenario}", env!("CARGO_MANIFEST_DIR"));
        tmux.start(
            "console",
            dir,
            &format!(
                "'{}' play '{scenario}' --seed 7 --journal '{}' --seats 127.0.0.1:0 --seats-file '{}'; sleep 600",
                env!("CARGO_BIN_EXE_downtime"),
                dir.join("host.jsonl").display(),
                seats_file.display()
            ),
        );
        tmux.run(&["resize-window", "-t", "console", "-x", "140", "-y", "45"]);
        let c = Console { tmux, seats_file };
        c.wait_for("Seats");
        c
    }

    /// The seats file, once written.
    fn seats(&self) -> Value {
        eventually("the seats file", || {
            serde_json::from_str(&std::fs::read_to_string(&self.seats_file).ok()?).ok()
        })
    }

    /// Types keys on the console (tmux key names).
    fn keys(&self, keys: &str) {
        self.tmux.keys("console", keys);
    }

    /// The console's screen once it shows `text`.
    fn wait_for(&self, text: &str) -> String {
        self.tmux.wait_for("console", text)
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.tmux.wait_until("console", what, ok)
    }

    /// Quits the console (it asks first) and checks it says where the journal is.
    fn quit(self) {
        self.keys("q");
        self.wait_for("Quit");
        self.keys("y");
        self.wait_for("Journal:");
    }
}

/// Reads a pipe to its end on a thread, into a shared string.
fn collect(r: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let t = Arc::clone(&text);
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines().map_while(Result::ok) {
            let mut t = t.lock().expect("lock");
            t.push_str(&line);
            t.push('\n');
        }
    });
    text
}

/// Polls `f` (a blocking check) until it gives `Some`.
fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < WAIT, "{what}: not within {WAIT:?}");
        std::thread::sleep(TICK);
    }
}

/// What the test reads of a seat page, in one script: the text, the open decisions with
/// their options and tallies, the lead's submit button, the decisions taken, and the layout
/// and accessibility facts.
const STATE_JS: &str = r##"
const all = (s, root) => Array.from((root || document).querySelectorAll(s));
const text = e => (e ? e.textContent : "").trim();
const named = e => {
  const by = (e.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
    .map(id => text(document.getElementById(id))).join(" ");
  return (e.getAttribute("aria-label") || by || text(e) || "").trim();
};
const who = document.getElementById("who");
return {
  text: document.documentElement.textContent,
  shown: document.body ? document.body.innerText : "",
  lang: document.documentElement.getAttribute("lang") || "",
  who: who ? text(who) : null,
  codeLabel: document.getElementById("code") ? all("label[for=code]").map(text).join(" ") : null,
  decisions: all("#decision-list .decision").map(d => ({
    prompt: text(d.querySelector(".prompt")),
    options: all(".options li", d).map(li => {
      const b = li.querySelector("button");
      const t = li.querySelector(".tally");
      return { label: text(li).slice(0, text(li).length - text(t).length), tally: text(t),
        pressed: b ? b.getAttribute("aria-pressed") === "true" : null };
    }),
  })),
  submit: all("#decision-list button.primary").map(text),
  actionsShown: document.getElementById("actions") ? !document.getElementById("actions").hidden : false,
  actionsNote: (n => n && !n.hidden ? text(n) : "")(document.getElementById("actions-note")),
  actions: all("#action-list li").map(li => {
    const b = li.querySelector("button");
    const head = li.firstElementChild;
    return { label: head && head.firstChild ? head.firstChild.textContent.trim() : "",
      facts: text(li.querySelector(".tally")), button: !!b, disabled: b ? b.disabled : null };
  }),
  taken: all("#taken li").map(text),
  unnamedButtons: all("button").filter(b => !named(b)).map(b => b.outerHTML),
  unlabelledInputs: all("input").filter(i => !(i.labels && Array.from(i.labels).some(l => text(l)))
    && !i.getAttribute("aria-label")).map(i => i.outerHTML),
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  innerHeight: window.innerHeight,
};
"##;

/// One browser session on one seat page.
struct Page {
    name: &'static str,
    client: Client,
    /// Text this page must never show.
    never: Vec<String>,
    _profile: tempfile::TempDir,
}

impl Page {
    /// A fresh headless Chromium with its own profile, at a phone's size.
    async fn open(
        driver: &ChromeDriver,
        chromium: &Option<PathBuf>,
        name: &'static str,
        secret: &[String],
        also_never: &[String],
    ) -> Page {
        let profile = tempfile::tempdir().expect("profile");
        let mut opts = json!({
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--window-size={},{}", PHONE.0, PHONE.1),
                format!("--user-data-dir={}", profile.path().display()),
            ],
            // A phone's viewport exactly (a headless window's own frame takes some of its
            // height), with a phone's touch and overlay scroll bars.
            "mobileEmulation": { "deviceMetrics": {
                "width": PHONE.0, "height": PHONE.1, "pixelRatio": 1.0, "touch": true, "mobile": true,
            } },
        });
        if let Some(bin) = chromium {
            opts["binary"] = json!(bin);
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), opts);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| panic!("{name}: a browser session: {e}"));
        client
            .set_window_size(PHONE.0, PHONE.1)
            .await
            .expect("window size");
        let mut never = secret.to_vec();
        never.extend(also_never.iter().cloned());
        Page {
            name,
            client,
            never,
            _profile: profile,
        }
    }

    /// Opens a seat URL and waits for the team's page.
    async fn join(&self, url: &str, team: &str) {
        self.client.goto(url).await.expect("the seat URL opens");
        self.until("the team's page", |s| (s["who"] == team).then_some(()))
            .await;
    }

    /// The page as [`STATE_JS`] reads it, after checking that neither the source nor the
    /// text shows anything this page must never show.
    async fn state(&self) -> Value {
        let s = self
            .client
            .execute(STATE_JS, vec![])
            .await
            .unwrap_or_else(|e| panic!("{}: reading the page: {e}", self.name));
        let source = self.client.source().await.expect("page source");
        let text = s["text"].as_str().unwrap_or("");
        for n in &self.never {
            assert!(
                !text.contains(n.as_str()) && !source.contains(n.as_str()),
                "{}: the page shows {n:?}, which it must never show",
                self.name
            );
        }
        assert!(
            !source.contains("recommended"),
            "{}: the page marks a recommended option",
            self.name
        );
        s
    }

    /// Polls the page until `f` gives `Some`.
    /// The page's state once its first open decision shows, its first option's tally
    /// reading `tally` (the words for no vote, in the page's language).
    async fn open_decision(&self, language: &str, tally: &str) -> Value {
        let what = format!("the open decision, {language}");
        self.until(&what, |s| {
            let d = s["decisions"].as_array()?.first()?;
            let shown = d["options"].as_array()?.first()?["tally"].as_str()?;
            (shown == tally).then(|| s.clone())
        })
        .await
    }

    async fn until<T>(&self, what: &str, f: impl Fn(&Value) -> Option<T>) -> T {
        let start = Instant::now();
        loop {
            let s = self.state().await;
            if let Some(v) = f(&s) {
                return v;
            }
            assert!(
                start.elapsed() < WAIT,
                "{}: {what}: not within {WAIT:?}; the page: {s:#}",
                self.name
            );
            tokio::time::sleep(TICK).await;
        }
    }

    /// A phone-sized page without horizontal scroll; `lang` set, every button named and
    /// every input labelled.
    async fn check_layout_and_accessibility(&self) {
        let s = self.state().await;
        let n = self.name;
        assert!(
            s["innerWidth"]
                .as_u64()
                .is_some_and(|w| w <= u64::from(PHONE.0)),
            "{n}: the viewport is phone-sized: {}×{}",
            s["innerWidth"],
            s["innerHeight"]
        );
        assert!(
            s["scrollWidth"]
                .as_u64()
                .is_some_and(|w| w <= u64::from(PHONE.0)),
            "{n}: no horizontal scroll on a phone: the page is {} px wide",
            s["scrollWidth"]
        );
        assert!(
            !s["lang"].as_str().unwrap_or("").is_empty(),
            "{n}: <html lang> is set"
        );
        assert_eq!(
            s["unnamedButtons"],
            json!([]),
            "{n}: buttons without a name"
        );
        assert_eq!(
            s["unlabelledInputs"],
            json!([]),
            "{n}: inputs without a label"
        );
    }

    /// Types into the input with this id.
    async fn type_into(&self, id: &str, text: &str) {
        let e = self.client.find(Locator::Id(id)).await.expect("the input");
        e.clear().await.expect("clear");
        e.send_keys(text).await.expect("typed");
    }

    /// Clicks what `loc` finds, finding it again while the page redraws under it.
    async fn click(&self, loc: Locator<'_>) {
        let start = Instant::now();
        loop {
            let r = match self.client.find(loc).await {
                Ok(e) => e.click().await,
                Err(e) => Err(e),
            };
            match r {
                Ok(()) => return,
                Err(e) => assert!(
                    start.elapsed() < WAIT,
                    "{}: cannot click {loc:?}: {e}",
                    self.name
                ),
            }
            tokio::time::sleep(TICK).await;
        }
    }

    /// Votes for the option with this label.
    async fn vote(&self, label: &str) {
        assert!(!label.contains('\''), "an option label without quotes");
        let xpath = format!("//div[@id='decision-list']//button[contains(., '{label}')]");
        self.click(Locator::XPath(&xpath)).await;
    }

    /// Accepts the confirmation the page asks for.
    async fn accept_confirm(&self) {
        let start = Instant::now();
        while let Err(e) = self.client.accept_alert().await {
            assert!(
                start.elapsed() < WAIT,
                "{}: no confirmation to accept: {e}",
                self.name
            );
            tokio::time::sleep(TICK).await;
        }
    }

    /// A PNG of the page as a phone shows it, `<stage>-<page>.png`.
    async fn shot(&self, dir: &Path, stage: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "{}: a PNG", self.name);
        // The IHDR chunk: width and height, big-endian, at bytes 16..24.
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
        assert_eq!(
            (size(16), size(20)),
            PHONE,
            "{}: the screenshot is a phone's screen",
            self.name
        );
        std::fs::write(dir.join(format!("{stage}-{}.png", self.name)), png).expect("written");
    }
}

/// Where the lead's phone is screenshotted with several options ticked.
const PICK_SHOT: &str = "/tmp/pick-seat.png";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_ticks_several_options_on_a_phone_and_submits_them_together() {
    let Some((driver_bin, chromium)) = browser_tools() else {
        return;
    };
    let shots = screenshot_dir();
    let dir = tempfile::tempdir().expect("tempdir");
    let chromedriver = ChromeDriver::start(&driver_bin);
    let Some(tmux) = tmux::Tmux::new("pick") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing: .ci/run installs it"
        );
        return;
    };
    let host = Console::start(&tmux, dir.path(), ACTIONS_FIXTURE);
    let seats = host.seats();
    let url = seats["seats"]
        .as_array()
        .expect("seats")
        .iter()
        .find(|s| s["team"] == "it")
        .and_then(|s| s["url"].as_str())
        .expect("the IT seat")
        .to_string();
    let lead = Page::open(&chromedriver, &chromium, "pick-lead", &[], &[]).await;
    lead.join(&url, "IT and security").await;
    host.keys("s");
    // Jump from message to message until the decision with several answers opens.
    let start = Instant::now();
    while !host
        .tmux
        .screen("console")
        .contains("Which responses do we fund now?")
    {
        assert!(start.elapsed() < WAIT, "the decision did not open");
        host.keys("n");
        tokio::time::sleep(TICK).await;
    }
    let s = lead
        .until("the decision, with several answers", |s| {
            let d = s["decisions"].as_array()?.first()?.clone();
            (d["options"].as_array()?.len() == 4).then_some(s.clone())
        })
        .await;
    assert!(
        s["text"]
            .as_str()
            .is_some_and(|t| t.contains("Several answers: pick 1 to 3")),
        "the page says how many to pick"
    );
    const ISOLATE: &str = "Isolate the file servers";
    const NOTIFY: &str = "Notify the national CERT";
    lead.type_into("name", NAME_1).await;
    lead.vote(ISOLATE).await;
    lead.until("one option ticked and voted", |s| {
        let isolate = option(s, ISOLATE)?;
        (isolate["pressed"] == true && isolate["tally"].as_str()?.starts_with("1 vote"))
            .then_some(())
    })
    .await;
    lead.vote(NOTIFY).await;
    let s = lead
        .until("two options ticked, the vote for both", |s| {
            let (i, n) = (option(s, ISOLATE)?, option(s, NOTIFY)?);
            (i["pressed"] == true
                && n["pressed"] == true
                && n["tally"].as_str()?.starts_with("1 vote"))
            .then(|| s.clone())
        })
        .await;
    let submit = s["submit"].as_array().expect("submit buttons");
    assert!(
        submit.iter().any(|b| b
            .as_str()
            .is_some_and(|t| t.contains(ISOLATE) && t.contains(NOTIFY) && t.contains(" + "))),
        "the lead submits both: {submit:?}"
    );
    lead.check_layout_and_accessibility().await;
    lead.shot(&shots, "6-pick").await;
    let png = lead.client.screenshot().await.expect("screenshot");
    std::fs::write(PICK_SHOT, png).expect("the screenshot is written");
    lead.click(Locator::XPath(
        "//div[@id='decision-list']//button[contains(@class, 'primary')]",
    ))
    .await;
    lead.accept_confirm().await;
    lead.until("the decision taken with both options", |s| {
        let taken = s["taken"].as_array()?;
        taken
            .iter()
            .any(|t| {
                t.as_str()
                    .is_some_and(|t| t.contains(ISOLATE) && t.contains(NOTIFY))
            })
            .then_some(())
    })
    .await;
    lead.client.close().await.expect("the browser closes");
    host.quit();
    let read = downtime::journal::read_journal(&dir.path().join("host.jsonl")).expect("journal");
    let submitted: Vec<String> = read
        .entries
        .iter()
        .filter_map(|e| match &e.cmd {
            downtime::engine::Command::Submit { option, .. } => Some(option.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        submitted,
        ["isolate+notify"],
        "one submission of both, in file order"
    );
}

/// A French game: the seat page and the join page are in French, `<html lang="fr">`, and
/// the layout holds at a phone's width with the longer words.
#[test]
fn a_french_games_seat_page_speaks_french() {
    let Some((driver_bin, chromium)) = browser_tools() else {
        return;
    };
    let shots = screenshot_dir();
    let b = downtime::bundled::find(SCENARIO).expect("the flagship");
    let sc = Arc::new(
        b.load_translated(Some("fr"))
            .scenario
            .expect("the French translation loads"),
    );
    assert_eq!(sc.meta.language, "fr");
    let team = sc
        .teams
        .iter()
        .find(|t| t.id == "it")
        .expect("the IT team")
        .name
        .clone();
    let session = downtime::journal::Session::unjournaled(Arc::clone(&sc), "bundled:fr", 7);
    let host = downtime::host::Host::start(
        session,
        &downtime::host::Config::new("127.0.0.1:0".parse().expect("addr")),
    )
    .expect("the host starts");
    host.client()
        .apply(downtime::engine::Command::Start {
            params: Default::default(),
            session: Default::default(),
        })
        .expect("the exercise starts");
    let url = host
        .seats()
        .iter()
        .find(|s| s.team.as_deref() == Some("it"))
        .map(|s| s.url.clone())
        .expect("the IT seat");
    let base = host.base_url().to_string();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let chromedriver = ChromeDriver::start(&driver_bin);
        // The join page, before joining.
        let guest = Page::open(&chromedriver, &chromium, "fr-guest", &[], &[]).await;
        guest.client.goto(&base).await.expect("the join page opens");
        let s = guest
            .until("the join page", |s| {
                s["codeLabel"].as_str().map(|_| s.clone())
            })
            .await;
        assert_eq!(s["lang"], "fr", "{s}");
        let text = s["text"].as_str().unwrap_or("");
        assert!(text.contains("Rejoindre l’exercice"), "{text}");
        assert!(
            s["codeLabel"]
                .as_str()
                .is_some_and(|l| l.contains("Code d’accès")),
            "{s}"
        );
        guest.client.close().await.expect("the browser closes");
        // The team's page.
        let page = Page::open(&chromedriver, &chromium, "fr-lead", &[], &[]).await;
        page.join(&url, &team).await;
        let s = page.open_decision("in French", "0 vote").await;
        assert_eq!(s["lang"], "fr", "{s}");
        // What is shown, not the page's strings for its script.
        let text = s["shown"].as_str().unwrap_or("");
        for french in [
            "La décision de votre équipe",
            "Votre nom (facultatif, affiché avec votre vote)",
            "Temps restant\u{a0}: ",
            "Messages",
            "Décisions prises",
            "Situation",
            "Vous êtes responsable de l’équipe\u{a0}: validez",
            "Appel téléphonique",
            "phase 1/3\u{a0}: ",
        ] {
            assert!(
                text.contains(french),
                "{french:?} is not on the page: {text}"
            );
        }
        for english in [
            "Your team's decision",
            "Time left",
            "Inbox",
            "Decisions taken",
            "No message yet",
            " votes",
            "Phone call",
        ] {
            assert!(
                !text.contains(english),
                "{english:?} is on the page: {text}"
            );
        }
        assert!(
            s["submit"].as_array().is_some_and(|b| b
                .iter()
                .any(|b| b.as_str().is_some_and(|t| t.starts_with("Valider «\u{a0}")))),
            "the lead's button is French: {s}"
        );
        page.check_layout_and_accessibility().await;
        page.shot(&shots, "fr-seat").await;
        page.client.close().await.expect("the browser closes");
    });
    drop(rt);
    host.stop();
}

/// A Chinese game (the tutorial's translation): the seat page is in Chinese, with
/// `<html lang="zh">`, and its wide characters fit a phone's width.
#[test]
fn a_chinese_games_seat_page_speaks_chinese_and_fits_a_phone() {
    let Some((driver_bin, chromium)) = browser_tools() else {
        return;
    };
    let shots = screenshot_dir();
    let b = downtime::bundled::find("tutorial").expect("the tutorial");
    let sc = Arc::new(
        b.load_translated(Some("zh"))
            .scenario
            .expect("the Chinese translation loads"),
    );
    assert_eq!(sc.meta.language, "zh");
    let team = sc.teams[0].name.clone();
    let session = downtime::journal::Session::unjournaled(Arc::clone(&sc), "bundled:zh", 7);
    let host = downtime::host::Host::start(
        session,
        &downtime::host::Config::new("127.0.0.1:0".parse().expect("addr")),
    )
    .expect("the host starts");
    host.client()
        .apply(downtime::engine::Command::Start {
            params: Default::default(),
            session: Default::default(),
        })
        .expect("the exercise starts");
    let url = host
        .seats()
        .iter()
        .find(|s| s.team.is_some())
        .map(|s| s.url.clone())
        .expect("the team's seat");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let chromedriver = ChromeDriver::start(&driver_bin);
        let page = Page::open(&chromedriver, &chromium, "zh-lead", &[], &[]).await;
        page.join(&url, &team).await;
        let s = page.open_decision("in Chinese", "0 票").await;
        assert_eq!(s["lang"], "zh", "{s}");
        let text = s["shown"].as_str().unwrap_or("");
        for chinese in [
            "你们团队的决策",
            "剩余时间：",
            "收件箱",
            "已作出的决策",
            "电话",
        ] {
            assert!(
                text.contains(chinese),
                "{chinese:?} is not on the page: {text}"
            );
        }
        for english in ["Your team's decision", "Time left", "Inbox", "Phone call"] {
            assert!(
                !text.contains(english),
                "{english:?} is on the page: {text}"
            );
        }
        page.check_layout_and_accessibility().await;
        page.shot(&shots, "zh-seat").await;
        page.client.close().await.expect("the browser closes");
    });
    drop(rt);
    host.stop();
}
