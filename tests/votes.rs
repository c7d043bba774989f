//! Votes and dissent on record: votes are journal entries that replay but never change
//! what the engine does; the lead's submission is the decision; the report lists the votes
//! per decision, named where names were given, with the times and "against the majority".

use std::sync::Arc;

use downtime::engine::{Command, Exercise, Status};
use downtime::headless::{Policy, next_command, votes};
use downtime::journal::{Session, Started};
use downtime::scenario::Scenario;

fn flagship() -> (Arc<Scenario>, String) {
    let b = downtime::bundled::find("saturday-night-blackout").expect("flagship");
    (b.load().scenario.expect("loads"), b.source())
}

/// Plays `sc` with `policy`; with `seats`, 3 members vote at random on every decision
/// before it is taken, and the lead submits the policy's choice against their majority
/// where it can. Every command at a fixed real time, so that runs compare exactly.
fn play(sc: &Arc<Scenario>, seed: u64, seats: bool, session: Option<&mut Session>) -> Exercise {
    let mut ex = Exercise::new(Arc::clone(sc), seed);
    let mut policy = Policy::First;
    let mut crowd = Policy::random(seed);
    let mut real = 0u64;
    let sink = |cmd: Command, real: u64, ex: &mut Exercise, s: &mut Option<&mut Session>| {
        if let Some(s) = s {
            s.apply_at(cmd.clone(), real).expect("journaled");
        }
        ex.apply(cmd, real).expect("applies");
    };
    let mut session = session;
    while let Some(mut cmd) = next_command(&ex, &mut policy) {
        real += 30_000;
        if seats
            && let Command::Choose {
                decision, option, ..
            } = &cmd
        {
            let d = sc.decision_index(decision).expect("decision");
            for v in votes(&ex, d, 3, &mut crowd) {
                sink(v, real - 20_000, &mut ex, &mut session);
            }
            let team = sc.teams[sc.decisions[d as usize].team as usize].id.clone();
            cmd = Command::Submit {
                decision: decision.clone(),
                option: option.clone(),
                team,
                by: format!("{}#9", "lead"),
                name: "Lead".into(),
            };
        }
        sink(cmd, real, &mut ex, &mut session);
        if matches!(ex.status(), Status::Ended { .. }) {
            break;
        }
    }
    ex
}

#[test]
fn votes_never_change_the_outcome() {
    let (sc, _) = flagship();
    for seed in [1, 2, 3] {
        let quiet = play(&sc, seed, false, None);
        let voted = play(&sc, seed, true, None);
        assert_eq!(
            format!("{:?}", quiet.state()),
            format!("{:?}", voted.state()),
            "seed {seed}"
        );
        assert_eq!(
            serde_json::to_string(&quiet.score()).expect("json"),
            serde_json::to_string(&voted.score()).expect("json")
        );
        assert!(voted.log().len() > quiet.log().len());
    }
}

#[test]
fn a_vote_on_another_teams_decision_or_a_closed_one_is_refused() {
    let (sc, _) = flagship();
    let mut ex = Exercise::new(Arc::clone(&sc), 1);
    let mut policy = Policy::First;
    let d = loop {
        if let Some(&d) = ex.pending().first() {
            break d;
        }
        let cmd = next_command(&ex, &mut policy).expect("a decision opens");
        ex.apply(cmd, 0).expect("applies");
    };
    let dec = &sc.decisions[d as usize];
    let wrong = sc
        .teams
        .iter()
        .find(|t| t.id != sc.teams[dec.team as usize].id)
        .expect("two teams");
    let vote = |team: &str| Command::Vote {
        decision: dec.id.clone(),
        option: dec.options[0].id.clone(),
        team: team.into(),
        voter: "x#1".into(),
        name: String::new(),
    };
    assert!(ex.apply(vote(&wrong.id), 0).is_err());
    let closed = sc
        .decisions
        .iter()
        .find(|x| x.id != dec.id)
        .expect("another decision");
    assert!(
        ex.apply(
            Command::Vote {
                decision: closed.id.clone(),
                option: closed.options[0].id.clone(),
                team: sc.teams[closed.team as usize].id.clone(),
                voter: "x#1".into(),
                name: String::new(),
            },
            0
        )
        .is_err()
    );
}

