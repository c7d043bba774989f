//! Confidentiality of the seats' views: random exercises of every bundled scenario, with
//! random votes, and at every step each team's and the presenter's view, as a seat receives
//! it (JSON), never contains a facilitator-only string (notes, the reasons an option is
//! unavailable, outcomes, checks, objectives) or, for a team, another team's message or
//! decision, even when the facilitator pins it on every screen. Only strings that appear nowhere in what the audience may legitimately read are
//! looked for, so a note that quotes a message's title does not count as a leak.

use std::sync::Arc;

use downtime::audience::{Audience, pinned, view};
use downtime::engine::{Command, Exercise, OptionStatus, Status};
use downtime::headless::{Policy, next_command};
use downtime::journal::view::PinKind;
use downtime::scenario::Scenario;
use proptest::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The pieces of a secret text worth looking for: the whole text and its sentences.
fn pieces(text: &str, out: &mut Vec<String>) {
    let t = text.trim();
    if t.chars().count() >= 12 {
        out.push(t.to_string());
    }
    for s in t.split(['.', '\n', '!', '?']) {
        let s = s.trim();
        if s.chars().count() >= 20 {
            out.push(s.to_string());
        }
    }
}

/// What `aud` may legitimately read of the scenario, one string.
fn public(sc: &Scenario, aud: Audience) -> String {
    let mut p = vec![sc.meta.title.clone()];
    for ph in &sc.phases {
        p.push(ph.title.clone());
        p.push(ph.briefing.clone());
        p.extend(ph.questions.iter().cloned());
    }
    for i in &sc.injects {
        if aud.receives(&i.teams) {
            p.extend([i.title.clone(), i.sender.clone(), i.body.clone()]);
            p.extend(i.questions.iter().cloned());
            if let Some(a) = &i.attachment {
                p.extend([a.name.clone(), a.text.clone()]);
            }
        }
    }
    for d in &sc.decisions {
        if aud.sees_decision_of(d.team) {
            p.push(d.prompt.clone());
            p.extend(d.options.iter().map(|o| o.label.clone()));
        }
    }
    p.extend(sc.teams.iter().map(|t| t.name.clone()));
    p.extend(sc.systems.iter().map(|s| s.name.clone()));
    p.extend(sc.services.iter().map(|s| s.name.clone()));
    p.extend(sc.deadlines.iter().map(|d| d.label.clone()));
    for e in &sc.endings {
        p.extend([e.title.clone(), e.debrief.clone()]);
    }
    p.join("\u{0}")
}

/// Strings `aud` must never receive.
fn secrets(sc: &Scenario, aud: Audience) -> Vec<String> {
    let mut s = Vec::new();
    pieces(&sc.meta.how_to_play, &mut s);
    for ph in &sc.phases {
        pieces(&ph.notes, &mut s);
    }
    for i in &sc.injects {
        pieces(&i.notes, &mut s);
        if !aud.receives(&i.teams) {
            pieces(&i.title, &mut s);
            pieces(&i.body, &mut s);
            for q in &i.questions {
                pieces(q, &mut s);
            }
            if let Some(a) = &i.attachment {
                pieces(&a.text, &mut s);
            }
        }
    }
    for d in &sc.decisions {
        for o in &d.options {
            pieces(&o.unavailable, &mut s);
            for out in &o.outcomes {
                pieces(&out.label, &mut s);
                pieces(&out.text, &mut s);
            }
            if !aud.sees_decision_of(d.team) {
                pieces(&o.label, &mut s);
            }
        }
        if !aud.sees_decision_of(d.team) {
            pieces(&d.prompt, &mut s);
        }
    }
    for c in &sc.checks {
        pieces(&c.title, &mut s);
        pieces(&c.lesson, &mut s);
    }
    for o in &sc.meta.objectives {
        pieces(&o.text, &mut s);
        for t in &o.tasks {
            pieces(&t.text, &mut s);
        }
    }
    let public = public(sc, aud);
    s.retain(|x| !public.contains(x.as_str()));
    s.sort();
    s.dedup();
    s
}

/// Every string value of a JSON document, joined.
fn strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\u{0}');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn audiences(sc: &Scenario) -> Vec<Audience> {
    let mut a = vec![Audience::Presenter];
    a.extend((0..sc.teams.len() as u16).map(Audience::Team));
    a
}

