//! Quality gates for every bundled scenario (the tutorial included):
//!
//! - it loads with no diagnostic at all (errors or warnings);
//! - a scripted test plan reaches each of its endings (`tests/plans/<scenario>-<ending>.plan`);
//! - random play over many seeds, with parameter values drawn from each seed, fires every
//!   inject (but the curveballs, which only the facilitator throws), chooses every option at
//!   least once, and no ending takes more than 80% of runs;
//! - the best-practice policy scores clearly above random play.
//!
//! Run with `--nocapture` to see the ending distributions and score statistics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use downtime::bundled;
use downtime::engine::{Command, Exercise, ParamSetting, Status};
use downtime::headless::{self, Bare, Driver, Plan, Policy, plan::Expectation};
use downtime::scenario::{self, Scenario, model::ParamKind};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Random playthroughs per scenario.
const RUNS: u64 = 2000;
/// Best-practice playthroughs per scenario (same seeds and parameters as the first random runs).
const BEST_RUNS: u64 = 300;
/// Largest share of random runs one ending may take.
const MAX_ENDING_SHARE: f64 = 0.8;
/// How far the best-practice mean must lie above the random mean, in score points.
const BEST_MARGIN: f64 = 10.0;
/// Stream of the generator that draws parameter values (apart from the engine's and policy's).
const PARAM_STREAM: u64 = 0x7061_7261_6d73;

/// The bundled scenarios, loaded and compiled: (file stem, scenario).
fn scenarios() -> &'static [(String, Arc<Scenario>)] {
    static CELL: OnceLock<Vec<(String, Arc<Scenario>)>> = OnceLock::new();
    CELL.get_or_init(|| {
        bundled::all()
            .into_iter()
            .map(|b| {
                let loaded = b.load();
                let sc = loaded.scenario.unwrap_or_else(|| {
                    panic!(
                        "{} does not load:\n{}",
                        b.name,
                        loaded.report.render_text(100)
                    )
                });
                (b.name.trim_end_matches(".ron").to_string(), sc)
            })
            .collect()
    })
}

/// Parameter values drawn from the seed (on their own stream), covering every kind.
fn random_params(sc: &Scenario, seed: u64) -> BTreeMap<String, ParamSetting> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(PARAM_STREAM);
    sc.params
        .iter()
        .map(|p| {
            let v = match &p.kind {
                ParamKind::Bool => ParamSetting::Bool(rng.random_bool(0.5)),
                ParamKind::Choice(list) => {
                    ParamSetting::Choice(list[rng.random_range(0..list.len())].clone())
                }
                ParamKind::Number { min, max } => {
                    ParamSetting::Num((min + (max - min) * rng.random::<f64>()).round())
                }
            };
            (p.id.clone(), v)
        })
        .collect()
}

/// Plays one exercise to its end with a policy.
fn play(
    sc: &Arc<Scenario>,
    seed: u64,
    params: BTreeMap<String, ParamSetting>,
    mut policy: Policy,
) -> Exercise {
    let mut bare = Bare {
        exercise: Exercise::new(Arc::clone(sc), seed),
        real: 0,
    };
    bare.send(Command::Start {
        params,
        session: Default::default(),
    })
    .expect("the exercise starts");
    headless::play_out(&mut bare, &mut policy, |_, _, _| {}).expect("the exercise ends");
    bare.exercise
}

fn ending_of(ex: &Exercise) -> u16 {
    match ex.status() {
        Status::Ended { ending } => ending,
        s => panic!("the exercise has not ended: {s:?}"),
    }
}

/// What random play over many seeds did with one scenario.
struct Stats {
    /// Runs that fired each inject.
    fired: Vec<u64>,
    /// Runs that chose each option of each decision.
    chosen: Vec<Vec<u64>>,
    /// Runs that ended with each ending.
    endings: Vec<u64>,
    /// Injects fired and decisions taken, summed over the random runs.
    fired_total: u64,
    decided_total: u64,
    /// Score of each random run, by seed.
    scores: Vec<f64>,
    /// Score of each best-practice run (the first `BEST_RUNS` seeds, same parameters).
    best: Vec<f64>,
    /// Best-practice runs that ended with each ending.
    best_endings: Vec<u64>,
}

