//! Property tests of the engine over every bundled scenario: random seeds and random command
//! sequences never panic, keep metrics in range, end by the clock's end, replay to the same
//! state, and give byte-identical transcripts.

use std::sync::Arc;

use downtime::engine::{Command, Exercise, Status};
use downtime::headless::transcript::Transcript;
use downtime::scenario::Scenario;
use proptest::prelude::*;

/// A command shape, resolved against the state when it is applied.
#[derive(Clone, Debug)]
enum Act {
    Step,
    NextInject,
    NextPhase,
    Choose(usize),
    Timeout,
    Pause,
    Resume,
    Curveball(usize),
    Set(usize, f64),
    Adjust(usize, f64),
    Note,
    Undo,
    EndNow,
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        6 => Just(Act::Step),
        4 => Just(Act::NextInject),
        1 => Just(Act::NextPhase),
        8 => (0usize..8).prop_map(Act::Choose),
        1 => Just(Act::Timeout),
        1 => Just(Act::Pause),
        1 => Just(Act::Resume),
        1 => (0usize..64).prop_map(Act::Curveball),
        1 => ((0usize..8), -50.0f64..150.0).prop_map(|(m, v)| Act::Set(m, v)),
        1 => ((0usize..8), -80.0f64..80.0).prop_map(|(m, v)| Act::Adjust(m, v)),
        1 => Just(Act::Note),
        1 => Just(Act::Undo),
        1 => Just(Act::EndNow),
    ]
}

fn resolve(ex: &Exercise, a: &Act) -> Command {
    let sc = ex.scenario();
    let metric = |k: usize| {
        sc.metrics
            .get(k % sc.metrics.len().max(1))
            .map(|m| m.id.clone())
            .unwrap_or_default()
    };
    match a {
        Act::Step => Command::Step,
        Act::NextInject => Command::NextInject,
        Act::NextPhase => Command::NextPhase,
        Act::Choose(k) => match ex.pending().first() {
            Some(&d) => {
                let dec = &sc.decisions[d as usize];
                Command::Choose {
                    decision: dec.id.clone(),
                    option: dec.options[k % dec.options.len()].id.clone(),
                    team: None,
                }
            }
            None => Command::Step,
        },
        Act::Timeout => match ex.pending().first() {
            Some(&d) => Command::Timeout {
                decision: sc.decisions[d as usize].id.clone(),
            },
            None => Command::Step,
        },
        Act::Pause => Command::Pause,
        Act::Resume => Command::Resume,
        Act::Curveball(k) => Command::Curveball {
            inject: sc.injects[k % sc.injects.len()].id.clone(),
        },
        Act::Set(k, v) => Command::SetMetric {
            metric: metric(*k),
            value: *v,
            reason: "prop".into(),
        },
        Act::Adjust(k, v) => Command::AdjustMetric {
            metric: metric(*k),
            delta: *v,
            reason: "prop".into(),
        },
        Act::Note => Command::Note {
            text: "note".into(),
        },
        Act::Undo => Command::Undo,
        Act::EndNow => Command::EndNow {
            reason: "prop".into(),
        },
    }
}

fn scenarios() -> Vec<Arc<Scenario>> {
    downtime::bundled::all()
        .iter()
        .map(|b| {
            b.load()
                .scenario
                .unwrap_or_else(|| panic!("{} has errors", b.name))
        })
        .collect()
}

fn assert_in_range(ex: &Exercise) {
    for (m, v) in ex.scenario().metrics.iter().zip(&ex.state().metrics) {
        assert!(
            *v >= m.min && *v <= m.max && v.is_finite(),
            "{} = {v} outside {}..{}",
            m.id,
            m.min,
            m.max
        );
    }
    for s in &ex.state().services {
        assert!(
            (0.0..=100.0).contains(&s.capacity),
            "capacity {}",
            s.capacity
        );
    }
}