/// Plays one random exercise, checking every audience's view after every command.
/// Returns how many facilitator views carried an inject's notes (to show the check can see).
fn play(sc: Arc<Scenario>, seed: u64) -> Result<usize, TestCaseError> {
    let auds = audiences(&sc);
    let forbidden: Vec<(Audience, Vec<String>)> =
        auds.iter().map(|&a| (a, secrets(&sc, a))).collect();
    let notes: Vec<&str> = sc
        .injects
        .iter()
        .map(|i| i.notes.trim())
        .filter(|n| n.chars().count() >= 12)
        .collect();
    let mut ex = Exercise::new(Arc::clone(&sc), seed);
    let mut policy = Policy::random(seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x766f_7465);
    let mut real = 0;
    let mut seen_notes = 0;
    for _ in 0..5_000 {
        real += 1000;
        // Random votes from random members on the open decisions.
        if ex.status() == Status::AwaitingDecisions && rng.random_range(0..2) == 0 {
            for &d in ex.pending().to_vec().iter() {
                let dec = &sc.decisions[d as usize];
                let o = rng.random_range(0..dec.options.len()) as u16;
                if ex.option_status(d, o) != OptionStatus::Available {
                    continue;
                }
                let voter = format!(
                    "{}#{}",
                    sc.teams[dec.team as usize].id,
                    rng.random_range(1..4)
                );
                ex.apply(
                    Command::Vote {
                        decision: dec.id.clone(),
                        option: dec.options[o as usize].id.clone(),
                        team: sc.teams[dec.team as usize].id.clone(),
                        voter,
                        name: format!("Member {}", rng.random_range(1..4)),
                    },
                    real,
                )
                .map_err(|e| TestCaseError::fail(format!("vote refused: {e}")))?;
            }
        }
        // The facilitator pins anything at all (a message not yet fired, or addressed to
        // another team, too): each seat shows it only when it may.
        let pin = match rng.random_range(0..4) {
            0 => None,
            1 => Some((
                PinKind::Questions,
                sc.phases[rng.random_range(0..sc.phases.len())].id.clone(),
            )),
            k => Some((
                if k == 2 {
                    PinKind::Inject
                } else {
                    PinKind::Attachment
                },
                sc.injects[rng.random_range(0..sc.injects.len())].id.clone(),
            )),
        };
        for (aud, secrets) in &forbidden {
            let mut seat = view(&ex, *aud, real);
            seat.pinned = pin
                .as_ref()
                .and_then(|(kind, id)| pinned(&ex, *aud, *kind, id));
            if let Some(p) = seat.pinned.as_ref().filter(|p| p.kind != "questions") {
                prop_assert!(
                    seat.inbox.iter().any(|m| m.title == p.title
                        || m.attachment.as_ref().is_some_and(|a| a.0 == p.title)),
                    "{aud:?} is shown a pin it has not received: {:?}",
                    p.title
                );
            }
            let json = serde_json::to_value(seat).expect("serialises");
            let mut text = String::new();
            strings(&json, &mut text);
            for s in secrets {
                prop_assert!(
                    !text.contains(s.as_str()),
                    "{} seed {seed}: {aud:?} sees {s:?}",
                    sc.meta.id
                );
            }
            // No facilitator-only field at all.
            let raw = json.to_string();
            prop_assert!(
                !raw.contains("\"notes\"")
                    && !raw.contains("\"reason\"")
                    && !raw.contains("\"recommended\"")
            );
        }
        let fac = serde_json::to_value(view(&ex, Audience::Facilitator, real)).expect("serialises");
        let mut fac_text = String::new();
        strings(&fac, &mut fac_text);
        if notes.iter().any(|n| fac_text.contains(n)) {
            seen_notes += 1;
        }
        let Some(cmd) = next_command(&ex, &mut policy) else {
            return Ok(seen_notes);
        };
        ex.apply(cmd, real)
            .map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
    }
    Err(TestCaseError::fail("the exercise did not end"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn no_seat_ever_sees_what_is_not_for_it(seed in any::<u64>()) {
        for b in downtime::bundled::all() {
            let sc = b.load().scenario.expect("bundled scenarios load");
            play(sc, seed)?;
        }
    }
}

#[test]
fn the_check_would_see_a_leak() {
    // The facilitator's view carries the notes: the same search finds them there.
    let b = downtime::bundled::find("saturday-night-blackout").expect("flagship");
    let sc = b.load().scenario.expect("loads");
    assert!(!secrets(&sc, Audience::Team(0)).is_empty());
    let seen = play(sc, 3).expect("plays");
    assert!(
        seen > 0,
        "the facilitator's view never showed an inject's notes"
    );
}