fn simulate(sc: &Arc<Scenario>) -> Stats {
    let mut s = Stats {
        fired: vec![0; sc.injects.len()],
        chosen: sc
            .decisions
            .iter()
            .map(|d| vec![0; d.options.len()])
            .collect(),
        endings: vec![0; sc.endings.len()],
        fired_total: 0,
        decided_total: 0,
        scores: Vec::new(),
        best: Vec::new(),
        best_endings: vec![0; sc.endings.len()],
    };
    for seed in 0..RUNS {
        let ex = play(sc, seed, random_params(sc, seed), Policy::random(seed));
        let st = ex.state();
        for (i, inj) in st.injects.iter().enumerate() {
            if inj.fired_at.is_some() {
                s.fired[i] += 1;
                s.fired_total += 1;
            }
        }
        for (d, ds) in st.decisions.iter().enumerate() {
            if let Some(c) = &ds.choice {
                s.chosen[d][c.option as usize] += 1;
                s.decided_total += 1;
            }
        }
        s.endings[ending_of(&ex) as usize] += 1;
        s.scores.push(ex.score().score);
    }
    for seed in 0..BEST_RUNS {
        let ex = play(sc, seed, random_params(sc, seed), Policy::BestPractice);
        s.best.push(ex.score().score);
        s.best_endings[ending_of(&ex) as usize] += 1;
    }
    s
}

/// Random-play statistics of every bundled scenario, computed once for all tests.
fn stats() -> &'static [(String, Arc<Scenario>, Stats)] {
    static CELL: OnceLock<Vec<(String, Arc<Scenario>, Stats)>> = OnceLock::new();
    CELL.get_or_init(|| {
        std::thread::scope(|scope| {
            let handles: Vec<_> = scenarios()
                .iter()
                .map(|(name, sc)| scope.spawn(move || (name.clone(), Arc::clone(sc), simulate(sc))))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("simulation thread"))
                .collect()
        })
    })
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// The value at quantile `q` (0..1) of a sample, nearest rank.
fn quantile(v: &[f64], q: f64) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let k = ((q * s.len() as f64).ceil() as usize).clamp(1, s.len()) - 1;
    s[k]
}

#[test]
fn every_bundled_scenario_loads_without_any_diagnostic() {
    let all = bundled::all();
    assert!(
        all.len() >= 3,
        "expected the tutorial and two exercises, found {}",
        all.len()
    );
    for b in all {
        let loaded = b.load();
        assert_eq!(
            loaded.report.diagnostics,
            vec![],
            "{} (bundled):\n{}",
            b.name,
            loaded.report.render_text(100)
        );
        // The file on disk too, with its attachments read from the file system.
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(b.name);
        let loaded = scenario::load_file(&path);
        assert_eq!(
            loaded.report.diagnostics,
            vec![],
            "{}:\n{}",
            path.display(),
            loaded.report.render_text(100)
        );
        assert!(loaded.scenario.is_some());
    }
}

fn plans_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans")
}

/// The seed a plan asks for in a `# seed: N` comment line, else 1.
fn plan_seed(text: &str) -> u64 {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("# seed:"))
        .map(|n| n.trim().parse().expect("`# seed:` takes a whole number"))
        .unwrap_or(1)
}