#[test]
fn the_report_lists_the_votes_and_dissent_and_replays_to_the_same_bytes() {
    let (sc, source) = flagship();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("votes.jsonl");
    let mut session = Session::create(
        Arc::clone(&sc),
        &source,
        4,
        &path,
        Started::from("2026-12-01T10:00:00Z"),
    )
    .expect("journal");
    let ex = play(&sc, 4, true, Some(&mut session));
    drop(session);
    let replayed = downtime::journal::replay(
        Arc::clone(&sc),
        &downtime::journal::read_journal(&path).expect("reads"),
    )
    .expect("replays");
    assert_eq!(replayed.fingerprint(), ex.fingerprint());

    let render = |f| {
        let built =
            downtime::report::build_with(std::slice::from_ref(&path), None, None).expect("report");
        downtime::report::render(&built.document, f)
    };
    let md = render(downtime::report::Format::Md);
    assert_eq!(
        md,
        render(downtime::report::Format::Md),
        "the same journal gives the same report"
    );
    assert!(md.contains("**Votes on"), "{md}");
    assert!(md.contains("Member 1"));
    assert!(md.contains("after the message"));
    assert!(
        md.contains("Submitted by the lead (Lead)")
            || md.contains("Decided by the lead (Lead) against the majority")
    );
    let json = render(downtime::report::Format::Json);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let decisions = doc["reports"][0]["decisions"]
        .as_array()
        .expect("decisions");
    let voted: Vec<&serde_json::Value> = decisions
        .iter()
        .filter(|d| d.get("votes").is_some())
        .collect();
    assert!(!voted.is_empty());
    for d in &voted {
        let v = &d["votes"];
        let total: u64 = v["options"]
            .as_array()
            .expect("options")
            .iter()
            .map(|o| o["count"].as_u64().expect("count"))
            .sum();
        assert_eq!(total, v["voters"].as_u64().expect("voters"));
        assert_eq!(v["first_vote_ms"], 10_000);
        assert_eq!(v["decided_ms"], 30_000);
        // Against the majority exactly when another option had more votes.
        let chosen = d["option"]["label"].as_str().expect("label");
        let counts: Vec<(String, u64)> = v["options"]
            .as_array()
            .expect("o")
            .iter()
            .map(|o| {
                (
                    o["label"].as_str().unwrap_or("").to_string(),
                    o["count"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        let mine = counts
            .iter()
            .find(|c| c.0 == chosen)
            .map(|c| c.1)
            .unwrap_or(0);
        let most = counts.iter().map(|c| c.1).max().unwrap_or(0);
        assert_eq!(v["against_majority"], mine < most);
    }
    let html = render(downtime::report::Format::Html);
    assert!(html.contains("Votes on"));
}

#[test]
fn the_comparison_says_per_group_how_its_seats_voted() {
    let (sc, source) = flagship();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut paths = Vec::new();
    for (i, seats) in [true, false].into_iter().enumerate() {
        let path = dir.path().join(format!("group{i}.jsonl"));
        let mut session = Session::create(
            Arc::clone(&sc),
            &source,
            4,
            &path,
            Started::from("2026-12-01T10:00:00Z"),
        )
        .expect("journal");
        play(&sc, 4, seats, Some(&mut session));
        paths.push(path);
    }
    let built = downtime::report::build_with(&paths, None, None).expect("comparison");
    let md = downtime::report::render(&built.document, downtime::report::Format::Md);
    assert!(md.contains("### Votes from the seats"), "{md}");
    assert!(md.contains("group0.jsonl: votes on"));
    assert!(md.contains("group1.jsonl: no votes from seats."));
    let html = downtime::report::render(&built.document, downtime::report::Format::Html);
    assert!(html.contains("<h3>Votes from the seats</h3>"));
}