/// Plays the actions, then drives the exercise to its end; returns the applied commands
/// (with their real times) and the transcript.
fn play(s: &Arc<Scenario>, seed: u64, acts: &[Act]) -> (Exercise, Vec<(Command, u64)>, String) {
    let mut ex = Exercise::new(s.clone(), seed);
    let mut applied = Vec::new();
    let mut transcript = Transcript::new(downtime::i18n::Lang::En, &ex, "prop");
    let mut real = 0;
    let mut send =
        |ex: &mut Exercise, cmd: Command, applied: &mut Vec<(Command, u64)>, t: &mut Transcript| {
            real += 700;
            if let Ok(ev) = ex.apply(cmd.clone(), real) {
                t.record(ex, &cmd, &ev);
                applied.push((cmd, real));
            }
            assert_in_range(ex);
        };
    send(
        &mut ex,
        Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
        &mut applied,
        &mut transcript,
    );
    for a in acts {
        let cmd = resolve(&ex, a);
        send(&mut ex, cmd, &mut applied, &mut transcript);
    }
    // Whatever happened, stepping on (and confirming a waiting ending) ends the exercise
    // by the clock's end.
    let end = s.clock.end;
    for _ in 0..100_000 {
        let cmd = match ex.status() {
            Status::Ended { .. } => break,
            _ if ex.state().paused => Command::Resume,
            // An ending that waits for open decisions is confirmed.
            _ if ex.held_ending().is_some() => Command::ConfirmEnding,
            Status::PhaseBreak { .. } => Command::NextPhase,
            _ => Command::Step,
        };
        send(&mut ex, cmd, &mut applied, &mut transcript);
        assert!(ex.now() <= end);
    }
    assert!(ex.is_over(), "the exercise did not end");
    assert!(ex.now() <= end);
    transcript.finish(&ex);
    (ex, applied, transcript.text().to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn evaluating_only_changed_conditions_changes_nothing(seed in any::<u64>(), acts in prop::collection::vec(act(), 0..40)) {
        for s in scenarios() {
            let (ex, applied, _) = play(&s, seed, &acts);
            let mut eager = Exercise::new(s.clone(), seed);
            eager.set_eager_conditions(true);
            for (cmd, real) in &applied {
                eager.apply(cmd.clone(), *real).expect("the same commands apply");
            }
            prop_assert_eq!(eager.fingerprint(), ex.fingerprint());
        }
    }

    #[test]
    fn random_commands_keep_every_invariant(seed in any::<u64>(), acts in prop::collection::vec(act(), 0..60)) {
        for s in scenarios() {
            let (ex, applied, transcript) = play(&s, seed, &acts);
            // Replaying the successful commands (what a journal holds) gives the same state.
            let mut replayed = Exercise::new(s.clone(), seed);
            for (cmd, real) in &applied {
                replayed.apply(cmd.clone(), *real).expect("a journaled command replays");
            }
            prop_assert_eq!(replayed.fingerprint(), ex.fingerprint());
            // The same seed and commands give a byte-identical transcript.
            let (_, _, again) = play(&s, seed, &acts);
            prop_assert_eq!(again, transcript);
        }
    }
}

/// Whole random playthroughs, to the ending, give the same state whether the engine
/// re-evaluates every condition after every change or only those whose inputs changed
/// (and reuses cached paper capacities and random-event chances).
#[test]
fn whole_playthroughs_are_the_same_with_and_without_caches() {
    use downtime::headless::{Policy, next_command};
    for s in scenarios() {
        for seed in 0..24 {
            let mut gated = Exercise::new(s.clone(), seed);
            let mut eager = Exercise::new(s.clone(), seed);
            eager.set_eager_conditions(true);
            let mut policy = Policy::random(seed);
            let mut real = 0;
            let mut commands = 0;
            while let Some(cmd) = next_command(&gated, &mut policy) {
                real += 1000;
                let a = gated.apply(cmd.clone(), real).expect("valid command");
                let b = eager.apply(cmd, real).expect("the same command applies");
                assert_eq!(a, b, "{} seed {seed}: events differ", s.meta.id);
                commands += 1;
            }
            assert!(gated.is_over(), "the policy plays to an ending");
            assert!(commands > 2);
            assert_eq!(gated.fingerprint(), eager.fingerprint());
        }
    }
}

/// A case proptest found: an undo after a curveball, then another curveball, used to end
/// differently with and without the condition caches.
#[test]
fn an_undo_between_curveballs_is_the_same_with_and_without_caches() {
    let acts = [
        Act::Curveball(3),
        Act::Step,
        Act::NextInject,
        Act::Choose(2),
        Act::Step,
        Act::Step,
        Act::NextInject,
        Act::NextInject,
        Act::Undo,
        Act::NextInject,
        Act::Curveball(46),
        Act::NextInject,
        Act::Choose(3),
    ];
    let seed = 5001317861038298971;
    for s in scenarios() {
        let (ex, applied, _) = play(&s, seed, &acts);
        let mut eager = Exercise::new(s.clone(), seed);
        eager.set_eager_conditions(true);
        for (cmd, real) in &applied {
            eager
                .apply(cmd.clone(), *real)
                .expect("the same commands apply");
        }
        assert_eq!(eager.fingerprint(), ex.fingerprint(), "{}", s.meta.id);
    }
}