#[test]
fn a_test_plan_reaches_every_ending_of_every_bundled_scenario() {
    let mut failures = Vec::new();
    let mut expected_files = Vec::new();
    for (name, sc) in scenarios() {
        for ending in &sc.endings {
            let file = format!("{name}-{}.plan", ending.id);
            let path = plans_dir().join(&file);
            expected_files.push(file.clone());
            let Ok(text) = std::fs::read_to_string(&path) else {
                failures.push(format!("{file}: missing (every ending needs a plan)"));
                continue;
            };
            let plan = match Plan::parse(&text) {
                Ok(p) => p,
                Err(e) => {
                    failures.push(format!("{file}: {e}"));
                    continue;
                }
            };
            let last = plan.steps.last().map(|(_, s)| s.clone());
            let ends_right = matches!(
                &last,
                Some(headless::PlanStep::Expect(Expectation::Ending(e))) if *e == ending.id
            );
            if !ends_right {
                failures.push(format!(
                    "{file}: the last line must be `expect ending {}`",
                    ending.id
                ));
            }
            let expectations = plan
                .steps
                .iter()
                .filter(|(_, s)| matches!(s, headless::PlanStep::Expect(_)))
                .count();
            if expectations < 3 {
                failures.push(format!(
                    "{file}: only {expectations} expectation(s); check a few things along the way"
                ));
            }
            let mut bare = Bare {
                exercise: Exercise::new(Arc::clone(sc), plan_seed(&text)),
                real: 0,
            };
            if let Err(e) = headless::run_plan(&mut bare, &plan, |_, _, _| {}) {
                failures.push(format!("{file}: {e}"));
                continue;
            }
            match bare.exercise.status() {
                Status::Ended { ending: e } if sc.endings[e as usize].id == ending.id => {}
                s => failures.push(format!("{file}: finished as {s:?}")),
            }
        }
    }
    // Every plan file belongs to a bundled scenario's ending (no stale plans).
    for entry in std::fs::read_dir(plans_dir()).expect("tests/plans exists") {
        let file = entry.expect("readable entry").file_name();
        let file = file.to_string_lossy().to_string();
        if file.ends_with(".plan") && !expected_files.contains(&file) {
            failures.push(format!("{file}: matches no ending of a bundled scenario"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn random_play_fires_every_inject_and_chooses_every_option() {
    let mut failures = Vec::new();
    for (name, sc, s) in stats() {
        for (i, n) in s.fired.iter().enumerate() {
            // Only the facilitator throws a curveball: random play never fires one.
            if *n == 0 && !sc.injects[i].curveball {
                failures.push(format!(
                    "{name}: inject `{}` never fired in {RUNS} random runs",
                    sc.injects[i].id
                ));
            }
        }
        for (d, opts) in s.chosen.iter().enumerate() {
            for (o, n) in opts.iter().enumerate() {
                if *n == 0 {
                    failures.push(format!(
                        "{name}: option `{}.{}` never chosen in {RUNS} random runs",
                        sc.decisions[d].id, sc.decisions[d].options[o].id
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn random_play_spreads_over_the_endings() {
    let mut failures = Vec::new();
    for (name, sc, s) in stats() {
        println!(
            "{name}: endings over {RUNS} random runs (random parameters); \
             {:.1} injects fired and {:.1} decisions taken per run on average",
            s.fired_total as f64 / RUNS as f64,
            s.decided_total as f64 / RUNS as f64
        );
        for (e, n) in s.endings.iter().enumerate() {
            let share = *n as f64 / RUNS as f64;
            println!(
                "  {:<20} {:>5} ({:>5.1}%)",
                sc.endings[e].id,
                n,
                100.0 * share
            );
            if share > MAX_ENDING_SHARE {
                failures.push(format!(
                    "{name}: ending `{}` takes {:.1}% of random runs (limit {:.0}%)",
                    sc.endings[e].id,
                    100.0 * share,
                    100.0 * MAX_ENDING_SHARE
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn best_practice_scores_clearly_above_random_play() {
    let mut failures = Vec::new();
    for (name, sc, s) in stats() {
        let (rm, bm) = (mean(&s.scores), mean(&s.best));
        println!(
            "{name}: random score mean {rm:.1}, p5 {:.1}, p50 {:.1}, p95 {:.1} ({RUNS} runs); \
             best-practice mean {bm:.1}, p5 {:.1}, p50 {:.1} ({BEST_RUNS} runs)",
            quantile(&s.scores, 0.05),
            quantile(&s.scores, 0.5),
            quantile(&s.scores, 0.95),
            quantile(&s.best, 0.05),
            quantile(&s.best, 0.5),
        );
        let endings: Vec<String> = s
            .best_endings
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(e, n)| format!("{} {n}", sc.endings[e].id))
            .collect();
        println!("{name}: best-practice endings: {}", endings.join(", "));
        // One fixed playthrough with the defaults, as a facilitator would see it.
        let one = play(sc, 1, BTreeMap::new(), Policy::BestPractice);
        println!(
            "{name}: best-practice playthrough (seed 1, default parameters): {:.1}, ending `{}`",
            one.score().score,
            sc.endings[ending_of(&one) as usize].id
        );
        if bm < rm + BEST_MARGIN {
            failures.push(format!(
                "{name}: best-practice mean {bm:.1} is not {BEST_MARGIN} points above the random mean {rm:.1}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The pathology exercise's premise: the supplier's systems are outside the trust's control, so
/// no decision of the trust (option or outcome) may change them; only injects (the supplier's
/// updates) and random events (setbacks) do.
#[test]
fn in_the_pathology_outage_no_decision_repairs_the_suppliers_systems() {
    use downtime::scenario::expr::effects::Effect;
    let (_, sc) = scenarios()
        .iter()
        .find(|(name, _)| name == "pathology-outage")
        .expect("the pathology outage is bundled");
    let supplier: Vec<u16> = ["lims", "transfusion_lims", "order_comms"]
        .iter()
        .map(|id| {
            sc.systems
                .iter()
                .position(|s| s.id == *id)
                .unwrap_or_else(|| panic!("system `{id}` exists")) as u16
        })
        .collect();
    let touches = |effects: &[Effect]| {
        effects
            .iter()
            .any(|e| matches!(e, Effect::System { system, .. } if supplier.contains(system)))
    };
    for d in &sc.decisions {
        for o in &d.options {
            assert!(
                !touches(&o.effects),
                "option `{}.{}` changes a supplier system",
                d.id,
                o.id
            );
            for oc in &o.outcomes {
                assert!(
                    !touches(&oc.effects),
                    "an outcome of `{}.{}` changes a supplier system",
                    d.id,
                    o.id
                );
            }
        }
    }
    // The supplier's systems do change during the exercise, through injects.
    assert!(sc.injects.iter().any(|i| touches(&i.effects)));
}

/// The bundled exercises held to every balance rule of `simulate --balance`: luck under best
/// practice, best practice above random play, each recommended option the best at its decision,
/// every decision and every parameter mattering, every ending reached and none dominating, the
/// first options not the expected ones. 4,000 runs per simulation with seed 1: the rules
/// measure means of random play, and fewer runs leave them at the mercy of the dice.
const BALANCED: &[&str] = &["saturday-night-blackout", "pathology-outage"];

#[test]
fn the_bundled_exercises_hold_every_balance_rule() {
    use downtime::i18n::Lang;
    use downtime::simulate::balance::{self, Effort};
    let mut failures = Vec::new();
    for name in BALANCED {
        let (_, sc) = scenarios()
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} is bundled"));
        let b = balance::measure(
            sc,
            &Effort {
                runs: 4000,
                seed: 1,
                jobs: 2,
            },
        );
        let text = b.to_text(Lang::En, &sc.meta.title);
        println!("{text}");
        if !b.holds() {
            failures.push(text);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a best-practice run (seed 1, default parameters) shows in each phase: messages without
/// a decision, and decisions.
fn pace_of(sc: &Arc<Scenario>) -> Vec<(u32, u32)> {
    let ex = play(sc, 1, BTreeMap::new(), Policy::BestPractice);
    let st = ex.state();
    let mut pace = vec![(0, 0); sc.phases.len().max(1)];
    for (i, inj) in st.injects.iter().enumerate() {
        let (Some(at), false) = (inj.fired_at, sc.injects[i].hidden) else {
            continue;
        };
        let phase = sc.phases.iter().rposition(|p| p.start <= at).unwrap_or(0);
        if sc.injects[i].decision.is_some() {
            pace[phase].1 += 1;
        } else {
            pace[phase].0 += 1;
        }
    }
    pace
}

/// Each phase of the exercises says in its notes how many messages and decisions it has under
/// best practice ("Pace: under best practice this phase has N messages and M decisions."), so
/// that a facilitator can plan the time; the sentence must match the file.
#[test]
fn each_phase_of_the_exercises_states_its_pace() {
    let mut failures = Vec::new();
    for name in BALANCED {
        let (_, sc) = scenarios()
            .iter()
            .find(|(n, _)| n == name)
            .expect("bundled");
        for (p, (messages, decisions)) in sc.phases.iter().zip(pace_of(sc)) {
            let said = format!(
                "Pace: under best practice this phase has {messages} messages and {decisions} decisions."
            );
            if !p.notes.starts_with(&said) {
                failures.push(format!(
                    "{name}, phase `{}`: its notes should begin with \"{said}\"",
                    p.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The flagship fits about 90 minutes: the real-time limits of the decisions best practice
/// takes, plus about one minute per message read out, plus a five-minute debrief per phase.
#[test]
fn the_flagship_fits_about_ninety_minutes() {
    let (_, sc) = scenarios()
        .iter()
        .find(|(n, _)| n == "saturday-night-blackout")
        .expect("bundled");
    let ex = play(sc, 1, BTreeMap::new(), Policy::BestPractice);
    let st = ex.state();
    let mut secs = 5 * 60 * sc.phases.len() as i64;
    for (i, inj) in st.injects.iter().enumerate() {
        if inj.fired_at.is_none() || sc.injects[i].hidden {
            continue;
        }
        secs += match sc.injects[i].decision {
            Some(d) => sc.decisions[d as usize]
                .timeout
                .as_ref()
                .and_then(|t| t.real)
                .expect("every flagship decision has a real-time limit"),
            None => 60,
        };
    }
    let minutes = secs / 60;
    println!("Saturday Night Blackout: about {minutes} minutes under best practice");
    assert_eq!(sc.meta.duration, Some(90 * 60), "meta.duration says 90m");
    assert!(
        (80..=100).contains(&minutes),
        "the flagship takes about {minutes} minutes, not about 90"
    );
}
