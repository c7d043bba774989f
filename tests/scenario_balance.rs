//! Monte-Carlo balance baselines of the bundled exercises: `simulate --balance` with 500
//! runs per simulation and seed 1, as text, compared with `tests/golden/balance-NAME.txt`.
//! A change to an exercise that moves its balance shows here as a readable diff of the rules
//! and of each option's impact; accept it with `UPDATE_GOLDEN=1 cargo test --test
//! scenario_balance` after reading it. That the rules hold is asserted, with more runs, by
//! `tests/scenario_quality.rs`.

use std::path::Path;

use downtime::i18n::Lang;
use downtime::simulate::balance::{self, Effort};

/// The bundled exercises measured.
const EXERCISES: &[&str] = &["saturday-night-blackout", "pathology-outage"];

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; create it with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} moved (accept with UPDATE_GOLDEN=1 after reading the diff):\n--- golden\n{expected}\n--- now\n{actual}"
    );
}

#[test]
fn the_bundled_exercises_keep_their_balance_baselines() {
    for name in EXERCISES {
        let path = format!("scenarios/{name}.ron");
        let sc = downtime::scenario::load_file(Path::new(&path))
            .scenario
            .expect("the exercise loads");
        let b = balance::measure(
            &sc,
            &Effort {
                runs: 500,
                seed: 1,
                jobs: 2,
            },
        );
        golden(
            &format!("balance-{name}.txt"),
            &b.to_text(Lang::En, &sc.meta.title),
        );
    }
}
