//! The order in which a decision's options are shown to the teams: shuffled per decision
//! from the exercise's seed, so that an option's position says nothing about it, unless the
//! decision says `order: Fixed`. Options keep their written indices everywhere else
//! (commands, journals, reports); only what the teams see is reordered. The shuffle uses
//! its own ChaCha8 stream, never the engine's, so outcomes do not depend on it.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::scenario::Scenario;
use crate::scenario::model::OptionOrder;

use super::Exercise;

/// Tag of the ChaCha8 stream of the option orders ("order" in ASCII, then the decision).
const STREAM: u64 = 0x6f72_6465_7200_0000;

/// The options of decision `d` of the exercise, as indices into its written options, in
/// the order the teams see them.
pub fn option_order(ex: &Exercise, d: u16) -> Vec<u16> {
    shown_order(ex.scenario(), ex.seed(), d)
}

/// The number (from 1) that option `o` of decision `d` is shown with.
pub fn shown_number(ex: &Exercise, d: u16, o: u16) -> usize {
    option_order(ex, d)
        .iter()
        .position(|&k| k == o)
        .unwrap_or(usize::from(o))
        + 1
}

/// The options of decision `d` in the order the teams see them, for a scenario and seed.
pub fn shown_order(scenario: &Scenario, seed: u64, d: u16) -> Vec<u16> {
    let Some(decision) = scenario.decisions.get(usize::from(d)) else {
        return Vec::new();
    };
    let n = decision.options.len().min(usize::from(u16::MAX));
    let mut order: Vec<u16> = (0..n as u16).collect();
    if decision.order == OptionOrder::Fixed {
        return order;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(STREAM | u64::from(d));
    // Fisher-Yates, with a multiply-shift reduction written out here so that the order
    // stays the same whatever version of `rand` is in use.
    for i in (1..order.len()).rev() {
        let j = ((u128::from(rng.next_u64()) * (i as u128 + 1)) >> 64) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tutorial() -> std::sync::Arc<Scenario> {
        crate::bundled::find("tutorial")
            .unwrap()
            .load()
            .scenario
            .unwrap()
    }

    #[test]
    fn orders_are_permutations_fixed_by_seed_and_decision() {
        let sc = tutorial();
        let mut shuffled = false;
        for d in 0..sc.decisions.len() as u16 {
            let n = sc.decisions[usize::from(d)].options.len();
            for seed in 0..50 {
                let o = shown_order(&sc, seed, d);
                assert_eq!(o, shown_order(&sc, seed, d));
                let mut sorted = o.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n as u16).collect::<Vec<_>>());
                if sc.decisions[usize::from(d)].order == OptionOrder::Fixed {
                    assert_eq!(o, sorted);
                }
                shuffled |= o != sorted;
            }
        }
        assert!(shuffled, "some order differs from the written one");
        let notify = sc.decision_index("notify").unwrap();
        assert_eq!(sc.decisions[usize::from(notify)].order, OptionOrder::Fixed);
        assert!(shown_order(&sc, 1, u16::MAX).is_empty());
    }
}
